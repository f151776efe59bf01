"""Werkportaal azc: employers, azc residents and UWV advisers. See README.md.

Layers, lowest first. A package imports only packages on earlier lines (on the same line:
never both ways), not even inside a function; tests/test_layers.py checks both.

  foundation     modules db, config, i18n, clock, domain, text, formatting, urls, private_links,
                 csv_export, signals, security; packages regions, audit, notifications,
                 guidance, health, translate
  accounts       users, roles, sign-in
  access         who may see or do what: organisations, regions, azc locations, personal data
  organisations
  vacancies
  phrases        the job in the resident's language: phrasebook, texts per language
  posters        printed posters and notice boards
  applicants     the recruiter's workspace
  apply          the resident's pages
  tours, placements
  aftercare, reports, questions
  activities     trainings, workshops, meetings, job fairs: sign-up, waiting list, attendance
  werkbalie      the Werkbalie agenda: desk hours, appointments, assisted applications
  talent         opt-in resident profiles, advisers' matching and proposals
  dashboard, admin
  home           the staff home page's work lines for every role (no pages of its own)

Where a lower package must start work in a higher one (a hire schedules aftercare, a
suspension takes vacancies offline, the status page shows tours), the lower package defines a
blinker signal in its signals.py and the higher one connects to it (see portal.signals)."""
from __future__ import annotations

import os
from typing import Any

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix


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
    auth.init_app(app)
    security.init_app(app)
    templating.init_app(app)
    app.after_request(i18n.remember_choice)
    trust_proxies(app)


def trust_proxies(app: Flask) -> None:
    """Behind PORTAL_TRUSTED_PROXIES proxies, take the client address (rate limits, audit log)
    and scheme from X-Forwarded-For/-Proto. Without proxies the headers are ignored: a client
    could write any address there and dodge every per-address limit."""
    proxies = app.config["TRUSTED_PROXIES"]
    if proxies:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=proxies, x_proto=proxies)  # type: ignore[method-assign]


def register_blueprints(app: Flask) -> None:
    from portal import bounds
    from portal.blueprints import all_blueprints

    bounds.register(app)  # before any rule: every <int:...> refuses ids the database cannot hold
    for bp in all_blueprints():
        app.register_blueprint(bp)


def register_errorhandlers(app: Flask) -> None:
    from portal.errors import init_app

    init_app(app)


def register_cli(app: Flask) -> None:
    from portal.cli import portal_cli

    app.cli.add_command(portal_cli)
