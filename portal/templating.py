"""Template globals and filters shared by every feature."""
from __future__ import annotations

from datetime import date, datetime

from flask import Flask, has_request_context, request, url_for
from flask_babel import format_date, format_datetime, get_locale

from portal import i18n


def lang_url(code: str) -> str:
    """The current page in another language (keeps the query string)."""
    args = dict(request.args)
    args["lang"] = code
    return url_for(request.endpoint, **(request.view_args or {}), **args) if request.endpoint else "/"


def money(cents: int | None, isolate: bool | None = None) -> str:
    """Dutch notation (€ 14,71). On right-to-left pages the amount is wrapped in Unicode
    left-to-right isolates, so in an Arabic or Farsi sentence it stays "€ 14,71" instead of
    the sign jumping to the other side. PDFs (no bidi engine) ask for isolate=False."""
    if cents is None:
        return ""
    euros, rest = divmod(int(cents), 100)
    text = f"€ {euros},{rest:02d}"
    if isolate is None:
        isolate = has_request_context() and i18n.text_direction() == "rtl"
    return f"\u2066{text}\u2069" if isolate else text


def nice_date(value: date | datetime | None, fmt: str = "long") -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return format_datetime(value, "d MMM yyyy HH:mm")
    return format_date(value, fmt)


def init_app(app: Flask) -> None:
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.filters["money"] = money
    app.jinja_env.filters["nice_date"] = nice_date

    @app.context_processor
    def _globals():
        code = str(get_locale() or "nl")
        return {
            "current_lang": code,
            "text_dir": i18n.text_direction(code),
            "page_languages": [(c, i18n.LANGUAGES[c][0]) for c in i18n.page_languages()],
            "lang_url": lang_url,
            "lang_dir": lambda c: i18n.LANGUAGES.get(c, ("", "ltr"))[1],
            "is_resident_page": i18n.is_resident_page(),
        }
