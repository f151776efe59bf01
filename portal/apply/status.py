"""What the resident's private status page shows, in plain words. The stage and the
recruiter's last message come from here; tours, the job and its work permit, and help for
working residents are added by those packages through `signals.status_shown`."""
from __future__ import annotations

from typing import Any

from flask_babel import get_locale
from sqlalchemy import select

from portal import db
from portal.applicants.models import Application, ApplicationEvent
from portal.apply.signals import status_shown
from portal.apply.wording import stage_text
from portal.phrases.catalogue import label
from portal.phrases.local import localize
from portal.signals import merged
from portal.translate import services as machine_texts


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
    # The job and the recruiter's words in the resident's language where we have them; what
    # stays Dutch says so (portal/phrases), a machine translation says that too.
    lang = str(get_locale())
    view["title"] = localize(application.vacancy, lang).title
    view["machine_note"] = label("note.machine", lang)
    view["dutch_note"] = label("note.nl", lang) if lang != "nl" else None
    if view["message"] and lang != "nl":
        view["message_note"] = label("note.message_nl", lang)
        view["message_translation"] = machine_texts.found(application.outbox_key, view["message"],
                                                          "nl", lang)
    view["stage_text"] = stage_text(application.stage, view["tours"])
    return view
