"""A COA coordinator's home: tours at their azc locations waiting for a confirmation (soonest
first: those are due first), and per notice board the posters to print and hang or to take
down. Admins coordinate every location but see their own work on their home page."""
from __future__ import annotations

from flask import url_for
from flask_babel import format_datetime, ngettext
from flask_babel import gettext as _

from portal.accounts.home import MAX_ITEMS, WorkItem, WorkLine
from portal.accounts.models import Role, User
from portal.accounts.signals import home_shown
from portal.clock import utcnow
from portal.home.desk import desk_line
from portal.tours.models import TourState
from portal.tours.queries import list_for_coordinator
from portal.vacancies.queries import board_locations, to_hang, to_take_down


def tours(user: User) -> WorkLine:
    now = utcnow()
    waiting = [t for t in list_for_coordinator(user)
               if t.state == TourState.requested and t.starts_at >= now]
    items = tuple(WorkItem(t.organisation.name, url_for("tours.coordinator_show", tour_id=t.id),
                           format_datetime(t.starts_at, "EEEE d MMMM, HH:mm"))
                  for t in waiting[:MAX_ITEMS])
    return WorkLine(10, "tours", _("Rondleidingen om te bevestigen"), len(waiting),
                    url_for("tours.coordinator_index"), items)


def posters(user: User) -> WorkLine:
    items, total = [], 0
    for location in board_locations(user):
        hang, down = len(to_hang(location)), len(to_take_down(location))
        if not hang and not down:
            continue
        total += hang + down
        parts = [ngettext("%(num)d poster ophangen", "%(num)d posters ophangen", hang) if hang else "",
                 ngettext("%(num)d poster weghalen", "%(num)d posters weghalen", down) if down else ""]
        items.append(WorkItem(location.name, url_for("posters.board", location_code=location.code),
                              ", ".join(p for p in parts if p)))
    return WorkLine(20, "posters", _("Posters printen of weghalen"), total,
                    url_for("posters.boards"), tuple(items[:MAX_ITEMS]))


@home_shown.connect
def _coordinator_home(user: User, **_kw) -> list[WorkLine]:
    if user.role != Role.coordinator:
        return []
    return [tours(user), posters(user), desk_line()]
