import pytest

from portal.vacancies.models import Level


@pytest.fixture
def azc(make):
    return make.location(code="ZDM", name="azc Zaandam")


@pytest.fixture
def vacancy(make, azc, db_session):
    v = make.vacancy(
        locations=[azc], code="ABC234", title="Hulp in de bakkerij", hours_min=24, hours_max=24,
        wage_min_cents=1471, dutch_level=Level.A2, tour_offered=True, safety_critical=True,
        open_to_asylum=True, open_to_status=True,
    )
    db_session.commit()
    return v


def form_data(**overrides):
    data = {
        "name": "Samira Haddad", "phone": "06 12345678", "email": "",
        "lang1": "ar", "level1": "very_good", "lang2": "en", "level2": "basic",
        "lang3": "", "level3": "",
        "residence_status": "asylum_seeker", "procedure": "yes", "azc_location": "-1",
        "experience": "3 jaar in een bakkerij", "availability": "Elke ochtend",
        "submission_key": "key-" + overrides.pop("key", "one"), "website": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}
