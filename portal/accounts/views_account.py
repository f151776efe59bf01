"""Account self-service: email verification, password reset, invites, settings."""
from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from flask import abort, flash, make_response, redirect, render_template, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user

from portal import db
from portal.accounts import services
from portal.accounts.auth import member_required
from portal.accounts.forms import (
    AcceptInviteForm,
    ChangeEmailForm,
    ChangePasswordForm,
    EmailOnlyForm,
    InviteForm,
    ResetPasswordForm,
)
from portal.accounts.limits import IP_LIMIT, account_mail_limits, may_mail_account
from portal.accounts.views import bp, start_session
from portal.actions import form_action
from portal.extensions import limiter
from portal.form_errors import put_error
from portal.security import TokenError

T = TypeVar("T")


def _bad_link(kind: str, expired: bool):
    """One page for expired and broken links, with the way forward for each kind."""
    return render_template("accounts/bad_link.html", kind=kind, expired=expired,
                           form=EmailOnlyForm()), 400


def _read_link(kind: str, read: Callable[[], T]) -> T:
    """What a mailed link stands for (`read()` checks its token), or the bad-link page for an
    expired or broken link (aborts with it)."""
    try:
        return read()
    except TokenError as exc:
        abort(make_response(_bad_link(kind, exc.expired)))
    except services.AccountError:
        abort(make_response(_bad_link(kind, False)))


def _mail_quietly(form: EmailOnlyForm, send: Callable[[str], object], text: str,
                  template: str):
    """Ask for a mail to an address: the same answer whether or not it has an account, and
    past the cap (may_mail_account) no new mail goes out: the owner still has the links sent
    so far, and a stranger learns nothing."""
    if not form.validate_on_submit():
        return render_template(template, form=form)
    if may_mail_account(form.email.data):
        send(form.email.data)
        db.session.commit()
    return render_template("accounts/sent.html", title=_("Controleer uw e-mail"), text=text)


# --- email verification -----------------------------------------------------------------------

@bp.get("/account/bevestigen/<token>")
def verify_email(token: str):
    _read_link("verify", lambda: services.verify_email(token))
    db.session.commit()
    flash(_("Uw e-mailadres is bevestigd. U kunt nu inloggen."), "success")
    return redirect(url_for("accounts.login"))


@bp.route("/account/bevestigen", methods=["GET", "POST"])
@account_mail_limits
def resend_verification():
    return _mail_quietly(EmailOnlyForm(), services.resend_verification,
                         _("Als er een account met dit e-mailadres is dat nog niet is "
                           "bevestigd, sturen we een nieuwe link."),
                         "accounts/resend_verification.html")


# --- password reset ---------------------------------------------------------------------------

@bp.route("/wachtwoord-vergeten", methods=["GET", "POST"])
@account_mail_limits
def forgot_password():
    return _mail_quietly(EmailOnlyForm(), services.request_password_reset,
                         _("Als er een account met dit e-mailadres is, sturen we binnen "
                           "een paar minuten een link om een nieuw wachtwoord te kiezen. "
                           "De link werkt één keer en één uur lang."),
                         "accounts/forgot_password.html")


@bp.route("/wachtwoord-herstellen/<token>", methods=["GET", "POST"])
@limiter.limit(IP_LIMIT, methods=["POST"])
def reset_password(token: str):
    _read_link("reset", lambda: services.user_for_reset(token))
    form = ResetPasswordForm()
    done = form_action(form, lambda: services.reset_password(token, form.password.data),
                       _("Uw nieuwe wachtwoord is opgeslagen. Log in met uw nieuwe wachtwoord."),
                       url_for("accounts.login"))
    return done or render_template("accounts/reset_password.html", form=form)


# --- invites ----------------------------------------------------------------------------------

@bp.route("/organisatie/uitnodigen", methods=["GET", "POST"])
@member_required
@limiter.limit("20 per hour", methods=["POST"])
def invite():
    form = InviteForm()
    done = form_action(form, lambda: services.invite(current_user, form.email.data),
                       _("De uitnodiging is verstuurd naar %(email)s.",
                         email=services.normalise_email(form.email.data)),
                       url_for("accounts.invite"))
    return done or render_template("accounts/invite.html", form=form)


@bp.route("/uitnodiging/<token>", methods=["GET", "POST"])
@limiter.limit(IP_LIMIT, methods=["POST"])
def accept_invite(token: str):
    organisation, email = _read_link("invite", lambda: services.read_invite(token))
    form = AcceptInviteForm()
    if form.validate_on_submit():
        try:
            user = services.accept_invite(token, form.name.data, form.password.data)
        except services.AccountError as exc:
            put_error(form, exc.field, exc.message)
        else:
            start_session(user)
            services.note_sign_in(user)
            db.session.commit()
            flash(_("Welkom! Uw account is klaar."), "success")
            return redirect(url_for("accounts.home"))
    return render_template("accounts/accept_invite.html", form=form, organisation=organisation,
                           email=email)


# --- settings ---------------------------------------------------------------------------------

def _settings_page(pw_form=None, email_form=None):
    return render_template("accounts/settings.html",
                           pw_form=pw_form or ChangePasswordForm(prefix="pw"),
                           email_form=email_form or ChangeEmailForm(prefix="em"))


@bp.get("/account")
@login_required
def settings():
    return _settings_page()


@bp.post("/account/wachtwoord")
@login_required
@limiter.limit(IP_LIMIT)
def change_password():
    form = ChangePasswordForm(prefix="pw")
    if form.validate_on_submit():
        user = current_user._get_current_object()
        try:
            services.change_password(user, form.current_password.data, form.password.data)
        except services.AccountError as exc:
            put_error(form, exc.field, exc.message)
        else:
            # Other sessions end with the bumped version; this one continues with the new one.
            two_factor_done = session.get("2fa_ok")
            login_user(user)
            if two_factor_done:
                session["2fa_ok"] = True
            db.session.commit()
            flash(_("Uw wachtwoord is gewijzigd. Andere apparaten zijn uitgelogd."), "success")
            return redirect(url_for("accounts.settings"))
    return _settings_page(pw_form=form)


@bp.post("/account/e-mail")
@login_required
@limiter.limit(IP_LIMIT)
def change_email():
    form = ChangeEmailForm(prefix="em")
    done = form_action(form, lambda: services.request_email_change(
                           current_user, form.current_password.data, form.email.data),
                       lambda _sent: _("We hebben een link gestuurd naar %(email)s. Uw e-mailadres "
                                       "verandert pas als u op die link klikt.",
                                       email=services.normalise_email(form.email.data)),
                       url_for("accounts.settings"))
    return done or _settings_page(email_form=form)


@bp.get("/account/e-mail-bevestigen/<token>")
def confirm_email_change(token: str):
    try:
        services.confirm_email_change(token)
    except TokenError as exc:
        return _bad_link("change_email", exc.expired)
    except services.AccountError:
        return _bad_link("change_email", False)
    db.session.commit()
    flash(_("Uw nieuwe e-mailadres is bevestigd."), "success")
    return redirect(url_for("accounts.settings" if current_user.is_authenticated else "accounts.login"))

