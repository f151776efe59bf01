"""The figures at a glance for one scope, ready to show: the summary band with its changes, the
funnel, the weekly trends, the azc locations side by side and where it stalls. One source
for the page, the CSV files and the PDF (see tables_of and charts_of)."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from flask_babel import gettext as _
from sqlalchemy import select

from portal import db
from portal.clock import today
from portal.dashboard import queries_glance, queries_stalls
from portal.dashboard.display import COUNT, DAYS, PERCENT, Change, change, figure, number, percent, share
from portal.dashboard.queries import Scope
from portal.dashboard.queries_glance import NO_AZC
from portal.formatting import nice_date
from portal.regions.models import Location


@dataclass(frozen=True)
class BandItem:
    key: str
    label: str
    value: float | int | None
    previous: float | int | None
    kind: str  # display.COUNT, PERCENT or DAYS
    detail: str  # what the number is of: "op 15 maart 2026", "1 van 2", ...
    change: Change

    @property
    def shown(self) -> str:
        return figure(self.value, self.kind)


@dataclass(frozen=True)
class Step:
    key: str
    label: str
    count: int
    share: float | None  # of the applications
    note: str = ""

    @property
    def caption(self) -> str:
        return f"{number(self.count)} · {percent(self.share)}"


@dataclass
class AzcRow:
    location_id: int
    name: str
    applied: int = 0
    contacted: int = 0
    hired: int = 0
    started: int = 0
    working: int = 0
    reached_3m: int = 0
    still_3m: int = 0
    weekly: list[int] = field(default_factory=list)

    @property
    def rate_3m(self) -> float | None:
        return share(self.still_3m, self.reached_3m)


@dataclass
class Glance:
    scope: Scope
    previous: Scope
    day: date
    band: list[BandItem]
    steps: list[Step]
    weeks: list[date]
    partial_weeks: list[bool]  # the week lies only partly in the period (or after today)
    applications_weekly: list[int]
    hires_weekly: list[int]
    endings_weekly: list[int]
    azc: list[AzcRow]  # empty when the page shows one azc or every region
    stages: dict[str, dict]
    in_stage_now: dict[str, int]
    twv: dict
    cancellations: dict
    aftercare: dict


def day_words(day: date) -> str:
    return _("nu") if day >= today() else _("op %(date)s", date=nice_date(day))


def _band(now: dict, before: dict) -> list[BandItem]:
    when = day_words(now["day"])
    kept, kept_before = now["retained_3m"], before["retained_3m"]
    kept_detail = (_("%(still)s van de %(reached)s die 3 maanden eerder begonnen",
                     still=number(kept["still"]), reached=number(kept["reached"]))
                   if kept["reached"] else _("niemand was in de periode 3 maanden aan het werk"))

    def item(key, label, kind, detail, value, previous) -> BandItem:
        return BandItem(key, label, value, previous, kind, detail, change(value, previous, kind))

    return [
        item("working", _("Bewoners aan het werk"), COUNT, when, now["working"], before["working"]),
        item("employers", _("Werkgevers met iemand aan het werk"), COUNT, when,
             now["employers"], before["employers"]),
        item("hired", _("Aangenomen in de periode"), COUNT, _("eerste werkdag in de periode"),
             now["hired"], before["hired"]),
        item("retained_3m", _("Na 3 maanden nog aan het werk"), PERCENT, kept_detail,
             kept["rate"], kept_before["rate"]),
        item("open_vacancies", _("Open vacatures"), COUNT, when,
             now["open_vacancies"], before["open_vacancies"]),
        item("days_to_start", _("Dagen van sollicitatie tot start"), DAYS,
             _("mediaan, van wie in de periode begon"),
             now["median_days_to_start"], before["median_days_to_start"]),
    ]


def _steps(funnel: dict) -> list[Step]:
    steps, applied = funnel["steps"], funnel["steps"]["applied"]
    labels = {"applied": _("Gesolliciteerd"), "contacted": _("Contact gehad"),
              "tour": _("Rondleiding of verder"), "hired": _("Aangenomen")}
    result = [Step(key, labels[key], steps[key], share(steps[key], applied)) for key in labels]
    marks = {"six_weeks": (_("Na 6 weken nog aan het werk"), 6),
             "three_months": (_("Na 3 maanden nog aan het werk"), 3)}
    for key, (label, _months) in marks.items():
        kept = funnel["retention"][key]
        note = (_("%(still)s van de %(reached)s aangenomen mensen bij wie dat moment al voorbij is",
                  still=number(kept["still"]), reached=number(kept["reached"]))
                if kept["reached"] else _("bij niemand is dat moment al voorbij"))
        result.append(Step(key, label, kept["still"], share(kept["still"], applied), note))
    return result


OTHER_REGION = -1  # applicants from an azc of another region, taken together


def _azc_rows(scope: Scope, now: dict, funnel: dict, weekly: dict) -> list[AzcRow]:
    """Every azc of the region (also those without any activity), then applicants from an
    azc elsewhere and those who gave none."""
    names = dict(db.session.execute(
        select(Location.id, Location.name).where(Location.region_id == scope.region_id)
        .order_by(Location.name, Location.id)).tuples().all())
    keys = {*now["per_azc"], *funnel["per_azc"], *weekly}
    members = {loc_id: [loc_id] for loc_id in names}
    elsewhere = sorted(k for k in keys if k not in names and k != NO_AZC)
    rows = [AzcRow(loc_id, name) for loc_id, name in names.items()]
    if elsewhere:
        rows.append(AzcRow(OTHER_REGION, _("Azc in een andere regio")))
        members[OTHER_REGION] = elsewhere
    if NO_AZC in keys:
        rows.append(AzcRow(NO_AZC, _("Geen azc opgegeven")))
        members[NO_AZC] = [NO_AZC]
    weeks = scope.weeks()
    for row in rows:
        row.weekly = [0] * len(weeks)
        for k in members[row.location_id]:
            steps, work = funnel["per_azc"].get(k, {}), now["per_azc"].get(k, {})
            row.applied += steps.get("applied", 0)
            row.contacted += steps.get("contacted", 0)
            row.hired += steps.get("hired", 0)
            row.started += work.get("started", 0)
            row.working += work.get("working", 0)
            row.reached_3m += work.get("reached_3m", 0)
            row.still_3m += work.get("still_3m", 0)
            counts = weekly.get(k, {})
            row.weekly = [n + counts.get(w, 0) for n, w in zip(row.weekly, weeks, strict=True)]
    return rows


def _partial(scope: Scope) -> list[bool]:
    """Weeks that the period (up to today) covers only in part: their counts are not a whole
    week's, which a line dropping at the end would otherwise suggest."""
    last = scope.reference_day()
    return [week < scope.start or week + timedelta(days=6) > last for week in scope.weeks()]


