from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, RadioField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import InputRequired, Length, Optional

from portal.aftercare.models import CheckKind, CheckState
from portal.form_fields import MultiCheckboxField
from portal.text import text_filter

CONCERN_LABELS = {
    "language": _l("Taal: we begrijpen elkaar niet goed"),
    "schedule": _l("Rooster of uren"),
    "transport": _l("Vervoer naar het werk"),
    "conduct": _l("Gedrag of samenwerking"),
    "rights": _l("Rechten, loon of TWV"),
    "other": _l("Iets anders"),
}

KIND_LABELS = {
    CheckKind.week1: _l("Na 1 week"),
    CheckKind.week6: _l("Na 6 weken"),
    CheckKind.month3: _l("Na 3 maanden"),
}

STATE_LABELS = {
    CheckState.scheduled: _l("Gepland"),
    CheckState.sent: _l("Verstuurd"),
    CheckState.answered: _l("Beantwoord"),
    CheckState.overdue: _l("Geen antwoord"),
}

YES_NO = [SelectChoice("yes", _l("Ja")), SelectChoice("no", _l("Nee"))]


class CheckinForm(FlaskForm):
    still_working = RadioField(_l("Werkt deze persoon nog bij u?"), choices=YES_NO,
                               validators=[InputRequired(_l("Kies ja of nee."))])
    last_day = DateField(
        _l("Laatste werkdag"), validators=[Optional()],
        description=_l("Alleen als de persoon niet meer werkt. Leeg: vandaag. Wij starten dan "
                       "het afmelden van de plaatsing en de TWV."),
    )
    hours_as_agreed = RadioField(_l("Werkt de persoon de uren die u afsprak?"), choices=YES_NO,
                                 validators=[Optional()])
    concerns = MultiCheckboxField(
        _l("Zijn er zorgen?"), choices=[SelectChoice(k, v) for k, v in CONCERN_LABELS.items()],
        description=_l("Kies alles wat klopt. Geen zorgen? Laat leeg."),
    )
    wants_contact = RadioField(_l("Wilt u contact met uw adviseur?"), choices=YES_NO,
                               default="no", validators=[Optional()])
    comment = TextAreaField(_l("Toelichting"), filters=[text_filter],
                            validators=[Optional(), Length(max=2000)])

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        # The hours question only matters for someone who still works there.
        if self.still_working.data == "yes" and self.hours_as_agreed.data not in ("yes", "no"):
            self.hours_as_agreed.errors = [*self.hours_as_agreed.errors, _l("Kies ja of nee.")]
            ok = False
        return ok


class FollowUpForm(FlaskForm):
    note = TextAreaField(_l("Wat hebt u gedaan?"), filters=[text_filter],
                         validators=[InputRequired(_l("Schrijf kort wat u hebt gedaan.")),
                                     Length(max=2000)])
