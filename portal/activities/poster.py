"""A4 posters for activities and for the Werkbalie desk hours, in the style of the vacancy
poster (drawn with portal/posters/drawing.py): vector QR to the sign-up page,
the call to action in the resident languages, "geldig tot", the report line at the bottom."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from babel.dates import format_date
from reportlab.pdfgen.canvas import Canvas

from portal.activities.models import Activity, ActivityKind, PlaceKind
from portal.activities.wording import language_names
from portal.formatting import dutch_date
from portal.phrases.catalogue import label_in
from portal.posters import drawing as draw
from portal.posters import text
from portal.posters.services import poster_languages
from portal.urls import absolute_url, display_base

# The call to action, by its key in the phrasebook catalogue (portal/phrases/translations:
# translators keep it there with the other lines printed per language).
SCAN_TO_SIGN_UP = "cta.sign_up"
SCAN_TO_BOOK = "cta.book"
RESIDENT_ORDER = ("ar", "ti", "fa", "tr", "so")


@dataclass(frozen=True)
class Poster:
    band: tuple[str, str]  # ("Training", "Training")
    title: str
    lines: tuple[str, ...]  # Dutch: when, where, languages, places
    url: str  # QR target, upper case
    display_url: str
    valid_until: str  # "geldig tot 27 maart 2027"
    report_url: str
    call: tuple[tuple[str, str], ...] = ()  # (language, text), in print order


def call_in(call: str | Sequence[tuple[str, str]], location,
            languages=()) -> tuple[tuple[str, str], ...]:
    """The call to action in the azc's languages (Dutch, English and its main languages, as on
    the vacancy posters) and the languages the activity is given in; in all seven, those of
    the activity first, when the azc has none set. `call` is its key in the phrasebook
    catalogue (where translators keep it), or (language, text) pairs for a poster whose text
    is not in the catalogue yet. A language without the text is left out."""
    shown = list(poster_languages(location))
    if len(shown) == 2:
        shown += [c for c in RESIDENT_ORDER if c not in languages]
        shown[2:2] = [c for c in languages if c not in ("nl", "en")]
    else:
        shown += [c for c in languages if c not in shown]
    if isinstance(call, str):
        lines = [(code, label_in(call, code)) for code in dict.fromkeys(shown)]
    else:
        texts = dict(call)
        lines = [(code, texts.get(code)) for code in dict.fromkeys(shown)]
    return tuple((code, text) for code, text in lines if text)


def _draw(c: Canvas, p: Poster) -> None:
    draw.band(c, p.band, p.valid_until)
    max_w = draw.W - 2 * draw.M
    y = draw.big_title(c, p.title, draw.H - draw.BAND_H - 30, max_w)
    for line in p.lines:
        lines = text.fit_lines(line, 16, max_w, 2)
        y = draw.text_lines(c, lines, draw.M, y - 8, 16, 21, False, "left", draw.INK) - 14
    panel_h = 300
    c.setFillColor(draw.TINT)
    c.roundRect(draw.M, draw.PANEL_BOTTOM, max_w, panel_h, 10, stroke=0, fill=1)
    qr_size = 200
    qr_x, qr_y = draw.W - draw.M - 24 - qr_size, draw.PANEL_BOTTOM + 60
    draw.qr_with_caption(c, p.url, p.display_url, qr_x, qr_y, qr_size)
    draw.call_to_action(c, p.call, draw.M + 22, qr_x - 24, draw.PANEL_BOTTOM + panel_h - 14,
                        (24, 20, 15), accented=2)
    draw.report_footer(c, p.report_url)


def render(p: Poster) -> bytes:
    def pages(c: Canvas) -> None:
        _draw(c, p)
        c.showPage()

    return draw.document(pages, p.title)


# --------------------------------------------------------------------------- from an activity

def _dutch_when(session) -> str:
    start, end = session.local_start, session.local_end
    return f"{format_date(start.date(), 'EEE d MMMM y', locale='nl')}, {start:%H:%M}–{end:%H:%M}"


def _dutch_place(session) -> str:
    if session.place_kind == PlaceKind.online:
        return "online (de link krijg je na het aanmelden)"
    location = session.activity.location
    if session.place_kind == PlaceKind.room and location is not None:
        return f"{session.place}, {location.name}"
    return session.place


def activity_poster(activity: Activity) -> Poster:
    sessions = activity.sessions
    lines = []
    if activity.together and len(sessions) > 1:
        lines.append(f"{len(sessions)} delen, je komt naar allemaal:")
    lines += [f"{_dutch_when(s)} · {_dutch_place(s)}" for s in sessions]
    lines.append("Taal: " + language_names(activity.languages))
    lines.append(f"{activity.capacity} plaatsen · gratis")
    # One may sign up until the (last) session begins.
    last_day = (sessions[0] if activity.together else sessions[-1]).local_start.date()
    url = absolute_url("activities_public.activity", activity_code=activity.code)
    return Poster(
        band=BANDS[activity.kind], title=activity.title, lines=tuple(lines),
        url=url.upper(), display_url=f"{display_base()}/a/{activity.code}",
        valid_until=f"geldig tot {dutch_date(last_day)}", report_url=f"{display_base()}/report",
        call=call_in(SCAN_TO_SIGN_UP, activity.location, activity.languages))


BANDS = {
    ActivityKind.training: ("Training", "Training"),
    ActivityKind.workshop: ("Workshop", "Workshop"),
    ActivityKind.info_meeting: ("Informatie", "Information"),
    ActivityKind.job_fair: ("Banenmarkt", "Job fair"),
    ActivityKind.employer_session: ("Voor werkgevers", "For employers"),
}
