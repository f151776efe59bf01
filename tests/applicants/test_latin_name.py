"""The name as on the W-document, in Latin letters: asked on the apply form (required for asylum
seekers whose name is typed in another script, since UWV needs it for the work permit), shown
next to the own-script name on staff pages, printed (left-aligned) on the PDF for UWV, erased
with the rest."""
from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from datetime import datetime, time, timedelta

import pytest
from sqlalchemy import select

from portal.accounts.models import Role
from portal.applicants.models import Application, ResidenceStatus, Stage
from portal.apply.housekeeping import erase_personal_data
from portal.clock import AMS, today, utcnow
from portal.placements import pdf, services
from portal.placements.models import EndReason
from tests.apply.conftest import form_data
from tests.conftest import require_or_skip

ARABIC = "أحمد الخطيب"


def AMS_NOON(day):
    return datetime.combine(day, time(12, 0), tzinfo=AMS)
LATIN = "Ahmad Al-Khatib"


@pytest.fixture
def vacancy(make, db_session):
    azc = make.location(code="ZDM", name="azc Zaandam")
    v = make.vacancy(locations=[azc], code="ABC234", open_to_asylum=True, open_to_status=True)
    db_session.commit()
    return v


def _apply(client, lang="nl", **fields):
    client.get(f"/v/ABC234/ZDM/solliciteren?lang={lang}")
    return client.post(f"/v/ABC234/ZDM/solliciteren?lang={lang}", data=form_data(**fields))


def _stored(db_session):
    db_session.expire_all()
    return db_session.scalar(select(Application))


def test_the_form_asks_for_the_latin_name_as_on_the_w_document(client, vacancy):
    html = client.get("/v/ABC234/ZDM/solliciteren?residence_status=asylum_seeker&procedure=yes"
                      ).get_data(as_text=True)
    field = html.split('id="name_latin"')[0].rsplit("<input", 1)[1] + html.split('id="name_latin"')[1].split(">")[0]
    assert 'dir="ltr"' in field  # a Latin name typed on an Arabic page runs left to right
    assert "W-document" in html.split('id="name_latin-hint"')[1].split("</p>")[0]


def test_an_asylum_seeker_with_a_name_in_arabic_must_give_it_in_latin_letters(client, vacancy,
                                                                             db_session):
    res = _apply(client, name=ARABIC)
    assert res.status_code in (200, 422)
    assert 'id="name_latin-error"' in res.get_data(as_text=True)
    assert _stored(db_session) is None
    res = _apply(client, name=ARABIC, name_latin="أحمد")  # still Arabic letters
    assert 'id="name_latin-error"' in res.get_data(as_text=True)
    assert _stored(db_session) is None
    _apply(client, name=ARABIC, name_latin=f"  {LATIN} ")
    stored = _stored(db_session)
    assert (stored.name, stored.name_latin, stored.latin_name) == (ARABIC, LATIN, LATIN)


def test_the_error_is_on_the_arabic_page_too(client, vacancy):
    res = _apply(client, lang="ar", name=ARABIC)
    html = res.get_data(as_text=True)
    assert 'dir="rtl"' in html and 'id="name_latin-error"' in html


def test_a_name_already_in_latin_letters_needs_no_second_spelling(client, vacancy, db_session):
    _apply(client, name="Samira Haddad")
    stored = _stored(db_session)
    assert stored.name_latin is None and stored.latin_name == "Samira Haddad"


def test_for_a_status_holder_the_latin_name_is_optional(client, vacancy, db_session):
    _apply(client, name=ARABIC, residence_status="status_holder", procedure="")
    stored = _stored(db_session)
    assert stored is not None and stored.name_latin is None and stored.latin_name is None


@pytest.fixture
def hired(make, db_session, vacancy):
    org = vacancy.organisation
    member = make.user(Role.member, organisation=org)
    coordinator = make.user(Role.coordinator, locations=vacancy.locations)
    app = make.application(vacancy, name=ARABIC, name_latin=LATIN, stage=Stage.offer,
                           azc_location=vacancy.locations[0],
                           residence_status=ResidenceStatus.asylum_seeker)
    db_session.commit()
    return member, coordinator, app


