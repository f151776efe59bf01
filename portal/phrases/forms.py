from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from portal.form_validators import Required
from portal.phrases.icons import ICONS
from portal.phrases.models import Phrase, Section

SECTION_LABELS = {
    Section.role: _l("Functie"),
    Section.task: _l("Wat ga je doen?"),
    Section.time: _l("Wanneer werk je?"),
    Section.work: _l("Hoe is het werk?"),
    Section.offer: _l("Wat krijg je?"),
    Section.need: _l("Wat vraagt de werkgever?"),
}


class _Checkboxes(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class PickerForm(FlaskForm):
    """The phrases of one vacancy. Number fields (n<phrase id>) are added per page by
    picker_form: one for each phrase with a number."""

    phrases = _Checkboxes(_l("Zinnen"), coerce=int, validate_choice=False)
    role = RadioField(_l("Functie"), choices=[], validate_choice=False)
    shown = HiddenField()

    def shown_ids(self) -> set[int]:
        return {int(x) for x in (self.shown.data or "").split(",") if x.isdigit()}

    def chosen(self) -> dict[int, int | None]:
        out: dict[int, int | None] = {pid: None for pid in (self.phrases.data or [])}
        for pid in out:
            if f"n{pid}" in self:
                out[pid] = self[f"n{pid}"].data
        if self.role.data and str(self.role.data).isdigit():
            out[int(self.role.data)] = None
        return out


def picker_form(offered: list[Phrase], **kw) -> PickerForm:
    """A form class made for the phrases on this page (WTForms' way to have fields per row)."""

    class Form(PickerForm):
        pass

    for p in offered:
        if p.has_number:
            setattr(Form, f"n{p.id}", IntegerField(
                _l("Getal"), validators=[Optional(), NumberRange(min=p.number_min or 0,
                                                                  max=p.number_max or 0)]))
    form = Form(**kw)
    form.phrases.choices = [SelectChoice(p.id, p.text) for p in offered if p.section != Section.role]
    form.role.choices = [SelectChoice("", _l("Geen: alleen mijn eigen titel"))] + [
        SelectChoice(str(p.id), p.text) for p in offered if p.section == Section.role]
    return form


class TextForm(FlaskForm):
    title = StringField(_l("Titel"), validators=[Optional(), Length(max=120)])
    summary = TextAreaField(_l("Korte omschrijving"), validators=[Optional(), Length(max=600)])
    description = TextAreaField(_l("Meer informatie"), validators=[Optional(), Length(max=5000)])


class NewPhraseForm(FlaskForm):
    section = SelectField(_l("Soort zin"), choices=[SelectChoice(s.value, label)
                                                    for s, label in SECTION_LABELS.items()])
    text = StringField(_l("Zin in het Nederlands"), validators=[Required(), Length(max=200)],
                       description=_l("Kort en eenvoudig, zoals: Je sorteert post. Voor een "
                                      "getal dat de werkgever invult: %(n)s."))
    icon = SelectField(_l("Plaatje"), choices=[SelectChoice("", _l("Geen"))] + [
        SelectChoice(name, name) for name in sorted(ICONS)], validators=[Optional()])
    number_min = IntegerField(_l("Laagste getal"), validators=[Optional(), NumberRange(0, 100000)])
    number_max = IntegerField(_l("Hoogste getal"), validators=[Optional(), NumberRange(0, 100000)])


class ActiveForm(FlaskForm):
    phrase_id = IntegerField(validators=[Required(), NumberRange(1, 2 ** 31)])
    active = HiddenField()
