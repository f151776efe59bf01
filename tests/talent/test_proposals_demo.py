"""`flask portal seed-demo`: the agency asked for candidates and the adviser proposed one demo
resident for its vacancy; a forced second run (new demo vacancies) still works."""
from __future__ import annotations

from sqlalchemy import func, select

from portal.talent.models import MatchRequest, Proposal, ProposalState


def test_demo_request_and_proposal(app, db_session):
    result = app.test_cli_runner().invoke(args=["portal", "seed-demo"])
    assert result.exit_code == 0, result.output
    assert db_session.scalar(select(func.count(MatchRequest.id))) == 1
    [proposal] = db_session.scalars(select(Proposal)).all()
    assert proposal.state == ProposalState.open and proposal.adviser_id is not None
    assert proposal.profile.name_latin == "Ahmad Al-Khatib"
    result = app.test_cli_runner().invoke(args=["portal", "seed-demo", "--force"])
    assert result.exit_code == 0, result.output
