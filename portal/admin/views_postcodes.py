"""Admin pages for the postcode → region table (/beheer/postcodes): which region's advisers
vet an organisation, from the postcode of its address."""
from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal import db
from portal.accounts.auth import admin_required
from portal.actions import form_action
from portal.admin import postcodes as ranges
from portal.admin import services
from portal.admin.forms import ConfirmForm, PostcodeRangeForm
from portal.admin.views import bp
from portal.regions.models import PostcodeRange


def _form(**kw) -> PostcodeRangeForm:
    return PostcodeRangeForm(**kw).set_regions(services.regions())


@bp.route("/beheer/postcodes", methods=["GET", "POST"])
@admin_required
def postcodes():
    form = _form()
    done = form_action(form, lambda: ranges.add_range(form.low.data, form.high.data,
                                                      form.region.data, form.label.data or "",
                                                      current_user),
                       lambda row: _("Postcodes %(low)s–%(high)s horen nu bij %(region)s.",
                                     low=row.low, high=row.high, region=row.region.name),
                       url_for("admin.postcodes"))
    return done or render_template("admin/postcodes.html", form=form, rows=ranges.ranges(),
                           delete_form=ConfirmForm())


@bp.route("/beheer/postcodes/<int:range_id>", methods=["GET", "POST"])
@admin_required
def postcode_edit(range_id: int):
    row = services.get_or_404(PostcodeRange, range_id)
    form = _form(obj=row)
    if not form.is_submitted():
        form.region.data = row.region_id
    done = form_action(form, lambda: ranges.update_range(row, form.low.data, form.high.data,
                                                         form.region.data, form.label.data or "",
                                                         current_user),
                       _("De postcodes zijn opgeslagen."), url_for("admin.postcodes"))
    return done or render_template("admin/postcode_edit.html", form=form, row=row)


@bp.post("/beheer/postcodes/<int:range_id>/verwijderen")
@admin_required
def postcode_delete(range_id: int):
    row = services.get_or_404(PostcodeRange, range_id)
    if ConfirmForm().validate_on_submit():
        ranges.delete_range(row, current_user)
        db.session.commit()
        flash(_("Postcodes %(low)s–%(high)s zijn verwijderd. Een organisatie daar kiest nu zelf "
                "een regio; u ziet haar dan op uw startpagina.", low=row.low, high=row.high),
              "success")
    return redirect(url_for("admin.postcodes"))
