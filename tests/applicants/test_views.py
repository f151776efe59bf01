"""The recruiter's list, detail, notes, bulk actions and export, and who may see them."""
from __future__ import annotations

import csv
import io
import re

import pytest
from sqlalchemy import select

from portal.accounts.models import Role
from portal.applicants.models import ApplicantNote, Stage
from portal.audit.models import AuditEvent


def _audits(db_session, action):
    return db_session.scalars(select(AuditEvent).where(AuditEvent.action == action)).all()


def test_list_shows_all_vacancies_of_the_organisation_and_counts(client, login, world):
    login(world.member)
    html = client.get("/sollicitanten/").get_data(as_text=True)
    for name in ("Samira Haddad", "Yonas Tesfay", "Reza Ahmadi"):
        assert name in html
    assert "Other Person" not in html
    assert "Nieuw (3)" in html


@pytest.mark.parametrize("query,expected", [
    ("vacancy={v1}", {"Samira Haddad", "Yonas Tesfay"}),
    ("location={zdm}", {"Samira Haddad", "Reza Ahmadi"}),
    ("language=ti", {"Yonas Tesfay"}),
    ("language=fa", {"Reza Ahmadi"}),
    ("stage=contacted", {"Yonas Tesfay"}),
    ("residence=status_holder", {"Reza Ahmadi"}),
    ("since=2999-01-01", set()),
    ("stage=bogus&location=abc", {"Samira Haddad", "Yonas Tesfay", "Reza Ahmadi"}),
])
def test_filters(client, login, world, db_session, query, expected):
    from portal.applicants.models import ResidenceStatus

    world.a2.stage = Stage.contacted
    world.a3.residence_status = ResidenceStatus.status_holder
    db_session.commit()
    login(world.member)
    html = client.get("/sollicitanten/?" + query.format(v1=world.v1.id, zdm=world.zdm.id)).get_data(as_text=True)
    shown = {n for n in ("Samira Haddad", "Yonas Tesfay", "Reza Ahmadi") if n in html}
    assert shown == expected


def test_counts_per_stage_follow_other_filters(client, login, world, db_session):
    world.a2.stage = Stage.contacted
    db_session.commit()
    login(world.member)
    html = client.get(f"/sollicitanten/?vacancy={world.v1.id}&stage=new").get_data(as_text=True)
    assert "Nieuw (1)" in html and "Gesproken (1)" in html and "Alle (2)" in html


def test_sorting_oldest_first(client, login, world):
    login(world.member)
    html = client.get("/sollicitanten/?sort=oldest").get_data(as_text=True)
    assert html.index("Samira Haddad") < html.index("Reza Ahmadi")
    html = client.get("/sollicitanten/").get_data(as_text=True)
    assert html.index("Reza Ahmadi") < html.index("Samira Haddad")


def test_paging_50_per_page(client, login, world, make, db_session):
    for _ in range(52):
        make.application(world.v2, name="Pager")
    db_session.commit()
    login(world.member)
    first = client.get("/sollicitanten/?sort=oldest").get_data(as_text=True)
    assert first.count("Pager") == 47  # 3 older applicants fill the first page
    second = client.get("/sollicitanten/?sort=oldest&pagina=2").get_data(as_text=True)
    assert second.count("Pager") == 5 and "Pagina 2 van 2" in second


def test_erased_application_shows_without_personal_data(client, login, world, db_session):
    from portal.apply.services import erase

    erase(world.a1)
    db_session.commit()
    login(world.member)
    html = client.get("/sollicitanten/").get_data(as_text=True)
    assert "gegevens verwijderd" in html and "Samira" not in html
    detail = client.get(f"/sollicitanten/{world.a1.id}").get_data(as_text=True)
    assert "gegevens verwijderd" in detail and "+31612345678" not in detail


def test_detail_has_contact_links_answers_and_audit(client, login, world, db_session):
    login(world.member)
    html = client.get(f"/sollicitanten/{world.a1.id}").get_data(as_text=True)
    assert 'href="tel:+31612345678"' in html
    assert 'href="https://wa.me/31612345678"' in html
    assert "azc Zaandam" in html and "Bakker" in html
    events = _audits(db_session, "applicant_viewed")
    assert [(e.actor_id, e.object_id) for e in events] == [(world.member.id, world.a1.id)]
    assert "Samira" not in str(events[0].detail)


def test_move_through_the_view_records_the_actor(client, login, world, db_session):
    login(world.member)
    r = client.post(f"/sollicitanten/{world.a1.id}/fase", data={"stage": "contacted"})
    assert r.status_code == 302
    db_session.expire_all()
    assert world.a1.stage == Stage.contacted
    assert world.a1.events[-1].actor_id == world.member.id
    html = client.get(f"/sollicitanten/{world.a1.id}").get_data(as_text=True)
    assert world.member.name in html


def test_reject_without_reason_shows_the_error_next_to_the_field(client, login, world, db_session):
    login(world.member)
    r = client.post(f"/sollicitanten/{world.a1.id}/fase", data={"stage": "rejected"})
    assert r.status_code == 422
    assert "Kies een reden." in r.get_data(as_text=True)
    db_session.expire_all()
    assert world.a1.stage == Stage.new


def test_hired_cannot_be_posted(client, login, world, db_session):
    world.a1.stage = Stage.offer
    db_session.commit()
    login(world.member)
    r = client.post(f"/sollicitanten/{world.a1.id}/fase", data={"stage": "hired"})
    assert r.status_code == 422
    db_session.expire_all()
    assert world.a1.stage == Stage.offer


