"""Minimum data, kept as long as needed: sign-ups are erased 4 weeks after the last session
(a year after consent for those who asked), or at once through the private link. Afterwards
no table holds the name, phone number, address or link; the figures stay (counts only)."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from portal import db, ticker
from portal.activities import attendance, queries
from portal.activities import signup as signups
from portal.activities.models import SignUp
from portal.clock import move_to, utcnow
from portal.db import Base

NAME, LATIN, PHONE, EMAIL = "ሰላም ተስፋይ", "Selam Tesfay", "+31687654321", "selam@example.org"


def _everything_stored() -> str:
    db.session.expire_all()
    with db.engine().connect() as conn:
        return "\n".join(f"{t.name}: {conn.execute(select(t)).all()!r}"
                         for t in Base.metadata.sorted_tables)


def _assert_gone(*secrets: str) -> None:
    stored = _everything_stored()
    for secret in secrets:
        hits = [line.split(":")[0] for line in stored.splitlines() if secret in line]
        assert not hits, f"{secret!r} still stored in {hits}"


def _sign_up(activity, name=NAME, phone=PHONE, email=EMAIL, keep=False):
    result = signups.sign_up(activity, activity.pools[0], signups.SignUpData(
        name=name, name_latin=LATIN if name == NAME else None, phone=phone, email=email,
        language="ti", keep_longer=keep), ui_language="ti")
    db.session.commit()
    return result


def _tick() -> None:
    ticker.run(utcnow(), lambda *args, **kwargs: None)


def test_erasing_through_the_link_leaves_nothing_of_the_resident(client, build):
    activity = build()
    result = _sign_up(activity)
    stored = _everything_stored()
    assert NAME in stored and EMAIL in stored  # in the sign-up and its confirmation mail
    secrets = (NAME, LATIN, PHONE, "687654321", EMAIL, result.token, result.signup.token_hash,
               result.signup.link_nonce)
    assert client.post(f"/t/{result.token}/wissen").status_code == 200
    _assert_gone(*secrets)


def test_the_purge_erases_four_weeks_after_the_last_session_and_keeps_the_counts(build, world):
    activity = build(capacity=2)
    came = _sign_up(activity, name="Amina Yusuf", phone="+31611111111", email=None)
    absent = _sign_up(activity, name="Yonas Kidane", phone="+31622222222", email=None)
    waiting = _sign_up(activity, name="Dawit Haile", phone="+31633333333", email=None)
    kept = _sign_up(activity, name="Lina Omar", phone="+31644444444", email=None, keep=True)
    move_to(activity.sessions[0].starts_at)
    attendance.record_marks(activity, activity.sessions[0],
                            {came.signup.id: "attended", absent.signup.id: "no_show"},
                            actor=world.coordinator)
    db.session.commit()
    before = queries.figures_by_activity([activity.id])[activity.id]
    assert (before.signed_up, before.came, before.no_show, before.waiting) == (4, 1, 1, 2)

    move_to(activity.last_end + timedelta(weeks=4) - timedelta(hours=1))
    _tick()
    assert len(db.session.scalars(select(SignUp)).all()) == 4  # not yet
    move_to(activity.last_end + timedelta(weeks=4, hours=1))
    _tick()
    db.session.expire_all()
    assert [s.name for s in db.session.scalars(select(SignUp))] == ["Lina Omar"]  # consented
    _assert_gone("Amina", "Yonas", "Dawit", "+31611111111", "+31622222222", "+31633333333",
                 waiting.signup.token_hash)
    after = queries.figures_by_activity([activity.id])[activity.id]
    assert (after.signed_up, after.came, after.no_show, after.waited) == \
        (before.signed_up, before.came, before.no_show, before.waited)
    move_to(kept.signup.consent_at + timedelta(days=366))
    _tick()
    _assert_gone("Lina Omar", "+31644444444")
    assert queries.figures_by_activity([activity.id])[activity.id].signed_up == 4
