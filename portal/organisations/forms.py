"""Forms for registering an organisation and for the adviser's decisions. Fields are checked
one at a time here; cross-object rules (unique KvK, valid transitions) live in services."""
from __future__ import annotations

import re

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, EqualTo, InputRequired, Length, ValidationError

from portal.accounts.passwords import RULE as PASSWORD_RULE
from portal.form_fields import confirmation
from portal.organisations.models import OrgKind
from portal.text import line_filter, strip_filter, text_filter

SECTORS = (
    ("logistiek", _l("Logistiek")),
    ("productie", _l("Productie")),
    ("schoonmaak", _l("Schoonmaak")),
    ("horeca", _l("Horeca")),
    ("bouw", _l("Bouw")),
    ("detailhandel", _l("Detailhandel")),
    ("zorg", _l("Zorg")),
    ("agrarisch", _l("Agrarisch")),
    ("techniek", _l("Techniek")),
    ("overig", _l("Overig")),
)
SECTOR_LABELS = dict(SECTORS)

KIND_LABELS = {
    OrgKind.employer.value: _l("Werkgever"),
    OrgKind.agency.value: _l("Uitzendbureau"),
}

POSTCODE_RE = re.compile(r"^[1-9][0-9]{3} ?[A-Z]{2}$", re.IGNORECASE)
# These letter pairs are never issued by PostNL (they recall the SS, SA, SD of 1940-45).
POSTCODE_FORBIDDEN_LETTERS = {"SA", "SD", "SS"}


def normalise_postcode(raw: str) -> str | None:
    """"1234ab" -> "1234 AB"; None when it is not a Dutch postcode."""
    value = (raw or "").strip()
    if not POSTCODE_RE.match(value):
        return None
    digits, letters = value[:4], value[-2:].upper()
    if letters in POSTCODE_FORBIDDEN_LETTERS:
        return None
    return f"{digits} {letters}"


def _postcode(form, field) -> None:
    normalised = normalise_postcode(field.data or "")
    if normalised is None:
        raise ValidationError(_l("Vul een Nederlandse postcode in, zoals 1234 AB."))
    field.data = normalised


def _kvk(form, field) -> None:
    value = (field.data or "").strip().replace(" ", "")
    if not re.fullmatch(r"[0-9]{8}", value):
        raise ValidationError(_l("Een KvK-nummer heeft precies 8 cijfers."))
    field.data = value


