"""Telling a resident or an employer something about their sign-up or appointment: by mail
when they gave an address, by text message when they gave a phone number and a provider is
configured, in the language they used. Both go through the outbox with an `about` key, so an
erasure takes them along, and are marked as resident mail, so they are blanked once sent."""
from __future__ import annotations

from typing import Protocol

from flask import render_template
from flask_babel import force_locale

from portal.notifications import sms
from portal.notifications.services import queue


class Person(Protocol):
    @property
    def email(self) -> str | None: ...

    @property
    def phone(self) -> str | None: ...

    @property
    def ui_language(self) -> str: ...

    @property
    def outbox_key(self) -> str: ...


def sms_on() -> bool:
    return sms.configured()


def reachable(person: Person) -> bool:
    """False: no mail address and no text messages: the desk has to call them."""
    return bool(person.email) or (bool(person.phone) and sms.configured())


def tell(person: Person, folder: str, name: str, subject, *, dedupe: str | None = None,
         **context) -> int:
    """Render `<folder>/mail_<name>.txt` and `<folder>/sms_<name>.txt` in the person's
    language and queue them. `subject` is a lazy text, made in that language too. Returns how
    many messages were queued (0 when nobody could be reached or it was sent before)."""
    queued = 0
    with force_locale(person.ui_language or "nl"):
        if person.email:
            body = render_template(f"{folder}/mail_{name}.txt", **context)
            if queue(person.email, str(subject), body, about=person.outbox_key, resident=True,
                     dedupe_key=f"{dedupe}:mail" if dedupe else None,
                     kind=f"{folder}/mail_{name}.txt"):
                queued += 1
        if person.phone and sms.configured():
            text = render_template(f"{folder}/sms_{name}.txt", **context).strip()
            if sms.queue_sms(person.phone, text, about=person.outbox_key, resident=True,
                             dedupe_key=f"{dedupe}:sms" if dedupe else None,
                             kind=f"{folder}/sms_{name}.txt"):
                queued += 1
    return queued
