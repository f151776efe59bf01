from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from portal import db
from portal.aftercare.models import AftercareCheck, CheckKind
from portal.applicants.models import Stage
from portal.clock import AMS
from portal.placements.models import Placement, TwvState
from portal.vacancies.models import ContractType


def placement(make, vacancy, start: date, *, end: date | None = None, end_reason=None,
              twv_state=TwvState.granted) -> Placement:
    """A placement row straight in the table, so any start date can be used."""
    application = make.application(vacancy, stage=Stage.hired)
    p = Placement(application_id=application.id, organisation_id=vacancy.organisation_id,
                  vacancy_id=vacancy.id, start_date=start, hours_per_week=24,
                  contract_type=ContractType.temporary, twv_needed=True, twv_state=twv_state,
                  end_date=end, end_reason=end_reason)
    db.session.add(p)
    db.session.flush()
    return p


def checks(p: Placement) -> dict[CheckKind, AftercareCheck]:
    db.session.expire_all()
    rows = db.session.scalars(select(AftercareCheck).where(AftercareCheck.placement_id == p.id))
    return {c.kind: c for c in rows}


def noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, 0, tzinfo=AMS)