class RegisterForm(FlaskForm):
    kind = RadioField(
        _l("Soort organisatie"),
        choices=[SelectChoice(value, label) for value, label in KIND_LABELS.items()],
        validators=[InputRequired(_l("Kies werkgever of uitzendbureau."))],
    )
    name = StringField(
        _l("Naam van de organisatie"), filters=[line_filter],
        validators=[DataRequired(_l("Vul de naam van de organisatie in.")), Length(max=200)],
    )
    kvk = StringField(
        _l("KvK-nummer"), description=_l("8 cijfers, zoals op het uittreksel van de Kamer van Koophandel."),
        validators=[DataRequired(_l("Vul het KvK-nummer in.")), Length(max=20), _kvk],
        render_kw={"inputmode": "numeric", "autocomplete": "off"},
    )
    sector = SelectField(
        _l("Sector"),
        choices=[SelectChoice("", _l("Kies een sector"))] + [SelectChoice(v, lbl) for v, lbl in SECTORS],
        validators=[DataRequired(_l("Kies een sector."))],
    )
    street = StringField(
        _l("Straat en huisnummer"), filters=[line_filter],
        validators=[DataRequired(_l("Vul de straat en het huisnummer in.")), Length(max=200)],
        render_kw={"autocomplete": "street-address"},
    )
    postcode = StringField(
        _l("Postcode"), filters=[line_filter],
        validators=[DataRequired(_l("Vul de postcode in.")), Length(max=10), _postcode],
        render_kw={"autocomplete": "postal-code"},
        description=_l("Bijvoorbeeld 1506 PR. Uit de postcode volgt de regio, en daarmee de "
                       "werkgeversadviseur die uw aanmelding beoordeelt."),
    )
    city = StringField(
        _l("Plaats"), filters=[line_filter],
        validators=[DataRequired(_l("Vul de plaats in.")), Length(max=120)],
        render_kw={"autocomplete": "address-level2"},
    )
    # Shown only when the postcode is not in the region table (regions/postcodes): the region
    # follows from the address, never from a list a newcomer guesses in.
    region = SelectField(
        _l("Regio"), coerce=int, default=-1,
        description=_l("We kennen de regio bij deze postcode nog niet. Kies de regio waar uw "
                       "bedrijf zit; een beheerder controleert het."),
    )
    contact_name = StringField(
        _l("Uw naam"), filters=[line_filter],
        validators=[DataRequired(_l("Vul uw naam in.")), Length(max=120)],
        render_kw={"autocomplete": "name"},
    )
    email = EmailField(
        _l("Uw e-mailadres"), filters=[strip_filter],
        description=_l("Hier sturen we een link om uw e-mailadres te bevestigen."),
        validators=[DataRequired(_l("Vul uw e-mailadres in.")),
                    Email(_l("Vul een geldig e-mailadres in."), check_deliverability=False),
                    Length(max=254)],
        render_kw={"autocomplete": "email"},
    )
    password = PasswordField(
        _l("Wachtwoord"), description=PASSWORD_RULE,
        validators=[DataRequired(_l("Kies een wachtwoord.")), Length(max=200)],
        render_kw={"autocomplete": "new-password"},
    )
    password_confirm = PasswordField(
        _l("Herhaal het wachtwoord"),
        validators=[DataRequired(_l("Herhaal het wachtwoord.")),
                    EqualTo("password", _l("De wachtwoorden zijn niet gelijk."))],
        render_kw={"autocomplete": "new-password"},
    )
    # Honeypot: hidden from people with CSS (.hp), bots fill it in.
    website = StringField(_l("Website (laat leeg)"), render_kw={"tabindex": "-1", "autocomplete": "off"})

    def set_regions(self, regions) -> None:
        self.region.choices = [SelectChoice(-1, _l("Kies een regio"))] + [
            SelectChoice(r.id, r.name) for r in regions]
        self.region.validate_choice = False  # an unknown id is refused by the service

    @property
    def asks_region(self) -> bool:
        """The fallback list is on the page: the service asked for it, or it was answered."""
        return bool(self.region.errors) or (self.region.data or -1) > 0


class ReasonForm(FlaskForm):
    """Reject and suspend: the reason is mailed to the organisation, so it is required."""

    reason = TextAreaField(
        _l("Reden"), filters=[text_filter],
        description=_l("Deze reden sturen we naar de organisatie."),
        validators=[DataRequired(_l("Vul een reden in.")), Length(max=2000)],
    )


class RejectForm(ReasonForm):
    confirm = confirmation(_l("Ja, wijs deze organisatie af"),
                           _l("Vink aan dat u deze organisatie wilt afwijzen."),
                           _l("Dit kan niet ongedaan worden gemaakt."))


def suspend_confirmation():
    """Also on the report page, where an adviser can suspend the organisation reported."""
    return confirmation(_l("Ja, schors deze organisatie"),
                        _l("Vink aan dat u deze organisatie wilt schorsen."),
                        _l("Alle gepubliceerde vacatures gaan meteen offline."))


class SuspendForm(ReasonForm):
    confirm = suspend_confirmation()


class ConfirmForm(FlaskForm):
    """Approve and reinstate: no fields, only the CSRF token."""


class RegionMoveForm(FlaskForm):
    region = SelectField(_l("Regio"), coerce=int,
                         validators=[InputRequired(_l("Kies een regio."))],
                         description=_l("De adviseurs van die regio zien de organisatie daarna; "
                                        "u ziet haar niet meer als het een andere regio is."))

    def set_regions(self, regions, current_id: int) -> RegionMoveForm:
        self.region.choices = [SelectChoice(r.id, r.name) for r in regions]
        if self.region.data is None:
            self.region.data = current_id
        return self


class ContactAdviserForm(FlaskForm):
    adviser = SelectField(_l("Contactpersoon (werkgeversadviseur)"), coerce=int,
                          validators=[InputRequired(_l("Kies een adviseur."))])

    def set_advisers(self, advisers) -> None:
        self.adviser.choices = [SelectChoice(a.id, f"{a.name} ({a.email})") for a in advisers]
