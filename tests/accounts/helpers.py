from __future__ import annotations

import re

from portal.notifications.services import send_pending
from tests.factories import PASSWORD

LINK_RE = re.compile(r"https://werk\.example\.nl(/\S+)")


def deliver(mails, to: str | None = None):
    """Send the outbox over real SMTP; return the newest message (to that address)."""
    send_pending()
    found = [m for m in mails if to is None or m["To"] == to]
    assert found, "no mail received"
    return found[-1]


def link_path(message) -> str:
    match = LINK_RE.search(message.get_content())
    assert match, "no link in mail"
    return match.group(1)


def sign_in(client, email, password=PASSWORD, **kw):
    return client.post("/inloggen", data={"email": email, "password": password}, **kw)
