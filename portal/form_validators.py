"""Validators every form shares. `Required` is the one way to say a field must be filled in:
its message names the field ("Vul „Functie” in."), so a form left empty shows eight different
messages instead of eight times "Dit veld is vereist.", and the error summary at the top reads
on its own. A field that needs its own words passes message= as usual. tests/test_form_texts.py
refuses InputRequired or DataRequired without a message anywhere in portal/."""
from __future__ import annotations

from flask_babel import gettext as _
from wtforms import BooleanField, Field, RadioField, SelectFieldBase
from wtforms.validators import InputRequired, StopValidation


def required_message(field: Field) -> str:
    label = str(field.label.text).strip().rstrip(":")
    if isinstance(field, BooleanField):
        return _("Vink „%(label)s” aan.", label=label)
    if isinstance(field, (SelectFieldBase, RadioField)):
        return _("Kies iets bij „%(label)s”.", label=label)
    return _("Vul „%(label)s” in.", label=label)


class Required(InputRequired):
    """InputRequired (something was typed or chosen; 0 counts) with the field's label in its
    message. The message is made per call, in the language of the request."""

    def __call__(self, form, field) -> None:
        try:
            super().__call__(form, field)
        except StopValidation:
            raise StopValidation(self.message or required_message(field)) from None
