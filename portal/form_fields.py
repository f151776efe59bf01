"""Form fields that several features share.

`confirmation` is the tick that an action which cannot be undone (hire, reject, suspend)
asks for, so that one click never does it.

MultiCheckboxField shows a multiple choice as checkboxes instead of a multi-select box (which
needs Ctrl-click and is hard to use).

MoneyField is every amount of money a person types: a text input with the decimal keyboard
(a number input turns the Dutch "15,5" into 155 in some browsers and answers in dot
notation), read by portal.formatting.parse_money, kept as whole cents so no float ever
touches an amount."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, Field, SelectMultipleField, ValidationError
from wtforms.validators import DataRequired
from wtforms.widgets import CheckboxInput, ListWidget, TextInput

from portal.formatting import amount_input, money, parse_money


class MoneyField(Field):
    """`.data` is an int in cents (None when left empty). Bounds are checked here, in cents,
    with a message in euros; rules that depend on other data (the statutory minimum on the
    start date) belong to the service."""

    widget = TextInput()

    def __init__(self, label=None, validators=None, min_cents: int = 1, max_cents: int = 99_999,
                 **kwargs):
        render_kw = {"inputmode": "decimal", "autocomplete": "off", "spellcheck": "false",
                     **(kwargs.pop("render_kw", None) or {})}
        super().__init__(label, validators, render_kw=render_kw, **kwargs)
        self.min_cents, self.max_cents = min_cents, max_cents

    def process_formdata(self, valuelist) -> None:
        if not valuelist:
            return
        try:
            self.data = parse_money(str(valuelist[0]))
        except ValueError:
            self.data = None
            raise ValueError(_l("Vul een bedrag in euro in, zoals 15,50.")) from None

    def pre_validate(self, form) -> None:
        if self.data is not None and not self.min_cents <= self.data <= self.max_cents:
            raise ValidationError(_l("Vul een bedrag tussen %(low)s en %(high)s in.",
                                low=money(self.min_cents), high=money(self.max_cents)))

    def _value(self) -> str:
        if self.raw_data:  # what was typed comes back as typed, also when it was refused
            return str(self.raw_data[0])
        return amount_input(self.data)


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def confirmation(label, message, description="") -> BooleanField:
    """A required tick for an action that cannot be undone; without JavaScript this is the
    confirmation step: the form is refused, nothing changes, until it is ticked."""
    return BooleanField(label, validators=[DataRequired(message)], description=description)
