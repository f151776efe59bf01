from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, HiddenField, SelectField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from portal.applicants.languages import LANGUAGES, LEVELS
from portal.applicants.models import ResidenceStatus, Stage
from portal.applicants.queries import Filters
from portal.applicants.services import MAX_MESSAGE, REASONS
from portal.bounds import id_arg
from portal.form_fields import MultiCheckboxField
from portal.form_validators import Required
from portal.text import line_filter, text_filter

STAGE_LABELS = {
    Stage.new: _l("Nieuw"),
    Stage.contacted: _l("Gesproken"),
    Stage.tour: _l("Rondleiding"),
    Stage.assessment: _l("Beoordeling"),
    Stage.offer: _l("Aanbod"),
    Stage.hired: _l("Aangenomen"),
    Stage.rejected: _l("Afgewezen"),
    Stage.withdrawn: _l("Teruggetrokken"),
    Stage.no_show: _l("Niet gekomen"),
}
RESIDENCE_LABELS = {
    ResidenceStatus.asylum_seeker: _l("Asielzoeker"),
    ResidenceStatus.status_holder: _l("Statushouder"),
    ResidenceStatus.unknown: _l("Weet het niet"),
}
LANGUAGE_LABELS = dict(LANGUAGES)
LEVEL_LABELS = dict(LEVELS)
ANY = SelectChoice("", _l("Alle"))


def _int_or_none(value):
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


class FilterForm(FlaskForm):
    """GET filters of the list; invalid values are ignored rather than shown as errors."""

    class Meta:
        csrf = False

    search = StringField(_l("Zoeken"), filters=[line_filter],
                         description=_l("Naam, telefoonnummer of code"),
                         render_kw={"type": "search", "maxlength": 120})
    stage = SelectField(_l("Fase"), choices=[ANY] + [SelectChoice(s.value, lbl)
                                                   for s, lbl in STAGE_LABELS.items()])
    vacancy = SelectField(_l("Vacature"), coerce=_int_or_none)
    client = SelectField(_l("Inlener (klant)"))
    location = SelectField(_l("azc-locatie"), coerce=_int_or_none)
    language = SelectField(_l("Spreekt"), choices=[ANY] + [SelectChoice(c, lbl)
                                                         for c, lbl in LANGUAGES])
    residence = SelectField(_l("Verblijfsstatus"), choices=[ANY] + [
        SelectChoice(s.value, lbl) for s, lbl in RESIDENCE_LABELS.items()])
    since = DateField(_l("Gesolliciteerd vanaf"), validators=[Optional()])
    sort = SelectField(_l("Sorteren"), choices=[SelectChoice("newest", _l("Nieuwste eerst")),
                                                SelectChoice("oldest", _l("Oudste eerst"))])

    def set_choices(self, vacancies, locations, clients=()) -> FilterForm:
        # "" for "all", never None: WTForms writes None as value="None" into the page and the
        # next filter click put vacancy=None into every link.
        self.vacancy.choices = [SelectChoice("", _l("Alle"))] + [
            SelectChoice(v, label) for v, label in vacancies]
        self.location.choices = [SelectChoice("", _l("Alle"))] + [
            SelectChoice(v, label) for v, label in locations]
        # Only agencies name a client: without any, the field is left out (has_clients).
        self.client.choices = [SelectChoice("", _l("Alle"))] + [SelectChoice(c, c) for c in clients]
        return self

    @property
    def has_clients(self) -> bool:
        return len(self.client.choices) > 1

    def filters(self) -> Filters:
        self.validate()
        ok = lambda f: f.data if not f.errors else None  # noqa: E731

        def pick(f, allowed):
            value = ok(f)
            return value if value in allowed else None

        def known(f):
            return {f.coerce(c.value) for c in f.choices} - {None}

        stage = pick(self.stage, {s.value for s in Stage})
        residence = pick(self.residence, {s.value for s in ResidenceStatus})
        result = Filters(
            stage=Stage(stage) if stage else None,
            vacancy_id=pick(self.vacancy, known(self.vacancy)),
            location_id=pick(self.location, known(self.location)),
            language=pick(self.language, set(LANGUAGE_LABELS)),
            residence=ResidenceStatus(residence) if residence else None,
            since=ok(self.since),
            sort="oldest" if self.sort.data == "oldest" else "newest",
            search=(self.search.data or "").strip()[:120] or None,
            client=pick(self.client, {c.value for c in self.client.choices} - {""}),
        )
        self._forget_unknown(result)
        return result

    def _forget_unknown(self, used: Filters) -> None:
        """A filter without a value or with one we do not know is simply not applied: the
        form shows "Alle" for it, never an error (a first visit has no values at all)."""
        shown = {"stage": used.stage.value if used.stage else "", "vacancy": used.vacancy_id,
                 "location": used.location_id, "language": used.language or "",
                 "residence": used.residence.value if used.residence else "",
                 "since": used.since, "sort": used.sort, "search": used.search or "",
                 "client": used.client or ""}
        for name, value in shown.items():
            self[name].data = value
            self[name].errors = []
            self[name].raw_data = []


def _target_choices(stages) -> list[SelectChoice]:
    return [SelectChoice(s.value, STAGE_LABELS[s]) for s in stages]


REASON_CHOICES = [SelectChoice("", _l("Kies een reden"))] + [
    SelectChoice(code, label) for code, label in REASONS.items()]


NO_STAGE = SelectChoice("", _l("Kies een fase"))


class MoveForm(FlaskForm):
    # An empty first choice: a browser submits the first option of a select when nothing was
    # picked, which silently moved applicants to the next stage.
    stage = SelectField(_l("Nieuwe fase"), default="", validators=[
        InputRequired(_l("Kies eerst een fase. Er is niets gewijzigd."))])
    reason = SelectField(_l("Reden"), choices=REASON_CHOICES, validators=[Optional()],
                         description=_l("Nodig bij afwijzen en niet gekomen."))
    message = TextAreaField(
        _l("Bericht aan de sollicitant"), filters=[text_filter],
        validators=[Optional(), Length(max=MAX_MESSAGE)],
        description=_l("Kort en eenvoudig. De sollicitant ziet dit op de eigen statuspagina "
                       "en krijgt het per e-mail als die is opgegeven."))
    # Asked for only when the chosen stage ends the application (see services.needs_confirmation).
    confirm = BooleanField(_l("Ja, ik weet dat dit niet terug kan"))

    def set_targets(self, stages) -> MoveForm:
        self.stage.choices = [NO_STAGE] + _target_choices(stages)
        return self


class BulkForm(MoveForm):
    # The list renders one checkbox per row; ids of other organisations are dropped by the query.
    # id_arg: an id the database cannot hold is refused as a bad choice, not sent to a query.
    ids = MultiCheckboxField(_l("Sollicitaties"), coerce=id_arg, validate_choice=False,
                             validators=[DataRequired(_l("Kies eerst een of meer sollicitanten."))])
    stage = SelectField(_l("Nieuwe fase"), default="")  # no choice is fine for a tour
    action = HiddenField(default="move")  # set by the button that was pressed


class NoteForm(FlaskForm):
    text = TextAreaField(_l("Notitie"), filters=[text_filter],
                         validators=[Required(), Length(max=4000)],
                         description=_l("Alleen zichtbaar voor uw organisatie."))
