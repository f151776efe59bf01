"""One paragraph in plain Dutch that says what the figures say: for the top of the page and the
monthly report. Built from the same Glance as the charts, so the words and the pictures
cannot disagree; short sentences, numbers as on the page, nothing about a person."""
from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import ngettext

from portal.applicants.forms import STAGE_LABELS
from portal.applicants.models import Stage
from portal.dashboard.display import number, percent
from portal.dashboard.glance import Glance, day_words


def _compared(item, days: int) -> str:
    """"3 meer dan in de 28 dagen ervoor", "evenveel als ...", or "" with nothing to compare."""
    if item.change.direction == "none":
        return ""
    if item.change.direction == "same":
        return _("evenveel als in de %(days)s dagen ervoor", days=days)
    return _("%(change)s dan in de %(days)s dagen ervoor", change=item.change.text, days=days)


def _slowest_stage(g: Glance) -> tuple[str, float] | None:
    measured = [(t["median_days"], stage) for stage, t in g.stages.items()
                if t["finished"] and t["median_days"] is not None]
    if not measured:
        return None
    days, stage = max(measured)
    return str(STAGE_LABELS[Stage(stage)]).lower(), days


def paragraph(g: Glance) -> str:
    band = {item.key: item for item in g.band}
    days = g.scope.length_days
    applied = g.steps[0].count
    sentences = [ngettext("In deze periode kwam %(n)s sollicitatie binnen.",
                          "In deze periode kwamen %(n)s sollicitaties binnen.", applied, n=number(applied))]
    hired = band["hired"]
    compared = _compared(hired, days)
    sentences.append(
        ngettext("%(n)s persoon begon met werk", "%(n)s mensen begonnen met werk", hired.value,
                 n=number(hired.value)) + (f" ({compared})." if compared else "."))
    working, employers = band["working"], band["employers"]
    when = day_words(g.day)
    sentences.append(when[:1].upper() + when[1:] + " " + ngettext(
        "werkt %(n)s bewoner", "werken %(n)s bewoners", working.value, n=number(working.value))
        + ", " + ngettext("bij %(n)s werkgever.", "bij %(n)s werkgevers.", employers.value,
                          n=number(employers.value)))
    kept = band["retained_3m"]
    if kept.value is not None:
        sentences.append(_("Van wie 3 maanden eerder begon, werkt %(rate)s nog (%(detail)s).",
                           rate=percent(kept.value), detail=kept.detail))
    slow = _slowest_stage(g)
    if slow is not None:
        sentences.append(_("Het langst duurt de fase ‘%(stage)s’: de helft wacht langer dan "
                           "%(days)s dagen.", stage=slow[0], days=number(slow[1])))
    pending, overdue = g.cancellations["pending"], g.cancellations["overdue"]
    if pending:
        sentences.append(ngettext("%(n)s TWV moet nog worden ingetrokken",
                                  "%(n)s TWV's moeten nog worden ingetrokken", pending, n=number(pending))
                         + (ngettext(", waarvan %(n)s te laat.", ", waarvan %(n)s te laat.",
                                     overdue, n=number(overdue)) if overdue else "."))
    waiting = g.aftercare["waiting_for_adviser"]
    if waiting:
        sentences.append(ngettext("%(n)s zorg uit de nazorg wacht op een adviseur.",
                                  "%(n)s zorgen uit de nazorg wachten op een adviseur.", waiting,
                                  n=number(waiting)))
    return " ".join(sentences)
