"""Guidance answers what a first-time employer and a working resident ask (every topic has a
page in the languages its readers use), presents pilot experience as pilot experience with
its source, and the front page's pilot examples are sourced and quote nobody."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from portal.guidance.content import EMPLOYER_LANGUAGES, RESIDENT_LANGUAGES, Page, load_pages

CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"


@pytest.fixture(scope="module")
def pages() -> dict[tuple[str, str], Page]:
    return load_pages(CONTENT_DIR)


# What a first-time employer and a working resident ask (issue 15): each question has a page.
EMPLOYER_TOPICS = {
    "first-time checklist with a timeline": "eerste-keer-checklist",
    "pay and insurance": "loon-en-verzekering",
    "contracts under uncertainty": "contract-en-onzekerheid",
    "what is allowed before hiring": "voor-de-aanname",
    "travel from a remote azc": "reizen-vanaf-azc",
    "work culture both ways": "werkcultuur",
    "language support on the job": "taalondersteuning",
    "when the employee gets a status": "werknemer-krijgt-status",
    "subsidies": "subsidies",
    "if your company is reported": "gemeld-bedrijf",
    "employer privacy duties": "privacy-werkgever",
    "contact routes with response times": "contact",
    "applying for a TWV": "twv-asielzoeker",
    "cancelling a TWV": "cancel-twv",
}
RESIDENT_TOPICS = {
    "my job ended / a second job and the hours cap": "werk-gestopt-tweede-baan",
    "my first working day": "eerste-werkdag",
    "BSN and bank account": "bsn-en-bankrekening",
    "I got a status": "ik-kreeg-een-status",
    "set money aside for the Reba": "geld-opzij-reba",
    "privacy": "je-gegevens",
}


@pytest.mark.parametrize("topic", sorted(EMPLOYER_TOPICS))
def test_employer_topic_is_covered_in_dutch_and_english(pages, topic):
    slug = EMPLOYER_TOPICS[topic]
    for lang in EMPLOYER_LANGUAGES:
        page = pages.get((slug, lang))
        assert page is not None, f"{topic}: {slug}.{lang} missing"
        assert page.is_for("employer"), f"{slug}.{lang}"


@pytest.mark.parametrize("topic", sorted(RESIDENT_TOPICS))
def test_resident_topic_is_covered_in_all_seven_languages(pages, topic):
    slug = RESIDENT_TOPICS[topic]
    for lang in RESIDENT_LANGUAGES:
        page = pages.get((slug, lang))
        assert page is not None, f"{topic}: {slug}.{lang} missing"
        assert page.is_for("resident"), f"{slug}.{lang}"


def test_pilot_findings_cite_the_evaluation_report(pages):
    # "In de pilots ..." is pilot experience, not a rule: such a page lists the report.
    uncited = [f"{s}.{l}" for (s, l), p in pages.items() if l in ("nl", "en")
               and re.search(r"\b(in de pilots|in the pilots)\b", p.body_md, re.IGNORECASE)
               and not any("regioplan" in src.url for src in p.sources)]
    assert not uncited, f"cite the Regioplan evaluation (18 June 2026) on: {uncited}"


def test_rejection_is_not_stated_as_an_immediate_end_of_work(pages):
    # The right to work ends with lawful residence and reception; an appeal may keep it.
    absolute = re.compile(r"afgewezen\W+(dan )?mag (je|de persoon) (niet meer|nooit meer) werken"
                          r"|rejected\W+(then )?(you|the person) may (not|no longer) work", re.IGNORECASE)
    wrong = [f"{s}.{l}" for (s, l), p in pages.items() if absolute.search(p.body_md)]
    assert not wrong, wrong


# --- pilot examples on the front page (content/voorbeelden/) -----------------------------

EXAMPLES_DIR = CONTENT_DIR / "voorbeelden"


def test_pilot_examples_are_sourced_reviewed_and_quote_nobody():
    examples = load_pages(EXAMPLES_DIR)
    slugs = {slug for slug, _ in examples}
    assert len(slugs) >= 3
    for slug in slugs:
        for lang in EMPLOYER_LANGUAGES:  # the employer half of the front page: nl and en
            assert (slug, lang) in examples, f"{slug}.{lang}"
    for (slug, lang), page in examples.items():
        assert page.reviewed_by and any("regioplan" in s.url for s in page.sources), slug
        assert all(s.date and s.date <= page.last_reviewed for s in page.sources), slug
        # Told in our own words: no quotation marks, so no invented or copied quotes.
        assert not re.search(r'["“”„«»]', page.body_md + page.title + page.summary), f"{slug}.{lang}"
