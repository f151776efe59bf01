from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, NumberRange, Optional

from portal.applicants.models import ResidenceStatus
from portal.form_fields import confirmation
from portal.form_validators import Required
from portal.placements.models import EndReason, TwvState
from portal.text import line_filter
from portal.vacancies.models import ContractType

CONTRACT_LABELS = {
    ContractType.temporary: _l("Tijdelijk (uitzend)"),
    ContractType.fixed_term: _l("Bepaalde tijd"),
    ContractType.permanent: _l("Vast"),
    ContractType.on_call: _l("Oproepcontract / nulurencontract"),
}

TWV_LABELS = {
    TwvState.not_needed: _l("Geen TWV nodig"),
    TwvState.to_apply: _l("TWV nog aanvragen"),
    TwvState.applied: _l("TWV aangevraagd"),
    TwvState.granted: _l("TWV verleend"),
    TwvState.refused: _l("TWV geweigerd"),
    TwvState.cancellation_requested: _l("TWV intrekken bij UWV"),
    TwvState.cancelled: _l("TWV ingetrokken"),
}

END_LABELS = {
    EndReason.end_of_contract: _l("Contract afgelopen"),
    EndReason.resigned: _l("Werknemer is zelf gestopt"),
    EndReason.dismissed: _l("Ontslagen"),
    EndReason.moved_after_status: _l("Verhuisd na het krijgen van een status"),
    EndReason.other: _l("Andere reden"),
    EndReason.not_started: _l("Aanname ging niet door"),
}

RESIDENCE_CHOICES = [
    SelectChoice(ResidenceStatus.asylum_seeker.value, _l("Asielzoeker (W-document): TWV nodig")),
    SelectChoice(ResidenceStatus.status_holder.value,
                 _l("Statushouder (verblijfsvergunning): geen TWV nodig")),
    SelectChoice(ResidenceStatus.unknown.value,
                 _l("Weet ik nog niet: we gaan uit van een TWV")),
]


class HireForm(FlaskForm):
    start_date = DateField(_l("Startdatum"), validators=[Required()])
    hours_per_week = IntegerField(
        _l("Uren per week"), validators=[Required(), NumberRange(min=1, max=168)],
        description=_l("De uren in het contract. Bij een oproepcontract: het verwachte aantal."))
    contract_type = SelectField(
        _l("Soort contract"), choices=[SelectChoice(k.value, v) for k, v in CONTRACT_LABELS.items()],
        description=_l("Een oproepcontract of nulurencontract telt als een voltijdbaan "
                       "(40 uur): UWV geeft daarvoor vaak een TWV voor 40 uur."))
    client_name = StringField(_l("Inlener (klant)"), filters=[line_filter],
                              validators=[Optional(), Length(max=200)],
                              description=_l("Het bedrijf waar de uitzendkracht gaat werken."))
    residence_status = RadioField(
        _l("Verblijfsstatus"), choices=RESIDENCE_CHOICES, default=ResidenceStatus.unknown.value,
        description=_l("De sollicitant wist het niet. Kijk op het W-document of de "
                       "verblijfsvergunning. Weet u het niet zeker, dan gaan we uit van een "
                       "asielzoeker: dan is een TWV nodig."))
    v_number = StringField(
        _l("V-nummer (op het W-document)"), filters=[line_filter], validators=[Optional(), Length(max=40)],
        description=_l("Waarom? Bij UWV mogen de TWV-uren van één persoon bij alle werkgevers "
                       "samen niet boven één voltijdbaan komen. Met het V-nummer controleren we "
                       "dat. We bewaren het nummer NIET: we bewaren alleen een versleutelde "
                       "code (HMAC) waaruit het nummer niet terug te halen is. Zonder nummer "
                       "kunnen we de uren bij andere werkgevers niet controleren."),
        render_kw={"inputmode": "numeric", "autocomplete": "off"})
    # Hiring cannot be undone (the application ends, the TWV steps start): said and ticked.
    confirm = confirmation(
        _l("Ja, ik neem deze persoon aan"), _l("Vink aan dat u deze persoon aanneemt."),
        _l("Dit kan niet ongedaan worden gemaakt. Gaat het werk toch niet door, dan meldt u "
           "dat daarna op de pagina van de plaatsing."))

    def for_application(self, *, is_agency: bool, status: ResidenceStatus) -> HireForm:
        if not is_agency:
            del self.client_name
        if status != ResidenceStatus.unknown:
            del self.residence_status
        if status == ResidenceStatus.status_holder:
            del self.v_number
        return self


class TwvDateForm(FlaskForm):
    on_date = DateField(_l("Datum"), validators=[Required()])


class EndForm(FlaskForm):
    end_date = DateField(_l("Laatste werkdag"), validators=[Required()])
    reason = SelectField(_l("Reden"), choices=[
        SelectChoice(k.value, v) for k, v in END_LABELS.items() if k != EndReason.not_started])
    note = TextAreaField(_l("Toelichting"), validators=[Optional(), Length(max=1000)],
                         description=_l("Geen medische of andere gevoelige gegevens."))


class ConfirmForm(FlaskForm):
    """A bare POST with CSRF: confirming the cancellation, or that the hire does not go ahead."""


class PhoneForm(FlaskForm):
    note = TextAreaField(_l("Notitie"), validators=[Required(), Length(max=1000)],
                         description=_l("Met wie u sprak en wat is afgesproken."))
