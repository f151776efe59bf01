"""One full world for the access grids: organisation A with everything a member can touch
(vacancy posted at an azc, applications, tour, placements, aftercare check, question, report),
the people around it, and the outsiders who must never reach A's objects. Also: every route of
the app with the world's real ids filled in, and a dump of every table to prove nothing changed."""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from functools import cache
from types import SimpleNamespace

from sqlalchemy import select

from portal import create_app
from portal.accounts.models import Role
from portal.applicants.models import Stage
from portal.clock import utcnow
from portal.db import Base
from portal.organisations.models import OrgKind
from portal.placements.models import TwvState
from portal.tours.models import TourState
from portal.vacancies.models import VacancyStatus

# Who may be signed in. "signed_out" is a client without a session.
ROLES = ("signed_out", "member_a", "member_b", "agency_member", "adviser", "other_adviser",
         "coordinator", "other_coordinator", "admin")


def build(make, db_session) -> SimpleNamespace:
    region = make.region("Zaanstreek")
    other_region = make.region("Nijmegen")
    azc = make.location(region, code="ZDM")
    other_azc = make.location(other_region, code="NYM")
    adviser = make.user(Role.adviser, region=region)
    other_adviser = make.user(Role.adviser, region=other_region)
    org_a = make.organisation(region, adviser=adviser, name="Bakkerij Zon")
    org_b = make.organisation(region, name="Kweker Oost")  # same region, another organisation
    agency = make.organisation(other_region, kind=OrgKind.agency, name="Uitzend Noord")
    users = {
        "member_a": make.user(Role.member, organisation=org_a),
        "member_b": make.user(Role.member, organisation=org_b),
        "agency_member": make.user(Role.member, organisation=agency),
        "adviser": adviser,
        "other_adviser": other_adviser,
        "coordinator": make.user(Role.coordinator, locations=[azc]),
        "other_coordinator": make.user(Role.coordinator, locations=[other_azc]),
        "admin": make.user(Role.admin),
    }
    vacancy = make.vacancy(org_a, locations=[azc])
    # A closed vacancy whose printed poster still hangs at the azc: the coordinator takes it down.
    closed = make.vacancy(org_a, locations=[azc], status=VacancyStatus.closed)
    closed.postings[0].printed_at = utcnow()
    make.vacancy(org_b, locations=[azc])
    make.vacancy(agency, locations=[other_azc], client_name="Magazijn Noord")
    application = make.application(vacancy, stage=Stage.contacted, azc_location=azc,
                                   poster_location=azc, name="Amira Gridtest")
    hired = make.application(vacancy, stage=Stage.hired, azc_location=azc)
    stopped = make.application(vacancy, stage=Stage.hired, azc_location=azc)
    tour = make.tour(org_a, [application], vacancy=vacancy, state=TourState.confirmed)
    placement = make.placement(hired)
    cancelled = make.placement(stopped, twv_state=TwvState.cancellation_requested,
                               end_date=make.dates(-3, 0)[0])
    check = make.aftercare_check(placement)
    question = make.question(org_a, asked_by=users["member_a"], adviser=adviser,
                             body="Hoe vraag ik een TWV aan? (GRID-QUESTION)")
    report = make.report(vacancy, description="Contant betaald, paspoort ingenomen (GRID-MARKER).")
    activity = make.activity(azc)  # a training at A's azc, with one resident signed up
    signup = make.signup(activity, name="Selam Gridsignup")
    postcodes = make.postcode_range(region, 1500, 1509)
    hours = make.werkbalie_series(azc, created_by=users["coordinator"])
    appointment = make.appointment(hours, name="Yonas Gridbalie")
    # A resident's work profile at A's azc, proposed for A's vacancy by the region's adviser.
    profile = make.profile(azc, name="Hana Gridprofiel", name_latin=None)
    proposal = make.proposal(profile, vacancy, adviser=adviser)
    db_session.commit()
    ids = {
        "application_id": application.id, "vacancy_id": vacancy.id, "placement_id": placement.id,
        "tour_id": tour.id, "question_id": question.id, "check_id": check.id,
        "report_id": report.id, "org_id": org_a.id, "location_id": azc.id,
        "region_id": region.id, "user_id": users["coordinator"].id,
        "posting_id": vacancy.postings[0].id, "location_code": azc.code, "code": vacancy.code,
        "token": application.plain_token, "step": "aangevraagd", "slug": "twv",
        "activity_id": activity.id, "session_id": activity.sessions[0].id,
        "activity_code": activity.code, "series_id": hours.id, "appointment_id": appointment.id,
        "booking_token": appointment.plain_token,
        "signup_id": signup.id, "signup_token": signup.plain_token,
        "draft_id": 1, "filename": "css/staff.css", "range_id": postcodes.id,
        "profile_id": profile.id, "proposal_id": proposal.id,
    }
    return SimpleNamespace(users=users, ids=ids, region=region, azc=azc, org_a=org_a,
                           vacancy=vacancy, application=application, tour=tour,
                           placement=placement, cancelled=cancelled, check=check,
                           hanging=closed.postings[0],
                           question=question, report=report, activity=activity, signup=signup,
                           appointment=appointment, profile=profile, proposal=proposal)


