"""Demo matching: the agency asked its adviser for candidates for its order-picker vacancy
(it is on top of the adviser's matching list), and the adviser proposed the Arabic-speaking
warehouse worker of the demo profiles for it (open, waiting for their answer). Runs after
portal/talent/demo.py; skipped when the proposal or request exists (seed-demo --force)."""
from __future__ import annotations

from sqlalchemy import select

from portal import db
from portal.talent import proposals, queries, worklist
from portal.talent.models import MatchRequest


def seed(ctx: dict) -> None:
    adviser, agency = ctx.get("adviser"), ctx.get("agency")
    members = ctx.get("members") or {}
    picker = next((v for v in ctx.get("vacancies") or []
                   if agency is not None and v.organisation_id == agency.id), None)
    if adviser is None or picker is None:
        return
    db.session.flush()
    if db.session.scalar(select(MatchRequest).where(MatchRequest.vacancy_id == picker.id)) is None:
        worklist.ask_for_candidates(picker, members.get("agency"))
    ahmad = queries.profile_by_phone("+31612000202")
    if ahmad is not None and proposals.existing(ahmad.id, picker.id) is None:
        proposals.propose(ahmad, picker, adviser)
