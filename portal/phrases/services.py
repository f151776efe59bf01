"""Phrasebook rules: the curated phrases in the table, phrases admins add, the phrases a
vacancy is built from, and a vacancy's texts per language. Functions flush, never commit; a
broken rule raises PhraseError with the form field it belongs to.

Every change a resident could see bumps the vacancy's updated_at: the QR landing page's cache
(portal/apply/landing_cache.py) keys on it, so no reader gets yesterday's words."""
from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select

from portal import db
from portal.audit.services import record
from portal.clock import utcnow
from portal.domain import DomainError
from portal.i18n import RESIDENT_LANGUAGES
from portal.phrases.curated import CURATED
from portal.phrases.icons import ICONS
from portal.phrases.models import (
    Phrase,
    Section,
    TextOrigin,
    TextPerLanguage,
    VacancyPhrase,
    VacancyText,
)
from portal.text import clean_line, clean_text
from portal.vacancies import signals as vacancy_signals
from portal.vacancies.models import Vacancy, VacancyStatus

MAX_TITLE = 120
MAX_SUMMARY = 600
MAX_DESCRIPTION = 5000

T = TypeVar("T", bound=TextPerLanguage)


class PhraseError(DomainError):
    """A broken rule of the phrasebook; see portal.domain.DomainError."""


def touch(vacancy: Vacancy) -> None:
    """What residents read of this vacancy changed: new cache version, and for a published
    vacancy a new poster (the coordinator sees that the print is out of date)."""
    now = utcnow()
    vacancy.updated_at = now
    if vacancy.status == VacancyStatus.published:
        vacancy.poster_changed_at = now


# --------------------------------------------------------------------------- the phrasebook


def sync_curated() -> int:
    """Put the curated phrases (portal/phrases/curated.py) in the table; rewords and moves
    existing ones, keeps what admins decided (active). Idempotent. Returns how many were added."""
    known = {p.key: p for p in db.session.scalars(select(Phrase).where(Phrase.curated.is_(True)))}
    added = 0
    for section, rows in CURATED.items():
        for position, (key, text, icon, numbers) in enumerate(rows):
            lo, hi = numbers if numbers else (None, None)
            phrase = known.get(key)
            if phrase is None:
                phrase = Phrase(key=key, curated=True, active=True)
                db.session.add(phrase)
                added += 1
            values = {"section": Section(section), "text": text, "icon": icon,
                      "number_min": lo, "number_max": hi, "position": position}
            for name, value in values.items():
                if getattr(phrase, name) != value:
                    setattr(phrase, name, value)
    db.session.flush()
    return added


@dataclass
class NewPhrase:
    section: Section
    text: str
    icon: str | None = None
    number_min: int | None = None
    number_max: int | None = None


def add_phrase(data: NewPhrase, user: object) -> Phrase:
    """An admin adds a phrase. It shows in Dutch (marked) until the catalogues translate it."""
    text = clean_line(data.text, 200)
    if not text:
        raise PhraseError(_l("Schrijf de zin."), "text")
    has_number = "%(n)s" in text
    if has_number != (data.number_max is not None):
        raise PhraseError(_l("Een zin met een getal schrijft %(n)s waar het getal komt, en "
                             "heeft een hoogste getal."), "text")
    if "%" in text.replace("%(n)s", ""):
        raise PhraseError(_l("Gebruik geen %% in de zin, alleen %(n)s voor het getal."), "text")
    if data.number_max is not None and (data.number_min or 0) > data.number_max:
        raise PhraseError(_l("Het laagste getal is hoger dan het hoogste."), "number_max")
    if data.icon and data.icon not in ICONS:
        raise PhraseError(_l("Kies een plaatje uit de lijst."), "icon")
    if db.session.scalar(select(Phrase.id).where(func.lower(Phrase.text) == text.lower())):
        raise PhraseError(_l("Deze zin staat al in het zinnenboek."), "text")
    last = db.session.scalar(select(func.max(Phrase.position)).where(
        Phrase.section == data.section)) or 0
    phrase = Phrase(key="", section=data.section, text=text, icon=data.icon or None,
                    number_min=data.number_min if data.number_max is not None else None,
                    number_max=data.number_max, position=last + 1, active=True, curated=False,
                    created_by_id=getattr(user, "id", None))
    db.session.add(phrase)
    db.session.flush()
    phrase.key = f"custom.{phrase.id}"
    record("phrase.added", phrase)
    db.session.flush()
    return phrase


def set_active(phrase: Phrase, active: bool) -> None:
    """Retire a phrase (or bring it back). Vacancies that use it keep it: a retired phrase
    is only no longer offered."""
    phrase.active = active
    record("phrase.activated" if active else "phrase.retired", phrase)
    db.session.flush()


# --------------------------------------------------------------------------- a vacancy's phrases


def selection(vacancy_id: int) -> list[VacancyPhrase]:
    return list(db.session.scalars(
        select(VacancyPhrase).join(Phrase).where(VacancyPhrase.vacancy_id == vacancy_id)
        .order_by(Phrase.section, Phrase.position, Phrase.id)))


