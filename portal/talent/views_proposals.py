"""The resident answers a proposal on their private page (/profiel/<token>): one tap on "yes"
sends the application to the employer (source "proposal"); one tap on "no" tells the adviser,
and the employer hears nothing. A job that closed in the meantime gets a friendly answer."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from portal import db
from portal.activities.forms import ConfirmForm
from portal.apply.services import status_url
from portal.phrases.local import localize
from portal.private_links import not_found, private_link, private_page
from portal.talent import proposals, queries
from portal.talent.models import Profile, Proposal

bp = Blueprint("talent_proposals", __name__)


by_token = private_link(queries.profile_by_token, "token")


def _of(profile: Profile, proposal_id: int) -> Proposal | None:
    """The proposal, only when it is this profile's own: another's id is "not found" too."""
    return next((p for p in profile.proposals if p.id == proposal_id), None)


@bp.post("/profiel/<token>/voorstel/<int:proposal_id>/ja")
@by_token
def accept(profile: Profile, token: str, proposal_id: int):
    proposal = _of(profile, proposal_id)
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
    return private_page(
        "talent/proposal_answer.html", outcome=answer.outcome.value, token=token,
        title=title, vacancy=proposal.vacancy, application=answer.application,
        status_link=status_url(answer.token) if answer.token else None)


@bp.post("/profiel/<token>/voorstel/<int:proposal_id>/nee")
@by_token
def decline(profile: Profile, token: str, proposal_id: int):
    proposal = _of(profile, proposal_id)
    if proposal is None:
        return not_found()
    if ConfirmForm().validate_on_submit() and proposals.decline(proposal):
        db.session.commit()
        flash(_("Je hebt nee gezegd. De adviseur weet het nu. De werkgever hoort niets van jou."),
              "success")
    return redirect(url_for("talent_public.private", token=token) + f"#voorstel-{proposal.id}", 303)
