"""Password rules: long enough, hard to guess, not the email address.

"Hard to guess" is zxcvbn's estimate (Dropbox's strength checker: some 30,000 leaked passwords
plus names, English words, keyboard rows, repeats, sequences, dates and l33t spellings), a
score of at least 3 of 4 ("safely unguessable": more than 10^8 guesses). Its lists are English,
so it also gets the words a Dutch user of this portal might build a password from."""
from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from zxcvbn import zxcvbn

MIN_LENGTH = 10
MAX_LENGTH = 200  # argon2 copes with more, but nobody needs more and it bounds the work per request
MIN_SCORE = 3
SCORED_LENGTH = 72  # zxcvbn refuses longer input; the first 72 characters decide

# Dutch and portal words that zxcvbn's English lists do not know, seen in leaked Dutch passwords.
DUTCH_WORDS = (
    "wachtwoord", "welkom", "geheim", "hallo", "liefde", "schatje", "prinses", "voetbal",
    "nederland", "holland", "oranje", "amsterdam", "rotterdam", "utrecht", "ajax", "feyenoord",
    "psveindhoven", "doemaarwat", "eenendertig", "lente", "zomer", "herfst", "winter", "januari",
    "maandag", "vrijdag", "werkportaal", "werkgever", "vacature", "bedrijf", "magazijn", "azc",
    "coa", "uwv", "uitzendbureau", "sollicitatie", "nieuw",
)

# zxcvbn's warnings (English, fixed texts) in the portal's words.
WARNINGS = {
    "Straight rows of keys are easy to guess.":
        _l("Toetsen die naast elkaar liggen (zoals qwerty) zijn makkelijk te raden."),
    "Short keyboard patterns are easy to guess.":
        _l("Toetsen die naast elkaar liggen (zoals qwerty) zijn makkelijk te raden."),
    'Repeats like "aaa" are easy to guess.': _l("Herhalingen zoals aaa of abcabc zijn makkelijk te raden."),
    'Repeats like "abcabcabc" are only slightly harder to guess than "abc".':
        _l("Herhalingen zoals aaa of abcabc zijn makkelijk te raden."),
    'Sequences like "abc" or "6543" are easy to guess.': _l("Reeksen zoals abc of 6543 zijn makkelijk te raden."),
    "Recent years are easy to guess.": _l("Jaartallen en datums zijn makkelijk te raden."),
    "Dates are often easy to guess.": _l("Jaartallen en datums zijn makkelijk te raden."),
    "This is a top-10 common password.": _l("Dit wachtwoord wordt heel veel gebruikt."),
    "This is a top-100 common password.": _l("Dit wachtwoord wordt heel veel gebruikt."),
    "This is a very common password.": _l("Dit wachtwoord wordt heel veel gebruikt."),
    "This is similar to a commonly used password.": _l("Dit lijkt op een wachtwoord dat veel wordt gebruikt."),
    "A word by itself is easy to guess.": _l("Eén woord is makkelijk te raden."),
    "Names and surnames by themselves are easy to guess.": _l("Namen zijn makkelijk te raden."),
    "Common names and surnames are easy to guess.": _l("Namen zijn makkelijk te raden."),
}

# Shown under every new-password field before anything was typed, so nobody meets the rule
# first as an error.
RULE = _l("Minstens %(n)s tekens en niet makkelijk te raden: geen bekend wachtwoord, naam, datum "
          "of reeks zoals 123456. Een zin van vier gewone woorden is sterk en goed te onthouden.",
          n=MIN_LENGTH)


def strength(password: str, personal: list[str]) -> tuple[int, str]:
    """zxcvbn's score (0..4) and its warning in the portal's words ('' when none)."""
    result = zxcvbn(password[:SCORED_LENGTH], user_inputs=[*personal, *DUTCH_WORDS])
    warning = WARNINGS.get(result["feedback"]["warning"])
    return result["score"], str(warning) if warning else ""


def problem(password: str, email: str | None = None, name: str | None = None) -> str | None:
    """Why this password may not be used, or None. `email` and `name` count as guessable."""
    if len(password) < MIN_LENGTH:
        return _("Kies een wachtwoord van minstens %(n)s tekens.", n=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        return _("Kies een wachtwoord van hoogstens %(n)s tekens.", n=MAX_LENGTH)
    email = (email or "").strip().lower()
    if email and password.strip().lower() == email:
        return _("Uw wachtwoord mag niet gelijk zijn aan uw e-mailadres.")
    personal = [p for p in (email, email.partition("@")[0], *(name or "").split()) if p]
    score, warning = strength(password, personal)
    if score >= MIN_SCORE:
        return None
    if warning:
        return _("Dit wachtwoord is te makkelijk te raden. %(why)s Kies bijvoorbeeld een zin van "
                 "vier gewone woorden.", why=warning)
    return _("Dit wachtwoord is te makkelijk te raden. Kies bijvoorbeeld een zin van vier gewone "
             "woorden.")
