"""The GET side of the access grid, in the full world of tests/grid_world.py:

- pages about one of organisation A's objects open for the roles that may see it and are
  refused to every other role;
- no page shows a person's data to a role it is not for (the applicant's name, a report, a
  question), whichever URL they try;
- staff pages with personal data send Cache-Control: no-store;
- reports: members never see reports about their own organisation, and an adviser without a
  region sees no region-less report.
"""
from __future__ import annotations

import pytest

from portal.accounts.models import Role
from tests import grid_world
from tests.grid_world import ROLES

MEMBER_A = frozenset({"member_a"})
ADVISER_A = frozenset({"adviser", "admin"})
COORDINATOR_A = frozenset({"coordinator", "admin"})
PLACE_A = frozenset({"coordinator", "adviser", "admin"})  # A's azc: its coordinator, its region

# Pages of one of A's objects (the URL holds its id) and who may open them.
OBJECT_PAGES = {
    "applicants.detail": frozenset({"member_a", "adviser", "admin"}),  # advisers look, not act
    "placements.hire": MEMBER_A, "placements.show": MEMBER_A,
    "placements.cancellation_pdf": MEMBER_A, "placements.region_show": ADVISER_A,
    "tours.show": MEMBER_A, "tours.calendar": MEMBER_A, "tours.edit": MEMBER_A,
    "tours.coordinator_show": COORDINATOR_A,
    "questions.thread": MEMBER_A, "questions.adviser_thread": ADVISER_A,
    "questions.suggest_faq": ADVISER_A,
    "aftercare.form": MEMBER_A, "aftercare.adviser_detail": ADVISER_A,
    "reports.detail": ADVISER_A, "reports.print_summary": ADVISER_A,
    "organisations.detail": ADVISER_A,
    "vacancies.show": MEMBER_A, "vacancies.edit": MEMBER_A, "vacancies.close": MEMBER_A,
    "vacancies.extend": MEMBER_A, "posters.vacancy_poster": MEMBER_A,
    "posters.vacancy_posters": MEMBER_A,
    "phrases.pick": MEMBER_A, "phrases.texts": frozenset({"member_a", "adviser", "admin"}),
    "applicants.translation": frozenset({"member_a", "adviser", "admin"}),  # as the detail page
    "reports.translation": ADVISER_A,
    "activities.show": PLACE_A, "activities.edit": PLACE_A, "activities.poster_pdf": PLACE_A,
    "activities.print_list": PLACE_A, "activities.tick": PLACE_A, "activities.texts_page": PLACE_A,
    "werkbalie.show": PLACE_A, "werkbalie.start_application": PLACE_A,
    # A work profile: the advisers of its azc's region and that azc's coordinators (who only
    # look); suggestions for A's vacancy: the region's advisers.
    "talent_staff.profile": PLACE_A, "talent_staff.vacancy": ADVISER_A,
}
OBJECT_IDS = {"application_id", "placement_id", "tour_id", "question_id", "check_id", "report_id",
              "org_id", "vacancy_id", "activity_id", "appointment_id", "profile_id"}

# Staff pages that show personal data, with a role that opens them: each must say no-store.
PERSONAL_PAGES = [
    ("applicants.index", "member_a"), ("applicants.detail", "member_a"),
    ("applicants.detail", "adviser"), ("applicants.export", "member_a"),
    ("placements.hire", "member_a"), ("placements.index", "member_a"),
    ("placements.show", "member_a"), ("placements.cancellation_pdf", "member_a"),
    ("placements.region_index", "adviser"), ("placements.region_show", "adviser"),
    ("placements.cancellations", "adviser"),
    ("reports.queue", "adviser"), ("reports.detail", "adviser"),
    ("reports.print_summary", "adviser"),
    ("tours.index", "member_a"), ("tours.show", "member_a"), ("tours.calendar", "member_a"),
    ("tours.edit", "member_a"), ("tours.coordinator_index", "coordinator"),
    ("tours.coordinator_show", "coordinator"),
    ("aftercare.index", "member_a"), ("aftercare.form", "member_a"),
    ("aftercare.adviser_index", "adviser"), ("aftercare.adviser_detail", "adviser"),
    ("questions.thread", "member_a"), ("questions.adviser_thread", "adviser"),
    ("applicants.translation", "member_a"), ("reports.translation", "adviser"),
    ("activities.show", "coordinator"), ("activities.print_list", "coordinator"),
    ("activities.tick", "adviser"), ("werkbalie.index", "coordinator"),
    ("werkbalie.show", "adviser"), ("werkbalie.desk_book", "coordinator"),
    ("talent_staff.search", "adviser"), ("talent_staff.search", "coordinator"),
    ("talent_staff.profile", "coordinator"), ("talent_staff.vacancy", "adviser"),
]

# The resident's own pages: whoever holds the private link is the resident.
RESIDENT_LINK_PAGES = {"apply.status", "apply.erase", "activities_public.signup_status",
                       "activities_public.signup_erase", "werkbalie_public.booking_status",
                       "werkbalie_public.booking_move", "werkbalie_public.booking_erase",
                       "talent_public.private", "talent_public.erase"}

GETS = [r for r in grid_world.routes("GET") if r.endpoint != "accounts.logout"]


@pytest.fixture
def world(make, db_session):
    return grid_world.build(make, db_session)


@pytest.fixture
def client_as(app, login):
    """client_as(world, role): a fresh client signed in as that role of the world."""
    return lambda world, role, user=None: grid_world.client(app, login, user or world.users.get(role))


