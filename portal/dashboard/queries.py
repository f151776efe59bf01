"""The adviser's figures as SQL aggregates (GROUP BY, conditional sums), scoped to a region,
a period and optionally one azc location and one sector. Medians are taken in Python over a
single selected column, since SQLite has no median. Each function returns plain numbers.

Definitions (also on the page): "in the period" uses the moment something happened (registered,
published, applied, tour start, placement start, TWV date); "now" figures are a snapshot.
A region is the organisation's region; the location filter means the applicant's azc (for
vacancies: posted at that azc; for reports: the azc the report is about). The residence-status
and source-route filters are about the applicant too: they narrow applications, tours and
placements, and leave organisations, vacancies, reports and questions as they are."""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import and_, case, func, select

from portal import db
from portal.applicants.models import (
    Application,
    ApplicationEvent,
    ApplicationSource,
    ResidenceStatus,
    Stage,
)
from portal.clock import AMS, today
from portal.dashboard.sqlfuncs import (
    days,
    local_day,
    materialized,
    median,
    parse_values,
    seconds_between,
    value_list,
    week_start,
)
from portal.organisations.models import Organisation, OrgStatus
from portal.regions.models import Location
from portal.vacancies.models import Vacancy, VacancyLocation, VacancyStatus
from portal.vacancies.queries import open_clause


