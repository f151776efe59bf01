"""Static file addresses that change when the file changes: url_for('static', filename=...)
adds ?v=<first 12 hex digits of the file's SHA-256>. nginx serves /static/ with a year of
caching (deploy/nginx/portal.conf): a new release's CSS has a new address, so no browser or
CDN keeps the old one. The hash is computed once per file version (size and mtime)."""
from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from typing import Any

from flask import Flask


@lru_cache(maxsize=256)
def _digest(path: str, _size: int, _mtime_ns: int) -> str:
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()[:12]


def version(static_folder: str, filename: str) -> str | None:
    path = os.path.join(static_folder, filename)
    try:
        stat = os.stat(path)
    except OSError:
        return None  # Flask answers 404 for it anyway
    return _digest(path, stat.st_size, stat.st_mtime_ns)


def init_app(app: Flask) -> None:
    @app.url_defaults
    def _static_version(endpoint: str, values: dict[str, Any]) -> None:
        if endpoint == "static" and "filename" in values and "v" not in values and app.static_folder:
            v = version(app.static_folder, values["filename"])
            if v:
                values["v"] = v
