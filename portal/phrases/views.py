"""Pages of the phrasebook: an employer builds a vacancy from phrases; the employer or the
region's adviser gives title and summary per language; admins add phrases. Residents see the
result on the vacancy page (portal/apply) and the poster (portal/posters)."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal import access, db
from portal.accounts.auth import admin_required, adviser_required, roles_required
from portal.accounts.models import Role
from portal.actions import form_action
from portal.i18n import LANGUAGES
from portal.phrases import queries, services
from portal.phrases.catalogue import gettext as catalogue_text
from portal.phrases.forms import SECTION_LABELS, ActiveForm, NewPhraseForm, TextForm, picker_form
from portal.phrases.icons import svg_symbol
from portal.phrases.models import Phrase, Section
from portal.phrases.services import NewPhrase
from portal.translate.provider import enabled as machine_translation_on
from portal.vacancies import queries as vacancy_queries
from portal.vacancies.models import Vacancy, VacancyStatus
from portal.vacancies.services import EDITABLE

bp = Blueprint("phrases", __name__)
TRANSLATORS = ("en", "ar", "ti", "fa", "tr", "so")  # catalogue languages shown to admins


def _member_vacancy(vacancy_id: int) -> Vacancy:
    return access.found_or_404(
        vacancy_queries.for_organisation(current_user.organisation, vacancy_id))


def _editable_or_back(vacancy: Vacancy):
    if vacancy.status not in EDITABLE:
        flash(_("Deze vacature kan niet meer worden gewijzigd. Maak een kopie."), "warning")
        return redirect(url_for("vacancies.show", vacancy_id=vacancy.id))
    return None


# --------------------------------------------------------------------------- phrases of a vacancy


@bp.route("/vacatures/<int:vacancy_id>/zinnen", methods=["GET", "POST"])
@roles_required(Role.member)
def pick(vacancy_id: int):
    vacancy = _member_vacancy(vacancy_id)
    back = _editable_or_back(vacancy)
    if back:
        return back
    selected = {vp.phrase_id: vp for vp in services.selection(vacancy.id)}
    offered = queries.offered(set(selected))
    query = (request.args.get("zoek") or "").strip()[:60]
    shown = [p for p in offered if not query or p.id in selected or queries.matches(p, query)]
    form = picker_form(offered)
    done = form_action(form, lambda: services.set_selection(vacancy, form.chosen(), form.shown_ids()),
                       _("De zinnen zijn opgeslagen. Bewoners lezen ze in hun eigen taal."),
                       url_for("vacancies.show", vacancy_id=vacancy.id))
    if done:
        return done
    if not form.is_submitted():
        form.phrases.data = [pid for pid in selected if selected[pid].phrase.section != Section.role]
        form.role.data = next((str(pid) for pid, vp in selected.items()
                               if vp.phrase.section == Section.role), "")
        for pid, vp in selected.items():
            if f"n{pid}" in form:
                form[f"n{pid}"].data = vp.number
    form.shown.data = ",".join(str(p.id) for p in shown)
    sections = queries.by_section(shown)
    return render_template(
        "phrases/pick.html", vacancy=vacancy, form=form, query=query,
        sections=[(s, SECTION_LABELS[s], sections[s]) for s in Section if sections.get(s)],
        selected=set(selected), english=lambda p: catalogue_text(p.text, "en"),
        symbols=[svg_symbol(n) for n in sorted({p.icon for p in shown if p.icon})],
        found=len(shown)), 422 if form.errors else 200


# --------------------------------------------------------------------------- texts per language


def _text_vacancy(vacancy_id: int) -> Vacancy:
    """Its organisation's members, and the advisers of its region (employers ask them)."""
    vacancy = access.found_or_404(db.session.get(Vacancy, vacancy_id))
    org = vacancy.organisation
    if not (access.may_act_for_org(current_user, org) or access.may_manage_org(current_user, org)):
        abort(404)
    return vacancy


@bp.route("/vacatures/<int:vacancy_id>/talen", methods=["GET", "POST"])
@access.roles_or_404(Role.member, Role.adviser, Role.admin)
def texts(vacancy_id: int):
    vacancy = _text_vacancy(vacancy_id)
    choices = services.other_languages(vacancy)
    language = request.args.get("taal")
    if language not in choices:
        language = choices[0]
    rows = services.texts(vacancy.id)
    row = rows.get(language)
    form = TextForm()
    done = vacancy.status in EDITABLE and form_action(
        form, lambda: services.save_text(vacancy, language, form.title.data or "",
                                         form.summary.data or "", form.description.data or "",
                                         current_user),
        _("De tekst in het %(language)s is opgeslagen.", language=LANGUAGES[language][0]),
        url_for(".texts", vacancy_id=vacancy.id, taal=language))
    if done:
        return done
    if not form.is_submitted() and row is not None and row.shown:
        form.title.data, form.summary.data = row.title, row.summary
        form.description.data = row.description
    digest = services.source_hash(vacancy)
    tabs = [(c, LANGUAGES[c][0], url_for(".texts", vacancy_id=vacancy.id, taal=c),
             services.text_state(rows.get(c))) for c in choices]
    return render_template(
        "phrases/texts.html", vacancy=vacancy, form=form, language=language, row=row,
        tabs=tabs, state=services.text_state(row), digest=digest,
        editable=vacancy.status in EDITABLE, machine_on=machine_translation_on(),
        dir=LANGUAGES[language][1], language_name=LANGUAGES[language][0],
        back=url_for("vacancies.show", vacancy_id=vacancy.id)
        if access.is_member_of(current_user, vacancy.organisation_id)
        else url_for(".adviser_index")), 422 if form.errors else 200


@bp.get("/adviseur/vertalingen")
@adviser_required
def adviser_index():
    rows = queries.region_vacancies(current_user)
    return render_template("phrases/adviser_index.html", rows=rows,
                           counts=queries.text_counts([v.id for v in rows]),
                           languages=len(LANGUAGES) - 1, published=VacancyStatus.published)


# --------------------------------------------------------------------------- the phrasebook (admins)


@bp.route("/beheer/zinnen", methods=["GET", "POST"])
@admin_required
def admin():
    form = NewPhraseForm()
    done = form_action(form, lambda: services.add_phrase(NewPhrase(
                           section=Section(form.section.data), text=form.text.data,
                           icon=form.icon.data or None, number_min=form.number_min.data,
                           number_max=form.number_max.data), current_user),
                       _("De zin is toegevoegd. Hij staat in het Nederlands op de pagina's tot de "
                         "vertalers hem in het zinnenboek zetten."),
                       lambda phrase: url_for(".admin", _anchor=f"phrase-{phrase.id}"))
    if done:
        return done
    phrases = queries.all_phrases()
    missing = {p.id: [c for c in TRANSLATORS if not catalogue_text(p.text, c)] for p in phrases}
    return render_template("phrases/admin.html", form=form, phrases=phrases, missing=missing,
                           sections=SECTION_LABELS, active_form=ActiveForm(),
                           untranslated=sum(1 for p in phrases if missing[p.id])), \
        422 if form.errors else 200


@bp.post("/beheer/zinnen/actief")
@admin_required
def admin_active():
    form = ActiveForm()
    if not form.validate_on_submit():
        abort(400)
    phrase = access.found_or_404(db.session.get(Phrase, form.phrase_id.data))
    services.set_active(phrase, form.active.data == "1")
    db.session.commit()
    flash(_("Opgeslagen."), "success")
    return redirect(url_for(".admin", _anchor=f"phrase-{phrase.id}"))
