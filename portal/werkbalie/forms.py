"""Forms of the Werkbalie agenda: desk hours (staff), a booking (the resident, or staff for
them), the outcome of a talk, and the assisted application."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, HiddenField, StringField, TextAreaField, TimeField
from wtforms.validators import Length, Optional, ValidationError

from portal.activities.forms import ResidentContact, language_options, latin_name_field
from portal.applicants.forms import MultiCheckboxField
from portal.apply.forms import RadioField, SelectField, options
from portal.form_validators import Required
from portal.text import line_filter, text_filter
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


class BookingForm(ResidentContact, FlaskForm):
    """The resident books (or staff book for them): name, phone, language, nothing more."""

    slot = HiddenField()
    name_latin = latin_name_field(_l("Zoals op je W-document. Dan kan de adviseur je naam lezen."))
    language = RadioField(_l("In welke taal wil je praten?"), validators=[Optional()])


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
