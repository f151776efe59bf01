"""Public JSON feed of open vacancies, for partner sites and screens in the azc.
Only what the posters already show: never applicants or members."""
from __future__ import annotations

import json

from flask import current_app, request

from portal.formatting import decimal_euros
from portal.urls import absolute_url
from portal.vacancies import queries
from portal.vacancies.views import bp


def _item(v) -> dict:
    return {
        "code": v.code,
        "title": v.title,
        "organisation": v.organisation.name,
        "client": v.client_name,
        "city": v.city,
        "hours_min": v.hours_min,
        "hours_max": v.hours_max,
        "contract_type": v.contract_type.value,
        "wage_min": decimal_euros(v.wage_min_cents),
        "wage_max": decimal_euros(v.wage_max_cents),
        "dutch_level": v.dutch_level.value,
        "english_level": v.english_level.value,
        "safety_critical": v.safety_critical,
        "open_to_asylum": v.open_to_asylum,
        "open_to_status": v.open_to_status,
        "tour_offered": v.tour_offered,
        "positions": v.positions,
        "starts_on": v.start_date.isoformat(),
        "closes_on": v.closing_date.isoformat(),
        "text_language": v.text_language,
        "locations": [{"code": loc.code, "name": loc.name, "city": loc.city}
                      for loc in v.locations],
        "url": absolute_url("apply.vacancy", code=v.code),
        "poster_url": absolute_url("posters.public_poster", code=v.code),
    }


@bp.get("/api/v1/vacancies")
def feed():
    location = (request.args.get("location") or "").strip()[:8] or None
    items = [_item(v) for v in queries.open_vacancies(location)]
    body = json.dumps({"vacancies": items, "count": len(items)}, ensure_ascii=False,
                      separators=(",", ":"), sort_keys=True)
    response = current_app.response_class(body, mimetype="application/json")
    response.headers["Cache-Control"] = "public, max-age=300"
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.add_etag()
    return response.make_conditional(request)
