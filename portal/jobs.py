"""Time-driven work run by `portal tick`, in this order. Each job takes `now`, is idempotent
(running it twice changes nothing the second time), flushes, and returns a count to print.
Features add their job here."""
from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import datetime

JOBS: tuple[tuple[str, str], ...] = (
    # (label, "module:function") — the outbox runs last so mail made by earlier jobs goes out.
    ("vacancies expired", "portal.vacancies.services:expire_due"),
    ("phrasebook phrases added", "portal.phrases.machine:sync_phrasebook"),
    ("vacancy texts machine-translated", "portal.phrases.machine:translate_vacancies"),
    ("messages machine-translated", "portal.translate.services:translate_pending"),
    ("applications purged", "portal.apply.housekeeping:purge_expired"),
    ("status links of resent forms forgotten", "portal.apply.housekeeping:forget_submission_seals"),
    ("application digests", "portal.apply.housekeeping:queue_digests"),
    ("TWV cancellation reminders", "portal.placements.services:cancellation_reminders"),
    ("tour reminders", "portal.tours.services:send_reminders"),
    ("activity reminders", "portal.activities.housekeeping:send_reminders"),
    ("activity sign-ups purged", "portal.activities.housekeeping:purge_expired"),
    ("Werkbalie appointments gone by", "portal.werkbalie.housekeeping:lapse_past"),
    ("Werkbalie reminders", "portal.werkbalie.housekeeping:send_reminders"),
    ("Werkbalie appointments purged", "portal.werkbalie.housekeeping:purge_expired"),
    ("aftercare check-ins", "portal.aftercare.services:send_due"),
    ("report contacts and texts erased", "portal.reports.housekeeping:purge_expired"),
    ("weekly agency digests", "portal.dashboard.services:weekly_agency_digest"),
    ("old mail blanked", "portal.notifications.services:blank_handled"),
)


def resolve(path: str) -> Callable[[datetime], int]:
    module, func = path.split(":")
    return getattr(importlib.import_module(module), func)
