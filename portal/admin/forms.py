from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    IntegerField,
    SelectField,
    StringField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import (
    DataRequired,
    Email,
    InputRequired,
    Length,
    Optional,
    ValidationError,
)

from portal.form_fields import MoneyField, MultiCheckboxField
from portal.text import line_filter, strip_filter

ROLE_LABELS = {
    "adviser": _l("Werkgeversadviseur"),
    "coordinator": _l("Coördinator azc (COA)"),
    "admin": _l("Beheerder"),
}
ROLE_CHOICES = [SelectChoice(value, label) for value, label in ROLE_LABELS.items()]


class RegionForm(FlaskForm):
    name = StringField(_l("Naam van de regio"), filters=[line_filter],
                       validators=[DataRequired(_l("Vul een naam in.")), Length(max=120)])


class _LocationFields(FlaskForm):
    name = StringField(_l("Naam"), filters=[line_filter], description=_l("Bijvoorbeeld: azc Zaandam"),
                       validators=[DataRequired(_l("Vul een naam in.")), Length(max=120)])
    city = StringField(_l("Plaats"), filters=[line_filter],
                       validators=[DataRequired(_l("Vul de plaats in.")), Length(max=120)])
    region = SelectField(_l("Regio"), coerce=int, validators=[InputRequired(_l("Kies een regio."))])

    def set_regions(self, regions) -> None:
        self.region.choices = [SelectChoice(r.id, r.name) for r in regions]


class LocationForm(_LocationFields):
    code = StringField(
        _l("Korte code"), filters=[line_filter],
        description=_l("2 tot 6 hoofdletters of cijfers, zoals ZDM. Staat in de QR-codes op posters: "
                       "u kunt hem later niet wijzigen en nooit opnieuw gebruiken."),
        validators=[DataRequired(_l("Vul een code in.")), Length(max=20)],
    )


class LocationEditForm(_LocationFields):
    active = BooleanField(_l("Actief (vacatures kunnen hier worden opgehangen)"))


class StaffForm(FlaskForm):
    name = StringField(_l("Naam"), filters=[line_filter],
                       validators=[DataRequired(_l("Vul een naam in.")), Length(max=120)])
    email = EmailField(_l("E-mailadres"), filters=[strip_filter],
                       validators=[DataRequired(_l("Vul een e-mailadres in.")),
                                   Email(_l("Vul een geldig e-mailadres in."), check_deliverability=False),
                                   Length(max=254)])
    role = SelectField(_l("Rol"), choices=ROLE_CHOICES,
                       validators=[DataRequired(_l("Kies een rol."))])
    region = SelectField(_l("Regio (voor werkgeversadviseurs)"), coerce=int, validators=[Optional()])
    locations = MultiCheckboxField(_l("Azc-locaties (voor coördinatoren)"), coerce=int,
                                    validators=[Optional()])

    def set_choices(self, regions, locations) -> None:
        self.region.choices = [SelectChoice(0, _l("Geen"))] + [SelectChoice(r.id, r.name) for r in regions]
        self.locations.choices = [SelectChoice(loc.id, f"{loc.code} – {loc.name}") for loc in locations]


class RoleForm(FlaskForm):
    role = SelectField(_l("Rol"), choices=ROLE_CHOICES, validators=[DataRequired(_l("Kies een rol."))])
    region = SelectField(_l("Regio (voor werkgeversadviseurs)"), coerce=int, validators=[Optional()])
    locations = MultiCheckboxField(_l("Azc-locaties (voor coördinatoren)"), coerce=int,
                                    validators=[Optional()])

    set_choices = StaffForm.set_choices


class ConfirmForm(FlaskForm):
    """Enable/disable: only the CSRF token."""


class DateBetween:
    """Refuses dates no rule of this portal can be about (a typo such as 0202 or 20260 for the
    year), which would otherwise sort first or last in every table and rule."""

    def __init__(self, first: date, last: date, message) -> None:
        self.first, self.last, self.message = first, last, message

    def __call__(self, form, field) -> None:
        if field.data is not None and not self.first <= field.data <= self.last:
            raise ValidationError(self.message)


class PostcodeRangeForm(FlaskForm):
    low = IntegerField(_l("Eerste postcode (4 cijfers)"), render_kw={"inputmode": "numeric"},
                       validators=[InputRequired(_l("Vul vier cijfers in, zoals 1500."))])
    high = IntegerField(_l("Laatste postcode (4 cijfers)"), render_kw={"inputmode": "numeric"},
                        validators=[InputRequired(_l("Vul vier cijfers in, zoals 1509."))],
                        description=_l("Die hoort er ook bij. Eén postcode: twee keer hetzelfde."))
    region = SelectField(_l("Regio"), coerce=int, validators=[InputRequired(_l("Kies een regio."))])
    label = StringField(_l("Gemeente of plaats"), validators=[Optional(), Length(max=120)],
                        description=_l("Bijvoorbeeld: Zaanstad (Zaandam)"))

    def set_regions(self, regions) -> PostcodeRangeForm:
        self.region.choices = [SelectChoice(r.id, r.name) for r in regions]
        return self


class MinimumWageForm(FlaskForm):
    valid_from = DateField(_l("Geldig vanaf"), validators=[
        InputRequired(_l("Vul een geldige datum in.")),
        DateBetween(date(2000, 1, 1), date(2100, 12, 31), _l("Vul een datum tussen 2000 en 2100 in.")),
    ])
    euros = MoneyField(  # .data in cents
        _l("Bedrag per uur (euro, 21 jaar en ouder)"), min_cents=100, max_cents=10_000,
        validators=[InputRequired(_l("Vul een bedrag in, zoals 14,71."))],
    )
