"""The README's production set-up, run for real (issue 17): nginx with the shipped site config
in front of two gunicorn instances (shipped config, two sync workers each) on a fresh PostgreSQL
database, rate limits in Redis. Marked `scaleout`: left out of `make test`, run once by .ci/run
(where it may not skip). The tests share one cluster and run in file order; the last one kills
an instance."""
from __future__ import annotations

import re
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import date

import pytest
import redis
from sqlalchemy import func, select, text

from portal import create_app, db
from portal.applicants.models import Application
from portal.notifications.models import OutboxMessage
from portal.vacancies.models import MinimumWage
from tests.conftest import PG_URL, require_or_skip
from tests.deploy.cluster import Cluster, have
from tests.deploy.conftest import get
from tests.factories import PASSWORD, Factory

pytestmark = pytest.mark.scaleout

# The server of the PostgreSQL test run (CI), a database of our own on it.
PG_SERVER = (PG_URL or "postgresql://postgres@127.0.0.1:5432/test").rsplit("/", 1)[0] + "/postgres"
REDIS_URL = "redis://127.0.0.1:6379/9"
SIGN_IN_LIMIT = 10  # per address per minute (portal/accounts/limits.py IP_LIMIT)
FORM = ("csrf_token", "submission_key")
LINK = re.compile(r"/s/([\w-]{20,})")


def _reachable_redis() -> bool:
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.RedisError:
        return False


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, smtp_server):
    require_or_skip(have("nginx"), "nginx is needed (apt-get install nginx)")
    require_or_skip(_reachable_redis(), f"Redis is needed at {REDIS_URL}")
    redis.Redis.from_url(REDIS_URL).flushdb()
    try:
        made = Cluster(tmp_path_factory.mktemp("scaleout"), PG_SERVER, REDIS_URL, smtp_server.port_number)
    except Exception as exc:  # noqa: BLE001 - PostgreSQL missing: skip outside CI, fail in it
        output = getattr(exc, "stderr", None) or b""
        output = output.decode(errors="replace") if isinstance(output, bytes) else output
        require_or_skip(False, f"the cluster did not start: {type(exc).__name__}: {exc} {output[-1500:]}")
    control = create_app({"ENV": "testing", "SECRET_KEY": "control", "DATABASE_URL": made.database_url,
                          "MAIL_SERVER": "127.0.0.1", "BASE_URL": "https://werk.example.nl"})
    with control.app_context():
        make = Factory()
        made.location = make.location(code="SCO")
        made.member = make.user(organisation=make.organisation(name="Bakkerij Schaal"))
        db.session.add(MinimumWage(valid_from=date(2020, 1, 1), cents_per_hour=1400))
        made.vacancies = [make.vacancy(organisation=made.member.organisation, locations=[made.location])
                          for _ in range(4)]
        made.edited = make.vacancy(organisation=made.member.organisation, locations=[made.location])
        db.session.commit()
        yield made
        made.stop()
    control.extensions["db_engine"].dispose()
    made.drop_database(PG_SERVER)


def count(cluster, statement) -> int:
    with db.engine().connect() as conn:
        return conn.execute(statement).scalar_one()


def answers(cluster, i: int, vacancy, email: bool = True) -> dict:
    return {"name": f"Bewoner {i}", "phone": f"+3161{i:07d}", "residence_status": "status_holder",
            "azc_location": str(cluster.location.id), "lang1": "ar", "level1": "good",
            "email": f"bewoner{i}@example.nl" if email else ""}


def apply_path(vacancy) -> str:
    return f"/v/{vacancy.code}/SCO/solliciteren"


def test_a_signed_in_session_survives_alternating_instances(cluster):
    browser = cluster.browser("198.51.100.20")
    browser.sign_in(cluster.member.email, PASSWORD)
    for _ in range(8):
        status, html = browser.request("/vacatures/")
        assert status == 200 and cluster.vacancies[0].title in html  # its own vacancies
    answered_by = cluster.nginx.upstreams("/vacatures/")
    assert len(set(answered_by)) == 2, answered_by  # both instances saw the same session
    token = re.search(r'name="csrf_token" value="([^"]+)"', browser.request("/vacatures/")[1]).group(1)
    status, _html = browser.request("/uitloggen", {"csrf_token": token})
    assert status == 302
    assert all(browser.request("/vacatures/")[0] == 302 for _ in range(4))  # signed out everywhere


