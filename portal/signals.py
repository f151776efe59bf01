"""How a lower feature package lets higher ones take part without importing them.

The lower package defines a blinker signal next to the code that sends it (for example
`portal/placements/signals.py`); the higher package connects a receiver in its own services
module, which every app imports through portal/blueprints.py. Receivers are called in the
order they were connected and share the sender's transaction: they flush, never commit.

Two shapes are used: an event whose receivers return counts (`total`), and a page that higher
packages add parts to (`merged`: each receiver returns a dict of template values)."""
from __future__ import annotations

from typing import Any

from blinker import Namespace, Signal

signals = Namespace()


def total(signal: Signal, sender: Any, **kwargs: Any) -> int:
    """Send and add up what the receivers return (None counts as 0)."""
    return sum(result or 0 for _receiver, result in signal.send(sender, **kwargs))


def merged(signal: Signal, sender: Any, **kwargs: Any) -> dict[Any, Any]:
    """Send and merge the dicts the receivers return, in connection order."""
    parts: dict[Any, Any] = {}  # keys as the receivers chose them (names, ids)
    for _receiver, result in signal.send(sender, **kwargs):
        parts.update(result or {})
    return parts
