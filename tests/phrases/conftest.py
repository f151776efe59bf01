import socket

import pytest

from portal.phrases.models import Phrase
from portal.phrases.services import set_selection, sync_curated
from tests.apply import conftest as resident_fixtures
from tests.phrases.libretranslate import FakeLibreTranslate
from tests.vacancies import conftest as vacancy_fixtures

azc = resident_fixtures.azc  # the azc ZDM and vacancy ABC234 of the resident-page tests
vacancy = resident_fixtures.vacancy
wages = vacancy_fixtures.wages  # the minimum-wage rows publishing checks


@pytest.fixture
def phrasebook(db_session):
    sync_curated()
    db_session.commit()
    return {p.key: p for p in db_session.query(Phrase)}


@pytest.fixture
def member(make, db_session, vacancy):
    user = make.user(organisation=vacancy.organisation)
    db_session.commit()
    return user


@pytest.fixture
def libretranslate(app):
    """The fake LibreTranslate server, switched on in the app's settings."""
    server = FakeLibreTranslate(key="test-key")
    app.config.update(TRANSLATE_URL=server.url, TRANSLATE_KEY="test-key", TRANSLATE_TIMEOUT=1,
                      TRANSLATE_INLINE_TIMEOUT=1)
    yield server
    server.stop()


@pytest.fixture
def nobody_listens(app):
    """Machine translation on, but nothing listens at the address (the server is down)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app.config.update(TRANSLATE_URL=f"http://127.0.0.1:{port}", TRANSLATE_TIMEOUT=1,
                      TRANSLATE_INLINE_TIMEOUT=1)


def tick(vacancy, phrasebook, *keys, numbers=None):
    """Tick phrases on a vacancy through the service (numbers: {key: n})."""
    numbers = numbers or {}
    chosen = {phrasebook[k].id: numbers.get(k) for k in keys}
    set_selection(vacancy, chosen, set(chosen))


PHRASE_BUILT = ("role.cleaner", "task.clean_offices", "task.clean_toilets", "time.early",
                "time.start_at", "work.standing", "work.lifting", "work.team", "offer.shoes",
                "offer.clothes", "offer.travel", "offer.training", "need.no_experience",
                "need.vca")
NUMBERS = {"time.start_at": 6, "work.lifting": 15, "work.team": 8}


@pytest.fixture
def phrase_built(make, azc, phrasebook, db_session):
    """A vacancy whose employer wrote no summary: a Dutch title and phrases only."""
    v = make.vacancy(locations=[azc], code="PHR234", title="Schoonmaker kantoren", summary="",
                     hours_min=20, hours_max=32, wage_min_cents=1500, tour_offered=True,
                     organisation=make.organisation(name="Schoon BV"))
    tick(v, phrasebook, *PHRASE_BUILT, numbers=NUMBERS)
    db_session.commit()
    return v
