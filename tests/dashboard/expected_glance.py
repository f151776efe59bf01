"""The figures at a glance worked out by hand from scenario.py + scenario_glance.py (period 5 Jan
– 15 Mar 2026, a Monday-to-Sunday span of 70 days; today 16 Mar; the previous period is 27 Oct
2025 – 4 Jan 2026).

Band, region A. Placements: a1 2 Feb-, a3 23 Feb-, a11 24 Nov-, a8 29 Dec-20 Jan, a12 1 Dec-28 Feb,
a2 2 Mar-10 Mar (did not start). At work on 15 Mar: a1, a3, a11 (3) with the agency and the
hotel (2 employers); on 4 Jan: a8, a11, a12 (3), all the agency. Started in the period a1, a3,
a2 (3); before: a11, a12, a8 (3). Three-month mark in the period (start 6 Oct - 14 Dec): a11
(still at work) and a12 (89 days): 1 of 2. Open on 15 Mar: v1; on 4 Jan: v3. Days from applying
to the first working day: a1 13, a3 22 (median 17.5); before: a8 9, a11 23, a12 61 (23).

Funnel, region A: a1 hired, a2 contacted, a3 hired, a4 contacted then rejected, a5 withdrawn
at once, a6 contacted and toured then no-show, a7 new, a9 in assessment, a10 offer, a13 new:
10 applied, 7 contacted, 5 toured or further (a1, a3, a6, a9, a10), 2 hired. Six weeks before
today is 2 Feb: a1 reached it and still works; a3 (23 Feb) not yet."""
from tests.dashboard.expected import WEEKS  # noqa: F401  (the same ten weeks)

NOTHING = {"finished": 0, "median_days": None, "slowest_days": None}

# key: (value, previous, change in words)
BAND_A = {
    "working": (3, 3, "gelijk"),
    "employers": (2, 1, "1 meer"),
    "hired": (3, 3, "gelijk"),
    "retained_3m": (50.0, None, "geen vergelijking"),
    "open_vacancies": (1, 1, "gelijk"),
    "days_to_start": (17.5, 23.0, "5,5 dagen korter"),
}
# azc Alfa: at work a1, a3 (4 Jan: a8, a12), employers agency+hotel (4 Jan: agency), started
# a1, a3 (before: a8, a12), the mark: a12 only (0 of 1); days 13, 22 (before 9, 61 -> 35).
BAND_A1 = {
    "working": (2, 2, "gelijk"),
    "employers": (2, 1, "1 meer"),
    "hired": (2, 2, "gelijk"),
    "retained_3m": (0.0, None, "geen vergelijking"),
    "open_vacancies": (1, 1, "gelijk"),
    "days_to_start": (17.5, 35.0, "17,5 dagen korter"),
}
BAND_B = {
    "working": (1, 0, "1 meer"),
    "employers": (1, 0, "1 meer"),
    "hired": (1, 0, "1 meer"),
    "retained_3m": (None, None, "geen vergelijking"),
    "open_vacancies": (1, 0, "1 meer"),
    "days_to_start": (11.0, None, "geen vergelijking"),
}

# (count, share of the applications)
STEPS_A = {"applied": (10, 100.0), "contacted": (7, 70.0), "tour": (5, 50.0), "hired": (2, 20.0),
           "six_weeks": (1, 10.0), "three_months": (0, 0.0)}
STEPS_A1 = {"applied": (5, 100.0), "contacted": (3, 60.0), "tour": (3, 60.0), "hired": (2, 40.0),
            "six_weeks": (1, 20.0), "three_months": (0, 0.0)}
STEPS_B = {"applied": (1, 100.0), "contacted": (1, 100.0), "tour": (1, 100.0), "hired": (1, 100.0),
           "six_weeks": (0, 0.0), "three_months": (0, 0.0)}
# Route, region A: desk a3, proposal a10, every other one came by a poster.
STEPS_A_POSTER = {"applied": (8, 100.0), "contacted": (5, 62.5), "tour": (3, 37.5), "hired": (1, 12.5),
                  "six_weeks": (1, 12.5), "three_months": (0, 0.0)}
STEPS_A_DESK = {"applied": (1, 100.0), "contacted": (1, 100.0), "tour": (1, 100.0), "hired": (1, 100.0),
                "six_weeks": (0, 0.0), "three_months": (0, 0.0)}
STEPS_A_PROPOSAL = {"applied": (1, 100.0), "contacted": (1, 100.0), "tour": (1, 100.0),
                    "hired": (0, 0.0), "six_weeks": (0, 0.0), "three_months": (0, 0.0)}
# Status holders, region A: a2 (contacted), a9 (assessment), a13 (new).
STEPS_A_STATUS_HOLDERS = {"applied": (3, 100.0), "contacted": (2, 66.7), "tour": (1, 33.3),
                          "hired": (0, 0.0), "six_weeks": (0, 0.0), "three_months": (0, 0.0)}
