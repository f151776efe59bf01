"""The feature blueprints, in one place. Importing them imports every feature, and with it the
receivers that higher packages connect to lower packages' signals (portal.signals): every app
is complete. The feature list is fixed; nothing here is optional."""
from __future__ import annotations

from flask import Blueprint

import portal.home  # noqa: F401,I001  (no blueprint: connects the staff home's work lines)
from portal.accounts.views import bp as accounts
from portal.activities.views import bp as activities
from portal.activities.views_public import bp as activities_public
from portal.admin.views import bp as admin
from portal.aftercare.views import bp as aftercare
from portal.applicants.views import bp as applicants
from portal.apply.views import bp as apply
from portal.dashboard.views import bp as dashboard
from portal.guidance.views import bp as guidance
from portal.health.views import bp as health
from portal.organisations.views import bp as organisations
from portal.phrases.views import bp as phrases
from portal.placements.views import bp as placements
from portal.posters.views import bp as posters
from portal.questions.views import bp as questions
from portal.reports.views import bp as reports
from portal.talent.views_desk import bp as talent_desk
from portal.talent.views_employer import bp as talent_employer
from portal.talent.views_proposals import bp as talent_proposals
from portal.talent.views_public import bp as talent_public
from portal.talent.views_staff import bp as talent_staff
from portal.tours.views import bp as tours
from portal.vacancies.views import bp as vacancies
from portal.werkbalie.views import bp as werkbalie
from portal.werkbalie.views_public import bp as werkbalie_public

# Registration order: routes of earlier blueprints win when two rules match the same URL.
BLUEPRINTS: tuple[Blueprint, ...] = (
    health, accounts, organisations, admin, vacancies, phrases, posters, apply, applicants, guidance,
    dashboard, reports, tours, questions, aftercare, placements, activities, activities_public,
    werkbalie, werkbalie_public, talent_public, talent_proposals, talent_staff, talent_employer,
    talent_desk,
)


def all_blueprints() -> list[Blueprint]:
    return list(BLUEPRINTS)