def _both(html: str) -> bool:
    return f"<bdi>{ARABIC}</bdi>" in html and LATIN in html


def test_staff_pages_show_both_names(client, login, make, db_session, hired):
    member, coordinator, app = hired
    login(member)
    assert _both(client.get("/sollicitanten/").get_data(as_text=True))
    assert _both(client.get(f"/sollicitanten/{app.id}").get_data(as_text=True))
    assert _both(client.get(f"/sollicitanten/{app.id}/aannemen").get_data(as_text=True))
    tomorrow = AMS_NOON(today() + timedelta(days=1))
    make.tour(app.vacancy.organisation, applications=[app], vacancy=app.vacancy,
              starts_at=tomorrow)
    placement = services.hire(app, member, services.HireData(
        start_date=today(), hours_per_week=24, contract_type=app.vacancy.contract_type))
    db_session.commit()
    assert _both(client.get(f"/plaatsingen/{placement.id}").get_data(as_text=True))
    login(coordinator)  # the tours list of the azc coordinator: "remind tomorrow"
    listing = client.get("/coordinator/rondleidingen").get_data(as_text=True)
    assert _both(listing.split('id="remind-title"')[1])


def test_csv_has_the_latin_name(client, login, db_session, hired):
    member, _coordinator, app = hired
    login(member)
    text = client.get("/sollicitanten/export.csv").get_data(as_text=True).lstrip("\ufeff")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    column = rows[0].index("Naam (Latijnse letters)")
    assert rows[1][column] == LATIN and rows[1][column - 1] == ARABIC


def _pdf_words(data: bytes, tmp_path) -> str:
    require_or_skip(shutil.which("pdftotext") is not None, "pdftotext (poppler-utils) not installed")
    path = tmp_path / "c.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


# pdftotext gives shaped Arabic as presentation forms (U+FB50-U+FDFF, U+FE70-U+FEFF).
ARABIC_WORD = re.compile('<word xMin="([\\d.]+)"[^>]*>[\u0600-\u06ff\ufb50-\ufdff\ufe70-\ufeff]+</word>')


def _x_of(bbox_html: str, word: str) -> float:
    match = re.search(rf'<word xMin="([\d.]+)"[^>]*>{re.escape(word)}</word>', bbox_html)
    assert match, word
    return float(match.group(1))


def test_the_uwv_pdf_prints_the_latin_name_left_aligned(db_session, make, hired, tmp_path):
    member, _coordinator, app = hired
    placement = services.hire(app, member, services.HireData(
        start_date=today() - timedelta(days=20), hours_per_week=24,
        contract_type=app.vacancy.contract_type))
    services.set_twv_state(placement, member, services.TwvState.applied, today() - timedelta(days=19))
    services.end(placement, member, today(), EndReason.resigned)
    db_session.commit()
    words = _pdf_words(pdf.cancellation_pdf(placement, generated_at=utcnow()), tmp_path)
    assert "Ahmad" in words and not ARABIC_WORD.search(words)
    reference_x = _x_of(words, app.reference)  # another value in the same column
    assert abs(_x_of(words, "Ahmad") - reference_x) < 1  # left edge, not pushed to the right
    # An older application with only the Arabic name: still in the value column, on the left.
    app.name_latin = None
    words = _pdf_words(pdf.cancellation_pdf(placement, generated_at=utcnow()), tmp_path)
    xs = [float(m.group(1)) for m in ARABIC_WORD.finditer(words)]
    assert xs and min(xs) == pytest.approx(reference_x, abs=1)


def test_erasure_takes_the_latin_name_too(db_session, hired):
    _member, _coordinator, app = hired
    erase_personal_data(app, utcnow())
    assert app.name is None and app.name_latin is None and app.latin_name is None
