"""Adviser pages for questions: the region's inbox, answering, taking over, FAQ drafts.
Another region's question or draft answers 404; admins see all."""
from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal import access, db
from portal.accounts.auth import adviser_required
from portal.actions import button_action, form_action
from portal.audit.services import record
from portal.bounds import id_arg
from portal.form_errors import put_error
from portal.questions import services
from portal.questions.forms import AnswerForm, ConfirmForm, FaqForm
from portal.questions.views import bp
from portal.questions.waiting import ANSWER_WORKING_DAYS, working_deadline


def _load(question_id: int):
    return access.found_or_404(services.get_for_adviser(current_user, question_id))


@bp.get("/adviseur/vragen")
@adviser_required
def inbox():
    mine = request.args.get("filter") == "mine"
    include_closed = request.args.get("filter") == "all"
    rows = services.inbox(current_user, mine=mine, include_closed=include_closed)
    return render_template("questions/inbox.html", rows=rows, mine=mine,
                           include_closed=include_closed, days=ANSWER_WORKING_DAYS)


def _thread(question, form=None, code=200):
    deadline = working_deadline(question.waiting_since) if question.waiting_since else None
    return render_template(
        "questions/adviser_thread.html", question=question, form=form or AnswerForm(),
        confirm_form=ConfirmForm(), deadline=deadline,
    ), code


@bp.get("/adviseur/vragen/<int:question_id>")
@adviser_required
def adviser_thread(question_id: int):
    question = _load(question_id)
    # Threads can hold personal data: reading one is a staff action worth a trace.
    record("question_viewed", question, actor=current_user)
    db.session.commit()
    return _thread(question)


@bp.post("/adviseur/vragen/<int:question_id>/antwoord")
@adviser_required
def answer(question_id: int):
    question = _load(question_id)
    form = AnswerForm()
    done = form_action(form, lambda: services.answer(question, current_user, form.body.data),
                       _("Uw antwoord is verstuurd. De vraagsteller krijgt een e-mail."),
                       url_for("questions.adviser_thread", question_id=question.id), field="body")
    return done or _thread(question, form, 422)


@bp.post("/adviseur/vragen/<int:question_id>/overnemen")
@adviser_required
def take_over(question_id: int):
    question = _load(question_id)
    return button_action(lambda: services.take_over(question, current_user),
                         _("U behandelt deze vraag nu."),
                         url_for("questions.adviser_thread", question_id=question.id))


@bp.post("/adviseur/vragen/<int:question_id>/sluiten")
@adviser_required
def adviser_close(question_id: int):
    question = _load(question_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    services.close(question, current_user)
    db.session.commit()
    flash(_("De vraag is gesloten."), "success")
    return redirect(url_for("questions.inbox"))


@bp.route("/adviseur/vragen/<int:question_id>/faq", methods=["GET", "POST"])
@adviser_required
def suggest_faq(question_id: int):
    question = _load(question_id)
    form = FaqForm()
    if request.method == "GET":
        # Prefill from the thread: the first question and the answer the adviser picked.
        asked = next((m for m in question.messages if not m.from_adviser), None)
        chosen = request.args.get("bericht", type=id_arg)
        answers = [m for m in question.messages if m.from_adviser]
        picked = next((m for m in answers if m.id == chosen), answers[-1] if answers else None)
        form.title.data = question.subject
        form.question_text.data = asked.body if asked else ""
        form.answer_text.data = picked.body if picked else ""
    elif form.validate_on_submit():
        try:
            draft = services.suggest_faq(question, current_user, form.title.data,
                                         form.question_text.data, form.answer_text.data)
        except services.QuestionError as exc:
            db.session.rollback()
            put_error(form, exc.field or "title", exc.message)
        else:
            db.session.commit()
            flash(_("Het concept staat klaar voor de redactie."), "success")
            return redirect(url_for("questions.faq_drafts", _anchor=f"concept-{draft.id}"))
    code = 422 if form.errors else 200
    return render_template("questions/faq_form.html", question=question, form=form), code


@bp.get("/adviseur/faq-concepten")
@adviser_required
def faq_drafts():
    return render_template("questions/faq_drafts.html", drafts=services.list_drafts(current_user),
                           filename=services.draft_filename)


@bp.get("/adviseur/faq-concepten/<int:draft_id>.md")
@adviser_required
def faq_download(draft_id: int):
    draft = access.found_or_404(services.get_draft(current_user, draft_id))
    return Response(
        services.faq_markdown(draft), mimetype="text/markdown",
        headers={"Content-Disposition": f'attachment; filename="{services.draft_filename(draft)}"'},
    )
