"""The kinds of work a resident can ask for: the job names of the phrasebook (role phrases,
"role.cleaner"), the same list employers pick a vacancy's role from, so a wish and a vacancy
meet on the key; and the organisations' sectors ("sector.horeca") for staff who match by
sector. Labels in the reader's language; a job name without a translation shows in Dutch."""
from __future__ import annotations

from sqlalchemy import select

from portal import db
from portal.organisations.forms import SECTOR_LABELS
from portal.phrases import catalogue
from portal.phrases.models import Phrase, Section

SECTOR_PREFIX = "sector."


def role_phrases() -> list[Phrase]:
    return list(db.session.scalars(
        select(Phrase).where(Phrase.section == Section.role, Phrase.active.is_(True))
        .order_by(Phrase.position, Phrase.id)))


def kind_choices(lang: str) -> list[tuple[str, str]]:
    """(key, label) of every job name a resident can tick, in the phrasebook's order."""
    return [(p.key, catalogue.gettext(p.text, lang) or p.text) for p in role_phrases()]


def sector_choices() -> list[tuple[str, str]]:
    return [(SECTOR_PREFIX + code, str(label)) for code, label in SECTOR_LABELS.items()]


def kind_label(key: str, lang: str) -> str:
    """The label of one stored kind; a job name that was retired since still reads well."""
    if key.startswith(SECTOR_PREFIX):
        return str(SECTOR_LABELS.get(key[len(SECTOR_PREFIX):], key))
    text = db.session.scalar(select(Phrase.text).where(Phrase.key == key))
    if text is None:
        return key
    return catalogue.gettext(text, lang) or text
