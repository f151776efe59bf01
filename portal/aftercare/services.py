"""Aftercare rules: scheduling check-ins, mailing the employer when one is due, storing the
answers and the adviser's follow-up. Functions flush, never commit."""
from __future__ import annotations

from datetime import date, datetime, timedelta

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import ColumnElement, or_, select

from portal import access, db
from portal.accounts.models import User
from portal.aftercare.models import CONCERNS, AftercareCheck, CheckKind, CheckState
from portal.applicants.models import Application
from portal.apply import signals as apply_signals
from portal.audit.services import record
from portal.clock import AMS, today, utcnow
from portal.domain import DomainError
from portal.notifications.services import queue
from portal.organisations.queries import advisers_to_call
from portal.placements import services as placements
from portal.placements import signals as placement_signals
from portal.placements.models import EndReason, Placement
from portal.text import clean_text
from portal.urls import absolute_url

# Days after the start date; overridable with the app config key AFTERCARE_DAYS.
DEFAULT_DAYS: tuple[int, int, int] = (7, 42, 91)
KINDS: tuple[CheckKind, ...] = (CheckKind.week1, CheckKind.week6, CheckKind.month3)
# A check-in still unanswered this many days after the mail shows as overdue to the adviser.
DEFAULT_OVERDUE_DAYS = 14
MAX_COMMENT = 2000


class AftercareError(DomainError):
    """A broken rule; `field` names the form field the message belongs to."""



def checkin_days() -> tuple[int, ...]:
    days = tuple(int(d) for d in current_app.config.get("AFTERCARE_DAYS", DEFAULT_DAYS))
    if len(days) != len(KINDS):
        raise RuntimeError("AFTERCARE_DAYS needs one number per check-in: week1, week6, month3")
    return days


def overdue_days() -> int:
    return int(current_app.config.get("AFTERCARE_OVERDUE_DAYS", DEFAULT_OVERDUE_DAYS))


def checks_of(placement_id: int) -> list[AftercareCheck]:
    return list(db.session.scalars(
        select(AftercareCheck).where(AftercareCheck.placement_id == placement_id)
        .order_by(AftercareCheck.due_on, AftercareCheck.id)
    ))


def schedule_checkins(placement: Placement) -> list[AftercareCheck]:
    """Create the week-1, week-6 and month-3 check-ins of a placement. Idempotent: a kind
    that already exists is left as it is."""
    existing = {c.kind for c in checks_of(placement.id)}
    for kind, days in zip(KINDS, checkin_days(), strict=True):
        if kind in existing:
            continue
        db.session.add(AftercareCheck(placement_id=placement.id, kind=kind,
                                      due_on=placement.start_date + timedelta(days=days)))
    db.session.flush()
    return checks_of(placement.id)


@apply_signals.erased.connect
def _forget_comments(application: Application, **_kw: object) -> int:
    """Comments in a check-in and the adviser's follow-up note may name the resident: they go
    with the application's personal data (the answers' yes/no and concerns stay for figures)."""
    checks = db.session.scalars(
        select(AftercareCheck).join(Placement, AftercareCheck.placement_id == Placement.id)
        .where(Placement.application_id == application.id)).all()
    for check in checks:
        check.comment = check.follow_up_note = None
    db.session.flush()
    return len(checks)


@placement_signals.hired.connect
def _placement_hired(placement: Placement, **_kw: object) -> None:
    schedule_checkins(placement)


def _still_running() -> ColumnElement[bool]:
    # A check-in after the work already stopped asks nothing useful.
    return or_(Placement.end_date.is_(None), Placement.end_date > AftercareCheck.due_on)


def send_due(now: datetime) -> int:
    """`portal tick`: mail the organisation's members about check-ins due today or earlier
    (once: the state moves to sent and the dedupe key blocks a second mail), and mark sent
    ones without an answer as overdue. Returns the number of mails queued."""
    day = now.astimezone(AMS).date()
    due = db.session.scalars(
        select(AftercareCheck).join(Placement, AftercareCheck.placement_id == Placement.id)
        .where(AftercareCheck.state == CheckState.scheduled, AftercareCheck.due_on <= day,
               _still_running())
        .order_by(AftercareCheck.due_on, AftercareCheck.id)
    ).all()
    queued = 0
    for check in due:
        placement = check.placement
        with force_locale("nl"):
            subject, body = _checkin_mail(check, placement)
        for member in access.organisation_members(placement.organisation_id):
            if queue(member.email, subject, body, dedupe_key=f"aftercare:{check.id}:{member.id}"):
                queued += 1
        check.state = CheckState.sent
        check.sent_at = now
    late = db.session.scalars(
        select(AftercareCheck).where(
            AftercareCheck.state == CheckState.sent,
            AftercareCheck.sent_at < now - timedelta(days=overdue_days()),
        )
    ).all()
    for check in late:
        check.state = CheckState.overdue
    db.session.flush()
    return queued


