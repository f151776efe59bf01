"""The talent pool on the adviser dashboard, per azc: profiles running now, profiles made,
proposals made and how residents answered, and hires by route (proposed by an adviser, or
from a poster). Counts only. Profiles and proposals are erased when consent ends, so their
figures come from portal/talent's TalentTally (written when things happen, per month and azc,
with the region as it was then); hires come from the applications' history, which keeps the
route and the stages after the personal data is purged.

The tallies are monthly: a period counts the months it touches (noted under the table). The
region is the azc's; sector, residence status and route filters do not apply to profiles."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, fields

from flask_babel import gettext as _
from sqlalchemy import func, select

from portal import db
from portal.applicants.models import Application, ApplicationEvent, ApplicationSource, Stage
from portal.clock import utcnow
from portal.dashboard.queries import Scope
from portal.dashboard.tables import Table
from portal.organisations.models import Organisation
from portal.regions.models import Location
from portal.talent.models import Profile, TalentTally, TallyKind
from portal.vacancies.models import Vacancy


@dataclass
class Counts:
    active: int = 0  # profiles whose consent runs now
    created: int = 0  # by the resident or at the desk
    withdrawn: int = 0
    proposed: int = 0
    accepted: int = 0
    declined: int = 0
    expired: int = 0  # no answer within 7 days
    cancelled: int = 0
    hired_proposal: int = 0
    hired_poster: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))


TALLIED = {
    TallyKind.profile_created: "created", TallyKind.profile_assisted: "created",
    TallyKind.profile_withdrawn: "withdrawn", TallyKind.proposal_made: "proposed",
    TallyKind.proposal_accepted: "accepted", TallyKind.proposal_declined: "declined",
    TallyKind.proposal_expired: "expired", TallyKind.proposal_cancelled: "cancelled",
}
HIRED = {ApplicationSource.proposal: "hired_proposal", ApplicationSource.poster: "hired_poster"}


@dataclass
class TalentFigures:
    per_azc: list[tuple[str, Counts]] = field(default_factory=list)
    total: Counts = field(default_factory=Counts)


def collect(scope: Scope) -> TalentFigures:
    rows: dict[int, Counts] = defaultdict(Counts)
    where_loc = []
    if scope.region_id is not None:
        where_loc.append(Location.region_id == scope.region_id)
    if scope.location_id is not None:
        where_loc.append(Location.id == scope.location_id)

    for loc, n in db.session.execute(
            select(Profile.location_id, func.count())
            .join(Location, Location.id == Profile.location_id)
            .where(Profile.expires_at > utcnow(), *where_loc).group_by(Profile.location_id)):
        rows[loc].active += n

    tally = [TalentTally.month >= scope.start.replace(day=1), TalentTally.month <= scope.end]
    if scope.region_id is not None:
        tally.append(TalentTally.region_id == scope.region_id)
    if scope.location_id is not None:
        tally.append(TalentTally.location_id == scope.location_id)
    for loc, kind, n in db.session.execute(
            select(TalentTally.location_id, TalentTally.kind, func.sum(TalentTally.count))
            .where(*tally, TalentTally.kind.in_(list(TALLIED)))
            .group_by(TalentTally.location_id, TalentTally.kind)):
        counts = rows[loc]
        setattr(counts, TALLIED[kind], getattr(counts, TALLIED[kind]) + int(n or 0))

    for loc, source, n in db.session.execute(_hires(scope, where_loc)):
        counts = rows[loc]
        setattr(counts, HIRED[source], getattr(counts, HIRED[source]) + n)

    names = dict(db.session.execute(select(Location.id, Location.name)
                                    .where(Location.id.in_(list(rows)))).tuples().all()) \
        if rows else {}
    per_azc = sorted(((names.get(loc, "?"), c) for loc, c in rows.items()), key=lambda r: r[0])
    return TalentFigures(per_azc, sum((c for _name, c in per_azc), Counts()))


def _hires(scope: Scope, where_loc: list):
    """Applications hired in the period (their first step into "hired"), per azc and route."""
    hired_at = (select(ApplicationEvent.application_id,
                       func.min(ApplicationEvent.created_at).label("at"))
                .where(ApplicationEvent.to_stage == Stage.hired)
                .group_by(ApplicationEvent.application_id).subquery())
    return (select(Application.azc_location_id, Application.source, func.count())
            .join(hired_at, hired_at.c.application_id == Application.id)
            .join(Location, Location.id == Application.azc_location_id)
            .join(Vacancy, Vacancy.id == Application.vacancy_id)
            .join(Organisation, Organisation.id == Vacancy.organisation_id)
            .where(scope.moment_in(hired_at.c.at), Application.source.in_(list(HIRED)),
                   *where_loc, *scope.org_conditions())
            .group_by(Application.azc_location_id, Application.source))


def _values(c: Counts) -> list[int]:
    return [c.active, c.created, c.withdrawn, c.proposed, c.accepted, c.declined, c.expired,
            c.cancelled, c.hired_proposal, c.hired_poster]


def tables(figures: TalentFigures) -> list[Table]:
    headers = [_("Azc"), _("Profielen nu"), _("Profielen gemaakt"), _("Ingetrokken"),
               _("Voorstellen"), _("Ja"), _("Nee"), _("Geen antwoord"), _("Vervallen"),
               _("Aan het werk na voorstel"), _("Aan het werk via poster")]
    rows = [[name, *_values(c)] for name, c in figures.per_azc]
    if len(rows) > 1:
        rows.append([_("Totaal"), *_values(figures.total)])
    note = _("Profielen nu: vandaag. De andere kolommen tellen per hele maand die in de periode "
             "valt; ze blijven staan als een profiel is gewist. Aan het werk: sollicitaties die "
             "in de periode de fase 'aangenomen' bereikten.")
    return [Table("talent_azc", _("Werkprofielen en voorstellen per azc"), headers, rows, note)]