def test_limits_follow_x_forwarded_for_and_are_shared_by_both_instances(cluster):
    guesser, other = cluster.browser("203.0.113.10"), cluster.browser("203.0.113.11")
    token = guesser.csrf("/inloggen")
    before = len(cluster.nginx.upstreams("/inloggen"))
    statuses = [guesser.request("/inloggen", {"email": f"gok{i}@example.nl", "password": "fout",
                                              "csrf_token": token})[0]
                for i in range(SIGN_IN_LIMIT + 1)]
    # Four workers in two instances: counted per worker, ten would become forty.
    assert statuses == [200] * SIGN_IN_LIMIT + [429]
    assert len(set(cluster.nginx.upstreams("/inloggen")[before:])) == 2
    # Another client (same nginx, same balancer) is not affected.
    assert other.request("/inloggen", {"email": "ander@example.nl", "password": "fout",
                                       "csrf_token": other.csrf("/inloggen")})[0] == 200


def _apply(cluster, i: int, address: str) -> tuple[int, str]:
    browser = cluster.browser(address)
    vacancy = cluster.vacancies[i % len(cluster.vacancies)]
    data = answers(cluster, i, vacancy) | browser.hidden_fields(apply_path(vacancy), *FORM)
    return browser.request(apply_path(vacancy), data)


def test_200_concurrent_applications_from_50_addresses_all_stored(cluster):
    with ThreadPoolExecutor(max_workers=50) as pool:
        results = list(pool.map(lambda i: _apply(cluster, i, f"10.1.0.{i % 50 + 1}"), range(200)))
    assert Counter(status for status, _html in results) == {200: 200}
    assert all(LINK.search(html) for _status, html in results)
    assert count(cluster, select(func.count()).select_from(Application)) == 200
    assert len(set(cluster.nginx.upstreams(apply_path(cluster.vacancies[0])))) == 2


def test_an_edit_on_one_instance_shows_on_the_other_at_once(cluster):
    vacancy = cluster.edited  # its own: the test closes it
    direct = [f"{instance.url}/v/{vacancy.code}/SCO" for instance in cluster.instances]
    for url in direct * 4:  # every worker of both instances has the page in its cache
        page = get(url)[1]
        assert vacancy.title in page and "/solliciteren" in page
    browser = cluster.browser("198.51.100.21")
    browser.sign_in(cluster.member.email, PASSWORD)
    path = f"/vacatures/{vacancy.id}/bewerken"
    form = form_values(browser.request(path)[1], "title")
    form["title"] = "Broodbakker (nieuw)"
    status, html = browser.request(path, form)
    assert status == 302, re.findall(r'class="field-error"[^>]*>([^<]+)', html)
    for url in direct * 4:
        page = get(url)[1]
        assert "Broodbakker (nieuw)" in page and vacancy.title not in page
    # Closed on one instance: no worker of either shows the apply button any more.
    path = f"/vacatures/{vacancy.id}/sluiten"
    token = browser.csrf(path)
    assert browser.request(path, {"outcome": "withdrawn", "csrf_token": token})[0] == 302
    for url in direct * 4:
        assert "/solliciteren" not in get(url)[1]


def form_values(html: str, field: str) -> dict[str, list[str]]:
    """What a browser sends for the form that has `field`: inputs, checked boxes, selected
    options, text areas."""
    form = next(f for f in re.findall(r"<form.*?</form>", html, re.S) if f'name="{field}"' in f)
    values: dict[str, list[str]] = {}
    for tag in re.findall(r"<input[^>]*>", form):
        name, kind = re.search(r'name="([^"]+)"', tag), re.search(r'type="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if not name or (kind and kind.group(1) in ("checkbox", "radio") and "checked" not in tag):
            continue
        if kind and kind.group(1) == "submit":
            continue
        values.setdefault(name.group(1), []).append(unescape(value.group(1)) if value else "")
    for name, body in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S):
        values[name] = [unescape(body.lstrip("\n"))]
    for name, body in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        chosen = re.findall(r'<option[^>]*selected[^>]*value="([^"]*)"|<option value="([^"]*)"[^>]*selected',
                            body)
        values[name] = [a or b for a, b in chosen] or values.get(name, [])
    return values


