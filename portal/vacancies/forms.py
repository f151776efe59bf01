from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Length, NumberRange, Optional

from portal.form_fields import MoneyField, MultiCheckboxField
from portal.form_validators import Required
from portal.vacancies.models import ContractType, Level
from portal.vacancies.services import VacancyData

CONTRACT_CHOICES = [
    SelectChoice(ContractType.temporary.value, _l("Tijdelijk (uitzend)")),
    SelectChoice(ContractType.fixed_term.value, _l("Bepaalde tijd")),
    SelectChoice(ContractType.permanent.value, _l("Vast")),
    SelectChoice(ContractType.on_call.value, _l("Oproepcontract / nulurencontract")),
]
LEVEL_CHOICES = [SelectChoice(Level.none.value, _l("Niet nodig"))] + [
    SelectChoice(lvl.value, lvl.value) for lvl in Level if lvl != Level.none]
TEXT_LANGUAGES = [SelectChoice("nl", _l("Nederlands")), SelectChoice("en", _l("Engels"))]


class VacancyForm(FlaskForm):
    title = StringField(_l("Functie"), validators=[Required(), Length(max=120)],
                        description=_l("Bijvoorbeeld: Hulp in de bakkerij"))
    summary = TextAreaField(
        _l("Korte omschrijving"), validators=[Optional(), Length(max=600)],
        description=_l("Schrijf kort en eenvoudig (taalniveau B1): korte zinnen, gewone woorden. "
                       "Wat ga je doen? Waar? Met wie? Dit komt op de poster. Mag leeg blijven "
                       "als u daarna het werk in zinnen kiest: die lezen bewoners in hun eigen taal."))
    description = TextAreaField(_l("Meer informatie"), validators=[Optional(), Length(max=5000)])
    text_language = SelectField(_l("Taal van uw tekst"), choices=TEXT_LANGUAGES, default="nl")
    client_name = StringField(_l("Inlener (klant)"), validators=[Optional(), Length(max=200)],
                              description=_l("Het bedrijf waar de uitzendkracht gaat werken."))
    city = StringField(_l("Plaats"), validators=[Required(), Length(max=120)])
    address = StringField(_l("Adres van de werkplek"), validators=[Optional(), Length(max=200)])
    hours_min = IntegerField(_l("Minimaal aantal uren per week"),
                             validators=[Required(), NumberRange(min=0, max=168)])
    hours_max = IntegerField(_l("Maximaal aantal uren per week"),
                             validators=[Required(), NumberRange(min=0, max=168)])
    contract_type = SelectField(_l("Soort contract"), choices=CONTRACT_CHOICES)
    wage_min = MoneyField(_l("Uurloon (euro, bruto)"), validators=[Required()],
                          description=_l("Minstens het wettelijk minimumloon voor 21 jaar en ouder."))
    wage_max = MoneyField(_l("Maximaal uurloon (euro, bruto)"), validators=[Optional()])
    # Shown only once the service asked for it (a wage far above the minimum), see form.html.
    wage_confirmed = BooleanField(_l("Ja, dit uurloon klopt"))
    dutch_level = SelectField(_l("Nederlands nodig"), choices=LEVEL_CHOICES)
    english_level = SelectField(_l("Engels nodig"), choices=LEVEL_CHOICES)
    safety_critical = BooleanField(_l("Veiligheid is belangrijk in dit werk (bijvoorbeeld VCA)"))
    open_to_asylum = BooleanField(_l("Open voor asielzoekers (u vraagt een werkvergunning (TWV) aan)"),
                                  default=True)
    open_to_status = BooleanField(_l("Open voor statushouders"), default=True)
    tour_offered = BooleanField(_l("Wij bieden een rondleiding aan vóór de start"))
    positions = IntegerField(_l("Aantal plekken"), default=1,
                             validators=[Required(), NumberRange(min=1, max=999)])
    start_date = DateField(_l("Startdatum"), validators=[Required()])
    closing_date = DateField(_l("Sluitingsdatum"), validators=[Required()],
                             description=_l("Hoogstens 3 maanden vooruit. Op de poster staat 'geldig tot'."))
    location_ids = MultiCheckboxField(_l("azc-locaties voor de poster"), coerce=int,
                                      description=_l("Kies waar de poster komt te hangen. Nodig om te publiceren."))

    def for_organisation(self, is_agency: bool, location_choices) -> VacancyForm:
        if is_agency:  # an agency must name the client (inlener)
            self.client_name.validators = [Required(), Length(max=200)]
            self.client_name.flags.required = True
        else:
            del self.client_name
        self.location_ids.choices = [SelectChoice(value, label) for value, label in location_choices]
        return self

    def data_for_service(self) -> VacancyData:
        if self.wage_min.data is None:  # Required(): validate() refuses the form before this
            raise ValueError("data_for_service() on a form that did not validate")
        return VacancyData(
            title=self.title.data, summary=self.summary.data, description=self.description.data or "",
            text_language=self.text_language.data, city=self.city.data.strip(),
            address=(self.address.data or "").strip(), hours_min=self.hours_min.data,
            hours_max=self.hours_max.data, contract_type=ContractType(self.contract_type.data),
            wage_min_cents=self.wage_min.data, wage_max_cents=self.wage_max.data,
            dutch_level=Level(self.dutch_level.data), english_level=Level(self.english_level.data),
            safety_critical=self.safety_critical.data, open_to_asylum=self.open_to_asylum.data,
            open_to_status=self.open_to_status.data, tour_offered=self.tour_offered.data,
            positions=self.positions.data, start_date=self.start_date.data,
            closing_date=self.closing_date.data,
            client_name=self.client_name.data if "client_name" in self else None,
            location_ids=list(self.location_ids.data or []),
        )

    def fill_from(self, vacancy) -> None:
        """Prefill on GET (obj= cannot map cents and enums)."""
        for name in ("title", "summary", "description", "text_language", "client_name", "city",
                     "address", "hours_min", "hours_max", "safety_critical", "open_to_asylum",
                     "open_to_status", "tour_offered", "positions", "start_date", "closing_date"):
            if name in self:
                self[name].data = getattr(vacancy, name)
        self.contract_type.data = vacancy.contract_type.value
        self.dutch_level.data = vacancy.dutch_level.value
        self.english_level.data = vacancy.english_level.value
        self.wage_min.data = vacancy.wage_min_cents
        self.wage_max.data = vacancy.wage_max_cents
        self.location_ids.data = [p.location_id for p in vacancy.current_postings]


class CloseForm(FlaskForm):
    outcome = RadioField(_l("Hoe is de vacature afgelopen?"), validators=[Required()], choices=[
        SelectChoice("filled", _l("Vervuld: er is iemand aangenomen")),
        SelectChoice("not_filled", _l("Niet vervuld")),
        SelectChoice("withdrawn", _l("Ingetrokken: de vacature gaat niet door")),
    ])
    reason = TextAreaField(_l("Toelichting"), validators=[Optional(), Length(max=1000)])


class ExtendForm(FlaskForm):
    closing_date = DateField(_l("Nieuwe sluitingsdatum"), validators=[Required()])
    reason = TextAreaField(_l("Reden van de verlenging"), validators=[Required(), Length(max=1000)])


class ActionForm(FlaskForm):
    """Buttons that only post (publish, duplicate, mark printed): CSRF only."""
