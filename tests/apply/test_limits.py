"""Apply limits stop scripts, not residents: a whole azc shares one Wi-Fi address, so the
limits go per phone number and per vacancy, and the per-address limit is only high enough
against scripts. The numbers are part of the promise: raising one tenfold fails a test."""
from sqlalchemy import func, select

from portal import db
from portal.applicants.models import Application
from tests.apply.conftest import form_data

URL = "/v/ABC234/ZDM/solliciteren"
AZC_WIFI = {"REMOTE_ADDR": "10.20.30.40"}


def phone(n: int) -> str:
    return f"06{30000000 + n}"


def stored() -> int:
    db.session.expire_all()
    return db.session.scalar(select(func.count(Application.id)))


def test_100_residents_of_one_azc_apply_to_one_vacancy_in_an_hour(client, vacancy):
    for n in range(100):
        res = client.post(URL, data=form_data(key=str(n), phone=phone(n)), environ_base=AZC_WIFI)
        assert res.status_code == 200, n
    assert stored() == 100


def test_one_phone_number_is_limited_after_five_answers(client, make, azc, vacancy, db_session):
    others = [make.vacancy(locations=[azc], code=f"PHN{n}AA") for n in range(2, 8)]
    db_session.commit()
    for n, other in enumerate(others[:5]):
        res = client.post(f"/v/{other.code}/solliciteren", data=form_data(key=f"p{n}"))
        assert res.status_code == 200, n
    res = client.post(f"/v/{others[5].code}/solliciteren", data=form_data(key="p6"),
                      environ_base={"REMOTE_ADDR": "10.9.9.9"})  # another address: still that phone
    assert res.status_code == 429 and "Even wachten" in res.get_data(as_text=True)
    assert stored() == 5
    # the neighbour on the same Wi-Fi is not affected
    assert client.post(URL, data=form_data(key="n", phone=phone(1))).status_code == 200


def test_trying_phone_numbers_on_one_vacancy_is_limited_too(client, vacancy):
    """"Already applied" shows the reference: asking again and again for one number stops."""
    statuses = [client.post(URL, data=form_data(key=f"t{n}")).status_code for n in range(6)]
    assert statuses == [200] * 5 + [429]


def test_forms_sent_back_with_errors_do_not_use_up_the_phone_limit(client, vacancy):
    for n in range(8):
        assert client.post(URL, data=form_data(key=f"e{n}", name="")).status_code == 422
    assert client.post(URL, data=form_data(key="ok")).status_code == 200


def test_one_vacancy_takes_200_answers_an_hour_from_anywhere(client, vacancy):
    for n in range(200):
        res = client.post(URL, data=form_data(key=str(n), phone=phone(n)),
                          environ_base={"REMOTE_ADDR": f"10.1.{n // 250}.{n % 250}"})
        assert res.status_code == 200, n
    res = client.post(URL, data=form_data(key="x", phone=phone(999)),
                      environ_base={"REMOTE_ADDR": "10.2.0.1"})
    assert res.status_code == 429
    assert stored() == 200


def test_one_address_is_limited_only_at_script_speed(client, vacancy):
    for n in range(300):
        assert client.post(URL, data={"submission_key": str(n)}, environ_base=AZC_WIFI).status_code == 422
    res = client.post(URL, data=form_data(), environ_base=AZC_WIFI)
    assert res.status_code == 429 and "Even wachten" in res.get_data(as_text=True)
    assert client.get(URL, environ_base=AZC_WIFI).status_code == 200  # reading is never limited
    other = client.post(URL, data=form_data(), environ_base={"REMOTE_ADDR": "10.20.30.41"})
    assert other.status_code == 200 and stored() == 1
