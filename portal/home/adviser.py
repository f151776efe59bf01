"""An adviser's home: organisations waiting for a decision, questions by age with the
two-working-day line, new reports, overdue TWV cancellations and aftercare concerns, each
oldest first. Admins see the same for every region on /beheer/ and the features' own pages;
their home page has admin work only (portal/home/admin.py)."""
from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from portal import db
from portal.accounts.home import MAX_ITEMS, WorkItem, WorkLine, waited
from portal.accounts.models import Role, User
from portal.accounts.signals import home_shown
from portal.aftercare.queries import follow_up_for_adviser
from portal.home.desk import desk_line
from portal.organisations.models import OrgStatus
from portal.organisations.queries import queue as organisation_queue
from portal.placements.queries import awaiting_cancellation
from portal.questions.services import inbox
from portal.reports.models import Report, ReportState
from portal.reports.services import visible_to as reports_visible_to


def organisations(user: User) -> WorkLine:
    waiting = organisation_queue(user, OrgStatus.pending)
    items = tuple(WorkItem(org.name, url_for("organisations.detail", org_id=org.id),
                           waited(org.created_at)) for org, _days in waiting[:MAX_ITEMS])
    return WorkLine(10, "organisations", _("Organisaties wachten op uw besluit"), len(waiting),
                    url_for("organisations.queue"), items)


def questions(user: User) -> WorkLine:
    """Questions waiting for an answer, longest first; past two working days is late."""
    waiting = [(q, late) for q, late in inbox(user) if q.waiting_since is not None]
    late = sum(1 for _q, is_late in waiting if is_late)
    items = tuple(WorkItem(q.subject, url_for("questions.adviser_thread", question_id=q.id),
                           waited(q.waiting_since), is_late) for q, is_late in waiting[:MAX_ITEMS])
    return WorkLine(
        20, "questions", _("Vragen wachten op antwoord"), len(waiting),
        url_for("questions.inbox"), items, late=late,
        late_label=ngettext("%(num)d wacht langer dan 2 werkdagen",
                            "%(num)d wachten langer dan 2 werkdagen", late) if late else "")


def reports(user: User) -> WorkLine:
    new = list(db.session.scalars(reports_visible_to(user).where(
        Report.state == ReportState.new).order_by(Report.created_at, Report.id)))
    items = tuple(WorkItem(r.employer_name or r.code, url_for("reports.detail", report_id=r.id),
                           waited(r.created_at)) for r in new[:MAX_ITEMS])
    return WorkLine(30, "reports", _("Nieuwe meldingen"), len(new),
                    url_for("reports.queue", state=ReportState.new.value), items)


def cancellations(user: User) -> WorkLine:
    overdue = [(p, age) for p, age, is_overdue in awaiting_cancellation(user) if is_overdue]
    items = tuple(WorkItem(p.organisation.name, url_for("placements.region_show", placement_id=p.id),
                           ngettext("%(num)d dag", "%(num)d dagen", age), True)
                  for p, age in overdue[:MAX_ITEMS])
    return WorkLine(40, "cancellations", _("TWV-intrekkingen over tijd"), len(overdue),
                    url_for("placements.cancellations"), items, late=len(overdue))


def aftercare(user: User) -> WorkLine:
    concerns = follow_up_for_adviser(user)
    items = tuple(WorkItem(check.placement.organisation.name,
                           url_for("aftercare.adviser_detail", check_id=check.id),
                           waited(check.answered_at)) for check in concerns[:MAX_ITEMS])
    return WorkLine(50, "aftercare", _("Nazorg: zorgen om op te volgen"), len(concerns),
                    url_for("aftercare.adviser_index"), items)


@home_shown.connect
def _adviser_home(user: User, **_kw) -> list[WorkLine]:
    if user.role != Role.adviser:
        return []
    return [organisations(user), questions(user), reports(user), cancellations(user),
            aftercare(user), desk_line()]
