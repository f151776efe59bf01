"""A known world for the figures: two regions, three azc locations, organisations in every
state, vacancies in every state, applications through all stages with events at known times,
tours with attendance, placements with TWV states and cancellations, reports and questions.
The expected figures in test_figures.py are worked out by hand from these rows."""
from __future__ import annotations

from datetime import UTC, date, datetime
from types import SimpleNamespace

from portal import db
from portal.applicants.models import ApplicationEvent, ResidenceStatus, Stage
from portal.organisations.models import OrgKind, OrgStatus
from portal.vacancies.models import ContractType, VacancyStatus

NOW = datetime(2026, 3, 16, 10, 0, tzinfo=UTC)  # a Monday
START, END = date(2026, 1, 5), date(2026, 3, 15)


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def d(text: str) -> date:
    return date.fromisoformat(text)


def build(make) -> SimpleNamespace:
    from portal.accounts.models import Role

    w = SimpleNamespace()
    w.A, w.B = make.region("Regio A"), make.region("Regio B")
    w.A1 = make.location(w.A, code="AAA1", name="azc Alfa")
    w.A2 = make.location(w.A, code="AAA2", name="azc Beta")
    w.B1 = make.location(w.B, code="BBB1", name="azc Gamma")
    w.adviser_a = make.user(Role.adviser, region=w.A)
    w.adviser_b = make.user(Role.adviser, region=w.B)

    def org(region, status, sector, created, decided=None, kind=OrgKind.employer):
        o = make.organisation(region, status=status, kind=kind)
        o.sector, o.created_at, o.decided_at = sector, at(created), decided and at(decided)
        return o

    w.log = org(w.A, OrgStatus.approved, "logistiek", "2026-01-10T09:00", "2026-01-14T09:00",
                kind=OrgKind.agency)
    w.hor = org(w.A, OrgStatus.approved, "horeca", "2026-01-20T09:00", "2026-01-30T09:00")
    org(w.A, OrgStatus.pending, "logistiek", "2026-02-01T09:00")
    org(w.A, OrgStatus.suspended, "bouw", "2025-12-01T09:00", "2026-02-10T09:00")
    org(w.A, OrgStatus.rejected, "horeca", "2026-02-02T09:00", "2026-02-03T09:00")
    w.orgb = org(w.B, OrgStatus.approved, "logistiek", "2026-01-05T09:00", "2026-01-07T09:00")
    org(w.B, OrgStatus.pending, "bouw", "2026-02-10T09:00")

    def vac(o, locs, status, published=None, closed=None, closing="2026-04-01"):
        return make.vacancy(o, locs, status=status, published_at=published and at(published),
                            closed_at=closed and at(closed), closing_date=d(closing),
                            start_date=d("2026-01-01"))

    w.v1 = vac(w.log, [w.A1, w.A2], VacancyStatus.published, "2026-01-15T09:00")
    w.v2 = vac(w.hor, [w.A2], VacancyStatus.filled, "2026-01-25T09:00", "2026-02-20T09:00")
    w.v3 = vac(w.log, [w.A1], VacancyStatus.expired, "2025-12-10T09:00", "2026-01-10T09:00",
               closing="2026-01-09")
    w.v4 = vac(w.hor, [w.A1], VacancyStatus.closed, "2026-02-01T09:00", "2026-03-01T09:00")
    vac(w.log, [w.A1], VacancyStatus.draft)
    w.vb = vac(w.orgb, [w.B1], VacancyStatus.published, "2026-02-01T09:00")

    def app(v, created, azc, poster, residence, lang, stage, events=()):
        a = make.application(v, stage=stage, created_at=at(created), consent_at=at(created),
                             azc_location_id=azc and azc.id, poster_location_id=poster and poster.id,
                             residence_status=residence, ui_language=lang)
        previous = None
        for to_stage, when in events:
            db.session.add(ApplicationEvent(application=a, from_stage=previous, to_stage=to_stage,
                                            created_at=at(when)))
            previous = to_stage
        return a

    AS, SH, UN = ResidenceStatus.asylum_seeker, ResidenceStatus.status_holder, ResidenceStatus.unknown
    S = Stage
    w.a1 = app(w.v1, "2026-01-20T10:00", w.A1, w.A1, AS, "ar", S.hired,
               [(S.contacted, "2026-01-21T10:00"), (S.tour, "2026-01-25T10:00"),
                (S.offer, "2026-01-28T10:00"), (S.hired, "2026-01-30T10:00")])
    w.a2 = app(w.v1, "2026-01-22T10:00", w.A2, w.A2, SH, "ti", S.contacted,
               [(S.contacted, "2026-01-25T10:00")])
    w.a3 = app(w.v2, "2026-02-01T10:00", w.A1, None, AS, "fa", S.hired,
               [(S.contacted, "2026-02-03T10:00"), (S.hired, "2026-02-21T10:00")])
    w.a4 = app(w.v2, "2026-02-02T12:00", w.A2, w.A2, UN, "nl", S.rejected,
               [(S.contacted, "2026-02-06T12:00"), (S.rejected, "2026-02-10T12:00")])
    w.a5 = app(w.v4, "2026-02-10T09:00", w.A1, w.A1, AS, "ar", S.withdrawn,
               [(S.withdrawn, "2026-02-11T09:00")])
    w.a6 = app(w.v4, "2026-02-12T09:00", None, w.A1, AS, "en", S.no_show,
               [(S.contacted, "2026-02-13T09:00"), (S.tour, "2026-02-13T10:00"),
                (S.no_show, "2026-02-14T12:00")])
    w.a7 = app(w.v1, "2026-03-02T10:00", w.A1, w.A1, AS, "ar", S.new)
    w.a8 = app(w.v1, "2025-12-20T10:00", w.A1, w.A1, AS, "ar", S.tour,
               [(S.contacted, "2025-12-22T10:00")])
    w.a9 = app(w.v1, "2026-03-10T10:00", w.A2, w.A1, SH, "so", S.assessment,
               [(S.contacted, "2026-03-11T10:00"), (S.assessment, "2026-03-12T10:00")])
    w.a10 = app(w.v3, "2026-01-06T10:00", w.A1, w.A1, AS, "tr", S.offer,
                [(S.contacted, "2026-01-08T10:00"), (S.offer, "2026-01-09T10:00")])
    w.a11 = app(w.v3, "2025-11-01T10:00", w.A2, w.A2, SH, "ar", S.hired)
    w.a12 = app(w.v3, "2025-10-01T10:00", w.A1, w.A1, AS, "ar", S.hired)
    # 00:30 in Amsterdam on the first day of the period: inside; on the day after: outside.
    w.a13 = app(w.v1, "2026-01-04T23:30", w.A2, w.A2, SH, "ar", S.new)
    w.a14 = app(w.v1, "2026-03-15T23:30", w.A1, w.A1, AS, "ar", S.new)
    w.b1 = app(w.vb, "2026-02-05T10:00", w.B1, w.B1, AS, "ar", S.hired,
               [(S.contacted, "2026-02-06T10:00"), (S.hired, "2026-02-15T10:00")])
    _tours(make, w)
    _placements(w)
    _reports_and_questions(w)
    db.session.flush()
    return w


