"""Text messages: a second outbox channel beside mail, for residents who gave a phone number
but no email address (most of them). Off unless a provider is configured (PORTAL_SMS_URL and
PORTAL_SMS_KEY); then `portal tick` sends what is due with the same promises as mail: claimed
before sending (never twice), retried with back-off, one bad message never stops the others,
and the number and text of a message to a resident are blanked once it is handled.

The client speaks the common REST shape of MessageBird-style providers:
    POST <PORTAL_SMS_URL>   Authorization: AccessKey <PORTAL_SMS_KEY>
    {"originator": "...", "recipients": ["31612345678"], "body": "...", "reference": "outbox-7"}
and takes any 2xx answer as accepted."""
from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from dataclasses import dataclass

from flask import current_app

from portal import db
from portal.clock import utcnow
from portal.notifications.models import Channel, OutboxMessage
from portal.notifications.services import _claim, _failed, _give_up, _sent, due_ids, queue

log = logging.getLogger(__name__)

MAX_BODY = 480  # three concatenated messages of 160 characters (fewer with non-Latin script)


class SmsRefused(Exception):
    """The provider refused this message for good (a number it cannot deliver to)."""


class SmsUnavailable(Exception):
    """The provider could not be reached or failed: try again later."""


def configured() -> bool:
    cfg = current_app.config
    url = str(cfg.get("SMS_URL") or "")
    return url.startswith(("https://", "http://")) and bool(cfg.get("SMS_KEY"))


def queue_sms(phone: str, body: str, *, about: str | None = None, resident: bool = False,
              dedupe_key: str | None = None, kind: str | None = None) -> OutboxMessage | None:
    """Queue a text message (flushes). Returns None, queuing nothing, when no provider is
    configured or the dedupe key was used before: callers then know nobody was reached."""
    if not configured() or not phone:
        return None
    msg = queue(phone, "", body[:MAX_BODY], dedupe_key=dedupe_key, about=about,
                resident=resident, kind=kind)
    if msg is not None:
        msg.channel = Channel.sms
        db.session.flush()
    return msg


@dataclass
class SmsClient:
    url: str
    key: str
    sender: str
    timeout: float = 10

    @classmethod
    def from_config(cls) -> SmsClient:
        cfg = current_app.config
        return cls(cfg["SMS_URL"], cfg["SMS_KEY"], cfg["SMS_SENDER"], cfg["SMS_TIMEOUT"])

    def send(self, to: str, body: str, reference: str) -> None:
        payload = {"originator": self.sender, "recipients": [to.lstrip("+")], "body": body,
                   "reference": reference}
        request = urllib.request.Request(  # noqa: S310 - scheme checked in configured()
            self.url, data=json.dumps(payload).encode("utf-8"), method="POST",
            headers={"Authorization": f"AccessKey {self.key}",
                     "Content-Type": "application/json", "Accept": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                response.read()
        except urllib.error.HTTPError as exc:
            # 400/404/422: this number or text will never go; 401/403 (a key), 408, 429 and
            # 5xx are the provider's or the configuration's problem: retry later.
            if exc.code in (400, 404, 410, 422):
                raise SmsRefused(f"refused ({exc.code})") from exc
            raise SmsUnavailable(f"HTTP {exc.code}") from exc
        except (OSError, ValueError) as exc:  # refused connection, timeout, bad URL
            raise SmsUnavailable(type(exc).__name__) from exc


def send_pending_sms(limit: int = 200) -> tuple[int, int]:
    """Send due text messages; returns (sent, failed). Without a provider nothing is sent
    (and nothing was queued)."""
    if not configured():
        return 0, 0
    client = SmsClient.from_config()
    sent = failed = 0
    down = False  # after one unreachable call the rest of this batch waits for the next tick
    for msg_id in due_ids(Channel.sms, limit):
        msg = _claim(msg_id)
        if msg is None:
            continue
        now = utcnow()
        if not msg.to_addr.startswith("+") or not msg.to_addr[1:].isdigit():
            _give_up(msg, "invalid number", now)
            failed += 1
        elif down:
            _failed(msg, SmsUnavailable("provider down"), now)
            failed += 1
        else:
            try:
                client.send(msg.to_addr, msg.body, f"outbox-{msg.id}")
            except SmsRefused as exc:
                _give_up(msg, str(exc), now)
                failed += 1
            except SmsUnavailable as exc:
                _failed(msg, exc, now)
                down = True
                failed += 1
            else:
                _sent(msg, now)
                sent += 1
        db.session.commit()
    return sent, failed
