"""The QR landing page comes from a per-worker cache; it must still be the reader's language
and the vacancy's current text. And a draft shows nothing of itself."""
import pytest
from flask_babel import force_locale, gettext
from markupsafe import escape
from sqlalchemy import func, select

from portal import db
from portal.applicants.models import Application
from portal.apply import landing_cache
from tests.apply.conftest import form_data


@pytest.fixture(autouse=True)
def empty_cache():
    landing_cache.clear()
    yield
    landing_cache.clear()


@pytest.mark.parametrize("first, second", [("ar", "nl"), ("nl", "ar"), ("ti", "fa")])
def test_cache_serves_each_reader_their_own_language(client, vacancy, first, second):
    """Same URL, no ?lang=: the language comes from the phone (Accept-Language)."""
    for lang in (first, second, first):
        html = client.get("/v/ABC234/ZDM", headers={"Accept-Language": lang}).get_data(as_text=True)
        assert f'<html lang="{lang}"' in html, lang
        with force_locale(lang):
            assert str(escape(gettext("Solliciteer"))) in html


def test_cache_follows_the_language_cookie(app, vacancy):
    arabic, dutch = app.test_client(), app.test_client()
    arabic.get("/v/ABC234?lang=ar")  # chooses Arabic: the cookie keeps it
    assert '<html lang="ar"' in arabic.get("/v/ABC234").get_data(as_text=True)
    assert '<html lang="nl"' in dutch.get("/v/ABC234").get_data(as_text=True)
    assert '<html lang="ar"' in arabic.get("/v/ABC234").get_data(as_text=True)


def test_cache_shows_the_new_text_right_after_an_edit(client, vacancy, db_session):
    assert "Hulp in de bakkerij" in client.get("/v/ABC234/ZDM").get_data(as_text=True)
    assert "Hulp in de bakkerij" in client.get("/v/ABC234/ZDM").get_data(as_text=True)  # cached
    vacancy.title = "Broodbakker gezocht"
    db_session.commit()
    html = client.get("/v/ABC234/ZDM").get_data(as_text=True)
    assert "Broodbakker gezocht" in html and "Hulp in de bakkerij" not in html


@pytest.mark.parametrize("lang", ["nl", "ar", "ti"])
def test_a_draft_shows_not_yet_open_without_its_title(client, vacancy, db_session, lang):
    from portal.vacancies.models import VacancyStatus

    vacancy.status = VacancyStatus.draft
    db_session.commit()
    for url in ("/v/ABC234", "/V/ABC234/ZDM", "/v/ABC234/solliciteren"):
        res = client.get(f"{url}?lang={lang}")
        html = res.get_data(as_text=True)
        assert res.status_code == 404, url
        assert f'<html lang="{lang}"' in html
        with force_locale(lang):
            assert str(escape(gettext("Deze baan is nog niet open"))) in html
        assert "Hulp in de bakkerij" not in html and "bakkerij" not in html.lower()
    res = client.post("/v/ABC234/solliciteren", data=form_data())
    assert res.status_code == 404 and "Hulp in de bakkerij" not in res.get_data(as_text=True)
    assert db.session.scalar(select(func.count(Application.id))) == 0
