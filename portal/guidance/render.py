"""Markdown → safe HTML for guidance pages.

Two layers, on purpose: markdown-it runs with raw HTML disabled (so `<script>` in a
content file is shown as text), and nh3 then whitelists what may reach the browser.
The second layer is what protects us if someone later enables a plugin or HTML.
"""
from __future__ import annotations

import html as html_lib
import re
import unicodedata
from collections.abc import Mapping

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

TocEntry = tuple[int, str, str]  # (heading level, text, anchor id)

_ALLOWED_TAGS = {
    "p", "br", "hr", "strong", "em", "code", "pre", "blockquote",
    "ul", "ol", "li", "a",
    "h1", "h2", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td",
}
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_ALLOWED_ATTRIBUTES = {
    **{tag: {"id"} for tag in _HEADINGS},
    "a": {"href", "title"},
    "ol": {"start"},
}
# Table alignment comes out as inline style; a strict CSP would refuse it anyway.
_URL_SCHEMES = {"http", "https", "mailto"}
_LINK_REL = "noopener noreferrer"


def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark", {"html": False}).enable("table")


_MD = _markdown()


def slugify(text: str) -> str:
    """A stable anchor for a heading, in any script.

    Letters and digits of every script are kept (Arabic and Ethiopic headings keep
    readable anchors); everything else collapses into single hyphens.
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[^\w\s-]", "", text)  # \w is Unicode-aware in Python 3
    text = re.sub(r"[\s_-]+", "-", text).strip("-")
    return text


def _inline_text(token: Token) -> str:
    parts = [c.content for c in token.children or () if c.type in ("text", "code_inline")]
    return "".join(parts).strip() or token.content.strip()


def _add_heading_ids(tokens: list[Token]) -> list[TocEntry]:
    toc: list[TocEntry] = []
    seen: dict[str, int] = {}
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        text = _inline_text(tokens[index + 1])
        base = slugify(text) or f"section-{len(toc) + 1}"
        count = seen.get(base, 0)
        seen[base] = count + 1
        anchor = base if count == 0 else f"{base}-{count + 1}"
        token.attrSet("id", anchor)
        toc.append((int(token.tag[1]), text, anchor))
    return toc


def sanitise_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes=_ALLOWED_ATTRIBUTES,
        url_schemes=_URL_SCHEMES,
        link_rel=_LINK_REL,
        clean_content_tags={"script", "style"},
    )


# Values that change by law are filled in when the page is shown, from the same data the
# portal's own checks use, so a page and a check can never disagree. A page writes
# `{{ minimum_wage }}`; Markdown and the sanitiser leave the braces alone.
PLACEHOLDERS = frozenset({"minimum_wage", "minimum_wage_since",
                          "retention_weeks", "retention_years",  # apply.housekeeping
                          "report_contact_weeks", "report_retention_months",  # reports.housekeeping
                          "profile_months", "profile_remind_weeks"})  # talent.profiles
_PLACEHOLDER = re.compile(r"\{\{\s*([a-z_]+)\s*\}\}")


def placeholders_in(text: str) -> frozenset[str]:
    return frozenset(_PLACEHOLDER.findall(text))


def fill_placeholders(html: str, values: Mapping[str, str], missing: str) -> str:
    """Replace each `{{ name }}` in rendered HTML by its value, escaped; `missing` stands in
    for a value nobody supplied (an empty wage table), so no braces ever reach a reader."""
    def value(match: re.Match) -> str:
        found = values.get(match[1])
        return html_lib.escape(found if found else missing)
    return _PLACEHOLDER.sub(value, html)


def render_markdown(text: str) -> tuple[str, list[TocEntry]]:
    """Render Markdown to sanitised HTML and return it with its table of contents."""
    env: dict = {}
    tokens = _MD.parse(text, env)
    toc = _add_heading_ids(tokens)
    html = _MD.renderer.render(tokens, _MD.options, env)
    return sanitise_html(html), toc
