"""The profile form: the resident fills it in from a poster, or staff fill it in at the desk
with the resident next to them (DeskProfileForm: the same questions, the consent asked of the
resident out loud, and the language for messages). Short questions, B1."""
from __future__ import annotations

from flask import current_app
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, IntegerField, TextAreaField
from wtforms.validators import Length, NumberRange, Optional, ValidationError

from portal.activities.forms import ResidentContact, language_options, latin_name_field
from portal.applicants.languages import LANGUAGES
from portal.apply.forms import RadioField, SelectField, options
from portal.form_fields import MultiCheckboxField
from portal.form_validators import Required
from portal.talent.models import (
    EXPERIENCE_MAX,
    HOURS_MAX,
    Availability,
    LanguageLevel,
    Residence,
)
from portal.talent.profiles import ProfileData
from portal.text import text_filter

LANGUAGE_ROWS = 3
TRAVEL_CHOICES = (15, 30, 45, 60, 90, 120)  # minutes by bus or train from the azc

LEVEL_LABELS = {
    LanguageLevel.basic: _l("Een beetje"),
    LanguageLevel.good: _l("Goed"),
    LanguageLevel.fluent: _l("Heel goed"),
    LanguageLevel.native: _l("Mijn moedertaal"),
}
AVAILABILITY_LABELS = {
    Availability.full_time: _l("Hele weken (voltijd)"),
    Availability.part_time: _l("Een deel van de week (deeltijd)"),
    Availability.evenings_weekends: _l("Alleen 's avonds en in het weekend"),
    Availability.flexible: _l("Het maakt niet uit"),
}
RESIDENCE_LABELS = {
    Residence.status_holder: _l("Ik heb een verblijfsvergunning (statushouder)"),
    Residence.asylum_over_6_months: _l("Ik ben asielzoeker. Mijn procedure loopt %(months)s maanden "
                                       "of langer", months=6),
    Residence.asylum_under_6_months: _l("Ik ben asielzoeker. Mijn procedure loopt korter dan "
                                        "%(months)s maanden", months=6),
    Residence.unknown: _l("Ik weet het niet"),
}


def consent_text(months: int):
    """What the resident agrees to: who, what for, how long, and how to stop."""
    return _l("Adviseurs van werkgevers in mijn regio mogen dit profiel zien en mij voorstellen "
              "voor banen. Dit geldt %(months)s maanden. Met mijn eigen link kan ik het verlengen "
              "of meteen laten wissen.", months=months)


def _language_rows(cls):
    """Up to three (language, level) rows; the first is required. Made after the class, so
    their place in the field order (which the error summary follows) is set by hand: right
    after the azc question, where the page shows them."""
    after = cls.azc_location.creation_counter
    for n in range(1, LANGUAGE_ROWS + 1):
        first = n == 1
        empty = [("", _l("Kies een taal"))] if first else [("", _l("Geen"))]
        lang = SelectField(
            _l("Taal %(n)s", n=n), choices=options(empty + LANGUAGES),
            validators=[Required(message=_l("Kies een taal die je spreekt."))] if first
            else [Optional()])
        level = SelectField(
            _l("Hoe goed spreek je taal %(n)s?", n=n),
            choices=options([("", "–")] + [(k.value, v) for k, v in LEVEL_LABELS.items()]),
            validators=[Required(message=_l("Kies hoe goed je deze taal spreekt."))] if first
            else [Optional()])
        lang.creation_counter = after + n / 10
        level.creation_counter = after + n / 10 + 0.05
        setattr(cls, f"lang{n}", lang)
        setattr(cls, f"level{n}", level)
    return cls


