"""Time-driven work: the hourly digest and the retention purge."""
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from portal import clock, db
from portal.accounts.models import Role
from portal.applicants.models import Application
from portal.apply.housekeeping import purge_expired, queue_digests
from portal.notifications.services import send_pending
from portal.vacancies.models import VacancyStatus

T0 = datetime(2026, 3, 2, 9, 10, tzinfo=UTC)


def test_digest_one_mail_per_org_per_hour_without_personal_data(make, db_session, mails):
    org = make.organisation()
    other_org = make.organisation()
    a = make.user(Role.member, organisation=org, email="a@bakkerij.nl")
    b = make.user(Role.member, organisation=org, email="b@bakkerij.nl")
    make.user(Role.member, organisation=other_org, email="c@ander.nl")
    v1 = make.vacancy(org, code="DIG111", title="Bakker")
    v2 = make.vacancy(org, code="DIG222", title="Verkoper")
    make.application(v1, name="Samira Haddad", phone="+31612345678", created_at=T0)
    make.application(v1, name="Yonas Berhe", phone="+31687654321", created_at=T0)
    make.application(v2, name="Omar Khalil", phone="+31611112222", created_at=T0)
    db_session.commit()

    assert queue_digests(T0 + timedelta(minutes=5)) == 2  # both members of org, nobody else
    db_session.commit()
    send_pending()
    assert sorted(m["To"] for m in mails) == [a.email, b.email]
    body = mails[0].get_content()
    assert "Bakker (DIG111): 2 nieuw" in body and "Verkoper (DIG222): 1 nieuw" in body
    assert "https://werk.example.nl/" in body  # a link to the applicants page
    for secret in ("Samira", "Yonas", "Omar", "612345678", "687654321", "611112222"):
        assert secret not in body and secret not in mails[0]["Subject"]

    # a new application within the hour waits; nothing is sent twice
    make.application(v2, created_at=T0 + timedelta(minutes=20))
    db_session.commit()
    assert queue_digests(T0 + timedelta(minutes=30)) == 0
    assert queue_digests(T0 + timedelta(minutes=30)) == 0
    # an hour later it is reported, with only the new one counted
    assert queue_digests(T0 + timedelta(minutes=70)) == 2
    db_session.commit()
    mails.clear()
    send_pending()
    assert "Verkoper (DIG222): 1 nieuw" in mails[0].get_content()
    assert "Bakker" not in mails[0].get_content()
    # nothing new: no mail
    assert queue_digests(T0 + timedelta(hours=3)) == 0


def _closed_vacancy(make, closed_at):
    return make.vacancy(status=VacancyStatus.closed, closed_at=closed_at)


def test_purge_after_four_weeks_not_before_and_idempotent(make, db_session):
    closed_at = T0
    v = _closed_vacancy(make, closed_at)
    app = make.application(v, email="x@example.org", experience="bakker", availability="altijd")
    open_vac = make.vacancy()
    fresh = make.application(open_vac)
    db_session.commit()

    clock.move_to(closed_at + timedelta(weeks=4) - timedelta(minutes=1))
    assert purge_expired(clock.utcnow()) == 0
    clock.move_to(closed_at + timedelta(weeks=4, minutes=1))
    assert purge_expired(clock.utcnow()) == 1
    db_session.commit()
    assert purge_expired(clock.utcnow()) == 0  # idempotent

    db.session.expire_all()
    row = db.session.get(Application, app.id)
    assert (row.name, row.phone, row.email, row.languages, row.experience, row.availability) == \
        (None, None, None, None, None, None)
    assert row.erased_at is not None
    assert row.stage is not None and row.residence_status is not None  # anonymous counts
    assert db.session.get(Application, fresh.id).name is not None  # open vacancy: kept


def test_purge_uses_closing_date_when_no_close_moment(make, db_session):
    v = make.vacancy(status=VacancyStatus.expired, closed_at=None,
                     closing_date=T0.date())
    app = make.application(v)
    db_session.commit()
    assert purge_expired(T0 + timedelta(weeks=4)) == 0
    assert purge_expired(T0 + timedelta(weeks=4, days=2)) == 1
    assert db.session.get(Application, app.id).name is None


def test_purge_honours_one_year_consent(make, db_session):
    v = _closed_vacancy(make, T0)
    keep = make.application(v, keep_one_year=True, consent_at=T0 - timedelta(days=10))
    db_session.commit()
    assert purge_expired(T0 + timedelta(weeks=5)) == 0
    assert purge_expired(T0 + timedelta(days=354)) == 0
    assert purge_expired(T0 + timedelta(days=356)) == 1
    assert db.session.get(Application, keep.id).erased_at is not None
    assert db.session.scalar(select(Application.name)) is None


def test_demo_seed_adds_applications_in_several_stages(make, azc, db_session):
    from portal.apply import demo

    org = make.organisation()
    make.vacancy(org, locations=[azc])
    demo.seed({"employer": org})
    apps = db.session.scalars(select(Application)).all()
    assert len(apps) >= 3
    assert {a.ui_language for a in apps} >= {"ar", "ti"}
    assert len({a.stage for a in apps}) >= 3
    assert all(a.events for a in apps)
    demo.seed({"employer": make.organisation()})  # no vacancies: nothing, no error
