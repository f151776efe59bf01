"""The line every desk role has: a resident who lost the link to their application."""
from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _

from portal.accounts.home import WorkLine


def desk_line() -> WorkLine:
    return WorkLine(90, "desk", _("Een bewoner is de link naar de sollicitatie kwijt"), 0,
                    url_for("apply.desk_link"),
                    note=_("Met de code en het telefoonnummer stuurt u een nieuwe link."))
