"""Proposals: an adviser proposes a resident's profile for a vacancy; the resident hears of it
in their own language (private page, text message, mail) with the job in their language, and
accepts or declines with one tap. Only an acceptance makes an application the employer sees
(source "proposal", through apply's own service and rules). A decline, 7 days of silence or a
withdrawn consent tells the adviser; the employer never sees a profile.

One proposal per profile and vacancy, also when two advisers press at the same moment: the
unique constraint decides (the second flush raises IntegrityError; the view rolls back and
shows the first, see `existing`). A proposal marks the employer's request for candidates for
that vacancy handled (worklist). Functions flush, never commit."""
from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import select, update

from portal import db
from portal.activities import reach
from portal.applicants.models import Application, ApplicationSource
from portal.apply import queries as apply_queries
from portal.apply import services as apply_services
from portal.audit.services import record
from portal.clock import utcnow
from portal.domain import DomainError
from portal.notifications.services import queue_template
from portal.phrases.local import LocalText, localize
from portal.talent import worklist
from portal.talent.matching import APPLICATION_ANSWER
from portal.talent.models import LanguageLevel, Profile, Proposal, ProposalState, TallyKind
from portal.talent.profiles import private_url
from portal.talent.signals import profile_leaving
from portal.talent.tally import count
from portal.urls import absolute_url
from portal.vacancies.models import Vacancy

ANSWER_DAYS = 7  # silence this long: the proposal expires and the adviser is told

# A profile's own levels as the apply form's three (portal/applicants/languages.py).
APPLY_LEVEL = {LanguageLevel.basic: "basic", LanguageLevel.good: "good",
               LanguageLevel.fluent: "very_good", LanguageLevel.native: "very_good"}


class ProposalError(DomainError):
    """A proposal that cannot be made: the message is for the adviser."""


class AlreadyProposed(Exception):
    def __init__(self, proposal: Proposal):
        super().__init__("already proposed")
        self.proposal = proposal


class Outcome(str, enum.Enum):
    """What the resident's "yes" led to, for the answer page."""

    applied = "applied"  # an application is with the employer now
    already = "already"  # they had applied to this job themselves: that application counts
    closed = "closed"  # the vacancy closed in the meantime
    not_allowed = "not_allowed"  # the job is not open to someone in their situation
    not_open = "not_open"  # answered before, expired or cancelled


@dataclass
class Answer:
    outcome: Outcome
    application: Application | None = None
    token: str | None = None  # the new application's private status link, shown once


def existing(profile_id: int, vacancy_id: int) -> Proposal | None:
    return db.session.scalar(select(Proposal).where(Proposal.profile_id == profile_id,
                                                    Proposal.vacancy_id == vacancy_id))


# --- the adviser proposes -------------------------------------------------------------------

def propose(profile: Profile, vacancy: Vacancy, adviser: object, *,
            now: datetime | None = None) -> Proposal:
    """The caller has checked that the adviser may see the profile and propose for the
    vacancy (portal.access). Raises AlreadyProposed, or ProposalError with a reason."""
    now = now or utcnow()
    found = existing(profile.id, vacancy.id)
    if found is not None:
        raise AlreadyProposed(found)
    if profile.expires_at <= now:
        raise ProposalError(_l("Dit profiel is verlopen."))
    if not apply_queries.is_open(vacancy):
        raise ProposalError(_l("Deze vacature is niet open: voorstellen kan alleen bij een "
                               "open vacature."))
    if not apply_services.may_take(vacancy, *APPLICATION_ANSWER[profile.residence]):
        raise ProposalError(_l("Deze vacature staat niet open voor iemand met deze "
                               "verblijfsstatus."))
    if apply_queries.open_application_for_phone(vacancy, profile.phone) is not None:
        raise ProposalError(_l("Deze bewoner heeft al zelf gesolliciteerd op deze vacature."))
    proposal = Proposal(profile=profile, vacancy=vacancy, adviser_id=getattr(adviser, "id", None),
                        state=ProposalState.open, created_at=now)
    db.session.add(proposal)
    db.session.flush()  # the unique constraint speaks here when another adviser was quicker
    count(TallyKind.proposal_made, profile.location_id, when=now)
    record("talent.proposal_made", proposal, profile_id=profile.id, vacancy_id=vacancy.id)
    # The employer asked for candidates: a proposal answers that request. (The adviser can
    # still mark it handled without proposing anyone, on the matching list.)
    worklist.mark_handled(vacancy, now=now)
    tell_resident(proposal)
    return proposal


