"""The public side: an activity's page from a QR poster or the notice board, with its sign-up
form (residents: name, phone, azc, language; employers: name, organisation, email), and the
private link /t/<token> to see the sign-up, add it to a calendar, cancel, or erase it."""
from __future__ import annotations

from flask import Blueprint, Response, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy.exc import IntegrityError

from portal import db
from portal.accounts.models import Role
from portal.actions import button_action
from portal.activities import calendar, queries, texts, wording
from portal.activities import signup as signups
from portal.activities.forms import (
    KIND_LABELS,
    ConfirmForm,
    EmployerSignUpForm,
    SignUpForm,
    options,
)
from portal.activities.links import new_link
from portal.activities.models import Activity, SignUpStatus
from portal.apply import limits
from portal.apply import queries as apply_queries
from portal.apply.forms import NOT_IN_AZC
from portal.apply.signals import board_shown
from portal.clock import utcnow
from portal.extensions import limiter
from portal.form_errors import put_error
from portal.i18n import answered, resident_page
from portal.private_links import erase_when_confirmed, not_found, private_link, private_page
from portal.security import NO_STORE
from portal.urls import base_url, host

bp = Blueprint("activities_public", __name__)
wording.register(bp)

PHONE_LIMIT = "10 per hour"


def _phone_key() -> str:
    return f"activity-phone:{limits.form_phone()}"


def _about(activity: Activity) -> dict:
    """What a resident page about an activity shows of it: its title and description in the
    reader's language where staff or the machine gave them (`local`), else Dutch, marked."""
    return {"activity": activity, "local": texts.localize(activity, str(get_locale()))}


@bp.route("/A/<activity_code>", methods=["GET", "POST"])
@bp.route("/a/<activity_code>", methods=["GET", "POST"])
@resident_page
@limiter.limit(limits.IP_LIMIT, methods=["POST"])
@limiter.limit(PHONE_LIMIT, key_func=_phone_key, methods=["POST"],
               exempt_when=limits.no_valid_phone, deduct_when=limits.answered)
def activity(activity_code: str):
    found = queries.find_by_code(activity_code)
    if found is None:
        return not_found()
    if found.cancelled:
        return render_template("activities/public_cancelled.html", **_about(found))
    pools = signups.open_pools(found)
    if not pools:
        return render_template("activities/public_over.html", **_about(found))
    form = _form(found, pools)
    if answered(form):
        if form.website.data:  # a bot filled the honeypot: look like success, store nothing
            return _done(found, None, new_link().token)
        pool = next(p for p in pools if p.id == form.pool.data)
        try:
            result = _submit(found, pool, form)
        except signups.AlreadySignedUp as exc:
            return private_page("activities/public_already.html", **_about(found),
                                signup=exc.signup)
        except signups.SignUpError as exc:
            db.session.rollback()
            put_error(form, exc.field, exc.message)
        else:
            return _done(found, result.signup, result.token)
    status = 422 if form.errors else 200
    return private_page("activities/public_activity.html", status, **_about(found), pools=pools,
                        form=form, kind_labels=KIND_LABELS)


def _form(activity: Activity, pools):
    form = EmployerSignUpForm() if activity.for_employers else SignUpForm()
    form.pool.choices = options([(p.id, _pool_label(p)) for p in pools])
    if len(pools) == 1 and request.method == "GET":
        form.pool.data = pools[0].id
    if activity.for_employers:
        _prefill_employer(form)
        return form
    form.azc_location.choices = options(
        [(0, _("Kies je azc"))] + apply_queries.location_choices()
        + [(NOT_IN_AZC, _("Ik woon niet in een azc"))])
    form.language.choices = options([(c, wording.language_names([c])) for c in activity.languages])
    if request.method == "GET":
        form.azc_location.data = activity.location_id or 0
        if str(get_locale()) in activity.languages:
            form.language.data = str(get_locale())
        elif len(activity.languages) == 1:
            form.language.data = activity.languages[0]
    return form


def _prefill_employer(form: EmployerSignUpForm) -> None:
    user = current_user
    if request.method != "GET" or not user.is_authenticated or user.role != Role.member:
        return
    form.name.data, form.email.data = user.name, user.email
    form.organisation_name.data = user.organisation.name if user.organisation else ""


def _pool_label(pool) -> str:
    sessions = pool.sessions()
    text = " + ".join(wording.session_when(s) for s in sessions)
    if pool.free:
        return text
    return _("%(when)s (vol: wachtlijst)", when=text)


