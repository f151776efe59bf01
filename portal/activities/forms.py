"""Forms of activities: the staff form (an activity with up to MAX_SESSIONS session rows, no
JavaScript: empty rows are ignored), the resident's and the employer's sign-up, attendance."""
from __future__ import annotations

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    StringField,
    TextAreaField,
    TimeField,
)
from wtforms.validators import Email, Length, NumberRange, Optional, ValidationError

from portal.activities.models import ActivityKind, Audience, PlaceKind, SignUpStatus
from portal.apply.forms import AzcChosen, RadioField, SelectField, options, valid_phone
from portal.form_fields import MultiCheckboxField
from portal.form_validators import Required
from portal.i18n import LANGUAGES
from portal.phrases.forms import TextForm as PhraseTextForm
from portal.text import latin_letters_only, line_filter, strip_filter, text_filter

MAX_SESSIONS = 6

KIND_LABELS = {
    ActivityKind.training: _l("Training"),
    ActivityKind.workshop: _l("Workshop"),
    ActivityKind.info_meeting: _l("Informatiebijeenkomst"),
    ActivityKind.job_fair: _l("Banenmarkt"),
    ActivityKind.employer_session: _l("Informatiesessie voor werkgevers"),
}
AUDIENCE_LABELS = {Audience.residents: _l("Bewoners"), Audience.employers: _l("Werkgevers")}
PLACE_LABELS = {PlaceKind.room: _l("Ruimte op het azc"), PlaceKind.address: _l("Ander adres"),
                PlaceKind.online: _l("Online (webinar)")}
STATUS_LABELS = {
    SignUpStatus.confirmed: _l("Aangemeld"), SignUpStatus.waiting: _l("Wachtlijst"),
    SignUpStatus.cancelled: _l("Afgemeld"), SignUpStatus.attended: _l("Gekomen"),
    SignUpStatus.no_show: _l("Niet gekomen"),
}


def language_options() -> list[tuple[str, str]]:
    return [(code, name) for code, (name, _dir) in LANGUAGES.items()]


class SessionRow(Form):
    """One session; a row without a date is left out (the form has spare rows)."""

    id = HiddenField()
    day = DateField(_l("Datum"), validators=[Optional()])
    start = TimeField(_l("Begin"), validators=[Optional()])
    end = TimeField(_l("Einde"), validators=[Optional()])
    place_kind = SelectField(_l("Waar"), choices=options(
        [(k.value, label) for k, label in PLACE_LABELS.items()]), default="room")
    place = StringField(_l("Ruimte of adres"), filters=[line_filter],
                        validators=[Optional(), Length(max=200)])
    online_url = StringField(_l("Link (voor online)"), filters=[strip_filter],
                             validators=[Optional(), Length(max=300)])

    def filled(self) -> bool:
        return bool(self.day.data or self.start.data or self.end.data or self.place.data
                    or self.online_url.data)


class ActivityForm(FlaskForm):
    kind = SelectField(_l("Soort"), validators=[Required()], choices=options(
        [("", "–")] + [(k.value, label) for k, label in KIND_LABELS.items()]))
    audience = RadioField(_l("Voor wie"), validators=[Required()], default="residents",
                          choices=options([(a.value, label) for a, label in AUDIENCE_LABELS.items()]))
    title = StringField(_l("Titel"), filters=[line_filter], validators=[Required(), Length(max=200)],
                        description=_l("Kort en eenvoudig, bijvoorbeeld: Werken in Nederland."))
    description = TextAreaField(
        _l("Omschrijving"), filters=[text_filter], validators=[Optional(), Length(max=2000)],
        description=_l("Wat leer je, wat neem je mee. Taalniveau B1 of eenvoudiger."),
        render_kw={"rows": 4})
    languages = MultiCheckboxField(_l("Gegeven in"), choices=options(language_options()),
                                   validators=[Required(message=_l("Kies minstens één taal."))])
    location = SelectField(_l("Azc-locatie"), coerce=int, validators=[Optional()])
    region = SelectField(_l("Regio"), coerce=int, validators=[Optional()],
                         description=_l("Alleen nodig zonder azc-locatie."))
    capacity = IntegerField(_l("Aantal plaatsen"), validators=[Required(), NumberRange(min=1, max=500)])
    together = BooleanField(_l("Alle sessies horen bij elkaar (één aanmelding voor alle delen)"),
                            default=True)
    sessions = FieldList(FormField(SessionRow), min_entries=MAX_SESSIONS, max_entries=MAX_SESSIONS)


class ConfirmForm(FlaskForm):
    """A button that posts: carries only the CSRF token."""


class CancelActivityForm(FlaskForm):
    confirm = BooleanField(_l("Ja, annuleer deze activiteit en bericht iedereen die zich heeft aangemeld"),
                           validators=[Required()])


# --- sign-up ------------------------------------------------------------------------------

class _PoolChoice:
    """The date to sign up for; with one date to choose from it needs no answer."""

    pool = RadioField(_l("Kies een datum"), coerce=int, validators=[])

    def validate_pool(self, field):
        if not field.data:
            if len(field.choices) != 1:
                raise ValidationError(_l("Kies een datum."))
            field.data = field.choices[0].value


