"""Figures worked out by hand from scenario.py (period 5 Jan – 15 Mar 2026, today 16 Mar)."""
from datetime import date

STAGES0 = dict.fromkeys(["new", "contacted", "tour", "assessment", "offer", "hired", "rejected",
                         "withdrawn", "no_show"], 0)
SIGNALS0 = dict.fromkeys(["no_contract", "pay_below_minimum_or_late", "unpaid_trial", "cash_pay",
                          "documents_taken", "long_days", "housing_tied", "pressure", "debt",
                          "other"], 0)
WEEKS = [date(2026, 1, 5), date(2026, 1, 12), date(2026, 1, 19), date(2026, 1, 26),
         date(2026, 2, 2), date(2026, 2, 9), date(2026, 2, 16), date(2026, 2, 23),
         date(2026, 3, 2), date(2026, 3, 9)]


def weekly(*counts):
    return list(zip(WEEKS, counts, strict=True))


def stages(**kw):
    return {**STAGES0, **kw}


def signals(**kw):
    return {**SIGNALS0, **kw}


REGION_A = {
    "organisations": {"pending": 1, "approved": 2, "rejected": 1, "suspended": 1,
                      "registered": 4, "median_days_to_approval": 7.0},
    "vacancies": {"published": 3, "open_now": 1, "filled": 1, "expired": 1, "closed": 1},
    "applications": {
        "total": 10,
        "by_stage": stages(new=2, contacted=1, assessment=1, offer=1, hired=2, rejected=1,
                           withdrawn=1, no_show=1),
        "by_residence": {"asylum_seeker": 6, "status_holder": 3, "unknown": 1},
        "by_language": {"ar": 4, "en": 1, "fa": 1, "nl": 1, "so": 1, "ti": 1, "tr": 1},
        "by_poster": [("azc Alfa", 6), ("azc Beta", 3), ("", 1)],
        "median_days_to_contact": 2.0, "median_days_to_hire": 15.0,
    },
    "applications_weekly": weekly(2, 0, 2, 1, 1, 2, 0, 0, 1, 1),
    "tours": {"held": 2, "planned": 1, "cancelled": 1, "invited": 5, "attended": 2,
              "no_show": 2, "unknown": 1, "no_show_rate": 50.0},
    "placements": {
        "started": 3, "hours_total": 68, "hours_average": 22.7,
        "by_contract": {"fixed_term": 1, "temporary": 2},
        "twv_applied": 3, "twv_granted": 1, "twv_refused": 1, "ended": 3, "twv_cancelled": 1,
        "cancellations_pending": 2, "cancellations_overdue": 1,
        "six_weeks": {"reached": 3, "still": 2, "rate": 66.7},
        "three_months": {"reached": 2, "still": 1, "rate": 50.0},
    },
    "placements_weekly": weekly(0, 0, 0, 0, 1, 0, 0, 1, 1, 0),
    "reports": {"total": 3, "by_state": {"new": 1, "investigating": 1, "forwarded": 0, "closed": 1},
                "by_signal": signals(cash_pay=2, unpaid_trial=1, no_contract=1, other=1)},
    "questions": {"asked": 4, "answered": 3, "median_hours_to_answer": 6.0},
}

LOCATION_A1 = {
    "organisations": REGION_A["organisations"],  # organisations are not tied to an azc
    "vacancies": {"published": 2, "open_now": 1, "filled": 0, "expired": 1, "closed": 1},
    "applications": {
        "total": 5,
        "by_stage": stages(new=1, offer=1, hired=2, withdrawn=1),
        "by_residence": {"asylum_seeker": 5, "status_holder": 0, "unknown": 0},
        "by_language": {"ar": 3, "fa": 1, "tr": 1},
        "by_poster": [("azc Alfa", 4), ("", 1)],
        "median_days_to_contact": 2.0, "median_days_to_hire": 15.0,
    },
    "applications_weekly": weekly(1, 0, 1, 1, 0, 1, 0, 0, 1, 0),
    "tours": {"held": 2, "planned": 0, "cancelled": 1, "invited": 3, "attended": 2,
              "no_show": 0, "unknown": 1, "no_show_rate": 0.0},
    "placements": {
        "started": 2, "hours_total": 52, "hours_average": 26.0,
        "by_contract": {"fixed_term": 1, "temporary": 1},
        "twv_applied": 2, "twv_granted": 1, "twv_refused": 1, "ended": 2, "twv_cancelled": 1,
        "cancellations_pending": 1, "cancellations_overdue": 1,
        "six_weeks": {"reached": 2, "still": 1, "rate": 50.0},
        "three_months": {"reached": 1, "still": 0, "rate": 0.0},
    },
    "placements_weekly": weekly(0, 0, 0, 0, 1, 0, 0, 1, 0, 0),
    "reports": {"total": 1, "by_state": {"new": 1, "investigating": 0, "forwarded": 0, "closed": 0},
                "by_signal": signals(cash_pay=1, unpaid_trial=1)},
    "questions": REGION_A["questions"],  # questions are not tied to an azc
}

REGION_B = {
    "organisations": {"pending": 1, "approved": 1, "rejected": 0, "suspended": 0,
                      "registered": 2, "median_days_to_approval": 2.0},
    "vacancies": {"published": 1, "open_now": 1, "filled": 0, "expired": 0, "closed": 0},
    "applications": {
        "total": 1, "by_stage": stages(hired=1),
        "by_residence": {"asylum_seeker": 1, "status_holder": 0, "unknown": 0},
        "by_language": {"ar": 1}, "by_poster": [("azc Gamma", 1)],
        "median_days_to_contact": 1.0, "median_days_to_hire": 10.0,
    },
    "applications_weekly": weekly(0, 0, 0, 0, 1, 0, 0, 0, 0, 0),
    "tours": {"held": 1, "planned": 0, "cancelled": 0, "invited": 1, "attended": 1,
              "no_show": 0, "unknown": 0, "no_show_rate": 0.0},
    "placements": {
        "started": 1, "hours_total": 24, "hours_average": 24.0, "by_contract": {"temporary": 1},
        "twv_applied": 1, "twv_granted": 0, "twv_refused": 0, "ended": 0, "twv_cancelled": 0,
        "cancellations_pending": 0, "cancellations_overdue": 0,
        "six_weeks": {"reached": 0, "still": 0, "rate": None},
        "three_months": {"reached": 0, "still": 0, "rate": None},
    },
    "placements_weekly": weekly(0, 0, 0, 0, 0, 0, 1, 0, 0, 0),
    "reports": {"total": 1, "by_state": {"new": 1, "investigating": 0, "forwarded": 0, "closed": 0},
                "by_signal": signals(documents_taken=1)},
    "questions": {"asked": 1, "answered": 1, "median_hours_to_answer": 2.0},
}
