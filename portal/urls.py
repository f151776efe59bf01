"""Absolute links that leave the browser: in mails, on posters and PDFs, in the public feed.

They are built from PORTAL_BASE_URL (config BASE_URL), never from the request: mail is also
written by `portal tick` and the CLI, where there is no request, and a link in a mail must not
depend on the Host header of whoever happened to trigger it. Paths come from the URL map, so a
renamed route cannot leave a dead link behind."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app


def base_url() -> str:
    """"https://werk.example.nl" (plus any path prefix), without a trailing slash."""
    return str(current_app.config["BASE_URL"]).rstrip("/")


def absolute_url(endpoint: str, **values: object) -> str:
    """The full address of a route; values that are not part of the path become the query."""
    # Bound to a dummy host: only the path is used, and the prefix is already in BASE_URL.
    adapter = current_app.url_map.bind("localhost", script_name="/")
    return base_url() + adapter.build(endpoint, values)


def absolute_path(path: str) -> str:
    """The full address of a fixed path such as a guidance page ("/hulp/cancel-twv")."""
    return base_url() + "/" + path.lstrip("/")


def host() -> str:
    """"werk.example.nl": the domain alone, as in a calendar event's uid ("...@werk.example.nl")."""
    return base_url().split("://", 1)[-1].split("/", 1)[0]


def display_base() -> str:
    """"werk.example.nl" (plus any path prefix): what people type, printed under a QR code."""
    parts = urlsplit(base_url())
    return parts.netloc.lower() + parts.path
