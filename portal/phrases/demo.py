"""Demo data: the phrasebook, phrases on the demo vacancies, an Arabic title and summary the
adviser wrote for the bakery, and the main languages of azc Zaandam and Purmerend."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal import db
from portal.clock import today, utcnow
from portal.phrases.models import Phrase
from portal.phrases.services import save_text, set_selection, sync_curated
from portal.regions.models import Location
from portal.vacancies import codes
from portal.vacancies.models import ContractType, Vacancy, VacancyLocation, VacancyStatus

PHRASES: dict[str, dict[str, int | None]] = {
    # demo vacancy title -> {phrase key: number or None}
    "Hulp in de bakkerij": {"role.bakery": None, "task.bake": None, "task.dishes": None,
                            "time.early": None, "time.start_at": 6, "work.team": 4,
                            "work.standing": None, "offer.clothes": None, "offer.training": None,
                            "need.no_experience": None},
    "Winkelmedewerker tweedehands kleding": {"role.thrift_shop": None, "task.thrift": None,
                                             "work.customers": None, "offer.buddy": None},
    "Orderpicker magazijn": {"role.order_picker": None, "task.pick_scanner": None,
                             "task.load": None, "time.shifts": None, "work.lifting": 15,
                             "offer.shoes": None, "offer.travel": None, "need.vca": None},
    "Schoonmaker kantoren (oproep)": {"role.cleaner": None, "task.clean_offices": None,
                                      "time.evening": None, "time.varies": None,
                                      "work.chemicals": None, "offer.buddy": None,
                                      "need.no_experience": None},
}
LANGUAGES = {"ZDM": "ti,ar", "PMR": "ar,fa"}
# A vacancy written in phrases only: the employer typed a Dutch title and no summary.
HOTEL = dict(title="Kamermeisje / roomboy hotel", summary="", city="Zaandam",
             address="Provincialeweg 102", hours_min=16, hours_max=32,
             contract_type=ContractType.temporary, wage_min_cents=1500, positions=4,
             client_name="Hotel Zaanoever")
HOTEL_PHRASES = {"role.hotel_cleaner": None, "task.clean_rooms": None, "task.clean_toilets": None,
                 "time.start_at": 7, "time.weekends": None, "work.standing": None,
                 "work.chemicals": None, "offer.clothes": None, "offer.travel": None,
                 "offer.training": None, "need.no_experience": None}


def _hotel(ctx: dict) -> Vacancy | None:
    agency, zdm = ctx.get("agency"), ctx.get("locations", {}).get("ZDM")
    if agency is None or zdm is None:
        return None
    taken = set(db.session.scalars(select(Vacancy.code)))
    now = utcnow()
    vacancy = Vacancy(organisation=agency, code=codes.new_code(lambda c: c in taken),
                      start_date=today() + timedelta(days=14),
                      closing_date=today() + timedelta(days=40), status=VacancyStatus.published,
                      published_at=now, poster_changed_at=now, description="", text_language="nl",
                      **HOTEL)
    vacancy.postings = [VacancyLocation(location=zdm)]
    db.session.add(vacancy)
    db.session.flush()
    return vacancy


def seed(ctx: dict) -> None:
    sync_curated()
    by_key = {p.key: p for p in db.session.scalars(select(Phrase))}
    hotel = _hotel(ctx)
    if hotel is not None:
        chosen = {by_key[k].id: n for k, n in HOTEL_PHRASES.items()}
        set_selection(hotel, chosen, set(chosen))
    for vacancy in ctx.get("vacancies", []):
        chosen = {by_key[k].id: n for k, n in PHRASES.get(vacancy.title, {}).items()}
        if chosen:
            set_selection(vacancy, chosen, set(chosen))
        if vacancy.title == "Hulp in de bakkerij":
            save_text(vacancy, "ar", "مساعد في المخبز",
                      "تساعد في المخبز. تعجن العجين وتملأ الرفوف وتنظّف. تبدأ باكرًا: في الساعة 6. "
                      "تعمل مع فريق صغير.", "", ctx.get("adviser"))
    for code, languages in LANGUAGES.items():
        location = db.session.scalar(select(Location).where(Location.code == code))
        if location is not None:
            location.languages = languages
    db.session.flush()
