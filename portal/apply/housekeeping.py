"""Time-driven work for applications (run by `portal tick`): the retention purge and the
hourly digest for organisations. Both are idempotent and flush only."""
from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, time, timedelta

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import contains_eager

from portal import access, db
from portal.applicants.models import ApplicantNote, Application
from portal.apply.models import DigestMark
from portal.apply.signals import erased
from portal.apply.tokens import SEAL_SECONDS
from portal.clock import AMS
from portal.guidance.signals import page_values
from portal.notifications.services import forget, queue
from portal.organisations.models import Organisation
from portal.translate import services as machine_texts
from portal.urls import absolute_url
from portal.vacancies.models import Vacancy
from portal.vacancies.queries import open_clause

# --- retention -------------------------------------------------------------------------

def erase_personal_data(app: Application, now: datetime) -> None:
    """Null everything that identifies the person; keep what anonymous counts need
    (stage, residence status, languages of the interface, locations, dates)."""
    if app.erased_at is not None:
        return
    app.name = app.name_latin = app.phone = app.email = None
    app.languages = app.experience = app.availability = None
    app.submission_key = app.submission_seal = None
    app.erased_at = now
    # Recruiters' notes and event messages are about the person too.
    db.session.execute(delete(ApplicantNote).where(ApplicantNote.application_id == app.id))
    for event in app.events:
        event.message = None
    forget(app.outbox_key)  # the status link and their name live in their mail too
    machine_texts.forget(app.outbox_key)  # and machine translations of messages to them
    erased.send(app, now=now)  # placement notes, aftercare comments: they may name the person
    db.session.flush()


def vacancy_ended_at(v: Vacancy) -> datetime:
    if v.closed_at is not None:
        return v.closed_at
    # Expired (or closed without a recorded moment): the end of the closing day in NL.
    return datetime.combine(v.closing_date + timedelta(days=1), time(0), AMS).astimezone(UTC)


def keep_until(app: Application) -> datetime:
    cfg = current_app.config
    until = vacancy_ended_at(app.vacancy) + timedelta(weeks=cfg["RETENTION_WEEKS"])
    if app.keep_one_year:
        until = max(until, app.consent_at + timedelta(days=cfg["RETENTION_CONSENT_DAYS"]))
    return until


@page_values.connect
def _retention_values(_sender) -> dict[str, str]:
    """`{{ retention_weeks }}` and `{{ retention_years }}` on the privacy pages: the settings
    keep_until uses, so the promise and the purge cannot disagree."""
    cfg = current_app.config
    return {"retention_weeks": str(cfg["RETENTION_WEEKS"]),
            "retention_years": str(round(cfg["RETENTION_CONSENT_DAYS"] / 365))}


def purge_expired(now: datetime) -> int:
    """Erase applicants' personal data 4 weeks after their vacancy's procedure ended
    (1 year after consent when they asked us to keep it). Returns how many were erased.
    "Ended" is everything that is not open by THE rule (closed, filled, expired, suspended,
    past its closing date before the expiry job ran, its organisation suspended): the same
    rule the landing page, the boards and the feed use, so nothing can fall between them."""
    day = now.astimezone(AMS).date()
    candidates = db.session.scalars(
        select(Application).join(Application.vacancy)
        .join(Organisation, Vacancy.organisation_id == Organisation.id)
        .options(contains_eager(Application.vacancy))
        .where(Application.erased_at.is_(None), ~open_clause(on=day))
    ).all()
    erased = 0
    for app in candidates:
        if now >= keep_until(app):
            erase_personal_data(app, now)
            erased += 1
    return erased


def forget_submission_seals(now: datetime) -> int:
    """The encrypted status token kept for a resent form is needed for an hour only."""
    result = db.session.execute(
        update(Application)
        .where(Application.submission_seal.is_not(None),
               Application.created_at < now - timedelta(seconds=SEAL_SECONDS))
        .values(submission_seal=None)
        .execution_options(synchronize_session=False)
    )
    return db.rowcount(result)


# --- digest ----------------------------------------------------------------------------

def queue_digests(now: datetime) -> int:
    """At most one mail per organisation per DIGEST_MINUTES with counts of new applications
    per vacancy. No names or phone numbers: mail is not a safe place for them."""
    every = timedelta(minutes=current_app.config["DIGEST_MINUTES"])
    rows = db.session.execute(
        select(Vacancy.organisation_id, Vacancy.title, Vacancy.code, func.count(Application.id))
        .join(Application.vacancy)
        .outerjoin(DigestMark, DigestMark.organisation_id == Vacancy.organisation_id)
        .where(Application.created_at <= now,
               or_(DigestMark.covered_until.is_(None), Application.created_at > DigestMark.covered_until))
        .group_by(Vacancy.organisation_id, Vacancy.id, Vacancy.title, Vacancy.code)
        .order_by(Vacancy.organisation_id, Vacancy.code)
    ).all()
    per_org: dict[int, list[tuple[str, str, int]]] = defaultdict(list)
    for org_id, title, code, count in rows:
        per_org[org_id].append((title, code, count))

    queued = 0
    hour = now.astimezone(UTC).strftime("%Y-%m-%dT%H")
    for org_id, counts in per_org.items():
        mark = db.session.get(DigestMark, org_id)
        if mark is not None and now - mark.sent_at < every:
            continue  # reported recently; these wait for the next digest
        with force_locale("nl"):
            subject, body = _digest_text(counts)
        for user in access.organisation_members(org_id):
            if queue(user.email, subject, body, dedupe_key=f"digest:{org_id}:{hour}:{user.id}"):
                queued += 1
        if mark is None:
            mark = DigestMark(organisation_id=org_id, covered_until=now, sent_at=now)
            db.session.add(mark)
        mark.covered_until = mark.sent_at = now
    db.session.flush()
    return queued


def _digest_text(counts: list[tuple[str, str, int]]) -> tuple[str, str]:
    total = sum(c for _t, _c, c in counts)
    subject = _("Nieuwe sollicitaties: %(n)s", n=total)
    lines = [_("Hallo,"), "", _("Er zijn nieuwe sollicitaties binnengekomen:"), ""]
    lines += [_("- %(title)s (%(code)s): %(n)s nieuw", title=t, code=c, n=n) for t, c, n in counts]
    lines += ["", _("Bekijk de sollicitanten in het portaal:"), _applicants_url(), "",
              _("Namen en telefoonnummers staan niet in deze mail. Zo beschermen we de privacy "
                "van de sollicitanten. Bel nieuwe sollicitanten binnen een paar dagen."), ""]
    return subject, "\n".join(lines)


def _applicants_url() -> str:
    return absolute_url("applicants.index")
