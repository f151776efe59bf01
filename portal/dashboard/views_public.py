"""GET /api/v1/figures: the public counts as stable JSON (see dashboard/public.py for the
definitions and the small-number rule). Anyone may read it; partners cache it."""
from __future__ import annotations

import json

from flask import current_app, request

from portal.dashboard.public import public_figures
from portal.dashboard.views import bp


@bp.get("/api/v1/figures")
def public_figures_json():
    body = json.dumps(public_figures().as_json(), ensure_ascii=False, separators=(",", ":"),
                      sort_keys=True)
    response = current_app.response_class(body, mimetype="application/json")
    response.headers["Cache-Control"] = "public, max-age=300"
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.add_etag()
    return response.make_conditional(request)
