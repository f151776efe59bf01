"""Machine translation of vacancy texts, run by `portal tick` (never while a resident waits:
the QR landing page only reads what is stored).

For every draft or published vacancy, each resident language without a text a person wrote
gets the employer's title, summary and description translated in one call and stored as a
machine text (shown with "translated by a computer"). A text made from an older version of the
employer's words is made again. A provider that is down stops the run (the next tick tries
again); one that refuses a language is asked again after a growing pause. Nothing is lost:
until a translation exists the resident reads the employer's own text, marked as Dutch."""
from __future__ import annotations

import logging
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import case, select

from portal import db
from portal.phrases.models import TextOrigin, VacancyText
from portal.phrases.services import other_languages, source_hash, sync_curated, touch
from portal.translate.provider import ProviderDown, ProviderError, from_config
from portal.vacancies.models import Vacancy, VacancyStatus

log = logging.getLogger(__name__)

FIELDS = ("title", "summary", "description")


def _due(row: VacancyText | None, digest: str, now: datetime) -> bool:
    if row is None:
        return True
    if row.origin in (TextOrigin.typed, TextOrigin.reviewed):
        return False  # a person wrote it: never overwritten by the machine
    if row.source_hash != digest:
        return True
    return (row.origin == TextOrigin.waiting
            and (row.next_attempt_at is None or row.next_attempt_at <= now))


def translate_vacancies(now: datetime) -> int:
    """Job: returns how many vacancy texts were translated in this run."""
    provider = from_config()
    if provider is None:
        return 0
    budget = int(current_app.config.get("TRANSLATE_BATCH") or 50)
    vacancies = db.session.scalars(
        select(Vacancy).where(Vacancy.status.in_((VacancyStatus.published, VacancyStatus.draft)))
        .order_by(case((Vacancy.status == VacancyStatus.published, 0), else_=1),
                  Vacancy.updated_at.desc())).all()
    rows = {(t.vacancy_id, t.language): t for t in db.session.scalars(
        select(VacancyText).where(VacancyText.vacancy_id.in_([v.id for v in vacancies])))}
    done = 0
    for vacancy in vacancies:
        digest = source_hash(vacancy)
        parts = [(name, getattr(vacancy, name) or "") for name in FIELDS]
        parts = [(name, text) for name, text in parts if text.strip()]
        for language in other_languages(vacancy):
            row = rows.get((vacancy.id, language))
            if not parts or not _due(row, digest, now):
                continue
            if budget <= 0:
                return done
            budget -= 1
            if row is None:
                row = VacancyText(vacancy_id=vacancy.id, language=language, attempts=0,
                                  origin=TextOrigin.waiting, source_hash=digest)
                db.session.add(row)
            elif row.source_hash != digest:
                row.origin, row.source_hash, row.attempts = TextOrigin.waiting, digest, 0
            try:
                translated = provider.translate([text for _n, text in parts],
                                                vacancy.text_language, language)
            except ProviderDown as exc:
                _failed(row, exc, now)
                return done  # everything else would fail too: the next tick tries again
            except ProviderError as exc:
                _failed(row, exc, now)
                continue
            for name in FIELDS:
                setattr(row, name, "")
            for (name, _text), text in zip(parts, translated, strict=True):
                setattr(row, name, text[:200] if name == "title" else text)
            row.origin, row.attempts, row.next_attempt_at = TextOrigin.machine, 0, None
            row.updated_by_id = None
            touch(vacancy)
            done += 1
            db.session.flush()
    return done


def _failed(row: VacancyText, exc: ProviderError, now: datetime) -> None:
    row.attempts += 1
    row.next_attempt_at = now + timedelta(minutes=min(2 ** row.attempts, 240))
    db.session.flush()
    # The reason only: the texts are the employer's, but a log is no place for them.
    log.warning("vacancy %s: machine translation into %s failed (%s)", row.vacancy_id,
                row.language, exc)


def sync_phrasebook(_now: datetime) -> int:
    """Job: the curated phrases are in the table (new ones after a deploy). Idempotent."""
    return sync_curated()
