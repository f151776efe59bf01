"""The advisers' matching pages (coordinators of an azc look, read-only): search the profiles,
one profile with its proposals, the matching list of the region's open vacancies, suggested
profiles for a vacancy with the reasons of their score, and the propose button.

Every page that shows profiles writes an audit event naming which ones (ids only). Nothing
here exports: no CSV, no print view; a page shows at most matching.PAGE_SIZE profiles."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import IntegrityError

from portal import access, db
from portal.accounts.auth import roles_required
from portal.accounts.models import Role
from portal.activities import reach
from portal.audit.services import record
from portal.security import no_store
from portal.talent import matching, proposals, suggestions, worklist
from portal.talent.forms_staff import ActionForm, ProfileProposeForm, ProposeForm, SearchForm
from portal.talent.models import Profile, Proposal
from portal.talent.staff_labels import AVAILABILITY, PROPOSAL_STATES, RESIDENCE, spoken
from portal.vacancies.models import Vacancy
from portal.vacancies.queries import is_open_now

# Profiles under /talent/ (the region's advisers and the azc's coordinators); matching for a
# vacancy under /adviseur/ (advisers only).
bp = Blueprint("talent_staff", __name__)
bp.after_request(no_store)  # every page here shows residents' data
looking = roles_required(Role.adviser, Role.coordinator, Role.admin)
matching_staff = roles_required(Role.adviser, Role.admin)


@bp.context_processor
def _labels():
    return {"availability_labels": AVAILABILITY, "residence_labels": RESIDENCE,
            "state_labels": PROPOSAL_STATES, "spoken": spoken}


def _profile(profile_id: int) -> Profile:
    return access.found_or_404(matching.profile_for(current_user, profile_id))


def _vacancy(vacancy_id: int) -> Vacancy:
    return access.found_or_404(worklist.vacancy_for(current_user, vacancy_id))


@bp.get("/talent/profielen/")
@looking
def search():
    form = SearchForm(request.args).with_choices(matching.location_choices(current_user),
                                                 matching.kind_labels())
    form.validate()
    filters = form.filters()
    found = matching.search(current_user, filters, page=form.page)
    if found.shown_ids:
        record("talent.profiles_listed", None, profile_ids=found.shown_ids, page=found.page)
        db.session.commit()
    args = {k: v for k, v in request.args.items() if k != "pagina"}
    return render_template("talent/search.html", form=form, found=found, args=args,
                           kinds=matching.kind_labels(), filtered=filters.any,
                           may_propose=current_user.role in (Role.adviser, Role.admin))


@bp.get("/talent/profielen/<int:profile_id>")
@looking
def profile(profile_id: int):
    found = _profile(profile_id)
    may_propose = access.may_propose(current_user, found.location.region_id)
    form = None
    if may_propose:
        form = ProfileProposeForm()
        form.vacancy.choices = [(v.id, f"{v.title} – {v.organisation.name}")
                                for v in worklist.open_vacancies(current_user)]
    record("talent.profile_viewed", found)
    db.session.commit()
    return render_template("talent/profile.html", profile=found, form=form,
                           may_propose=may_propose, kinds=matching.kind_labels())


@bp.post("/talent/profielen/<int:profile_id>/voorstellen")
@matching_staff
def propose_profile(profile_id: int):
    found = _profile(profile_id)
    if not access.may_propose(current_user, found.location.region_id):
        abort(404)
    form = ProfileProposeForm()
    vacancies = {v.id: v for v in worklist.open_vacancies(current_user)}
    form.vacancy.choices = [(i, v.title) for i, v in vacancies.items()]
    if not form.validate_on_submit():
        flash(_("Kies een open vacature."), "error")
        return redirect(url_for(".profile", profile_id=found.id))
    _propose(found, vacancies[form.vacancy.data])
    return redirect(url_for(".profile", profile_id=found.id))


@bp.get("/adviseur/talent/vacatures")
@matching_staff
def vacancies():
    return render_template("talent/vacancies.html", lines=worklist.lines(current_user))


@bp.get("/adviseur/talent/vacatures/<int:vacancy_id>")
@matching_staff
def vacancy(vacancy_id: int):
    found = _vacancy(vacancy_id)
    suggested = suggestions.suggest(current_user, found)
    shown = [s.profile.id for s in suggested.rows]
    if shown:
        record("talent.profiles_suggested", found, profile_ids=shown)
        db.session.commit()
    return render_template("talent/vacancy.html", vacancy=found, suggested=suggested,
                           request_open=worklist.open_request(found) is not None,
                           is_open=is_open_now(found), form=ActionForm(),
                           points=suggestions.POINTS)


@bp.post("/adviseur/talent/vacatures/<int:vacancy_id>/voorstellen")
@matching_staff
def propose(vacancy_id: int):
    found = _vacancy(vacancy_id)
    form = ProposeForm()
    if not form.validate_on_submit():
        abort(400)
    chosen = _profile(form.profile.data)
    _propose(chosen, found)
    if form.back.data == "profiel":
        return redirect(url_for(".profile", profile_id=chosen.id))
    return redirect(url_for(".vacancy", vacancy_id=found.id) + f"#profiel-{chosen.id}")


def _propose(profile: Profile, vacancy: Vacancy) -> Proposal | None:
    """Propose and commit; tell the adviser what happened. When another adviser proposed the
    same resident for the same vacancy a moment earlier, the database refuses the second."""
    try:
        made = proposals.propose(profile, vacancy, current_user)
        db.session.commit()
    except proposals.AlreadyProposed as exc:
        db.session.rollback()
        _already(exc.proposal)
        return None
    except proposals.ProposalError as exc:
        db.session.rollback()
        flash(str(exc.message), "error")
        return None
    except IntegrityError:
        db.session.rollback()  # proposed by someone else at the same moment
        _already(proposals.existing(profile.id, vacancy.id))
        return None
    if not reach.reachable(profile):
        # No mail address and no text messages: nothing went out, so say so instead of
        # promising a message (the proposal waits on the resident's own page).
        flash(_("Voorgesteld, maar de bewoner krijgt geen bericht: er is geen e-mailadres en sms "
                "staat uit. Bel de bewoner: het voorstel staat op de eigen link van het profiel. "
                "U hoort het als de bewoner nee zegt of niet binnen 7 dagen antwoordt."), "warning")
        return made
    flash(_("Voorgesteld. De bewoner krijgt een bericht in de eigen taal en kan ja of nee zeggen. "
            "U hoort het als de bewoner nee zegt of niet binnen 7 dagen antwoordt."), "success")
    return made


def _already(proposal: Proposal | None) -> None:
    if proposal is None:
        flash(_("Dit voorstel kon niet worden gemaakt. Probeer het opnieuw."), "error")
        return
    who = proposal.adviser.email if proposal.adviser is not None else _("een adviseur")
    flash(_("Deze bewoner is al voorgesteld voor deze vacature (door %(who)s, %(state)s).",
            who=who, state=str(PROPOSAL_STATES[proposal.state]).lower()), "warning")


@bp.post("/adviseur/talent/vacatures/<int:vacancy_id>/afgehandeld")
@matching_staff
def handled(vacancy_id: int):
    found = _vacancy(vacancy_id)
    if ActionForm().validate_on_submit() and worklist.mark_handled(found):
        db.session.commit()
        flash(_("De vraag van de werkgever is afgehandeld."), "success")
    return redirect(url_for(".vacancies"))
