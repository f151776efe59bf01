"""Poster data from vacancies: URLs for the QR codes and Dutch texts for the print.

QR targets are built in UPPER case (scheme, host, path) so the QR uses alphanumeric mode
(smaller modules, scans from further away). Scheme and host are case-insensitive and the
resident routes answer /V/ and /L/ as well as /v/ and /l/, with codes matched
case-insensitively."""
from __future__ import annotations

from portal.formatting import dutch_date, money
from portal.organisations.models import OrgKind
from portal.phrases.local import localize_all
from portal.posters.pdf import PosterFacts, VacancyPoster
from portal.posters.phrases import SCAN_TO_APPLY
from portal.regions.models import Location
from portal.urls import base_url, display_base
from portal.vacancies.models import Level, Vacancy, VacancyStatus


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


# --------------------------------------------------------------------------- languages

MAX_AZC_LANGUAGES = 3  # printed besides Dutch and English


def poster_languages(location: Location | None) -> tuple[str, ...]:
    """Dutch, English and the azc's main languages (at most three), in the coordinator's order."""
    extra = [c for c in (location.main_languages if location else ()) if c not in ("nl", "en")]
    return ("nl", "en", *extra[:MAX_AZC_LANGUAGES])


def call_to_action(location: Location | None) -> tuple[tuple[str, str], ...]:
    """'Scan to apply' in the poster's languages; in all seven when the azc has none set."""
    languages = poster_languages(location)
    if len(languages) == 2:
        return SCAN_TO_APPLY
    texts = dict(SCAN_TO_APPLY)
    return tuple((code, texts[code]) for code in languages if code in texts)


def phrase_lines(v: Vacancy, languages: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The job in one line per language: its title there (not in Dutch: the poster's title is
    Dutch already) and the first things you will do. Only text really in that language."""
    out = []
    for code, local in localize_all(v, languages).items():
        title = local.title.text if local.title.lang == code and code != "nl" else ""
        tasks = [line.text for s in local.sections if s.key == "task" for line in s.lines][:2]
        if title and tasks:
            out.append((code, f"{title}: {' '.join(tasks)}"))
        elif title or tasks:
            out.append((code, title or " ".join(tasks)))
    return tuple(out)


def phrase_icons(v: Vacancy) -> tuple[str, ...]:
    local = localize_all(v, ("nl",))["nl"]
    seen: dict[str, None] = {}
    for section in local.sections:
        for line in section.lines:
            if line.icon and section.key in ("task", "offer", "work"):
                seen.setdefault(line.icon, None)
    return tuple(seen)


def vacancy_poster(v: Vacancy, location: Location | None) -> VacancyPoster:
    languages = poster_languages(location)
    return VacancyPoster(
        title=v.title, employer_line=employer_line(v), summary=v.summary, facts=facts(v),
        url=vacancy_qr_url(v, location), display_url=vacancy_display_url(v, location),
        code=v.code, valid_until=f"geldig tot {dutch_date(v.closing_date)}",
        report_url=report_display_url(), safety_critical=v.safety_critical,
        tour_offered=v.tour_offered, cta=call_to_action(location),
        lines=phrase_lines(v, languages), icons=phrase_icons(v),
        draft=v.status == VacancyStatus.draft,
    )
