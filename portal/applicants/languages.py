"""The languages a resident can say they speak, and how well. Stored on the application
(Application.languages) and asked on the apply form, so they live with the application."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

# code -> Dutch name; the twelve languages residents speak most, "other" last.
LANGUAGES = [
    ("ar", _l("Arabisch")), ("ti", _l("Tigrinya")), ("fa", _l("Farsi / Dari")),
    ("tr", _l("Turks")), ("so", _l("Somalisch")), ("ku", _l("Koerdisch")),
    ("ps", _l("Pashto")), ("en", _l("Engels")), ("nl", _l("Nederlands")),
    ("fr", _l("Frans")), ("ru", _l("Russisch")), ("uk", _l("Oekraïens")),
    ("other", _l("Een andere taal")),
]
LEVELS = [("basic", _l("Een beetje")), ("good", _l("Goed")), ("very_good", _l("Heel goed"))]
LANGUAGE_CODES = {code for code, _label in LANGUAGES}