# reach.tell fills %(title)s with the job's title as this reader gets it.
PROPOSAL_SUBJECT = _l("Een baan voor jou: %(title)s")


def tell_resident(proposal: Proposal) -> int:
    """Text message and/or mail in the resident's language, with the job as the vacancy's page
    names it in that language (phrases.local; a title only in Dutch or English is quoted and
    the mail says "This text is in Dutch", as activities' messages do) and the link to their
    private page, where they answer. Returns how many were queued."""
    profile = proposal.profile
    title = localize(proposal.vacancy, profile.ui_language or "nl").title
    return reach.tell(profile, "talent", "proposal", PROPOSAL_SUBJECT, local_title=title,
                      dedupe=f"talent-proposal-{proposal.id}", profile=profile,
                      city=proposal.vacancy.city, link=private_url(profile),
                      days=ANSWER_DAYS)


# --- the resident's private page ----------------------------------------------------------

@dataclass
class ResidentLine:
    """One proposal as the resident's page shows it: the job in their language."""

    proposal: Proposal
    title: LocalText
    vacancy: Vacancy

    @property
    def state(self) -> str:
        return self.proposal.state.value


def for_resident(profile: Profile, lang: str) -> list[ResidentLine]:
    """The proposals of a profile, open ones first, newest first within each."""
    ordered = sorted(profile.proposals, key=lambda p: (p.state != ProposalState.open,
                                                       -p.created_at.timestamp()))
    return [ResidentLine(p, localize(p.vacancy, lang).title, p.vacancy) for p in ordered]


# --- the resident answers -------------------------------------------------------------------

def accept(proposal: Proposal, *, now: datetime | None = None) -> Answer:
    """The resident's "yes". Makes the application through apply's service (its rules hold:
    the vacancy must be open, the resident allowed, one open application per phone)."""
    now = now or utcnow()
    if not _claim(proposal, now):
        return Answer(Outcome.not_open)
    vacancy, profile = proposal.vacancy, proposal.profile
    if not apply_queries.is_open(vacancy):
        _end(proposal, ProposalState.cancelled, now, tell_adviser=True)
        return Answer(Outcome.closed)
    status, procedure = APPLICATION_ANSWER[profile.residence]
    data = apply_services.ApplicationData(
        name=profile.name, name_latin=profile.name_latin, phone=profile.phone,
        email=profile.email, residence_status=status, procedure=procedure,
        azc_location_id=profile.location_id,
        languages=[{"lang": pl.language, "level": APPLY_LEVEL[pl.level]}
                   for pl in profile.languages],
        experience=profile.experience, availability=None)
    try:
        submitted = apply_services.submit(vacancy, data, poster_location=None,
                                          ui_language=profile.ui_language or "nl",
                                          source=ApplicationSource.proposal)
    except apply_services.NotEligible:
        _end(proposal, ProposalState.cancelled, now, tell_adviser=True)
        return Answer(Outcome.not_allowed)
    except apply_services.AlreadyApplied as exc:
        _end(proposal, ProposalState.accepted, now, application=exc.application)
        return Answer(Outcome.already, exc.application)
    _end(proposal, ProposalState.accepted, now, application=submitted.application)
    return Answer(Outcome.applied, submitted.application, submitted.token)


def decline(proposal: Proposal, *, now: datetime | None = None) -> bool:
    """The resident's "no". False when the proposal was no longer open."""
    now = now or utcnow()
    if not _claim(proposal, now):
        return False
    _end(proposal, ProposalState.declined, now, tell_adviser=True)
    return True


