"""The resident answers a proposal on their private page (/profiel/<token>): one tap on "yes"
sends the application to the employer (source "proposal"); one tap on "no" tells the adviser,
and the employer hears nothing. A job that closed in the meantime gets a friendly answer."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from portal import db
from portal.activities.forms import ConfirmForm
from portal.activities.views_public import NO_STORE, not_found
from portal.apply.services import status_url
from portal.i18n import resident_page
from portal.phrases.local import localize
from portal.talent import proposals, queries
from portal.talent.models import Proposal

bp = Blueprint("talent_proposals", __name__)


def _load(token: str, proposal_id: int) -> Proposal | None:
    profile = queries.profile_by_token(token)
    if profile is None:
        return None
    return next((p for p in profile.proposals if p.id == proposal_id), None)


@bp.post("/profiel/<token>/voorstel/<int:proposal_id>/ja")
@resident_page
def accept(token: str, proposal_id: int):
    proposal = _load(token, proposal_id)
    if proposal is None:
        return not_found()
    back = redirect(url_for("talent_public.private", token=token) + f"#voorstel-{proposal.id}", 303)
    if not ConfirmForm().validate_on_submit():
        return back
    try:
        answer = proposals.accept(proposal)
        db.session.commit()
    except IntegrityError:
        # The same resident's application was made at this very moment (another tap, the
        # poster form): the database kept one; the private page shows where it stands.
        db.session.rollback()
        return back
    if answer.outcome == proposals.Outcome.not_open:
        return back
    title = localize(proposal.vacancy, str(get_locale())).title
    return render_template(
        "talent/proposal_answer.html", outcome=answer.outcome.value, token=token,
        title=title, vacancy=proposal.vacancy, application=answer.application,
        status_link=status_url(answer.token) if answer.token else None), 200, NO_STORE


@bp.post("/profiel/<token>/voorstel/<int:proposal_id>/nee")
@resident_page
def decline(token: str, proposal_id: int):
    proposal = _load(token, proposal_id)
    if proposal is None:
        return not_found()
    if ConfirmForm().validate_on_submit() and proposals.decline(proposal):
        db.session.commit()
        flash(_("Je hebt nee gezegd. De adviseur weet het nu. De werkgever hoort niets van jou."),
              "success")
    return redirect(url_for("talent_public.private", token=token) + f"#voorstel-{proposal.id}", 303)
