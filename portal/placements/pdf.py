"""The printable record of the end of a placement and the TWV cancellation, for the employer's
payroll file. No web code: takes a placement, returns PDF bytes. What it says follows the
state: "UWV was informed" only once the employer confirmed it, otherwise that it must still be
done. Never prints the V-number (we do not have it); prints the resident's name only while it
has not been erased."""
from __future__ import annotations

from datetime import datetime
from io import BytesIO

from flask_babel import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from portal.formatting import nice_date
from portal.placements.forms import CONTRACT_LABELS, END_LABELS, TWV_LABELS
from portal.placements.models import Placement, TwvState
from portal.posters import text as ptext  # Noto fonts with Arabic/Ethiopic shaping

MARGIN = 20 * mm
LABEL_WIDTH = 55 * mm
SIZE = 10.5


def _date(value) -> str:
    return nice_date(value) or "–"


def rows(placement: Placement) -> list[tuple[str, str]]:
    org = placement.organisation
    app = placement.application
    via = {"employer": _("door de werkgever"), "adviser_phone": _("telefonisch, via de adviseur")}
    if _informed(placement):
        who = placement.cancelled_by.name if placement.cancelled_by else ""
        confirmed = " ".join(filter(None, [_date(placement.cancelled_at),
                                           via.get(placement.cancelled_via or "", ""),
                                           f"({who})" if who else ""]))
    else:
        confirmed = _("Nog niet: de werkgever moet UWV nog inlichten")
    out = [
        (_("Organisatie"), f"{org.name} (KvK {org.kvk})"),
        (_("Vacature"), f"{placement.vacancy.title} ({placement.vacancy.code})"),
    ]
    if placement.client_name:
        out.append((_("Inlener"), placement.client_name))
    # UWV reads the name as on the W-document, in Latin letters; an older application may
    # only have the name as typed.
    if app.erased_at is not None or not app.name:
        name = _("(gegevens gewist)")
    else:
        name = app.latin_name or app.name
    out += [
        (_("Werknemer"), name),
        (_("Referentie sollicitatie"), app.reference),
        (_("Startdatum"), _date(placement.start_date)),
        (_("Uren per week"), str(placement.hours_per_week)),
        (_("Soort contract"), str(CONTRACT_LABELS[placement.contract_type])),
        (_("Laatste werkdag"), _date(placement.end_date)),
        (_("Reden"), str(END_LABELS[placement.end_reason]) if placement.end_reason else "–"),
        (_("TWV aangevraagd op"), _date(placement.twv_applied_on)),
        (_("TWV-besluit op"), _date(placement.twv_decided_on)),
        (_("TWV-status"), str(TWV_LABELS[placement.twv_state])),
        (_("Einde gemeld in het portaal"), _date(placement.cancellation_requested_at)),
        (_("UWV ingelicht"), confirmed),
    ]
    return out


def _informed(placement: Placement) -> bool:
    return placement.twv_state == TwvState.cancelled and placement.cancelled_at is not None


def title_and_intro(placement: Placement) -> tuple[str, str]:
    """One statement per state, so the page never says UWV was informed while a row below
    says it is not yet."""
    if _informed(placement):
        return (_("Bevestiging intrekking TWV"),
                _("De werkgever heeft het einde van deze plaatsing gemeld in het Werkportaal azc "
                  "en op %(day)s vastgelegd dat UWV is ingelicht, zodat de "
                  "tewerkstellingsvergunning (TWV) kan worden ingetrokken.",
                  day=_date(placement.cancelled_at)))
    return (_("Einde plaatsing: TWV nog intrekken"),
            _("De werkgever heeft het einde van deze plaatsing gemeld in het Werkportaal azc. "
              "UWV is nog niet ingelicht: de werkgever laat UWV weten dat de "
              "tewerkstellingsvergunning (TWV) kan worden ingetrokken en legt dat daarna in het "
              "portaal vast."))


def cancellation_pdf(placement: Placement, *, generated_at: datetime) -> bytes:
    buf = BytesIO()
    width, height = A4
    canvas = Canvas(buf, pagesize=A4, invariant=1)
    title, intro = title_and_intro(placement)
    canvas.setTitle(title)
    canvas.setAuthor(_("Werkportaal azc"))
    y = height - MARGIN - 10
    ptext.draw(canvas, title, MARGIN, y, 18, bold=True)
    y -= 22
    value_x = MARGIN + LABEL_WIDTH
    value_width = width - MARGIN - value_x
    for line in ptext.wrap(intro, SIZE, width - 2 * MARGIN):
        ptext.draw(canvas, line, MARGIN, y, SIZE)
        y -= SIZE * 1.4
    y -= 10
    for label, value in rows(placement):
        ptext.draw(canvas, label, MARGIN, y, SIZE, bold=True)
        for line in ptext.wrap(value, SIZE, value_width) or [""]:
            # Left-aligned like every value of this Dutch form, also a name in another script.
            ptext.draw(canvas, line, value_x, y, SIZE)
            y -= SIZE * 1.4
        y -= 4
    y -= 12
    footer = [
        _("Bewaar dit document bij de loonadministratie."),
        _("Het V-nummer staat niet in dit document: het portaal bewaart het niet."),
        _("Gemaakt op %(when)s.", when=_date(generated_at)),
    ]
    for text in footer:
        for line in ptext.wrap(text, 9, width - 2 * MARGIN):
            ptext.draw(canvas, line, MARGIN, y, 9)
            y -= 13
    canvas.showPage()
    canvas.save()
    return buf.getvalue()
