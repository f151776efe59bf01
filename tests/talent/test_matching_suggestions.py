"""Suggested profiles for a vacancy: a score in five parts, each with its reason in words; the
database's ranking and the reasons shown agree; residents who may not take the job are left
out and counted."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from portal.phrases.models import Phrase, VacancyPhrase
from portal.talent import suggestions
from portal.talent.models import Availability, ProposalState, Residence
from portal.talent.suggestions import POINTS
from portal.vacancies.models import Level


@pytest.fixture
def cleaner_job(make, world, db_session):
    """A cleaning job in Zaandam posted at azc Zaandam: some Dutch, 24–32 hours."""
    org = make.organisation(world.region, name="Schoon BV")
    org.sector = "schoonmaak"
    vacancy = make.vacancy(org, locations=[world.azc], title="Schoonmaker hotel", city="Zaandam",
                           dutch_level=Level.A2, hours_min=24, hours_max=32)
    cleaner = db_session.scalar(select(Phrase).where(Phrase.key == "role.cleaner"))
    db_session.add(VacancyPhrase(vacancy_id=vacancy.id, phrase_id=cleaner.id))
    db_session.commit()
    return vacancy


def _suggest(app, user, vacancy):
    with app.test_request_context():
        return suggestions.suggest(user, vacancy)


def test_the_best_fit_scores_100_with_every_reason_good(app, make, world, cleaner_job, db_session):
    world.azc.city = "Zaandam"
    make.profile(world.azc, name="Selam", languages=(("ti", "native"), ("nl", "basic")),
                 work=("role.cleaner",), hours_per_week=24, residence=Residence.status_holder)
    db_session.commit()
    found = _suggest(app, world.adviser, cleaner_job)
    [best] = found.rows
    assert best.score == 100 == suggestions.score_of(best.reasons)
    assert all(r.good for r in best.reasons)
    texts = " | ".join(r.text for r in best.reasons)
    assert "Wil dit werk: Schoonmaker" in texts
    assert "Nederlands A2 gevraagd: een beetje" in texts
    assert "De poster hangt in het eigen azc (azc Zaandam)" in texts
    assert "Statushouder" in texts


def test_ranking_follows_the_parts_and_the_reasons_say_why(app, make, world, cleaner_job,
                                                           db_session):
    world.azc2.city = "Wormer"
    make.profile(world.azc, name="Past", languages=(("nl", "good"),), work=("role.cleaner",),
                 hours_per_week=30)
    make.profile(world.azc2, name="Sector", languages=(("nl", "basic"),),
                 work=("sector.schoonmaak",), hours_per_week=None, travel_minutes=60)
    make.profile(world.azc2, name="Anders", languages=(("ar", "native"),), work=("role.kitchen",),
                 hours_per_week=8, travel_minutes=15, residence=Residence.unknown)
    db_session.commit()
    found = _suggest(app, world.adviser, cleaner_job)
    assert [s.profile.name for s in found.rows] == ["Past", "Sector", "Anders"]
    for s in found.rows:  # what the database ranked by is what the page adds up
        assert s.score == suggestions.score_of(s.reasons)
    sector, other = found.rows[1], found.rows[2]
    by_part = {r.part: r for r in sector.reasons}
    assert by_part["work"].points == POINTS["work"][1]
    assert "sector" in by_part["work"].text
    assert by_part["hours"].points == POINTS["hours"][1] and "niet opgegeven" in by_part["hours"].text
    assert by_part["place"].points == POINTS["place"][1] and "60 minuten" in by_part["place"].text
    by_part = {r.part: r for r in other.reasons}
    assert by_part["work"].points == 0 and "Hulp in de keuken" in by_part["work"].text
    assert by_part["languages"].points == 0 and "spreekt het niet" in by_part["languages"].text
    assert by_part["hours"].points == 0 and "8 uur" in by_part["hours"].text
    assert by_part["place"].points == 0
    assert by_part["eligibility"].points == POINTS["eligibility"][1]


def test_who_may_not_take_the_job_is_left_out_and_counted(app, make, world, cleaner_job,
                                                          db_session):
    cleaner_job.open_to_asylum = False
    make.profile(world.azc, name="Statushouder", residence=Residence.status_holder)
    make.profile(world.azc, name="Asiel lang", residence=Residence.asylum_over_6_months)
    make.profile(world.azc, name="Asiel kort", residence=Residence.asylum_under_6_months)
    make.profile(world.far, name="Ver weg", residence=Residence.status_holder)
    db_session.commit()
    found = _suggest(app, world.adviser, cleaner_job)
    assert [s.profile.name for s in found.rows] == ["Statushouder"]
    assert (found.considered, found.not_allowed) == (3, 2)


def test_no_language_asked_is_full_marks_and_an_open_proposal_is_shown(app, make, world,
                                                                       cleaner_job, db_session):
    cleaner_job.dutch_level = Level.none
    selam = make.profile(world.azc, name="Selam", languages=(("ti", "native"),),
                         availability=Availability.flexible)
    make.proposal(selam, cleaner_job, adviser=world.adviser)
    db_session.commit()
    [row] = _suggest(app, world.adviser, cleaner_job).rows
    assert {r.part: r.text for r in row.reasons}["languages"] == "Geen taaleis"
    assert row.proposal is not None and row.proposal.state == ProposalState.open


def test_a_coordinator_or_another_region_gets_no_suggestions(app, make, world, cleaner_job,
                                                             db_session):
    make.profile(world.azc, name="Selam")
    db_session.commit()
    assert _suggest(app, world.far_adviser, cleaner_job).rows == []
