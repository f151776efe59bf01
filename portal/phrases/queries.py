"""Reads for the phrasebook pages. Scoping (whose vacancy) is the caller's: the views load the
vacancy through vacancies.queries / portal.access first."""
from __future__ import annotations

import unicodedata
from collections import defaultdict

from sqlalchemy import select

from portal import access, db
from portal.organisations.models import Organisation
from portal.phrases import catalogue
from portal.phrases.models import Phrase, Section, TextOrigin, VacancyText
from portal.vacancies.models import Vacancy, VacancyStatus


def offered(selected_ids: set[int]) -> list[Phrase]:
    """Phrases an employer can tick: the active ones and any retired one already ticked."""
    return list(db.session.scalars(
        select(Phrase).where(Phrase.active.is_(True) | Phrase.id.in_(selected_ids or {0}))
        .order_by(Phrase.section, Phrase.position, Phrase.id)))


def _plain(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


def matches(phrase: Phrase, query: str) -> bool:
    """A search word matches the Dutch text or its English translation (employers search in
    either), without case or accents."""
    words = _plain(query).split()
    haystack = _plain(phrase.text + " " + (catalogue.gettext(phrase.text, "en") or ""))
    return all(w in haystack for w in words)


def by_section(phrases: list[Phrase]) -> dict[Section, list[Phrase]]:
    out: dict[Section, list[Phrase]] = defaultdict(list)
    for p in phrases:
        out[p.section].append(p)
    return out


def all_phrases() -> list[Phrase]:
    return list(db.session.scalars(select(Phrase).order_by(Phrase.section, Phrase.position,
                                                           Phrase.id)))


def region_vacancies(user: object) -> list[Vacancy]:
    """Draft and published vacancies an adviser can give texts for (their region; admins all)."""
    return list(db.session.scalars(
        select(Vacancy).join(Organisation, Vacancy.organisation_id == Organisation.id)
        .where(Vacancy.status.in_((VacancyStatus.draft, VacancyStatus.published)),
               access.region_scope(user, Organisation.region_id))
        .order_by(Organisation.name, Vacancy.title)))


def text_counts(vacancy_ids: list[int]) -> dict[int, dict[str, int]]:
    """Per vacancy: how many languages have a typed/reviewed text and how many a machine one."""
    out: dict[int, dict[str, int]] = defaultdict(lambda: {"person": 0, "machine": 0})
    for row in db.session.scalars(select(VacancyText).where(
            VacancyText.vacancy_id.in_(vacancy_ids or [0]))):
        if row.origin in (TextOrigin.typed, TextOrigin.reviewed):
            out[row.vacancy_id]["person"] += 1
        elif row.origin == TextOrigin.machine:
            out[row.vacancy_id]["machine"] += 1
    return out
