"""Trainings and meetings on the adviser dashboard: per activity and per azc how many signed
up, came, did not come (and the share of no-shows among those ticked), cancelled in time, and
were put on the waiting list. Counts only: they add the live sign-ups to what erased ones left
behind (portal/activities: ActivityCounts), so last spring's no-show rate survives the purge.

The scope's period picks activities by their first session; region and azc are the
activity's own. Sector, route and residence status do not apply to activities."""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from sqlalchemy import func, select

from portal import db
from portal.activities.models import Activity, ActivitySession, ActivityState
from portal.activities.queries import EMPTY, Figures, figures_by_activity
from portal.clock import AMS
from portal.dashboard.queries import Scope
from portal.dashboard.tables import Table
from portal.regions.models import Location


@dataclass(frozen=True)
class Row:
    label: str
    figures: Figures
    activities: int = 1


@dataclass(frozen=True)
class ActivityFigures:
    per_activity: list[Row]
    per_azc: list[Row]
    total: Figures


def collect(scope: Scope) -> ActivityFigures:
    first = (select(ActivitySession.activity_id, func.min(ActivitySession.starts_at).label("first"))
             .group_by(ActivitySession.activity_id).subquery())
    stmt = (select(Activity, first.c.first, Location.name)
            .join(first, first.c.activity_id == Activity.id)
            .outerjoin(Location, Location.id == Activity.location_id)
            .where(Activity.state == ActivityState.published,
                   first.c.first >= scope.since, first.c.first < scope.until)
            .order_by(first.c.first, Activity.id))
    if scope.region_id is not None:
        stmt = stmt.where(Activity.region_id == scope.region_id)
    if scope.location_id is not None:
        stmt = stmt.where(Activity.location_id == scope.location_id)
    found = db.session.execute(stmt).all()
    counts = figures_by_activity([a.id for a, _first, _azc in found])
    per_activity: list[Row] = []
    per_azc: dict[str, Row] = {}
    for activity, starts, azc in found:
        figures = counts[activity.id]
        day = starts.astimezone(AMS).strftime("%d-%m-%Y")
        per_activity.append(Row(f"{activity.title} ({day})", figures))
        place = azc or _("Hele regio")
        before = per_azc.get(place, Row(place, EMPTY, 0))
        per_azc[place] = Row(place, before.figures + figures, before.activities + 1)
    total = sum((r.figures for r in per_activity), EMPTY)
    return ActivityFigures(per_activity, sorted(per_azc.values(), key=lambda r: r.label), total)


def rate(figures: Figures) -> float | None:
    """No-shows as a percentage of those whose attendance was ticked."""
    share = figures.no_show_rate
    return None if share is None else round(share * 100, 1)


def _headers(first: str) -> list[str]:
    return [first, _("Aangemeld"), _("Gekomen"), _("Niet gekomen"), _("Niet gekomen (%)"),
            _("Op tijd afgemeld"), _("Op de wachtlijst gezet"), _("Nog op de wachtlijst")]


def _values(f: Figures) -> list:
    return [f.signed_up, f.came, f.no_show, rate(f), f.cancelled, f.waited, f.waiting]


def tables(figures: ActivityFigures) -> list[Table]:
    note = _("Niet gekomen (%): van wie de aanwezigheid is afgevinkt. Geannuleerde activiteiten "
             "tellen niet mee.")
    return [
        Table("activities", _("Trainingen en bijeenkomsten"), _headers(_("Activiteit")),
              [[r.label, *_values(r.figures)] for r in figures.per_activity], note),
        Table("activities_azc", _("Trainingen en bijeenkomsten per azc"),
              [_("Azc"), _("Activiteiten"), *_headers("")[1:]],
              [[r.label, r.activities, *_values(r.figures)] for r in figures.per_azc], note),
    ]
