"""Poster PDFs for members (their vacancies) and notice boards for COA coordinators
(their locations only; admins all). Out-of-scope objects answer 404."""
from __future__ import annotations

from flask import Blueprint, abort, flash, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_login import current_user, login_required

from portal import access, db
from portal.accounts.auth import coordinator_required, member_required
from portal.posters import pdf
from portal.posters import services as posters
from portal.vacancies import queries
from portal.vacancies import services as vacancy_services
from portal.vacancies.forms import ActionForm

bp = Blueprint("posters", __name__)


def pdf_response(data: bytes, filename: str, public: bool = False):
    response = make_response(data)
    response.mimetype = "application/pdf"
    response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    response.headers["Cache-Control"] = "public, max-age=300" if public else "private, no-store"
    return response


def _member_vacancy(vacancy_id: int):
    return access.found_or_404(queries.for_organisation(current_user.organisation, vacancy_id))


@bp.get("/vacatures/<int:vacancy_id>/poster/<location_code>.pdf")
@member_required
def vacancy_poster(vacancy_id: int, location_code: str):
    vacancy = _member_vacancy(vacancy_id)
    posting = access.found_or_404(queries.posting(vacancy, location_code))
    data = pdf.render_vacancy_poster(posters.vacancy_poster(vacancy, posting.location))
    return pdf_response(data, f"poster-{vacancy.code}-{posting.location.code}.pdf")


@bp.get("/vacatures/<int:vacancy_id>/posters.pdf")
@member_required
def vacancy_posters(vacancy_id: int):
    vacancy = _member_vacancy(vacancy_id)
    locations = sorted(vacancy.locations, key=lambda loc: loc.name)
    if not locations:
        abort(404)
    data = pdf.render_vacancy_posters([posters.vacancy_poster(vacancy, loc) for loc in locations])
    return pdf_response(data, f"posters-{vacancy.code}.pdf")


@bp.get("/api/v1/vacancies/<code>/poster.pdf")
def public_poster(code: str):
    """The poster of an open vacancy (as printed on walls, so public), for partner sites."""
    vacancy = queries.find_by_code(code)
    if vacancy is None or not queries.is_open_now(vacancy):
        abort(404)
    location = None
    if request.args.get("location"):
        posting = access.found_or_404(queries.posting(vacancy, request.args["location"]))
        location = posting.location
    data = pdf.render_vacancy_poster(posters.vacancy_poster(vacancy, location))
    return pdf_response(data, f"poster-{vacancy.code}.pdf", public=True)


@bp.get("/posters/melden.pdf")
@login_required
def report_poster():
    data = pdf.render_report_poster(posters.report_url(), posters.report_display_url())
    return pdf_response(data, "melden.pdf")


# --------------------------------------------------------------------------- notice boards


def _board_location(location_code: str):
    location = queries.location_by_code(location_code)
    if location is None or not access.may_see_location(current_user, location.id):
        abort(404)
    return location


@bp.get("/prikbord/")
@coordinator_required
def boards():
    rows = [(loc, len(queries.to_hang(loc)), len(queries.to_take_down(loc)))
            for loc in queries.board_locations(current_user)]
    return render_template("posters/boards.html", rows=rows)


@bp.get("/prikbord/<location_code>")
@coordinator_required
def board(location_code: str):
    location = _board_location(location_code)
    return render_template(
        "posters/board.html", location=location, to_hang=queries.to_hang(location),
        to_take_down=queries.to_take_down(location), hanging=queries.hanging(location),
        action_form=ActionForm(), board_url=posters.board_display_url(location),
    )


@bp.get("/prikbord/<location_code>/posters.pdf")
@coordinator_required
def board_posters(location_code: str):
    location = _board_location(location_code)
    which = queries.to_hang(location) if request.args.get("alleen") == "nieuw" else queries.hanging(location)
    if not which:
        flash(_("Er zijn geen posters om te printen."), "info")
        return redirect(url_for(".board", location_code=location.code))
    data = pdf.render_vacancy_posters([posters.vacancy_poster(p.vacancy, location) for p in which])
    return pdf_response(data, f"posters-{location.code}.pdf")


@bp.get("/prikbord/<location_code>/prikbord-poster.pdf")
@coordinator_required
def board_poster(location_code: str):
    location = _board_location(location_code)
    data = pdf.render_board_poster(location.name, posters.board_qr_url(location),
                                   posters.board_display_url(location), posters.report_display_url(),
                                   languages=posters.poster_languages(location)[2:])
    return pdf_response(data, f"prikbord-{location.code}.pdf")


def _board_posting(location, posting_id: int, among):
    return access.found_or_404(next((p for p in among if p.id == posting_id), None))


@bp.post("/prikbord/<location_code>/geprint")
@coordinator_required
def mark_all_printed(location_code: str):
    location = _board_location(location_code)
    if not ActionForm().validate_on_submit():
        abort(400)
    count = vacancy_services.mark_printed(queries.to_hang(location))
    db.session.commit()
    flash(ngettext("%(num)d poster gemarkeerd als geprint en opgehangen.",
                   "%(num)d posters gemarkeerd als geprint en opgehangen.", count), "success")
    return redirect(url_for(".board", location_code=location.code))


@bp.post("/prikbord/<location_code>/<int:posting_id>/geprint")
@coordinator_required
def mark_printed(location_code: str, posting_id: int):
    location = _board_location(location_code)
    if not ActionForm().validate_on_submit():
        abort(400)
    posting = _board_posting(location, posting_id, queries.to_hang(location))
    vacancy_services.mark_printed([posting])
    db.session.commit()
    flash(_("Gemarkeerd als geprint: %(title)s.", title=posting.vacancy.title), "success")
    return redirect(url_for(".board", location_code=location.code))


@bp.post("/prikbord/<location_code>/<int:posting_id>/weggehaald")
@coordinator_required
def mark_taken_down(location_code: str, posting_id: int):
    location = _board_location(location_code)
    if not ActionForm().validate_on_submit():
        abort(400)
    posting = _board_posting(location, posting_id, queries.to_take_down(location))
    vacancy_services.mark_taken_down(posting)
    db.session.commit()
    flash(_("Gemarkeerd als weggehaald: %(title)s.", title=posting.vacancy.title), "success")
    return redirect(url_for(".board", location_code=location.code))


from portal.posters import views_languages  # noqa: E402,F401  (the azc's languages, on bp)
