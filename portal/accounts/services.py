"""Account rules: creating users, passwords, email verification, reset, invites, two-factor.
Functions flush but never commit; they raise AccountError which views put on a form field."""
from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pyotp
from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, or_, select, update
from sqlalchemy.orm.attributes import set_committed_value

from portal import db
from portal.accounts import passwords
from portal.accounts.models import STAFF_ROLES, Role, User
from portal.accounts.signals import staff_changed
from portal.audit.services import record
from portal.clock import utcnow
from portal.domain import DomainError
from portal.notifications.services import queue_template
from portal.regions.models import Location, Region
from portal.security import check_password, hash_password, make_token, read_token
from portal.text import clean_line, has_control_characters
from portal.urls import absolute_url

if TYPE_CHECKING:  # organisations sit above accounts (they call create_member)
    from portal.organisations.models import Organisation


class AccountError(DomainError):
    """A rule was broken; `field` names the form field the message belongs to (or None)."""


def normalise_email(email: str) -> str:
    return (email or "").strip().lower()


def find_by_email(email: str) -> User | None:
    email = normalise_email(email)
    if not email or len(email) > 254 or has_control_characters(email):
        return None  # cannot be a stored address (and a NUL would upset PostgreSQL)
    return db.session.scalar(select(User).where(func.lower(User.email) == email))


# --- passwords -------------------------------------------------------------------------------

def validate_password(password: str, email: str | None = None, name: str | None = None) -> None:
    """The rules are in portal.accounts.passwords (zxcvbn); the person's address and name count
    as easy to guess."""
    message = passwords.problem(password, normalise_email(email or ""), name)
    if message:
        raise AccountError(message, "password")


def set_password(user: User, password: str) -> None:
    """Set a new password and end every existing session of this user."""
    validate_password(password, user.email, user.name)
    user.password_hash = hash_password(password)
    user.session_version += 1


def change_password(user: User, current: str, new: str) -> None:
    if not check_password(user.password_hash, current):
        raise AccountError(_("Uw huidige wachtwoord klopt niet."), "current_password")
    set_password(user, new)
    record("password_changed", user, actor=user)


# --- creating accounts ------------------------------------------------------------------------

def usable_address(email: str) -> str:
    """The normalised address, or AccountError when it could never be stored. Says nothing
    about whether an account has it."""
    email = normalise_email(email)
    if not email or has_control_characters(email):
        raise AccountError(_("Dit e-mailadres kan niet worden gebruikt."), "email")
    return email


def _ensure_unused(email: str) -> str:
    email = usable_address(email)
    if find_by_email(email) is not None:
        raise AccountError(_("Dit e-mailadres kan niet worden gebruikt."), "email")
    return email


def tell_owner(user: User, attempt: str, **context: Any) -> None:
    """Someone typed the address of this account to register an organisation ("register"), to
    invite a colleague ("invite") or as another account's new address ("email_change"). The
    form answers as if the address were new, so nobody can use it to test which addresses have
    an account; the owner hears of it instead, once a day per kind of attempt at most."""
    queue_template(user.email, _("Iemand gebruikte uw e-mailadres op het Werkportaal azc"),
                   "accounts/mail/address_in_use.txt", user=user, attempt=attempt,
                   login_link=absolute_url("accounts.login"),
                   reset_link=absolute_url("accounts.forgot_password"),
                   dedupe_key=f"address-in-use:{attempt}:{user.id}:{utcnow().date().isoformat()}",
                   **context)
    record("address_in_use", user, attempt=attempt)


def create_member(organisation: Organisation, email: str, password: str, name: str) -> User:
    email = _ensure_unused(email)
    validate_password(password, email, name)
    user = User(email=email, name=clean_line(name, 120), role=Role.member,
                organisation=organisation, password_hash=hash_password(password))
    db.session.add(user)
    db.session.flush()
    return user


def create_staff(email: str, password: str, role: str, region_name: str | None = None,
                 location_codes: Iterable[str] = (), name: str = "") -> User:
    try:
        role_ = Role(role)
    except ValueError as exc:
        raise AccountError(_("Onbekende rol."), "role") from exc
    if role_ not in STAFF_ROLES:
        raise AccountError(_("Onbekende rol."), "role")
    email = _ensure_unused(email)
    validate_password(password, email, name)
    region = None
    locations: list[Location] = []
    if role_ == Role.adviser:
        region = db.session.scalar(select(Region).where(Region.name == (region_name or "")))
        if region is None:
            raise AccountError(_("Regio niet gevonden."), "region")
    if role_ == Role.coordinator:
        codes = [c.strip().upper() for c in location_codes if c.strip()]
        if not codes:
            raise AccountError(_("Geef minstens één azc-locatie op."), "locations")
        locations = list(db.session.scalars(select(Location).where(Location.code.in_(codes))))
        missing = set(codes) - {loc.code.upper() for loc in locations}
        if missing:
            raise AccountError(_("Azc-locatie niet gevonden: %(codes)s", codes=", ".join(sorted(missing))),
                               "locations")
    # Staff are created by an admin who knows the address: it counts as verified.
    user = User(email=email, name=clean_line(name, 120), role=role_, region=region,
                password_hash=hash_password(password), email_verified_at=utcnow())
    user.locations = locations
    db.session.add(user)
    db.session.flush()
    record("user_created", user, role=role_.value)
    return user


