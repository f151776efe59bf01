"""Demo data: realistic published vacancies at azc Zaandam (ZDM) and Purmerend (PMR), and one
draft for the organisation that still waits for approval."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from portal import db
from portal.clock import today, utcnow
from portal.regions.models import Location
from portal.vacancies import codes
from portal.vacancies.models import ContractType, Level, MinimumWage, Vacancy, VacancyLocation, VacancyStatus

WAGE_ROWS = ((date(2025, 1, 1), 1406), (date(2025, 7, 1), 1440), (date(2026, 1, 1), 1471))

BAKERY = dict(
    title="Hulp in de bakkerij",
    summary="Je helpt in de bakkerij. Je maakt deeg, vult de schappen en maakt schoon. "
            "Je begint vroeg: om 6 uur. Je werkt met een klein team.",
    description="Geen ervaring nodig. Je krijgt schone werkkleding. Je leert het werk van een bakker.",
    city="Zaandam", address="Westzijde 88", hours_min=16, hours_max=24,
    contract_type=ContractType.fixed_term, wage_min_cents=1500, wage_max_cents=1600,
    dutch_level=Level.A1, english_level=Level.none, tour_offered=True, positions=2,
)
SHOP = dict(
    title="Winkelmedewerker tweedehands kleding",
    summary="Je sorteert kleding en hangt die in de winkel. Je helpt klanten en werkt soms "
            "aan de kassa. Je werkt samen met vrijwilligers.",
    city="Zaandam", address="Gedempte Gracht 41", hours_min=12, hours_max=20,
    contract_type=ContractType.temporary, wage_min_cents=1480, wage_max_cents=None,
    dutch_level=Level.A2, english_level=Level.A2, tour_offered=True, positions=1,
)
PICKER = dict(
    title="Orderpicker magazijn",
    summary="Je pakt bestellingen met een scanner. Je zet dozen klaar voor de vrachtwagen. "
            "Je werkt in ploegen. Veiligheidsschoenen krijg je van ons.",
    city="Zaandam", address="Hemkade 12", hours_min=24, hours_max=38,
    contract_type=ContractType.temporary, wage_min_cents=1525, wage_max_cents=1650,
    dutch_level=Level.none, english_level=Level.A2, safety_critical=True, tour_offered=True,
    positions=6, client_name="Zaanse Groothandel B.V.",
)
CLEANER = dict(
    title="Schoonmaker kantoren (oproep)",
    summary="Je maakt kantoren schoon in de avond. Je werkt als wij je bellen. "
            "Je krijgt uitleg en werkt eerst samen met een collega.",
    city="Purmerend", address="Koemarkt 5", hours_min=8, hours_max=20,
    contract_type=ContractType.on_call, wage_min_cents=1475, wage_max_cents=None,
    dutch_level=Level.none, english_level=Level.none, positions=3,
    client_name="Kantorenpark Purmer",
)


def _ensure_wages() -> None:
    known = set(db.session.scalars(select(MinimumWage.valid_from)))
    for valid_from, cents in WAGE_ROWS:
        if valid_from not in known:
            db.session.add(MinimumWage(valid_from=valid_from, cents_per_hour=cents))


def _vacancy(org, fields: dict, locations, published: bool) -> Vacancy:
    now = utcnow()
    taken = set(db.session.scalars(select(Vacancy.code)))
    vacancy = Vacancy(
        organisation=org, code=codes.new_code(lambda c: c in taken),
        start_date=today() + timedelta(days=21), closing_date=today() + timedelta(days=45),
        status=VacancyStatus.published if published else VacancyStatus.draft,
        published_at=now if published else None, poster_changed_at=now if published else None,
        **{"description": "", "text_language": "nl", **fields},
    )
    vacancy.postings = [VacancyLocation(location=loc) for loc in locations if loc is not None]
    db.session.add(vacancy)
    return vacancy


def seed(ctx: dict) -> None:
    _ensure_wages()
    locs = {loc.code: loc for loc in db.session.scalars(
        select(Location).where(Location.code.in_(("ZDM", "PMR"))))}
    zdm, pmr = locs.get("ZDM"), locs.get("PMR")
    employer, agency = ctx["employer"], ctx["agency"]
    made = [
        _vacancy(employer, BAKERY, [zdm], published=True),
        _vacancy(employer, SHOP, [zdm, pmr], published=True),
        _vacancy(agency, PICKER, [zdm, pmr], published=True),
        _vacancy(agency, CLEANER, [pmr], published=True),
    ]
    if ctx.get("pending") is not None:
        draft = dict(BAKERY, title="Medewerker fietsenmakerij",
                     summary="Je repareert fietsen van klanten. Je plakt banden en stelt remmen af.",
                     city="Zaandam", address="Rosmolenstraat 3", tour_offered=False)
        made.append(_vacancy(ctx["pending"], draft, [zdm], published=False))
    db.session.flush()
    ctx["vacancies"] = made
    ctx.setdefault("vacancy", made[0])
