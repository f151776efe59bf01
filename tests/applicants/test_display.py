"""What staff see of a resident: phone numbers formatted (national and international), and the
resident's own text isolated in <bdi> so a right-to-left name cannot reorder the page."""
from __future__ import annotations

from portal.apply.housekeeping import erase_personal_data
from portal.clock import utcnow


def test_phone_numbers_are_formatted_national_and_international(client, login, world,
                                                                db_session):
    world.a2.phone = "+2917123456"  # an Eritrean mobile
    db_session.commit()
    login(world.member)
    html = client.get(f"/sollicitanten/{world.a1.id}").get_data(as_text=True)
    assert "06 12345678" in html and "+31 6 12345678" in html
    assert 'href="tel:+31612345678"' in html  # dialling keeps the exact number
    html = client.get(f"/sollicitanten/{world.a2.id}").get_data(as_text=True)
    assert "+291 7 123 456" in html and ">+2917123456<" not in html


def test_erased_applicant_shows_no_number_in_any_format(client, login, world, db_session):
    erase_personal_data(world.a1, utcnow())
    db_session.commit()
    login(world.member)
    html = client.get(f"/sollicitanten/{world.a1.id}").get_data(as_text=True)
    assert "12345678" not in html


def test_resident_text_is_isolated_on_staff_pages(client, login, world, db_session):
    world.a1.name = "أحمد الخطيب"
    world.a1.experience = "خباز 3 سنوات"
    db_session.commit()
    login(world.member)
    detail = client.get(f"/sollicitanten/{world.a1.id}").get_data(as_text=True)
    assert "<bdi>أحمد الخطيب</bdi>" in detail and "<bdi>خباز 3 سنوات</bdi>" in detail
    listing = client.get("/sollicitanten/").get_data(as_text=True)
    assert "<bdi>أحمد الخطيب</bdi>" in listing


def test_bidi_override_typed_in_the_apply_form_never_reaches_staff(client, login, world,
                                                                    db_session):
    from sqlalchemy import select

    from portal.applicants.models import Application

    data = {"name": "Samira \u202eadddaH", "phone": "06 87654321", "email": "",
            "lang1": "ar", "level1": "good", "residence_status": "status_holder",
            "procedure": "", "azc_location": "-1", "experience": "bakker\u2066 \u2069",
            "availability": "", "submission_key": "bidi-1", "website": ""}
    client.get(f"/v/{world.v1.code}/solliciteren")
    client.post(f"/v/{world.v1.code}/solliciteren", data=data)
    stored = db_session.scalar(select(Application).where(Application.phone == "+31687654321"))
    assert stored is not None
    assert stored.name == "Samira adddaH" and stored.experience == "bakker"