def latin_name_field(description) -> StringField:
    return StringField(
        _l("Je naam in Latijnse letters (A tot Z)"), filters=[line_filter],
        validators=[Length(max=120)], description=description,
        render_kw={"dir": "ltr", "autocomplete": "off", "spellcheck": "false"})


class ResidentContact:
    """What a resident gives to sign up or book a Werkbalie talk: name (and its Latin
    spelling when typed in another script), phone, optionally email, and whether we may keep
    it for a year. Shared by SignUpForm and the Werkbalie's BookingForm."""

    name = StringField(_l("Je naam"), filters=[line_filter],
                       validators=[Required(message=_l("Schrijf je naam.")), Length(max=120)])
    name_latin = latin_name_field(_l("Zoals op je W-document. Dan kan de trainer je naam lezen."))
    phone = StringField(
        _l("Je telefoonnummer"), filters=[line_filter],
        validators=[Required(message=_l("Schrijf je telefoonnummer.")), Length(max=40), valid_phone],
        description=_l("Dan kunnen we je bellen als er iets verandert."),
        render_kw={"type": "tel", "autocomplete": "tel", "inputmode": "tel"})
    email = StringField(
        _l("Je e-mailadres"), filters=[strip_filter],
        validators=[Optional(), Length(max=254), Email(_l("Dit e-mailadres klopt niet."))],
        description=_l("Dan sturen we je de link en een herinnering."),
        render_kw={"type": "email", "autocomplete": "email"})
    keep_longer = BooleanField(_l("Bewaar mijn gegevens %(years)s jaar. Dan kan de Werkbalie mij "
                                  "uitnodigen voor andere activiteiten.", years=1))
    website = StringField(_l("Laat dit leeg"), filters=[line_filter],
                          render_kw={"autocomplete": "off", "tabindex": "-1"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.name_latin.flags.conditional = True  # needed only when the name is in another script
        # The consent names the period the purge keeps to (RETENTION_CONSENT_DAYS).
        self.keep_longer.label.text = _l(
            "Bewaar mijn gegevens %(years)s jaar. Dan kan de Werkbalie mij uitnodigen voor "
            "andere activiteiten.", years=round(current_app.config["RETENTION_CONSENT_DAYS"] / 365))

    def validate_name_latin(self, field):
        if field.data and not latin_letters_only(field.data):
            raise ValidationError(_l("Schrijf je naam met de letters A tot Z, zoals op je "
                                     "W-document."))
        if not field.data and self.name.data and not latin_letters_only(self.name.data):
            raise ValidationError(_l("Schrijf je naam ook met de letters A tot Z."))


class SignUpForm(_PoolChoice, ResidentContact, FlaskForm):
    """A resident's sign-up: name, phone, azc, language, nothing more (email only to get the
    link and reminders by mail)."""

    azc_location = SelectField(_l("In welk azc woon je?"), coerce=int, validators=[AzcChosen()])
    language = RadioField(_l("In welke taal wil je meedoen?"),
                          validators=[Required(message=_l("Kies een taal."))])


class EmployerSignUpForm(_PoolChoice, FlaskForm):
    name = StringField(_l("Uw naam"), filters=[line_filter], validators=[Required(), Length(max=120)])
    organisation_name = StringField(_l("Organisatie"), filters=[line_filter],
                                    validators=[Required(), Length(max=200)])
    email = StringField(_l("E-mailadres"), filters=[strip_filter],
                        validators=[Required(), Length(max=254),
                                    Email(_l("Dit e-mailadres klopt niet."))],
                        description=_l("U krijgt hier de bevestiging, de link of het adres en "
                                       "een herinnering."),
                        render_kw={"type": "email", "autocomplete": "email"})
    website = StringField(_l("Laat dit leeg"), filters=[line_filter],
                          render_kw={"autocomplete": "off", "tabindex": "-1"})


def attendance_form(signups, labels: dict[int, str], current: dict[int, str]):
    """One radio group per person: came / did not come (empty: not marked yet)."""

    class AttendanceForm(FlaskForm):
        pass

    for signup in signups:
        setattr(AttendanceForm, f"s{signup.id}", RadioField(
            labels[signup.id], validators=[Optional()], default=current.get(signup.id),
            choices=options([("attended", _l("Gekomen")), ("no_show", _l("Niet gekomen"))])))
    return AttendanceForm()


def marks_from(form, signups) -> dict[int, str]:
    out = {}
    for signup in signups:
        value = form[f"s{signup.id}"].data
        if value in ("attended", "no_show"):
            out[signup.id] = value
    return out


class TextForm(PhraseTextForm):
    """The title and description in one resident language: the vacancies' form, with the
    activity's lengths and without a summary."""

    title = StringField(_l("Titel"), validators=[Optional(), Length(max=200)])
    summary = None  # type: ignore[assignment]  # WTForms' way to drop an inherited field
    description = TextAreaField(_l("Omschrijving"), validators=[Optional(), Length(max=2000)])
