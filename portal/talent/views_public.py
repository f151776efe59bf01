"""The resident's side of the talent pool: /p/<azc> (the QR poster "Tell us what work you
want") asks what work they want and can do and for consent; the private link /profiel/<token>
shows the profile, its end date and the proposals, renews it by a tap, or erases it at once."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from markupsafe import Markup
from sqlalchemy.exc import IntegrityError

from portal import db
from portal.activities.forms import ConfirmForm
from portal.activities.links import new_link
from portal.activities.views_public import PHONE_LIMIT
from portal.apply import limits
from portal.apply import queries as apply_queries
from portal.apply.signals import board_shown
from portal.extensions import limiter
from portal.i18n import resident_page
from portal.private_links import erase_when_confirmed, not_found, private_link, private_page
from portal.talent import profiles, proposals, queries, wording
from portal.talent.forms import ProfileForm
from portal.urls import base_url

bp = Blueprint("talent_public", __name__)
wording.register(bp)


def _phone_key() -> str:
    return f"talent-phone:{limits.form_phone()}"


@bp.route("/P/<location_code>", methods=["GET", "POST"])
@bp.route("/p/<location_code>", methods=["GET", "POST"])
@resident_page
@limiter.limit(limits.IP_LIMIT, methods=["POST"])
@limiter.limit(PHONE_LIMIT, key_func=_phone_key, methods=["POST"],
               exempt_when=limits.no_valid_phone, deduct_when=limits.answered)
def new_profile(location_code: str):
    location = apply_queries.find_location(location_code)
    if location is None or not location.active:
        return not_found()
    form = ProfileForm()
    wording.prepare(form, str(get_locale()))
    if request.method == "GET":
        form.azc_location.data = location.id
    if request.method == "POST" and not request.form.get("switch_lang") and form.validate():
        if form.website.data:  # a bot filled the honeypot: look like success, store nothing
            return _done(None, new_link().token)
        data = form.data_for(form.azc_location.data)
        try:
            created = _submit(data)
        except profiles.AlreadyHasProfile as exc:
            reached = profiles.send_link_again(exc.profile)
            db.session.commit()
            return private_page("talent/public_already.html", location=location,
                                reached=reached)
        return _done(created.profile, created.token)
    return private_page("talent/public_form.html", 422 if form.errors else 200,
                        location=location, form=form, months=profiles.consent_months())


def _submit(data: profiles.ProfileData) -> profiles.Created:
    language = str(get_locale())
    try:
        created = profiles.create(data, ui_language=language)
        db.session.commit()
    except IntegrityError:
        # The same phone sent the form from another tab at the same moment: the database kept
        # the other one. Asked again, the check finds it (AlreadyHasProfile).
        db.session.rollback()
        created = profiles.create(data, ui_language=language)
        db.session.commit()
    return created


def _done(profile, token: str):
    link = url_for(".private", token=token)
    return private_page("talent/public_done.html", profile=profile, link=link,
                        full_link=base_url() + link, months=profiles.consent_months())


# --- the private link ------------------------------------------------------------------------

by_token = private_link(queries.profile_by_token, "token")


@bp.get("/profiel/<token>")
@by_token
def private(profile, token: str):
    return private_page("talent/resident_profile.html", profile=profile, token=token,
                        form=ConfirmForm(), months=profiles.consent_months(),
                        proposal_lines=proposals.for_resident(profile, str(get_locale())),
                        weeks=profiles.remind_before().days // 7)


@bp.post("/profiel/<token>/verlengen")
@by_token
def renew(profile, token: str):
    if ConfirmForm().validate_on_submit():
        profiles.renew(profile)
        db.session.commit()
        flash(_("Je profiel blijft staan tot %(day)s.", day=wording.day(profile.expires_at)),
              "success")
    return redirect(url_for(".private", token=token), 303)


@bp.route("/profiel/<token>/wissen", methods=["GET", "POST"])
@by_token
def erase(profile, token: str):
    return erase_when_confirmed(ConfirmForm(), lambda: profiles.erase(profile, reason="withdrawn"),
                                "talent/resident_erased.html", "talent/resident_erase.html",
                                {"location": profile.location}, profile=profile, token=token)


# --- the notice board of an azc (apply's page) invites residents to make a profile ----------

@board_shown.connect
def _board_part(location):
    # Rendered by Jinja with autoescaping: safe to place in the board page as it is.
    return Markup(render_template("talent/_board.html", location=location))  # noqa: S704
