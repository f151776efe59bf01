"""The access grid for POST: every POST route of the app × every role, in one full world
(tests/grid_world.py), with CSRF on.

- Without a valid token (none, or one from another session) every POST is refused with 400
  and changes nothing, whoever is signed in.
- With a valid token, a role that may not act on organisation A's objects is refused (signed
  out: sent to sign in; others 403/404) and nothing changes.
- The roles that may act do reach each route (so the refusals above are not just wrong ids).
"""
from __future__ import annotations

from datetime import timedelta

import pytest

from portal.clock import today
from tests import grid_world
from tests.conftest import _empty_tables
from tests.grid_world import ROLES

ANYONE = frozenset(ROLES)
SIGNED_IN = ANYONE - {"signed_out"}
MEMBERS = frozenset({"member_a", "member_b", "agency_member"})
STAFF = frozenset({"adviser", "other_adviser", "coordinator", "other_coordinator", "admin"})
MEMBER_A = frozenset({"member_a"})
ADVISER_A = frozenset({"adviser", "admin"})  # the region's advisers; admins see every region
COORDINATOR_A = frozenset({"coordinator", "admin"})  # the azc's coordinators; admins all boards
ADMIN = frozenset({"admin"})
PLACE_A = frozenset({"coordinator", "adviser", "admin"})  # A's azc: its coordinator, its region

