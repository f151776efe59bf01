"""The A4 poster "Tell us what work you want" for an azc: the QR leads to the profile form with
the azc chosen. Drawn like the activity and Werkbalie posters (portal/activities/poster.py)."""
from __future__ import annotations

from datetime import timedelta

from portal.activities.poster import Poster, call_in
from portal.clock import today
from portal.formatting import dutch_date
from portal.regions.models import Location
from portal.urls import absolute_url, display_base

POSTER_DAYS = 365  # nothing on it runs out; COA renews the board's posters once a year

# "Scan and tell us what work you want", by its key in the phrasebook catalogue
# (portal/phrases/translations, where translators keep the posters' lines per language).
SCAN_TO_TELL = "cta.tell_work"


def profile_poster(location: Location, months: int) -> Poster:
    url = absolute_url("talent_public.new_profile", location_code=location.code)
    return Poster(
        band=("Werk gezocht?", "Looking for work?"), title="Welk werk zoek je? Vertel het ons",
        lines=("Maak je werkprofiel in 5 minuten.",
               "Een adviseur kan je dan voorstellen voor een baan. Jij kiest: ja of nee.",
               f"Gratis. Je profiel blijft {months} maanden staan. Wissen kan altijd."),
        url=url.upper(), display_url=f"{display_base()}/p/{location.code}",
        valid_until=f"geldig tot {dutch_date(today() + timedelta(days=POSTER_DAYS))}",
        report_url=f"{display_base()}/report", call=call_in(SCAN_TO_TELL, location))
