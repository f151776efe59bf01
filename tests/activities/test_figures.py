"""The adviser's dashboard shows per activity and per azc who signed up, came, did not come
(and the no-show share), cancelled in time and waited; the numbers survive the purge."""
from __future__ import annotations

import csv
import io
from datetime import timedelta

from portal import db, ticker
from portal.activities import attendance
from portal.activities import signup as signups
from portal.clock import move_to, utcnow


def _people(activity, n):
    out = []
    for i in range(n):
        out.append(signups.sign_up(activity, activity.pools[0], signups.SignUpData(
            name=f"Bewoner {i}", phone=f"+3164{i:07d}", language="ar"), ui_language="ar").signup)
    db.session.commit()
    return out


def _csv(client, table: str, **args) -> list[list[str]]:
    res = client.get("/adviseur/cijfers", query_string={"format": "csv", "table": table, **args})
    assert res.status_code == 200
    return list(csv.reader(io.StringIO(res.get_data(as_text=True).lstrip("\ufeff")), delimiter=";"))


def test_no_shows_show_on_the_dashboard_and_survive_the_purge(client, world, build, login):
    activity = build(capacity=4, title="Werken in Nederland")
    people = _people(activity, 6)  # 4 places, 2 waiting
    signups.cancel(people[3])  # in time: the first who waits moves up
    db.session.commit()
    move_to(activity.sessions[0].starts_at)
    attendance.record_marks(activity, activity.sessions[0], {
        people[0].id: "attended", people[1].id: "attended", people[2].id: "no_show",
        people[4].id: "no_show"}, actor=world.coordinator)
    db.session.commit()
    login(world.adviser)
    period = {"start": (activity.sessions[0].local_start.date() - timedelta(days=3)).isoformat(),
              "end": (activity.sessions[0].local_start.date() + timedelta(days=3)).isoformat()}
    page = client.get("/adviseur/cijfers", query_string=period)
    assert page.status_code == 200
    assert "Trainingen en bijeenkomsten" in page.text
    header, *rows = _csv(client, "activities", **period)
    row = dict(zip(header, rows[0], strict=True))
    assert row["Aangemeld"] == "6" and row["Gekomen"] == "2" and row["Niet gekomen"] == "2"
    assert row["Niet gekomen (%)"] in ("50", "50.0", "50,0")
    assert row["Op tijd afgemeld"] == "1" and row["Op de wachtlijst gezet"] == "2"
    azc = dict(zip(*_csv(client, "activities_azc", **period)[:2], strict=True))
    assert azc["Azc"] == "azc Zaandam" and azc["Niet gekomen"] == "2"

    move_to(activity.last_end + timedelta(weeks=5))
    ticker.run(utcnow(), lambda *a, **k: None)
    after = dict(zip(*_csv(client, "activities", **period)[:2], strict=True))
    assert {k: after[k] for k in ("Aangemeld", "Gekomen", "Niet gekomen", "Op de wachtlijst gezet")} \
        == {k: row[k] for k in ("Aangemeld", "Gekomen", "Niet gekomen", "Op de wachtlijst gezet")}


def test_another_regions_adviser_does_not_see_these_figures(client, world, build, login):
    activity = build(title="Alleen Zaanstreek")
    _people(activity, 2)
    login(world.far_adviser)
    page = client.get("/adviseur/cijfers")
    assert page.status_code == 200 and "Alleen Zaanstreek" not in page.text
