"""Poster data from vacancies: URLs for the QR codes and Dutch texts for the print.

QR targets are built in UPPER case (scheme, host, path) so the QR uses alphanumeric mode
(smaller modules, scans from further away). Scheme and host are case-insensitive and the
resident routes answer /V/ and /L/ as well as /v/ and /l/, with codes matched
case-insensitively."""
from __future__ import annotations

from portal.formatting import dutch_date, money
from portal.organisations.models import OrgKind
from portal.posters.pdf import PosterFacts, VacancyPoster
from portal.regions.models import Location
from portal.urls import base_url, display_base
from portal.vacancies.models import Level, Vacancy


def vacancy_qr_url(vacancy: Vacancy, location: Location | None = None) -> str:
    path = f"/V/{vacancy.code}" + (f"/{location.code}" if location else "")
    return (base_url() + path).upper()


def vacancy_display_url(vacancy: Vacancy, location: Location | None = None) -> str:
    return f"{display_base()}/v/{vacancy.code.upper()}" + (
        f"/{location.code.upper()}" if location else "")


def board_qr_url(location: Location) -> str:
    return (base_url() + f"/L/{location.code}").upper()


def board_display_url(location: Location) -> str:
    return f"{display_base()}/l/{location.code.upper()}"


def report_url() -> str:
    # /report has no upper-case alias: keep the path as printed in the design.
    return base_url() + "/report"


def report_display_url() -> str:
    return f"{display_base()}/report"


# --------------------------------------------------------------------------- Dutch texts


def hours_text(v: Vacancy) -> str:
    if v.hours_min == v.hours_max:
        return f"{v.hours_max} uur per week"
    return f"{v.hours_min}–{v.hours_max} uur per week"


def wage_text(v: Vacancy) -> str:
    if v.wage_max_cents and v.wage_max_cents != v.wage_min_cents:
        return (f"{money(v.wage_min_cents, isolate=False)} – "
                f"{money(v.wage_max_cents, isolate=False)} per uur")
    # Posters are PDFs without a bidi engine: never the isolate marks of the web pages.
    return f"{money(v.wage_min_cents, isolate=False)} per uur"


def employer_line(v: Vacancy) -> str:
    org = v.organisation
    if org.kind == OrgKind.agency and v.client_name:
        return f"via {org.name} voor {v.client_name}"
    return org.name


def facts(v: Vacancy) -> PosterFacts:
    place = ", ".join(x for x in (v.city, v.address) if x)
    dutch = "Geen Nederlands nodig" if v.dutch_level == Level.none else f"Nederlands: {v.dutch_level.value}"
    english = None if v.english_level == Level.none else f"Engels: {v.english_level.value}"
    return PosterFacts(hours=hours_text(v), wage=wage_text(v), place=place, dutch=dutch,
                       english=english, start=f"Start: {dutch_date(v.start_date)}")


def vacancy_poster(v: Vacancy, location: Location | None) -> VacancyPoster:
    return VacancyPoster(
        title=v.title, employer_line=employer_line(v), summary=v.summary, facts=facts(v),
        url=vacancy_qr_url(v, location), display_url=vacancy_display_url(v, location),
        code=v.code, valid_until=f"geldig tot {dutch_date(v.closing_date)}",
        report_url=report_display_url(), safety_critical=v.safety_critical,
        tour_offered=v.tour_offered,
    )
