"""Retention of reports (run by `portal tick`), counted from the moment a report was first
closed or passed on: the reporter's contact goes after REPORT_CONTACT_WEEKS, all free text
after REPORT_RETENTION_MONTHS. What figures need stays: signals, dates, region, azc, state,
reporter type, where it was passed on. Idempotent, flushes only."""
from __future__ import annotations

from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import func, or_, select

from portal import db
from portal.formatting import add_months
from portal.guidance.signals import page_values
from portal.notifications.services import forget
from portal.reports.models import Report, ReportEvent, ReportState

SETTLED = (ReportState.forwarded, ReportState.closed)


def contact_until(settled: datetime) -> datetime:
    return settled + timedelta(weeks=current_app.config["REPORT_CONTACT_WEEKS"])


def text_until(settled: datetime) -> datetime:
    """The same time of day, REPORT_RETENTION_MONTHS calendar months later (one month rule:
    portal.formatting.add_months)."""
    day = add_months(settled.date(), current_app.config["REPORT_RETENTION_MONTHS"])
    return datetime.combine(day, settled.timetz())


def erase_contact(report: Report) -> None:
    report.contact = report.contact_language = None
    report.contact_consent = False


def erase_text(report: Report) -> None:
    """Everything anyone typed about the case: it may name the reporter or other people."""
    erase_contact(report)
    report.description = report.employer_name = ""
    report.outcome = None
    for event in report.events:
        event.note = ""
    forget(report.outbox_key)  # the advisers' "new report" mails


def _has_text():
    return or_(Report.contact.is_not(None), Report.contact_language.is_not(None),
               Report.description != "", Report.employer_name != "", Report.outcome.is_not(None),
               Report.id.in_(select(ReportEvent.report_id).where(ReportEvent.note != "")))


def purge_expired(now: datetime) -> int:
    """Erase what is due; returns how many reports lost their contact or their text."""
    first = (select(ReportEvent.report_id, func.min(ReportEvent.created_at).label("at"))
             .where(ReportEvent.to_state.in_(SETTLED)).group_by(ReportEvent.report_id)
             .subquery())
    rows = db.session.execute(
        select(Report, first.c.at).join(first, first.c.report_id == Report.id)
        .where(_has_text()).order_by(Report.id)
    ).all()
    changed = 0
    for report, settled in rows:
        if now >= text_until(settled):
            erase_text(report)
            changed += 1
        elif now >= contact_until(settled) and (report.contact or report.contact_language):
            erase_contact(report)
            changed += 1
    db.session.flush()
    return changed


@page_values.connect
def _retention_values(_sender) -> dict[str, str]:
    """`{{ report_contact_weeks }}` and `{{ report_retention_months }}` on the pages about
    reports: the settings purge_expired uses, so the promise and the purge cannot disagree."""
    cfg = current_app.config
    return {"report_contact_weeks": str(cfg["REPORT_CONTACT_WEEKS"]),
            "report_retention_months": str(cfg["REPORT_RETENTION_MONTHS"])}
