"""Machine translations of short free texts, made in the background and kept per `about`.

- `want` asks for translations (flushes rows to do); `portal tick` runs `translate_pending`.
- `found` gives a finished translation or None (`found_all` many at once): pages never call
  the provider themselves.
- `translate_inline` is for a staff action where a person waits (a recruiter sends a message):
  one call with a short timeout; on any failure the row stays for the tick and None is
  returned, so the caller goes on with the source text.
A provider that is down stops the run (everything waits for the next tick); one that refuses
a text is asked again with growing pauses and given up after MAX_ATTEMPTS."""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app, g
from sqlalchemy import select

from portal import db
from portal.clock import utcnow
from portal.i18n import RESIDENT_LANGUAGES
from portal.translate.models import MachineState, MachineText
from portal.translate.provider import ProviderDown, ProviderError, Translator, enabled, from_config

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
_DOWN_IN_REQUEST = "translate_provider_down"


def text_hash(text: str, source: str) -> str:
    return hashlib.sha256(f"{source}\n{text}".encode("utf-8", "surrogatepass")).hexdigest()


def _row(about: str, digest: str, target: str) -> MachineText | None:
    return db.session.scalar(select(MachineText).where(
        MachineText.about == about, MachineText.source_hash == digest,
        MachineText.target == target))


def want(about: str, text: str | None, source: str, targets: Iterable[str]) -> int:
    """Ask for translations of `text` into `targets` (no-op when the feature is off, the text
    is empty or a target is the source). Returns how many new rows were added."""
    text = (text or "").strip()
    if not text or not enabled():
        return 0
    digest, added = text_hash(text, source), 0
    for target in dict.fromkeys(targets):
        if target == source or target not in RESIDENT_LANGUAGES:
            continue
        if _row(about, digest, target) is None:
            db.session.add(MachineText(about=about, source=source, target=target,
                                       source_hash=digest, source_text=text, attempts=0,
                                       state=MachineState.pending, next_attempt_at=utcnow()))
            added += 1
    db.session.flush()
    return added


def found(about: str, text: str | None, source: str, target: str) -> str | None:
    """The finished machine translation of `text`, or None."""
    text = (text or "").strip()
    if not text or target == source:
        return None
    return db.session.scalar(select(MachineText.text).where(
        MachineText.about == about, MachineText.source_hash == text_hash(text, source),
        MachineText.target == target, MachineText.state == MachineState.done))


def found_all(abouts: Iterable[str], targets: Iterable[str]) -> dict[tuple[str, str, str], str]:
    """Finished translations of many things at once (a list page), one query:
    (about, source hash, target) -> text. Look a text up with `text_hash(text, source)`."""
    abouts, targets = list(dict.fromkeys(abouts)), list(dict.fromkeys(targets))
    if not abouts or not targets:
        return {}
    rows = db.session.execute(select(
        MachineText.about, MachineText.source_hash, MachineText.target, MachineText.text).where(
        MachineText.about.in_(abouts), MachineText.target.in_(targets),
        MachineText.state == MachineState.done))
    return {(about, digest, target): text for about, digest, target, text in rows if text}


def pending_all(abouts: Iterable[str], targets: Iterable[str]) -> set[tuple[str, str, str]]:
    """Translations asked for and not back yet (a staff page says "on its way"), one query:
    {(about, source hash, target)}. Empty while machine translation is off: nothing comes."""
    abouts, targets = list(dict.fromkeys(abouts)), list(dict.fromkeys(targets))
    if not abouts or not targets or not enabled():
        return set()
    rows = db.session.execute(select(
        MachineText.about, MachineText.source_hash, MachineText.target).where(
        MachineText.about.in_(abouts), MachineText.target.in_(targets),
        MachineText.state == MachineState.pending))
    return {(about, digest, target) for about, digest, target in rows}


def forget_others(about: str, keep: Iterable[str]) -> int:
    """Drop the translations about `about` of texts it no longer has (`keep`: the current
    texts' hashes), so an edited text does not leave old versions behind."""
    keep = set(keep)
    rows = [row for row in db.session.scalars(select(MachineText).where(
        MachineText.about == about)) if row.source_hash not in keep]
    for row in rows:
        db.session.delete(row)
    db.session.flush()
    return len(rows)


