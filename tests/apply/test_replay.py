"""A resent apply form (double click, reload) shows the same status link; someone else's
submission_key never hands out or breaks the resident's link."""
import re
from datetime import timedelta

from sqlalchemy import func, select

from portal import clock, db
from portal.applicants.models import Application
from portal.apply.housekeeping import forget_submission_seals
from portal.notifications.services import send_pending
from tests.apply.conftest import form_data

URL = "/v/ABC234/ZDM/solliciteren"


def open_form(browser) -> str:
    """Load the form like a browser and return its submission key."""
    res = browser.get(URL)
    assert res.status_code == 200
    return re.search(r'name="submission_key" type="hidden" value="([\w-]+)"',
                     res.get_data(as_text=True)).group(1)


def link_on(res) -> str | None:
    found = re.search(r"https://werk\.example\.nl/s/([\w-]+)", res.get_data(as_text=True))
    return found.group(1) if found else None


def rows() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count(Application.id)))


def works(browser, token: str) -> bool:
    return browser.get(f"/s/{token}").status_code == 200


def test_form_page_is_not_cached(client, vacancy):
    res = client.get(URL)
    assert "no-store" in res.headers["Cache-Control"]
    invalid = client.post(URL, data=form_data(phone="12"))  # the answers are on this page too
    assert invalid.status_code == 422 and "no-store" in invalid.headers["Cache-Control"]


def test_double_submit_shows_the_same_link_and_the_mailed_one_keeps_working(client, vacancy, mails):
    key = open_form(client)
    first = client.post(URL, data=form_data(email="samira@example.org") | {"submission_key": key})
    second = client.post(URL, data=form_data(email="samira@example.org") | {"submission_key": key})
    assert first.status_code == second.status_code == 200
    token = link_on(first)
    assert token and link_on(second) == token  # the same confirmation, no new token
    assert rows() == 1
    send_pending()
    assert len(mails) == 1 and f"/s/{token}" in mails[0].get_content()
    assert works(client, token)


def test_replayed_key_with_other_data_gets_nothing_of_the_first(app, client, vacancy):
    key = open_form(client)
    victim = client.post(URL, data=form_data() | {"submission_key": key})
    victim_token = link_on(victim)
    victim_ref = db.session.scalar(select(Application.reference))

    attacker = app.test_client()
    open_form(attacker)
    res = attacker.post(URL, data=form_data(name="Iemand Anders", phone="0687654321")
                        | {"submission_key": key})
    html = res.get_data(as_text=True)
    assert res.status_code == 200
    assert victim_token not in html and victim_ref not in html
    attacker_token = link_on(res)
    assert attacker_token and attacker_token != victim_token
    assert rows() == 2  # a new, separate application
    assert works(client, victim_token)
    page = attacker.get(f"/s/{attacker_token}").get_data(as_text=True)
    assert "Samira" not in page and victim_ref not in page


def test_same_data_from_another_browser_gets_no_link(app, client, vacancy):
    """Knowing the key and every answer is still not enough: the link stays in the browser
    that sent the form."""
    key = open_form(client)
    victim_token = link_on(client.post(URL, data=form_data() | {"submission_key": key}))
    other = app.test_client()
    open_form(other)
    res = other.post(URL, data=form_data() | {"submission_key": key})
    assert res.status_code == 200
    assert "/s/" not in res.get_data(as_text=True)
    assert "Je hebt al gesolliciteerd" in res.get_data(as_text=True)
    assert rows() == 1
    assert works(client, victim_token)


def test_same_browser_other_answers_is_not_a_resend(client, vacancy, make, azc, db_session):
    key = open_form(client)
    first = link_on(client.post(URL, data=form_data() | {"submission_key": key}))
    # back, change the phone number, send again with the same key
    second = client.post(URL, data=form_data(phone="0687654321") | {"submission_key": key})
    assert link_on(second) not in (None, first)
    assert rows() == 2
    assert works(client, first)


def test_a_key_older_than_an_hour_shows_no_link_again(client, vacancy):
    key = open_form(client)
    token = link_on(client.post(URL, data=form_data() | {"submission_key": key}))
    clock.move_to(clock.utcnow() + timedelta(minutes=61))
    res = client.post(URL, data=form_data() | {"submission_key": key})
    html = res.get_data(as_text=True)
    assert res.status_code == 200 and "/s/" not in html
    assert "Je hebt al gesolliciteerd" in html
    assert rows() == 1
    assert works(client, token)


def test_the_sealed_link_is_forgotten_after_an_hour(client, vacancy, db_session):
    key = open_form(client)
    client.post(URL, data=form_data() | {"submission_key": key})
    assert forget_submission_seals(clock.utcnow()) == 0
    assert db.session.scalar(select(Application.submission_seal)) is not None
    assert forget_submission_seals(clock.utcnow() + timedelta(minutes=61)) == 1
    db_session.commit()
    db.session.expire_all()
    assert db.session.scalar(select(Application.submission_seal)) is None
    # and nothing in the database holds the plain token at any time
    token = link_on(client.post("/v/ABC234/ZDM/solliciteren", data=form_data(phone="0611111111")))
    db.session.expire_all()
    for row in db.session.scalars(select(Application)):
        assert token not in (row.submission_seal or "") and token != row.status_token_hash
