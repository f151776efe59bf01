"""Rules for azc locations that belong to no feature: the residents' main languages."""
from __future__ import annotations

from collections.abc import Sequence

from flask_babel import lazy_gettext as _l

from portal import db
from portal.audit.services import record
from portal.domain import DomainError
from portal.i18n import RESIDENT_LANGUAGES
from portal.regions.models import Location

MAX_MAIN_LANGUAGES = 3  # printed on posters besides Dutch and English
# Dutch and English are on every board and poster already.
MAIN_LANGUAGE_CHOICES = tuple(code for code in RESIDENT_LANGUAGES if code not in ("nl", "en"))


class LocationError(DomainError):
    """A broken rule about an azc location."""


def set_main_languages(location: Location, codes: Sequence[str]) -> None:
    """The residents' main languages at this azc, most used first (a coordinator knows)."""
    chosen = [code for code in codes if code]
    if any(code not in MAIN_LANGUAGE_CHOICES for code in chosen):
        raise LocationError(_l("Kies talen uit de lijst."), "first")
    if len(set(chosen)) != len(chosen):
        raise LocationError(_l("Kies elke taal maar één keer."), "second")
    if len(chosen) > MAX_MAIN_LANGUAGES:
        raise LocationError(_l("Kies hoogstens drie talen."), "third")
    location.languages = ",".join(chosen)
    record("location.languages_set", location, languages=location.languages)
    db.session.flush()
