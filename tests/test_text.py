"""portal.text: the one clean-up of typed text (names, free text) before it is stored."""
from __future__ import annotations

import pytest

from portal.text import (
    BIDI_CONTROLS,
    clean_line,
    clean_text,
    has_control_characters,
    line_filter,
    strip_filter,
    text_filter,
)

BIDI = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]


def test_the_bidi_list_is_the_one_the_trust_issue_names():
    assert sorted(BIDI_CONTROLS) == BIDI


@pytest.mark.parametrize("mark", BIDI)
def test_bidi_overrides_and_isolates_are_stripped_from_names_and_free_text(mark):
    # "Ahmed" with a right-to-left override would show reversed on a staff page.
    assert clean_line(f"{mark}Ahmed{mark} Ali") == "Ahmed Ali"
    assert clean_text(f"Ik werkte{mark} in een\n{mark}bakkerij") == "Ik werkte in een\nbakkerij"


def test_arabic_text_and_its_own_direction_marks_are_kept():
    name = "أحمد\u200f الخطيب"  # U+200F RIGHT-TO-LEFT MARK belongs to the text
    assert clean_line(name) == name


def test_control_characters_and_nul_are_removed():
    assert clean_line("Sam\x00ira\x07 \x1bHaddad\x7f\x85") == "Samira Haddad"
    assert clean_text("a\x00b\x0bc") == "abc"


def test_a_line_collapses_white_space_and_line_breaks():
    # A line break in a name or subject would end up in a mail header.
    assert clean_line("  Samira \n\r\n Haddad\t ") == "Samira Haddad"


def test_free_text_keeps_line_breaks_but_not_padding_or_piles_of_empty_lines():
    assert clean_text("  eerste regel   \r\n\r\n\r\n\r\ntweede\rderde  ") == \
        "eerste regel\n\ntweede\nderde"


def test_limit_is_applied_after_cleaning():
    assert clean_line("\u202eabc def", 5) == "abc d"
    assert clean_line("abc   def", 4) == "abc"  # no trailing space left by the cut
    assert clean_text("x" * 10, 3) == "xxx"


def test_none_becomes_empty():
    assert clean_line(None) == "" and clean_text(None) == ""


def test_form_filters_leave_missing_values_alone():
    assert line_filter(None) is None and text_filter(None) is None and strip_filter(None) is None
    assert line_filter(" a\nb ") == "a b" and text_filter(" a\nb ") == "a\nb"
    assert strip_filter(" a\u202eb ") == "a\u202eb"  # e-mail: refused later, never repaired


def test_control_character_check_for_fields_that_refuse():
    assert has_control_characters("a\nb@example.nl")
    assert has_control_characters("a\u202eb@example.nl")
    assert not has_control_characters("ab@example.nl") and not has_control_characters(None)
