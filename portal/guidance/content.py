"""Guidance pages: Markdown files in `content/` named `<slug>.<lang>.md`.

Each file starts with YAML front matter between `---` lines. Pages live in files, not in
the database, so a rule change (the Migration Pact, a new minimum wage) is a reviewed
text edit. Pure functions only: the web views decide how to show a page.

A review is recorded, not assumed: `last_reviewed` is the day someone re-checked the page
against its sources, `reviewed_by` the role that did it (never a person's name), and every
source carries the `date` of the version the page relies on (its publication or "last
changed" date, or the day it was consulted when it shows none). A page may not cite a source
dated after its own review: then the text was never checked against that version.
Figures that change by law (the minimum wage) are never typed into a page: the page says
`{{ minimum_wage }}` and the view fills in the value from the same table the vacancy
check uses (see render.fill_placeholders).
"""
from __future__ import annotations

import html as html_lib
import re
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import yaml

from .render import PLACEHOLDERS, TocEntry, placeholders_in, render_markdown

RESIDENT_LANGUAGES: tuple[str, ...] = ("nl", "en", "ar", "ti", "fa", "tr", "so")
EMPLOYER_LANGUAGES: tuple[str, ...] = ("nl", "en")
RTL_LANGUAGES = frozenset({"ar", "fa"})
AUDIENCES = ("employer", "resident", "both")
FALLBACK_LANGUAGES = ("en", "nl")
REQUIRED_FIELDS = (
    "title", "summary", "audience", "language", "last_reviewed",
    "sources", "related", "translation",
)
# Roles, not people: a name in a public file would be personal data and would go stale.
REVIEWER_ROLES = frozenset({
    "portal editor", "UWV employer adviser", "COA programme staff", "legal adviser", "translator",
})

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_FILENAME = re.compile(r"^(?P<slug>[a-z0-9-]+)\.(?P<lang>[a-z]{2})\.md$")
_FENCE = "---"


class ContentError(ValueError):
    """A content file is missing, unreadable or has invalid front matter."""

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = Path(path)
        self.message = message
        super().__init__(f"{self.path.name}: {message}")


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    date: date | None  # None only on pages reviewed before sources were dated


@dataclass(frozen=True)
class Page:
    slug: str
    language: str
    title: str
    summary: str
    audience: str
    last_reviewed: date
    reviewed_by: str | None
    sources: tuple[Source, ...]
    related: tuple[str, ...]
    translation: str  # "original" or e.g. "machine, unreviewed"
    body_md: str
    html: str
    toc: tuple[TocEntry, ...]

    @property
    def is_machine_translation(self) -> bool:
        return self.translation.strip().lower().startswith("machine")

    @property
    def direction(self) -> str:
        return "rtl" if self.language in RTL_LANGUAGES else "ltr"

    def is_for(self, audience: str) -> bool:
        return self.audience == audience or self.audience == "both"

    @property
    def placeholders(self) -> frozenset[str]:
        return placeholders_in(self.body_md)


PageKey = tuple[str, str]  # (slug, language)


# --- parsing -------------------------------------------------------------------------

def split_front_matter(text: str, path: Path | str = "<text>") -> tuple[dict, str]:
    """Return (front matter mapping, Markdown body)."""
    lines = text.lstrip("\ufeff").splitlines(keepends=True)
    if not lines or lines[0].strip() != _FENCE:
        raise ContentError(path, "file must start with a '---' front matter line")
    end = next((i for i, line in enumerate(lines[1:], start=1) if line.strip() == _FENCE), None)
    if end is None:
        raise ContentError(path, "front matter has no closing '---' line")
    try:
        meta = yaml.safe_load("".join(lines[1:end]))
    except yaml.YAMLError as exc:
        raise ContentError(path, f"front matter is not valid YAML ({exc})") from exc
    if not isinstance(meta, dict):
        raise ContentError(path, "front matter must be a mapping of fields")
    return meta, "".join(lines[end + 1:])


