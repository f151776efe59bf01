"""The resident's journey: QR landing page, notice board, apply form. Resident pages work
without JavaScript and stay small; status pages are in views_status.py."""
from __future__ import annotations

from flask import Blueprint, current_app, render_template, request, session
from flask_babel import get_locale
from flask_babel import gettext as _
from sqlalchemy.exc import IntegrityError

from portal import db
from portal.applicants.models import ResidenceStatus
from portal.apply import landing_cache, landing_fastpath, limits, queries, services, signals, tokens
from portal.apply.forms import LANGUAGE_CODES, NOT_IN_AZC, ApplyForm, EligibilityForm, options
from portal.apply.wording import vacancy_facts
from portal.extensions import limiter
from portal.i18n import LANGUAGES, resident_page, switching_language
from portal.phrases.local import list_entries, localize
from portal.private_links import not_found, private_page
from portal.regions.models import Location
from portal.signals import total

bp = Blueprint("apply", __name__)
bp.record_once(lambda state: landing_fastpath.install(state.app))  # repeated scans skip Flask

MAX_OTHERS = 10  # suggestions on the closed page; the board link shows the rest
BROWSER_KEY = "apply_browser"


def closed_page(vacancy, location):
    """A known vacancy that is no longer open: never a 404 (the poster may still hang),
    point to what is open at the resident's azc instead."""
    if queries.not_yet_published(vacancy):
        # A draft is the employer's own unfinished text: not even its title is public.
        return render_template("apply/not_yet_open.html"), 404
    location = location or next(iter(vacancy.locations), None)
    others = [v for v in queries.open_vacancies_at(location) if v.id != vacancy.id][:MAX_OTHERS]
    return render_template("apply/closed.html", vacancy=vacancy, location=location, others=others,
                           entries=list_entries([vacancy, *others], str(get_locale())))


def _count_view(vacancy_id: int, location_id: int | None) -> None:
    """The dashboard counts page views (it listens to this signal); commit what it wrote."""
    if total(signals.vacancy_viewed, vacancy_id, language=str(get_locale()),
             location_id=location_id):
        db.session.commit()


def _load(code: str, location_code: str | None):
    vacancy = queries.find_vacancy(code)
    location = queries.find_location(location_code) if vacancy and location_code else None
    return vacancy, location


# Uppercase twins: posters encode upper-case URLs so the QR code can use alphanumeric mode.
# The lower-case rules come last so url_for builds them.
@bp.get("/V/<code>/<location_code>")
@bp.get("/V/<code>")
@bp.get("/v/<code>/<location_code>")
@bp.get("/v/<code>")
@resident_page
@limiter.exempt  # reading a poster is never limited; applying is
def vacancy(code: str, location_code: str | None = None):
    if len(code) > queries.MAX_CODE or (location_code and len(location_code) > queries.MAX_CODE):
        return not_found()
    found = landing_cache.probe(code, location_code)
    counted = request.method != "HEAD"  # link checkers and previews are not readers
    # A page with a flashed message is personal: only pages without one come from the cache
    # (and without a session cookie there can be no message, so the session is not opened).
    no_flash = current_app.config["SESSION_COOKIE_NAME"] not in request.cookies or not session.get("_flashes")
    if found is not None and found.is_open and no_flash:
        key = (request.full_path, str(get_locale()))
        html = landing_cache.get(key, found.version)
        if counted:
            _count_view(found.vacancy_id, found.location_id)
        if html is None:
            vacancy, location = _load(code, location_code)
            html = _vacancy_page(vacancy, location)
            landing_cache.put(key, found.version, html)
        landing_fastpath.mark_shareable(request.environ, found, str(get_locale()))
        return html
    vacancy, location = _load(code, location_code)
    if vacancy is None:
        return not_found()
    if counted:
        _count_view(vacancy.id, location.id if location else None)
    if not queries.is_open(vacancy):
        return closed_page(vacancy, location)
    return _vacancy_page(vacancy, location)


def _vacancy_page(vacancy, location) -> str:
    # The page ends with the two eligibility questions, a GET form: no token, so it caches.
    return render_template("apply/vacancy.html", vacancy=vacancy, location=location,
                           facts=vacancy_facts(vacancy), eligibility=EligibilityForm(formdata=None),
                           local=localize(vacancy, str(get_locale())))


@bp.route("/v/<code>/<location_code>/solliciteren", methods=["GET", "POST"])
@bp.route("/v/<code>/solliciteren", methods=["GET", "POST"])
@resident_page
# Residents of one azc share an address: per phone and per vacancy first (portal/apply/limits.py).
@limiter.limit(limits.IP_LIMIT, methods=["POST"])
@limiter.limit(limits.PHONE_LIMIT, key_func=limits.phone_key, methods=["POST"],
               exempt_when=limits.no_valid_phone, deduct_when=limits.answered)
@limiter.limit(limits.VACANCY_LIMIT, key_func=limits.vacancy_key, methods=["POST"],
               deduct_when=limits.answered)
