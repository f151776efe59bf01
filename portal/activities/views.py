"""Activities for staff: azc coordinators (their azc), advisers (their region), admins (all).
Create and change, print the poster, see who signed up and who waits, tick who came."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal import access, db
from portal.accounts.auth import roles_required
from portal.accounts.models import Role
from portal.actions import button_action, flashed_action, form_action
from portal.activities import attendance, poster, queries, reach, services, texts
from portal.activities import signup as signups
from portal.activities.form_data import activity_data, fill_form, prepare_form
from portal.activities.forms import (
    AUDIENCE_LABELS,
    KIND_LABELS,
    STATUS_LABELS,
    ActivityForm,
    CancelActivityForm,
    ConfirmForm,
    TextForm,
    attendance_form,
    marks_from,
)
from portal.activities.models import ActivitySession, SignUp, SignUpStatus
from portal.domain import DomainError
from portal.form_errors import put_error
from portal.i18n import LANGUAGES
from portal.posters.views import pdf_response
from portal.security import no_store
from portal.translate.provider import enabled as machine_translation_on

bp = Blueprint("activities", __name__, url_prefix="/activiteiten")
bp.after_request(no_store)
staff_only = roles_required(Role.coordinator, Role.adviser, Role.admin)


def _load(activity_id: int):
    return access.found_or_404(queries.for_staff(current_user, activity_id))


def _session(activity, session_id: int) -> ActivitySession:
    return access.found_or_404(next((s for s in activity.sessions if s.id == session_id), None))


@bp.get("/")
@staff_only
def index():
    past = request.args.get("toon") == "voorbij"
    activities = queries.listing(current_user, past=past)
    return render_template("activities/index.html", activities=activities, past=past,
                           figures=queries.figures_by_activity([a.id for a in activities]),
                           kind_labels=KIND_LABELS)


@bp.route("/nieuw", methods=["GET", "POST"])
@staff_only
def new():
    form = prepare_form(ActivityForm(), current_user)
    if form.validate_on_submit():
        data = activity_data(form, current_user)
        if data is not None:
            try:
                activity = services.create(data, actor=current_user)
            except DomainError as exc:
                db.session.rollback()
                put_error(form, exc.field, exc.message)
            else:
                db.session.commit()
                flash(_("De activiteit staat klaar. Print de poster en hang hem op."), "success")
                return redirect(url_for(".show", activity_id=activity.id))
    return render_template("activities/form.html", form=form, activity=None), \
        422 if form.errors else 200


@bp.get("/<int:activity_id>")
@staff_only
def show(activity_id: int):
    activity = _load(activity_id)
    return render_template(
        "activities/show.html", activity=activity, rows=queries.pool_rows(activity),
        figures=queries.figures_by_activity([activity.id])[activity.id],
        kind_labels=KIND_LABELS, audience_labels=AUDIENCE_LABELS, status_labels=STATUS_LABELS,
        reachable=reach.reachable, sms_on=reach.sms_on(), cancel_form=CancelActivityForm(),
        desk_form=ConfirmForm(), open_pools={p.id for p in signups.open_pools(activity)})


@bp.route("/<int:activity_id>/bewerken", methods=["GET", "POST"])
@staff_only
def edit(activity_id: int):
    activity = _load(activity_id)
    form = prepare_form(ActivityForm(), current_user)
    if request.method == "GET":
        fill_form(form, activity)
    elif form.validate_on_submit():
        data = activity_data(form, current_user)
        if data is not None:
            try:
                told = services.update(activity, data, actor=current_user)
            except DomainError as exc:
                db.session.rollback()
                put_error(form, exc.field, exc.message)
            else:
                db.session.commit()
                flash(_("Opgeslagen. %(n)s aangemelde mensen kregen bericht van de wijziging.",
                        n=told) if told else _("Opgeslagen."), "success")
                return redirect(url_for(".show", activity_id=activity.id))
    return render_template("activities/form.html", form=form, activity=activity), \
        422 if form.errors else 200


@bp.post("/<int:activity_id>/annuleren")
@staff_only
def cancel(activity_id: int):
    activity = _load(activity_id)
    form = CancelActivityForm()
    if not form.validate_on_submit():
        if form.csrf_token.errors:
            abort(400)
        flash(_("Vink aan dat u de activiteit wilt annuleren."), "error")
        return redirect(url_for(".show", activity_id=activity.id))
    try:
        affected = services.cancel(activity, actor=current_user)
    except DomainError as exc:
        db.session.rollback()
        flash(str(exc.message), "error")
    else:
        db.session.commit()
        unreached = sum(1 for s in affected if not reach.reachable(s))
        flash(_("De activiteit is geannuleerd. %(n)s mensen kregen bericht.",
                n=len(affected) - unreached), "success")
        if unreached:
            flash(_("%(n)s mensen hebben geen e-mail of sms: bel ze. Ze staan hieronder.",
                    n=unreached), "warning")
    return redirect(url_for(".show", activity_id=activity.id))


@bp.post("/<int:activity_id>/aanmeldingen/<int:signup_id>/afmelden")
@staff_only
def desk_cancel(activity_id: int, signup_id: int):
    """A resident phoned or came to the desk: staff cancel for them; the place moves on."""
    activity = _load(activity_id)
    signup = db.session.get(SignUp, signup_id)
    if signup is None or signup.activity_id != activity.id:
        abort(404)
    return button_action(lambda: signups.cancel(signup),
                         _("Afgemeld. De plaats gaat naar de eerste op de wachtlijst."),
                         url_for(".show", activity_id=activity.id))


@bp.route("/<int:activity_id>/talen", methods=["GET", "POST"])
@staff_only
def texts_page(activity_id: int):
    """The title and description in the residents' languages (as for vacancies)."""
    activity = _load(activity_id)
    choices = texts.other_languages(activity)
    language = request.args.get("taal")
    if language not in choices:
        language = choices[0]
    rows = texts.texts(activity.id)
    row, made = rows.get(language), texts.machine_texts(activity, language)
    form = TextForm()
    done = not activity.cancelled and form_action(
        form, lambda: texts.save_text(activity, language, form.title.data or "",
                                      form.description.data or "", current_user),
        _("De tekst in het %(language)s is opgeslagen.", language=LANGUAGES[language][0]),
        url_for(".texts_page", activity_id=activity.id, taal=language))
    if done:
        return done
    if not form.is_submitted():
        form.title.data = row.title if row else made.get("title", "")
        form.description.data = row.description if row else made.get("description", "")
    states = texts.states(activity, rows)
    tabs = [(c, LANGUAGES[c][0], url_for(".texts_page", activity_id=activity.id, taal=c),
             states[c]) for c in choices]
    return render_template(
        "activities/texts.html", activity=activity, form=form, language=language, tabs=tabs,
        state=states[language], changed=row is not None
        and row.source_hash != texts.source_hash(activity), machine_on=machine_translation_on(),
        language_name=LANGUAGES[language][0], dir=LANGUAGES[language][1]), \
        422 if form.errors else 200