def set_selection(vacancy: Vacancy, chosen: dict[int, int | None], shown: set[int]) -> bool:
    """Tick and untick phrases among those the form showed (`shown`: a filtered page leaves
    the others as they were). `chosen` maps phrase id -> number (None for phrases without).
    Returns whether anything changed."""
    current = {vp.phrase_id: vp for vp in selection(vacancy.id)}
    wanted = {pid: n for pid, n in chosen.items() if pid in shown}
    phrases = {p.id: p for p in db.session.scalars(select(Phrase).where(
        Phrase.id.in_(set(wanted) | set(current))))}
    for pid, number in wanted.items():
        phrase = phrases.get(pid)
        if phrase is None or (not phrase.active and pid not in current):
            raise PhraseError(_l("Kies alleen zinnen uit de lijst."), "phrases")
        if phrase.has_number:
            lo, hi = phrase.number_min or 0, phrase.number_max or 0
            if number is None or not lo <= number <= hi:
                raise PhraseError(_l("Vul bij '%(text)s' een getal in van %(lo)s tot %(hi)s.",
                                     text=phrase.text.replace("%(n)s", "…"), lo=lo, hi=hi),
                                  f"n{pid}")
    roles = [pid for pid in set(wanted) | (set(current) - shown) if phrases[pid].section == Section.role]
    if len(roles) > 1:
        raise PhraseError(_l("Kies één functie."), "role")
    changed = False
    for pid in shown:
        have, want = current.get(pid), pid in wanted
        number = wanted.get(pid) if want and phrases[pid].has_number else None
        if have is not None and not want:
            db.session.delete(have)
            changed = True
        elif have is None and want:
            db.session.add(VacancyPhrase(vacancy_id=vacancy.id, phrase_id=pid, number=number))
            changed = True
        elif have is not None and have.number != number:
            have.number = number
            changed = True
    if changed:
        touch(vacancy)
        record("vacancy.phrases_changed", vacancy)
    db.session.flush()
    return changed


# --------------------------------------------------------------------------- texts per language


def source_hash(vacancy: Vacancy) -> str:
    """Fingerprint of the employer's own text: a translation made from another is out of date."""
    plain = "\x1f".join((vacancy.text_language, vacancy.title or "", vacancy.summary or "",
                         vacancy.description or ""))
    return hashlib.sha256(plain.encode("utf-8", "surrogatepass")).hexdigest()


def texts(vacancy_id: int) -> dict[str, VacancyText]:
    return {t.language: t for t in db.session.scalars(
        select(VacancyText).where(VacancyText.vacancy_id == vacancy_id))}


def other_languages(vacancy: Vacancy) -> list[str]:
    """The resident languages a text per language can be given in (not the employer's own)."""
    return [code for code in RESIDENT_LANGUAGES if code != vacancy.text_language]


def text_state(row: TextPerLanguage | None) -> str:
    """How a language stands on a staff page: none | waiting | machine | person."""
    if row is None:
        return "none"
    if row.origin == TextOrigin.waiting:
        return "waiting"
    return "machine" if row.origin == TextOrigin.machine else "person"


def put_text(row: T | None, make: Callable[[], T], values: Mapping[str, str], digest: str,
             user: object, machine_before: bool = False) -> T | None:
    """A text per language typed by staff, for whatever it belongs to (`make` makes the
    owner's new row): cleaned `values` by column name, `digest` the hash of the source text
    it was checked against. A machine text a person saved (`machine_before`, or a row that
    was one) counts as reviewed. All values empty removes the row (the page falls back to the
    source text again) and returns None. Adds and deletes; the caller flushes."""
    if not any(values.values()):
        if row is not None:
            db.session.delete(row)
        return None
    if not values.get("title"):
        raise PhraseError(_l("Schrijf ook de titel in deze taal."), "title")
    if row is None:
        row = make()
        db.session.add(row)
    was_machine = machine_before or row.origin in (TextOrigin.machine, TextOrigin.reviewed)
    row.origin = TextOrigin.reviewed if was_machine else TextOrigin.typed
    for name, value in values.items():
        setattr(row, name, value)
    row.source_hash = digest
    row.updated_by_id = getattr(user, "id", None)
    return row


def save_text(vacancy: Vacancy, language: str, title: str, summary: str, description: str,
              user: object) -> VacancyText | None:
    """Typed by the employer or adviser (or a machine text they checked and saved, which then
    counts as reviewed). All fields empty removes the language (the page falls back again)."""
    if language not in other_languages(vacancy):
        raise PhraseError(_l("Kies een andere taal dan de taal van de vacature."), "language")
    values = {"title": clean_line(title, MAX_TITLE), "summary": clean_text(summary, MAX_SUMMARY),
              "description": clean_text(description, MAX_DESCRIPTION)}
    before = texts(vacancy.id).get(language)
    row = put_text(before, lambda: VacancyText(vacancy_id=vacancy.id, language=language,
                                               origin=TextOrigin.typed),
                   values, source_hash(vacancy), user)
    if row is None:
        if before is not None:
            touch(vacancy)
            record("vacancy.text_removed", vacancy, language=language)
            db.session.flush()
        return None
    row.attempts, row.next_attempt_at = 0, None
    touch(vacancy)
    record("vacancy.text_saved", vacancy, language=language, origin=row.origin.value)
    db.session.flush()
    return row


# --------------------------------------------------------------------------- vacancy hooks


@vacancy_signals.content_parts.connect
def _phrase_count(vacancy: Vacancy, **_kw: object) -> int:
    """Publishing without a summary is fine when phrases say what the job is."""
    return len([vp for vp in selection(vacancy.id) if vp.phrase.section != Section.role])


@vacancy_signals.duplicated.connect
def _copy(copy: Vacancy, source: Vacancy, **_kw: object) -> int:
    """A copy keeps its phrases and the texts people wrote (machine texts are made again)."""
    for vp in selection(source.id):
        db.session.add(VacancyPhrase(vacancy_id=copy.id, phrase_id=vp.phrase_id, number=vp.number))
    for row in texts(source.id).values():
        if row.origin in (TextOrigin.typed, TextOrigin.reviewed):
            db.session.add(VacancyText(
                vacancy_id=copy.id, language=row.language, title=row.title, summary=row.summary,
                description=row.description, origin=row.origin, source_hash=row.source_hash))
    db.session.flush()
    return 1