def _data(activity: Activity, form) -> signups.SignUpData:
    if activity.for_employers:
        user_id = current_user.id if (current_user.is_authenticated
                                      and current_user.role == Role.member) else None
        return signups.SignUpData(name=form.name.data, phone=None, email=form.email.data.lower(),
                                  organisation_name=form.organisation_name.data, user_id=user_id)
    azc = form.azc_location.data
    return signups.SignUpData(
        name=form.name.data, name_latin=form.name_latin.data or None, phone=form.phone.e164,
        email=form.email.data or None, location_id=azc if azc and azc > 0 else None,
        language=form.language.data, keep_longer=bool(form.keep_longer.data))


def _submit(activity: Activity, pool, form) -> signups.Result:
    data, language = _data(activity, form), str(get_locale())
    try:
        result = signups.sign_up(activity, pool, data, ui_language=language)
        db.session.commit()
    except IntegrityError:
        # The same phone signed up from another tab at the same moment: the database kept the
        # other one. Asked again, the check now finds it (AlreadySignedUp).
        db.session.rollback()
        result = signups.sign_up(activity, pool, data, ui_language=language)
        db.session.commit()
    return result


def _done(activity: Activity, signup, token: str):
    return private_page("activities/public_done.html", **_about(activity), signup=signup,
                        link=url_for(".signup_status", signup_token=token, _external=False),
                        full_link=base_url() + url_for(".signup_status", signup_token=token),
                        waiting=signup is not None and signup.status == SignUpStatus.waiting)


@bp.get("/bijeenkomsten")
def for_employers():
    """Information sessions and webinars for employers, open to sign up (public: an adviser
    sends this address to employers of the region)."""
    return render_template("activities/employers.html", activities=queries.for_employers(),
                           kind_labels=KIND_LABELS)


# --- the private link ------------------------------------------------------------------------

by_token = private_link(queries.signup_by_token, "signup_token")


@bp.get("/t/<signup_token>")
@by_token
def signup_status(signup, signup_token: str):
    now = utcnow()
    start = signups.pool_starts(signup.pool)
    return private_page(
        "activities/public_status.html", **_about(signup.activity), signup=signup,
        token=signup_token, sessions=signup.pool.sessions(),
        position=signups.waiting_position(signup),
        can_cancel=signup.status in (SignUpStatus.confirmed, SignUpStatus.waiting)
        and start is not None and start > now, form=ConfirmForm())


@bp.post("/t/<signup_token>/afmelden")
@by_token
def signup_cancel(signup, signup_token: str):
    return button_action(lambda: signups.cancel(signup),
                         _("Je bent afgemeld. Iemand anders krijgt je plaats."),
                         url_for(".signup_status", signup_token=signup_token), 303)


@bp.route("/t/<signup_token>/wissen", methods=["GET", "POST"])
@by_token
def signup_erase(signup, signup_token: str):
    about = _about(signup.activity)
    return erase_when_confirmed(ConfirmForm(), lambda: signups.erase(signup),
                                "activities/public_erased.html", "activities/public_erase.html",
                                about, **about, signup=signup, token=signup_token)


@bp.get("/t/<signup_token>/agenda.ics")
@by_token
def signup_calendar(signup, signup_token: str):
    activity = signup.activity
    local = texts.localize(activity, str(get_locale()))
    events = [calendar.Event(
        uid=f"activity-{activity.id}-session-{s.id}@{host()}", starts_at=s.starts_at,
        ends_at=s.ends_at, title=local.title.text, place=wording.session_place(s),
        description=local.description.text if local.description else "",
        cancelled=activity.cancelled or signup.status == SignUpStatus.cancelled)
        for s in signup.pool.sessions()]
    body = calendar.build(events, now=utcnow())
    return Response(body, mimetype="text/calendar", headers={
        "Content-Disposition": f'attachment; filename="{activity.code.lower()}.ics"',
        **NO_STORE})


# --- the notice board of an azc (apply's page) shows what residents can sign up for ---------

@board_shown.connect
def _board_part(location):
    found = queries.for_board(location)
    if not found:
        return None
    # Rendered by Jinja with autoescaping: safe to place in the board page as it is.
    local = texts.localize_all(found, str(get_locale()))
    return Markup(render_template("activities/_board.html", activities=found,  # noqa: S704
                                  local=local))
