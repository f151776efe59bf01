"""Guidance content: every file is complete, current, sourced and safe to render."""
from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml

from portal.guidance.content import (
    EMPLOYER_LANGUAGES,
    REQUIRED_FIELDS,
    RESIDENT_LANGUAGES,
    ContentError,
    Page,
    employer_slugs,
    languages_for,
    load_pages,
    page_for,
    resident_slugs,
    search,
    split_front_matter,
)
from portal.guidance.render import render_markdown, sanitise_html, slugify

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"
FILES = sorted(CONTENT_DIR.glob("*.md"))
MAX_REVIEW_AGE = timedelta(days=365)


@pytest.fixture(scope="module")
def pages() -> dict[tuple[str, str], Page]:
    return load_pages(CONTENT_DIR)


def test_content_directory_has_pages():
    assert len(FILES) >= 2


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_front_matter_is_complete(path: Path):
    meta, body = split_front_matter(path.read_text(encoding="utf-8"), path)
    missing = [f for f in REQUIRED_FIELDS if f not in meta or meta[f] in (None, "")]
    assert not missing, f"{path.name} misses {missing}"
    assert meta["audience"] in ("employer", "resident", "both")
    assert path.name.endswith(f".{meta['language']}.md")
    assert body.strip()
    summary = meta["summary"].strip()
    assert summary.count(". ") == 0, f"{path.name}: summary must be one sentence"
    expected = "original" if meta["language"] in ("nl", "en") else "machine, unreviewed"
    assert meta["translation"] == expected


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_body_has_no_raw_html(path: Path):
    _, body = split_front_matter(path.read_text(encoding="utf-8"), path)
    assert not re.search(r"</?[a-zA-Z][^>]*>", body), f"{path.name} contains raw HTML"


def test_last_reviewed_is_recent(pages):
    today = date.today()
    stale = [f"{s}.{l} ({p.last_reviewed})" for (s, l), p in pages.items()
             if today - p.last_reviewed > MAX_REVIEW_AGE]
    assert not stale, f"review these pages again: {stale}"


def test_related_slugs_exist(pages):
    broken = []
    for (slug, lang), page in pages.items():
        for other in page.related:
            if (other, lang) not in pages and (other, "nl") not in pages:
                broken.append(f"{slug}.{lang} -> {other}")
            if other == slug:
                broken.append(f"{slug}.{lang} relates to itself")
    assert not broken


def test_resident_pages_exist_in_all_seven_languages(pages):
    slugs = resident_slugs(pages)
    assert {"solliciteren", "rechten-op-het-werk", "legaal-werk", "reba",
            "je-gegevens", "melden"} <= set(slugs)
    missing = [f"{s}.{l}" for s in slugs for l in RESIDENT_LANGUAGES if (s, l) not in pages]
    assert not missing


def test_employer_pages_exist_in_dutch_and_english(pages):
    slugs = employer_slugs(pages)
    assert {"twv-asielzoeker", "cancel-twv", "fulltime-oproep", "uitzendbureau"} <= set(slugs)
    missing = [f"{s}.{l}" for s in slugs for l in EMPLOYER_LANGUAGES if (s, l) not in pages]
    assert not missing


def test_language_versions_agree_on_audience_and_related(pages):
    for (slug, lang), page in pages.items():
        dutch = pages.get((slug, "nl"))
        assert dutch is not None, f"{slug}.{lang} has no Dutch original"
        assert page.audience == dutch.audience, f"{slug}.{lang}"
        assert set(page.related) == set(dutch.related), f"{slug}.{lang}"


def test_every_page_has_an_https_source(pages):
    for key, page in pages.items():
        assert any(source.url.startswith("https://") for source in page.sources), key


def test_every_source_is_dated_and_none_is_newer_than_the_review(pages):
    # A source dated after the page's review was never checked against: review the page again.
    undated, newer = [], []
    for (slug, lang), page in pages.items():
        for source in page.sources:
            if source.date is None:
                undated.append(f"{slug}.{lang}: {source.title}")
            elif source.date > page.last_reviewed:
                newer.append(f"{slug}.{lang}: {source.title} ({source.date} > {page.last_reviewed})")
    assert not undated, f"give these sources a date: {undated}"
    assert not newer, f"these pages cite a source newer than their review: {newer}"


def test_every_page_names_the_role_that_reviewed_it(pages):
    missing = [f"{s}.{l}" for (s, l), p in pages.items() if p.reviewed_by is None]
    assert not missing, f"add reviewed_by (a role from REVIEWER_ROLES) to: {missing}"


