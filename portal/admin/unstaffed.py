"""What an admin must see so that nothing waits where no adviser looks: regions without an
active adviser (with what is waiting there: organisations, reports, questions, TWV
cancellations), reports without a region, and organisations whose region the registrant chose
by hand because the postcode table did not know it. Read-only; the admin's home page and
/beheer/ show it."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from portal import db
from portal.accounts.models import Role, User
from portal.organisations.models import Organisation, OrgStatus
from portal.placements.models import Placement, TwvState
from portal.questions.models import Question, QuestionState
from portal.regions.models import Region
from portal.reports.models import Report, ReportState


@dataclass
class Unstaffed:
    region: Region
    organisations_pending: int
    organisations_active: int
    reports_open: int
    questions_open: int
    cancellations_open: int

    @property
    def waiting(self) -> int:
        return (self.organisations_pending + self.reports_open + self.questions_open
                + self.cancellations_open)


def _per_region(stmt) -> dict[int, int]:
    return dict(db.session.execute(stmt).tuples().all())


def regions_without_adviser() -> list[Unstaffed]:
    """Every region with no active adviser, most waiting first."""
    staffed = select(User.region_id).where(User.role == Role.adviser, User.active.is_(True),
                                           User.region_id.is_not(None))
    regions = list(db.session.scalars(
        select(Region).where(Region.id.not_in(staffed)).order_by(Region.name)))
    if not regions:
        return []
    org_region = Organisation.region_id
    pending = _per_region(select(org_region, func.count()).where(
        Organisation.status == OrgStatus.pending).group_by(org_region))
    active = _per_region(select(org_region, func.count()).where(
        Organisation.status == OrgStatus.approved).group_by(org_region))
    reports = _per_region(select(Report.region_id, func.count()).where(
        Report.state != ReportState.closed).group_by(Report.region_id))
    questions = _per_region(select(org_region, func.count()).join(
        Question, Question.organisation_id == Organisation.id).where(
        Question.state == QuestionState.open).group_by(org_region))
    cancellations = _per_region(select(org_region, func.count()).join(
        Placement, Placement.organisation_id == Organisation.id).where(
        Placement.twv_state == TwvState.cancellation_requested).group_by(org_region))
    rows = [Unstaffed(r, pending.get(r.id, 0), active.get(r.id, 0), reports.get(r.id, 0),
                      questions.get(r.id, 0), cancellations.get(r.id, 0)) for r in regions]
    return sorted(rows, key=lambda row: -row.waiting)


def reports_without_region() -> int:
    return db.session.scalar(select(func.count()).select_from(Report).where(
        Report.region_id.is_(None), Report.state != ReportState.closed)) or 0


def unconfirmed_regions() -> list[Organisation]:
    """Organisations that picked their region themselves (postcode not in the table)."""
    return list(db.session.scalars(
        select(Organisation).where(Organisation.region_confirmed.is_(False),
                                   Organisation.status != OrgStatus.rejected)
        .order_by(Organisation.created_at)))


def overview() -> dict:
    """For the admin's pages: the template variables of admin/_unstaffed.html."""
    return {"unstaffed": regions_without_adviser(), "reports_without_region": reports_without_region(),
            "unconfirmed_regions": unconfirmed_regions()}
