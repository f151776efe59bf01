"""Demo data: one answered and one waiting question from the demo employer."""
from __future__ import annotations

from datetime import timedelta

from portal import db
from portal.clock import utcnow
from portal.questions import services


def seed(ctx: dict) -> None:
    org = ctx["employer"]
    member = ctx["members"]["employer"]
    adviser = ctx["adviser"]
    if org.contact_adviser_id is None:
        org.contact_adviser_id = adviser.id
        db.session.flush()
    answered = services.ask(
        org, member, "TWV bij een oproepcontract",
        "Onze nieuwe medewerker krijgt een oproepcontract. Voor hoeveel uur vragen we de TWV aan?",
    )
    services.answer(
        answered, adviser,
        "Vraag de TWV aan voor het aantal uren dat u echt verwacht, niet automatisch 40. "
        "Anders kan de bewoner geen tweede baan krijgen. Zie ook de hulppagina over oproepcontracten.",
    )
    waiting = services.ask(
        org, member, "Verhuizing na status",
        "Een medewerker heeft een status gekregen en verhuist naar een andere gemeente. "
        "Kan hij bij ons blijven werken?",
    )
    # Three days old, so the inbox shows how a late question looks.
    waiting.created_at = waiting.waiting_since = waiting.last_activity_at = (
        utcnow() - timedelta(days=4)
    )
    for message in waiting.messages:
        message.created_at = waiting.created_at
    db.session.flush()
