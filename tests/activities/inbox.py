"""What one resident received, through the real SMTP server (aiosmtpd, the `mails` fixture)
and the local SMS provider (tests/activities/sms_server.py), step by step."""
from __future__ import annotations

from dataclasses import dataclass

from portal import db
from portal.notifications import sms
from portal.notifications.services import send_pending


@dataclass
class Told:
    subject: str
    mail: str
    text: str  # the text message

    @property
    def everything(self) -> str:
        return f"{self.subject}\n{self.mail}\n{self.text}"


class Inbox:
    """One resident's mail address and phone: `new()` sends what is queued and returns the
    one mail and the one text message they got since the last call."""

    def __init__(self, mails, provider, email: str, phone: str):
        self.mails, self.provider, self.email, self.phone = mails, provider, email, phone
        self.seen_mail = self.seen_text = 0

    def new(self) -> Told:
        db.session.commit()
        send_pending()
        sms.send_pending_sms()
        mails = [m for m in self.mails if m["To"] == self.email][self.seen_mail:]
        texts = self.provider.texts_to(self.phone)[self.seen_text:]
        self.seen_mail += len(mails)
        self.seen_text += len(texts)
        assert (len(mails), len(texts)) == (1, 1)
        return Told(str(mails[0]["Subject"]), mails[0].get_content(), texts[0])
