"""After "withdraw and erase" and after the retention purge, nothing of the resident is left in
any table: not in the application, not in the outbox (their status link, their name in a mail),
not anywhere a later feature may add. The scan reads every table the models know."""
from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import select

from portal import clock, db
from portal.accounts.models import Role
from portal.applicants.models import Application, Stage
from portal.applicants.services import move
from portal.db import Base
from portal.notifications.models import OutboxMessage
from portal.vacancies.models import VacancyStatus
from tests.apply.conftest import form_data

URL = "/v/ABC234/ZDM/solliciteren"
NAME, EMAIL = "Samira Haddad", "samira.haddad@example.org"
PHONE_TYPED, PHONE_STORED = "06 12345678", "+31612345678"


def _apply_and_get_mail(client, app, make, vacancy, azc, mails) -> tuple[Application, str]:
    """A resident applies with an e-mail address and gets the status link and a message from
    the employer by mail; one more message is still waiting in the outbox."""
    res = client.post(URL, data=form_data(name=NAME, phone=PHONE_TYPED, email=EMAIL,
                                          azc_location=str(azc.id)))
    assert res.status_code == 200
    token = re.search(r"https://werk\.example\.nl/s/([\w-]+)", res.get_data(as_text=True)).group(1)
    application = db.session.scalar(select(Application))
    recruiter = make.user(Role.member, organisation=vacancy.organisation)
    move(application, Stage.contacted, actor=recruiter, message=f"Hallo {NAME}, bel ons terug.")
    db.session.commit()
    assert app.test_cli_runner().invoke(args=["portal", "tick"]).exit_code == 0
    # the scan below must be able to find what it looks for: the mail did hold it
    received = " ".join(m.get_content() for m in mails if m["To"] == EMAIL)
    assert token in received and NAME in received
    move(application, Stage.tour, actor=recruiter, message=f"{NAME}, de rondleiding is dinsdag.")
    db.session.commit()  # this one is still waiting when the data goes
    return application, token


def _everything_stored() -> str:
    """Every row of every table, as text."""
    db.session.expire_all()
    dump = []
    with db.engine().connect() as conn:
        for table in Base.metadata.sorted_tables:
            dump.append(f"{table.name}: {conn.execute(select(table)).all()!r}")
    return "\n".join(dump)


def _assert_nothing_of_the_resident(token: str) -> None:
    stored = _everything_stored()
    for secret in ("Samira", "Haddad", EMAIL, "samira.haddad", PHONE_STORED, "612345678", token):
        hits = [line.split(":")[0] for line in stored.splitlines() if secret in line]
        assert not hits, f"{secret!r} still stored in {hits}"


def test_withdraw_and_erase_leaves_nothing_in_any_table(client, app, make, vacancy, azc, mails):
    application, token = _apply_and_get_mail(client, app, make, vacancy, azc, mails)
    before = _everything_stored()
    assert EMAIL in before and NAME in before  # in the application and the waiting mail

    assert client.post(f"/s/{token}/wissen").status_code == 303

    _assert_nothing_of_the_resident(token)
    db.session.expire_all()
    assert db.session.get(Application, application.id).erased_at is not None
    mails.clear()
    app.test_cli_runner().invoke(args=["portal", "tick"])
    assert mails == []  # the waiting message was erased, not sent


def test_retention_purge_leaves_nothing_in_any_table(client, app, make, vacancy, azc, mails):
    application, token = _apply_and_get_mail(client, app, make, vacancy, azc, mails)
    vacancy.status, vacancy.closed_at = VacancyStatus.closed, clock.utcnow()
    db.session.commit()
    clock.move_to(clock.utcnow() + timedelta(weeks=4, hours=1))
    mails.clear()

    result = app.test_cli_runner().invoke(args=["portal", "tick"])

    assert "applications purged: 1" in result.output, result.output
    _assert_nothing_of_the_resident(token)
    assert mails == []  # the waiting message was erased by the purge, not sent


def test_resident_mail_is_blanked_once_sent_staff_mail_is_kept(client, app, make, vacancy, azc,
                                                              mails):
    _application, token = _apply_and_get_mail(client, app, make, vacancy, azc, mails)
    handled = db.session.scalars(select(OutboxMessage).where(OutboxMessage.sent_at.is_not(None))).all()
    to_resident = [m for m in handled if m.resident]
    assert len(to_resident) == 2  # the status link and the employer's message
    for msg in to_resident:  # dedupe and statistics keep working on what is left
        assert (msg.to_addr, msg.subject, msg.body) == ("", "", "")
        assert msg.kind and msg.sent_at and msg.about == f"application:{_application.id}"
    staff = [m for m in handled if not m.resident]
    assert staff and all(m.to_addr and m.body for m in staff)  # the recruiters' digest
    waiting = db.session.scalar(select(OutboxMessage).where(OutboxMessage.sent_at.is_(None)))
    assert waiting.to_addr == EMAIL  # not sent yet: still needed to send it


def _placement_naming_the_resident(make, application):
    """The employer's end and TWV notes and the aftercare comments name the resident."""
    placement = make.placement(application, end_note=f"{NAME} stopte zelf.",
                               cancel_note=f"UWV gebeld over {NAME}, tel {PHONE_STORED}.")
    db.session.flush()
    make.aftercare_check(placement, comment=f"Gaat goed met {NAME}.",
                         follow_up_note=f"{NAME} teruggebeld op {PHONE_STORED}.")
    db.session.commit()
    return placement


def test_erase_also_blanks_placement_and_aftercare_notes(client, app, make, vacancy, azc, mails):
    application, token = _apply_and_get_mail(client, app, make, vacancy, azc, mails)
    placement = _placement_naming_the_resident(make, application)
    assert "Haddad stopte zelf" in _everything_stored()  # the scan can see it

    assert client.post(f"/s/{token}/wissen").status_code == 303

    _assert_nothing_of_the_resident(token)
    db.session.expire_all()
    kept = db.session.get(type(placement), placement.id)
    assert kept.start_date and kept.hours_per_week  # the facts for figures stay


def test_retention_purge_also_blanks_placement_notes(client, app, make, vacancy, azc, mails):
    application, token = _apply_and_get_mail(client, app, make, vacancy, azc, mails)
    _placement_naming_the_resident(make, application)
    vacancy.status, vacancy.closed_at = VacancyStatus.closed, clock.utcnow()
    db.session.commit()
    clock.move_to(clock.utcnow() + timedelta(weeks=4, hours=1))

    result = app.test_cli_runner().invoke(args=["portal", "tick"])

    assert "applications purged: 1" in result.output, result.output
    _assert_nothing_of_the_resident(token)