KIND_MAIL_LABELS = {
    CheckKind.week1: _l("na de eerste week"),
    CheckKind.week6: _l("na zes weken"),
    CheckKind.month3: _l("na drie maanden"),
}


def _checkin_mail(check: AftercareCheck, placement: Placement) -> tuple[str, str]:
    title = placement.vacancy.title
    subject = _("Hoe gaat het? Korte vragen over %(title)s", title=title)
    lines = [
        _("Hallo,"), "",
        _("Iemand uit een azc werkt sinds %(date)s bij u als %(title)s. We vragen %(moment)s "
          "hoe het gaat. Het invullen duurt twee minuten.",
          date=placement.start_date.strftime("%d-%m-%Y"), title=title,
          moment=str(KIND_MAIL_LABELS[check.kind])),
        "", absolute_url("aftercare.form", check_id=check.id), "",
        _("Zijn er zorgen? Dan neemt uw adviseur contact met u op."), "",
        _("In deze mail staan geen namen. Zo beschermen we de privacy van de werknemer."), "",
    ]
    return subject, "\n".join(lines)


# --- the employer's answer -----------------------------------------------------------------

def answer(check: AftercareCheck, member: User, *, still_working: bool,
           hours_as_agreed: bool | None, concerns: list[str], wants_contact: bool,
           comment: str | None, last_day: date | None = None) -> AftercareCheck:
    if check.state == CheckState.answered:
        raise AftercareError(_l("Deze vragen zijn al beantwoord."))
    placement = check.placement
    if not still_working and last_day is not None and last_day > today():
        raise AftercareError(_l("De laatste werkdag kan niet in de toekomst liggen."),
                             field="last_day")
    check.still_working = still_working
    check.hours_as_agreed = hours_as_agreed if still_working else None
    check.concerns = [c for c in CONCERNS if c in set(concerns or ())]
    check.wants_contact = bool(wants_contact)
    check.comment = clean_text(comment, MAX_COMMENT) or None
    check.answered_by_id = member.id
    check.answered_at = utcnow()
    check.state = CheckState.answered
    check.needs_follow_up = bool(check.concerns) or check.wants_contact or not still_working
    db.session.flush()
    if not still_working and not placement.ended:
        _report_contract_ended(placement, member, last_day or today())
    record("aftercare_answered", check, actor=member, placement_id=placement.id,
           kind=check.kind.value, still_working=still_working,
           needs_follow_up=check.needs_follow_up)
    if check.needs_follow_up:
        _notify_adviser(check, placement)
    return check


def _report_contract_ended(placement: Placement, member: User, last_day: date) -> None:
    """"No longer working" is the same news as ending the placement: hand it to the
    placements feature so the TWV cancellation flow starts (reminders, adviser flag)."""
    try:
        placements.end(placement, member, last_day, EndReason.other,
                       note=_("Gemeld via de nazorgvragen."))
    except placements.PlacementError as exc:
        raise AftercareError(exc.message, field="last_day") from exc


def _notify_adviser(check: AftercareCheck, placement: Placement) -> None:
    org = placement.organisation
    targets = advisers_to_call(org)
    with force_locale("nl"):
        subject = _("Nazorg: %(org)s vraagt aandacht", org=org.name)
        body = "\n".join([
            _("%(org)s heeft de nazorgvragen ingevuld en vraagt om aandacht.", org=org.name), "",
            _("Bekijk de antwoorden in het portaal:"),
            absolute_url("aftercare.adviser_detail", check_id=check.id), "",
        ])
    for user in targets:
        queue(user.email, subject, body, dedupe_key=f"aftercare-followup:{check.id}:{user.id}")


def follow_up(check: AftercareCheck, adviser: User, note: str) -> None:
    note = clean_text(note, MAX_COMMENT)
    if not check.needs_follow_up:
        raise AftercareError(_l("Deze check-in vraagt geen opvolging."), field="note")
    if check.adviser_followed_up_at is not None:
        raise AftercareError(_l("Deze check-in is al opgevolgd."), field="note")
    if not note:
        raise AftercareError(_l("Schrijf kort wat u hebt gedaan."), field="note")
    check.adviser_followed_up_at = utcnow()
    check.followed_up_by_id = adviser.id
    check.follow_up_note = note
    db.session.flush()
    record("aftercare_followed_up", check, actor=adviser, placement_id=check.placement_id)
