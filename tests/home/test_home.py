"""Staff home pages start where the work is: each role sees what waits for it, with counts and
the oldest first, only within its own scope (portal.access); the menu is grouped, marks the
current section and is not shown before two-factor sign-in is complete."""
from __future__ import annotations

import re
from datetime import timedelta
from types import SimpleNamespace

import pytest

from portal.accounts.models import Role
from portal.applicants.models import Stage
from portal.clock import utcnow
from portal.notifications.models import OutboxMessage
from portal.organisations.models import OrgStatus
from portal.placements.models import TwvState
from portal.tours.models import TourState


def card(html: str, key: str) -> str:
    match = re.search(rf'<section class="card work[^"]*" id="work-{key}".*?</section>', html, re.S)
    assert match, f"no card {key!r} on the page"
    return match.group(0)


def count_of(section: str) -> int:
    return int(re.search(r'<span class="work-count">(\d+)</span>', section).group(1))


@pytest.fixture
def world(make, db_session):
    region, other_region = make.region("Zaanstreek"), make.region("Nijmegen")
    azc, other_azc = make.location(region, code="ZDM"), make.location(other_region, code="NYM")
    adviser = make.user(Role.adviser, region=region)
    org = make.organisation(region, adviser=adviser, name="Bakkerij Zon")
    member = make.user(Role.member, organisation=org)
    vacancy = make.vacancy(org, locations=[azc], title="Hulp in de bakkerij")
    # two organisations waiting in the region, the older one first; one elsewhere
    newer = make.organisation(region, status=OrgStatus.pending, name="Kweker Nieuw")
    older = make.organisation(region, status=OrgStatus.pending, name="Kweker Oud")
    older.created_at = utcnow() - timedelta(days=9)
    make.organisation(other_region, status=OrgStatus.pending, name="Elders BV")
    # a question waiting a week (past the two-working-day line) and one from today
    late_q = make.question(org, subject="Mag ik een proefdag doen?")
    late_q.waiting_since = utcnow() - timedelta(days=7)
    make.question(org, subject="Hoe lang duurt een TWV?")
    report = make.report(vacancy, employer_name="Bakkerij Zon")
    make.report(make.vacancy(make.organisation(other_region)), employer_name="Elders")
    # a hire whose TWV cancellation is overdue, one with an aftercare concern
    stopped = make.placement(make.application(vacancy, stage=Stage.hired),
                             twv_state=TwvState.cancellation_requested)
    stopped.cancellation_requested_at = utcnow() - timedelta(days=30)
    working = make.placement(make.application(vacancy, stage=Stage.hired),
                             twv_state=TwvState.to_apply)
    make.aftercare_check(working, needs_follow_up=True, answered_at=utcnow() - timedelta(days=2))
    # applicants: the oldest new one first; a contacted one does not count
    first = make.application(vacancy, name="Samira Haddad", azc_location=azc)
    first.created_at = utcnow() - timedelta(days=4)
    make.application(vacancy, name="Yonas Tesfay", azc_location=azc)
    make.application(vacancy, name="Reza Ahmadi", stage=Stage.contacted, azc_location=azc)
    coordinator = make.user(Role.coordinator, locations=[azc])
    other_coordinator = make.user(Role.coordinator, locations=[other_azc])
    tour = make.tour(org, [first], vacancy=vacancy, state=TourState.requested)
    admin = make.user(Role.admin)
    db_session.commit()
    return SimpleNamespace(**locals())


def test_adviser_home_shows_the_regions_work_oldest_first(client, login, world):
    login(world.adviser)
    html = client.get("/").get_data(as_text=True)
    orgs = card(html, "organisations")
    assert count_of(orgs) == 2 and "Elders BV" not in orgs
    assert orgs.index("Kweker Oud") < orgs.index("Kweker Nieuw")
    assert "9 dagen" in orgs
    questions = card(html, "questions")
    assert count_of(questions) == 2
    assert "1 wacht langer dan 2 werkdagen" in questions
    assert questions.index("Mag ik een proefdag doen?") < questions.index("Hoe lang duurt een TWV?")
    assert "te laat" in questions.split("Hoe lang duurt")[0]
    reports = card(html, "reports")
    assert count_of(reports) == 1 and "Elders" not in reports
    assert f'/adviseur/meldingen/{world.report.id}' in reports
    assert count_of(card(html, "cancellations")) == 1
    assert count_of(card(html, "aftercare")) == 1
    assert 'href="/balie/statuslink"' in card(html, "desk")
    assert 'class="card work work--late"' in html  # the late lines stand out


def test_coordinator_home_shows_tours_to_confirm_and_posters(client, login, world):
    login(world.coordinator)
    html = client.get("/").get_data(as_text=True)
    tours = card(html, "tours")
    assert count_of(tours) == 1 and "Bakkerij Zon" in tours
    assert f"/coordinator/rondleidingen/{world.tour.id}" in tours
    posters = card(html, "posters")
    assert count_of(posters) == 1 and "1 poster ophangen" in posters
    login(world.other_coordinator)
    html = client.get("/").get_data(as_text=True)
    assert count_of(card(html, "tours")) == 0 and count_of(card(html, "posters")) == 0
    assert "Niets te doen." in html