# Per endpoint, ids that differ from the default: the TWV-cancellation pages need the placement
# whose work stopped.
OVERRIDES = {
    "placements.confirm_cancelled": {"placement_id": "cancelled"},
    "placements.handled_by_phone": {"placement_id": "cancelled"},
    "placements.cancellation_pdf": {"placement_id": "cancelled"},
    "posters.mark_taken_down": {"posting_id": "hanging"},
    # The resident's work profile: its private link is the profile's (a token, not an id).
    "talent_public.private": {"token": "profile"}, "talent_public.renew": {"token": "profile"},
    "talent_public.erase": {"token": "profile"}, "talent_proposals.accept": {"token": "profile"},
    "talent_proposals.decline": {"token": "profile"},
}


@dataclass(frozen=True)
class Route:
    endpoint: str
    rule: str
    methods: frozenset

    def url(self, world) -> str:
        values = dict(world.ids)
        for name, attr in OVERRIDES.get(self.endpoint, {}).items():
            found = getattr(world, attr)
            values[name] = found.plain_token if name == "token" else found.id
        url = self.rule
        for part, name in zip(_arguments(self.rule), argument_names(self.rule), strict=True):
            url = url.replace(f"<{part}>", str(values[name]))
        return url


def _arguments(rule: str) -> list[str]:
    out, rest = [], rule
    while "<" in rest:
        rest = rest.split("<", 1)[1]
        part, rest = rest.split(">", 1)
        out.append(part)
    return out


def argument_names(rule: str) -> list[str]:
    return [part.split(":")[-1] for part in _arguments(rule)]


@cache
def _url_map():
    return create_app({"ENV": "testing", "SECRET_KEY": "x", "DATABASE_URL": "sqlite://"}).url_map


def routes(method: str) -> list[Route]:
    found = [Route(r.endpoint, r.rule, frozenset(r.methods)) for r in _url_map().iter_rules()
             if method in r.methods and r.endpoint != "static"]
    return sorted(found, key=lambda r: r.rule)


_addresses = itertools.count(1)


def client(app, login, user=None):
    """A fresh test client signed in as `user` (None: signed out), from its own address so that
    per-address limits do not mix the roles of the grid up."""
    c = app.test_client()
    n = next(_addresses)
    c.environ_base["REMOTE_ADDR"] = f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"
    if user is not None:
        login(user, on=c)
    return c


def dump(db_session) -> dict:
    """Every row of every table, to compare before and after a request."""
    db_session.expire_all()
    out = {}
    for table in Base.metadata.sorted_tables:
        order = list(table.primary_key.columns) or list(table.columns)
        rows = db_session.execute(select(table).order_by(*order)).all()
        out[table.name] = [tuple(row) for row in rows]
    db_session.rollback()
    return out


def changed(before: dict, after: dict) -> list[str]:
    return [name for name in before if before[name] != after.get(name)]
