"""A line break or other control character in a subject, name or address never stops the
outbox: headers are cleaned where mail is built, and a message that still cannot be sent is
marked failed with its reason while the others go out (to a real SMTP server, aiosmtpd)."""
from __future__ import annotations

from sqlalchemy import select

from portal import db
from portal.accounts.models import Role
from portal.notifications.models import OutboxMessage
from portal.notifications.services import queue
from portal.questions.services import ask


def _poisoned_row(to: str, subject: str) -> OutboxMessage:
    """Written straight to the table, as rows queued before headers were cleaned are."""
    msg = OutboxMessage(to_addr=to, subject=subject, body="Tekst")
    db.session.add(msg)
    db.session.flush()
    return msg


def test_a_poisoned_message_between_two_good_ones_stops_nothing(app, mails):
    queue("eerste@example.nl", "Eerste", "Tekst 1")
    bad = _poisoned_row("slachtoffer@example.nl\r\nBcc: dief@example.org", "Hallo\nBcc: dief@example.org")
    queue("tweede@example.nl", "Tweede", "Tekst 2")
    db.session.commit()

    result = app.test_cli_runner().invoke(args=["portal", "tick"])

    assert result.exit_code == 0, result.output
    assert sorted(m["Subject"] for m in mails) == ["Eerste", "Tweede"]
    assert sorted(m["To"] for m in mails) == ["eerste@example.nl", "tweede@example.nl"]
    assert all("dief" not in str(m) for m in mails)
    db.session.expire_all()
    bad = db.session.get(OutboxMessage, bad.id)
    assert bad.failed_at is not None and bad.sent_at is None
    assert bad.last_error == "invalid address"  # the reason, without the address
    mails.clear()
    again = app.test_cli_runner().invoke(args=["portal", "tick"])
    assert "mail sent: 0, failed: 0" in again.output and mails == []  # not retried forever


def test_a_line_break_in_a_question_subject_is_cleaned_not_fatal(app, make, mails):
    org = make.organisation()
    member = make.user(Role.member, organisation=org)
    adviser = make.user(Role.adviser, region=org.region, email="adviseur@example.nl")
    ask(org, member, "Vraag over\r\nBcc: dief@example.org TWV", "Hoe werkt de TWV?")
    queue("daarna@example.nl", "Daarna", "Tekst")
    db.session.commit()

    result = app.test_cli_runner().invoke(args=["portal", "tick"])

    assert result.exit_code == 0, result.output
    by_to = {m["To"]: m for m in mails}
    assert set(by_to) == {adviser.email, "daarna@example.nl"}
    subject = by_to[adviser.email]["Subject"]
    assert "\n" not in subject and "\r" not in subject
    assert "Vraag over Bcc: dief@example.org TWV" in subject  # text kept, header not injected
    assert by_to[adviser.email]["Bcc"] is None
    assert db.session.scalar(select(OutboxMessage.subject).where(OutboxMessage.to_addr == adviser.email)) \
        .count("\n") == 0


def test_names_with_control_characters_are_cleaned_in_every_header(app, mails):
    queue(" bewoner@example.nl\t", "Naam\u2028met\r\nregel\x00s\x1b en \u202ebidi\x85", "Tekst")
    nul = queue("nul\x00@example.nl", "Adres met een NUL", "Tekst\x00")  # stored on PostgreSQL too
    db.session.commit()
    app.test_cli_runner().invoke(args=["portal", "tick"])
    assert [m["Subject"] for m in mails] == ["Naam met regels en bidi"]
    db.session.expire_all()
    assert db.session.get(OutboxMessage, nul.id).last_error == "invalid address"
    assert mails[0]["To"] == "bewoner@example.nl"
