"""Texts of forms and counts: every required-field message names its field (one validator,
portal/form_validators.Required), the password rule is on the page before anything was typed,
and counts use ngettext ("1 sollicitatie", never "1 sollicitaties")."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from portal.accounts.models import Role
from portal.security import make_token

PORTAL = Path(__file__).resolve().parent.parent / "portal"
SOURCES = [p for p in PORTAL.rglob("*") if p.suffix in {".py", ".html", ".txt"}
           and "translations" not in p.parts]


def test_no_required_validator_without_the_field_name():
    """A bare InputRequired()/DataRequired() shows WTForms' "Dit veld is vereist." without
    saying which field: use Required() or pass your own message."""
    bare = re.compile(r"\b(InputRequired|DataRequired)\(\s*\)")
    found = [f"{p.relative_to(PORTAL)}:{n}" for p in SOURCES if p.suffix == ".py"
             for n, line in enumerate(p.read_text().splitlines(), 1) if bare.search(line)]
    assert not found, found


# Count-like placeholders next to a Dutch plural noun in a plain gettext call: "1 vacatures".
PLURAL_NOUNS = ("sollicitaties", "sollicitanten", "vacatures", "banen", "plaatsen", "posters",
                "organisaties", "vragen", "meldingen", "rondleidingen", "plaatsingen")
AFTER_COUNT = re.compile(r"%\((?:n|num|count|total)\)[sd]\s+(?:\w+\s+)?(?:" + "|".join(PLURAL_NOUNS) + r")\b")
CALL = re.compile(r"""(?<![n\w])_l?\(\s*(['"])(?P<msg>(?:(?!\1).)*%\((?:n|num|count|total)\)[sd](?:(?!\1).)*)\1""")


def test_counts_are_plural_aware():
    found = []
    for path in SOURCES:
        for match in CALL.finditer(path.read_text()):
            if "(s)" in match["msg"] or AFTER_COUNT.search(match["msg"]):
                found.append(f"{path.relative_to(PORTAL)}: {match['msg']}")
    assert not found, "use ngettext: " + "; ".join(found)


def test_one_applicant_is_singular(client, login, make, db_session):
    member = make.user(Role.member)
    make.application(make.vacancy(member.organisation), name="Samira Haddad")
    db_session.commit()
    login(member)
    html = client.get("/sollicitanten/").get_data(as_text=True)
    assert "1 sollicitatie gevonden." in html
    assert "1 sollicitaties" not in html


def test_boards_say_one_open_job(client, make, db_session):
    azc = make.location(code="ZDM", name="azc Zaandam")
    make.vacancy(locations=[azc])
    db_session.commit()
    html = client.get("/l/?lang=nl").get_data(as_text=True)
    assert "1 open baan" in html and "1 open banen" not in html


RULE_START = "Minstens "


def _rule_before_field(html: str, field_id: str) -> bool:
    """The rule is in the hint tied to the password field, before any error."""
    hint = re.search(rf'<p class="hint" id="{field_id}-hint">([^<]*)</p>', html)
    return bool(hint and hint.group(1).startswith(RULE_START))


def test_password_rule_is_shown_up_front_on_registration(client, make, db_session):
    make.region()
    db_session.commit()
    html = client.get("/organisatie/aanmelden").get_data(as_text=True)
    assert _rule_before_field(html, "password")
    assert "field-error" not in html
    # after other errors it is still the same hint, not only an error further down
    html = client.post("/organisatie/aanmelden", data={"name": ""}).get_data(as_text=True)
    assert _rule_before_field(html, "password")


def test_password_rule_is_shown_up_front_on_reset(client, make, db_session):
    from portal.accounts.services import _password_fingerprint

    user = make.user(Role.member)
    db_session.commit()
    token = make_token("reset-password", {"id": user.id, "pw": _password_fingerprint(user)})
    html = client.get(f"/wachtwoord-herstellen/{token}").get_data(as_text=True)
    assert _rule_before_field(html, "password")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_required_message_names_the_field_in_each_language(app, lang):
    from flask_babel import force_locale
    from flask_wtf import FlaskForm
    from wtforms import BooleanField, SelectField, StringField
    from wtforms.fields.choices import SelectChoice

    from portal.form_validators import Required

    class Form(FlaskForm):
        class Meta:
            csrf = False

        city = StringField("Plaats", validators=[Required()])
        kind = SelectField("Soort", choices=[SelectChoice("", "-"), SelectChoice("a", "A")],
                           validators=[Required()])
        sure = BooleanField("Ik weet het zeker", validators=[Required()])

    with app.test_request_context(method="POST", data={}), force_locale(lang):
        form = Form()
        assert not form.validate()
        messages = {name: errors[0] for name, errors in form.errors.items()}
    assert "Plaats" in messages["city"] and "Soort" in messages["kind"]
    assert "Ik weet het zeker" in messages["sure"]
    assert len(set(messages.values())) == 3
