"""Languages: seven for resident pages, Dutch and English for staff pages.
The choice is taken from ?lang=, then the `lang` cookie, then Accept-Language."""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import current_app, g, request
from wtforms import Form

# code -> (own name, text direction)
LANGUAGES: dict[str, tuple[str, str]] = {
    "nl": ("Nederlands", "ltr"),
    "en": ("English", "ltr"),
    "ar": ("العربية", "rtl"),
    "ti": ("ትግርኛ", "ltr"),
    "fa": ("فارسی", "rtl"),
    "tr": ("Türkçe", "ltr"),
    "so": ("Soomaali", "ltr"),
}
RESIDENT_LANGUAGES = tuple(LANGUAGES)
STAFF_LANGUAGES = ("nl", "en")
COOKIE = "lang"

F = TypeVar("F", bound=Callable)


def resident_page(view: F) -> F:
    """Marks a view as resident-facing: it may be shown in all seven languages."""
    view.resident_page = True  # type: ignore[attr-defined]
    return view


def resident_page_when(condition: Callable[[], bool]) -> Callable[[F], F]:
    """Marks a view as resident-facing only while `condition()` holds: the front page is a
    resident page for visitors, and a staff page once someone is signed in."""
    def mark(view: F) -> F:
        view.resident_page = condition  # type: ignore[attr-defined]
        return view
    return mark


def is_resident_page() -> bool:
    if not request or request.endpoint is None:
        return False
    view = current_app.view_functions.get(request.endpoint)
    flag = getattr(view, "resident_page", False)
    return bool(flag() if callable(flag) else flag)


def page_languages() -> tuple[str, ...]:
    return RESIDENT_LANGUAGES if is_resident_page() else STAFF_LANGUAGES


def select_locale() -> str:
    if "locale" in g:
        return g.locale
    allowed = page_languages()
    wanted = request.args.get("lang") or request.cookies.get(COOKIE)
    if wanted in allowed:
        g.locale = wanted
    elif wanted in LANGUAGES:
        # A resident language on a staff page: English is the closest we offer.
        g.locale = "en"
    else:
        g.locale = request.accept_languages.best_match(allowed) or "nl"
    return g.locale


def visitor_language() -> str:
    """The resident language a visitor asked for (?lang=, cookie, browser), for pages outside
    any view such as a 404 on an unknown address; Dutch when nothing fits."""
    wanted = request.args.get("lang") or request.cookies.get(COOKIE)
    if wanted in RESIDENT_LANGUAGES:
        return wanted
    return request.accept_languages.best_match(RESIDENT_LANGUAGES) or "nl"


def text_direction(code: str | None = None) -> str:
    return LANGUAGES.get(code or select_locale(), ("", "ltr"))[1]


def switching_language() -> bool:
    """The form came back because a language button in the header was pressed
    (_partials/language_picker.html posts it with switch_lang): show it again in that language
    with what was typed; it is not an answer, so nothing is checked or stored."""
    return request.method == "POST" and bool(request.form.get("switch_lang"))


def answered(form: Form) -> bool:
    """A resident's form posted to be stored: not a language switch, and every field valid."""
    return request.method == "POST" and not switching_language() and form.validate()


def remember_choice(response):
    """after_request: make a ?lang= choice stick (a functional cookie, no tracking)."""
    chosen = request.args.get("lang")
    if chosen in LANGUAGES and request.cookies.get(COOKIE) != chosen:
        response.set_cookie(
            COOKIE, chosen, max_age=365 * 24 * 3600, samesite="Lax", httponly=True,
            secure=current_app.config["SESSION_COOKIE_SECURE"],
        )
    return response