def test_language_versions_are_reviewed_together(pages):
    # A correction in Dutch must reach every language: no translation may lag its original.
    lagging = [f"{s}.{l}" for (s, l), p in pages.items()
               if (s, "nl") in pages and p.last_reviewed < pages[(s, "nl")].last_reviewed]
    assert not lagging, f"these translations were not updated with the Dutch page: {lagging}"


_CURRENCY = r"(?:€|EUR|[Ee]uro|yuuro|avro|يورو|یورو|ዩሮ)"
_AMOUNT = r"[1۱١][0-9۰-۹٠-٩][.,٫][0-9۰-۹٠-٩]{2}"  # 10.00 to 19.99, also in Arabic/Persian digits
MINIMUM_WAGE_TYPED = re.compile(  # an hourly amount, currency before or after
    rf"{_CURRENCY}\s?\u2066?{_AMOUNT}(?![0-9])|(?<![0-9.,]){_AMOUNT}\s?{_CURRENCY}")


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_page_types_the_minimum_wage(path: Path):
    # The amount comes from the wage table ({{ minimum_wage }}), like the vacancy check's.
    _, body = split_front_matter(path.read_text(encoding="utf-8"), path)
    assert not MINIMUM_WAGE_TYPED.search(body), f"{path.name}: use {{{{ minimum_wage }}}}"


def test_wage_pages_use_the_placeholder(pages):
    for slug in ("minimumloon-en-eerlijk-werk", "rechten-op-het-werk", "loon-en-verzekering"):
        for lang in ("nl", "en"):
            assert "minimum_wage" in pages[(slug, lang)].placeholders, f"{slug}.{lang}"


def test_translations_carry_no_english_sentences(pages):
    markers = re.compile(r"\b(the|you|your|and|with|employer)\b", re.IGNORECASE)
    for (slug, lang), page in pages.items():
        if lang in ("nl", "en"):
            continue
        text = re.sub(r"\[[^\]]*\]\([^)]*\)|`[^`]*`", "", page.body_md)
        assert not markers.search(text + page.title + page.summary), f"{slug}.{lang}"


def test_rendering_strips_raw_html_and_script():
    html, _ = render_markdown(
        "# Titel\n\n<script>alert('x')</script>\n\n"
        "Tekst <img src=x onerror=alert(1)> en <b onclick=\"x()\">vet</b>.\n\n"
        "[klik](javascript:alert(1)) [goed](https://www.uwv.nl/)\n"
    )
    tags = re.findall(r"<([a-zA-Z0-9]+)", html)
    assert set(tags) <= {"h1", "p", "a"}, tags
    assert "&lt;script&gt;" in html  # shown as text, never executed
    assert 'href="javascript' not in html
    assert '<a href="https://www.uwv.nl/" rel="noopener noreferrer">goed</a>' in html


def test_sanitiser_removes_what_markdown_would_let_through():
    # The second layer: even if Markdown ever emitted raw HTML, nh3 cleans it.
    dirty = ('<h2 id="a" onclick="x()">T</h2><script>alert(1)</script>'
             '<a href="javascript:alert(1)">j</a><a href="https://x.nl" target="_blank">k</a>'
             '<img src=x onerror=alert(1)><td style="color:red">c</td>')
    clean = sanitise_html(dirty)
    assert '<h2 id="a">T</h2>' in clean
    assert "script" not in clean and "alert" not in clean
    assert "javascript" not in clean and "onerror" not in clean and "<img" not in clean
    assert "target" not in clean and "style" not in clean
    assert '<a href="https://x.nl" rel="noopener noreferrer">k</a>' in clean


def test_headings_get_stable_unique_anchors():
    md = "## Stap 1: aanvragen\n\ntekst\n\n## Stap 1: aanvragen\n\n### العمل القانوني\n"
    html, toc = render_markdown(md)
    assert toc == [
        (2, "Stap 1: aanvragen", "stap-1-aanvragen"),
        (2, "Stap 1: aanvragen", "stap-1-aanvragen-2"),
        (3, "العمل القانوني", "العمل-القانوني"),
    ]
    assert '<h2 id="stap-1-aanvragen">' in html
    assert render_markdown(md) == (html, toc)
    assert slugify("  !!  ") == ""


def test_search_finds_twv_pages_and_ranks_title_hits_first(pages):
    results = search(pages, "TWV", language="nl")
    assert results, "no page mentions TWV"
    assert all(p.language == "nl" for p in results)
    assert "twv" in results[0].title.casefold()
    assert {"twv-asielzoeker", "cancel-twv"} <= {p.slug for p in results}
    scores = ["twv" in p.title.casefold() for p in results]
    assert scores == sorted(scores, reverse=True), "title hits must come before others"


