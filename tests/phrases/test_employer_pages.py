"""An employer builds the vacancy from phrases (grouped, searchable without JavaScript) and
gives texts per language; the region's adviser may give them too. CSRF stays on."""
from __future__ import annotations

from portal.accounts.models import Role
from portal.phrases.models import TextOrigin, VacancyText
from portal.phrases.services import selection, texts
from portal.vacancies.models import VacancyStatus
from portal.vacancies.services import VacancyError, duplicate_vacancy, publish_vacancy
from tests.phrases.conftest import tick


def _ids(phrasebook, *keys):
    return [str(phrasebook[k].id) for k in keys]


def _picked(vacancy):
    return {vp.phrase.key: vp.number for vp in selection(vacancy.id)}


def test_picker_groups_phrases_and_saves_ticks(client, login, member, vacancy, phrasebook):
    login(member)
    page = client.get(f"/vacatures/{vacancy.id}/zinnen").get_data(as_text=True)
    assert page.count("<details") >= 6  # one group per section, no script needed
    assert "<script" not in page
    shown = ",".join(str(p.id) for p in phrasebook.values())
    res = client.post(f"/vacatures/{vacancy.id}/zinnen", data={
        "phrases": _ids(phrasebook, "task.bake", "work.lifting", "offer.shoes"),
        f"n{phrasebook['work.lifting'].id}": "20", "role": phrasebook["role.bakery"].id,
        "shown": shown})
    assert res.status_code == 302
    assert _picked(vacancy) == {"role.bakery": None, "task.bake": None, "work.lifting": 20,
                                "offer.shoes": None}


def test_search_shows_matches_and_keeps_ticks_it_hides(client, login, member, vacancy,
                                                       phrasebook, db_session):
    tick(vacancy, phrasebook, "offer.shoes")
    db_session.commit()
    login(member)
    page = client.get(f"/vacatures/{vacancy.id}/zinnen?zoek=heftruck").get_data(as_text=True)
    assert "Je rijdt op een heftruck." in page
    assert "Je maakt kantoren schoon." not in page
    assert "Je krijgt veiligheidsschoenen." in page  # already ticked: always shown
    # English words find phrases too (employers search in either language)
    assert "Je rijdt op een heftruck." in client.get(
        f"/vacatures/{vacancy.id}/zinnen?zoek=forklift").get_data(as_text=True)
    shown = _ids(phrasebook, "task.forklift", "offer.shoes")
    res = client.post(f"/vacatures/{vacancy.id}/zinnen?zoek=heftruck", data={
        "phrases": _ids(phrasebook, "task.forklift", "offer.shoes"), "shown": ",".join(shown)})
    assert res.status_code == 302
    assert set(_picked(vacancy)) == {"task.forklift", "offer.shoes"}
    # a save from a filtered page leaves what it did not show alone
    tick(vacancy, phrasebook, "task.bake")  # (through the service: ticks it)
    db_session.commit()
    client.post(f"/vacatures/{vacancy.id}/zinnen?zoek=heftruck", data={
        "phrases": [], "shown": ",".join(_ids(phrasebook, "task.forklift"))})
    assert "task.bake" in _picked(vacancy) and "task.forklift" not in _picked(vacancy)


def test_number_out_of_range_is_refused_next_to_the_phrase(client, login, member, vacancy,
                                                          phrasebook):
    login(member)
    lifting = phrasebook["work.lifting"]
    res = client.post(f"/vacatures/{vacancy.id}/zinnen", data={
        "phrases": [str(lifting.id)], f"n{lifting.id}": "80", "shown": str(lifting.id)})
    assert res.status_code == 422
    html = res.get_data(as_text=True)
    assert f'id="n{lifting.id}-error"' in html and 'class="error-summary"' in html
    assert _picked(vacancy) == {}
    res = client.post(f"/vacatures/{vacancy.id}/zinnen", data={
        "phrases": [str(lifting.id)], "shown": str(lifting.id)})  # no number at all
    assert res.status_code == 422 and _picked(vacancy) == {}


def test_another_organisations_vacancy_is_not_found(client, login, make, vacancy, phrasebook,
                                                    db_session):
    other = make.user(organisation=make.organisation())
    db_session.commit()
    login(other)
    assert client.get(f"/vacatures/{vacancy.id}/zinnen").status_code == 404
    res = client.post(f"/vacatures/{vacancy.id}/zinnen", data={
        "phrases": _ids(phrasebook, "task.bake"), "shown": _ids(phrasebook, "task.bake")[0]})
    assert res.status_code == 404 and _picked(vacancy) == {}


def test_posting_without_csrf_token_changes_nothing(client, login, member, vacancy, phrasebook):
    login(member)
    res = client.post(f"/vacatures/{vacancy.id}/zinnen", csrf=False, data={
        "phrases": _ids(phrasebook, "task.bake"), "shown": _ids(phrasebook, "task.bake")[0]})
    assert res.status_code == 400 and _picked(vacancy) == {}


def test_summary_may_stay_empty_only_when_phrases_say_what_the_job_is(make, azc, phrasebook,
                                                                     wages, db_session):
    draft = make.vacancy(locations=[azc], status=VacancyStatus.draft, summary="")
    try:
        publish_vacancy(draft)
    except VacancyError as exc:
        assert exc.field == "summary"
    else:
        raise AssertionError("published without a summary or phrases")
    tick(draft, phrasebook, "role.cleaner")  # a title alone does not say what you do
    try:
        publish_vacancy(draft)
    except VacancyError as exc:
        assert exc.field == "summary"
    else:
        raise AssertionError("published with only a job title")
    tick(draft, phrasebook, "role.cleaner", "task.clean_offices")
    publish_vacancy(draft)
    assert draft.status == VacancyStatus.published