def _text_field(meta: dict, name: str, path: Path) -> str:
    value = meta.get(name)
    if not isinstance(value, str) or not value.strip():
        raise ContentError(path, f"'{name}' must be a non-empty text")
    return value.strip()


def _as_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _date_field(meta: dict, name: str, path: Path) -> date:
    value = _as_date(meta.get(name))
    if value is not None:
        return value
    raise ContentError(path, f"'{name}' must be an ISO date such as 2026-11-27")


def _sources(meta: dict, path: Path) -> tuple[Source, ...]:
    value = meta.get("sources")
    if not isinstance(value, list) or not value:
        raise ContentError(path, "'sources' must be a non-empty list of {title, url}")
    result = []
    for item in value:
        if not isinstance(item, dict):
            raise ContentError(path, "each source must be a mapping with title and url")
        title, url = item.get("title"), item.get("url")
        if not isinstance(title, str) or not title.strip():
            raise ContentError(path, "each source needs a title")
        if not isinstance(url, str) or not re.match(r"^https?://[^\s/]+", url):
            raise ContentError(path, f"source {title!r} needs an absolute http(s) url")
        day = None
        if item.get("date") is not None:
            day = _as_date(item["date"])
            if day is None:
                raise ContentError(path, f"source {title!r}: 'date' must be an ISO date")
        result.append(Source(title.strip(), url.strip(), day))
    return tuple(result)


def _reviewed_by(meta: dict, path: Path) -> str | None:
    value = meta.get("reviewed_by")
    if value is None:
        return None
    if not isinstance(value, str) or value.strip() not in REVIEWER_ROLES:
        raise ContentError(path, f"'reviewed_by' must be one of: {', '.join(sorted(REVIEWER_ROLES))}")
    return value.strip()


def _related(meta: dict, path: Path) -> tuple[str, ...]:
    value = meta.get("related")
    if value is None:
        value = []
    if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
        raise ContentError(path, "'related' must be a list of slugs")
    bad = [s for s in value if not _SLUG.match(s)]
    if bad:
        raise ContentError(path, f"'related' has invalid slugs: {bad}")
    return tuple(value)


def parse_page(text: str, path: Path | str) -> Page:
    """Parse one content file's text; `path` gives its slug and language."""
    path = Path(path)
    match = _FILENAME.match(path.name)
    if not match or not _SLUG.match(match["slug"]):
        raise ContentError(path, "file name must be <slug>.<lang>.md (lower-case slug)")
    slug, file_lang = match["slug"], match["lang"]
    meta, body = split_front_matter(text, path)

    missing = [f for f in REQUIRED_FIELDS if f not in meta]
    if missing:
        raise ContentError(path, f"front matter misses: {', '.join(missing)}")
    language = _text_field(meta, "language", path)
    if language not in RESIDENT_LANGUAGES:
        raise ContentError(path, f"unknown language {language!r}")
    if language != file_lang:
        raise ContentError(path, f"language {language!r} does not match file name")
    audience = _text_field(meta, "audience", path)
    if audience not in AUDIENCES:
        raise ContentError(path, f"audience must be one of {', '.join(AUDIENCES)}")
    if not body.strip():
        raise ContentError(path, "page has no body text")
    unknown = placeholders_in(body) - PLACEHOLDERS
    if unknown:
        raise ContentError(path, f"unknown placeholders: {', '.join(sorted(unknown))}")

    html, toc = render_markdown(body)
    return Page(
        slug=slug,
        language=language,
        title=_text_field(meta, "title", path),
        summary=_text_field(meta, "summary", path),
        audience=audience,
        last_reviewed=_date_field(meta, "last_reviewed", path),
        reviewed_by=_reviewed_by(meta, path),
        sources=_sources(meta, path),
        related=_related(meta, path),
        translation=_text_field(meta, "translation", path),
        body_md=body,
        html=html,
        toc=tuple(toc),
    )


# --- loading -------------------------------------------------------------------------

