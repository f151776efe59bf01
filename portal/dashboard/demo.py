"""Demo data: page-view counts for the demo vacancies over the last weeks, so the funnels
and the adviser's figures are not empty. (Runs after apply's seed: FEATURE_SEEDERS, portal/demo.py.)"""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal import db
from portal.clock import today
from portal.dashboard.models import NO_LOCATION, VacancyView
from portal.vacancies.models import Vacancy, VacancyLocation

LANGUAGES = ("ar", "ti", "nl", "fa", "en")


def seed(ctx: dict) -> None:
    day0 = today()
    postings = db.session.execute(
        select(Vacancy.id, VacancyLocation.location_id)
        .join(VacancyLocation, VacancyLocation.vacancy_id == Vacancy.id)
        .where(Vacancy.published_at.is_not(None)).order_by(Vacancy.id)).all()
    existing = {(v, lang, loc, day) for v, lang, loc, day in db.session.execute(
        select(VacancyView.vacancy_id, VacancyView.language, VacancyView.location_id, VacancyView.day))}
    for n, (vacancy_id, location_id) in enumerate(postings):
        for back in range(0, 42, 3):
            day = day0 - timedelta(days=back)
            for i, lang in enumerate(LANGUAGES):
                count = (n + back + i * 3) % 7
                for loc in (location_id, NO_LOCATION) if i == 0 else (location_id,):
                    if count and (vacancy_id, lang, loc, day) not in existing:
                        existing.add((vacancy_id, lang, loc, day))  # a vacancy may hang at two azc's
                        db.session.add(VacancyView(vacancy_id=vacancy_id, language=lang,
                                                   location_id=loc, day=day, count=count))
