"""Demo activities: the two-part training "Dutch labour market and work culture" at azc
Zaandam (20 places, a few residents signed up), a CV workshop, and an employer webinar
of the region. Skipped when already there (seed-demo --force)."""
from __future__ import annotations

from datetime import time, timedelta

from sqlalchemy import select

from portal import db
from portal.activities import services
from portal.activities import signup as signups
from portal.activities.models import Activity, ActivityKind, Audience, PlaceKind
from portal.activities.times import local_moment
from portal.clock import today

TRAINING = "Werken in Nederland: arbeidsmarkt en werkcultuur"
RESIDENTS = [("ሰላም ተስፋይ", "Selam Tesfay", "+31612000101", "ti"),
             ("أحمد الخطيب", "Ahmad Al-Khatib", "+31612000102", "ar"),
             ("Mariam Haidari", None, "+31612000103", "fa")]


def _session(days: int, hour: int, hours: float, place: str, kind=PlaceKind.room, url: str = ""):
    start = local_moment(today() + timedelta(days=days), time(hour, 0))
    if start is None:  # a whole hour in the morning always exists, even on a clock-change day
        raise ValueError("demo session at a time that does not exist in the Netherlands")
    return services.SessionData(id=None, starts_at=start, ends_at=start + timedelta(hours=hours),
                                place_kind=kind, place=place, online_url=url)


def seed(ctx: dict) -> None:
    coordinator, adviser = ctx.get("coordinator"), ctx.get("adviser")
    azc = (ctx.get("locations") or {}).get("ZDM")
    if coordinator is None or adviser is None or azc is None:
        return
    if db.session.scalar(select(Activity.id).where(Activity.title == TRAINING)) is None:
        training = services.create(services.ActivityData(
            kind=ActivityKind.training, audience=Audience.residents, title=TRAINING, capacity=20,
            together=True, region_id=azc.region_id, location_id=azc.id,
            languages=["nl", "en", "ar"], description=(
                "Twee middagen over werk in Nederland: contracten, loon, je rechten en hoe het "
                "gaat op het werk. Neem je W-document mee."),
            sessions=[_session(6, 13, 2.5, "Leslokaal 2"), _session(13, 13, 2.5, "Leslokaal 2")]),
            actor=coordinator)
        for name, latin, phone, lang in RESIDENTS:
            signups.sign_up(training, training.pools[0], signups.SignUpData(
                name=name, name_latin=latin, phone=phone, language="ar" if lang == "ar" else "nl",
                location_id=azc.id), ui_language=lang)
        services.create(services.ActivityData(
            kind=ActivityKind.workshop, audience=Audience.residents, title="Maak je cv",
            capacity=8, together=False, region_id=azc.region_id, location_id=azc.id,
            languages=["nl", "ti"], description="Een bewoner helpt je je cv te maken. Neem je telefoon mee.",
            sessions=[_session(4, 10, 2, "Computerruimte"), _session(11, 10, 2, "Computerruimte")]),
            actor=coordinator)
        services.create(services.ActivityData(
            kind=ActivityKind.employer_session, audience=Audience.employers,
            title="Een asielzoeker in dienst: de TWV in 45 minuten", capacity=40, together=True,
            region_id=azc.region_id, location_id=None, languages=["nl"],
            sessions=[_session(9, 16, 0.75, "", PlaceKind.online, "https://meet.example.org/twv")]),
            actor=adviser)
    db.session.flush()
