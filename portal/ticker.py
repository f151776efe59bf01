"""How `portal tick` runs the jobs of portal.jobs: each in its own transaction, so one broken
job (a bug, a row it chokes on) is reported and rolled back while the others, and the outbox
above all, still run. The report names the job and the error type only: exception texts can
hold names, phone numbers or SQL parameters, which never go to cron mail or logs."""
from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from datetime import datetime

from portal import db
from portal.jobs import JOBS, Job
from portal.notifications.services import send_pending
from portal.notifications.sms import send_pending_sms

log = logging.getLogger(__name__)

Echo = Callable[..., None]


def run(now: datetime, echo: Echo) -> list[str]:
    """Run every job, then send mail. Returns the labels of what failed (empty: all well)."""
    steps = [(label, _job(job, now)) for label, job in JOBS]
    steps.append(("mail sent", _send_mail))  # last, so mail the jobs made goes out now
    steps.append(("text messages sent", _send_sms))
    return [label for label, step in steps if not _run_one(label, step, echo)]


def _job(job: Job, now: datetime) -> Callable[[], object]:
    return lambda: job(now)


def _send_mail() -> str:
    sent, failed = send_pending()
    return f"{sent}, failed: {failed}"


def _send_sms() -> str:
    sent, failed = send_pending_sms()
    return f"{sent}, failed: {failed}"


def _run_one(label: str, job: Callable[[], object], echo: Echo) -> bool:
    try:
        result = job()
        db.session.commit()
    except Exception as exc:  # noqa: BLE001 - the next job must run whatever this one did
        db.session.rollback()
        # Where it broke (files and lines), not the message: that may hold personal data.
        log.error("tick job %r failed: %s\n%s", label, type(exc).__name__,
                  "".join(traceback.format_tb(exc.__traceback__)))
        echo(f"{label}: FAILED ({type(exc).__name__})", err=True)
        return False
    echo(f"{label}: {result}")
    return True
