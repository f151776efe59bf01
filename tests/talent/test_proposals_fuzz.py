"""Any input on the resident's yes/no buttons and on the advisers' search and propose forms
gets a page, never a 500: tokens and ids of any shape, bodies with any text, filters that were
never offered. CSRF stays on."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FUZZ = settings(max_examples=30, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
NASTY = "\x00\x01\x1b\x7f\u200e\u202e\u2066\ufeff\u2028ሰላም"
text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)) | st.sampled_from(NASTY),
               max_size=40)
numbers = st.sampled_from(["", "0", "-1", "1", "2", "99999999999999999999", "1e9", "٣", "abc"])


def test_yes_and_no_take_any_token_id_and_body(client, make, world, db_session):
    vacancy = make.vacancy(make.organisation(world.region), locations=[world.azc])
    selam = make.profile(world.azc)
    proposal = make.proposal(selam, vacancy, adviser=world.adviser)
    db_session.commit()
    tokens = st.one_of(st.just(selam.plain_token), text.filter(lambda t: "/" not in t and t))
    ids = st.one_of(st.just(str(proposal.id)), numbers.filter(bool))

    @FUZZ
    @given(token=tokens, proposal_id=ids, answer=st.sampled_from(["ja", "nee", "misschien"]),
           body=st.dictionaries(st.sampled_from(["x", "confirm", "proposal"]), text, max_size=3))
    def post(token, proposal_id, answer, body):
        res = client.post(f"/profiel/{token}/voorstel/{proposal_id}/{answer}", data=body)
        assert res.status_code < 500, (token, proposal_id, answer, res.status_code)

    post()


def test_the_advisers_forms_take_any_input(client, login, make, world, db_session):
    vacancy = make.vacancy(make.organisation(world.region), locations=[world.azc])
    selam = make.profile(world.azc)
    db_session.commit()
    login(world.adviser)

    @FUZZ
    @given(azc=numbers, taal=text, niveau=text, werk=text, beschikbaar=text, status=text,
           training=text, pagina=numbers, profile=numbers, vacancy_field=numbers)
    def use(azc, taal, niveau, werk, beschikbaar, status, training, pagina, profile,
            vacancy_field):
        res = client.get("/talent/profielen/", query_string={
            "azc": azc, "taal": taal, "niveau": niveau, "werk": werk, "beschikbaar": beschikbaar,
            "status": status, "training": training, "pagina": pagina})
        assert res.status_code == 200
        res = client.post(f"/adviseur/talent/vacatures/{vacancy.id}/voorstellen",
                          data={"profile": profile, "back": taal})
        assert res.status_code in (302, 400, 404), res.status_code
        res = client.post(f"/talent/profielen/{selam.id}/voorstellen",
                          data={"vacancy": vacancy_field})
        assert res.status_code == 302, res.status_code

    use()
