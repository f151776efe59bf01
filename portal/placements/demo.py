"""Demo placements: one running hire with a granted TWV at the demo employer, one overdue TWV
cancellation at the demo agency (so the banner and the adviser's overview have content)."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal import db
from portal.applicants.models import Application, ResidenceStatus, Stage
from portal.apply import tokens
from portal.clock import today, utcnow
from portal.placements import services
from portal.placements.models import EndReason, Placement, TwvState
from portal.vacancies.models import Vacancy


def _application(vacancy: Vacancy, name: str, phone: str) -> Application:
    app = Application(
        vacancy=vacancy, reference=tokens.new_reference(), name=name, phone=phone,
        languages=[{"lang": "ar", "level": "very_good"}], residence_status=ResidenceStatus.asylum_seeker,
        procedure_long_enough=True, ui_language="ar", consent_at=utcnow() - timedelta(days=60),
        status_token_hash=tokens.hash_token(tokens.new_status_token()), stage=Stage.offer,
    )
    db.session.add(app)
    db.session.flush()
    return app


def _first_vacancy(org) -> Vacancy | None:
    return db.session.scalar(
        select(Vacancy).where(Vacancy.organisation_id == org.id).order_by(Vacancy.id))


def seed(ctx: dict) -> None:
    if db.session.scalar(select(Placement.id).limit(1)) is not None:
        return  # already seeded
    members = ctx.get("members", {})
    day = today()
    vacancy = _first_vacancy(ctx["employer"]) if ctx.get("employer") else None
    if vacancy is not None and "employer" in members:
        member = members["employer"]
        running = services.hire(
            _application(vacancy, "Samir Haddad", "+31612340101"), member,
            services.HireData(start_date=day - timedelta(days=5), hours_per_week=24,
                              contract_type=vacancy.contract_type, v_number="1029384756"))
        services.set_twv_state(running, member, TwvState.applied, day - timedelta(days=40))
        services.set_twv_state(running, member, TwvState.granted, day - timedelta(days=12))
    vacancy = _first_vacancy(ctx["agency"]) if ctx.get("agency") else None
    if vacancy is not None and "agency" in members:
        member = members["agency"]
        ended = services.hire(
            _application(vacancy, "Lina Yousef", "+31612340102"), member,
            services.HireData(start_date=day - timedelta(days=90), hours_per_week=32,
                              contract_type=vacancy.contract_type,
                              client_name=vacancy.client_name or "Distributiecentrum Zaandam"))
        services.set_twv_state(ended, member, TwvState.applied, day - timedelta(days=120))
        services.set_twv_state(ended, member, TwvState.granted, day - timedelta(days=95))
        services.end(ended, member, day - timedelta(days=12), EndReason.end_of_contract)
        ended.cancellation_requested_at = utcnow() - timedelta(days=12)  # reported on the day
    db.session.flush()