@bp.get("/<int:activity_id>/poster.pdf")
@staff_only
def poster_pdf(activity_id: int):
    activity = _load(activity_id)
    if not activity.sessions:
        abort(404)
    return pdf_response(poster.render(poster.activity_poster(activity)),
                        f"poster-{activity.code}.pdf")


@bp.get("/<int:activity_id>/sessies/<int:session_id>/lijst")
@staff_only
def print_list(activity_id: int, session_id: int):
    activity = _load(activity_id)
    session = _session(activity, session_id)
    return render_template("activities/print_list.html", activity=activity, session=session,
                           people=attendance.on_the_list(session),
                           waiting=attendance.on_the_list(session, statuses=(SignUpStatus.waiting,)))


@bp.route("/<int:activity_id>/sessies/<int:session_id>/aanwezig", methods=["GET", "POST"])
@staff_only
def tick(activity_id: int, session_id: int):
    activity = _load(activity_id)
    session = _session(activity, session_id)
    people = attendance.on_the_list(session)
    labels = {p.id: p.latin_name if p.latin_name == p.name else f"{p.latin_name} ({p.name})"
              for p in people}
    form = attendance_form(people, labels, attendance.marks_of(session))
    done = request.method == "POST" and flashed_action(
        form, lambda: attendance.record_marks(activity, session, marks_from(form, people),
                                              actor=current_user),
        lambda changed: _("Opgeslagen: %(n)s.", n=changed),
        url_for(".tick", activity_id=activity.id, session_id=session.id))
    if done:
        return done
    return render_template("activities/tick.html", activity=activity, session=session,
                           people=people, form=form,
                           can_record=attendance.can_record(activity, session)), \
        422 if form.errors else 200
