"""Forms of the advisers' matching pages: the search filters (a GET form, bookmarkable, no
token), propose, "handled", and the employer's "help me find candidates" button."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, IntegerField, SelectField
from wtforms.validators import NumberRange, Optional

from portal.apply.forms import options
from portal.form_validators import Required
from portal.talent.matching import TWV, Filters
from portal.talent.models import Availability, LanguageLevel, Residence
from portal.talent.staff_labels import AVAILABILITY, LANGUAGE_NAMES, LEVELS, RESIDENCE

ANY = ("", _l("Alle"))


class SearchForm(FlaskForm):
    class Meta:
        csrf = False  # a search changes nothing; its URL may be bookmarked

    azc = SelectField(_l("azc-locatie"), coerce=str, validators=[Optional()])
    taal = SelectField(_l("Spreekt"), validators=[Optional()],
                       choices=options([ANY, *[(c, n) for c, n in LANGUAGE_NAMES.items()
                                               if c != "other"]]))
    niveau = SelectField(_l("Minstens"), validators=[Optional()],
                         choices=options([("", _l("Elk niveau")),
                                          *[(lv.value, LEVELS[lv]) for lv in LanguageLevel]]))
    werk = SelectField(_l("Soort werk"), validators=[Optional()])
    beschikbaar = SelectField(_l("Beschikbaar"), validators=[Optional()],
                              choices=options([ANY, *[(a.value, AVAILABILITY[a])
                                                      for a in Availability]]))
    status = SelectField(_l("Verblijf"), validators=[Optional()],
                         choices=options([ANY, (TWV, _l("Mag werken: statushouder of TWV mogelijk")),
                                          *[(r.value, RESIDENCE[r]) for r in Residence]]))
    training = BooleanField(_l("Volgde de training over werken in Nederland"))
    pagina = IntegerField(validators=[Optional(), NumberRange(min=1, max=10_000)])

    def with_choices(self, locations: list[tuple[int, str]], kinds: dict[str, str]) -> SearchForm:
        self.azc.choices = options([ANY, *[(str(i), name) for i, name in locations]])
        self.werk.choices = options([ANY, *kinds.items()])
        return self

    def filters(self) -> Filters:
        """What was asked; a value that is not among the choices counts as not asked (the
        form is a GET link anyone can edit)."""
        def chosen(field: SelectField) -> str | None:
            values = {str(c.value) for c in field.choices or []}
            return field.data if field.data and field.data in values else None

        azc, level, avail = chosen(self.azc), chosen(self.niveau), chosen(self.beschikbaar)
        return Filters(location_id=int(azc) if azc else None, language=chosen(self.taal),
                       level=LanguageLevel(level) if level else None, kind=chosen(self.werk),
                       availability=Availability(avail) if avail else None,
                       residence=chosen(self.status), trained=bool(self.training.data))

    @property
    def page(self) -> int:
        return self.pagina.data if self.pagina.data and not self.pagina.errors else 1


class ProposeForm(FlaskForm):
    profile = IntegerField(_l("Profiel"), validators=[Required(), NumberRange(min=1, max=2**31 - 1)])
    back = HiddenField()  # "profiel": back to the profile page, else to the suggestions


class ProfileProposeForm(FlaskForm):
    """On a profile's page: propose for one of the region's open vacancies."""

    vacancy = SelectField(_l("Vacature"), coerce=int, validators=[Required()])


class ActionForm(FlaskForm):
    """A button that only needs its token (handled; help me find candidates)."""
