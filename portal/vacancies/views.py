"""Vacancies for members of an organisation. Another organisation's vacancy is a 404."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _

from portal import access, db
from portal.accounts.auth import member_required
from portal.actions import form_action
from portal.clock import today
from portal.form_errors import put_error
from portal.organisations.models import OrgKind
from portal.vacancies import queries, services, signals, wages
from portal.vacancies.forms import ActionForm, CloseForm, ExtendForm, VacancyForm
from portal.vacancies.models import Vacancy, VacancyStatus
from portal.vacancies.services import VacancyError

bp = Blueprint("vacancies", __name__)


def _load(vacancy_id: int) -> Vacancy:
    return access.found_or_404(queries.for_organisation(access.own_organisation(), vacancy_id))


def _vacancy_form(**kw) -> VacancyForm:
    org = access.own_organisation()
    return VacancyForm(**kw).for_organisation(org.kind == OrgKind.agency,
                                              queries.location_choices(org))


def _flash_warnings(vacancy) -> None:
    for text in services.warnings(vacancy):
        flash(text, "warning")


@bp.get("/vacatures/")
@member_required
def index():
    return render_template("vacancies/index.html", rows=queries.list_for_organisation(access.own_organisation()),
                           org=access.own_organisation())


@bp.route("/vacatures/nieuw", methods=["GET", "POST"])
@member_required
def new():
    form = _vacancy_form()
    if form.validate_on_submit():
        try:
            vacancy = services.create_vacancy(access.own_organisation(), form.data_for_service(),
                                              form.wage_confirmed.data)
        except VacancyError as exc:
            put_error(form, exc.field, exc.message)
        else:
            db.session.commit()
            flash(_("De vacature is opgeslagen als concept."), "success")
            _flash_warnings(vacancy)
            return redirect(url_for(".show", vacancy_id=vacancy.id))
    return render_template("vacancies/form.html", form=form, vacancy=None, org=access.own_organisation(),
                           latest_closing=services.latest_closing_date(),
                           minimum_wage=wages.rows_around(today()))


@bp.get("/vacatures/<int:vacancy_id>")
@member_required
def show(vacancy_id: int):
    vacancy = _load(vacancy_id)
    return render_template("vacancies/show.html", vacancy=vacancy, org=access.own_organisation(),
                           action_form=ActionForm(), warnings=services.warnings(vacancy),
                           editable=vacancy.status in services.EDITABLE,
                           closable=vacancy.status not in services.FINAL,
                           parts=[html for _receiver, html in signals.shown.send(vacancy) if html])


@bp.route("/vacatures/<int:vacancy_id>/bewerken", methods=["GET", "POST"])
@member_required
def edit(vacancy_id: int):
    vacancy = _load(vacancy_id)
    if vacancy.status not in services.EDITABLE:
        flash(_("Deze vacature kan niet meer worden gewijzigd. Maak een kopie."), "warning")
        return redirect(url_for(".show", vacancy_id=vacancy.id))
    form = _vacancy_form()
    if form.validate_on_submit():
        try:
            services.update_vacancy(vacancy, form.data_for_service(), form.wage_confirmed.data)
        except VacancyError as exc:
            put_error(form, exc.field, exc.message)
        else:
            db.session.commit()
            flash(_("De wijzigingen zijn opgeslagen."), "success")
            _flash_warnings(vacancy)
            return redirect(url_for(".show", vacancy_id=vacancy.id))
    elif not form.is_submitted():
        form.fill_from(vacancy)
    return render_template("vacancies/form.html", form=form, vacancy=vacancy, org=access.own_organisation(),
                           latest_closing=services.latest_closing_date(),
                           minimum_wage=wages.rows_around(today()))


@bp.post("/vacatures/<int:vacancy_id>/kopieren")
@member_required
def duplicate(vacancy_id: int):
    vacancy = _load(vacancy_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    copy = services.duplicate_vacancy(vacancy)
    db.session.commit()
    flash(_("Kopie gemaakt als concept met een nieuwe code. Controleer de datums."), "success")
    return redirect(url_for(".edit", vacancy_id=copy.id))


@bp.post("/vacatures/<int:vacancy_id>/publiceren")
@member_required
def publish(vacancy_id: int):
    vacancy = _load(vacancy_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        services.publish_vacancy(vacancy)
    except VacancyError as exc:
        db.session.rollback()
        if exc.field:  # show the edit form with the message at the field to fix
            form = _vacancy_form(formdata=None)
            form.fill_from(vacancy)
            put_error(form, exc.field, exc.message)
            return render_template("vacancies/form.html", form=form, vacancy=vacancy, org=access.own_organisation(),
                                   latest_closing=services.latest_closing_date(),
                           minimum_wage=wages.rows_around(today()))
        flash(exc.message, "error")
    else:
        db.session.commit()
        flash(_("De vacature is gepubliceerd. Download de posters voor de azc-locaties."), "success")
    return redirect(url_for(".show", vacancy_id=vacancy.id))


@bp.route("/vacatures/<int:vacancy_id>/sluiten", methods=["GET", "POST"])
@member_required
def close(vacancy_id: int):
    vacancy = _load(vacancy_id)
    form = CloseForm()
    done = form_action(form, lambda: services.close_vacancy(vacancy, form.outcome.data,
                                                            form.reason.data or ""),
                       _("De vacature is gesloten. De posters worden weggehaald."),
                       url_for(".show", vacancy_id=vacancy.id))
    return done or render_template("vacancies/close.html", form=form, vacancy=vacancy)


@bp.route("/vacatures/<int:vacancy_id>/verlengen", methods=["GET", "POST"])
@member_required
def extend(vacancy_id: int):
    vacancy = _load(vacancy_id)
    if vacancy.status != VacancyStatus.published:
        flash(_("Alleen een gepubliceerde vacature kan worden verlengd."), "warning")
        return redirect(url_for(".show", vacancy_id=vacancy.id))
    form = ExtendForm()
    done = form_action(form, lambda: services.extend_closing_date(vacancy, form.closing_date.data,
                                                                  form.reason.data),
                       _("De sluitingsdatum is verlengd. Print nieuwe posters: de datum staat erop."),
                       url_for(".show", vacancy_id=vacancy.id))
    return done or render_template("vacancies/extend.html", form=form, vacancy=vacancy,
                           latest_closing=services.latest_closing_date())


from portal.vacancies import views_feed  # noqa: E402,F401  (registers the JSON feed on bp)