def test_hire_button_links_to_placements_when_installed(client, login, world, app):
    login(world.member)
    html = client.get(f"/sollicitanten/{world.a1.id}").get_data(as_text=True)
    if "placements.hire" in app.view_functions:
        assert f"/sollicitanten/{world.a1.id}/aannemen" in html
    else:
        assert "aannemen" not in html


def test_bulk_move_reports_moved_and_refused(client, login, world, db_session):
    world.a3.stage = Stage.withdrawn
    db_session.commit()
    login(world.member)
    r = client.post("/sollicitanten/acties", data={
        "ids": [world.a1.id, world.a2.id, world.a3.id, world.foreign.id],
        "stage": "contacted", "action": "move"}, follow_redirects=True)
    html = r.get_data(as_text=True)
    assert "2 sollicitaties verplaatst." in html
    assert f"{world.a3.reference} niet verplaatst" in html
    db_session.expire_all()
    assert world.foreign.stage == Stage.new  # another organisation's id is ignored


def test_bulk_tour_action_goes_to_the_tour_form(client, login, world):
    login(world.member)
    r = client.post("/sollicitanten/acties", data={"ids": [world.a1.id, world.a2.id],
                                                   "action": "tour"})
    assert r.status_code == 302 and "/rondleidingen/nieuw?application=" in r.location


def test_notes_for_members_only(client, login, world, db_session):
    login(world.member)
    client.post(f"/sollicitanten/{world.a1.id}/notities", data={"text": "Spreekt goed Engels"})
    assert db_session.scalar(select(ApplicantNote.text)) == "Spreekt goed Engels"
    assert "Spreekt goed Engels" in client.get(f"/sollicitanten/{world.a1.id}").get_data(as_text=True)
    login(world.adviser)
    html = client.get(f"/sollicitanten/{world.a1.id}").get_data(as_text=True)
    assert "Samira Haddad" in html
    assert "Spreekt goed Engels" not in html and "Notities" not in html
    assert client.post(f"/sollicitanten/{world.a1.id}/notities", data={"text": "x"}).status_code == 404
    assert client.post(f"/sollicitanten/{world.a1.id}/fase", data={"stage": "contacted"}).status_code == 404


def test_adviser_sees_the_list_read_only(client, login, world):
    login(world.adviser)
    html = client.get(f"/sollicitanten/?organisatie={world.org.id}").get_data(as_text=True)
    assert "Samira Haddad" in html and 'name="ids"' not in html
    assert client.get("/sollicitanten/").status_code == 404
    assert client.get("/sollicitanten/export.csv").status_code == 404


def _access_urls(w):
    return [f"/sollicitanten/{w.a1.id}", f"/sollicitanten/?organisatie={w.org.id}"]


@pytest.mark.parametrize("who", ["other_member", "other_adviser", "coordinator"])
def test_outsiders_get_404(client, login, world, who):
    login(getattr(world, who))
    for url in _access_urls(world):
        if who == "other_member" and "organisatie" in url:
            continue  # a member's list is always their own organisation
        assert client.get(url).status_code == 404, url
    assert client.post(f"/sollicitanten/{world.a1.id}/fase", data={"stage": "contacted"}).status_code == 404
    assert client.post(f"/sollicitanten/{world.a1.id}/notities", data={"text": "x"}).status_code == 404


def test_other_member_list_does_not_leak(client, login, world):
    login(world.other_member)
    html = client.get(f"/sollicitanten/?organisatie={world.org.id}&vacancy={world.v1.id}").get_data(as_text=True)
    assert "Samira" not in html and "Other Person" in html


def test_contact_adviser_link_from_another_region_gives_no_access(client, login, world, make,
                                                                   db_session):
    # One rule (portal.access): an adviser sees an organisation through its region only, never
    # through a contact-adviser link that outlived a move.
    far = make.user(Role.adviser, region=world.other_region)
    world.org.contact_adviser = far
    db_session.commit()
    login(far)
    assert client.get(f"/sollicitanten/{world.a1.id}").status_code == 404
    assert client.get(f"/sollicitanten/?organisatie={world.org.id}").status_code == 404


def test_anonymous_is_sent_to_login(client, world):
    r = client.get("/sollicitanten/")
    assert r.status_code == 302 and "/inloggen" in r.location


def test_csv_export_neutralises_formulas_and_is_audited(client, login, world, db_session):
    world.a1.name = "=HYPERLINK(\"http://evil\")"
    world.a2.experience = "+31 calc"
    world.a3.availability = "@SUM(A1)"
    db_session.commit()
    login(world.member)
    r = client.get(f"/sollicitanten/export.csv?vacancy={world.v1.id}")
    assert r.status_code == 200 and r.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(r.get_data(as_text=True).lstrip("\ufeff")), delimiter=";"))
    assert len(rows) == 3  # header + two applicants of vacancy 1
    cells = [c for row in rows[1:] for c in row]
    assert "'=HYPERLINK(\"http://evil\")" in cells
    assert "'+31 calc" in cells
    assert not any(c.startswith(("=", "@")) for c in cells)
    assert all(c.startswith("'") or not c.startswith("-") for c in cells)
    # A phone number is data, not a formula: formatted, and without an apostrophe.
    assert "+31 6 12345678" in cells and "'+31 6 12345678" not in cells
    # The date sorts (ISO) and language levels are words, not codes.
    header = rows[0]
    applied = [row[header.index("Gesolliciteerd op")] for row in rows[1:]]
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in applied)
    assert any("Tigrinya (Goed)" in c for c in cells) and not any("(good)" in c for c in cells)
    events = _audits(db_session, "applicants_exported")
    assert len(events) == 1 and events[0].detail == {"count": 2}
