"""An activity's title and description in the residents' languages, on the machinery of the
vacancies' texts per language (portal/phrases):

- staff write the title and description in Dutch; they can give them per resident language
  (ActivityText, typed; a machine text they saved counts as reviewed);
- when machine translation is on (portal/translate), saving the activity asks the provider
  for the other languages in the background (`portal tick`), never while a resident waits;
- a resident page picks per text with phrases.local.choose: their language (typed, else
  machine-made, marked so), else English, else the Dutch text with "This text is in Dutch"
  in their language.
Functions flush, never commit; pages get plain values."""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from portal import db
from portal.activities.models import Activity, ActivityText
from portal.audit.services import record
from portal.i18n import RESIDENT_LANGUAGES
from portal.phrases.catalogue import label
from portal.phrases.local import FALLBACK, LocalText, choose
from portal.phrases.services import put_text, text_state
from portal.text import clean_line, clean_text
from portal.translate import services as machine

SOURCE = "nl"  # staff write activities in Dutch
FIELDS = ("title", "description")
MAX_TITLE = 200
MAX_DESCRIPTION = 2000


def about(activity_id: int) -> str:
    """The key of its machine translations in portal/translate's store."""
    return f"activity:{activity_id}"


def source_hash(activity: Activity) -> str:
    """Fingerprint of the Dutch text: a text given per language checked against another is
    marked on the staff page as possibly out of date."""
    plain = "\x1f".join((activity.title or "", activity.description or ""))
    return hashlib.sha256(plain.encode("utf-8", "surrogatepass")).hexdigest()


def other_languages(activity: Activity) -> list[str]:
    """Languages a text can be given in: every resident language but Dutch. Employers read
    Dutch or English: their sessions only get English from the machine."""
    return [code for code in RESIDENT_LANGUAGES if code != SOURCE]


def _machine_targets(activity: Activity) -> list[str]:
    return [FALLBACK] if activity.for_employers else other_languages(activity)


def texts(activity_id: int) -> dict[str, ActivityText]:
    return {t.language: t for t in db.session.scalars(
        select(ActivityText).where(ActivityText.activity_id == activity_id))}


# --------------------------------------------------------------------------- machine translation


def ask_machine(activity: Activity) -> int:
    """After the activity is saved: ask for translations of its current Dutch texts (no-op
    when machine translation is off) and drop those of texts it no longer has."""
    key, targets, added = about(activity.id), _machine_targets(activity), 0
    current = [text for text in (activity.title, activity.description) if text and text.strip()]
    for text in current:
        added += machine.want(key, text, SOURCE, targets)
    machine.forget_others(key, [machine.text_hash(t.strip(), SOURCE) for t in current])
    return added


def machine_texts(activity: Activity, language: str) -> dict[str, str]:
    """The finished machine translations of the current texts into `language`, by field."""
    out = {}
    for name in FIELDS:
        found = machine.found(about(activity.id), getattr(activity, name), SOURCE, language)
        if found:
            out[name] = found
    return out


def states(activity: Activity, rows: dict[str, ActivityText]) -> dict[str, str]:
    """Per language, for the staff page's tabs: person (typed), machine (the machine's
    translation of the current title is back), waiting (asked of portal/translate, not back
    yet) or none, as phrases.services.text_state says them for vacancies. Two queries."""
    key, languages = about(activity.id), other_languages(activity)
    done = machine.found_all([key], languages)
    asked = machine.pending_all([key], languages)
    digest = machine.text_hash((activity.title or "").strip(), SOURCE)

    def state(code: str) -> str:
        if code in rows:
            return text_state(rows[code])
        if (key, digest, code) in done:
            return "machine"
        return "waiting" if (key, digest, code) in asked else "none"

    return {code: state(code) for code in languages}


# --------------------------------------------------------------------------- typed by staff


def save_text(activity: Activity, language: str, title: str, description: str,
              user: object) -> ActivityText | None:
    """Staff give the title and description in one language. Saving what the machine made
    (the form is filled with it) makes it reviewed. All empty removes the language."""
    if language not in other_languages(activity):
        raise ValueError(language)  # the view offers only these
    before = texts(activity.id).get(language)
    values = {"title": clean_line(title, MAX_TITLE),
              "description": clean_text(description, MAX_DESCRIPTION)}
    row = put_text(before, lambda: ActivityText(activity_id=activity.id, language=language),
                   values, source_hash(activity), user,
                   machine_before=before is None and bool(machine_texts(activity, language)))
    if row is None:
        if before is not None:
            record("activity_text_removed", activity, language=language)
    else:
        record("activity_text_saved", activity, language=language, origin=row.origin.value)
    db.session.flush()
    return row


# --------------------------------------------------------------------------- as residents read it


@dataclass(frozen=True)
class LocalActivity:
    title: LocalText
    description: LocalText | None
    machine_note: str

    @property
    def machine(self) -> bool:
        return self.title.machine or bool(self.description and self.description.machine)

    @property
    def description_note(self) -> str | None:
        """"This text is in Dutch" above the description, unless the title said it already."""
        if self.description is None or self.description.note == self.title.note:
            return None
        return self.description.note


def _given(activity: Activity, name: str, rows: dict[str, ActivityText],
           done: dict[tuple[str, str, str], str]):
    own = (getattr(activity, name) or "").strip()
    digest = machine.text_hash(own, SOURCE)

    def given(code: str) -> LocalText | None:
        row = rows.get(code)
        if row is not None and getattr(row, name):
            return LocalText(getattr(row, name), code)
        found = done.get((about(activity.id), digest, code))
        return LocalText(found, code, machine=True) if found else None

    return given


def _local(activity: Activity, lang: str, rows: dict[str, ActivityText],
           done: dict[tuple[str, str, str], str]) -> LocalActivity:
    title = choose(activity.title, SOURCE, lang, _given(activity, "title", rows, done))
    return LocalActivity(
        title=title or LocalText(activity.title, SOURCE),
        description=choose(activity.description or "", SOURCE, lang,
                           _given(activity, "description", rows, done)),
        machine_note=label("note.machine", lang))


def localize(activity: Activity, lang: str) -> LocalActivity:
    return localize_all([activity], lang)[activity.id]


def localize_all(activities: Sequence[Activity], lang: str) -> dict[int, LocalActivity]:
    """Many activities in one language (the notice board): two queries, whatever the count."""
    ids = [a.id for a in activities]
    if not ids:
        return {}
    wanted = (lang, FALLBACK)
    rows: dict[int, dict[str, ActivityText]] = {i: {} for i in ids}
    for row in db.session.scalars(select(ActivityText).where(
            ActivityText.activity_id.in_(ids), ActivityText.language.in_(wanted))):
        rows[row.activity_id][row.language] = row
    done = machine.found_all([about(i) for i in ids], wanted) if lang != SOURCE else {}
    return {a.id: _local(a, lang, rows[a.id], done) for a in activities}
