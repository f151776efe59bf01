"""Forms of the Werkbalie agenda: desk hours (staff), a booking (the resident, or staff for
them), the outcome of a talk, and the assisted application."""
from __future__ import annotations

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, HiddenField, StringField, TextAreaField, TimeField
from wtforms.validators import Email, Length, Optional, ValidationError

from portal.activities.forms import language_options
from portal.applicants.forms import MultiCheckboxField
from portal.apply.forms import RadioField, SelectField, _phone, options
from portal.form_validators import Required
from portal.text import latin_letters_only, line_filter, strip_filter, text_filter
from portal.werkbalie.booking import MAX_NOTE

WEEKDAYS = [(0, _l("maandag")), (1, _l("dinsdag")), (2, _l("woensdag")), (3, _l("donderdag")),
            (4, _l("vrijdag")), (5, _l("zaterdag")), (6, _l("zondag"))]
ONCE = -1


class SeriesForm(FlaskForm):
    location = SelectField(_l("Azc-locatie"), coerce=int, validators=[Required()])
    host = StringField(_l("Wie zit er"), filters=[line_filter], validators=[Required(), Length(max=120)],
                       default=_l("UWV werkgeversadviseur"),
                       description=_l("Bewoners zien dit, bijvoorbeeld: Werkgeversservicepunt gemeente."))
    weekday = SelectField(_l("Wanneer"), coerce=int, validators=[Optional()], choices=options(
        [(ONCE, _l("Eén keer, op de eerste dag"))] + [(d, _l("Elke %(day)s", day=label))
                                                      for d, label in WEEKDAYS]))
    first_day = DateField(_l("Eerste dag"), validators=[Required()])
    last_day = DateField(_l("Laatste dag"), validators=[Optional()],
                         description=_l("Alleen voor elke week; hoogstens een half jaar vooruit."))
    start_time = TimeField(_l("Begin"), validators=[Required()])
    end_time = TimeField(_l("Einde"), validators=[Required()])
    slot_minutes = SelectField(_l("Minuten per afspraak"), coerce=int, default=15,
                               choices=options([(10, "10"), (15, "15"), (20, "20"), (30, "30")]))
    languages = MultiCheckboxField(_l("Talen aan de balie"), choices=options(language_options()),
                                   validators=[Required(message=_l("Kies minstens één taal."))])
    place = StringField(_l("Ruimte"), filters=[line_filter], validators=[Optional(), Length(max=200)])


class ConfirmForm(FlaskForm):
    """A button that posts: carries only the CSRF token."""


class BookingForm(FlaskForm):
    """The resident books (or staff book for them): name, phone, language, nothing more."""

    slot = HiddenField()
    name = StringField(_l("Je naam"), filters=[line_filter],
                       validators=[Required(message=_l("Schrijf je naam.")), Length(max=120)])
    name_latin = StringField(
        _l("Je naam in Latijnse letters (A tot Z)"), filters=[line_filter],
        validators=[Length(max=120)],
        description=_l("Zoals op je W-document. Dan kan de adviseur je naam lezen."),
        render_kw={"dir": "ltr", "autocomplete": "off", "spellcheck": "false"})
    phone = StringField(
        _l("Je telefoonnummer"), filters=[line_filter],
        validators=[Required(message=_l("Schrijf je telefoonnummer.")), Length(max=40), _phone],
        description=_l("Dan kunnen we je bellen als er iets verandert."),
        render_kw={"type": "tel", "autocomplete": "tel", "inputmode": "tel"})
    email = StringField(
        _l("Je e-mailadres"), filters=[strip_filter],
        validators=[Optional(), Length(max=254), Email(_l("Dit e-mailadres klopt niet."))],
        description=_l("Dan sturen we je de link en een herinnering."),
        render_kw={"type": "email", "autocomplete": "email"})
    language = RadioField(_l("In welke taal wil je praten?"), validators=[Optional()])
    keep_longer = BooleanField(_l("Bewaar mijn gegevens %(years)s jaar. Dan kan de Werkbalie mij "
                                  "uitnodigen voor andere activiteiten.", years=1))
    website = StringField(_l("Laat dit leeg"), filters=[line_filter],
                          render_kw={"autocomplete": "off", "tabindex": "-1"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.name_latin.flags.conditional = True
        self.keep_longer.label.text = _l(
            "Bewaar mijn gegevens %(years)s jaar. Dan kan de Werkbalie mij uitnodigen voor "
            "andere activiteiten.", years=round(current_app.config["RETENTION_CONSENT_DAYS"] / 365))

    def validate_name_latin(self, field):
        if field.data and not latin_letters_only(field.data):
            raise ValidationError(_l("Schrijf je naam met de letters A tot Z, zoals op je "
                                     "W-document."))
        if not field.data and self.name.data and not latin_letters_only(self.name.data):
            raise ValidationError(_l("Schrijf je naam ook met de letters A tot Z."))


class MoveForm(FlaskForm):
    slot = HiddenField(validators=[Required(message=_l("Kies een tijd."))])


class MarkForm(FlaskForm):
    came = RadioField(_l("Is de bewoner gekomen?"), validators=[Required()],
                      choices=options([("yes", _l("Gekomen")), ("no", _l("Niet gekomen"))]))


class OutcomeForm(FlaskForm):
    note = TextAreaField(
        _l("Uitkomst van het gesprek"), filters=[text_filter],
        validators=[Required(), Length(max=MAX_NOTE)], render_kw={"rows": 4, "maxlength": MAX_NOTE},
        description=_l("Kort: wat is afgesproken. Geen gegevens over gezondheid, geloof, het "
                       "asielverhaal of strafzaken. Dit wordt gewist met de afspraak."))


class LinkForm(FlaskForm):
    application = SelectField(_l("Sollicitatie"), coerce=int, validators=[Required()])


class DeskApplicationForm(FlaskForm):
    """Staff apply on the resident's behalf: the job and what the apply form asks first."""

    vacancy = SelectField(_l("Vacature"), coerce=int, validators=[Required()])
    residence_status = RadioField(_l("Situatie van de bewoner"), validators=[Required()], choices=options([
        ("asylum_seeker", _l("Asielzoeker (procedure loopt)")),
        ("status_holder", _l("Statushouder")), ("unknown", _l("Weet het niet"))]))
    procedure = RadioField(_l("Loopt de asielprocedure al 6 maanden of langer?"), validators=[Optional()],
                           choices=options([("yes", _l("Ja")), ("no", _l("Nee")),
                                            ("unknown", _l("Weet het niet"))]))
    consent = BooleanField(_l("De bewoner wil solliciteren en geeft toestemming om dit voor hem of "
                              "haar in te vullen"),
                           validators=[Required(message=_l("Vraag eerst toestemming aan de bewoner."))])

    def validate_procedure(self, field):
        if self.residence_status.data == "asylum_seeker" and not field.data:
            raise ValidationError(_l("Kies een antwoord. Dit is nodig voor de werkvergunning."))