# Who may act through each POST endpoint in the world. Every POST endpoint must be listed: a new
# one fails test_every_post_route_is_in_the_grid until someone decides who may use it.
MAY = {
    # Residents and visitors: public forms, the private status link, signing in.
    "reports.report_form": ANYONE, "apply.apply": ANYONE, "apply.withdraw": ANYONE,
    "apply.erase": ANYONE, "apply.new_link": ANYONE, "apply.desk_link": STAFF, "organisations.register": ANYONE, "accounts.login": ANYONE,
    "accounts.two_factor": ANYONE, "accounts.forgot_password": ANYONE,
    "accounts.reset_password": ANYONE, "accounts.accept_invite": ANYONE,
    "accounts.resend_verification": ANYONE,
    # One's own account.
    "accounts.logout": SIGNED_IN, "accounts.change_email": SIGNED_IN,
    "accounts.change_password": SIGNED_IN, "accounts.two_factor_setup": STAFF,
    # A member in their own organisation (forms that name A's objects: see BODIES).
    "accounts.invite": MEMBERS, "vacancies.new": MEMBERS, "questions.new": MEMBERS,
    "tours.new": MEMBERS,
    "dashboard.digest": frozenset({"agency_member"}),  # the weekly digest is for agencies
    # Organisation A's objects: only its members.
    "applicants.bulk": MEMBER_A, "applicants.move": MEMBER_A, "applicants.add_note": MEMBER_A, "placements.hire": MEMBER_A,
    "placements.end": MEMBER_A, "placements.not_going_ahead": MEMBER_A,
    "placements.twv_step": MEMBER_A, "placements.confirm_cancelled": MEMBER_A,
    "tours.attendance": MEMBER_A, "tours.cancel": MEMBER_A, "tours.edit": MEMBER_A,
    "vacancies.edit": MEMBER_A, "vacancies.duplicate": MEMBER_A, "vacancies.publish": MEMBER_A,
    "vacancies.close": MEMBER_A, "vacancies.extend": MEMBER_A, "questions.reply": MEMBER_A,
    "questions.close": MEMBER_A, "aftercare.form": MEMBER_A,
    # Adviser work on region A.
    "reports.change_state": ADVISER_A, "reports.suspend_organisation": ADVISER_A,
    "reports.suspend_vacancy": ADVISER_A, "aftercare.follow_up": ADVISER_A,
    "organisations.approve": ADVISER_A, "organisations.reject": ADVISER_A,
    "organisations.contact": ADVISER_A, "organisations.reinstate": ADVISER_A,
    "organisations.suspend": ADVISER_A, "placements.handled_by_phone": ADVISER_A,
    "organisations.move_region": ADVISER_A,
    "questions.answer": ADVISER_A, "questions.suggest_faq": ADVISER_A,
    "questions.take_over": ADVISER_A, "questions.adviser_close": ADVISER_A,
    # The azc's coordinator.
    "tours.coordinator_attendance": COORDINATOR_A, "tours.coordinator_other_time": COORDINATOR_A,
    "tours.coordinator_confirm": COORDINATOR_A, "posters.mark_printed": COORDINATOR_A,
    "posters.mark_taken_down": COORDINATOR_A, "posters.mark_all_printed": COORDINATOR_A,
    # Activities: any staff member creates one where they work; A's azc activity is for its
    # coordinator, the region's adviser and admins. Residents use the page and their own link.
    "activities.new": STAFF, "activities.edit": PLACE_A, "activities.cancel": PLACE_A,
    "activities.desk_cancel": PLACE_A, "activities.tick": PLACE_A, "activities.texts_page": PLACE_A,
    "activities_public.activity": ANYONE, "activities_public.signup_cancel": ANYONE,
    "activities_public.signup_erase": ANYONE,
    # The Werkbalie agenda: desk hours anywhere one works; A's azc desk for its coordinator,
    # the region's adviser and admins. Residents book and use their own link.
    "werkbalie.hours": STAFF, "werkbalie.stop_hours": PLACE_A, "werkbalie.desk_book": PLACE_A,
    "werkbalie.mark": PLACE_A, "werkbalie.outcome": PLACE_A, "werkbalie.cancel": PLACE_A,
    "werkbalie.link_application": PLACE_A, "werkbalie.start_application": PLACE_A,
    "werkbalie_public.book": ANYONE, "werkbalie_public.booking_cancel": ANYONE,
    "werkbalie_public.booking_move": ANYONE, "werkbalie_public.booking_erase": ANYONE,
    # The talent pool: residents make a profile from the poster address and answer proposals
    # with their own link; the desk of A's azc makes one with them; the region's advisers
    # propose (coordinators only look); A's members ask for candidates for their vacancy.
    "talent_public.new_profile": ANYONE, "talent_public.renew": ANYONE,
    "talent_public.erase": ANYONE, "talent_proposals.accept": ANYONE,
    "talent_proposals.decline": ANYONE, "talent_desk.new_profile": PLACE_A,
    "talent_staff.propose": ADVISER_A, "talent_staff.propose_profile": ADVISER_A,
    "talent_staff.handled": ADVISER_A, "talent_employer.ask": MEMBER_A,
    # Administration.
    "admin.locations": ADMIN, "admin.location_edit": ADMIN, "admin.regions": ADMIN,
    "admin.region_edit": ADMIN, "admin.staff_new": ADMIN, "admin.staff_role": ADMIN,
    "admin.staff_enable": ADMIN, "admin.staff_disable": ADMIN, "admin.wages": ADMIN,
    "admin.postcodes": ADMIN, "admin.postcode_edit": ADMIN, "admin.postcode_delete": ADMIN,
    # The phrasebook: A's vacancy built from phrases by its members; its texts per language by
    # its members or the region's advisers (employers ask them); the phrasebook by admins; the
    # azc's main languages by its coordinators.
    "phrases.pick": MEMBER_A, "phrases.texts": MEMBER_A | ADVISER_A, "phrases.admin": ADMIN,
    "phrases.admin_active": ADMIN, "posters.languages": COORDINATOR_A,
}


def _tour_form(w) -> dict:
    return {"applications": [str(w.application.id)], "date": (today() + timedelta(days=9)).isoformat(),
            "start_time": "10:00", "duration": "60", "address": "Hemkade 12, Zaandam",
            "capacity": "3"}


# Form bodies that name organisation A's objects; other routes are posted empty.
BODIES = {
    "applicants.bulk": lambda w: {"ids": [str(w.application.id)], "stage": "assessment",
                                  "action": "move"},
    "applicants.move": lambda w: {"stage": "assessment"},
    "applicants.add_note": lambda w: {"text": "Belt morgen terug."},
    "tours.new": _tour_form,
    "tours.edit": _tour_form,
    "questions.new": lambda w: {"subject": "Over de bakker", "body": "Mag dit?",
                                "vacancy": str(w.vacancy.id)},
    "questions.reply": lambda w: {"body": "Nog een vraag."},
    "questions.answer": lambda w: {"body": "Zo doet u dat."},
    "organisations.reject": lambda w: {"reject-reason": "KvK-nummer klopt niet.",
                                       "reject-confirm": "y"},
    "organisations.suspend": lambda w: {"suspend-reason": "Meldingen over contant betalen.",
                                        "suspend-confirm": "y"},
    "organisations.contact": lambda w: {"contact-adviser": str(w.users["adviser"].id)},
    "organisations.move_region": lambda w: {"region-region": str(w.region.id)},
    "talent_staff.propose": lambda w: {"profile": str(w.profile.id)},
    "talent_staff.propose_profile": lambda w: {"vacancy": str(w.vacancy.id)},
}

