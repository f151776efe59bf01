"""The adviser's queue and decisions. Advisers act within their own region (another region's
organisation answers 404); admins act everywhere."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user

from portal import access, db
from portal.accounts.auth import adviser_required
from portal.actions import button_action, flashed_action
from portal.form_errors import put_error
from portal.organisations import queries, services
from portal.organisations.forms import (
    KIND_LABELS,
    SECTOR_LABELS,
    ConfirmForm,
    ContactAdviserForm,
    RegionMoveForm,
    RejectForm,
    SuspendForm,
)
from portal.organisations.models import OrgStatus
from portal.organisations.views import bp


@bp.get("/adviseur/organisaties")
@adviser_required
def queue():
    try:
        status = OrgStatus(request.args.get("status", OrgStatus.pending.value))
    except ValueError:
        abort(404)
    return render_template(
        "organisations/queue.html", status=status, rows=queries.queue(current_user, status),
        counts=queries.status_counts(current_user), statuses=list(OrgStatus),
        status_label=services.status_label, kind_labels=KIND_LABELS,
    )


def _detail(org, *, reject_form=None, suspend_form=None, contact_form=None, region_form=None,
            code=200):
    if contact_form is None:
        contact_form = ContactAdviserForm(prefix="contact")
    contact_form.set_advisers(queries.advisers_of_region(org.region_id))
    if contact_form.adviser.data is None and org.contact_adviser_id:
        contact_form.adviser.data = org.contact_adviser_id
    return render_template(
        "organisations/detail.html", org=org, members=queries.members(org),
        confirm_form=ConfirmForm(), reject_form=reject_form or RejectForm(prefix="reject"),
        suspend_form=suspend_form or SuspendForm(prefix="suspend"), contact_form=contact_form,
        status_label=services.status_label(org.status),
        kind_label=KIND_LABELS.get(org.kind.value, org.kind.value),
        sector_label=SECTOR_LABELS.get(org.sector, org.sector),
        transitions=services.TRANSITIONS[org.status], OrgStatus=OrgStatus,
        region_form=(region_form or RegionMoveForm(prefix="region", formdata=None)).set_regions(
            queries.all_regions(), org.region_id),
    ), code


@bp.get("/adviseur/organisaties/<int:org_id>")
@adviser_required
def detail(org_id: int):
    org = queries.get_for_adviser_or_404(org_id, current_user)
    return _detail(org)


@bp.post("/adviseur/organisaties/<int:org_id>/goedkeuren")
@adviser_required
def approve(org_id: int):
    org = queries.get_for_adviser_or_404(org_id, current_user)
    return button_action(lambda: services.approve(org, current_user),
                         _("%(name)s is goedgekeurd. De organisatie krijgt een e-mail.",
                           name=org.name),
                         url_for("organisations.detail", org_id=org.id))


@bp.post("/adviseur/organisaties/<int:org_id>/afwijzen")
@adviser_required
def reject(org_id: int):
    org = queries.get_for_adviser_or_404(org_id, current_user)
    form = RejectForm(prefix="reject")
    return flashed_action(form, lambda: services.reject(org, current_user, form.reason.data),
                          _("%(name)s is afgewezen. De organisatie krijgt de reden per e-mail.",
                            name=org.name),
                          url_for("organisations.detail", org_id=org.id)) \
        or _detail(org, reject_form=form, code=400)


@bp.post("/adviseur/organisaties/<int:org_id>/schorsen")
@adviser_required
def suspend(org_id: int):
    org = queries.get_for_adviser_or_404(org_id, current_user)
    form = SuspendForm(prefix="suspend")
    return flashed_action(
        form, lambda: services.suspend(org, current_user, form.reason.data),
        lambda taken: ngettext("%(name)s is geschorst; %(num)d vacature staat niet meer online.",
                               "%(name)s is geschorst; %(num)d vacatures staan niet meer online.",
                               taken, name=org.name),
        url_for("organisations.detail", org_id=org.id)) \
        or _detail(org, suspend_form=form, code=400)


@bp.post("/adviseur/organisaties/<int:org_id>/herstellen")
@adviser_required
def reinstate(org_id: int):
    org = queries.get_for_adviser_or_404(org_id, current_user)
    return button_action(lambda: services.reinstate(org, current_user),
                         _("%(name)s is weer actief.", name=org.name),
                         url_for("organisations.detail", org_id=org.id))


@bp.post("/adviseur/organisaties/<int:org_id>/regio")
@adviser_required
def move_region(org_id: int):
    org = queries.get_for_adviser_or_404(org_id, current_user)
    form = RegionMoveForm(prefix="region").set_regions(queries.all_regions(), org.region_id)
    if not form.validate_on_submit():
        return _detail(org, region_form=form, code=400)
    old_region_id = org.region_id
    try:
        services.move_region(org, current_user, form.region.data)
    except services.OrganisationError as exc:
        db.session.rollback()
        put_error(form, exc.field, exc.message)
        return _detail(org, region_form=form, code=422)
    db.session.commit()
    if org.region_id == old_region_id:
        flash(_("De regio %(region)s is vastgelegd.", region=org.region.name), "success")
        return redirect(url_for("organisations.detail", org_id=org.id))
    flash(_("%(name)s hoort nu bij regio %(region)s. De adviseurs daar zien de organisatie en "
            "wat erbij hoort.", name=org.name, region=org.region.name), "success")
    if access.may_see_org(current_user, org):  # an admin
        return redirect(url_for("organisations.detail", org_id=org.id))
    return redirect(url_for("organisations.queue"))  # another region's now: not ours to see


@bp.post("/adviseur/organisaties/<int:org_id>/contactpersoon")
@adviser_required
def contact(org_id: int):
    org = queries.get_for_adviser_or_404(org_id, current_user)
    form = ContactAdviserForm(prefix="contact")
    form.set_advisers(queries.advisers_of_region(org.region_id))
    return flashed_action(form, lambda: services.change_contact_adviser(org, current_user,
                                                                        form.adviser.data),
                          _("De contactpersoon is gewijzigd."),
                          url_for("organisations.detail", org_id=org.id)) \
        or _detail(org, contact_form=form, code=400)
