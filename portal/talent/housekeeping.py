"""`portal tick` jobs of the talent pool: the reminder before a profile ends, and its erasure
when the period passed without a renewal. Both idempotent; they flush, never commit.

A reminder is sent once per period: reminded_at is set (also for a resident we cannot reach:
there is nothing to retry) and cleared by a renewal. The outbox key carries the end date, so a
tick that crashed after queueing but before committing queues nothing twice."""
from __future__ import annotations

from datetime import datetime

from portal.talent import profiles, queries


def send_reminders(now: datetime) -> int:
    """Profiles ending within TALENT_REMIND_WEEKS: tell the resident how to keep it (their
    private link: one tap). Returns how many messages were queued."""
    queued = 0
    for profile in queries.to_remind(now, now + profiles.remind_before()):
        stamp = profile.expires_at.strftime("%Y%m%d")
        queued += profiles.tell(profile, "reminder", ends=profile.expires_at,
                                dedupe=f"talent-rem:{profile.id}:{stamp}")
        profile.reminded_at = now
    return queued


def purge_expired(now: datetime) -> int:
    """Erase the profiles whose period ended: the row, its languages, work wishes, proposals
    and every message about them. Counted as expired. Returns how many."""
    gone = queries.expired(now)
    for profile in gone:
        profiles.erase(profile, reason="expired", now=now)
    return len(gone)
