"""Each small shared rule has one home (issue "One place per rule"). Copies drifted apart
before (six put_error helpers with three behaviours, two CSV neutralisers, three ways to build
an absolute URL, ...); this test fails as soon as a new copy appears outside its home."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

PORTAL = Path(__file__).resolve().parent.parent / "portal"

# (what, pattern, the one file allowed to have it)
RULES = [
    ("form error placement", r"def _?put_error\b|\.form_errors\.append\(", "form_errors.py"),
    ("text clean-up", r"def _?(clean_text|clean_line|clean_name|strip)\b|_CONTROL = re\.compile",
     "text.py"),
    ("month arithmetic", r"monthrange\(|def _?(add_months|months_before)\b", "formatting.py"),
    ("money notation", r"""f["']€ |def _?(money|euros)\(""", "formatting.py"),
    ("phone display", r"PhoneNumberFormat\.(NATIONAL|INTERNATIONAL)", "formatting.py"),
    ("CSV writing", r"csv\.writer\(|def neutralise\b", "csv_export.py"),
    ("vacancy is open", r"closing_date\s*>=", "vacancies/queries.py"),
    # The resident's private links (/s/, /t/, /b/): one loader-or-not-found, one not-found page.
    ("private link pages", r"\"apply/not_found\.html\"|def not_found\(\)|_by_token\(\w+\)\n",
     "private_links.py"),
    # A page for some roles that answers 404 to others; a member's own organisation.
    ("roles or 404, own organisation", r"refuse=404\)|def _org\(", "access/__init__.py"),
]


def _sources():
    for path in PORTAL.rglob("*.py"):
        yield path.relative_to(PORTAL).as_posix(), path.read_text(encoding="utf-8")


@pytest.mark.parametrize("what, pattern, home", RULES, ids=[r[0] for r in RULES])
def test_rule_lives_in_one_place(what, pattern, home):
    found = sorted(name for name, text in _sources() if re.search(pattern, text))
    assert found == [home], f"{what}: copies in {found}"


def test_staff_pages_load_or_404_in_one_place():
    """`x = lookup(user, id); if x is None: abort(404)` is access.found_or_404: missing and out
    of scope answer alike. guidance sits below access and keeps its own (a missing page)."""
    pattern = re.compile(r"(\w+) = [^\n]+\n\s+if \1 is None:\n\s+abort\(404\)")
    found = sorted(name for name, text in _sources() if pattern.search(text))
    assert found == ["guidance/views.py"]


def test_language_switch_in_one_place():
    """A form posted back by a language button is not an answer: portal.i18n.switching_language
    and answered(form) say so for every resident form. talent/views_public.py is being written
    by another helper right now: it should use i18n.answered too, then leave this list."""
    found = sorted(name for name, text in _sources() if '"switch_lang"' in text)
    assert found == ["i18n.py", "talent/views_public.py"]


def test_no_store_in_one_place():
    """'Never keep a copy of this page' is security.NO_STORE (headers) and security.no_store (the
    blueprint hook). dashboard/views.py is being changed by another helper right now: its PDF
    headers should use NO_STORE too, then leave this list."""
    found = sorted(name for name, text in _sources() if '"no-store"' in text)
    assert found == ["dashboard/views.py", "security.py"]