def test_member_home_shows_applicants_tours_and_twv_steps(client, login, world):
    login(world.member)
    html = client.get("/").get_data(as_text=True)
    assert 'id="work-organisation"' not in html  # approved: nothing to say
    applicants = card(html, "applicants")
    assert count_of(applicants) == 2 and "Reza Ahmadi" not in applicants
    assert applicants.index("Samira Haddad") < applicants.index("Yonas Tesfay")
    assert "stage=new" in applicants and "sort=oldest" in applicants
    assert count_of(card(html, "tours")) == 1
    twv = card(html, "twv")
    assert count_of(twv) == 2
    assert "TWV aanvragen bij UWV" in twv and "Intrekking van de TWV bevestigen" in twv


@pytest.mark.parametrize("status,says", [
    (OrgStatus.pending, "Uw organisatie wacht op goedkeuring"),
    (OrgStatus.rejected, "Reden: KvK-nummer hoort bij een ander bedrijf."),
    (OrgStatus.suspended, "Reden: KvK-nummer hoort bij een ander bedrijf."),
])
def test_member_home_says_why_the_organisation_waits(client, login, world, db_session, status, says):
    world.org.status = status
    world.org.status_reason = "KvK-nummer hoort bij een ander bedrijf." if status != OrgStatus.pending else None
    db_session.commit()
    login(world.member)
    html = client.get("/").get_data(as_text=True)
    first = card(html, "organisation")
    assert says in first
    assert html.index('id="work-organisation"') < html.index('id="work-applicants"')
    if status == OrgStatus.pending:
        assert "niet publiceren" in first


def test_admin_home_shows_failed_mail_without_addresses(client, login, world, db_session):
    db_session.add(OutboxMessage(to_addr="samira@example.org", subject="x", body="y",
                                 kind="apply/mail_status.txt", failed_at=utcnow(),
                                 last_error="550 mailbox unavailable"))
    db_session.add(OutboxMessage(to_addr="old@example.org", subject="x", body="y",
                                 failed_at=utcnow() - timedelta(days=40), last_error="old"))
    db_session.commit()
    login(world.admin)
    html = client.get("/").get_data(as_text=True)
    failed = card(html, "failed_mail")
    assert count_of(failed) == 1 and "550 mailbox unavailable" in failed
    assert "samira@example.org" not in html


def test_home_pages_list_only_what_the_role_may_see(client, login, world, make, db_session):
    """Another region's adviser sees none of region Zaanstreek's work."""
    other = make.user(Role.adviser, region=make.region("Twente"))
    db_session.commit()
    login(other)
    html = client.get("/").get_data(as_text=True)
    for key in ("organisations", "questions", "reports", "cancellations", "aftercare"):
        assert count_of(card(html, key)) == 0, key
    for secret in ("Kweker", "proefdag", "Bakkerij Zon"):
        assert secret not in html


# --- the menu ---------------------------------------------------------------------------------

def _nav(html: str) -> str:
    return re.search(r'<nav class="staff-nav".*?</nav>', html, re.S).group(0)


def test_menu_is_grouped_on_one_row_and_marks_the_current_section(client, login, world):
    login(world.adviser)
    html = client.get("/adviseur/twv-intrekkingen").get_data(as_text=True)
    top = _nav(html)
    assert top.count("<li>") <= 8  # groups, not every page (was 12)
    assert re.search(r'<a href="/adviseur/plaatsingen" aria-current="true">Na de start</a>', top)
    sub = re.search(r'<nav class="sub-nav" aria-label="Na de start">.*?</nav>', html, re.S).group(0)
    assert re.search(r'<a href="/adviseur/twv-intrekkingen" aria-current="page">', sub)
    assert "/adviseur/nazorg" in sub
    # a page below a section marks that section too
    detail = client.get(f"/adviseur/meldingen/{world.report.id}").get_data(as_text=True)
    assert re.search(r'aria-current="true">Meldingen en vragen</a>', _nav(detail))


def test_home_is_marked_as_the_current_page(client, login, world):
    login(world.member)
    top = _nav(client.get("/").get_data(as_text=True))
    assert '<a href="/" aria-current="page">Start</a>' in top
    assert top.count("aria-current") == 1


def test_no_menu_on_the_two_factor_page_before_sign_in_completes(client, world, db_session):
    from tests.factories import PASSWORD

    res = client.post("/inloggen", data={"email": world.adviser.email, "password": PASSWORD})
    assert res.status_code == 302  # on to the second step
    page = client.get(res.headers["Location"])
    assert page.status_code == 200 and 'name="code"' in page.get_data(as_text=True)
    html = page.get_data(as_text=True)
    nav = _nav(html)
    for label in ("Organisaties", "Meldingen", "Cijfers", "Na de start", "Meer"):
        assert label not in nav
    assert "Uitloggen" in nav  # the way out stays