# --- time and consent -----------------------------------------------------------------------

def expire_due(now: datetime) -> int:
    """Job for `portal tick`: open proposals without an answer for ANSWER_DAYS expire and
    their advisers are told. Idempotent: an expired proposal is no longer open."""
    due = db.session.scalars(
        select(Proposal).where(Proposal.state == ProposalState.open,
                               Proposal.created_at <= now - timedelta(days=ANSWER_DAYS))
        .order_by(Proposal.id)).all()
    ended = [p for p in due if _claim(p, now)]  # the resident may answer at this moment
    for proposal in ended:
        _end(proposal, ProposalState.expired, now, tell_adviser=True)
    return len(ended)


@profile_leaving.connect
def cancel_open(profile: Profile, now: datetime | None = None, **_kw: object) -> int:
    """The resident withdrew consent (or the profile ran out): open proposals are cancelled
    and their advisers told, before the profile is erased (profiles.erase sends
    profile_leaving). Returns how many."""
    now = now or utcnow()
    open_ones = [p for p in profile.proposals if p.state == ProposalState.open and _claim(p, now)]
    for proposal in open_ones:
        _end(proposal, ProposalState.cancelled, now, tell_adviser=True)
    return len(open_ones)


TALLY = {ProposalState.accepted: TallyKind.proposal_accepted,
         ProposalState.declined: TallyKind.proposal_declined,
         ProposalState.expired: TallyKind.proposal_expired,
         ProposalState.cancelled: TallyKind.proposal_cancelled}


def _claim(proposal: Proposal, now: datetime) -> bool:
    """Take the answer to an open proposal for this request: a conditional UPDATE that exactly
    one of two requests at the same moment wins (two taps on "yes", "yes" and "no", an answer
    while the tick expires it). The loser answers as if it was answered before."""
    if proposal.state != ProposalState.open or proposal.answered_at is not None:
        return False
    result = db.session.execute(
        update(Proposal).where(Proposal.id == proposal.id, Proposal.state == ProposalState.open,
                               Proposal.answered_at.is_(None))
        .values(answered_at=now).execution_options(synchronize_session=False))
    if db.rowcount(result) != 1:
        return False
    proposal.answered_at = now
    return True


def _end(proposal: Proposal, state: ProposalState, now: datetime, *,
         application: Application | None = None, tell_adviser: bool = False) -> None:
    proposal.state = state
    proposal.answered_at = now
    if application is not None:
        proposal.application_id = application.id
    count(TALLY[state], proposal.profile.location_id, when=now)
    record(f"talent.proposal_{state.value}", proposal, actor=None, vacancy_id=proposal.vacancy_id)
    if tell_adviser:
        _tell_adviser(proposal, now)
    db.session.flush()


ADVISER_SUBJECTS = {
    ProposalState.declined: _l("Voorstel afgewezen: %(title)s"),
    ProposalState.expired: _l("Geen antwoord op uw voorstel: %(title)s"),
    ProposalState.cancelled: _l("Voorstel vervallen: %(title)s"),
}


def _tell_adviser(proposal: Proposal, now: datetime) -> None:
    """Staff mail without the resident's name or number (the adviser reads who it was in the
    portal, while the profile exists), so it need not be erased with the profile."""
    adviser = proposal.adviser
    proposal.adviser_told_at = now
    if adviser is None or not adviser.active or not adviser.email:
        return
    with force_locale("nl"):
        subject = str(ADVISER_SUBJECTS[proposal.state]) % {"title": proposal.vacancy.title}
        queue_template(adviser.email, subject, "talent/mail_adviser.txt", proposal=proposal,
                       state=proposal.state.value, title=proposal.vacancy.title,
                       link=absolute_url("talent_staff.vacancy", vacancy_id=proposal.vacancy_id),
                       dedupe_key=f"talent-proposal-{proposal.id}-{proposal.state.value}")
