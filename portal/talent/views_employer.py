"""The employer's "help me find candidates" button on its vacancy page: the vacancy goes on
the matching list of the region's advisers; once asked, the page says so (and since when)
instead of showing the button again, until an adviser handled it. The employer never sees a profile; candidates
reach it only as applications of residents who said yes to a proposal."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user
from markupsafe import Markup
from sqlalchemy.exc import IntegrityError

from portal import db
from portal.access import found_or_404
from portal.accounts.auth import member_required
from portal.talent import worklist
from portal.talent.forms_staff import ActionForm
from portal.vacancies import queries as vacancy_queries
from portal.vacancies.models import Vacancy, VacancyStatus
from portal.vacancies.signals import shown

bp = Blueprint("talent_employer", __name__)


@bp.post("/vacatures/<int:vacancy_id>/kandidaten-zoeken")
@member_required
def ask(vacancy_id: int):
    vacancy = found_or_404(vacancy_queries.for_organisation(current_user.organisation, vacancy_id))
    back = redirect(url_for("vacancies.show", vacancy_id=vacancy.id))
    if not ActionForm().validate_on_submit():
        return back
    try:
        added = worklist.ask_for_candidates(vacancy, current_user)
        db.session.commit()
    except worklist.AskError as exc:
        db.session.rollback()
        flash(str(exc.message), "error")
        return back
    except IntegrityError:
        db.session.rollback()  # a colleague pressed at the same moment: it is on the list
        added = False
    if added:
        flash(_("Uw adviseur zoekt kandidaten voor deze vacature. Bewoners die ja zeggen op een "
                "voorstel ziet u als nieuwe sollicitant, gemarkeerd 'Voorgesteld door adviseur'."),
              "success")
    else:
        flash(_("Uw adviseur heeft deze vraag al. U hoeft niets meer te doen."), "info")
    return back


@shown.connect
def _ask_part(vacancy: Vacancy) -> Markup | None:
    """The vacancy page's part: the button, or that (and when) candidates were asked for."""
    if vacancy.status != VacancyStatus.published:
        return None
    # Rendered by Jinja with autoescaping: safe to place in the vacancy page as it is.
    return Markup(render_template(  # noqa: S704
        "talent/_employer_ask.html", vacancy=vacancy, form=ActionForm(),
        request=worklist.request_of(vacancy)))