def disable_user(user: User) -> None:
    user.active = False
    user.session_version += 1
    record("user_disabled", user)
    if user.is_staff:
        staff_changed.send(user)  # a disabled adviser is nobody's contact any more


# --- signing in -------------------------------------------------------------------------------

def authenticate(email: str, password: str) -> User | None:
    """The user when email and password match, else None. Same work for unknown accounts."""
    user = find_by_email(email)
    ok = check_password(user.password_hash if user else None, password)
    if not ok or user is None:
        return None
    return user


def note_sign_in(user: User) -> None:
    user.last_sign_in_at = utcnow()
    record("sign_in", user, actor=user)


# --- email verification -----------------------------------------------------------------------

def start_email_verification(user: User) -> None:
    token = make_token("verify-email", {"id": user.id, "email": user.email})
    queue_template(user.email, _("Bevestig uw e-mailadres"), "accounts/mail/verify_email.txt",
                   user=user, link=absolute_url("accounts.verify_email", token=token))


def verify_email(token: str) -> User:
    """Raises portal.security.TokenError (expired/invalid) or AccountError."""
    data = read_token("verify-email", token, current_app.config["EMAIL_TOKEN_MAX_AGE"])
    user = db.session.get(User, int(data.get("id", 0))) if isinstance(data, dict) else None
    if user is None or user.email != data.get("email"):
        raise AccountError(_("Deze link is niet (meer) geldig."))
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()
        record("email_verified", user, actor=user)
    return user


def resend_verification(email: str) -> None:
    """Send a new link if there is an unverified account; silent otherwise (no enumeration)."""
    user = find_by_email(email)
    if user is not None and user.active and user.email_verified_at is None:
        start_email_verification(user)


# --- password reset ---------------------------------------------------------------------------

def _password_fingerprint(user: User) -> str:
    # Bound to the current hash: once the password changes, the link stops working.
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, (user.password_hash or "").encode(), hashlib.sha256).hexdigest()[:20]


def request_password_reset(email: str) -> None:
    user = find_by_email(email)
    if user is None or not user.active:
        return
    token = make_token("reset-password", {"id": user.id, "pw": _password_fingerprint(user)})
    queue_template(user.email, _("Nieuw wachtwoord instellen"), "accounts/mail/reset_password.txt",
                   user=user, link=absolute_url("accounts.reset_password", token=token))


def user_for_reset(token: str) -> User:
    """Raises TokenError or AccountError when the link is expired, invalid or already used."""
    data = read_token("reset-password", token, current_app.config["RESET_TOKEN_MAX_AGE"])
    user = db.session.get(User, int(data.get("id", 0))) if isinstance(data, dict) else None
    if user is None or not user.active or not hmac.compare_digest(
            str(data.get("pw", "")), _password_fingerprint(user)):
        raise AccountError(_("Deze link is niet (meer) geldig."))
    return user


def reset_password(token: str, password: str) -> User:
    user = user_for_reset(token)
    set_password(user, password)
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()  # the mail reached them: the address works
    record("password_reset", user, actor=user)
    return user


# --- invites ----------------------------------------------------------------------------------

def invite(inviter: User, email: str) -> None:
    email = normalise_email(email)
    if inviter.organisation is None:
        raise AccountError(_("U kunt alleen collega's van uw eigen organisatie uitnodigen."))
    if has_control_characters(email):
        raise AccountError(_("Dit e-mailadres kan niet worden gebruikt."), "email")
    existing = find_by_email(email)
    if existing is not None:
        # The inviter sees "sent" as for any address: whether someone has an account (maybe at
        # another organisation) is not theirs to learn. The owner is told instead.
        tell_owner(existing, "invite", inviter_name=inviter.name or inviter.email,
                   organisation_name=inviter.organisation.name)
        return
    token = make_token("invite", {"org": inviter.organisation_id, "email": email, "by": inviter.id})
    queue_template(email, _("Uitnodiging voor het Werkportaal azc"), "accounts/mail/invite.txt",
                   inviter=inviter, organisation=inviter.organisation,
                   link=absolute_url("accounts.accept_invite", token=token))
    record("invite_sent", inviter.organisation, actor=inviter)


