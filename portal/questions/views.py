"""Questions for members: their organisation's threads only (another organisation's thread
answers 404). Adviser pages are in views_adviser.py on the same blueprint."""
from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal import access, db
from portal.accounts.auth import member_required
from portal.actions import form_action
from portal.questions import services
from portal.questions.forms import STATE_LABELS, AskForm, ConfirmForm, ReplyForm
from portal.security import no_store

bp = Blueprint("questions", __name__)
bp.after_request(no_store)  # every page here shows personal data


@bp.context_processor
def _labels():
    return {"question_state_labels": STATE_LABELS}


def _org_or_404():
    if current_user.organisation_id is None:
        abort(404)
    return current_user.organisation


def _load(question_id: int):
    return access.found_or_404(services.get_for_member(current_user, question_id))


@bp.get("/vragen/")
@member_required
def index():
    org = _org_or_404()
    return render_template("questions/index.html", org=org,
                           questions=services.organisation_questions(org.id))


@bp.route("/vragen/nieuw", methods=["GET", "POST"])
@member_required
def new():
    org = _org_or_404()
    form = AskForm()
    form.set_vacancies(services.organisation_vacancies(org.id))
    done = form_action(form, lambda: services.ask(org, current_user, form.subject.data,
                                                  form.body.data, vacancy_id=form.vacancy_id()),
                       _("Uw vraag is verstuurd. U krijgt een e-mail als er een antwoord is."),
                       lambda question: url_for("questions.thread", question_id=question.id),
                       field="body")
    return done or (render_template("questions/new.html", form=form, org=org),
                    422 if form.errors else 200)


def _thread(question, form=None, code=200):
    return render_template("questions/thread.html", question=question,
                           form=form or ReplyForm(), close_form=ConfirmForm()), code


@bp.get("/vragen/<int:question_id>")
@member_required
def thread(question_id: int):
    return _thread(_load(question_id))


@bp.post("/vragen/<int:question_id>")
@member_required
def reply(question_id: int):
    question = _load(question_id)
    form = ReplyForm()
    done = form_action(form, lambda: services.reply_as_member(question, current_user, form.body.data),
                       _("Uw bericht is verstuurd."),
                       url_for("questions.thread", question_id=question.id), field="body")
    return done or _thread(question, form, 422)


@bp.post("/vragen/<int:question_id>/sluiten")
@member_required
def close(question_id: int):
    question = _load(question_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    services.close(question, current_user)
    db.session.commit()
    flash(_("De vraag is gesloten. Stuur een bericht om hem weer te openen."), "success")
    return redirect(url_for("questions.thread", question_id=question.id))


from portal.questions import views_adviser  # noqa: E402,F401  (routes on the same bp)
