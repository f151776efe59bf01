"""portal.form_errors.put_error: a broken business rule shows next to its field, or in the
form's error summary when it is about the form as a whole. Never lost, never a flash."""
from __future__ import annotations

from flask import get_flashed_messages, render_template_string
from flask_wtf import FlaskForm
from wtforms import StringField

from portal.form_errors import put_error

SUMMARY = '{% from "_macros/forms.html" import error_summary, field %}' \
          '{{ error_summary(form) }}{{ field(form.name) }}'


class NameForm(FlaskForm):
    class Meta:
        csrf = False

    name = StringField("Naam")


def test_error_on_a_known_field_goes_next_to_it(app):
    with app.test_request_context("/", method="POST", data={"name": "x"}):
        form = NameForm()
        put_error(form, "name", "Deze naam is al gebruikt.")  # before validation: errors a tuple
        assert form.name.errors == ["Deze naam is al gebruikt."]
        form.validate()
        put_error(form, "name", "Nog iets.")
        html = render_template_string(SUMMARY, form=form)
    assert form.form_errors == []
    assert 'href="#name"' in html and 'id="name-error"' in html


def test_error_without_a_field_or_with_an_unknown_one_goes_in_the_summary(app):
    with app.test_request_context("/", method="POST", data={"name": "x"}):
        form = NameForm()
        form.validate()
        put_error(form, None, "Deze stap kan nu niet.")
        put_error(form, "no_such_field", "De organisatie is geschorst.")
        html = render_template_string(SUMMARY, form=form)
        assert get_flashed_messages() == []
    assert form.form_errors == ["Deze stap kan nu niet.", "De organisatie is geschorst."]
    assert "Deze stap kan nu niet." in html and "De organisatie is geschorst." in html
    assert 'class="error-summary"' in html


def test_a_placement_step_that_is_no_longer_possible_is_shown_at_the_top(client, login, make,
                                                                        db_session):
    """The TWV form of a step already taken is not on the page any more: its error is shown in
    the page's error summary instead of vanishing."""
    from portal.accounts.models import Role
    from portal.clock import today
    from portal.placements.models import TwvState
    from tests.placements.conftest import make_placement

    placement = make_placement(make, db_session, make.vacancy())
    placement.twv_state, placement.twv_applied_on = TwvState.applied, today()
    db_session.commit()
    login(make.user(Role.member, organisation=placement.organisation))
    db_session.commit()
    # "TWV aangevraagd" again (a second tab, a double click): that form is no longer shown.
    resp = client.post(f"/plaatsingen/{placement.id}/twv/aangevraagd",
                       data={"applied-on_date": today().isoformat()})
    html = resp.get_data(as_text=True)
    assert resp.status_code == 422
    assert 'class="error-summary"' in html and "Deze stap kan nu niet." in html
