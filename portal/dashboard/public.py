"""Public figures: a few counts anyone may see, per region and in total, for the front page
and GET /api/v1/figures. Same definitions as the region dashboard (tests compare them):

- vacancies_open: vacancies open now (vacancies.queries.open_clause, the dashboard's "open now");
- residents_hired_this_year: placements whose start date lies in this calendar year (the
  dashboard's "started" for a period of 1 January to 31 December);
- employers_taking_part: organisations approved now (the dashboard's "approved").

Counts only, never names. A count below THRESHOLD is withheld (None, suppressed=True), so a
small number cannot point to a person or a single employer. A total is withheld too when it is
below THRESHOLD, or when the total minus the shown regions would give a small number away:
when exactly one region's count of that measure is withheld (its number exactly), or when the
withheld regions together hold 1 to THRESHOLD - 1 (two hidden regions with 2 and 0 would
otherwise show "2", and anyone who knows one region is empty knows the other)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from portal import db
from portal.accounts.front_door import front_page
from portal.clock import today
from portal.dashboard.queries import Scope
from portal.organisations.models import Organisation, OrgStatus
from portal.placements.models import Placement
from portal.regions.models import Region
from portal.vacancies.models import Vacancy
from portal.vacancies.queries import open_clause

THRESHOLD = 5
MEASURES = ("vacancies_open", "residents_hired_this_year", "employers_taking_part")
VERSION = 1


@dataclass(frozen=True)
class Count:
    value: int | None  # None when suppressed
    suppressed: bool

    def as_json(self) -> dict:
        return {"count": self.value, "suppressed": self.suppressed}


@dataclass(frozen=True)
class RegionFigures:
    region_id: int
    name: str
    counts: dict[str, Count]


@dataclass(frozen=True)
class PublicFigures:
    as_of: date
    year: int
    total: dict[str, Count]
    regions: list[RegionFigures]

    def as_json(self) -> dict:
        """The stable shape of /api/v1/figures (add fields, never rename or remove them)."""
        return {
            "version": VERSION,
            "as_of": self.as_of.isoformat(),
            "year": self.year,
            "threshold": THRESHOLD,
            "measures": list(MEASURES),
            "total": {m: self.total[m].as_json() for m in MEASURES},
            "regions": [{"id": r.region_id, "name": r.name,
                         **{m: r.counts[m].as_json() for m in MEASURES}} for r in self.regions],
        }


def _grouped(stmt) -> dict[int, int]:
    return {region_id: int(n) for region_id, n in db.session.execute(stmt)}


def raw_counts(on: date) -> dict[str, dict[int, int]]:
    """Unsuppressed counts per measure and region id (regions with nothing are absent)."""
    year = Scope(date(on.year, 1, 1), date(on.year, 12, 31))
    region = Organisation.region_id
    return {
        "vacancies_open": _grouped(
            select(region, func.count()).select_from(Vacancy)
            .join(Organisation, Vacancy.organisation_id == Organisation.id)
            .where(open_clause(on)).group_by(region)),
        "residents_hired_this_year": _grouped(
            select(region, func.count()).select_from(Placement)
            .join(Organisation, Placement.organisation_id == Organisation.id)
            .where(year.day_in(Placement.start_date)).group_by(region)),
        "employers_taking_part": _grouped(
            select(region, func.count()).select_from(Organisation)
            .where(Organisation.status == OrgStatus.approved).group_by(region)),
    }


def _shown(n: int) -> Count:
    return Count(None, True) if n < THRESHOLD else Count(n, False)


def public_figures(on: date | None = None) -> PublicFigures:
    on = on or today()
    raw = raw_counts(on)
    regions = db.session.execute(select(Region.id, Region.name).order_by(Region.name)).all()
    rows = [RegionFigures(rid, name, {m: _shown(raw[m].get(rid, 0)) for m in MEASURES})
            for rid, name in regions]
    total = {}
    for m in MEASURES:
        hidden = [r for r in rows if r.counts[m].suppressed]
        hidden_sum = sum(raw[m].get(r.region_id, 0) for r in hidden)
        count = _shown(sum(raw[m].values()))
        gives_away = len(hidden) == 1 or 0 < hidden_sum < THRESHOLD
        total[m] = Count(None, True) if gives_away else count
    return PublicFigures(as_of=on, year=on.year, total=total, regions=rows)


@front_page.connect
def _front_page_figures(_sender) -> dict:
    return {"figures": public_figures()}
