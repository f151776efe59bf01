"""Tours for members of an organisation: propose, change, cancel, record attendance, calendar
file. Another organisation's tour, or any other role, is a 404."""
from __future__ import annotations

from flask import Blueprint, Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from portal import access, db
from portal.accounts.models import Role
from portal.applicants import queries as applicant_queries
from portal.applicants.models import OPEN_STAGES, Application
from portal.bounds import id_arg
from portal.clock import utcnow
from portal.organisations.suspension import personal_data_gate
from portal.security import no_store
from portal.tours import ics, queries, services
from portal.tours import parts as _parts  # noqa: F401  (connects the tour parts of other pages)
from portal.tours.forms import (
    ATTENDANCE_LABELS,
    STATE_LABELS,
    ActionForm,
    RescheduleForm,
    TourForm,
    attendance_form,
    marks,
)
from portal.tours.models import TourState
from portal.vacancies import queries as vacancy_queries

bp = Blueprint("tours", __name__)
bp.after_request(no_store)  # every page here shows personal data
bp.before_request(personal_data_gate)  # none of it for a suspended organisation

MAX_CANDIDATES = 200


member_only = access.roles_or_404(Role.member)


def _load(tour_id: int):
    return access.found_or_404(queries.for_organisation(access.own_organisation(), tour_id))


def invite_label(invite) -> str:
    app = invite.application
    who = app.both_names if app.erased_at is None and app.name else app.reference
    where = app.azc_location.name if app.azc_location else ""
    return f"{who} ({where})" if where else who


@bp.get("/rondleidingen/")
@member_only
def index():
    return render_template("tours/index.html", tours=queries.list_for_organisation(access.own_organisation()),
                           state_labels=STATE_LABELS)


def _candidates(vacancy):
    ids = request.args.getlist("application", type=id_arg)
    apps = applicant_queries.applications_of(access.own_organisation(), ids) if ids else []
    if vacancy is not None:
        apps += db.session.scalars(
            select(Application).where(Application.vacancy_id == vacancy.id,
                                      Application.stage.in_(OPEN_STAGES),
                                      Application.id.not_in([a.id for a in apps] or [-1]))
            .order_by(Application.created_at).limit(MAX_CANDIDATES)).all()
    return [a for a in apps if a.stage in OPEN_STAGES], ids


@bp.route("/rondleidingen/nieuw", methods=["GET", "POST"])
@member_only
def new():
    vacancy = None
    if request.args.get("vacancy"):
        vacancy = access.found_or_404(vacancy_queries.for_organisation(
            access.own_organisation(), request.args.get("vacancy", 0, type=id_arg)))
    apps, preselected = _candidates(vacancy)
    if not apps:
        flash(_("Kies eerst sollicitanten met een open sollicitatie."), "warning")
        return redirect(url_for("applicants.index"))
    form = TourForm().set_candidates(apps)
    if not form.is_submitted():
        form.applications.data = [a.id for a in apps if a.id in preselected] or [a.id for a in apps]
        form.capacity.data = len(form.applications.data)
        if vacancy is None and len({a.vacancy_id for a in apps}) == 1:
            vacancy_address = apps[0].vacancy.address
            form.address.data = f"{vacancy_address}, {apps[0].vacancy.city}".strip(", ")
        elif vacancy is not None:
            form.address.data = f"{vacancy.address}, {vacancy.city}".strip(", ")
    done = form_action(form, lambda: services.propose(
                           access.own_organisation(),
                           [a for a in apps if a.id in set(form.applications.data)],
                           form.tour_data(), actor=current_user, vacancy=vacancy),
                       _("De rondleiding is aangevraagd. Het azc bevestigt hem."),
                       lambda tour: url_for(".show", tour_id=tour.id))
    if done:
        return done
    return render_template("tours/new.html", form=form, vacancy=vacancy), \
        422 if form.is_submitted() else 200


@bp.get("/rondleidingen/<int:tour_id>")
@member_only
def show(tour_id: int):
    tour = _load(tour_id)
    return _show(tour)


def _show(tour, form=None, code=200):
    labels = {i.id: invite_label(i) for i in tour.invites}
    return render_template(
        "tours/show.html", tour=tour, state_labels=STATE_LABELS,
        attendance_labels=ATTENDANCE_LABELS, action_form=ActionForm(),
        attendance=form or attendance_form(tour.invites, labels), invites=tour.invites,
        can_record=tour.state != TourState.cancelled and tour.starts_at <= utcnow(),
        can_change=tour.state in (TourState.requested, TourState.confirmed),
    ), code


@bp.post("/rondleidingen/<int:tour_id>/aanwezigheid")
@member_only
def attendance(tour_id: int):
    tour = _load(tour_id)
    form = attendance_form(tour.invites, {i.id: invite_label(i) for i in tour.invites})
    done = flashed_action(form, lambda: services.record_attendance(
                              tour, marks(form, tour.invites), actor=current_user),
                          _("De aanwezigheid is opgeslagen."), url_for(".show", tour_id=tour.id))
    return done or _show(tour, form, 422)


@bp.route("/rondleidingen/<int:tour_id>/wijzigen", methods=["GET", "POST"])
@member_only
def edit(tour_id: int):
    tour = _load(tour_id)
    form = RescheduleForm()
    if not form.is_submitted():
        form.fill_from(tour)
    done = form_action(form, lambda: services.reschedule(tour, form.tour_data(), actor=current_user),
                       _("De rondleiding is gewijzigd. Het azc bevestigt opnieuw."),
                       url_for(".show", tour_id=tour.id))
    return done or render_template("tours/edit.html", form=form, tour=tour)


@bp.post("/rondleidingen/<int:tour_id>/annuleren")
@member_only
def cancel(tour_id: int):
    tour = _load(tour_id)
    return button_action(lambda: services.cancel(tour, actor=current_user),
                         _("De rondleiding is geannuleerd."), url_for(".show", tour_id=tour.id))


@bp.get("/rondleidingen/<int:tour_id>.ics")
@member_only
def calendar(tour_id: int):
    tour = _load(tour_id)
    title = _("Rondleiding: %(title)s", title=tour.vacancy.title) if tour.vacancy \
        else _("Rondleiding")
    parts = [_("Verzamelplek: %(x)s", x=tour.meeting_point) if tour.meeting_point else "",
             _("Meenemen: %(x)s", x=tour.what_to_bring) if tour.what_to_bring else "",
             _("Vervoer: %(x)s", x=tour.transport_note) if tour.transport_note else "",
             _("Aantal uitgenodigd: %(n)s", n=len(tour.invites))]
    text = ics.build(tour, title=title, description="\n".join(p for p in parts if p),
                     host=request.host.split(":")[0] or "werkportaal", now=utcnow())
    return Response(text, mimetype="text/calendar", headers={
        "Content-Disposition": f'attachment; filename="rondleiding-{tour.id}.ics"'})


from portal.actions import button_action, flashed_action, form_action
from portal.tours import views_coordinator  # noqa: E402,F401  (registers on bp)
