"""Rate limits on signing in and on mails about an account, made so that guessing is slow but a
stranger cannot lock the owner out.

- Per address (IP_LIMIT): one script trying many accounts.
- Per account *and* address (ACCOUNT_ADDRESS_LIMIT): one address guessing one password. Other
  addresses are not affected, so wrong passwords typed elsewhere never block the owner.
- Per account from anywhere (ACCOUNT_DAILY_LIMIT): many addresses guessing one password, slowly.
  A browser that completed a sign-in to this account before (a signed "known device" cookie)
  is exempt, so even a guessing campaign that exhausts it leaves the owner's own device working.
Only failed sign-ins count against the account limits; the owner signing in does not use them up.
"""
from __future__ import annotations

import hashlib
import hmac

from flask import current_app, request
from limits import parse

from portal.accounts.services import normalise_email
from portal.extensions import limiter
from portal.security import TokenError, make_token, read_token

IP_LIMIT = "10 per minute;50 per hour"
ACCOUNT_ADDRESS_LIMIT = "5 per 15 minutes"
ACCOUNT_DAILY_LIMIT = "100 per day"
CODE_LIMIT = "5 per 5 minutes"
# Mails about one account (reset links, verification links) are capped silently: the owner
# already has the links sent so far, and a refusal would tell nothing an attacker needs.
ACCOUNT_MAIL_LIMIT = "5 per hour"

DEVICE_COOKIE = "known_device"
DEVICE_MAX_AGE = 400 * 24 * 3600  # browsers cap cookie lifetime at 400 days
DEVICE_ACCOUNTS = 5  # a shared office computer remembers a few colleagues, not everyone


def form_email() -> str:
    return normalise_email(request.form.get("email", ""))[:254]


def account_key() -> str:
    """The account typed in the form (whether it exists or not)."""
    return "acct:" + (form_email() or "-")


def account_address_key() -> str:
    return f"acct-ip:{form_email() or '-'}|{request.remote_addr or '-'}"


def sign_in_failed(response) -> bool:
    """A failed sign-in shows the form again (200); success redirects."""
    return response.status_code == 200


# --- known devices ----------------------------------------------------------------------------

def _tag(email: str) -> str:
    # A keyed hash: the cookie does not show the address, nor can a stolen cookie be tested
    # against a list of addresses.
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, normalise_email(email).encode(), hashlib.sha256).hexdigest()[:16]


def _device_tags() -> list[str]:
    raw = request.cookies.get(DEVICE_COOKIE)
    if not raw:
        return []
    try:
        data = read_token("known-device", raw, DEVICE_MAX_AGE)
    except TokenError:
        return []
    return [t for t in data if isinstance(t, str)] if isinstance(data, list) else []


def known_device() -> bool:
    """This browser completed a sign-in to the account typed in the form before."""
    email = form_email()
    return bool(email) and _tag(email) in _device_tags()


def remember_device(response, email: str):
    """Mark this browser as one the account owner uses (after a completed sign-in)."""
    tag = _tag(email)
    tags = [tag] + [t for t in _device_tags() if t != tag][:DEVICE_ACCOUNTS - 1]
    response.set_cookie(DEVICE_COOKIE, make_token("known-device", tags), max_age=DEVICE_MAX_AGE,
                        secure=current_app.config["SESSION_COOKIE_SECURE"], httponly=True,
                        samesite="Lax")
    return response


# --- decorators -------------------------------------------------------------------------------

def sign_in_limits(view):
    """The three limits of the sign-in form (see the module docstring)."""
    view = limiter.limit(ACCOUNT_DAILY_LIMIT, key_func=account_key, methods=["POST"],
                         deduct_when=sign_in_failed, exempt_when=known_device)(view)
    view = limiter.limit(ACCOUNT_ADDRESS_LIMIT, key_func=account_address_key, methods=["POST"],
                         deduct_when=sign_in_failed)(view)
    return limiter.limit(IP_LIMIT, methods=["POST"])(view)


def account_mail_limits(view):
    """Forms that mail a link to an account: per address, and per account and address."""
    view = limiter.limit(ACCOUNT_ADDRESS_LIMIT, key_func=account_address_key, methods=["POST"])(view)
    return limiter.limit(IP_LIMIT, methods=["POST"])(view)


def may_mail_account(email: str) -> bool:
    """Count one mail about this account; False once ACCOUNT_MAIL_LIMIT is reached."""
    if not limiter.enabled:
        return True
    return limiter.limiter.hit(parse(ACCOUNT_MAIL_LIMIT), "account-mail", normalise_email(email))