# ... and their band: a11 works (since 24 Nov), a2 started but did not go ahead.
BAND_A_STATUS_HOLDERS = {
    "working": (1, 1, "gelijk"),
    "employers": (1, 1, "gelijk"),
    "hired": (1, 1, "gelijk"),
    "retained_3m": (100.0, None, "geen vergelijking"),
    "open_vacancies": (1, 1, "gelijk"),
    "days_to_start": (None, 23.0, "geen vergelijking"),
}

TREND_A = {
    "applications": [2, 0, 2, 1, 1, 2, 0, 0, 1, 1],
    "hires": [0, 0, 0, 0, 1, 0, 0, 1, 1, 0],
    "endings": [0, 0, 1, 0, 0, 0, 0, 1, 0, 1],  # a8 20 Jan, a12 28 Feb, a2 10 Mar
}
TREND_B = {"applications": [0, 0, 0, 0, 1, 0, 0, 0, 0, 0], "hires": [0, 0, 0, 0, 0, 0, 1, 0, 0, 0],
           "endings": [0] * 10}

# name, applied, contacted, hired, started, working, reached 3m, still 3m, weekly applications
AZC_A = [
    ("azc Alfa", 5, 3, 2, 2, 2, 1, 0, [1, 0, 1, 1, 0, 1, 0, 0, 1, 0]),
    ("azc Beta", 4, 3, 0, 1, 1, 1, 1, [1, 0, 1, 0, 1, 0, 0, 0, 0, 1]),
    ("Geen azc opgegeven", 1, 1, 0, 0, 0, 0, 0, [0, 0, 0, 0, 0, 1, 0, 0, 0, 0]),
]
AZC_B = [("azc Gamma", 1, 1, 1, 1, 1, 0, 0, [0, 0, 0, 0, 1, 0, 0, 0, 0, 0])]

# Days in each stage until the next step, of the period's applications (see the docstring of
# queries_stalls). New: a1 1, a2 3, a3 2, a4 4, a5 1, a6 1, a9 1, a10 2 -> 1 1 1 1 2 2 3 4.
# Contacted: a6 1 hour, a9 1, a10 1, a1 4, a4 4, a3 18. Tour: a6 26 hours, a1 3. Offer: a1 2.
STAGES_A = {
    "new": {"finished": 8, "median_days": 1.5, "slowest_days": 4.0},
    "contacted": {"finished": 6, "median_days": 2.5, "slowest_days": 18.0},
    "tour": {"finished": 2, "median_days": 2.0, "slowest_days": 3.0},
    "assessment": NOTHING,
    "offer": {"finished": 1, "median_days": 2.0, "slowest_days": 2.0},
}
STAGES_A1 = {
    "new": {"finished": 4, "median_days": 1.5, "slowest_days": 2.0},
    "contacted": {"finished": 3, "median_days": 4.0, "slowest_days": 18.0},
    "tour": {"finished": 1, "median_days": 3.0, "slowest_days": 3.0},
    "assessment": NOTHING,
    "offer": {"finished": 1, "median_days": 2.0, "slowest_days": 2.0},
}
STAGES_B = {
    "new": {"finished": 1, "median_days": 1.0, "slowest_days": 1.0},
    "contacted": {"finished": 1, "median_days": 9.0, "slowest_days": 9.0},
    "tour": NOTHING, "assessment": NOTHING, "offer": NOTHING,
}

# x1 waits 14 days for its application, x2 71 days at UWV; decided in the period: a1 after 1
# day, a3 after 8 (nearest rank: the slower of two).
TWV_A = {"to_apply": {"now": 1, "median_days_waiting": 14.0},
         "applied": {"now": 1, "median_days_waiting": 71.0, "over_legal_term": 1},
         "decided": {"n": 2, "median_days": 4.5, "slowest_days": 8}}
TWV_A1 = {"to_apply": {"now": 1, "median_days_waiting": 14.0},
          "applied": {"now": 0, "median_days_waiting": None, "over_legal_term": 0},
          "decided": {"n": 2, "median_days": 4.5, "slowest_days": 8}}
TWV_B = {"to_apply": {"now": 0, "median_days_waiting": None},
         "applied": {"now": 1, "median_days_waiting": 30.0, "over_legal_term": 0},  # since 14 Feb
         "decided": {"n": 0, "median_days": None, "slowest_days": None}}

CONCERNS0 = dict.fromkeys(["language", "schedule", "transport", "conduct", "rights", "other"], 0)
AFTERCARE_A = {"waiting_for_adviser": 1, "unanswered_overdue": 1,
               "by_concern": {**CONCERNS0, "language": 1, "schedule": 1}}
AFTERCARE_B = {"waiting_for_adviser": 1, "unanswered_overdue": 0,
               "by_concern": {**CONCERNS0, "transport": 1}}
