"""How the staff pages name a profile's answers (Dutch source texts, English for staff who
chose it). The resident's own wording, in seven languages, is on the profile form."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from portal.applicants.languages import LANGUAGES
from portal.talent.models import Availability, LanguageLevel, ProposalState, Residence

LANGUAGE_NAMES = dict(LANGUAGES)

LEVELS = {
    LanguageLevel.basic: _l("een beetje"),
    LanguageLevel.good: _l("goed"),
    LanguageLevel.fluent: _l("vloeiend"),
    LanguageLevel.native: _l("moedertaal"),
}

AVAILABILITY = {
    Availability.full_time: _l("Voltijd"),
    Availability.part_time: _l("Deeltijd"),
    Availability.evenings_weekends: _l("Avonden en weekenden"),
    Availability.flexible: _l("Flexibel: wat het werk vraagt"),
}

RESIDENCE = {
    Residence.status_holder: _l("Statushouder: geen TWV nodig"),
    Residence.asylum_over_6_months: _l("Asielzoeker, procedure langer dan 6 maanden: TWV mogelijk"),
    Residence.asylum_under_6_months: _l("Asielzoeker, procedure korter dan 6 maanden: mag nog niet werken"),
    Residence.unknown: _l("Verblijfsstatus onbekend"),
}

PROPOSAL_STATES = {
    ProposalState.open: _l("Wacht op antwoord"),
    ProposalState.accepted: _l("Geaccepteerd: sollicitatie bij de werkgever"),
    ProposalState.declined: _l("Afgewezen door de bewoner"),
    ProposalState.expired: _l("Geen antwoord binnen 7 dagen"),
    ProposalState.cancelled: _l("Vervallen"),
}


def language_name(code: str) -> str:
    return str(LANGUAGE_NAMES.get(code, code))


def spoken(language: str, level: LanguageLevel) -> str:
    return f"{language_name(language)} ({LEVELS[level]})"