REFUSED = (403, 404)
CSRF_PAGE = "Formulier verlopen"  # the title of the CSRF error page (portal/errors.py)

POSTS = grid_world.routes("POST")


@pytest.fixture
def world(make, db_session):
    return grid_world.build(make, db_session)


@pytest.fixture
def client_as(app, login):
    """client_as(world, role): a fresh client signed in as that role of the world."""
    return lambda world, role, user=None: grid_world.client(app, login, user or world.users.get(role))


def _body(route, world) -> dict:
    make_body = BODIES.get(route.endpoint)
    return make_body(world) if make_body else {}


def test_every_post_route_is_in_the_grid():
    assert {r.endpoint for r in POSTS} == set(MAY)
    assert len(POSTS) >= 70


@pytest.mark.parametrize("role", ROLES)
def test_posts_without_a_valid_token_are_refused_and_change_nothing(
        world, client_as, db_session, role):
    client = client_as(world, role)
    stranger = client_as(world, "signed_out")
    foreign_token = stranger.csrf_token()  # well signed, but for another session
    before = grid_world.dump(db_session)
    failures = []
    for route in POSTS:
        url, body = route.url(world), _body(route, world)
        for how, data in (("no token", body), ("foreign token", {**body, "csrf_token": foreign_token})):
            res = client.post(url, data=data, csrf=False)
            if res.status_code != 400 or CSRF_PAGE not in res.text:
                failures.append((how, route.rule, res.status_code))
    assert not failures, failures
    # One comparison for all 140 refused posts (a dump per post doubles the run time).
    assert not grid_world.changed(before, grid_world.dump(db_session))


@pytest.mark.parametrize("role", ROLES)
def test_roles_that_may_not_act_are_refused_and_change_nothing(world, client_as, db_session, role):
    client = client_as(world, role)
    before = grid_world.dump(db_session)
    failures, checked = [], 0
    for route in POSTS:
        if role in MAY[route.endpoint]:
            continue
        checked += 1
        res = client.post(route.url(world), data=_body(route, world))
        changed = grid_world.changed(before, grid_world.dump(db_session))
        if role == "signed_out":
            refused = res.status_code == 302 and "/inloggen" in res.headers["Location"]
        else:
            refused = res.status_code in REFUSED
        if not refused or changed:
            failures.append((route.rule, res.status_code, changed))
            before = grid_world.dump(db_session)
    assert not failures, failures
    assert checked >= 20 or role == "admin"


@pytest.mark.parametrize("role", ["member_b", "agency_member"])
def test_forms_naming_another_organisations_objects_change_nothing(
        world, client_as, db_session, role):
    """Routes every member may use, posted with organisation A's ids in the form."""
    client = client_as(world, role)
    before = grid_world.dump(db_session)
    for endpoint in ("tours.new", "questions.new"):
        route = next(r for r in POSTS if r.endpoint == endpoint)
        res = client.post(route.url(world), data=_body(route, world))
        assert res.status_code < 500 and CSRF_PAGE not in res.text, (endpoint, res.status_code)
        assert not grid_world.changed(before, grid_world.dump(db_session)), endpoint


@pytest.mark.parametrize("route", POSTS, ids=[f"{r.endpoint}:{r.rule}" for r in POSTS])
def test_roles_that_may_act_reach_the_route(app, make, db_session, client_as, route):
    """Each allowed role, in a fresh world, gets past access control: an answer of the route
    itself (done, or the form with its errors), never 403/404 or the CSRF page."""
    failures = []
    for role in sorted(MAY[route.endpoint]):
        db_session.rollback()
        db_session.expunge_all()
        _empty_tables(app)
        world = grid_world.build(make, db_session)
        res = client_as(world, role).post(route.url(world), data=_body(route, world))
        if res.status_code in (401, 403, 404, 405, 429) or res.status_code >= 500 \
                or CSRF_PAGE in res.text:
            failures.append((role, res.status_code))
    assert not failures, failures
