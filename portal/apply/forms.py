from __future__ import annotations

import phonenumbers
import wtforms
from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, InputRequired, Length, Optional, ValidationError

from portal.applicants.languages import LANGUAGE_CODES, LANGUAGES, LEVELS  # noqa: F401
from portal.text import clean_line, latin_letters_only, line_filter, text_filter

LANGUAGE_ROWS = 3


def options(pairs) -> list[SelectChoice]:
    return [SelectChoice(value, label) for value, label in pairs]


def normalise_phone(value: str) -> str | None:
    """E.164, or None when it is not a real number. Dutch numbers may omit +31."""
    try:
        number = phonenumbers.parse(value, "NL")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def valid_phone(form, field):
    e164 = normalise_phone(field.data or "")
    if e164 is None:
        raise ValidationError(_l("Dit nummer klopt niet. Schrijf het zo: 06 12345678. "
                                 "Een buitenlands nummer begint met + en de landcode."))
    field.e164 = e164


class _EmptyToValidators:
    """An empty choice is left to the field's own validators: one clear message, not two."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("invalid_choice_message", CHOOSE)
        kwargs.setdefault("invalid_value_message", CHOOSE)
        super().__init__(*args, **kwargs)

    def pre_validate(self, form):
        if self.data in (None, "", 0):
            return
        super().pre_validate(form)


# Same class names as WTForms': the shared field macro renders by field type name.
class SelectField(_EmptyToValidators, wtforms.SelectField):
    pass


class RadioField(_EmptyToValidators, wtforms.RadioField):
    pass


class AzcChosen:
    """0 is the "choose your azc" line; -1 says "I do not live in an azc"."""

    field_flags = {"required": True}

    def __call__(self, form, field):
        if not field.data:
            raise ValidationError(_l("Kies je azc. Woon je niet in een azc? "
                                     "Kies dan: Ik woon niet in een azc."))


CHOOSE = _l("Kies een van de antwoorden.")
NOT_IN_AZC = -1


def _required(message):
    return [DataRequired(message=message)]


def _language_fields(cls):
    """Rows of (language, level); only the first row is required."""
    for n in range(1, LANGUAGE_ROWS + 1):
        first = n == 1
        empty = [("", _l("Kies een taal"))] if first else [("", _l("Geen"))]
        setattr(cls, f"lang{n}", SelectField(
            _l("Taal %(n)s", n=n), choices=options(empty + LANGUAGES),
            validators=_required(_l("Kies een taal die je spreekt.")) if first else [Optional()],
        ))
        setattr(cls, f"level{n}", SelectField(
            _l("Hoe goed spreek je taal %(n)s?", n=n), choices=options([("", "–")] + LEVELS),
            validators=_required(_l("Kies hoe goed je deze taal spreekt.")) if first else [Optional()],
        ))
    return cls


class _Eligibility:
    """The two questions that decide whether a resident may take the job at all. They come
    first: on the vacancy page as a GET form (EligibilityForm), whose answers the apply form
    then carries as hidden fields; the apply form opened without them asks them first."""

    residence_status = RadioField(
        _l("Wat is je situatie?"),
        choices=options([
            ("asylum_seeker", _l("Ik ben asielzoeker (mijn procedure loopt nog)")),
            ("status_holder", _l("Ik ben statushouder (ik heb een verblijfsvergunning)")),
            ("unknown", _l("Ik weet het niet"))]),
        validators=[InputRequired(_l("Kies wat bij je past."))],
        description=_l("Dit is nodig voor de werkvergunning."),
    )
    procedure = RadioField(
        _l("Loopt je asielprocedure al %(months)s maanden of langer?", months=6),
        choices=options([("yes", _l("Ja")), ("no", _l("Nee")), ("unknown", _l("Ik weet het niet"))]),
        validators=[],  # required for asylum seekers only: see validate_procedure
        description=_l("Alleen voor asielzoekers. Pas na deze tijd mag je werken."),
    )

    def _eligibility_labels(self) -> None:
        # The waiting time is a setting (it may drop to 3 months under the EU pact).
        self.procedure.label.text = _l("Loopt je asielprocedure al %(months)s maanden of langer?",
                                       months=current_app.config["ASYLUM_WAIT_MONTHS"])
        self.procedure.flags.conditional = True  # required for asylum seekers only

    def validate_procedure(self, field):
        if self.residence_status.data == "asylum_seeker" and not field.data:
            raise ValidationError(_l("Kies een antwoord. Dit is nodig voor de werkvergunning."))

    def eligibility_given(self) -> bool:
        """Both questions answered with known values, nothing to fix: the form may carry them
        as hidden fields and show them as one line."""
        status = self.residence_status.data
        if status not in ("asylum_seeker", "status_holder", "unknown"):
            return False
        if self.residence_status.errors or self.procedure.errors:
            return False
        return status != "asylum_seeker" or self.procedure.data in ("yes", "no", "unknown")


class EligibilityForm(_Eligibility, FlaskForm):
    """Step one, on the vacancy page: a GET form to the apply form (no token, cacheable)."""

    class Meta:
        csrf = False

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._eligibility_labels()


@_language_fields
class ApplyForm(_Eligibility, FlaskForm):
    name = StringField(
        _l("Je naam"), filters=[line_filter],
        validators=[DataRequired(_l("Schrijf je naam.")), Length(max=120)],
        description=_l("Zo weet de werkgever wie je bent."),
    )
    # UWV needs the name as on the W-document for the work permit; residents often type their
    # name in their own script above. Required for asylum seekers: see validate_name_latin.
    name_latin = StringField(
        _l("Je naam in Latijnse letters (A tot Z)"), filters=[line_filter],
        validators=[Length(max=120)],
        description=_l("Zoals op je W-document of ID. De werkgever heeft dit nodig voor de "
                       "werkvergunning."),
        render_kw={"dir": "ltr", "autocomplete": "off", "spellcheck": "false"},
    )
    phone = StringField(
        _l("Je telefoonnummer"), filters=[line_filter],
        validators=[DataRequired(_l("Schrijf je telefoonnummer.")), Length(max=40), valid_phone],
        description=_l("De werkgever belt je op dit nummer."),
        render_kw={"type": "tel", "autocomplete": "tel", "inputmode": "tel"},
    )
    email = StringField(
        _l("Je e-mailadres"), filters=[line_filter],
        validators=[Optional(), Length(max=254), Email(_l("Dit e-mailadres klopt niet."))],
        description=_l("Dan sturen we je de link naar je sollicitatie."),
        render_kw={"type": "email", "autocomplete": "email"},
    )
    azc_location = SelectField(
        _l("In welk azc woon je?"), coerce=int, validators=[AzcChosen()],
        description=_l("Zo kan de werkgever een afspraak dichtbij maken."),
    )
    experience = TextAreaField(
        _l("Welk werk heb je eerder gedaan?"), filters=[text_filter],
        validators=[Optional(), Length(max=500, message=_l("Schrijf maximaal 500 tekens."))],
        description=_l("Kort is goed. Bijvoorbeeld: 3 jaar in een bakkerij."),
        render_kw={"maxlength": 500, "rows": 3},
    )
    availability = TextAreaField(
        _l("Wanneer kun je werken?"), filters=[text_filter],
        validators=[Optional(), Length(max=300, message=_l("Schrijf maximaal 300 tekens."))],
        description=_l("Bijvoorbeeld: elke dag, of alleen 's ochtends."),
        render_kw={"maxlength": 300, "rows": 2},
    )
    keep_one_year = BooleanField(
        _l("Bewaar mijn gegevens 1 jaar voor ander werk"),
        description=_l("Dan kunnen werkgevers je later ook bellen voor ander werk."),
    )
    submission_key = HiddenField()
    website = StringField(_l("Laat dit leeg"), filters=[line_filter],
                          render_kw={"autocomplete": "off", "tabindex": "-1"})

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._eligibility_labels()
        self.name_latin.flags.conditional = True  # required for asylum seekers only
        # The consent names the period the purge keeps to (apply/housekeeping.keep_until).
        self.keep_one_year.label.text = _l(
            "Bewaar mijn gegevens %(years)s jaar voor ander werk",
            years=round(current_app.config["RETENTION_CONSENT_DAYS"] / 365))

    def validate_name_latin(self, field):
        if field.data and not latin_letters_only(field.data):
            raise ValidationError(_l("Schrijf je naam met de letters A tot Z, zoals op je "
                                     "W-document."))
        if (not field.data and self.residence_status.data == "asylum_seeker"
                and not latin_letters_only(self.name.data)):
            raise ValidationError(_l("Schrijf je naam zoals op je W-document, met de letters A "
                                     "tot Z. Dit is nodig voor de werkvergunning."))

    def validate_submission_key(self, field):
        field.data = clean_line(field.data, 64)

    def language_rows(self):
        return [(self[f"lang{n}"], self[f"level{n}"]) for n in range(1, LANGUAGE_ROWS + 1)]

    def languages(self) -> list[dict]:
        seen, out = set(), []
        for lang, level in self.language_rows():
            if lang.data and lang.data not in seen:
                seen.add(lang.data)
                out.append({"lang": lang.data, "level": level.data or "basic"})
        return out


class NewLinkForm(FlaskForm):
    """A lost status link: the phone number and the code of the application."""

    phone = StringField(
        _l("Je telefoonnummer"), filters=[line_filter],
        validators=[DataRequired(_l("Schrijf je telefoonnummer.")), Length(max=40), valid_phone],
        render_kw={"type": "tel", "autocomplete": "tel", "inputmode": "tel"},
    )
    reference = StringField(
        _l("Je code"), filters=[line_filter],
        validators=[DataRequired(_l("Schrijf je code.")), Length(max=20)],
        description=_l("De code van 8 letters en cijfers die je kreeg toen je solliciteerde."),
        render_kw={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"},
    )


class DeskLinkForm(NewLinkForm):
    """The same two facts, typed at the Werkbalie or COA desk by staff."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.phone.label.text = _l("Telefoonnummer van de bewoner")
        self.reference.label.text = _l("Code van de sollicitatie")
        self.reference.description = _l("8 letters en cijfers, op de bevestiging of in de "
                                        "e-mail van de bewoner.")


class ConfirmForm(FlaskForm):
    """A button that posts: carries only the CSRF token."""
