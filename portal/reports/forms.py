from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional, ValidationError

from portal.apply.forms import CHOOSE
from portal.apply.forms import RadioField as ResidentRadioField
from portal.apply.forms import SelectField as ResidentSelectField
from portal.form_fields import MultiCheckboxField
from portal.form_validators import Required
from portal.i18n import LANGUAGES
from portal.organisations.forms import suspend_confirmation
from portal.reports.models import ForwardedTo, ReporterType, ReportState
from portal.text import line_filter

# Plain words for residents (B1 or simpler); staff pages use the same labels.
SIGNAL_LABELS = {
    "no_contract": _l("Ik kreeg geen contract"),
    "pay_below_minimum_or_late": _l("Ik krijg te weinig of te laat betaald"),
    "unpaid_trial": _l("Ik moest gratis proefwerken"),
    "cash_pay": _l("Ik krijg contant betaald"),
    "documents_taken": _l("Ze hebben mijn ID of bankpas"),
    "long_days": _l("Ik werk heel lange dagen"),
    "housing_tied": _l("Ik moet wonen bij de baas"),
    "pressure": _l("Ik word onder druk gezet"),
    "debt": _l("Ik heb een schuld bij de baas"),
    "other": _l("Iets anders"),
}

REPORTER_LABELS = {
    ReporterType.resident: _l("Ik woon in een azc"),
    ReporterType.coa_staff: _l("Ik werk bij COA"),
    ReporterType.employer: _l("Ik ben werkgever"),
    ReporterType.other: _l("Iemand anders"),
}

# What the reporter sees on the status page: the state only, in plain words.
PUBLIC_STATE_LABELS = {
    ReportState.new: _l("Ontvangen"),
    ReportState.investigating: _l("We kijken ernaar"),
    ReportState.forwarded: _l("Doorgegeven aan de overheid"),
    ReportState.closed: _l("Afgesloten"),
}

STATE_LABELS = {
    ReportState.new: _l("Nieuw"),
    ReportState.investigating: _l("In onderzoek"),
    ReportState.forwarded: _l("Doorgestuurd"),
    ReportState.closed: _l("Gesloten"),
}

FORWARDED_LABELS = {
    ForwardedTo.arbeidsinspectie: _l("Nederlandse Arbeidsinspectie"),
    ForwardedTo.municipality: _l("Gemeente"),
    ForwardedTo.police: _l("Politie"),
    ForwardedTo.other: _l("Anders"),
}


class ResidentCheckboxes(MultiCheckboxField):
    """On the resident's form: a bad choice gets our translated message."""

    def pre_validate(self, form):
        # WTForms' own message is English (and names the bad value) on a Tigrinya page too.
        values = {c[0] for c in self.iter_choices()}
        if any(d not in values for d in self.data or ()):
            raise ValidationError(CHOOSE)


# The reporter's form: every message is ours (and so translated), never WTForms' English one.
TOO_LONG = _l("Dit is te lang. Schrijf hoogstens %(max)s tekens.")


class ReportForm(FlaskForm):
    vacancy = HiddenField()
    signals = ResidentCheckboxes(
        _l("Wat gebeurde er?"), choices=[SelectChoice(k, v) for k, v in SIGNAL_LABELS.items()],
        description=_l("Kies alles wat klopt. Of vertel hieronder wat er gebeurde."),
    )
    employer_name = StringField(
        _l("Naam van de werkgever"), filters=[line_filter],
        validators=[Optional(), Length(max=200, message=TOO_LONG)],
        description=_l("Weet je de naam niet? Schrijf wat je weet, bijvoorbeeld de plaats."),
    )
    location = ResidentSelectField(_l("In welk azc woon of werk je?"), validators=[Optional()])
    description = TextAreaField(
        _l("Vertel wat er gebeurde"), validators=[Optional(), Length(max=2000, message=TOO_LONG)],
        description=_l("In je eigen woorden en in je eigen taal. Hoogstens 2000 tekens."),
    )
    reporter_type = ResidentRadioField(
        _l("Wie ben je?"), choices=[SelectChoice(k.value, v) for k, v in REPORTER_LABELS.items()],
        default=ReporterType.resident.value, validators=[InputRequired(CHOOSE)],
    )
    contact = StringField(
        _l("Telefoon of e-mail"), filters=[line_filter],
        validators=[Optional(), Length(max=200, message=TOO_LONG)],
        description=_l("Alleen als je wilt dat we je bellen of mailen."),
    )
    contact_language = ResidentSelectField(
        _l("In welke taal kunnen we je bellen of mailen?"),
        choices=[SelectChoice("", "—")] + [
            SelectChoice(code, name, render_kw={"lang": code}) for code, (name, _d) in LANGUAGES.items()
        ],
        validators=[Optional()],
    )
    # The pages promise: contact details go along to the authorities only if this is ticked.
    contact_consent = BooleanField(
        _l("Mijn telefoon of e-mail mag mee naar de Arbeidsinspectie, de gemeente of de politie."),
    )
    # Honeypot: hidden from people, filled in by bots.
    website = StringField(_l("Laat dit veld leeg"))

    def __init__(self, *args, locations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.location.choices = [SelectChoice("", "—")] + [
            SelectChoice(loc.code, f"{loc.name} ({loc.city})") for loc in locations
        ]
        # One of the two is needed (the service checks): neither may say "(optioneel)".
        self.signals.flags.conditional = True
        self.description.flags.conditional = True


class StatusForm(FlaskForm):
    class Meta:
        csrf = False  # a GET look-up that changes nothing

    code = StringField(_l("Je code"), filters=[line_filter],
                       validators=[DataRequired(_l("Schrijf je code.")),
                                   Length(max=20, message=TOO_LONG)],
                       description=_l("De code van 8 tekens die je kreeg na je melding."))


class StateForm(FlaskForm):
    state = SelectField(_l("Nieuwe status"), validators=[Required()])
    forwarded_to = SelectField(
        _l("Doorgestuurd naar"),
        choices=[SelectChoice("", "—")] + [
            SelectChoice(k.value, v) for k, v in FORWARDED_LABELS.items()
        ],
        validators=[Optional()],
        description=_l("Verplicht bij doorsturen."),
    )
    outcome = TextAreaField(_l("Uitkomst"), validators=[Optional(), Length(max=4000)],
                            description=_l("Verplicht bij sluiten."))
    note = TextAreaField(_l("Notitie"), validators=[Optional(), Length(max=4000)])

    def __init__(self, *args, report=None, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = report.allowed_next if report is not None else list(ReportState)
        # Unknown or not-allowed values are caught by the service with a clear message.
        self.state.choices = [SelectChoice(s.value, STATE_LABELS[s]) for s in allowed]
        self.state.validate_choice = False


class SuspendForm(FlaskForm):
    reason = TextAreaField(
        _l("Reden"), validators=[Optional(), Length(max=2000)],
        description=_l("De organisatie leest deze reden. Noem de melding of de melder niet."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The service refuses an empty reason (with its own message); the label must not
        # say "(optioneel)".
        self.reason.flags.required = True


class SuspendOrganisationForm(SuspendForm):
    confirm = suspend_confirmation()


class PrintForm(FlaskForm):
    class Meta:
        csrf = False

    contact = BooleanField(
        _l("Contactgegevens van de melder meenemen"),
        # Only offered when the reporter ticked that they may go along (the view checks too).
        description=_l("Alleen als de melder heeft gezegd dat dit mag."),
    )
