"""Guidance pages from content/: an index with search and audience filter, and a page view.
Resident pages exist in all seven languages; employer pages in Dutch and English."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from portal.guidance.content import load_pages, page_for, search
from portal.guidance.render import fill_placeholders
from portal.guidance.signals import collect_page_values
from portal.i18n import resident_page

bp = Blueprint("guidance", __name__)

AUDIENCES = ("employer", "resident")
# content.REVIEWER_ROLES in the reader's language
ROLE_LABELS = {
    "portal editor": _l("de redactie van het portaal"),
    "UWV employer adviser": _l("een werkgeversadviseur van UWV"),
    "COA programme staff": _l("een medewerker van het COA"),
    "legal adviser": _l("een jurist"),
    "translator": _l("een vertaler"),
}


def _pages():
    return load_pages(current_app.config["CONTENT_DIR"])


def _lang() -> str:
    return str(get_locale())


@bp.get("/hulp/")
@resident_page
def index():
    pages = _pages()
    lang = _lang()
    audience = request.args.get("voor")
    audience = audience if audience in AUDIENCES else None
    query = request.args.get("q", "").strip()[:100]
    # One entry per slug, in the reader's language where it exists (else English, else Dutch).
    slugs = sorted({slug for slug, _ in pages})
    entries = [p for p in (page_for(pages, s, lang) for s in slugs) if p is not None]
    if audience:
        entries = [p for p in entries if p.is_for(audience)]
    if query:
        hits = search(entries, query)
        entries = hits
    else:
        entries.sort(key=lambda p: (p.audience != "resident", p.title.casefold()))
    return render_template("guidance/index.html", entries=entries, query=query, audience=audience)


@bp.get("/hulp/<slug>")
@resident_page
def page(slug: str):
    pages = _pages()
    found = page_for(pages, slug, _lang())
    if found is None:
        abort(404)
    related = [p for p in (page_for(pages, s, _lang()) for s in found.related) if p is not None]
    body = found.html
    if found.placeholders:
        # current_app is a LocalProxy that Flask's stubs type as Flask itself.
        values = collect_page_values(current_app._get_current_object())  # type: ignore[attr-defined]
        body = fill_placeholders(body, values, missing=_("(onbekend)"))
    reviewer = ROLE_LABELS.get(found.reviewed_by or "")
    return render_template("guidance/page.html", page=found, body=body, related=related,
                           reviewer=reviewer)
