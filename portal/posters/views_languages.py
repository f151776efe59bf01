"""The main languages of an azc, set by its coordinator (or an admin): the resident notice
board offers them first, posters print their call to action and phrase lines in them."""
from __future__ import annotations

from flask import render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional

from portal.accounts.auth import coordinator_required
from portal.actions import form_action
from portal.i18n import LANGUAGES
from portal.posters.views import _board_location, bp
from portal.regions.services import MAIN_LANGUAGE_CHOICES, set_main_languages


@bp.app_template_global()
def language_name(code: str) -> str:
    """A language by its own name ("ትግርኛ"), as residents pick it."""
    return LANGUAGES.get(code, (code, ""))[0]


def _choices() -> list[SelectChoice]:
    return [SelectChoice("", _l("Geen"))] + [
        SelectChoice(code, LANGUAGES[code][0]) for code in MAIN_LANGUAGE_CHOICES]


class LanguagesForm(FlaskForm):
    first = SelectField(_l("Meest gesproken taal"), validators=[Optional()])
    second = SelectField(_l("Tweede taal"), validators=[Optional()])
    third = SelectField(_l("Derde taal"), validators=[Optional()])

    def with_choices(self) -> LanguagesForm:
        for name in ("first", "second", "third"):
            self[name].choices = _choices()
        return self


@bp.route("/prikbord/<location_code>/talen", methods=["GET", "POST"])
@coordinator_required
def languages(location_code: str):
    location = _board_location(location_code)
    form = LanguagesForm().with_choices()
    done = form_action(form, lambda: set_main_languages(
                           location, [form.first.data, form.second.data, form.third.data]),
                       _("De talen zijn opgeslagen. Nieuwe posters hebben ze; print de posters "
                         "opnieuw als u de oude wilt vervangen."),
                       url_for(".board", location_code=location.code))
    if done:
        return done
    if not form.is_submitted():
        for name, code in zip(("first", "second", "third"), location.main_languages, strict=False):
            form[name].data = code
    return render_template("posters/languages.html", form=form, location=location), \
        422 if form.errors else 200
