from __future__ import annotations

from typing import Any

from flask import has_request_context, request
from flask_login import current_user

from portal import db
from portal.audit.models import AuditEvent
from portal.i18n import is_resident_page


def record(action: str, obj: object = None, *, actor: object = None, **detail: Any) -> AuditEvent:
    """Add an audit event to the current transaction. Pass ids and states only in `detail`.
    No address is kept for what happens on a resident page (a report, a tour answered from
    the status page): residents are promised that we do not store it. Staff and sign-in
    pages keep it."""
    if actor is None and has_request_context() and current_user.is_authenticated:
        actor = current_user
    event = AuditEvent(
        action=action,
        actor_id=getattr(actor, "id", None),
        object_type=type(obj).__name__ if obj is not None else None,
        object_id=getattr(obj, "id", None),
        ip=request.remote_addr if has_request_context() and not is_resident_page() else None,
        detail=detail or None,
    )
    db.session.add(event)
    return event
