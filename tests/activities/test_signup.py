"""Residents sign up from the activity's page (the QR target): a place while there is one,
then the waiting list; "I can't come" frees the place for the first who waits, at once."""
from __future__ import annotations

from sqlalchemy import func, select

from portal.activities.models import SeatPool, SignUp, SignUpStatus
from portal.clock import move_to, utcnow
from portal.notifications.models import OutboxMessage
from tests.activities.conftest import link_of, post_signup, signup_form


def _statuses(db_session, activity):
    db_session.expire_all()
    return [s.status for s in db_session.scalars(
        select(SignUp).where(SignUp.activity_id == activity.id).order_by(SignUp.id))]


def test_the_page_shows_the_activity_and_its_form(client, build):
    activity = build(capacity=20)
    res = client.get(f"/a/{activity.code}?lang=ti")
    assert res.status_code == 200
    html = res.text
    assert '<html lang="ti"' in html and activity.title in html
    assert 'name="phone"' in html and 'name="name_latin"' in html
    assert "<script" not in html
    # The uppercase twin of the QR code answers too.
    assert client.get(f"/A/{activity.code}").status_code == 200


def test_sign_up_gives_a_place_and_a_private_link(client, build, db_session):
    activity = build(capacity=2)
    res = post_signup(client, activity, signup_form(email="samira@example.org"), lang="ar")
    assert res.status_code == 200, res.text
    token = link_of(res.text)
    db_session.expire_all()
    signup = db_session.scalar(select(SignUp))
    assert signup.status == SignUpStatus.confirmed and signup.ui_language == "ar"
    assert signup.token_hash != token  # only its hash is kept
    assert db_session.get(SeatPool, signup.pool_id).taken == 1
    page = client.get(f"/t/{token}")
    assert page.status_code == 200 and activity.title in page.text
    assert page.headers["Cache-Control"] == "no-store"
    mail = db_session.scalar(select(OutboxMessage))
    assert mail.about == signup.outbox_key and mail.resident
    assert f"/t/{token}" in mail.body


def test_the_third_waits_and_moves_up_when_someone_cannot_come(client, build, db_session):
    activity = build(capacity=2)
    links = [link_of(post_signup(client, activity, signup_form()).text) for _ in range(3)]
    assert _statuses(db_session, activity) == [SignUpStatus.confirmed, SignUpStatus.confirmed,
                                               SignUpStatus.waiting]
    assert "nummer 1" in client.get(f"/t/{links[2]}").text
    res = client.post(f"/t/{links[0]}/afmelden")
    assert res.status_code == 303
    assert _statuses(db_session, activity) == [SignUpStatus.cancelled, SignUpStatus.confirmed,
                                               SignUpStatus.confirmed]
    assert db_session.scalar(select(SeatPool.taken)) == 2


def test_double_sign_up_with_one_phone_is_refused_kindly(client, build, db_session):
    activity = build(capacity=5)
    data = signup_form()
    post_signup(client, activity, data)
    again = post_signup(client, activity, dict(data, name="Someone else"))
    assert again.status_code == 200
    assert "/t/" not in again.text  # the first link is not shown to whoever knows the number
    assert db_session.scalar(select(func.count()).select_from(SignUp)) == 1


def test_a_name_in_another_script_needs_the_latin_spelling(client, build, db_session):
    activity = build()
    res = post_signup(client, activity, signup_form(name="سميرة حداد"), lang="ar")
    assert res.status_code == 422
    assert db_session.scalar(select(func.count()).select_from(SignUp)) == 0
    res = post_signup(client, activity, signup_form(name="سميرة حداد", name_latin="Samira Haddad"),
                      lang="ar")
    assert res.status_code == 200


def test_past_and_cancelled_activities_answer_kindly(client, build, db_session, world):
    activity = build()
    move_to(activity.sessions[0].starts_at)  # the first part has begun: too late
    res = client.get(f"/a/{activity.code}")
    assert res.status_code == 200 and 'name="phone"' not in res.text
    move_to(None)
    from portal.activities import services

    services.cancel(activity, actor=world.coordinator)
    db_session.commit()
    res = post_signup(client, activity, signup_form())
    assert res.status_code == 200 and 'name="phone"' not in res.text
    assert db_session.scalar(select(func.count()).select_from(SignUp)) == 0
    assert client.get("/a/NOPE99").status_code == 404


def test_cancelling_the_activity_tells_everyone_signed_up(client, build, db_session, world, login):
    activity = build(capacity=1)
    post_signup(client, activity, signup_form(email="a@example.org"))
    post_signup(client, activity, signup_form(email="b@example.org"))  # waiting
    post_signup(client, activity, signup_form())  # no email, no sms provider: to be called
    before = db_session.scalar(select(func.count()).select_from(OutboxMessage))
    login(world.coordinator)
    res = client.post(f"/activiteiten/{activity.id}/annuleren", data={"confirm": "y"})
    assert res.status_code == 302
    assert set(_statuses(db_session, activity)) == {SignUpStatus.cancelled}
    told = db_session.scalars(select(OutboxMessage).where(OutboxMessage.id > before)).all()
    assert sorted(m.to_addr for m in told) == ["a@example.org", "b@example.org"]
    page = client.get(f"/activiteiten/{activity.id}").text
    assert "bellen" in page


def test_erase_via_the_link_frees_the_place_and_leaves_counts_only(client, build, db_session):
    activity = build(capacity=1)
    first = link_of(post_signup(client, activity, signup_form(name="Amina Yusuf",
                                                              email="amina@example.org")).text)
    post_signup(client, activity, signup_form(name="Yonas Tesfay"))
    assert client.get(f"/t/{first}/wissen").status_code == 200
    res = client.post(f"/t/{first}/wissen")
    assert res.status_code == 200
    assert client.get(f"/t/{first}").status_code == 404
    names = [s.name for s in db_session.scalars(select(SignUp))]
    assert names == ["Yonas Tesfay"]
    assert _statuses(db_session, activity) == [SignUpStatus.confirmed]  # moved up
    assert all("Amina" not in (m.body or "") and m.to_addr != "amina@example.org"
               for m in db_session.scalars(select(OutboxMessage)))
    assert activity.counts.signed_up == 1 and activity.counts.cancelled == 1
    assert utcnow()
