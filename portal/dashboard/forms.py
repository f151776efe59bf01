"""Filter forms (GET, no CSRF: they change nothing) and the digest toggle (POST)."""
from __future__ import annotations

from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional, ValidationError

from portal.applicants.models import ApplicationSource, ResidenceStatus
from portal.clock import today
from portal.formatting import add_months

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


SOURCE_LABELS = {
    ApplicationSource.poster: _l("Poster of prikbord op het azc (QR-code)"),
    ApplicationSource.link: _l("Directe link of website"),
    ApplicationSource.desk: _l("Ingevoerd aan de Werkbalie"),
    ApplicationSource.proposal: _l("Voorgesteld door een adviseur"),
}
RESIDENCE_FILTER_LABELS = {
    ResidenceStatus.asylum_seeker: _l("Asielzoekers"),
    ResidenceStatus.status_holder: _l("Statushouders"),
    ResidenceStatus.unknown: _l("Verblijfsstatus onbekend"),
}
SELECTS = ("region", "location", "sector", "source", "residence")


class FilterForm(PeriodForm):
    # Choices come from the view (scoped to the user's region); values are strings, "" = all.
    region = SelectField(_l("Regio"), choices=[], default="", validate_choice=True)
    location = SelectField(_l("azc-locatie"), choices=[], default="", validate_choice=True)
    sector = SelectField(_l("Sector"), choices=[], default="", validate_choice=True)
    source = SelectField(_l("Route"), default="", validate_choice=True, choices=[
        SelectChoice("", _l("Alle routes"))] + [
        SelectChoice(k.value, label) for k, label in SOURCE_LABELS.items()])
    residence = SelectField(_l("Verblijfsstatus"), default="", validate_choice=True, choices=[
        SelectChoice("", _l("Iedereen"))] + [
        SelectChoice(k.value, label) for k, label in RESIDENCE_FILTER_LABELS.items()])

    def tampered(self) -> bool:
        """A select value that was never offered: someone edited the URL."""
        return any(self[name].errors for name in SELECTS)

    def chosen(self) -> dict[str, str]:
        """The chosen filters (not the period) for links to the PDF and the CSV files."""
        return {name: self[name].data for name in SELECTS if self[name].data}

    def chosen_labels(self) -> list[str]:
        """The chosen filters in words (the region is named elsewhere): "azc Alfa", ..."""
        return [str(label) for name, value in self.chosen().items() if name != "region"
                for choice_value, label, *_rest in self[name].iter_choices() if choice_value == value]


def month_period(text: str | None) -> tuple[date, date] | None:
    """"2026-02" -> 1 to 28 February 2026; None for anything else or outside 2000-2099."""
    try:
        year, month = (int(x) for x in (text or "").split("-"))
        start = date(year, month, 1)
    except ValueError:
        return None
    if not FIRST_DAY <= start <= LAST_DAY:
        return None
    return start, add_months(start, 1) - timedelta(days=1)


def quarter_period(text: str | None) -> tuple[date, date] | None:
    """"2026-Q1" -> 1 January to 31 March 2026; None for anything else."""
    year, _sep, quarter = (text or "").upper().partition("-Q")
    if not (year.isdigit() and len(year) == 4 and quarter in ("1", "2", "3", "4")):
        return None
    start = date(int(year), 3 * int(quarter) - 2, 1)
    if not FIRST_DAY <= start <= LAST_DAY:
        return None
    return start, add_months(start, 3) - timedelta(days=1)


def recent_quarters(day: date, count: int = 8) -> list[str]:
    """The quarter of `day` and the ones before it, newest first: "2026-Q1", "2025-Q4", ..."""
    index = day.year * 4 + (day.month - 1) // 3
    return [f"{i // 4}-Q{i % 4 + 1}" for i in range(index, index - count, -1)]


class DigestForm(FlaskForm):
    weekly_digest = BooleanField(_l("Stuur ons elke week een overzicht van in- en uitstroom"))
