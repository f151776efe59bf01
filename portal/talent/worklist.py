"""The adviser's matching list: the open vacancies of their region, those whose employer asked
for candidates ("help me find candidates") first, with how many residents were proposed and
how they answered. And that button's service. Functions flush, never commit."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from portal import access, db
from portal.audit.services import record
from portal.clock import utcnow
from portal.domain import DomainError
from portal.notifications.services import queue_template
from portal.organisations.models import Organisation
from portal.talent.models import MatchRequest, Proposal, ProposalState
from portal.urls import absolute_url
from portal.vacancies.models import Vacancy
from portal.vacancies.queries import is_open_now, open_clause


class AskError(DomainError):
    """The employer's request cannot be taken (a vacancy that is not open)."""


@dataclass
class Line:
    vacancy: Vacancy
    request: MatchRequest | None
    proposals: dict[str, int]  # state -> count

    @property
    def asked(self) -> bool:
        return self.request is not None and self.request.handled_at is None


def vacancy_for(user: object, vacancy_id: int) -> Vacancy | None:
    """A vacancy (open or not) of a region this user may propose in, else None (404)."""
    vacancy = db.session.scalar(select(Vacancy).where(Vacancy.id == vacancy_id))
    if vacancy is None or not access.may_propose(user, vacancy.organisation.region_id):
        return None
    return vacancy


def open_vacancies(user: object) -> list[Vacancy]:
    """The open vacancies of the regions this user may propose in, newest first."""
    return list(db.session.scalars(
        select(Vacancy).join(Organisation, Organisation.id == Vacancy.organisation_id)
        .where(open_clause(), access.region_scope(user, Organisation.region_id))
        .options(selectinload(Vacancy.organisation))
        .order_by(Vacancy.published_at.desc(), Vacancy.id.desc())))


def lines(user: object) -> list[Line]:
    """The matching list: asked-for vacancies first (oldest request first), then the rest."""
    vacancies = open_vacancies(user)
    ids = [v.id for v in vacancies]
    requests = {r.vacancy_id: r for r in db.session.scalars(
        select(MatchRequest).where(MatchRequest.vacancy_id.in_(ids)))} if ids else {}
    counts: dict[int, dict[str, int]] = {}
    if ids:
        for vacancy_id, state, n in db.session.execute(
                select(Proposal.vacancy_id, Proposal.state, func.count())
                .where(Proposal.vacancy_id.in_(ids))
                .group_by(Proposal.vacancy_id, Proposal.state)):
            counts.setdefault(vacancy_id, {})[state.value] = n
    found = [Line(v, requests.get(v.id), counts.get(v.id, {})) for v in vacancies]
    asked = sorted((ln for ln in found if ln.asked), key=lambda ln: ln.request.created_at)  # type: ignore[union-attr]
    return asked + [ln for ln in found if not ln.asked]


def request_of(vacancy: Vacancy) -> MatchRequest | None:
    """The employer's request for this vacancy, open or handled (one per vacancy)."""
    return db.session.scalar(select(MatchRequest).where(MatchRequest.vacancy_id == vacancy.id))


def open_request(vacancy: Vacancy) -> MatchRequest | None:
    return db.session.scalar(select(MatchRequest).where(MatchRequest.vacancy_id == vacancy.id,
                                                        MatchRequest.handled_at.is_(None)))


def ask_for_candidates(vacancy: Vacancy, member: object, *,
                       now: datetime | None = None) -> bool:
    """The employer's "help me find candidates": the vacancy goes on the matching list of
    its region's advisers (the contact adviser, else all of them, are mailed). Asking again
    while the request is open changes nothing; after it was handled, it opens again.
    Returns False when it was already on the list."""
    now = now or utcnow()
    if not is_open_now(vacancy):
        raise AskError(_l("Alleen voor een gepubliceerde, open vacature kan uw adviseur "
                          "kandidaten zoeken."))
    found = request_of(vacancy)
    if found is not None and found.handled_at is None:
        return False
    if found is None:
        found = MatchRequest(vacancy_id=vacancy.id, created_at=now)
        db.session.add(found)
    found.requested_by_id = getattr(member, "id", None)
    found.created_at, found.handled_at = now, None
    db.session.flush()  # a second request at the same moment meets the unique vacancy_id
    record("talent.candidates_asked", vacancy)
    _tell_advisers(vacancy, found)
    return True


def _tell_advisers(vacancy: Vacancy, request: MatchRequest) -> None:
    org = vacancy.organisation
    contact = org.contact_adviser
    targets = [contact] if contact is not None and access.advises_region(contact, org.region_id) \
        else access.region_advisers(org.region_id)
    link = absolute_url("talent_staff.vacancy", vacancy_id=vacancy.id)
    with force_locale("nl"):  # staff mail
        subject = _("Kandidaten gevraagd: %(title)s", title=vacancy.title)
        for adviser in targets:
            queue_template(adviser.email, subject, "talent/mail_match_request.txt",
                           vacancy=vacancy, link=link,
                           dedupe_key=f"talent-ask-{request.id}-{request.created_at:%Y%m%d%H%M%S}"
                                      f"-to-{adviser.id}")


def mark_handled(vacancy: Vacancy, *, now: datetime | None = None) -> bool:
    request = open_request(vacancy)
    if request is None:
        return False
    request.handled_at = now or utcnow()
    record("talent.candidates_handled", vacancy)
    db.session.flush()
    return True


def proposal_counts(vacancy: Vacancy) -> dict[ProposalState, int]:
    return {state: n for state, n in db.session.execute(
        select(Proposal.state, func.count()).where(Proposal.vacancy_id == vacancy.id)
        .group_by(Proposal.state))}
