"""A vacancy form left empty names every field that is missing, next to the field and in the
summary, instead of eight times the same "Dit veld is vereist."."""
from __future__ import annotations

import re

import pytest


@pytest.fixture
def member(make, db_session, wages):
    make.location(code="ZDM", name="azc Zaandam")
    user = make.user(organisation=make.organisation(name="Bakkerij De Zon"))
    db_session.commit()
    return user


def _errors(html: str) -> list[str]:
    return [m.strip() for m in re.findall(r'<p class="field-error" id="[^"]+">([^<]*)</p>', html)]


@pytest.mark.parametrize("lang,generic", [("nl", "Dit veld is vereist"),
                                          ("en", "This field is required")])
def test_empty_vacancy_form_names_each_missing_field(client, login, member, lang, generic):
    login(member)
    res = client.post(f"/vacatures/nieuw?lang={lang}", data={
        "title": "", "summary": "", "city": "", "hours_min": "", "hours_max": "",
        "wage_min": "", "positions": "", "start_date": "", "closing_date": "",
        "text_language": "nl", "contract_type": "temporary", "dutch_level": "none",
        "english_level": "none"})
    html = res.get_data(as_text=True)
    assert res.status_code in (200, 422)
    errors = _errors(html)
    assert len(errors) >= 8, errors
    assert generic not in html
    assert len(set(errors)) == len(errors), errors  # each message is about its own field
    title = "Functie" if lang == "nl" else "Job title"
    assert any(title in e for e in errors), errors
    # the summary links each message once, without "Functie: Vul „Functie” in."
    summary = html.split('id="error-summary-title"')[1].split("</ul>")[0]
    assert summary.count(title) == 1, summary
