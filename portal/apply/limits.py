"""Rate limits on the apply form that stop abuse without locking residents out.

A whole azc often shares one Wi-Fi address, so the address alone cannot be the key: a hundred
residents of one azc may apply in the same hour. Therefore:
- Per phone number (PHONE_LIMIT): one person, or someone trying phone numbers to learn the
  reference of someone's application, from any address.
- Per vacancy (VACANCY_LIMIT): a flood of invented applicants on one vacancy, from any address.
- Per address (IP_LIMIT): only high enough against scripts.
The phone and vacancy limits count answered forms only (stored, already applied, not
eligible); a form sent back with an error to fix costs the resident nothing.
"""
from __future__ import annotations

from flask import request

from portal.apply.forms import normalise_phone
from portal.i18n import switching_language

IP_LIMIT = "300 per hour"
PHONE_LIMIT = "5 per hour"
VACANCY_LIMIT = "200 per hour"


# A lost status link (phone number + code → a new link by e-mail): per address against
# scripts, per code against someone trying phone numbers for one code.
NEW_LINK_IP_LIMIT = "30 per hour"
NEW_LINK_CODE_LIMIT = "5 per day"


def _form_code() -> str:
    return "".join(ch for ch in request.form.get("reference", "")[:20].upper() if ch.isalnum())


def code_key() -> str:
    return f"new-link-code:{_form_code()}"


def no_code() -> bool:
    return not _form_code()  # the form asks for it again; nothing to count per code


def form_phone() -> str | None:
    """The phone number in the posted form (E.164), or None when it is not a valid number."""
    return normalise_phone(request.form.get("phone", "")[:40])


def phone_key() -> str:
    return f"apply-phone:{form_phone()}"


def no_valid_phone() -> bool:
    # The form will refuse it anyway; nothing to count per number.
    return form_phone() is None


def vacancy_key() -> str:
    code = (request.view_args or {}).get("code", "")
    return f"apply-vacancy:{code.upper()[:16]}"


def answered(response) -> bool:
    """The form was valid and got an answer (200); a form with errors comes back with 422,
    and a form sent back in another language (switch_lang) is not an answer either."""
    return response.status_code == 200 and not switching_language()