def _tours(make, w):
    from portal.tours.models import Attendance, Tour, TourInvite, TourState

    def tour(o, v, when, state, invites):
        t = Tour(organisation=o, vacancy=v, starts_at=at(when), address="Hemkade 12", capacity=8,
                 state=state)
        t.invites = [TourInvite(application=a, attendance=att) for a, att in invites]
        db.session.add(t)

    att, ns, unk = Attendance.attended, Attendance.no_show, Attendance.unknown
    tour(w.log, w.v1, "2026-01-25T10:00", TourState.held, [(w.a1, att), (w.a2, ns)])
    tour(w.hor, w.v4, "2026-02-14T10:00", TourState.held, [(w.a6, ns), (w.a3, att), (w.a5, unk)])
    tour(w.log, w.v1, "2026-03-05T10:00", TourState.cancelled, [(w.a7, unk)])
    tour(w.log, w.v1, "2026-03-20T10:00", TourState.confirmed, [(w.a7, unk)])
    tour(w.hor, w.v4, "2026-03-12T10:00", TourState.confirmed, [(w.a9, unk)])
    tour(w.orgb, w.vb, "2026-02-10T10:00", TourState.held, [(w.b1, att)])


def _placements(w):
    from portal.placements.models import EndReason, Placement, TwvState

    def place(a, o, v, start, hours, contract, state, applied=None, decided=None, end=None,
              reason=None, requested=None, cancelled=None):
        p = Placement(application=a, organisation=o, vacancy=v, start_date=d(start),
                      hours_per_week=hours, contract_type=contract,
                      twv_needed=state != TwvState.not_needed, twv_state=state,
                      twv_applied_on=applied and d(applied), twv_decided_on=decided and d(decided),
                      end_date=end and d(end), end_reason=reason,
                      cancellation_requested_at=requested and at(requested),
                      cancelled_at=cancelled and at(cancelled))
        db.session.add(p)
        return p

    C, T = ContractType, TwvState
    place(w.a1, w.log, w.v1, "2026-02-02", 32, C.temporary, T.granted, "2026-01-31", "2026-02-01")
    place(w.a8, w.log, w.v1, "2025-12-29", 24, C.on_call, T.cancellation_requested, "2025-12-20",
          "2025-12-27", end="2026-01-20", reason=EndReason.end_of_contract,
          requested="2026-01-20T10:00")
    place(w.a3, w.hor, w.v2, "2026-02-23", 20, C.fixed_term, T.refused, "2026-02-22", "2026-03-02")
    place(w.a11, w.log, w.v3, "2025-11-24", 40, C.permanent, T.not_needed)
    place(w.a2, w.log, w.v1, "2026-03-02", 16, C.temporary, T.cancellation_requested, "2026-03-01",
          end="2026-03-10", reason=EndReason.not_started, requested="2026-03-10T10:00")
    place(w.a12, w.log, w.v3, "2025-12-01", 30, C.temporary, T.cancelled, "2025-11-20", "2025-11-25",
          end="2026-02-28", reason=EndReason.end_of_contract, requested="2026-02-28T10:00",
          cancelled="2026-03-03T10:00")
    place(w.b1, w.orgb, w.vb, "2026-02-16", 24, C.temporary, T.applied, "2026-02-14")