def test_copy_keeps_phrases_and_texts_people_wrote(make, vacancy, member, phrasebook, db_session):
    tick(vacancy, phrasebook, "task.bake", "work.team", numbers={"work.team": 6})
    db_session.add_all([
        VacancyText(vacancy_id=vacancy.id, language="ar", title="مساعد", origin=TextOrigin.typed),
        VacancyText(vacancy_id=vacancy.id, language="fa", title="کمک", origin=TextOrigin.machine)])
    db_session.flush()
    copy = duplicate_vacancy(vacancy)
    assert _picked(copy) == {"task.bake": None, "work.team": 6}
    assert set(texts(copy.id)) == {"ar"}  # machine texts are made again for the copy


def test_employer_saves_a_text_per_language(client, login, member, vacancy):
    login(member)
    page = client.get(f"/vacatures/{vacancy.id}/talen?taal=ar").get_data(as_text=True)
    field = page.split('id="title"')[0].rsplit("<input", 1)[1] + page.split('id="title"')[1][:200]
    assert 'lang="ar"' in field and 'dir="rtl"' in field  # typing Arabic goes right to left
    res = client.post(f"/vacatures/{vacancy.id}/talen?taal=ar", data={
        "title": "مساعد في المخبز", "summary": "تساعد في المخبز.", "description": ""})
    assert res.status_code == 302
    row = texts(vacancy.id)["ar"]
    assert (row.title, row.origin, row.updated_by_id) == ("مساعد في المخبز", TextOrigin.typed,
                                                          member.id)
    # a summary without a title is refused; emptying everything removes the language
    res = client.post(f"/vacatures/{vacancy.id}/talen?taal=ar", data={"title": "", "summary": "x"})
    assert res.status_code == 422
    client.post(f"/vacatures/{vacancy.id}/talen?taal=ar", data={"title": "", "summary": ""})
    assert "ar" not in texts(vacancy.id)


def test_editing_a_machine_text_marks_it_reviewed(client, login, member, vacancy, db_session):
    db_session.add(VacancyText(vacancy_id=vacancy.id, language="ti", title="ሓጋዚ",
                               origin=TextOrigin.machine))
    db_session.commit()
    login(member)
    assert "door een computer vertaald" in client.get(
        f"/vacatures/{vacancy.id}/talen?taal=ti").get_data(as_text=True)
    client.post(f"/vacatures/{vacancy.id}/talen?taal=ti", data={"title": "ሓጋዚ ኣብ መስርሒ ባኒ"})
    assert texts(vacancy.id)["ti"].origin == TextOrigin.reviewed


def test_the_regions_adviser_may_give_texts_another_region_may_not(client, login, make, vacancy,
                                                                  db_session):
    region = vacancy.organisation.region
    adviser = make.user(Role.adviser, region=region)
    stranger = make.user(Role.adviser, region=make.region())
    db_session.commit()
    login(stranger)
    assert client.get(f"/vacatures/{vacancy.id}/talen").status_code == 404
    assert vacancy.title not in client.get("/adviseur/vertalingen").get_data(as_text=True)
    login(adviser)
    assert vacancy.title in client.get("/adviseur/vertalingen").get_data(as_text=True)
    res = client.post(f"/vacatures/{vacancy.id}/talen?taal=so", data={"title": "Caawiye foornada"})
    assert res.status_code == 302
    assert texts(vacancy.id)["so"].updated_by_id == adviser.id


def test_admin_adds_a_phrase_that_shows_untranslated_until_the_catalogue_has_it(
        client, login, make, member, vacancy, phrasebook, db_session):
    admin = make.user(Role.admin)
    db_session.commit()
    login(admin)
    res = client.post("/beheer/zinnen", data={"section": "offer", "text": "Je krijgt een fietsles.",
                                              "icon": "bike"})
    assert res.status_code == 302
    page = client.get("/beheer/zinnen").get_data(as_text=True)
    assert "Je krijgt een fietsles." in page and "en, ar, ti, fa, tr, so" in page
    # a number phrase must say where the number goes
    res = client.post("/beheer/zinnen", data={"section": "work", "text": "Je werkt uren.",
                                              "number_max": "12"})
    assert res.status_code == 422
    # the employer sees it (in Dutch on the Arabic page, marked)
    login(member)
    assert "Je krijgt een fietsles." in client.get(
        f"/vacatures/{vacancy.id}/zinnen").get_data(as_text=True)


def test_a_retired_phrase_is_no_longer_offered_but_stays_on_vacancies(
        client, login, make, member, vacancy, phrasebook, db_session):
    tick(vacancy, phrasebook, "offer.locker")
    admin = make.user(Role.admin)
    db_session.commit()
    login(admin)
    for key in ("offer.locker", "offer.lunch"):
        client.post("/beheer/zinnen/actief", data={"phrase_id": phrasebook[key].id, "active": "0"})
    login(member)
    page = client.get(f"/vacatures/{vacancy.id}/zinnen").get_data(as_text=True)
    assert "Je krijgt lunch." not in page
    assert "Je krijgt een eigen kluisje." in page  # ticked before: still there, marked
    assert "kluisje" in client.get("/v/ABC234?lang=nl").get_data(as_text=True)
