"""Guidance is a foundation package: features above it supply the values its pages show
(`{{ minimum_wage }}`) by connecting to this signal, so guidance never imports them."""
from __future__ import annotations

from blinker import Namespace

_signals = Namespace()

# Sent with the app as sender while a page is shown; each receiver returns a dict of
# placeholder name -> text, already formatted for the reader's language.
page_values = _signals.signal("guidance-page-values")


def collect_page_values(sender) -> dict[str, str]:
    values: dict[str, str] = {}
    for _receiver, result in page_values.send(sender):
        values.update(result or {})
    return values