def _reports_and_questions(w):
    from portal.questions.models import Question, QuestionState
    from portal.reports.models import Report, ReporterType, ReportState

    def report(code, region, created, loc, signals, state, o=None):
        db.session.add(Report(code=code, region_id=region.id, created_at=at(created),
                              location_id=loc and loc.id, signals=signals, state=state,
                              organisation_id=o and o.id, reporter_type=ReporterType.resident))

    report("RA1", w.A, "2026-01-15T10:00", w.A1, ["cash_pay", "unpaid_trial"], ReportState.new, w.log)
    report("RA2", w.A, "2026-02-15T10:00", w.A2, ["cash_pay"], ReportState.investigating)
    report("RA3", w.A, "2026-03-01T10:00", None, ["no_contract", "other"], ReportState.closed, w.hor)
    report("RA4", w.A, "2025-12-01T10:00", w.A1, ["pressure"], ReportState.forwarded)
    report("RB1", w.B, "2026-02-01T10:00", w.B1, ["documents_taken"], ReportState.new, w.orgb)

    def question(o, created, answered=None):
        db.session.add(Question(organisation=o, subject="Vraag over TWV", created_at=at(created),
                                first_answered_at=answered and at(answered),
                                state=QuestionState.answered if answered else QuestionState.open))

    question(w.log, "2026-01-10T10:00", "2026-01-10T16:00")
    question(w.hor, "2026-02-01T10:00", "2026-02-02T12:00")
    question(w.log, "2026-03-01T10:00")
    question(w.log, "2026-03-05T10:00", "2026-03-05T11:00")
    question(w.orgb, "2026-02-01T10:00", "2026-02-01T12:00")
