"""The recruiter workspace: members of the organisation work here; its advisers may look
(read-only, without notes). Anyone else gets a 404 for every URL."""
from __future__ import annotations

from functools import wraps
from urllib.parse import parse_qsl, urlsplit

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user
from werkzeug.datastructures import MultiDict

from portal import access, db
from portal.accounts.models import Role
from portal.actions import form_action
from portal.applicants import csv_export, queries, services, signals
from portal.applicants.forms import (
    LANGUAGE_LABELS,
    LEVEL_LABELS,
    RESIDENCE_LABELS,
    STAGE_LABELS,
    BulkForm,
    FilterForm,
    MoveForm,
    NoteForm,
)
from portal.applicants.models import OPEN_STAGES, Stage
from portal.applicants.services import StageError
from portal.audit.services import record
from portal.bounds import id_arg, page_arg
from portal.csv_export import response as csv_response
from portal.extensions import login_manager
from portal.form_errors import put_error
from portal.organisations.models import Organisation
from portal.organisations.suspension import personal_data_gate
from portal.security import no_store
from portal.signals import merged

bp = Blueprint("applicants", __name__)
bp.after_request(no_store)  # every page here shows personal data
bp.before_request(personal_data_gate)  # none of it for a suspended organisation

VIEWERS = (Role.member, Role.adviser, Role.admin)