def unescape(value: str) -> str:
    import html

    return html.unescape(value)


def test_two_ticks_at_once_send_every_mail_exactly_once(cluster, smtp_server):
    smtp_server.messages.clear()
    pending = count(cluster, select(func.count()).select_from(OutboxMessage)
                    .where(OutboxMessage.sent_at.is_(None)))
    assert pending >= 200  # one status link per application, and the employers' digests
    ticks = [cluster.tick() for _ in range(2)]
    outputs = [t.communicate(timeout=300)[0] for t in ticks]
    assert [t.returncode for t in ticks] == [0, 0], outputs
    for _ in range(10):  # a tick sends at most 200; the rest goes with the next ones
        if not count(cluster, select(func.count()).select_from(OutboxMessage)
                     .where(OutboxMessage.sent_at.is_(None), OutboxMessage.failed_at.is_(None))):
            break
        assert cluster.tick().communicate(timeout=300)[0] is not None
    received = Counter((m["To"], m["Subject"]) for m in smtp_server.messages)
    sent = count(cluster, select(func.count()).select_from(OutboxMessage)
                 .where(OutboxMessage.sent_at.is_not(None)))
    assert max(received.values()) == 1  # none twice
    assert sum(received.values()) == sent >= pending  # none lost (the ticks' own digests too)
    residents = [to for to, _subject in received if to.startswith("bewoner")]
    assert len(residents) == 200


def test_killing_an_instance_mid_run_loses_no_answered_application(cluster):
    """100 residents apply while one instance is killed (SIGKILL: a crashed host). An error
    answer makes the resident send the same form again; nothing answered is lost, nothing is
    stored twice, and a resend of an answered form shows the same link."""
    start = time.monotonic()

    def resident(i: int) -> tuple[int, int, str, object, dict]:
        browser = cluster.browser(f"10.2.0.{i % 25 + 1}")
        vacancy = cluster.vacancies[i % len(cluster.vacancies)]
        fields: dict = {}
        for _attempt in range(5):  # the form page itself may meet the dying instance
            try:
                fields = browser.hidden_fields(apply_path(vacancy), *FORM)
                break
            except (OSError, AttributeError):
                time.sleep(0.5)
        assert fields, "the form page never came"
        data = answers(cluster, 1000 + i, vacancy, email=False) | fields
        tries = 0
        while True:
            tries += 1
            try:
                status, html = browser.request(apply_path(vacancy), data)
            except OSError:
                status, html = 0, ""
            if status == 200 or tries == 5 or time.monotonic() - start > 240:
                return status, tries, html, browser, data
            time.sleep(0.5)

    with ThreadPoolExecutor(max_workers=25) as pool:
        futures = [pool.submit(resident, i) for i in range(100)]
        while sum(f.done() for f in futures) < 20 and time.monotonic() - start < 120:
            time.sleep(0.05)
        cluster.instances[1].kill()
        results = [f.result() for f in futures]

    assert Counter(status for status, *_rest in results) == {200: 100}
    phones = [data["phone"] for *_r, data in results]
    with db.engine().connect() as conn:
        stored = conn.execute(select(Application.phone).where(Application.phone.in_(phones))).scalars().all()
    assert sorted(stored) == sorted(phones)  # every one once
    # A resend of answered forms (same browser, same form): the same link, no new row.
    for _status, _tries, html, browser, data in results[:10]:
        again_status, again = browser.request(apply_path_of(cluster, data), data)
        assert again_status == 200 and LINK.search(again).group(1) == LINK.search(html).group(1)
    assert count(cluster, select(func.count()).select_from(Application)) == 300
    with db.engine().connect() as conn:
        assert conn.execute(text("SELECT 1")).scalar_one() == 1


def apply_path_of(cluster, data: dict) -> str:
    i = int(data["name"].split()[-1])
    return apply_path(cluster.vacancies[i % len(cluster.vacancies)])
