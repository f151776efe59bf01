"""Time-driven work run by `portal tick`, in this order. Each job takes `now`, is idempotent
(running it twice changes nothing the second time), flushes, and returns a count to print.

Like portal/blueprints.py this module sits above every feature: it imports each job itself, so
the list is plain code that mypy, grep and an IDE can follow (no module names in strings).
No feature package imports it. A feature adds its job here."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from portal.activities import housekeeping as activities_housekeeping
from portal.aftercare import services as aftercare_services
from portal.apply import housekeeping as apply_housekeeping
from portal.dashboard import services as dashboard_services
from portal.notifications import services as notifications_services
from portal.phrases import machine as phrases_machine
from portal.placements import services as placements_services
from portal.reports import housekeeping as reports_housekeeping
from portal.talent import housekeeping as talent_housekeeping
from portal.talent import proposals as talent_proposals
from portal.tours import services as tours_services
from portal.translate import services as translate_services
from portal.vacancies import services as vacancies_services
from portal.werkbalie import housekeeping as werkbalie_housekeeping

Job = Callable[[datetime], int]

JOBS: tuple[tuple[str, Job], ...] = (
    # (label, job) — the outbox runs last (portal/ticker.py) so mail made by these goes out.
    ("vacancies expired", vacancies_services.expire_due),
    ("phrasebook phrases added", phrases_machine.sync_phrasebook),
    ("vacancy texts machine-translated", phrases_machine.translate_vacancies),
    ("messages machine-translated", translate_services.translate_pending),
    ("applications purged", apply_housekeeping.purge_expired),
    ("status links of resent forms forgotten", apply_housekeeping.forget_submission_seals),
    ("application digests", apply_housekeeping.queue_digests),
    ("TWV cancellation reminders", placements_services.cancellation_reminders),
    ("tour reminders", tours_services.send_reminders),
    ("activity reminders", activities_housekeeping.send_reminders),
    ("activity sign-ups purged", activities_housekeeping.purge_expired),
    ("Werkbalie appointments gone by", werkbalie_housekeeping.lapse_past),
    ("Werkbalie reminders", werkbalie_housekeeping.send_reminders),
    ("Werkbalie appointments purged", werkbalie_housekeeping.purge_expired),
    ("talent proposals unanswered", talent_proposals.expire_due),
    ("work profile reminders", talent_housekeeping.send_reminders),
    ("work profiles expired and erased", talent_housekeeping.purge_expired),
    ("aftercare check-ins", aftercare_services.send_due),
    ("report contacts and texts erased", reports_housekeeping.purge_expired),
    ("weekly agency digests", dashboard_services.weekly_agency_digest),
    ("old mail blanked", notifications_services.blank_handled),
)
