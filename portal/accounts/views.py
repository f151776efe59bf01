"""Sign in and out, staff two-factor, the home page. Account self-service is in
views_account.py, registered on the same blueprint."""
from __future__ import annotations

import base64
import io
from urllib.parse import urlsplit

import qrcode
import qrcode.image.svg
from flask import Blueprint, abort, redirect, render_template, request, session, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from portal import db
from portal.accounts import services
from portal.accounts.forms import CodeForm, LoginForm
from portal.accounts.home import work_for
from portal.accounts.limits import remember_device, sign_in_limits
from portal.audit.services import record
from portal.extensions import limiter
from portal.i18n import resident_page_when

bp = Blueprint("accounts", __name__)

CODE_LIMIT = "5 per 5 minutes"


def user_key() -> str:
    return "user:" + (current_user.get_id() if current_user.is_authenticated else request.remote_addr or "-")


def safe_next(target: str | None) -> str | None:
    """Only same-site paths: never an open redirect to another host."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target


def start_session(user) -> None:
    """A fresh session on every sign-in, so a planted session id is worth nothing."""
    session.clear()
    login_user(user)


def _visitor() -> bool:
    return not current_user.is_authenticated


@bp.get("/")
@resident_page_when(_visitor)  # seven languages for visitors, staff languages once signed in
def home():
    if _visitor():
        return front_door.page(str(get_locale()))
    return render_template("accounts/home.html", work=work_for(current_user))


@bp.route("/inloggen", methods=["GET", "POST"])
@sign_in_limits
def login():
    if current_user.is_authenticated and request.method == "GET":
        return redirect(url_for("accounts.home"))
    form = LoginForm()
    unverified = False
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user is None or not user.active:
            # One message for unknown address, wrong password and disabled account.
            record("sign_in_failed", None, actor=None)
            db.session.commit()
            form.password.errors.append(_("Het e-mailadres of het wachtwoord klopt niet."))
        elif user.email_verified_at is None:
            record("sign_in_failed", user, actor=None, reason="unverified")
            db.session.commit()
            unverified = True
        else:
            start_session(user)
            nxt = safe_next(request.args.get("next"))
            if user.is_staff:
                # Signed in, but the two-factor gate holds every page until the code is given.
                session["after_2fa"] = nxt
                db.session.commit()
                if user.needs_2fa_setup:
                    return redirect(url_for("accounts.two_factor_setup"))
                return redirect(url_for("accounts.two_factor"))
            services.note_sign_in(user)
            db.session.commit()
            return remember_device(redirect(nxt or url_for("accounts.home")), user.email)
    return render_template("accounts/login.html", form=form, unverified=unverified)


@bp.post("/uitloggen")
@login_required
def logout():
    user = current_user._get_current_object()
    user.session_version += 1  # ends this session everywhere, also copies of the cookie
    record("sign_out", user, actor=user)
    db.session.commit()
    logout_user()
    session.clear()
    return redirect(url_for("accounts.home"))


def _finish_two_factor(user):
    session["2fa_ok"] = True
    services.note_sign_in(user)
    db.session.commit()
    return remember_device(
        redirect(safe_next(session.pop("after_2fa", None)) or url_for("accounts.home")), user.email)


@bp.route("/inloggen/2fa", methods=["GET", "POST"])
@login_required
@limiter.limit(CODE_LIMIT, key_func=user_key, methods=["POST"])
def two_factor():
    user = current_user._get_current_object()
    if not user.is_staff or session.get("2fa_ok"):
        return redirect(url_for("accounts.home"))
    if user.needs_2fa_setup:
        return redirect(url_for("accounts.two_factor_setup"))
    form = CodeForm()
    if form.validate_on_submit():
        try:
            services.check_totp(user, form.code.data)
        except services.AccountError as exc:
            record("2fa_failed", user, actor=user)
            db.session.commit()
            form.code.errors.append(exc.message)
        else:
            return _finish_two_factor(user)
    return render_template("accounts/two_factor.html", form=form)


def qr_data_uri(text: str) -> str:
    img = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=8,
                      error_correction=qrcode.constants.ERROR_CORRECT_M)
    buf = io.BytesIO()
    img.save(buf)
    return "data:image/svg+xml;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


@bp.route("/account/2fa-instellen", methods=["GET", "POST"])
@login_required
@limiter.limit(CODE_LIMIT, key_func=user_key, methods=["POST"])
def two_factor_setup():
    user = current_user._get_current_object()
    if not user.is_staff:
        abort(404)
    if not user.needs_2fa_setup:
        return redirect(url_for("accounts.home"))
    # The secret waits in the (signed) session until a code proves the app has it.
    secret = session.get("totp_setup_secret")
    if not secret:
        secret = session["totp_setup_secret"] = services.new_totp_secret()
    form = CodeForm()
    if form.validate_on_submit():
        try:
            services.enable_totp(user, secret, form.code.data)
        except services.AccountError as exc:
            form.code.errors.append(exc.message)
        else:
            session.pop("totp_setup_secret", None)
            return _finish_two_factor(user)
    uri = services.totp_uri(user, secret)
    grouped = " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))
    return render_template("accounts/two_factor_setup.html", form=form, secret=grouped,
                           qr=qr_data_uri(uri))


from portal.accounts import (
    front_door,  # noqa: E402  (the visitor's front page; registers /code on bp)
    views_account,  # noqa: E402,F401  (registers more routes on bp)
)