@dataclass(frozen=True)
class Scope:
    start: date
    end: date  # inclusive
    region_id: int | None = None  # None: every region (admins)
    location_id: int | None = None
    sector: str | None = None
    residence: str | None = None  # a ResidenceStatus value
    source: str | None = None  # an ApplicationSource value

    @property
    def since(self) -> datetime:
        return datetime.combine(self.start, time(0), AMS).astimezone(UTC)

    @property
    def until(self) -> datetime:
        return datetime.combine(self.end + timedelta(days=1), time(0), AMS).astimezone(UTC)

    def moment_in(self, column):
        return and_(column >= self.since, column < self.until)

    def day_in(self, column):
        return and_(column >= self.start, column <= self.end)

    def org_conditions(self) -> list:
        conds = []
        if self.region_id is not None:
            conds.append(Organisation.region_id == self.region_id)
        if self.sector:
            conds.append(Organisation.sector == self.sector)
        return conds

    @property
    def length_days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Scope:
        """The period of the same length just before this one, with the same filters: what
        every "change" in the summary band compares with."""
        return replace(self, start=self.start - timedelta(days=self.length_days),
                       end=self.start - timedelta(days=1))

    def reference_day(self) -> date:
        """The day "now" figures of this period are taken on: its last day, or today while the
        period is still running (a snapshot of the future does not exist yet)."""
        return min(self.end, today())

    @property
    def filters_applicant(self) -> bool:
        return any(v is not None for v in (self.location_id, self.residence, self.source))

    def application_conditions(self) -> list:
        """The applicant filters as conditions on Application (azc, residence status, route)."""
        conds = []
        if self.location_id is not None:
            conds.append(Application.azc_location_id == self.location_id)
        if self.residence:
            conds.append(Application.residence_status == ResidenceStatus(self.residence))
        if self.source:
            conds.append(Application.source == ApplicationSource(self.source))
        return conds

    def weeks(self) -> list[date]:
        first, last = week_start(self.start), week_start(self.end)
        return [first + timedelta(weeks=n) for n in range((last - first).days // 7 + 1)]


def count_if(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def grouped(stmt) -> dict:
    return {key: n for key, n in db.session.execute(stmt)}


# --- organisations ----------------------------------------------------------------------

def organisations(scope: Scope) -> dict:
    conds = scope.org_conditions()
    now = grouped(select(Organisation.status, func.count()).where(*conds)
                   .group_by(Organisation.status))
    registered = db.session.scalar(
        select(func.count()).select_from(Organisation)
        .where(*conds, scope.moment_in(Organisation.created_at)))
    # decided_at of an organisation that is approved now is the moment it was approved.
    waits = db.session.scalars(
        select(seconds_between(Organisation.created_at, Organisation.decided_at))
        .where(*conds, Organisation.status == OrgStatus.approved,
               scope.moment_in(Organisation.decided_at)))
    result = {s.value: now.get(s, 0) for s in OrgStatus}
    result.update(registered=registered, median_days_to_approval=days(median(waits)))
    return result


# --- vacancies --------------------------------------------------------------------------

def vacancy_location_conditions(scope: Scope) -> list:
    if scope.location_id is None:
        return []
    return [Vacancy.id.in_(select(VacancyLocation.vacancy_id)
                           .where(VacancyLocation.location_id == scope.location_id))]


def vacancies(scope: Scope) -> dict:
    ended = lambda status: and_(Vacancy.status == status, scope.moment_in(Vacancy.closed_at))  # noqa: E731
    row = db.session.execute(
        select(
            count_if(scope.moment_in(Vacancy.published_at)),
            count_if(open_clause()),
            count_if(ended(VacancyStatus.filled)),
            count_if(ended(VacancyStatus.expired)),
            count_if(ended(VacancyStatus.closed)),
        ).select_from(Vacancy).join(Organisation, Vacancy.organisation_id == Organisation.id)
        .where(*scope.org_conditions(), *vacancy_location_conditions(scope))
    ).one()
    return dict(zip(("published", "open_now", "filled", "expired", "closed"), map(int, row), strict=True))


# --- applications -----------------------------------------------------------------------

def scoped_applications(stmt, scope: Scope):
    stmt = (stmt.join(Vacancy, Application.vacancy_id == Vacancy.id)
            .join(Organisation, Vacancy.organisation_id == Organisation.id)
            .where(*scope.org_conditions(), *scope.application_conditions(),
                   scope.moment_in(Application.created_at)))
    return stmt


def applications(scope: Scope, cohort: Cohort | None = None) -> dict:
    # One pass over the applications: every breakdown is a sum over these few groups.
    stages: Counter[Stage] = Counter()
    residence: Counter[ResidenceStatus | None] = Counter()
    languages: Counter[str] = Counter()
    posters: Counter[int | None] = Counter()
    columns = (Application.stage, Application.residence_status, Application.ui_language,
               Application.poster_location_id)
    for stage, status, language, poster, n in db.session.execute(
            scoped_applications(select(*columns, func.count()).select_from(Application), scope)
            .group_by(*columns)):
        stages[stage] += n
        residence[status] += n
        languages[language] += n
        posters[poster] += n
    names = _location_names([k for k in posters if k is not None])
    cohort = cohort or cohort_of(scope)
    return {
        "total": sum(stages.values()),
        "by_stage": {s.value: stages.get(s, 0) for s in Stage},
        "by_residence": {r.value: residence.get(r, 0) for r in ResidenceStatus},
        "by_language": dict(sorted(languages.items(), key=lambda kv: (-kv[1], kv[0]))),
        "by_poster": sorted(((names.get(k, "") if k is not None else "", n) for k, n in posters.items()),
                            key=lambda kv: (kv[0] == "", -kv[1], kv[0])),
        "median_days_to_contact": days(median(cohort.to_contact)),
        "median_days_to_hire": days(median(cohort.to_hire)),
    }


# How far an application got: its furthest stage on the way to work. Rejected, withdrawn and
# no-show are no step: their history says how far they had come.
LADDER = (Stage.new, Stage.contacted, Stage.tour, Stage.assessment, Stage.offer, Stage.hired)
RANK = {stage: n for n, stage in enumerate(LADDER)}
NO_AZC = 0  # applications without an azc (the resident did not say) in per-azc figures


def stage_rank(column):
    return case(dict(RANK), value=column, else_=0)


@dataclass(frozen=True)
class Cohort:
    """The applications of a period, read once: per azc how many got how far (the rank of
    their furthest stage: the higher of the stage now and the furthest step in their history),
    and the seconds from applying to the first contact and to the hire (of those that got
    there; the medians of the tables)."""
    ranks: dict[int, Counter]
    to_contact: list[float]
    to_hire: list[float]


def _first_into(stage: Stage):
    """Per application (grouped): the moment of its first step into `stage` (NULL: never)."""
    return func.min(case((ApplicationEvent.to_stage == stage, ApplicationEvent.created_at)))


def cohort_of(scope: Scope) -> Cohort:
    # One pass over the period's applications and their histories (a hash or sorted group per
    # application), worked out once in a WITH query and then counted per azc and rank.
    per_app = scoped_applications(select(
        func.coalesce(Application.azc_location_id, NO_AZC).label("azc"),
        stage_rank(Application.stage).label("now"),
        func.coalesce(func.max(stage_rank(ApplicationEvent.to_stage)), 0).label("ever"),
        seconds_between(Application.created_at, _first_into(Stage.contacted)).label("contact"),
        seconds_between(Application.created_at, _first_into(Stage.hired)).label("hire"),
    ).select_from(Application)
        .outerjoin(ApplicationEvent, ApplicationEvent.application_id == Application.id), scope,
    ).group_by(Application.id)
    per_app = materialized(per_app, "per_app")
    return cohort_from(db.session.execute(cohort_rows(per_app)))


def cohort_rows(per_app):
    """Per azc and furthest rank: how many, and the seconds to the first contact and to the
    hire as value lists (the per-application rows: azc, now, ever, contact, hire)."""
    rank = case((per_app.c.now > per_app.c.ever, per_app.c.now), else_=per_app.c.ever)
    return (select(per_app.c.azc, rank, func.count(), value_list(per_app.c.contact),
                   value_list(per_app.c.hire)).group_by(per_app.c.azc, rank))


def cohort_from(rows) -> Cohort:
    ranks: dict[int, Counter] = defaultdict(Counter)
    to_contact: list[float] = []
    to_hire: list[float] = []
    for azc, r, n, contact, hire in rows:
        ranks[int(azc)][int(r)] += n
        to_contact += parse_values(contact)
        to_hire += parse_values(hire)
    return Cohort(dict(ranks), to_contact, to_hire)


def _location_names(ids) -> dict[int, str]:
    if not ids:
        return {}
    return grouped(select(Location.id, Location.name).where(Location.id.in_(ids)))


def applications_per_azc_week(scope: Scope) -> dict[int, dict[date, int]]:
    """Applications per applicant's azc (NO_AZC: none given) and Dutch calendar week, grouped
    by Dutch calendar day in the database."""
    day = local_day(Application.created_at, scope.since, scope.until).label("day")
    azc = func.coalesce(Application.azc_location_id, NO_AZC).label("azc")
    days = scoped_applications(select(day, azc).select_from(Application), scope).subquery()
    per: dict[int, Counter] = defaultdict(Counter)
    for day, key, n in db.session.execute(
            select(days.c.day, days.c.azc, func.count()).group_by(days.c.day, days.c.azc)):
        per[int(key)][week_start(day)] += n
    return {key: {week: counts.get(week, 0) for week in scope.weeks()} for key, counts in per.items()}


def applications_per_week(scope: Scope, per_azc: dict[int, dict[date, int]] | None = None,
                          ) -> list[tuple[date, int]]:
    per_azc = applications_per_azc_week(scope) if per_azc is None else per_azc
    return [(week, sum(weeks.get(week, 0) for weeks in per_azc.values())) for week in scope.weeks()]
