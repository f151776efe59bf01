from __future__ import annotations

from flask import has_request_context, request
from flask_login import current_user

from portal import db
from portal.audit.models import AuditEvent


def record(action: str, obj=None, *, actor=None, **detail) -> AuditEvent:
    """Add an audit event to the current transaction. Pass ids and states only in `detail`."""
    if actor is None and has_request_context() and current_user.is_authenticated:
        actor = current_user
    event = AuditEvent(
        action=action,
        actor_id=getattr(actor, "id", None),
        object_type=type(obj).__name__ if obj is not None else None,
        object_id=getattr(obj, "id", None),
        ip=request.remote_addr if has_request_context() else None,
        detail=detail or None,
    )
    db.session.add(event)
    return event
