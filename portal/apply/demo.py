"""Demo applications on the demo employer's vacancies, in several stages and languages."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal import db
from portal.applicants.models import Application, ApplicationEvent, ResidenceStatus, Stage
from portal.apply import queries, tokens
from portal.clock import utcnow
from portal.vacancies.models import Vacancy

PEOPLE = [
    # name, phone, ui language, languages, status, stage path
    ("Amanuel Tesfay", "+31612340001", "ti", [{"lang": "ti", "level": "very_good"}, {"lang": "en", "level": "basic"}],
     ResidenceStatus.asylum_seeker, [Stage.new]),
    ("Rana Al-Hassan", "+31612340002", "ar", [{"lang": "ar", "level": "very_good"}, {"lang": "nl", "level": "basic"}],
     ResidenceStatus.status_holder, [Stage.new, Stage.contacted]),
    ("Yonas Berhe", "+31612340003", "ti", [{"lang": "ti", "level": "very_good"}, {"lang": "ar", "level": "good"}],
     ResidenceStatus.asylum_seeker, [Stage.new, Stage.contacted, Stage.tour]),
    ("Omar Khalil", "+31612340004", "ar", [{"lang": "ar", "level": "very_good"}, {"lang": "en", "level": "good"}],
     ResidenceStatus.unknown, [Stage.new, Stage.rejected]),
]


def seed(ctx: dict) -> None:
    employer = ctx.get("employer")
    org = getattr(employer, "organisation", None) or employer
    if org is None:
        return
    vacancies = db.session.scalars(
        select(Vacancy).where(Vacancy.organisation_id == org.id).order_by(Vacancy.id)
    ).all()
    if not vacancies:
        return
    now = utcnow()
    for n, (name, phone, ui, langs, status, path) in enumerate(PEOPLE):
        vacancy = vacancies[n % len(vacancies)]
        if queries.open_application_for_phone(vacancy, phone) is not None:
            continue  # seeded before (seed-demo --force): one open application per phone
        location = next(iter(vacancy.locations), None)
        created = now - timedelta(days=len(PEOPLE) - n)
        app = Application(
            vacancy=vacancy, reference=tokens.new_reference(), poster_location=location,
            azc_location=location, name=name, phone=phone, languages=langs,
            residence_status=status,
            procedure_long_enough=True if status == ResidenceStatus.asylum_seeker else None,
            ui_language=ui, consent_at=created, created_at=created,
            status_token_hash=tokens.hash_token(tokens.new_status_token()),
            experience="Magazijn en schoonmaak", availability="Elke dag", stage=path[-1],
        )
        previous = None
        for step, stage in enumerate(path):
            app.events.append(ApplicationEvent(from_stage=previous, to_stage=stage,
                                               created_at=created + timedelta(hours=step)))
            previous = stage
        db.session.add(app)
    db.session.flush()
