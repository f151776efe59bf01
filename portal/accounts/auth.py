"""Sign-in plumbing: loading the user, the staff two-factor gate, role decorators."""
from __future__ import annotations

from dataclasses import dataclass
from functools import wraps

from flask import Flask, abort, redirect, request, session, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from portal import db
from portal.accounts.models import Role, User
from portal.extensions import login_manager
from portal.i18n import is_resident_page

# Endpoints a signed-in staff member may reach before finishing two-factor sign-in.
TWO_FACTOR_OPEN = {
    "accounts.two_factor", "accounts.two_factor_setup", "accounts.logout", "static",
    "health.healthz",
}


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    login_manager.login_view = "accounts.login"
    login_manager.login_message = _l("Log in om verder te gaan.")
    login_manager.login_message_category = "info"
    login_manager.session_protection = "strong"
    app.before_request(_two_factor_gate)

    @app.context_processor
    def _nav():
        return {"nav_items": nav_items, "nav_groups": nav_groups}


@login_manager.user_loader
def _load_user(key: str) -> User | None:
    try:
        user_id, version = (int(x) for x in key.split(":"))
    except ValueError:
        return None
    user = db.session.get(User, user_id)
    # A bumped session_version (sign-out, password change, disabled) ends old sessions.
    if user is None or not user.active or user.session_version != version:
        return None
    return user


def _two_factor_gate():
    # Resident pages are public: nothing to guard, and not loading the user keeps a poster
    # scan cheap.
    if is_resident_page():
        return None
    if not current_user.is_authenticated or not current_user.is_staff:
        return None
    if request.endpoint in TWO_FACTOR_OPEN or request.blueprint == "health":
        return None
    if current_user.needs_2fa_setup:
        return redirect(url_for("accounts.two_factor_setup"))
    if not session.get("2fa_ok"):
        return redirect(url_for("accounts.two_factor"))
    return None


def roles_required(*roles: Role, refuse: int = 403):
    """Signed in with one of these roles (and two-factor done for staff), else the login page
    or `refuse` (403; 404 where even the page's existence is not others' business)."""

    def decorator(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if current_user.role not in roles:
                abort(refuse)
            return view(*args, **kwargs)

        return wrapper

    return decorator


member_required = roles_required(Role.member)
adviser_required = roles_required(Role.adviser, Role.admin)
coordinator_required = roles_required(Role.coordinator, Role.admin)
admin_required = roles_required(Role.admin)


def signed_in_fully() -> bool:
    """Signed in, and for staff also past the second step: only then the menu is shown (on
    the two-factor page it would lead nowhere but back there)."""
    if not current_user.is_authenticated:
        return False
    return not current_user.is_staff or (bool(session.get("2fa_ok"))
                                         and not current_user.needs_2fa_setup)


def nav_items() -> list[tuple[str, str]]:
    if not signed_in_fully():
        return []
    role = current_user.role
    items: list[tuple[str, str]] = [("accounts.home", str(_l("Start")))]
    if role == Role.member:
        items += [("vacancies.index", str(_l("Vacatures"))),
                  ("applicants.index", str(_l("Sollicitanten"))),
                  ("tours.index", str(_l("Rondleidingen"))),
                  ("placements.index", str(_l("Plaatsingen"))),
                  ("questions.index", str(_l("Vragen"))),
                  ("aftercare.index", str(_l("Nazorg"))),
                  ("dashboard.organisation", str(_l("Cijfers"))),
                  ("organisations.mine", str(_l("Organisatie")))]
    if role in (Role.adviser, Role.admin):
        items += [("organisations.queue", str(_l("Organisaties"))),
                  ("reports.queue", str(_l("Meldingen"))),
                  ("questions.inbox", str(_l("Vragen"))),
                  ("placements.region_index", str(_l("Plaatsingen"))),
                  ("placements.cancellations", str(_l("TWV-intrekkingen"))),
                  ("aftercare.adviser_index", str(_l("Nazorg"))),
                  ("phrases.adviser_index", str(_l("Vertalingen"))),
                  ("dashboard.index", str(_l("Cijfers")))]
    if role in (Role.coordinator, Role.admin):
        items += [("posters.boards", str(_l("Prikborden"))),
                  ("tours.coordinator_index", str(_l("Rondleidingen")))]
    if role in (Role.coordinator, Role.adviser, Role.admin):
        items += [("activities.index", str(_l("Activiteiten"))),
                  ("werkbalie.index", str(_l("Werkbalie")))]
        items += [("talent_staff.search", str(_l("Werkprofielen")))]
    if role in (Role.adviser, Role.admin):
        items += [("talent_staff.vacancies", str(_l("Kandidaten zoeken")))]
    if role == Role.admin:
        items += [("admin.index", str(_l("Beheer")))]
    items.append(("guidance.index", str(_l("Informatie"))))
    items.append(("accounts.settings", str(_l("Account"))))
    return items


# The menu in a few groups, so it fits on one line: each group's first page is its entry;
# the group of the current page is marked and shows its pages in a second row. Items that
# nav_items() gains later without a group here go under "Meer".
NAV_GROUP = {
    "accounts.home": _l("Start"),
    "vacancies.index": _l("Vacatures"),
    "applicants.index": _l("Sollicitanten"), "tours.index": _l("Sollicitanten"),
    "placements.index": _l("Na de start"), "aftercare.index": _l("Na de start"),
    "placements.region_index": _l("Na de start"), "placements.cancellations": _l("Na de start"),
    "aftercare.adviser_index": _l("Na de start"),
    "questions.index": _l("Vragen"),
    "dashboard.organisation": _l("Organisatie"), "organisations.mine": _l("Organisatie"),
    "organisations.queue": _l("Organisaties"),
    "reports.queue": _l("Meldingen en vragen"), "questions.inbox": _l("Meldingen en vragen"),
    "dashboard.index": _l("Cijfers"),
    "posters.boards": _l("azc"), "tours.coordinator_index": _l("azc"),
    "activities.index": _l("Bewoners"), "werkbalie.index": _l("Bewoners"),
    "talent_staff.search": _l("Bewoners"), "talent_staff.vacancies": _l("Bewoners"),
    "admin.index": _l("Beheer"),
}
MORE = _l("Meer")


@dataclass
class NavGroup:
    label: str
    links: list[tuple[str, str]]
    current: bool = False

    @property
    def endpoint(self) -> str:
        return self.links[0][0]


def nav_groups() -> list[NavGroup]:
    groups: dict[str, NavGroup] = {}
    for endpoint, label in nav_items():
        name = str(NAV_GROUP.get(endpoint, MORE))
        groups.setdefault(name, NavGroup(name, [])).links.append((endpoint, label))
    ordered = sorted(groups.values(), key=lambda g: g.label == str(MORE))  # "Meer" last
    here = request.endpoint or ""
    current = next((g for g in ordered if any(e == here for e, _ in g.links)), None)
    if current is None and here != "accounts.home":
        # A page under a section (an applicant, a placement): the group with its blueprint.
        blueprint = here.split(".")[0]
        current = next((g for g in ordered if any(
            e.split(".")[0] == blueprint and e != "accounts.home" for e, _ in g.links)), None)
    if current is not None:
        current.current = True
    return ordered
