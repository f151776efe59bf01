"""The recruiter's stage machine and notes. Functions flush, never commit; a broken rule raises
StageError with the form field it belongs to."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal import db
from portal.accounts.models import User
from portal.applicants.models import (
    ENDED_STAGES,
    OPEN_STAGES,
    ApplicantNote,
    Application,
    ApplicationEvent,
    Stage,
)
from portal.audit.services import record
from portal.clock import utcnow
from portal.domain import DomainError
from portal.notifications.services import queue
from portal.phrases.catalogue import label
from portal.phrases.local import localize
from portal.text import clean_text
from portal.translate import services as machine_texts

# The order of the open stages: moves go forward (skipping allowed) or one step back.
PIPELINE = (Stage.new, Stage.contacted, Stage.tour, Stage.assessment, Stage.offer)
END_BY_RECRUITER = (Stage.rejected, Stage.withdrawn, Stage.no_show)
NEEDS_REASON = (Stage.rejected, Stage.no_show)
REASONS = {
    "language": _l("Taalniveau past niet"),
    "not_reachable": _l("Niet bereikbaar"),
    "hours": _l("Uren passen niet"),
    "experience": _l("Ervaring past niet"),
    "position_filled": _l("Vacature is al vervuld"),
    "other": _l("Andere reden"),
}
# Set by the portal itself, never picked in a form.
SYSTEM_REASONS = {
    "missed_tour": _l("Niet gekomen bij de rondleiding"),
    "resident": _l("Door de sollicitant zelf"),
    "desk": _l("Ingevoerd aan de balie, met toestemming van de bewoner"),
    "proposal": _l("Voorgesteld door een adviseur; de bewoner wilde solliciteren"),
}
MAX_MESSAGE = 1000


class StageError(DomainError):
    """A broken rule of this feature; see portal.domain.DomainError."""


def reason_label(code: str | None) -> str:
    if not code:
        return ""
    label = REASONS.get(code) or SYSTEM_REASONS.get(code)
    return str(label) if label is not None else code


def allowed_targets(stage: Stage) -> list[Stage]:
    """Where a recruiter may move an application from `stage` (hired only via a placement)."""
    if stage not in OPEN_STAGES:
        return []
    index = PIPELINE.index(stage)
    targets = list(PIPELINE[index + 1:])
    if index > 0:
        targets.insert(0, PIPELINE[index - 1])
    return targets + list(END_BY_RECRUITER)


def needs_confirmation(to: Stage) -> bool:
    """Ending an application cannot be undone (an ended one never moves again), so a recruiter
    confirms it explicitly; the portal's own moves (a missed tour) do not ask."""
    return to in END_BY_RECRUITER


def next_step(stage: Stage) -> Stage | None:
    """The natural next stage, offered as the main button; None from the offer on (then
    hiring is the next step)."""
    if stage not in PIPELINE or stage == PIPELINE[-1]:
        return None
    return PIPELINE[PIPELINE.index(stage) + 1]


def check_move(app: Application, to: Stage, reason: str | None, *, system: bool = False) -> None:
    if to == Stage.hired:
        raise StageError(_("Aannemen gaat via 'Aannemen': daar legt u de plaatsing vast."), "stage")
    if app.stage in ENDED_STAGES:
        raise StageError(_("Deze sollicitatie is afgerond en kan niet meer verplaatst worden."),
                         "stage")
    if to == app.stage:
        raise StageError(_("De sollicitatie staat al in deze fase."), "stage")
    if to not in allowed_targets(app.stage):
        raise StageError(_("Terugzetten kan maar één stap."), "stage")
    check_reason(to, reason, system=system)


def check_reason(to: Stage, reason: str | None, *, system: bool = False) -> None:
    """Rejecting and 'did not come' need a reason from the list."""
    if to in NEEDS_REASON:
        allowed = set(REASONS) | (set(SYSTEM_REASONS) if system else set())
        if not reason:
            raise StageError(_("Kies een reden."), "reason")
        if reason not in allowed:
            raise StageError(_("Kies een reden uit de lijst."), "reason")


def move(app: Application, to: Stage, *, actor: User | None, reason: str | None = None,
         message: str | None = None, now: datetime | None = None,
         system: bool = False) -> ApplicationEvent:
    """Move one application; an event records who and when. The message, if any, shows on the
    resident's status page and is mailed when they gave an email address."""
    check_move(app, to, reason, system=system)
    message = clean_text(message, MAX_MESSAGE) or None
    now = now or utcnow()
    event = ApplicationEvent(from_stage=app.stage, to_stage=to, actor_id=getattr(actor, "id", None),
                             reason=reason if to in NEEDS_REASON else None, message=message,
                             created_at=now)
    app.events.append(event)
    app.stage = to
    app.stage_reason = event.reason
    if message and app.erased_at is None and app.ui_language != "nl":
        # Written in Dutch: translated by machine for the status page when that is on.
        machine_texts.want(app.outbox_key, message, "nl", [app.ui_language])
    if message and app.email and app.erased_at is None:
        _mail_message(app, app.email, message)
    record("applicant_stage_changed", app, to=to.value, reason=event.reason)
    db.session.flush()
    return event


def _mail_message(app: Application, to: str, message: str) -> None:
    from flask import render_template

    lang = app.ui_language or "nl"
    # The recruiter's words are Dutch: say so in the resident's language, and add a machine
    # translation when the provider is on and answers in time (else the status page gets it).
    translation = machine_texts.translate_inline(app.outbox_key, message, "nl", lang)
    with force_locale(lang):
        subject = _("Nieuws over je sollicitatie %(ref)s", ref=app.reference)
        body = render_template(
            "applicants/mail_message.txt", application=app, message=message,
            title=localize(app.vacancy, lang).title.text, translation=translation,
            message_note=label("note.message_nl", lang) if lang != "nl" else None,
            machine_note=label("note.machine", lang))
    queue(to, subject, body, about=app.outbox_key, resident=True,
          kind="applicants/mail_message.txt")


@dataclass
class BulkResult:
    moved: list[Application] = field(default_factory=list)
    refused: list[tuple[Application, str]] = field(default_factory=list)


def bulk_move(apps: list[Application], to: Stage, *, actor: User | None, reason: str | None = None,
              message: str | None = None) -> BulkResult:
    """Move what may move; report the rest with why. A missing reason refuses all at once."""
    check_reason(to, reason)
    result = BulkResult()
    for app in apps:
        try:
            move(app, to, actor=actor, reason=reason, message=message)
        except StageError as exc:
            result.refused.append((app, exc.message))
        else:
            result.moved.append(app)
    return result


def add_note(app: Application, author: User, text: str) -> ApplicantNote:
    text = clean_text(text)
    if not text:
        raise StageError(_("Schrijf een notitie."), "text")
    if app.erased_at is not None:
        raise StageError(_("De gegevens van deze sollicitant zijn verwijderd."), "text")
    note = ApplicantNote(application_id=app.id, author_id=author.id, text=text[:4000])
    db.session.add(note)
    record("applicant_note_added", app)
    db.session.flush()
    return note
