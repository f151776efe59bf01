"""Filter forms (GET, no CSRF: they change nothing) and the digest toggle (POST)."""
from __future__ import annotations

from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, SelectField
from wtforms.validators import Optional, ValidationError

from portal.clock import today

DEFAULT_DAYS = 90
MAX_DAYS = 3 * 366
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2099, 12, 31)  # keeps date arithmetic in range


def in_range(form, field):
    if field.data and not FIRST_DAY <= field.data <= LAST_DAY:
        raise ValidationError(_l("Kies een datum tussen 2000 en 2099."))


class PeriodForm(FlaskForm):
    class Meta:
        csrf = False

    start = DateField(_l("Van"), validators=[Optional(), in_range])
    end = DateField(_l("Tot en met"), validators=[Optional(), in_range])

    def validate_end(self, field):
        if field.data and self.start.data and not self.start.errors:
            if field.data < self.start.data:
                raise ValidationError(_l("De einddatum ligt vóór de begindatum."))
            if (field.data - self.start.data).days > MAX_DAYS:
                raise ValidationError(_l("Kies een periode van hoogstens drie jaar."))

    def period(self):
        """The chosen period, or the last 90 days (today included) when none or a wrong one
        was given (the errors are then shown on the form)."""
        end = today()
        if self.errors or not (self.start.data or self.end.data):
            return end - timedelta(days=DEFAULT_DAYS - 1), end
        end = self.end.data or end
        start = self.start.data or end - timedelta(days=DEFAULT_DAYS - 1)
        if start > end:
            start = end - timedelta(days=DEFAULT_DAYS - 1)
        return start, end


class FilterForm(PeriodForm):
    # Choices come from the view (scoped to the user's region); values are strings, "" = all.
    region = SelectField(_l("Regio"), choices=[], default="", validate_choice=True)
    location = SelectField(_l("azc-locatie"), choices=[], default="", validate_choice=True)
    sector = SelectField(_l("Sector"), choices=[], default="", validate_choice=True)

    def tampered(self) -> bool:
        """A select value that was never offered: someone edited the URL."""
        return any(self[name].errors for name in ("region", "location", "sector"))


class DigestForm(FlaskForm):
    weekly_digest = BooleanField(_l("Stuur ons elke week een overzicht van in- en uitstroom"))
