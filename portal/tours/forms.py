from __future__ import annotations

from datetime import UTC, datetime

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, RadioField, StringField, TextAreaField, TimeField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from portal.clock import AMS
from portal.form_fields import MultiCheckboxField
from portal.form_validators import Required
from portal.text import line_filter, text_filter
from portal.tours.models import Attendance, Tour, TourState
from portal.tours.services import MAX_DURATION, TourData

STATE_LABELS = {
    TourState.requested: _l("Aangevraagd"),
    TourState.confirmed: _l("Bevestigd"),
    TourState.held: _l("Gehouden"),
    TourState.cancelled: _l("Geannuleerd"),
}
ATTENDANCE_LABELS = {
    Attendance.unknown: _l("Nog niet bekend"),
    Attendance.attended: _l("Was er"),
    Attendance.no_show: _l("Niet gekomen"),
}


class TourForm(FlaskForm):
    applications = MultiCheckboxField(
        _l("Uitnodigen"), coerce=int,
        validators=[DataRequired(_l("Kies een of meer sollicitanten."))])
    date = DateField(_l("Datum"), validators=[InputRequired(_l("Kies een datum."))])
    start_time = TimeField(_l("Begintijd"), validators=[InputRequired(_l("Kies een begintijd."))])
    duration = IntegerField(_l("Duur in minuten"), default=60,
                            validators=[Required(), NumberRange(min=15, max=MAX_DURATION)])
    address = StringField(_l("Adres"), filters=[line_filter],
                          validators=[Required(), Length(max=200)])
    meeting_point = StringField(_l("Verzamelplek"), filters=[line_filter],
                                validators=[Optional(), Length(max=200)],
                                description=_l("Bijvoorbeeld: bij de receptie, ingang B."))
    capacity = IntegerField(_l("Aantal plaatsen"),
                            validators=[Required(), NumberRange(min=1, max=100)])
    what_to_bring = TextAreaField(_l("Wat moet de sollicitant meenemen?"), filters=[text_filter],
                                  validators=[Optional(), Length(max=1000)],
                                  description=_l("Bijvoorbeeld: dichte schoenen, W-document."))
    transport_note = TextAreaField(_l("Hoe kom je er?"), filters=[text_filter],
                                   validators=[Optional(), Length(max=1000)],
                                   description=_l("Bus, trein of ophalen. Kort en eenvoudig."))

    def set_candidates(self, apps) -> TourForm:
        self.applications.choices = [
            SelectChoice(a.id, f"{a.both_names or a.reference} – {a.reference}") for a in apps]
        return self

    def fill_from(self, tour: Tour) -> None:
        local = tour.starts_at.astimezone(AMS)
        self.date.data, self.start_time.data = local.date(), local.time().replace(second=0)
        self.duration.data = tour.duration_minutes
        self.address.data, self.meeting_point.data = tour.address, tour.meeting_point
        self.capacity.data = tour.capacity
        self.what_to_bring.data, self.transport_note.data = tour.what_to_bring, tour.transport_note

    def tour_data(self) -> TourData:
        # The employer types Dutch wall-clock time; it is stored as UTC.
        local = datetime.combine(self.date.data, self.start_time.data, AMS)
        return TourData(
            starts_at=local.astimezone(UTC), duration_minutes=self.duration.data,
            address=self.address.data or "", capacity=self.capacity.data,
            meeting_point=self.meeting_point.data or "", what_to_bring=self.what_to_bring.data or "",
            transport_note=self.transport_note.data or "")


class RescheduleForm(TourForm):
    # The invitees stay the same. (None removes an inherited field in WTForms; its stubs
    # do not know that.)
    applications = None  # type: ignore[assignment]


class NoteForm(FlaskForm):
    note = TextAreaField(_l("Welk moment kan wel?"), filters=[text_filter],
                         validators=[Required(), Length(max=2000)])


class ActionForm(FlaskForm):
    """A button that only needs CSRF protection."""


def attendance_form(invites, labels) -> FlaskForm:
    """One radio group per invitee: field `i<invite id>`."""

    class AttendanceForm(FlaskForm):
        pass

    choices = [SelectChoice(a.value, ATTENDANCE_LABELS[a]) for a in Attendance]
    for invite in invites:
        setattr(AttendanceForm, f"i{invite.id}", RadioField(
            labels[invite.id], choices=choices, default=invite.attendance.value,
            validators=[Required()]))
    return AttendanceForm()


def marks(form, invites) -> dict[int, Attendance]:
    return {i.id: Attendance(form[f"i{i.id}"].data) for i in invites}
