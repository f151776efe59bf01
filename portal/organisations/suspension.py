"""What a member of a suspended organisation sees instead of residents' personal data
(portal.access.may_see_personal_data): that it is suspended, why, and whom to call. Features
above organisations put `personal_data_gate` before the pages that show names, phone numbers
or CSV exports, or that message residents."""
from __future__ import annotations

from flask import render_template
from flask_login import current_user

from portal import access
from portal.organisations import queries


def refusal():
    org = current_user.organisation
    return render_template("organisations/suspended.html", org=org,
                           advisers=queries.advisers_to_call(org)), 403


def personal_data_gate():
    """A before_request hook: signed-in members of a suspended organisation get the refusal
    page; everyone else goes on (sign-in and roles are checked by the views as before)."""
    if current_user.is_authenticated and not access.may_see_personal_data(current_user):
        return refusal()
    return None
