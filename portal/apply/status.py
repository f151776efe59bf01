"""What the resident's private status page shows, in plain words. The stage and the
recruiter's last message come from here; tours, the job and its work permit, and help for
working residents are added by those packages through `signals.status_shown`."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select

from portal import db
from portal.applicants.models import Application, ApplicationEvent
from portal.apply.signals import status_shown
from portal.apply.wording import stage_text
from portal.signals import merged


def status_view(application: Application) -> dict[str, Any]:
    """Call while rendering (the resident's locale applies)."""
    last = db.session.scalar(
        select(ApplicationEvent)
        .where(ApplicationEvent.application_id == application.id,
               ApplicationEvent.message.is_not(None))
        .order_by(ApplicationEvent.id.desc()).limit(1)
    )
    view: dict[str, Any] = {
        "stage": application.stage.value,
        "stage_text": stage_text(application.stage),
        "message": last.message if last is not None else None,
        "message_at": last.created_at if last is not None else None,
        "tours": [], "notes": [], "help_links": [],
    }
    view.update(merged(status_shown, application))
    view["stage_text"] = stage_text(application.stage, view["tours"])
    return view