def test_search_ranks_title_over_summary_over_body(tmp_path):
    def write(slug, title, summary, body):
        (tmp_path / f"{slug}.en.md").write_text(
            "---\n" + yaml.safe_dump({
                "title": title, "summary": summary, "audience": "employer",
                "language": "en", "last_reviewed": "2026-11-27",
                "sources": [{"title": "UWV", "url": "https://www.uwv.nl/"}],
                "related": [], "translation": "original",
            }) + "---\n" + body, encoding="utf-8")

    write("a-body", "Alpha", "Nothing here.", "Zebra zebra zebra.\n")
    write("b-summary", "Beta", "About zebras.", "Plain text.\n")
    write("c-title", "Zebra guide", "Nothing.", "Plain text.\n")
    write("d-none", "Delta", "Nothing.", "Plain text.\n")
    pages = load_pages(tmp_path)
    assert [p.slug for p in search(pages, "ZEBRA")] == ["c-title", "b-summary", "a-body"]
    assert search(pages, "zebra delta") == []
    assert search(pages, "   ") == []
    assert search(pages, "zebra", audience="resident") == []


def test_search_filters_on_audience(pages):
    results = search(pages, "COA", audience="resident")
    assert results and all(p.audience in ("resident", "both") for p in results)


def test_page_for_falls_back_to_english_then_dutch(pages):
    assert page_for(pages, "reba", "ar").language == "ar"
    assert page_for(pages, "twv-asielzoeker", "ar").language == "en"
    only_dutch = {("x", "nl"): pages[("reba", "nl")]}
    assert page_for(only_dutch, "x", "so").language == "nl"
    assert page_for(pages, "does-not-exist", "nl") is None
    assert languages_for(pages, "reba") == list(RESIDENT_LANGUAGES)


def test_rtl_pages_know_their_direction(pages):
    assert pages[("reba", "ar")].direction == "rtl"
    assert pages[("reba", "fa")].direction == "rtl"
    assert pages[("reba", "ti")].direction == "ltr"


BROKEN_FRONT_MATTER = {
    "no-fence.nl.md": "title: x\n\nBody\n",
    "unclosed.nl.md": "---\ntitle: x\nBody\n",
    "bad-yaml.nl.md": "---\ntitle: [unclosed\n---\nBody\n",
    "missing.nl.md": "---\ntitle: Alleen een titel\n---\nBody\n",
    "bad-date.nl.md": None,  # filled in below
    "bad-audience.nl.md": None,
    "no-sources.nl.md": None,
    "wrong-lang.en.md": None,
    "bad-reviewer.nl.md": None,
    "bad-source-date.nl.md": None,
    "unknown-placeholder.nl.md": None,
}


def _valid_meta(**overrides) -> dict:
    meta = {
        "title": "Titel", "summary": "Een zin.", "audience": "employer", "language": "nl",
        "last_reviewed": "2026-11-27",
        "sources": [{"title": "UWV", "url": "https://www.uwv.nl/"}],
        "related": [], "translation": "original",
    }
    meta.update(overrides)
    return meta


def _file(meta: dict) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\nBody\n"


BROKEN_FRONT_MATTER.update({
    "bad-date.nl.md": _file(_valid_meta(last_reviewed="gisteren")),
    "bad-audience.nl.md": _file(_valid_meta(audience="iedereen")),
    "no-sources.nl.md": _file(_valid_meta(sources=[])),
    "wrong-lang.en.md": _file(_valid_meta(language="nl")),
    "bad-reviewer.nl.md": _file(_valid_meta(reviewed_by="Jan de Vries")),  # a person, not a role
    "bad-source-date.nl.md": _file(_valid_meta(
        sources=[{"title": "UWV", "url": "https://www.uwv.nl/", "date": "vorige week"}])),
    "unknown-placeholder.nl.md": _file(_valid_meta()).replace("Body", "Loon: {{ minimumloon }}"),
})


@pytest.mark.parametrize("name", sorted(BROKEN_FRONT_MATTER))
def test_broken_front_matter_raises_content_error(tmp_path, name):
    (tmp_path / "good.nl.md").write_text(_file(_valid_meta()), encoding="utf-8")
    (tmp_path / name).write_text(BROKEN_FRONT_MATTER[name], encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_pages(tmp_path)
    assert name in str(info.value)


def test_valid_tmp_dir_loads_and_reload_sees_changes(tmp_path):
    path = tmp_path / "good.nl.md"
    path.write_text(_file(_valid_meta()), encoding="utf-8")
    assert load_pages(tmp_path)[("good", "nl")].title == "Titel"
    path.write_text(_file(_valid_meta(title="Nieuwe titel, langer")), encoding="utf-8")
    assert load_pages(tmp_path)[("good", "nl")].title == "Nieuwe titel, langer"
