"""Guidance pages from content/: an index with search and audience filter, and a page view.
Resident pages exist in all seven languages; employer pages in Dutch and English."""
from __future__ import annotations

from flask import Blueprint, abort, current_app, render_template, request
from flask_babel import get_locale

from portal.guidance.content import load_pages, page_for, search
from portal.i18n import resident_page

bp = Blueprint("guidance", __name__)

AUDIENCES = ("employer", "resident")


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
    return render_template("guidance/page.html", page=found, related=related)