@_language_rows
class ProfileForm(ResidentContact, FlaskForm):
    """Name, Latin spelling, phone, email and the honeypot as for a sign-up (ResidentContact);
    no "keep a year" question: a profile has its own period, in the consent."""

    keep_longer = None
    name_latin = latin_name_field(_l("Zoals op je W-document. Dan kan de adviseur je naam lezen."))
    azc_location = SelectField(_l("In welk azc woon je?"), coerce=int,
                               validators=[Required(message=_l("Kies je azc."))])
    work = MultiCheckboxField(_l("Welk werk wil je doen?"),
                              validators=[Required(message=_l("Kies minstens één soort werk."))],
                              description=_l("Kies één of meer."))
    experience = TextAreaField(
        _l("Wat heb je al gedaan? Werk, opleiding of cursus"), filters=[text_filter],
        validators=[Optional(), Length(max=EXPERIENCE_MAX)],
        render_kw={"rows": 3, "maxlength": EXPERIENCE_MAX},
        description=_l("Kort. Bijvoorbeeld: 3 jaar in een bakkerij in Eritrea."))
    attended_training = BooleanField(_l("Ik heb de training over werken in Nederland gevolgd"))
    availability = RadioField(
        _l("Wanneer kun je werken?"),
        choices=options([(k.value, v) for k, v in AVAILABILITY_LABELS.items()]),
        validators=[Required(message=_l("Kies wanneer je kunt werken."))])
    hours_per_week = IntegerField(
        _l("Hoeveel uur per week wil je werken?"),
        validators=[Optional(), NumberRange(min=1, max=HOURS_MAX,
                                            message=_l("Kies een getal van 1 tot %(max)s.",
                                                       max=HOURS_MAX))],
        render_kw={"inputmode": "numeric", "min": 1, "max": HOURS_MAX})
    residence = RadioField(
        _l("Wat is je situatie?"),
        choices=options([(k.value, v) for k, v in RESIDENCE_LABELS.items()]),
        validators=[Required(message=_l("Kies wat bij je past."))],
        description=_l("Dit is nodig voor de werkvergunning (TWV)."))
    travel_minutes = SelectField(
        _l("Hoe lang wil je reizen naar je werk?"), coerce=int, default=30,
        choices=options([(m, _l("%(minutes)s minuten", minutes=m)) for m in TRAVEL_CHOICES]),
        validators=[Required(message=_l("Kies hoe lang je wilt reizen."))],
        description=_l("Met bus of trein vanaf je azc, één kant op."))
    consent = BooleanField(validators=[Required(message=_l("Zet een vinkje als je dit goed vindt."))])

    def __init__(self, *args, **kwargs):
        # Past ResidentContact.__init__: it words the keep_longer question this form has not.
        super(ResidentContact, self).__init__(*args, **kwargs)
        self.name_latin.flags.conditional = True  # needed only when the name is in another script
        self.phone.description = _l("De adviseur belt of stuurt je een bericht over een baan.")
        # The consent names the period the purge keeps to (TALENT_CONSENT_MONTHS).
        self.consent.label.text = consent_text(current_app.config["TALENT_CONSENT_MONTHS"])

    def validate_azc_location(self, field):
        if not field.data:  # 0: the "choose your azc" line
            raise ValidationError(_l("Kies je azc."))

    def language_rows(self) -> list[tuple]:
        return [(self[f"lang{n}"], self[f"level{n}"]) for n in range(1, LANGUAGE_ROWS + 1)]

    def validate_lang2(self, field):
        self._level_given(2)

    def validate_lang3(self, field):
        self._level_given(3)

    def _level_given(self, n: int) -> None:
        if self[f"lang{n}"].data and not self[f"level{n}"].data:
            raise ValidationError(_l("Kies hoe goed je deze taal spreekt."))

    def data_for(self, location_id: int) -> ProfileData:
        languages = [(lang.data, LanguageLevel(level.data)) for lang, level in self.language_rows()
                     if lang.data and level.data]
        return ProfileData(
            name=self.name.data, name_latin=self.name_latin.data or None,
            phone=self.phone.e164, email=(self.email.data or "").lower() or None,
            location_id=location_id, availability=Availability(self.availability.data),
            residence=Residence(self.residence.data), travel_minutes=self.travel_minutes.data,
            languages=languages, work=list(self.work.data or []),
            hours_per_week=self.hours_per_week.data, attended_training=bool(self.attended_training.data),
            experience=self.experience.data or None)


class DeskProfileForm(ProfileForm):
    """Staff fill in the profile with the resident present. The resident gives consent; the
    messages (link, reminder, proposals) come in the language chosen here."""

    language = SelectField(_l("Taal voor berichten aan de bewoner"), choices=options(language_options()),
                           validators=[Required()])
    website = None  # staff pages need no honeypot

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent.label.text = _l(
            "De bewoner is hier en vindt dit goed: %(consent)s",
            consent=consent_text(current_app.config["TALENT_CONSENT_MONTHS"]))
