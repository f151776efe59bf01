"""The inbox puts the longest-waiting question first and highlights those waiting more than
two working days (weekends do not count)."""
from __future__ import annotations

import re
from datetime import datetime

import pytest

from portal import clock
from portal.clock import AMS
from portal.questions.waiting import is_overdue, working_deadline
from tests.questions.helpers import ask, last_question


def ams(*args) -> datetime:
    return datetime(*args, tzinfo=AMS)


# 2026-03-05 is a Thursday.
@pytest.mark.parametrize("asked,deadline", [
    (ams(2026, 3, 2, 9, 0), ams(2026, 3, 4, 9, 0)),     # Monday -> Wednesday
    (ams(2026, 3, 5, 9, 0), ams(2026, 3, 9, 9, 0)),     # Thursday -> Monday
    (ams(2026, 3, 6, 16, 30), ams(2026, 3, 10, 16, 30)),  # Friday -> Tuesday
    (ams(2026, 3, 7, 12, 0), ams(2026, 3, 11, 0, 0)),   # Saturday: counts from Monday 00:00
    (ams(2026, 3, 8, 23, 0), ams(2026, 3, 11, 0, 0)),   # Sunday too
])
def test_working_deadline_skips_weekends(asked, deadline):
    assert working_deadline(asked) == deadline


def test_overdue_only_after_the_deadline():
    asked = ams(2026, 3, 6, 9, 0)  # Friday
    assert not is_overdue(asked, ams(2026, 3, 9, 9, 0))    # Monday: one working day
    assert not is_overdue(asked, ams(2026, 3, 10, 9, 0))   # Tuesday 09:00 exactly
    assert is_overdue(asked, ams(2026, 3, 10, 9, 1))
    assert not is_overdue(None, ams(2026, 3, 20, 9, 0))


def _rows(html: str) -> list[tuple[str, str]]:
    return re.findall(r'data-id="(\d+)" data-late="(yes|no)"', html)


def test_inbox_oldest_waiting_first_and_late_ones_highlighted(client, login, world):
    login(world["member"])
    clock.move_to(ams(2026, 3, 4, 9, 0))   # Wednesday, will be answered
    ask(client, subject="Al beantwoord")
    answered = last_question()
    clock.move_to(ams(2026, 3, 5, 9, 0))   # Thursday
    ask(client, subject="Donderdag")
    thursday = last_question()
    clock.move_to(ams(2026, 3, 6, 9, 0))   # Friday
    ask(client, subject="Vrijdag")
    friday = last_question()
    clock.move_to(ams(2026, 3, 7, 11, 0))  # Saturday
    ask(client, subject="Zaterdag")
    saturday = last_question()
    login(world["contact"])
    clock.move_to(ams(2026, 3, 5, 8, 0))
    client.post(f"/adviseur/vragen/{answered.id}/antwoord", data={"body": "Klaar."})

    clock.move_to(ams(2026, 3, 9, 10, 0))  # Monday 10:00
    html = client.get("/adviseur/vragen").get_data(as_text=True)
    assert _rows(html) == [(str(thursday.id), "yes"), (str(friday.id), "no"),
                           (str(saturday.id), "no"), (str(answered.id), "no")]
    assert html.count("Wacht te lang") == 1

    clock.move_to(ams(2026, 3, 10, 9, 30))  # Tuesday: Friday's question is now late too
    html = client.get("/adviseur/vragen").get_data(as_text=True)
    assert _rows(html)[:3] == [(str(thursday.id), "yes"), (str(friday.id), "yes"),
                               (str(saturday.id), "no")]

    clock.move_to(ams(2026, 3, 11, 0, 30))  # Wednesday night: Saturday's counted from Monday
    assert _rows(client.get("/adviseur/vragen").get_data(as_text=True))[2] == (
        str(saturday.id), "yes")


def test_answering_removes_the_highlight_and_moves_it_down(client, login, world):
    login(world["member"])
    clock.move_to(ams(2026, 3, 2, 9, 0))
    ask(client, subject="Oud")
    old = last_question()
    clock.move_to(ams(2026, 3, 3, 9, 0))
    ask(client, subject="Nieuwer")
    newer = last_question()
    clock.move_to(ams(2026, 3, 9, 9, 0))
    login(world["contact"])
    client.post(f"/adviseur/vragen/{old.id}/antwoord", data={"body": "Antwoord."})
    assert _rows(client.get("/adviseur/vragen").get_data(as_text=True)) == [
        (str(newer.id), "yes"), (str(old.id), "no")]


def test_mine_filter_shows_only_my_questions(client, login, world):
    login(world["member"])
    ask(client, subject="Eerste")
    first = last_question()
    ask(client, subject="Tweede")
    second = last_question()
    login(world["colleague"])
    client.post(f"/adviseur/vragen/{second.id}/overnemen")
    ids = [i for i, _late in _rows(client.get("/adviseur/vragen?filter=mine").get_data(as_text=True))]
    assert ids == [str(second.id)]
    assert str(first.id) in [i for i, _ in _rows(client.get("/adviseur/vragen").get_data(as_text=True))]
