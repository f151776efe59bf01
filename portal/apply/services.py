"""Rules of the resident's journey. Functions flush, never commit; the view commits once."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime

from flask import current_app
from flask_babel import get_locale

from portal import db
from portal.applicants.models import (
    OPEN_STAGES,
    Application,
    ApplicationEvent,
    ApplicationSource,
    ResidenceStatus,
    Stage,
)
from portal.apply import queries, tokens
from portal.apply.housekeeping import erase_personal_data
from portal.clock import utcnow
from portal.notifications.services import queue_template
from portal.phrases.local import localize
from portal.regions.models import Location
from portal.urls import absolute_url
from portal.vacancies.models import Vacancy


class NotEligible(Exception):
    """The resident may not take this job (yet). Nothing is stored."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason  # "procedure_short" | "status_not_open"


class AlreadyApplied(Exception):
    def __init__(self, application: Application):
        super().__init__("already applied")
        self.application = application


class StatusError(Exception):
    field = None


@dataclass
class ApplicationData:
    name: str
    phone: str  # E.164
    residence_status: ResidenceStatus
    procedure: str | None  # "yes" | "no" | "unknown" | None
    azc_location_id: int | None
    languages: list[dict[str, str]] = field(default_factory=list)
    email: str | None = None
    experience: str | None = None
    availability: str | None = None
    keep_one_year: bool = False
    submission_key: str | None = None
    name_latin: str | None = None  # as on the W-document; see ApplyForm.name_latin


@dataclass
class Submitted:
    application: Application
    token: str  # the plain status token: shown once, never stored
    replayed: bool = False


def check_eligible(vacancy: Vacancy, status: ResidenceStatus, procedure: str | None) -> None:
    if status == ResidenceStatus.asylum_seeker:
        if not vacancy.open_to_asylum:
            raise NotEligible("status_not_open")
        if procedure == "no":
            raise NotEligible("procedure_short")
    elif status == ResidenceStatus.status_holder and not vacancy.open_to_status:
        raise NotEligible("status_not_open")


def may_take(vacancy: Vacancy, status: ResidenceStatus, procedure: str | None) -> bool:
    """Whether to suggest this vacancy to a resident who answered so."""
    try:
        check_eligible(vacancy, status, procedure)
    except NotEligible:
        return False
    return True


def submit(vacancy: Vacancy, data: ApplicationData, *, poster_location: Location | None,
           ui_language: str, browser: str | None = None,
           entered_by_id: int | None = None,
           source: ApplicationSource | None = None) -> Submitted:
    """Store an application. `browser` identifies the browser that loaded the form (kept in
    its session). The same form sent again from that browser with the same answers within
    the hour (a double click, a resent page) shows the first application with the same status
    link. Anyone else using that submission_key, or the same browser with other answers, is
    treated as a new application without the key: it never sees or replaces the first link.
    `source` names a route the poster location and the desk cannot tell (a proposal the
    resident accepted)."""
    fingerprint = _fingerprint(vacancy, data, browser)
    if data.submission_key:
        earlier = queries.application_by_submission_key(data.submission_key)
        if earlier is not None:
            token = tokens.unseal(earlier.submission_seal, fingerprint, now=utcnow(),
                                  secret_key=current_app.config["SECRET_KEY"])
            if token is not None and earlier.vacancy_id == vacancy.id:
                return Submitted(earlier, token, replayed=True)
            data = replace(data, submission_key=None)  # not ours to show: a key is single use
    check_eligible(vacancy, data.residence_status, data.procedure)
    existing = queries.open_application_for_phone(vacancy, data.phone)
    if existing is not None:
        raise AlreadyApplied(existing)

    now = utcnow()
    app = Application(
        vacancy=vacancy, reference=_unique_reference(), poster_location=poster_location,
        source=source or _source(poster_location, entered_by_id),
        azc_location_id=data.azc_location_id or None,
        name=data.name, name_latin=data.name_latin or None, phone=data.phone,
        email=data.email or None,
        languages=data.languages, experience=data.experience or None,
        availability=data.availability or None,
        residence_status=data.residence_status,
        procedure_long_enough=_procedure_answer(data),
        ui_language=ui_language, keep_one_year=data.keep_one_year, consent_at=now,
        submission_key=data.submission_key or None, stage=Stage.new, created_at=now,
        status_token_hash="",
    )
    token = _new_token(app)
    if data.submission_key and browser:
        app.submission_seal = tokens.seal(token, fingerprint, now=now,
                                          secret_key=current_app.config["SECRET_KEY"])
    # Entered at the Werkbalie desk by staff, with the resident's consent: the history says by whom.
    reason = "desk" if entered_by_id else ("proposal" if source == ApplicationSource.proposal
                                           else None)
    app.events.append(ApplicationEvent(from_stage=None, to_stage=Stage.new,
                                       actor_id=entered_by_id, reason=reason, created_at=now))
    db.session.add(app)
    db.session.flush()
    if app.email:
        send_status_link(app, token)
    return Submitted(app, token)