def apply(code: str, location_code: str | None = None):
    vacancy, location = _load(code, location_code)
    if vacancy is None:
        return not_found()
    if not queries.is_open(vacancy):
        return closed_page(vacancy, location)

    form = ApplyForm()
    form.azc_location.choices = options(
        [(0, _("Kies je azc"))] + queries.location_choices()
        + [(NOT_IN_AZC, _("Ik woon niet in een azc"))]
    )
    if request.method == "GET":
        if "residence_status" in request.args:  # answered on the vacancy page
            answered = _eligibility_answers(vacancy, location, form)
            if answered is not None:
                return answered
        form.submission_key.data = tokens.new_submission_key()
        _browser_id()  # set now, so a double click carries it on both requests
        form.azc_location.data = location.id if location else 0
        if str(get_locale()) in LANGUAGE_CODES:
            form.lang1.data = str(get_locale())
    elif switching_language():
        pass  # a language button: the same form again in that language (?lang= in the button's
        # formaction) with everything typed so far; nothing is checked or stored
    elif form.validate():
        if form.website.data:
            # A bot filled the honeypot: look like success, store nothing.
            return _success(vacancy, location, tokens.new_reference(), tokens.new_status_token())
        try:
            result = _submit(vacancy, form, location)
        except services.NotEligible as exc:
            return _not_eligible(vacancy, location, form, exc.reason)
        except services.AlreadyApplied as exc:
            return render_template("apply/already.html", vacancy=vacancy,
                                   application=exc.application, location=location)
        return _success(vacancy, location, result.application.reference, result.token,
                        email=result.application.email)
    status = 422 if form.errors else 200
    # no-store: the form holds the submission key (and, after an error, the answers)
    return private_page("apply/form.html", status, vacancy=vacancy, location=location, form=form)


def _browser_id() -> str:
    """A random id for this browser, in its signed session: only the browser that sent a
    form can see that form's status link again."""
    if not isinstance(session.get(BROWSER_KEY), str):
        session[BROWSER_KEY] = tokens.new_submission_key()
    return session[BROWSER_KEY]


def _data(form: ApplyForm) -> services.ApplicationData:
    azc = form.azc_location.data
    return services.ApplicationData(
        name=form.name.data, name_latin=form.name_latin.data or None, phone=form.phone.e164,
        email=form.email.data or None,
        residence_status=ResidenceStatus(form.residence_status.data),
        procedure=form.procedure.data or None,
        azc_location_id=azc if azc and azc > 0 else None,
        languages=form.languages(), experience=form.experience.data or None,
        availability=form.availability.data or None, keep_one_year=bool(form.keep_one_year.data),
        submission_key=form.submission_key.data or None,
    )


def _submit(vacancy, form, location) -> services.Submitted:
    data = _data(form)
    ui_language, browser = str(get_locale()), _browser_id()
    try:
        result = services.submit(vacancy, data, poster_location=location, ui_language=ui_language,
                                 browser=browser)
        db.session.commit()
    except IntegrityError:
        # The same form (or the same phone from another tab) arrived twice at once and the
        # database refused the second row: the other request stored it; answer as for a resend.
        db.session.rollback()
        result = services.submit(vacancy, data, poster_location=location, ui_language=ui_language,
                                 browser=browser)
        db.session.commit()
    return result


def _eligibility_answers(vacancy, location, form: ApplyForm):
    """The answers to the first two questions, carried from the vacancy page. A page to show
    instead of the form (the question again with its error, or "not for you"), or None: then
    the form carries the answers and does not ask again."""
    step = EligibilityForm(request.args)
    if not step.validate():
        return render_template("apply/eligibility.html", vacancy=vacancy, location=location,
                               eligibility=step), 422
    status = ResidenceStatus(step.residence_status.data)
    procedure = step.procedure.data if status == ResidenceStatus.asylum_seeker else None
    form.residence_status.data, form.procedure.data = status.value, procedure
    try:
        services.check_eligible(vacancy, status, procedure)
    except services.NotEligible as exc:
        return _not_eligible(vacancy, location, form, exc.reason)
    return None


def _not_eligible(vacancy, location, form, reason: str):
    near, others = _others(vacancy, location, form, _status(form))
    return render_template("apply/not_eligible.html", vacancy=vacancy, reason=reason,
                           location=near, others=others,
                           entries=list_entries(others, str(get_locale())))


def _status(form: ApplyForm) -> ResidenceStatus | None:
    try:
        return ResidenceStatus(form.residence_status.data)
    except ValueError:
        return None


def _others(vacancy, location, form, status: ResidenceStatus | None):
    """Other open jobs near the resident that they may take: none while their procedure is
    too short to work at all, only jobs open to their residence status otherwise."""
    if location is None and form.azc_location.data and form.azc_location.data > 0:
        location = db.session.get(Location, form.azc_location.data)
    location = location or next(iter(vacancy.locations), None)
    others = [v for v in queries.open_vacancies_at(location) if v.id != vacancy.id]
    if status is not None:
        others = [v for v in others if services.may_take(v, status, form.procedure.data)]
    return location, others[:MAX_OTHERS]


def _success(vacancy, location, reference: str, token: str, email: str | None = None):
    return private_page("apply/success.html", vacancy=vacancy, location=location,
                        reference=reference, status_url=services.status_url(token), email=email)


@bp.get("/L/<location_code>")
@bp.get("/l/<location_code>")
@resident_page
def board(location_code: str):
    location = queries.find_location(location_code)
    if location is None:
        return not_found()
    parts = [html for _receiver, html in signals.board_shown.send(location) if html]
    vacancies = queries.open_vacancies_at(location)
    # The azc's main languages first (set by its coordinator): one tap to read the board.
    main = [(code, LANGUAGES[code][0]) for code in location.main_languages if code in LANGUAGES]
    return render_template("apply/board.html", location=location, vacancies=vacancies,
                           parts=parts, entries=list_entries(vacancies, str(get_locale())),
                           main_languages=main)


@bp.get("/l/")
@resident_page
def boards():
    return render_template("apply/boards.html", boards=queries.boards())


@bp.errorhandler(429)
def too_many(_exc):
    return render_template("apply/too_many.html"), 429


from portal.apply import views_desk, views_status  # noqa: E402,F401  (routes on bp)
