"""How a profile reads on the resident's pages and in messages, in the language of the moment
(a page's, or the resident's inside force_locale). Registered as template filters."""
from __future__ import annotations

from datetime import datetime

from flask import Blueprint
from flask_babel import gettext as _

from portal.applicants.languages import LANGUAGES
from portal.apply import queries as apply_queries
from portal.apply.forms import options
from portal.clock import AMS
from portal.formatting import nice_date
from portal.talent import kinds
from portal.talent.forms import AVAILABILITY_LABELS, LEVEL_LABELS, RESIDENCE_LABELS, ProfileForm
from portal.talent.models import Availability, LanguageLevel, Residence

LANGUAGE_LABELS = dict(LANGUAGES)


def day(moment: datetime) -> str:
    """"3 juni 2027": the Dutch calendar day of a moment, in the page's language."""
    return nice_date(moment.astimezone(AMS).date())


def prepare(form: ProfileForm, lang: str) -> None:
    """The choices that come from the database: the azc's and the job names."""
    form.azc_location.choices = options([(0, _("Kies je azc"))] + apply_queries.location_choices())
    form.work.choices = options(kinds.kind_choices(lang))


def kind_label(key: str, lang: str) -> str:
    return kinds.kind_label(key, lang)


def language_label(code: str) -> str:
    return str(LANGUAGE_LABELS.get(code, code))


def level_label(level: LanguageLevel) -> str:
    return str(LEVEL_LABELS[level])


def availability_label(value: Availability) -> str:
    return str(AVAILABILITY_LABELS[value])


def residence_label(value: Residence) -> str:
    return str(RESIDENCE_LABELS[value])


def register(bp: Blueprint) -> None:
    for func in (day, kind_label, language_label, level_label, availability_label,
                 residence_label):
        bp.add_app_template_filter(func, f"talent_{func.__name__}")