def read_invite(token: str) -> tuple[Organisation, str]:
    data = read_token("invite", token, current_app.config["INVITE_TOKEN_MAX_AGE"])
    if not isinstance(data, dict):
        raise AccountError(_("Deze uitnodiging is niet (meer) geldig."))
    # The organisation is reached through the inviter (accounts sit below organisations): an
    # invitation is good only while its sender is still an active member of that organisation.
    inviter = db.session.get(User, int(data.get("by", 0)))
    org = inviter.organisation if (
        inviter is not None and inviter.active
        and inviter.organisation_id == int(data.get("org", 0))) else None
    email = normalise_email(str(data.get("email", "")))
    # Accepting twice would find the account that the first acceptance made.
    if org is None or not email or find_by_email(email) is not None:
        raise AccountError(_("Deze uitnodiging is niet (meer) geldig."))
    return org, email


def accept_invite(token: str, name: str, password: str) -> User:
    org, email = read_invite(token)
    user = create_member(org, email, password, name)
    user.email_verified_at = utcnow()  # the invite link reached this address
    record("invite_accepted", user, actor=user)
    return user


# --- changing email ---------------------------------------------------------------------------

def request_email_change(user: User, current_password: str, new_email: str) -> None:
    if not check_password(user.password_hash, current_password):
        raise AccountError(_("Uw huidige wachtwoord klopt niet."), "current_password")
    new_email = normalise_email(new_email)
    if new_email == user.email:
        raise AccountError(_("Dit is al uw e-mailadres."), "email")
    new_email = usable_address(new_email)
    existing = find_by_email(new_email)
    if existing is not None:
        tell_owner(existing, "email_change")  # and the same answer as for a free address
        return
    token = make_token("change-email", {"id": user.id, "old": user.email, "new": new_email})
    queue_template(new_email, _("Bevestig uw nieuwe e-mailadres"), "accounts/mail/change_email.txt",
                   user=user, link=absolute_url("accounts.confirm_email_change", token=token))


def confirm_email_change(token: str) -> User:
    data = read_token("change-email", token, current_app.config["EMAIL_TOKEN_MAX_AGE"])
    user = db.session.get(User, int(data.get("id", 0))) if isinstance(data, dict) else None
    if user is None or user.email != data.get("old"):
        raise AccountError(_("Deze link is niet (meer) geldig."))
    user.email = _ensure_unused(str(data.get("new", "")))
    user.email_verified_at = utcnow()
    record("email_changed", user, actor=user)
    return user


# --- two-factor (TOTP) ------------------------------------------------------------------------

def new_totp_secret() -> str:
    return pyotp.random_base32()


def totp_uri(user: User, secret: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=user.email, issuer_name="Werkportaal azc")


def _matching_step(secret: str, code: str) -> int | None:
    code = (code or "").strip().replace(" ", "")
    if not (code.isdigit() and len(code) == 6):
        return None
    try:
        totp = pyotp.TOTP(secret)
    except (ValueError, TypeError):
        return None  # a malformed or too short stored secret never matches (and never 500s)
    now = utcnow()
    step = int(now.timestamp()) // totp.interval
    for candidate in (step - 1, step, step + 1):  # valid_window=1
        if hmac.compare_digest(totp.generate_otp(candidate), code):
            return candidate
    return None


def check_totp(user: User, code: str, secret: str | None = None) -> None:
    """Accept a code once: its time step must be newer than the last accepted one."""
    secret = secret or user.totp_secret
    step = _matching_step(secret, code) if secret else None
    if step is None or not _claim_step(user, step):
        raise AccountError(_("Deze code klopt niet. Gebruik de nieuwste code uit uw app."), "code")


def _claim_step(user: User, step: int) -> bool:
    """Record the step in one conditional UPDATE: when several sessions send the same code at
    the same moment, the database lets exactly one of them change the row (checking the loaded
    value in Python would let them all through)."""
    result = db.session.execute(
        update(User)
        .where(User.id == user.id, or_(User.totp_last_step.is_(None), User.totp_last_step < step))
        .values(totp_last_step=step)
        .execution_options(synchronize_session=False)
    )
    if db.rowcount(result) != 1:
        return False
    set_committed_value(user, "totp_last_step", step)  # already in the row; no second UPDATE
    return True


def enable_totp(user: User, secret: str, code: str) -> None:
    check_totp(user, code, secret=secret)
    user.totp_secret = secret
    record("2fa_enabled", user, actor=user)