def _secrets(world) -> dict[str, tuple[str, frozenset]]:
    """Personal data in the world, and the roles it is for."""
    return {
        "applicant name": (world.application.name,
                           frozenset({"member_a", "adviser", "admin", "coordinator"})),
        "report text": ("GRID-MARKER", ADVISER_A),
        "report code": (world.report.code, ADVISER_A),
        "report link": (f'/adviseur/meldingen/{world.report.id}"', ADVISER_A),
        "question": ("GRID-QUESTION", frozenset({"member_a", "adviser", "admin"})),
        "activity sign-up": (world.signup.name, PLACE_A),
        "Werkbalie appointment": (world.appointment.name, PLACE_A),
        "work profile": (world.profile.name, PLACE_A),  # never an employer
    }


def _text(res) -> str:
    return res.get_data(as_text=True) if res.mimetype.startswith(("text/", "application/json")) else ""


def test_every_object_page_is_in_the_grid():
    with_object = {r.endpoint for r in GETS if OBJECT_IDS & set(grid_world.argument_names(r.rule))}
    assert with_object == set(OBJECT_PAGES)


@pytest.mark.parametrize("role", ROLES)
def test_object_pages_open_only_for_whom_they_are(world, client_as, role):
    client = client_as(world, role)
    wrong = []
    for route in GETS:
        if route.endpoint not in OBJECT_PAGES:
            continue
        res = client.get(route.url(world))
        if role in OBJECT_PAGES[route.endpoint]:
            ok = res.status_code == 200
        elif role == "signed_out":
            ok = res.status_code == 302 and "/inloggen" in res.headers["Location"]
        else:
            ok = res.status_code in (403, 404)
        if not ok:
            wrong.append((route.rule, res.status_code))
    assert not wrong, wrong


@pytest.mark.parametrize("role", ROLES)
def test_no_page_shows_personal_data_to_a_role_it_is_not_for(world, client_as, role):
    client = client_as(world, role)
    hidden = {what: value for what, (value, roles) in _secrets(world).items() if role not in roles}
    leaks = []
    for route in GETS:
        if route.endpoint in RESIDENT_LINK_PAGES:
            continue
        res = client.get(route.url(world))
        assert res.status_code < 500, route.rule
        text = _text(res)
        leaks += [(route.rule, what) for what, value in hidden.items() if value in text]
    assert not leaks, leaks


@pytest.mark.parametrize("endpoint, role", PERSONAL_PAGES, ids=[f"{e}-{r}" for e, r in PERSONAL_PAGES])
def test_staff_pages_with_personal_data_are_not_stored(world, client_as, endpoint, role):
    route = next(r for r in GETS if r.endpoint == endpoint)
    res = client_as(world, role).get(route.url(world))
    assert res.status_code == 200
    assert "no-store" in res.headers.get("Cache-Control", "")


def test_members_never_see_reports_about_their_own_organisation(world, client_as):
    """Guard: a report names the reported organisation, but its members must never read it
    (nor learn that it exists): not in the list, not by its id, on no page at all."""
    member = client_as(world, "member_a")
    report = world.report
    assert report.organisation_id == world.users["member_a"].organisation_id
    listed = f'/adviseur/meldingen/{report.id}"'  # the queue links each report it lists
    marks = (listed, report.code, "GRID-MARKER")
    for url in ("/adviseur/meldingen", f"/adviseur/meldingen/{report.id}",
                f"/adviseur/meldingen/{report.id}/afdruk"):
        res = member.get(url)
        assert res.status_code in (403, 404), url
        assert not any(mark in _text(res) for mark in marks), url
    for route in GETS:
        if route.endpoint in RESIDENT_LINK_PAGES:
            continue
        text = _text(member.get(route.url(world)))
        assert not any(mark in text for mark in marks), route.rule
    # The same pages do show it to the region's adviser: the marks are real.
    adviser = client_as(world, "adviser")
    assert listed in adviser.get("/adviseur/meldingen").text
    detail = adviser.get(f"/adviseur/meldingen/{report.id}").text
    assert report.code in detail and "GRID-MARKER" in detail


def test_an_adviser_without_a_region_sees_no_region_less_report(world, make, db_session, client_as):
    """Guard: reports about an unknown employer at no known azc have no region; admins handle
    them. An adviser whose region is not set (yet) must not see them as 'their region'."""
    lost = make.report(employer_name="Bedrijf GRID-NOREGION", description="Zonder regio.")
    adrift = make.user(Role.adviser)
    adrift.region = None
    db_session.commit()
    assert lost.region_id is None
    client = client_as(world, "adviser", user=adrift)
    queue = client.get("/adviseur/meldingen")
    assert queue.status_code == 200
    listed = f'/adviseur/meldingen/{lost.id}"'
    assert listed not in queue.text and "GRID-NOREGION" not in queue.text
    assert client.get(f"/adviseur/meldingen/{lost.id}").status_code == 404
    assert client.get(f"/adviseur/meldingen/{lost.id}/afdruk").status_code == 404
    before = grid_world.dump(db_session)
    res = client.post(f"/adviseur/meldingen/{lost.id}/status", data={"state": "investigating"})
    assert res.status_code == 404
    assert not grid_world.changed(before, grid_world.dump(db_session))
    # Admins do see it: it exists and is listed to those it is for.
    assert listed in client_as(world, "admin").get("/adviseur/meldingen").text
