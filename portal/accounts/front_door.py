"""The front page `/` for visitors: a resident path in seven languages (language picker by own
names, jobs at my azc, type the code from a poster) and, in Dutch and English, why and how an
employer takes part, links to the guidance, public figures and short examples from the pilots.
No JavaScript, small (a budget test keeps it under 30 KB).

Figures come from the dashboard, a higher layer, through the `front_page` signal: this module
only renders what receivers return (see portal/signals.py, "merged")."""
from __future__ import annotations

import re
from pathlib import Path

from flask import current_app, redirect, render_template, request, url_for
from sqlalchemy import select

from portal import db
from portal.accounts.views import bp
from portal.guidance.content import load_pages, page_for
from portal.i18n import LANGUAGES
from portal.regions.models import Location
from portal.signals import merged, signals

# Receivers return template values for the front page (dashboard.public: "figures").
front_page = signals.signal("front-page")

EMPLOYER_LANGUAGES = ("nl", "en")
EXAMPLES_DIR = "voorbeelden"  # content/voorbeelden/<slug>.<lang>.md, same front matter as guidance
# The guidance a prospective employer reads first, in this order.
EMPLOYER_GUIDES = ("eerste-keer-checklist", "twv-asielzoeker", "statushouder", "voor-de-aanname",
                   "loon-en-verzekering", "subsidies", "contact")
MAX_CODE = 12
_NOT_CODE = re.compile(r"[^A-Za-z0-9]")


def _locations() -> list[Location]:
    return list(db.session.scalars(
        select(Location).where(Location.active.is_(True)).order_by(Location.name)))


def _examples(lang: str) -> list:
    directory = Path(current_app.config["CONTENT_DIR"]) / EXAMPLES_DIR
    if not directory.is_dir():
        return []
    pages = load_pages(directory)
    slugs = sorted({slug for slug, _ in pages})
    return [page_for(pages, slug, lang) for slug in slugs]


def _guides(lang: str) -> list:
    pages = load_pages(current_app.config["CONTENT_DIR"])
    return [p for p in (page_for(pages, slug, lang) for slug in EMPLOYER_GUIDES) if p is not None]


def page(lang: str):
    """The visitor's front page in `lang` (one of the seven)."""
    for_employers = lang in EMPLOYER_LANGUAGES
    context = {
        "languages": [(code, name, direction) for code, (name, direction) in LANGUAGES.items()],
        "locations": _locations(),
        "for_employers": for_employers,
        "guides": _guides(lang) if for_employers else [],
        "examples": _examples(lang) if for_employers else [],
        "figures": None,
    }
    if for_employers:
        # current_app is a LocalProxy that Flask's stubs type as Flask itself.
        context.update(merged(front_page, current_app._get_current_object()))  # type: ignore[attr-defined]
    return render_template("accounts/home_public.html", **context)


@bp.get("/code")
def poster_code():
    """The small form on the front page: a code typed from a poster leads to its vacancy
    (GET, no JavaScript). Spaces and dashes people type are dropped; /v/ handles the rest."""
    code = _NOT_CODE.sub("", request.args.get("code", ""))[:MAX_CODE]
    if not code:
        return redirect(url_for("accounts.home") + "#code")
    return redirect(url_for("apply.vacancy", code=code.upper()))
