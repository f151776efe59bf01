"""The database itself refuses what the services refuse, so a race or a forgotten check in
some new code path cannot store it (SQLite and PostgreSQL alike)."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from portal.applicants.models import Stage
from portal.placements.models import Placement, TwvState
from portal.vacancies.models import ContractType

PHONE = "+31612345678"


def _refused(db_session) -> None:
    with pytest.raises(IntegrityError):
        db_session.flush()
    db_session.rollback()


def test_one_open_application_per_vacancy_and_phone(make, db_session):
    vacancy = make.vacancy()
    make.application(vacancy, phone=PHONE, stage=Stage.contacted)
    db_session.commit()
    with pytest.raises(IntegrityError):
        make.application(vacancy, phone=PHONE, stage=Stage.new)
        db_session.flush()
    db_session.rollback()


def test_ended_or_erased_applications_do_not_block_a_new_one(make, db_session):
    vacancy = make.vacancy()
    make.application(vacancy, phone=PHONE, stage=Stage.withdrawn)
    make.application(vacancy, phone=PHONE, stage=Stage.rejected)
    make.application(vacancy, phone=None, stage=Stage.new)  # erased: no phone any more
    make.application(vacancy, phone=None, stage=Stage.new)
    make.application(vacancy, phone=PHONE, stage=Stage.new)
    make.application(make.vacancy(), phone=PHONE, stage=Stage.new)  # another vacancy
    db_session.commit()


def test_one_placement_per_application(make, db_session):
    vacancy = make.vacancy()
    application = make.application(vacancy, stage=Stage.hired)
    db_session.commit()
    for _ in range(2):
        db_session.add(Placement(
            application=application, organisation=vacancy.organisation, vacancy=vacancy,
            start_date=date(2026, 12, 1), hours_per_week=24, contract_type=ContractType.temporary,
            twv_needed=True, twv_state=TwvState.to_apply))
    _refused(db_session)


@pytest.mark.parametrize("table, column", [
    ("application", "stage"), ("vacancy", "status"), ("organisation", "status"),
])
def test_a_status_outside_its_enum_is_refused(make, db_session, table, column):
    make.application(make.vacancy())
    db_session.commit()
    with pytest.raises(IntegrityError):
        # names from the parametrize list above, the value bound
        db_session.execute(text(f'UPDATE "{table}" SET {column} = :bad'), {"bad": "bogus"})  # noqa: S608
    db_session.rollback()


def test_a_reference_to_nothing_is_refused(make, db_session):
    """Foreign keys hold in every test as in production (SQLite switches them on per connection:
    a connection left without them would hide an erasure that orphans rows)."""
    vacancy = make.vacancy()
    db_session.commit()
    make.application(vacancy, phone=PHONE)
    db_session.flush()
    with pytest.raises(IntegrityError):
        db_session.execute(text("UPDATE application SET vacancy_id = :gone"),
                           {"gone": vacancy.id + 999})
        db_session.flush()
    db_session.rollback()
