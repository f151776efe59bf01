"""More of the known world (scenario.py) for the figures at a glance, added on top without
changing any figure of expected.py: the route each application came in by, two hires that
start next month with their permit still to apply for and waiting at UWV, and aftercare
check-ins with concerns. The expected figures in expected_glance.py are worked out by hand."""
from __future__ import annotations

from types import SimpleNamespace

from sqlalchemy import select

from portal import db
from portal.aftercare.models import CheckKind, CheckState
from portal.applicants.models import ApplicationSource, ResidenceStatus, Stage
from portal.placements.models import Placement, TwvState
from tests.dashboard.scenario import at, d


def _placement_of(application) -> Placement:
    return db.session.scalars(select(Placement).where(Placement.application_id == application.id)).one()


def extend(make, w: SimpleNamespace) -> SimpleNamespace:
    apps = [v for k, v in vars(w).items() if k.startswith(("a", "b")) and k[1:].isdigit()]
    for app in apps:  # as the migration fills them
        app.source = ApplicationSource.poster if app.poster_location_id else ApplicationSource.link
    w.a3.source = ApplicationSource.desk  # entered at the Werkbalie (it has no poster)
    w.a10.source = ApplicationSource.proposal  # an adviser proposed the resident

    # Hired long before the period, starting next month: only the "now" TWV figures see them.
    w.x1 = make.application(w.v3, stage=Stage.hired, created_at=at("2025-09-01T10:00"),
                            azc_location_id=w.A1.id, poster_location_id=w.A1.id,
                            residence_status=ResidenceStatus.asylum_seeker)
    w.x2 = make.application(w.v3, stage=Stage.hired, created_at=at("2025-09-02T10:00"),
                            azc_location_id=w.A2.id, poster_location_id=w.A2.id,
                            residence_status=ResidenceStatus.asylum_seeker)
    make.placement(w.x1, twv_state=TwvState.to_apply, start_date=d("2026-04-15"),
                   created_at=at("2026-03-02T10:00"))  # 14 days since the hire was entered
    make.placement(w.x2, twv_state=TwvState.applied, start_date=d("2026-04-20"),
                   twv_applied_on=d("2026-01-04"))  # 71 days at UWV: over five weeks
    db.session.flush()

    p_a1, p_a3, p_a12, p_b1 = (_placement_of(a) for a in (w.a1, w.a3, w.a12, w.b1))
    make.aftercare_check(p_a1, kind=CheckKind.week1, state=CheckState.answered, due_on=d("2026-02-09"),
                         answered_at=at("2026-02-10T09:00"), concerns=["language", "schedule"],
                         needs_follow_up=True)  # waits for the adviser
    make.aftercare_check(p_a1, kind=CheckKind.week6, state=CheckState.sent, due_on=d("2026-03-16"))
    make.aftercare_check(p_a3, kind=CheckKind.week1, state=CheckState.overdue, due_on=d("2026-03-02"))
    make.aftercare_check(p_a12, kind=CheckKind.month3, state=CheckState.answered, due_on=d("2026-03-02"),
                         answered_at=at("2026-03-03T09:00"), concerns=["rights"], needs_follow_up=True,
                         adviser_followed_up_at=at("2026-03-05T09:00"))  # handled
    make.aftercare_check(p_b1, kind=CheckKind.week1, state=CheckState.answered, due_on=d("2026-02-23"),
                         answered_at=at("2026-02-24T09:00"), concerns=["transport"],
                         needs_follow_up=True)
    db.session.flush()
    return w