def collect(scope: Scope, figures: dict) -> Glance:
    """`figures` are the tables' figures of the same scope (tables.collect): reused, not
    counted twice."""
    previous = scope.previous()
    now, before = queries_glance.bands([scope, previous])
    funnel = queries_glance.funnel(scope, figures["cohort"])
    by_azc = scope.region_id is not None and scope.location_id is None
    weekly = figures["applications_by_azc_weekly"] if by_azc else {}
    placed = figures["placements"]
    return Glance(
        scope=scope, previous=previous, day=now["day"], band=_band(now, before), steps=_steps(funnel),
        weeks=scope.weeks(), partial_weeks=_partial(scope),
        applications_weekly=[n for _w, n in figures["applications_weekly"]],
        hires_weekly=[n for _w, n in figures["placements_weekly"]],
        endings_weekly=[n for _w, n in queries_glance.endings_per_week(scope)],
        azc=_azc_rows(scope, now, funnel, weekly) if by_azc else [],
        stages=figures["stage_times"],
        in_stage_now=figures["applications"]["by_stage"],
        twv=queries_stalls.twv_steps(scope),
        cancellations={"pending": placed["cancellations_pending"],
                       "overdue": placed["cancellations_overdue"]},
        aftercare=queries_stalls.aftercare_open(scope),
    )
