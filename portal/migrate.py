"""Alembic, driven from the app so the URL comes from the same settings as the app."""
from __future__ import annotations

from alembic import command
from alembic.config import Config
from flask import Flask

from portal.config import PROJECT_ROOT


def alembic_config(app: Flask) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    cfg.set_main_option("file_template", "%%(year)d_%%(month).2d_%%(day).2d_%%(rev)s_%%(slug)s")
    cfg.attributes["engine"] = app.extensions["db_engine"]
    return cfg


def upgrade(app: Flask, revision: str = "head") -> None:
    command.upgrade(alembic_config(app), revision)
