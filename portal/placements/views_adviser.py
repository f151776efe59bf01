"""Adviser pages: the region's placements (read-only) and the TWV cancellations that wait for
the employer. Another region's placement answers 404; admins see every region."""
from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal import access, db
from portal.accounts.auth import adviser_required
from portal.clock import today
from portal.placements import queries, services
from portal.placements.forms import PhoneForm
from portal.placements.views import bp


def _load(placement_id: int):
    return access.found_or_404(queries.for_adviser(current_user, placement_id))


@bp.get("/adviseur/plaatsingen")
@adviser_required
def region_index():
    return render_template("placements/index.html", placements=queries.list_for_region(current_user),
                           today=today(), adviser_view=True)


@bp.get("/adviseur/plaatsingen/<int:placement_id>")
@adviser_required
def region_show(placement_id: int):
    placement = _load(placement_id)
    services.record_adviser_view(placement, current_user)  # the page shows the resident's name
    db.session.commit()
    return render_template("placements/show.html", placement=placement, adviser_view=True,
                           age=placement.cancellation_age(today()), today=today(),
                           uwv_contact=queries.uwv_contact())


def _cancellations(forms=None, code=200):
    rows = queries.awaiting_cancellation(current_user)
    forms = forms or {}
    rows = [(p, age, overdue, forms.get(p.id) or PhoneForm(prefix=f"p{p.id}"))
            for p, age, overdue in rows]
    return render_template("placements/cancellations.html", rows=rows), code


@bp.get("/adviseur/twv-intrekkingen")
@adviser_required
def cancellations():
    return _cancellations()


@bp.post("/adviseur/twv-intrekkingen/<int:placement_id>")
@adviser_required
def handled_by_phone(placement_id: int):
    placement = _load(placement_id)
    form = PhoneForm(prefix=f"p{placement.id}")
    if form.validate_on_submit():
        try:
            services.confirm_cancelled(placement, current_user, via="adviser_phone",
                                       note=form.note.data)
        except services.PlacementError as exc:
            db.session.rollback()
            form.note.errors = [*form.note.errors, exc.message]
        else:
            db.session.commit()
            flash(_("Vastgelegd: de TWV is telefonisch afgehandeld."), "success")
            return redirect(url_for(".cancellations"))
    return _cancellations({placement.id: form}, 422)
