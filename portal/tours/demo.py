"""Demo tour: the demo employer invites its applicants in the tour stage to a requested tour
in three days, so the coordinator has something to confirm. Runs after the apply demo."""
from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy import select

from portal import db
from portal.applicants.models import ApplicantNote, Application, Stage
from portal.clock import AMS, today
from portal.tours.models import Tour, TourInvite, TourState
from portal.vacancies.models import Vacancy


def seed(ctx: dict) -> None:
    org = ctx.get("employer")
    member = (ctx.get("members") or {}).get("employer")
    if org is None or member is None:
        return
    apps = db.session.scalars(
        select(Application).join(Vacancy, Vacancy.id == Application.vacancy_id)
        .where(Vacancy.organisation_id == org.id).order_by(Application.id)).all()
    for app in apps:
        if app.stage == Stage.contacted:
            db.session.add(ApplicantNote(application_id=app.id, author_id=member.id,
                                         text="Telefonisch gesproken, Nederlands A2. Wil graag komen kijken."))
    invited = [a for a in apps if a.stage == Stage.tour]
    if not invited:
        return
    start = datetime.combine(today() + timedelta(days=3), time(10, 0), AMS)
    vacancy = invited[0].vacancy
    tour = Tour(organisation_id=org.id, vacancy=vacancy, starts_at=start, duration_minutes=60,
                address=f"{vacancy.address or org.street}, {vacancy.city}".strip(", "),
                meeting_point="Bij de receptie", capacity=max(4, len(invited)),
                what_to_bring="Dichte schoenen en je W-document",
                transport_note="Bus 391 stopt voor de deur.", state=TourState.requested,
                created_by_id=member.id)
    tour.invites = [TourInvite(application=a) for a in invited]
    db.session.add(tour)
    db.session.flush()
