"""The talent pool on the adviser's dashboard: profiles now, proposals made and answered,
hires by route (proposed by an adviser vs a poster), per azc and region; counts only, and they
stay after the profile is erased."""
from __future__ import annotations

import csv
import io

from portal.applicants.models import ApplicationEvent, ApplicationSource, Stage
from portal.clock import today
from portal.talent import profiles
from portal.talent.models import ProposalState

PERIOD = f"start={today().replace(day=1).isoformat()}&end={today().isoformat()}"


def _rows(client) -> dict[str, list[str]]:
    text = client.get(f"/adviseur/cijfers?{PERIOD}&format=csv&table=talent_azc").text
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    return {row[0]: row[1:] for row in rows[1:]}


def test_figures_count_proposals_and_hires_by_route_and_survive_erasure(
        client, app, login, make, world, db_session):
    org = make.organisation(world.region)
    vacancy = make.vacancy(org, locations=[world.azc])
    selam = make.profile(world.azc, name="Selam")
    yonas = make.profile(world.azc2, name="Yonas", name_latin=None)
    make.profile(world.far, name="Ver weg", name_latin=None)
    db_session.commit()
    login(world.adviser)
    for profile in (selam, yonas):
        res = client.post(f"/adviseur/talent/vacatures/{vacancy.id}/voorstellen",
                          data={"profile": str(profile.id)})
        assert res.status_code == 302
    [p_selam] = selam.proposals
    [p_yonas] = yonas.proposals
    resident = app.test_client()
    resident.post(f"/profiel/{selam.plain_token}/voorstel/{p_selam.id}/ja")
    resident.post(f"/profiel/{yonas.plain_token}/voorstel/{p_yonas.id}/nee")
    db_session.refresh(p_selam)
    assert p_selam.state == ProposalState.accepted
    # The employer hires the proposed resident; someone else came from a poster and is hired.
    for application in (p_selam.application,
                        make.application(vacancy, azc_location=world.azc, poster_location=world.azc,
                                         source=ApplicationSource.poster)):
        application.stage = Stage.hired
        db_session.add(ApplicationEvent(application_id=application.id, from_stage=Stage.new,
                                        to_stage=Stage.hired))
    db_session.commit()

    rows = _rows(client)
    zaandam, wormer = rows[world.azc.name], rows[world.azc2.name]
    # active, created, withdrawn, proposed, yes, no, silent, cancelled, hired: proposal, poster
    assert zaandam == ["1", "0", "0", "1", "1", "0", "0", "0", "1", "1"]
    assert wormer == ["1", "0", "0", "1", "0", "1", "0", "0", "0", "0"]
    assert "azc Eindhoven" not in rows  # another region

    with app.test_request_context():
        profiles.erase(selam)
        db_session.commit()
    rows = _rows(client)
    assert rows[world.azc.name][:2] == ["0", "0"]
    assert rows[world.azc.name][2:] == ["1", "1", "1", "0", "0", "0", "1", "1"]
    page = client.get(f"/adviseur/cijfers?{PERIOD}").get_data(as_text=True)
    assert "Werkprofielen en voorstellen" in page