_cache: dict[Path, tuple[tuple, dict[PageKey, Page]]] = {}
_cache_lock = threading.Lock()


def _fingerprint(files: list[Path]) -> tuple:
    stats = []
    for f in files:
        st = f.stat()
        stats.append((f.name, st.st_mtime_ns, st.st_size))
    return tuple(stats)


def load_pages(content_dir: Path | str) -> dict[PageKey, Page]:
    """Load every `<slug>.<lang>.md` under `content_dir`, keyed by (slug, language).

    Results are cached per directory and reloaded when any file's mtime or size
    changes, or a file is added or removed.
    """
    directory = Path(content_dir).resolve()
    if not directory.is_dir():
        raise ContentError(directory, "content directory does not exist")
    files = sorted(directory.glob("*.md"))
    key = _fingerprint(files)
    with _cache_lock:
        cached = _cache.get(directory)
        if cached and cached[0] == key:
            return dict(cached[1])

    pages: dict[PageKey, Page] = {}
    for file in files:
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ContentError(file, f"cannot read file ({exc})") from exc
        page = parse_page(text, file)
        pages[(page.slug, page.language)] = page

    with _cache_lock:
        _cache[directory] = (key, pages)
    return dict(pages)


def clear_cache() -> None:
    with _cache_lock:
        _cache.clear()


# --- queries -------------------------------------------------------------------------

def page_for(pages: Mapping[PageKey, Page], slug: str, lang: str) -> Page | None:
    """The page in `lang`, else English, else Dutch; None if the slug is unknown."""
    for code in (lang, *FALLBACK_LANGUAGES):
        page = pages.get((slug, code))
        if page is not None:
            return page
    return None


def languages_for(pages: Mapping[PageKey, Page], slug: str) -> list[str]:
    """Languages a slug exists in, in the portal's language order."""
    return [code for code in RESIDENT_LANGUAGES if (slug, code) in pages]


def _slugs(pages: Mapping[PageKey, Page], audience: str) -> list[str]:
    return sorted({p.slug for p in pages.values() if p.is_for(audience)})


def resident_slugs(pages: Mapping[PageKey, Page]) -> list[str]:
    """Slugs meant for residents (audience resident or both)."""
    return _slugs(pages, "resident")


def employer_slugs(pages: Mapping[PageKey, Page]) -> list[str]:
    """Slugs meant for employers (audience employer or both)."""
    return _slugs(pages, "employer")


def _plain_text(page: Page) -> str:
    return html_lib.unescape(re.sub(r"<[^>]+>", " ", page.html))


_TITLE_WEIGHT, _SUMMARY_WEIGHT, _BODY_WEIGHT = 100, 10, 1


def search(
    pages: Mapping[PageKey, Page] | Iterable[Page],
    query: str,
    audience: str | None = None,
    language: str | None = None,
) -> list[Page]:
    """Pages containing every word of `query` (case-insensitive), best first.

    A word found in the title weighs more than one in the summary, which weighs more
    than one in the body; within the body more occurrences rank higher.
    """
    terms = [t for t in query.casefold().split() if t]
    if not terms:
        return []
    candidates = pages.values() if isinstance(pages, Mapping) else pages
    scored: list[tuple[int, str, Page]] = []
    for page in candidates:
        if language is not None and page.language != language:
            continue
        if audience is not None and not page.is_for(audience):
            continue
        title, summary = page.title.casefold(), page.summary.casefold()
        body = _plain_text(page).casefold()
        score = 0
        for term in terms:
            in_body = min(body.count(term), 9)
            if term in title:
                score += _TITLE_WEIGHT
            elif term in summary:
                score += _SUMMARY_WEIGHT
            elif not in_body:
                break  # every term must match somewhere
            score += in_body * _BODY_WEIGHT
        else:
            scored.append((score, page.title.casefold(), page))
    scored.sort(key=lambda item: (-item[0], item[1]))
    return [page for _, _, page in scored]
