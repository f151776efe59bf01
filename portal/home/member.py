"""An employer's or agency's home: whether the organisation is approved (and if not, why
and what that means), new applicants oldest first, the tours to come, and the TWV steps
that are due (apply for the permit; confirm a cancellation at UWV)."""
from __future__ import annotations

from flask import url_for
from flask_babel import format_datetime
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from portal import access, db
from portal.accounts.home import MAX_ITEMS, WorkItem, WorkLine, waited
from portal.accounts.models import Role, User
from portal.accounts.signals import home_shown
from portal.applicants.models import Application, Stage
from portal.applicants.queries import visible_applications
from portal.clock import utcnow
from portal.organisations.models import Organisation, OrgStatus
from portal.placements.models import Placement, TwvState
from portal.tours.models import TourState
from portal.tours.queries import list_for_organisation as tours_of


def organisation(org: Organisation) -> WorkLine | None:
    """Not approved yet, rejected or suspended: say so first, with the reason."""
    url = url_for("organisations.mine")
    item = (WorkItem(org.name, url, waited(org.created_at)),)
    if org.status == OrgStatus.pending:
        return WorkLine(0, "organisation", _("Uw organisatie wacht op goedkeuring"), 1, url, item,
                        note=_("De werkgeversadviseur van UWV of WSP in uw regio controleert uw "
                               "gegevens (KvK-nummer, adres, sector). Tot de goedkeuring kunt u "
                               "vacatures klaarzetten, maar niet publiceren."))
    if org.status in (OrgStatus.rejected, OrgStatus.suspended):
        label = (_("Uw aanmelding is afgewezen") if org.status == OrgStatus.rejected
                 else _("Uw organisatie is geschorst"))
        reason = org.status_reason or _("Er is geen reden opgegeven.")
        return WorkLine(0, "organisation", label, 1, url, item,
                        note=_("Reden: %(reason)s Vragen? Neem contact op met uw adviseur.",
                               reason=reason))
    return None


def new_applicants(user: User) -> WorkLine:
    apps = list(db.session.scalars(visible_applications(user).where(
        Application.stage == Stage.new, Application.erased_at.is_(None))
        .order_by(Application.created_at, Application.id)))
    # A suspended organisation sees no names (portal.access): the reference is enough here.
    named = access.may_see_personal_data(user)
    items = tuple(WorkItem(f"{a.both_names if named else a.reference} – {a.vacancy.title}",
                           url_for("applicants.detail", application_id=a.id), waited(a.created_at))
                  for a in apps[:MAX_ITEMS])
    return WorkLine(10, "applicants", _("Nieuwe sollicitanten"), len(apps),
                    url_for("applicants.index", stage=Stage.new.value, sort="oldest"), items)


def tours(org: Organisation) -> WorkLine:
    now = utcnow()
    coming = [t for t in tours_of(org)
              if t.state in (TourState.requested, TourState.confirmed) and t.starts_at >= now]
    items = tuple(WorkItem(t.vacancy.title if t.vacancy else t.address,
                           url_for("tours.show", tour_id=t.id),
                           format_datetime(t.starts_at, "EEEE d MMMM, HH:mm"))
                  for t in coming[:MAX_ITEMS])
    return WorkLine(20, "tours", _("Rondleidingen die komen"), len(coming),
                    url_for("tours.index"), items)


STEP_TEXT = {
    TwvState.to_apply: _l("TWV aanvragen bij UWV"),
    TwvState.cancellation_requested: _l("Intrekking van de TWV bevestigen"),
}


def twv_steps(org: Organisation) -> WorkLine:
    due = list(db.session.scalars(select(Placement).where(
        Placement.organisation_id == org.id, Placement.twv_state.in_(tuple(STEP_TEXT)))
        .order_by(Placement.created_at, Placement.id)))
    items = tuple(WorkItem(f"{STEP_TEXT[p.twv_state]} – {p.vacancy.title}",
                           url_for("placements.show", placement_id=p.id),
                           waited(p.cancellation_requested_at or p.created_at))
                  for p in due[:MAX_ITEMS])
    return WorkLine(30, "twv", _("TWV-stappen te doen"), len(due), url_for("placements.index"), items)


@home_shown.connect
def _member_home(user: User, **_kw) -> list[WorkLine]:
    org = user.organisation if user.role == Role.member else None
    if org is None:
        return []
    first = organisation(org)
    return [*([first] if first else []), new_applicants(user), tours(org), twv_steps(org)]
