"""Telling a resident or an employer something about their sign-up or appointment: by mail
when they gave an address, by text message when they gave a phone number and a provider is
configured, in the language they used. Both go through the outbox with an `about` key, so an
erasure takes them along, and are marked as resident mail, so they are blanked once sent.

A message about an activity names it by its title as the reader gets it on the pages
(phrases.local.choose, via activities.texts): in their language when there is a text in it;
otherwise the Dutch (or English) text. Plain text has no lang attribute to mark that, so such
a title stands in quotes, and a mail adds the pages' line "This text is in Dutch" in the
reader's language under the sentence that names it (or "Translated by a computer" for a
machine-made title). A text message only quotes it: it has to stay short."""
from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from flask import render_template
from flask_babel import force_locale

from portal.notifications import sms
from portal.notifications.services import queue
from portal.phrases.catalogue import label
from portal.phrases.local import LocalText

ELLIPSIS = "…"
# Quotation marks around a title left in another language, as each language writes them
# (punctuation, not text: no catalogue needed). Guillemets are mirrored in right-to-left text.
QUOTES = {"ar": ("«", "»"), "fa": ("«", "»"), "ti": ("«", "»"), "nl": ("‘", "’"),
          "en": ("“", "”"), "tr": ("“", "”"), "so": ("“", "”")}


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


def quoted(text: str, lang: str) -> str:
    """`text` in the quotation marks of `lang`."""
    opening, closing = QUOTES.get(lang, QUOTES["en"])
    return f"{opening}{text}{closing}"


def dutch_only(text: str, lang: str) -> str:
    """A staff text that exists only in Dutch (the Werkbalie desk's host, "UWV
    werkgeversadviseur"), as a message to a reader of `lang` shows it: quoted unless Dutch."""
    return text if lang == "nl" or not text else quoted(text, lang)


def shown_title(title: LocalText, lang: str) -> str:
    """The title in a message to a reader of `lang`: as it is when it is in their language
    (typed or machine-made), in their quotes when it is not (choose gave it a note)."""
    return title.text if title.note is None else quoted(title.text, lang)


def title_note(title: LocalText, lang: str) -> str | None:
    """The line a mail adds under the title: which language it is in, or that a computer
    translated it (the pages' notes, from the phrasebook catalogue)."""
    if title.note is not None:
        return title.note
    return label("note.machine", lang) if title.machine else None


def _sms_text(template: str, context: dict, title: LocalText | None, lang: str) -> str:
    """The text message, within the length the SMS channel keeps (it cuts what is longer,
    which would cut off the link at the end): a long title is shortened instead."""
    text = render_template(template, **context).strip()
    over = len(text) - sms.MAX_BODY
    if over <= 0 or title is None:
        return text
    keep = max(len(title.text) - over - len(ELLIPSIS), 0)
    short = replace(title, text=title.text[:keep].rstrip() + ELLIPSIS)
    return render_template(template, **{**context, "title": shown_title(short, lang)}).strip()


def tell(person: Person, folder: str, name: str, subject, *, dedupe: str | None = None,
         local_title: LocalText | None = None, **context) -> int:
    """Render `<folder>/mail_<name>.txt` and `<folder>/sms_<name>.txt` in the person's
    language and queue them. `subject` is a lazy text, made in that language too. With
    `local_title` (the activity's title as phrases.local.choose gives it to this reader) the
    templates get `title` (quoted when it is not in their language) and `title_note`, and
    `subject` is a lazy text with a %(title)s left open, filled here. Returns how many
    messages were queued (0 when nobody could be reached or it was sent before)."""
    queued = 0
    lang = person.ui_language or "nl"
    with force_locale(lang):
        subject_text = str(subject)
        if local_title is not None:
            context["title"] = shown_title(local_title, lang)
            context["title_note"] = title_note(local_title, lang)
            subject_text = subject_text % {"title": context["title"]}
        if person.email:
            body = render_template(f"{folder}/mail_{name}.txt", **context)
            if queue(person.email, subject_text, body, about=person.outbox_key, resident=True,
                     dedupe_key=f"{dedupe}:mail" if dedupe else None,
                     kind=f"{folder}/mail_{name}.txt"):
                queued += 1
        if person.phone and sms.configured():
            text = _sms_text(f"{folder}/sms_{name}.txt", context, local_title, lang)
            if sms.queue_sms(person.phone, text, about=person.outbox_key, resident=True,
                             dedupe_key=f"{dedupe}:sms" if dedupe else None,
                             kind=f"{folder}/sms_{name}.txt"):
                queued += 1
    return queued