def _source(poster_location: Location | None, entered_by_id: int | None) -> ApplicationSource:
    if entered_by_id is not None:
        return ApplicationSource.desk
    return ApplicationSource.poster if poster_location else ApplicationSource.link


def send_status_link(app: Application, token: str, *, renewed: bool = False) -> None:
    """Mail the status link to the address given with the application, in the language of
    the page being shown (a desk sends it in the resident's language: see views_desk)."""
    if not app.email:
        return
    title = localize(app.vacancy, str(get_locale())).title.text  # the job in their language
    queue_template(
        app.email, title[:200], "apply/mail_status.txt",
        application=app, vacancy=app.vacancy, status_url=status_url(token), renewed=renewed,
        title=title, about=app.outbox_key, resident=True,
    )


def renew_status_link(app: Application) -> str:
    """A new private status link; the old one stops working at once. Returns the plain token
    (never stored). Also forgets the sealed token of a resent form, so it cannot come back."""
    token = _new_token(app)
    app.submission_seal = None
    db.session.flush()
    return token


def request_new_link(reference: str, phone: str) -> bool:
    """A resident lost the link: the reference code and the phone number of an application
    that has an e-mail address get a new link at that address. The caller answers the same
    either way (the page must not tell whether an application exists); True when mailed."""
    app = queries.application_by_reference(reference)
    if app is None or app.erased_at is not None or not app.email or app.phone != phone:
        return False
    send_status_link(app, renew_status_link(app), renewed=True)
    return True


def _fingerprint(vacancy: Vacancy, data: ApplicationData, browser: str | None) -> str:
    """What must be equal for a resubmission to count as the same: browser, vacancy, answers."""
    answers = asdict(data) | {"residence_status": data.residence_status.value}
    plain = json.dumps([browser or "", vacancy.id, answers], sort_keys=True, default=str)
    return hashlib.sha256(plain.encode("utf-8", "surrogatepass")).hexdigest()


def _procedure_answer(data: ApplicationData) -> bool | None:
    if data.residence_status != ResidenceStatus.asylum_seeker or data.procedure != "yes":
        return None  # "don't know" may apply; the employer checks with UWV
    return True


def status_url(token: str) -> str:
    return absolute_url("apply.status", token=token)


def _new_token(app: Application) -> str:
    token = tokens.new_status_token()
    app.status_token_hash = tokens.hash_token(token)
    return token


def _unique_reference() -> str:
    for _ in range(10):
        ref = tokens.new_reference()
        if not queries.reference_taken(ref):
            return ref
    raise RuntimeError("no free reference code")  # 26^8 codes: practically unreachable


def withdraw(app: Application, *, now: datetime | None = None) -> None:
    if app.stage not in OPEN_STAGES:
        raise StatusError("not open")
    _move(app, Stage.withdrawn, now or utcnow())


def erase(app: Application, *, now: datetime | None = None) -> None:
    """The resident's "withdraw and erase my data". Idempotent."""
    now = now or utcnow()
    if app.stage in OPEN_STAGES:
        _move(app, Stage.withdrawn, now)
    erase_personal_data(app, now)


def _move(app: Application, stage: Stage, now: datetime) -> None:
    app.events.append(ApplicationEvent(from_stage=app.stage, to_stage=stage, actor_id=None,
                                       reason="resident", created_at=now))
    app.stage = stage
    app.stage_reason = "resident"
    db.session.flush()
