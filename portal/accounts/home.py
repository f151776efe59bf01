"""A staff member's home page starts where the work is: each role sees what waits for it,
with counts and the oldest first (an adviser: organisations to approve, questions past the
two-working-day line, new reports, overdue TWV cancellations, aftercare concerns; a
coordinator: tours to confirm, posters to print or take down; a member: the organisation's
approval, new applicants, tours, TWV steps; an admin: failed mail, besides the wage table and
regions without an adviser). The features that own the work add the lines through
signals.home_shown (portal/home/ connects them); this module only defines their shape."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from flask_babel import gettext as _
from flask_babel import ngettext

from portal.accounts.models import User
from portal.accounts.signals import home_shown
from portal.clock import AMS, today, utcnow

MAX_ITEMS = 5  # the oldest few on the home page; the linked page has the rest


@dataclass(frozen=True)
class WorkItem:
    text: str
    url: str
    when: str = ""  # "3 dagen", "vandaag", a date: how long it waited, or when it is
    late: bool = False  # past its line (e.g. two working days for a question)


@dataclass(frozen=True)
class WorkLine:
    order: int
    key: str  # stable id for the page and tests: "organisations", "questions", ...
    label: str
    count: int
    url: str
    items: tuple[WorkItem, ...] = ()
    late: int = 0  # how many are past their line
    late_label: str = ""  # "2 wachten langer dan 2 werkdagen"
    note: str = ""  # a sentence that explains (why an organisation still waits)
    more: tuple[tuple[str, str], ...] = field(default=())  # extra links: (label, url)


def work_for(user: User) -> list[WorkLine]:
    lines = [line for _receiver, result in home_shown.send(user) for line in (result or ())]
    return sorted(lines, key=lambda line: line.order)


def waited(since: datetime | date | None, now: datetime | None = None) -> str:
    """How long something has waited, in days: "vandaag", "1 dag", "12 dagen"."""
    if since is None:
        return ""
    if isinstance(since, datetime):  # days as people count them: in Amsterdam
        start, end = since.astimezone(AMS).date(), (now or utcnow()).astimezone(AMS).date()
    else:
        start, end = since, today()
    days = max((end - start).days, 0)
    if days == 0:
        return _("vandaag")
    return ngettext("%(num)d dag", "%(num)d dagen", days)