def viewer_required(view):
    """Signed in as a member or adviser; other roles are told nothing exists here."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if current_user.role not in VIEWERS:
            abort(404)
        return view(*args, **kwargs)

    return wrapper


def _list_org() -> Organisation:
    """Members: their own organisation. Advisers pick one with ?organisatie=<id>."""
    if current_user.role == Role.member:
        return current_user.organisation
    org = db.session.get(Organisation, request.args.get("organisatie", type=id_arg) or 0)
    if org is None or not access.may_see_org(current_user, org):
        abort(404)
    return org


def _load(application_id: int):
    return access.found_or_404(queries.application_for(current_user, application_id))


def _load_for_member(application_id: int):
    app = _load(application_id)
    if not access.may_act_for_org(current_user, app.vacancy.organisation):
        abort(404)  # advisers look, they do not act
    return app


def _filter_form(org: Organisation, args=None) -> FilterForm:
    form = FilterForm(request.args if args is None else args)
    return form.set_choices(queries.vacancy_choices(org), queries.location_choices(),
                            queries.client_choices(org))


def _page_url(args: MultiDict):
    def page_url(**changes) -> str:
        kept = args.to_dict()
        kept.update({k: v for k, v in changes.items() if v is not None})
        for key in [k for k, v in changes.items() if v is None]:
            kept.pop(key, None)
        return url_for(".index", **kept)

    return page_url


def _bulk_form(**kw) -> BulkForm:
    return BulkForm(**kw).set_targets(services.PIPELINE[1:] + services.END_BY_RECRUITER)


def _index_page(org: Organisation, args: MultiDict, bulk: BulkForm, back: str, code: int = 200):
    """The list as `args` (the query string) asks for it; a bulk action that went wrong shows
    it again with its error, the rows still ticked and what was typed."""
    form = _filter_form(org, args)
    filters = form.filters()
    page = queries.list_page(org, filters, args.get("pagina", 1, type=page_arg))
    member = access.may_act_for_org(current_user, org)
    return render_template(
        "applicants/index.html", org=org, form=form, filters=filters, page=page, member=member,
        bulk=bulk, stage_labels=STAGE_LABELS, page_url=_page_url(args), Stage=Stage, back=back,
        picked=set(bulk.ids.data or []) if bulk.errors else set(),
        export_url=url_for(".export", **{k: v for k, v in args.items() if k != "pagina"}),
    ), code


@bp.get("/sollicitanten/")
@viewer_required
def index():
    return _index_page(_list_org(), request.args, _bulk_form(formdata=None), request.full_path)


@bp.get("/sollicitanten/export.csv")
@viewer_required
def export():
    if current_user.role != Role.member:
        abort(404)
    org = current_user.organisation
    filters = _filter_form(org).filters()
    text, count = csv_export.write(queries.for_export(org, filters), STAGE_LABELS,
                                   RESIDENCE_LABELS, LANGUAGE_LABELS, LEVEL_LABELS)
    record("applicants_exported", org, count=count)
    db.session.commit()
    return csv_response(text, "sollicitanten.csv")


@bp.post("/sollicitanten/acties")
@viewer_required
def bulk():
    if current_user.role != Role.member:
        abort(404)
    org = current_user.organisation
    form = _bulk_form()
    back = request.form.get("back") or url_for(".index")
    if not back.startswith("/sollicitanten/") or back.startswith("//"):
        back = url_for(".index")

    def again(field: str | None = None, message: str | None = None):
        if message:
            put_error(form, field, message)
        args = MultiDict(parse_qsl(urlsplit(back).query, keep_blank_values=True))
        return _index_page(org, args, form, back, code=422)

    if not form.validate_on_submit():
        return again()
    apps = queries.applications_of(org, form.ids.data)
    if not apps:
        abort(404)
    if form.action.data == "tour":
        return redirect(url_for("tours.new", application=[a.id for a in apps]))
    if not form.stage.data:
        return again("stage", _("Kies eerst een fase. Er is niets gewijzigd."))
    to = Stage(form.stage.data)
    try:
        services.check_reason(to, form.reason.data or None)  # first what to fix, then:
        if services.needs_confirmation(to) and not form.confirm.data:
            raise StageError(_confirm_text(to, len(apps)), "confirm")
        result = services.bulk_move(apps, to, actor=current_user,
                                    reason=form.reason.data or None, message=form.message.data)
    except StageError as exc:
        db.session.rollback()
        return again(exc.field, exc.message)
    db.session.commit()
    if result.moved:
        flash(ngettext("%(num)s sollicitatie verplaatst.", "%(num)s sollicitaties verplaatst.",
                       len(result.moved)), "success")
    for app, why in result.refused:
        flash(_("%(ref)s niet verplaatst: %(why)s", ref=app.reference, why=why), "warning")
    return redirect(back)


def _confirm_text(to: Stage, count: int = 1) -> str:
    return ngettext(
        "'%(stage)s' rondt de sollicitatie af: dat kan niet ongedaan worden gemaakt. Vink aan "
        "dat u het zeker weet en kies opnieuw.",
        "'%(stage)s' rondt %(num)s sollicitaties af: dat kan niet ongedaan worden gemaakt. "
        "Vink aan dat u het zeker weet en kies opnieuw.", count, stage=STAGE_LABELS[to])


def _detail(app, *, move_form=None, note_form=None, code=200):
    member = access.may_act_for_org(current_user, app.vacancy.organisation)
    targets = services.allowed_targets(app.stage)
    if move_form is None:
        move_form = MoveForm(formdata=None).set_targets(targets)
    record("applicant_viewed", app, application_id=app.id)
    db.session.commit()
    return render_template(
        "applicants/detail.html", application=app, vacancy=app.vacancy, member=member,
        events=queries.history(app), notes=queries.notes(app) if member else [],
        move_form=move_form, note_form=note_form or NoteForm(formdata=None),
        can_move=member and bool(targets), can_hire=member and app.stage in OPEN_STAGES,
        next_stage=services.next_step(app.stage),
        stage_labels=STAGE_LABELS, residence_labels=RESIDENCE_LABELS,
        language_labels=LANGUAGE_LABELS, level_labels=LEVEL_LABELS,
        reason_label=services.reason_label,
        whatsapp=queries.whatsapp_digits(app.phone),
        **merged(signals.detail_shown, app),  # tours adds its part
    ), code


@bp.get("/sollicitanten/<int:application_id>")
@viewer_required
def detail(application_id: int):
    return _detail(_load(application_id))


@bp.post("/sollicitanten/<int:application_id>/fase")
@viewer_required
def move(application_id: int):
    app = _load_for_member(application_id)
    form = MoveForm().set_targets(services.allowed_targets(app.stage))
    def move_it() -> None:
        to = Stage(form.stage.data)
        services.check_move(app, to, form.reason.data or None)  # first what to fix, then:
        if services.needs_confirmation(to) and not form.confirm.data:
            raise StageError(_confirm_text(to), "confirm")
        services.move(app, to, actor=current_user,
                      reason=form.reason.data or None, message=form.message.data)

    done = form_action(form, move_it,
                       lambda _moved: _("De fase is gewijzigd naar: %(stage)s.",
                                        stage=STAGE_LABELS[app.stage]),
                       url_for(".detail", application_id=app.id))
    return done or _detail(app, move_form=form, code=422)


@bp.post("/sollicitanten/<int:application_id>/notities")
@viewer_required
def add_note(application_id: int):
    app = _load_for_member(application_id)
    form = NoteForm()
    done = form_action(form, lambda: services.add_note(app, current_user, form.text.data),
                       _("De notitie is opgeslagen."),
                       url_for(".detail", application_id=app.id) + "#notities")
    return done or _detail(app, note_form=form, code=422)


from portal.applicants import views_translate  # noqa: E402,F401  (machine translation, on bp)
