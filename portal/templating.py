"""Template globals and filters shared by every feature."""
from __future__ import annotations

from urllib.parse import urlencode

from flask import Flask, request
from flask_babel import get_locale

from portal import i18n, static_files
from portal.formatting import money, nice_date, number_range, phone_international, phone_national
from portal.urls import absolute_url

__all__ = ["init_app", "lang_url", "money", "nice_date"]  # money, nice_date: used by features


def lang_url(code: str) -> str:
    """The current page in another language: the same address with lang= set in its query
    string, written as a query-only relative link ("?lang=ar&vacancy=X"), which browsers
    resolve against the page's own path. Short: seven of them are on every resident page."""
    args = [(k, v) for k, v in request.args.items(multi=True) if k != "lang"]
    return "?" + urlencode([("lang", code), *args])


def init_app(app: Flask) -> None:
    static_files.init_app(app)  # /static/...?v=<hash>: cached for a year by nginx
    app.jinja_env.add_extension("jinja2.ext.do")
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.filters["money"] = money
    app.jinja_env.filters["number_range"] = number_range
    app.jinja_env.filters["nice_date"] = nice_date
    app.jinja_env.filters["phone"] = phone_national
    app.jinja_env.filters["phone_international"] = phone_international
    app.jinja_env.globals["absolute_url"] = absolute_url  # links in mail bodies

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
