"""Between the staff form and the service: which azc locations and regions a user may pick,
a saved activity back into the form, and the form's rows as ActivityData (Dutch wall-clock
times to UTC, a time that the clock change skips refused with a message)."""
from __future__ import annotations

from flask_babel import gettext as _

from portal.accounts.models import Role
from portal.activities import queries
from portal.activities.forms import ActivityForm, options
from portal.activities.models import Activity, ActivityKind, Audience, PlaceKind
from portal.activities.services import ActivityData, SessionData
from portal.activities.times import local_moment
from portal.form_errors import put_error

NO_LOCATION = 0


def prepare_form(form: ActivityForm, user) -> ActivityForm:
    locations = queries.location_choices(user)
    pairs = [(loc.id, loc.name) for loc in locations]
    if user.role != Role.coordinator:  # advisers and admins also hold regional activities
        pairs = [(NO_LOCATION, _("Geen azc: voor de hele regio"))] + pairs
    form.location.choices = options(pairs)
    regions = queries.region_choices(user)
    form.region.choices = options([(r.id, r.name) for r in regions])
    if form.region.data is None and regions:
        form.region.data = regions[0].id
    return form


def fill_form(form: ActivityForm, activity: Activity) -> None:
    form.kind.data, form.audience.data = activity.kind.value, activity.audience.value
    form.title.data, form.description.data = activity.title, activity.description
    form.languages.data = list(activity.languages)
    form.location.data = activity.location_id or NO_LOCATION
    form.region.data = activity.region_id
    form.capacity.data, form.together.data = activity.capacity, activity.together
    for row, session in zip(form.sessions.entries, activity.sessions, strict=False):
        r = row.form
        r.id.data = str(session.id)
        r.day.data, r.start.data = session.local_start.date(), session.local_start.time()
        r.end.data = session.local_end.time()
        r.place_kind.data, r.place.data = session.place_kind.value, session.place
        r.online_url.data = session.online_url


def activity_data(form: ActivityForm, user) -> ActivityData | None:
    """The form as ActivityData, or None with the error put on the form."""
    sessions = []
    for n, row in enumerate(form.sessions.entries):
        r = row.form
        if not r.filled():
            continue
        if not (r.day.data and r.start.data and r.end.data):
            put_error(form, None, _("Sessie %(n)s: vul de datum, het begin en het einde in.",
                                    n=n + 1))
            return None
        starts, ends = local_moment(r.day.data, r.start.data), local_moment(r.day.data, r.end.data)
        if starts is None or ends is None:
            put_error(form, None, _("Sessie %(n)s: die tijd bestaat niet op die dag (de klok "
                                    "gaat dan een uur vooruit). Kies een andere tijd.", n=n + 1))
            return None
        sessions.append(SessionData(
            id=int(r.id.data) if (r.id.data or "").isdigit() else None, starts_at=starts,
            ends_at=ends, place_kind=PlaceKind(r.place_kind.data or "room"),
            place=r.place.data or "", online_url=r.online_url.data or "", row=n))
    location_id = form.location.data or None
    if location_id is None and user.role == Role.coordinator:
        put_error(form, "location", _("Kies de azc-locatie."))
        return None
    region_id = _region(form, user, location_id)
    if region_id is None:
        put_error(form, "region", _("Kies de regio."))
        return None
    return ActivityData(
        kind=ActivityKind(form.kind.data), audience=Audience(form.audience.data),
        title=form.title.data, description=form.description.data or "",
        languages=list(form.languages.data or []), capacity=form.capacity.data,
        together=bool(form.together.data), region_id=region_id, location_id=location_id,
        sessions=sorted(sessions, key=lambda s: s.starts_at))


def _region(form: ActivityForm, user, location_id: int | None) -> int | None:
    if location_id is not None:
        location = next((loc for loc in queries.location_choices(user) if loc.id == location_id),
                        None)
        return location.region_id if location is not None else None
    allowed = {r.id for r in queries.region_choices(user)}
    return form.region.data if form.region.data in allowed else None
