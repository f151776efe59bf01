"""The list of feature blueprints, in one place so features can be added without touching
the factory."""
from __future__ import annotations

import importlib

from flask import Blueprint

FEATURES = (
    "health",
    "accounts",
    "organisations",
    "admin",
    "vacancies",
    "posters",
    "apply",
    "applicants",
    "guidance",
    "dashboard",
    "reports",
    "tours",
    "questions",
    "aftercare",
    "placements",
)


def all_blueprints() -> list[Blueprint]:
    found = []
    for name in FEATURES:
        module = importlib.import_module(f"portal.{name}.views")
        found.append(module.bp)
    return found
