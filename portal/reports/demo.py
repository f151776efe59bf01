"""Demo data: two reports in the demo adviser's region, so the queue is not empty."""
from __future__ import annotations

from sqlalchemy import select

from portal import db
from portal.organisations.models import Organisation
from portal.regions.models import Location
from portal.reports import services
from portal.reports.models import ReporterType, ReportState
from portal.vacancies.models import Vacancy, VacancyStatus


def seed(ctx: dict) -> None:
    adviser = ctx["adviser"]
    region_id = adviser.region_id
    location = ctx.get("location") or db.session.scalar(
        select(Location).where(Location.region_id == region_id).order_by(Location.id)
    )
    vacancy = ctx.get("vacancy") or db.session.scalar(
        select(Vacancy).join(Organisation)
        .where(Organisation.region_id == region_id, Vacancy.status == VacancyStatus.published)
        .order_by(Vacancy.id)
    )
    # One about a known vacancy (anonymous), one about an unknown employer (with contact).
    first = services.submit(
        signals=["unpaid_trial", "cash_pay"],
        description="Ik moest eerst twee weken gratis werken. Daarna kreeg ik geld in een envelop.",
        employer_name="" if vacancy is not None else "Schoonmaakbedrijf Snel",
        vacancy=vacancy, location=location, reporter_type=ReporterType.resident,
        contact=None, contact_language=None, ui_language="ar", notify=False,
    )
    second = services.submit(
        signals=["documents_taken", "housing_tied", "long_days"],
        description="Een busje haalt mensen 's ochtends op bij het azc. Ze werken 12 uur per dag.",
        employer_name="Tuinbouw Westland (naam van busje onbekend)", vacancy=None,
        location=location, reporter_type=ReporterType.coa_staff,
        contact="06 12345678", contact_language="nl", ui_language="nl", notify=False,
    )
    if first.region_id is None:
        first.region_id = region_id
    if second.region_id is None:
        second.region_id = region_id
    services.change_state(second, adviser, ReportState.investigating,
                          note="Gebeld met de COA-locatie.")
    ctx["reports"] = [first, second]