def translate_inline(about: str, text: str | None, source: str, target: str) -> str | None:
    """Translate now while a staff member waits (short timeout); None when the feature is
    off or the provider fails (the row then waits for the tick). After one failure in a
    request the provider is not asked again in that request (a bulk action stays quick)."""
    if not enabled():
        return None
    done = found(about, text, source, target)
    if done is not None:
        return done
    want(about, text, source, [target])
    row = _row(about, text_hash((text or "").strip(), source), target)
    if row is None or row.state != MachineState.pending:
        return None
    if _copy_known(row, utcnow()):
        return row.text
    provider = from_config(inline=True)
    if provider is None or g.get(_DOWN_IN_REQUEST) or row.attempts:
        return None
    try:
        _translate_row(row, provider, utcnow())
    except ProviderError as exc:
        g.setdefault(_DOWN_IN_REQUEST, True)
        _note_failure(row, exc, utcnow())
        return None
    return row.text


def _copy_known(row: MachineText, now: datetime) -> bool:
    """The same text was translated for something else already (one message to fifty
    applicants): copy it instead of asking the provider again."""
    text = db.session.scalar(select(MachineText.text).where(
        MachineText.source_hash == row.source_hash, MachineText.target == row.target,
        MachineText.state == MachineState.done).limit(1))
    if text is None:
        return False
    row.text, row.state, row.done_at, row.source_text = text, MachineState.done, now, None
    db.session.flush()
    return True


def _translate_row(row: MachineText, provider: Translator, now: datetime) -> None:
    (text,) = provider.translate([row.source_text or ""], row.source, row.target)
    row.text = text
    row.state = MachineState.done
    row.done_at = now
    row.source_text = None  # the hash finds it from now on; no second copy of the text
    db.session.flush()


def _note_failure(row: MachineText, exc: ProviderError, now: datetime) -> None:
    row.attempts += 1
    if row.attempts >= MAX_ATTEMPTS:
        row.state = MachineState.failed
        row.source_text = None
    else:
        row.next_attempt_at = now + timedelta(minutes=min(2 ** row.attempts, 240))
    log.warning("machine translation %s failed (%s), attempt %s", row.id, exc, row.attempts)
    db.session.flush()


def translate_pending(now: datetime) -> int:
    """Job for `portal tick`: translate what is waiting. Returns how many were translated."""
    provider = from_config()
    if provider is None:
        return 0
    limit = int(current_app.config.get("TRANSLATE_BATCH") or 50)
    rows = db.session.scalars(select(MachineText).where(
        MachineText.state == MachineState.pending, MachineText.next_attempt_at <= now)
        .order_by(MachineText.id).limit(limit)).all()
    done = 0
    for row in rows:
        if _copy_known(row, now):
            done += 1
            continue
        try:
            _translate_row(row, provider, now)
            done += 1
        except ProviderDown as exc:
            _note_failure(row, exc, now)
            break  # the rest would fail too: all of it waits for the next tick
        except ProviderError as exc:
            _note_failure(row, exc, now)
    return done


def forget(about: str) -> int:
    """Erase every translation about `about` (with the thing it belongs to)."""
    rows = db.session.scalars(select(MachineText).where(MachineText.about == about)).all()
    for row in rows:
        db.session.delete(row)
    db.session.flush()
    return len(rows)


@dataclass(frozen=True)
class StaffTranslation:
    label: str
    original: str
    translation: str | None  # None: the provider is off or failed (`failed` says which)
    failed: bool = False


def for_staff(texts: list[tuple[str, str | None]], target: str) -> list[StaffTranslation]:
    """A staff member asked to read a resident's own words (experience, a report's
    description) in their language. Translated now, with the short timeout, and never
    stored: the words are the resident's personal data. The source language is detected
    by the provider ("auto"): residents write in any language."""
    provider = from_config(inline=True)
    out = []
    for label_text, original in texts:
        original = (original or "").strip()
        if not original:
            continue
        if provider is None:
            out.append(StaffTranslation(label_text, original, None))
            continue
        try:
            (translated,) = provider.translate([original], "auto", target)
        except ProviderError as exc:
            log.warning("staff translation failed (%s)", exc)
            out.append(StaffTranslation(label_text, original, None, failed=True))
            provider = None  # the rest would wait as long: show them untranslated
            continue
        out.append(StaffTranslation(label_text, original, translated))
    return out
