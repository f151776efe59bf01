"""Tours for azc coordinators: only tours with invitees from their own locations, and of those
only their own residents. Confirm, ask for another time, record attendance."""
from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal import access, db
from portal.accounts.models import Role
from portal.actions import button_action, flashed_action
from portal.clock import utcnow
from portal.tours import queries, services
from portal.tours.forms import (
    ATTENDANCE_LABELS,
    STATE_LABELS,
    ActionForm,
    NoteForm,
    attendance_form,
    marks,
)
from portal.tours.models import TourState
from portal.tours.services import TourError
from portal.tours.views import bp, invite_label

coordinator_only = access.roles_or_404(Role.coordinator, Role.admin)


def _load(tour_id: int):
    return access.found_or_404(queries.for_coordinator(current_user, tour_id))


@bp.get("/coordinator/rondleidingen")
@coordinator_only
def coordinator_index():
    tours = queries.list_for_coordinator(current_user)
    return render_template(
        "tours/coordinator_index.html", weeks=queries.by_iso_week(tours),
        remind=queries.remind_in_person(current_user, tours), state_labels=STATE_LABELS,
        visible=lambda tour: queries.visible_invites(current_user, tour),
    )


def _show(tour, *, note_form=None, att_form=None, code=200):
    invites = queries.visible_invites(current_user, tour)
    return render_template(
        "tours/coordinator_show.html", tour=tour, invites=invites, state_labels=STATE_LABELS,
        attendance_labels=ATTENDANCE_LABELS, action_form=ActionForm(),
        note_form=note_form or NoteForm(formdata=None),
        attendance=att_form or attendance_form(invites, {i.id: invite_label(i) for i in invites}),
        can_record=tour.state != TourState.cancelled and tour.starts_at <= utcnow(),
        can_answer=tour.state in (TourState.requested, TourState.confirmed)
        and tour.starts_at > utcnow(),
    ), code


@bp.get("/coordinator/rondleidingen/<int:tour_id>")
@coordinator_only
def coordinator_show(tour_id: int):
    return _show(_load(tour_id))


@bp.post("/coordinator/rondleidingen/<int:tour_id>/bevestigen")
@coordinator_only
def coordinator_confirm(tour_id: int):
    tour = _load(tour_id)
    return button_action(lambda: services.confirm(tour, actor=current_user),
                         _("De rondleiding is bevestigd. De werkgever krijgt bericht."),
                         url_for(".coordinator_show", tour_id=tour_id))


@bp.post("/coordinator/rondleidingen/<int:tour_id>/ander-moment")
@coordinator_only
def coordinator_other_time(tour_id: int):
    tour = _load(tour_id)
    form = NoteForm()
    if form.validate_on_submit():
        try:
            services.ask_other_time(tour, form.note.data, actor=current_user)
        except TourError as exc:
            db.session.rollback()
            tour = _load(tour_id)
            if exc.field:
                form.note.errors = [*form.note.errors, exc.message]
            else:
                flash(exc.message, "error")
                return redirect(url_for(".coordinator_show", tour_id=tour_id))
        else:
            db.session.commit()
            flash(_("Uw vraag om een ander moment is naar de werkgever gestuurd."), "success")
            return redirect(url_for(".coordinator_show", tour_id=tour_id))
    return _show(tour, note_form=form, code=422)


@bp.post("/coordinator/rondleidingen/<int:tour_id>/aanwezigheid")
@coordinator_only
def coordinator_attendance(tour_id: int):
    tour = _load(tour_id)
    invites = queries.visible_invites(current_user, tour)
    form = attendance_form(invites, {i.id: invite_label(i) for i in invites})
    done = flashed_action(form, lambda: services.record_attendance(tour, marks(form, invites),
                                                                   actor=current_user),
                          _("De aanwezigheid is opgeslagen."),
                          url_for(".coordinator_show", tour_id=tour_id))
    return done or _show(tour, att_form=form, code=422)
