"""An admin's home: mail the outbox gave up on (besides the wage-table and region warnings
that portal/admin adds to the same page). Addresses are never shown: the error line and
the kind of mail say enough to find the cause (portal/notifications keeps no addresses in
its errors)."""
from __future__ import annotations

from datetime import timedelta

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import select

from portal import db
from portal.accounts.home import MAX_ITEMS, WorkItem, WorkLine, waited
from portal.accounts.models import Role, User
from portal.accounts.signals import home_shown
from portal.clock import utcnow
from portal.notifications.models import OutboxMessage

FAILED_DAYS = 14  # older failures were looked at or are no longer news


def failed_mail() -> WorkLine:
    since = utcnow() - timedelta(days=FAILED_DAYS)
    failed = list(db.session.scalars(select(OutboxMessage).where(
        OutboxMessage.failed_at.is_not(None), OutboxMessage.failed_at >= since)
        .order_by(OutboxMessage.failed_at, OutboxMessage.id)))
    items = tuple(WorkItem(f"{m.kind or m.channel.value}: {m.last_error or _('onbekende fout')}", "",
                           waited(m.failed_at)) for m in failed[:MAX_ITEMS])
    label = _("Mail die niet verstuurd kon worden (laatste %(days)d dagen)", days=FAILED_DAYS)
    return WorkLine(10, "failed_mail", label, len(failed), url_for("admin.index"), items,
                    late=len(failed))


@home_shown.connect
def _admin_home(user: User, **_kw) -> list[WorkLine]:
    return [failed_mail()] if user.role == Role.admin else []
