"""Werkportaal azc: employers, azc residents and UWV advisers. See README.md."""
from __future__ import annotations

import os
from typing import Any

from flask import Flask


def create_app(overrides: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    os.makedirs(app.instance_path, exist_ok=True)
    configure(app, overrides)
    register_extensions(app)
    register_blueprints(app)
    register_errorhandlers(app)
    register_cli(app)
    return app


def configure(app: Flask, overrides: dict[str, Any] | None) -> None:
    from portal.config import load_config

    app.config.update(load_config(overrides, app.instance_path))
    from portal import db

    db.init_app(app)


def register_extensions(app: Flask) -> None:
    from portal import i18n, security, templating
    from portal.accounts import auth
    from portal.extensions import babel, csrf, limiter

    babel.init_app(app, locale_selector=i18n.select_locale)
    csrf.init_app(app)
    limiter.init_app(app)
    _skip_limiter_on_hot_paths(app, limiter)
    auth.init_app(app)
    security.init_app(app)
    templating.init_app(app)
    app.after_request(i18n.remember_choice)


def register_blueprints(app: Flask) -> None:
    from portal.blueprints import all_blueprints

    for bp in all_blueprints():
        app.register_blueprint(bp)


def register_errorhandlers(app: Flask) -> None:
    from portal.errors import init_app

    init_app(app)


def register_cli(app: Flask) -> None:
    from portal.cli import portal_cli

    app.cli.add_command(portal_cli)


# Pages that are never rate limited and are read far more than anything else: the QR landing
# page (every poster scan), static files and the health check. Flask-Limiter still walks its
# rules for exempt views on every request; skipping the walk keeps a scan cheap.
UNLIMITED_ENDPOINTS = frozenset({"apply.vacancy", "static", "health.healthz"})


def _skip_limiter_on_hot_paths(app: Flask, limiter) -> None:
    from functools import partial

    from flask import request

    def unless_hot(hook):
        def wrapped(*args):
            if request.endpoint in UNLIMITED_ENDPOINTS:
                return args[0] if args and hasattr(args[0], "headers") else None
            return hook(*args)
        return wrapped

    def is_limiter_hook(f) -> bool:
        owner = f.func if isinstance(f, partial) else f
        return getattr(owner, "__self__", None) is limiter or (
            isinstance(f, partial) and limiter in f.args)

    for registry in (app.before_request_funcs, app.after_request_funcs, app.teardown_request_funcs):
        funcs = registry.setdefault(None, [])
        funcs[:] = [unless_hot(f) if is_limiter_hook(f) else f for f in funcs]
