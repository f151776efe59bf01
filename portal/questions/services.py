"""Rules for questions between an organisation and its adviser. Functions flush, never commit."""
from __future__ import annotations

import json
import logging
import re
from pathlib import Path

from flask import current_app
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, case, select

from portal import access, db
from portal.accounts.models import User
from portal.accounts.signals import staff_changed
from portal.audit.services import record
from portal.clock import utcnow
from portal.domain import DomainError
from portal.notifications.services import queue_template
from portal.organisations import signals as org_signals
from portal.organisations.models import Organisation
from portal.organisations.queries import contact_adviser
from portal.questions.models import FaqDraft, Message, Question, QuestionState
from portal.questions.waiting import is_overdue
from portal.text import clean_line, clean_text
from portal.urls import absolute_url
from portal.vacancies.models import Vacancy

log = logging.getLogger(__name__)

MAX_SUBJECT = 200
MAX_BODY = 5000


class QuestionError(DomainError):
    """A broken rule; `field` names the form field the message belongs to."""



# --- scoping -------------------------------------------------------------------------------

def for_organisation(org_id: int) -> Select[tuple[Question]]:
    return select(Question).where(Question.organisation_id == org_id)


def visible_to_adviser(user: User) -> Select[tuple[Question]]:
    return (select(Question).join(Organisation, Question.organisation_id == Organisation.id)
            .where(access.region_scope(user, Organisation.region_id)))


def get_for_member(user: User, question_id: int) -> Question | None:
    if user.organisation_id is None:
        return None
    return db.session.scalar(for_organisation(user.organisation_id).where(Question.id == question_id))


def get_for_adviser(user: User, question_id: int) -> Question | None:
    return db.session.scalar(visible_to_adviser(user).where(Question.id == question_id))


def organisation_questions(org_id: int) -> list[Question]:
    return list(db.session.scalars(
        for_organisation(org_id).order_by(Question.last_activity_at.desc(), Question.id.desc())
    ))


def inbox(user: User, *, mine: bool = False, include_closed: bool = False) -> list[tuple[Question, bool]]:
    """Questions of the region: those waiting longest first, then the rest by last activity.
    Each row says whether it waited longer than two working days."""
    query = visible_to_adviser(user)
    if not include_closed:
        query = query.where(Question.state != QuestionState.closed)
    if mine:
        query = query.where(Question.adviser_id == user.id)
    query = query.order_by(
        case((Question.waiting_since.is_(None), 1), else_=0),
        Question.waiting_since, Question.last_activity_at.desc(), Question.id,
    )
    now = utcnow()
    return [(q, is_overdue(q.waiting_since, now)) for q in db.session.scalars(query)]


def organisation_vacancies(org_id: int) -> list[Vacancy]:
    return list(db.session.scalars(
        select(Vacancy).where(Vacancy.organisation_id == org_id).order_by(Vacancy.title)
    ))


# --- the thread ----------------------------------------------------------------------------

@staff_changed.connect
def _unassign_stale(user: User, **_kw: object) -> int:
    """Open questions assigned to someone who no longer advises their organisation's region
    go back to the region's advisers (unassigned questions reach all of them)."""
    stale = [q for q in db.session.scalars(
        select(Question).where(Question.adviser_id == user.id,
                               Question.state != QuestionState.closed))
             if not access.advises_region(user, q.organisation.region_id)]
    for question in stale:
        question.adviser_id = None
        record("question_unassigned", question, actor=None, adviser_id=user.id)
    db.session.flush()
    return len(stale)


@org_signals.region_moved.connect
def _follow_the_organisation(org: Organisation, old_region_id: int | None = None, **_kw: object) -> int:
    """An organisation moved to another region: its open questions assigned to an adviser of
    the old region go to the new region's advisers (unassigned questions reach all of them)."""
    moved = [q for q in db.session.scalars(
        select(Question).where(Question.organisation_id == org.id,
                               Question.adviser_id.is_not(None),
                               Question.state != QuestionState.closed))
             if not access.advises_region(q.adviser, org.region_id)]
    for question in moved:
        record("question_unassigned", question, actor=None, adviser_id=question.adviser_id)
        question.adviser_id = None
    db.session.flush()
    return len(moved)


def ask(org: Organisation, member: User, subject: str, body: str, *,
        vacancy_id: int | None = None, placement_id: int | None = None) -> Question:
    subject = clean_line(subject, MAX_SUBJECT)
    body = clean_text(body, MAX_BODY)
    if not subject:
        raise QuestionError(_l("Schrijf waar uw vraag over gaat."), field="subject")
    if not body:
        raise QuestionError(_l("Schrijf uw vraag."), field="body")
    if vacancy_id is not None:
        vacancy = db.session.get(Vacancy, vacancy_id)
        if vacancy is None or vacancy.organisation_id != org.id:
            raise QuestionError(_l("Kies een vacature van uw organisatie."), field="vacancy")
    now = utcnow()
    question = Question(
        organisation_id=org.id, asked_by_id=member.id, subject=subject, vacancy_id=vacancy_id,
        placement_id=placement_id, state=QuestionState.open, adviser=contact_adviser(org),
        created_at=now, waiting_since=now, last_activity_at=now,
    )
    question.messages.append(Message(author_id=member.id, body=body, created_at=now))
    db.session.add(question)
    db.session.flush()
    record("question_asked", question, actor=member, organisation_id=org.id,
           adviser_id=question.adviser_id)
    _notify_advisers(question, new=True)
    return question


def _notify_advisers(question: Question, *, new: bool) -> None:
    """The assigned adviser gets a link; an unassigned question goes to every adviser of the
    region so it is never left unseen."""
    if question.adviser is not None:
        targets = [question.adviser]
    else:
        targets = access.region_advisers(question.organisation.region_id)
    link = absolute_url("questions.adviser_thread", question_id=question.id)
    last = question.messages[-1].id if question.messages else 0
    with force_locale("nl"):  # staff mail
        if new:
            subject = _("Nieuwe vraag van %(org)s: %(subject)s", org=question.organisation.name,
                        subject=question.subject)
        else:
            subject = _("Nieuw bericht van %(org)s: %(subject)s", org=question.organisation.name,
                        subject=question.subject)
        for adviser in targets:
            queue_template(adviser.email, subject, "questions/mail_to_adviser.txt", link=link,
                           question=question, new=new,
                           dedupe_key=f"question-{question.id}-msg-{last}-to-{adviser.id}")


def reply_as_member(question: Question, member: User, body: str) -> Message:
    body = clean_text(body, MAX_BODY)
    if not body:
        raise QuestionError(_l("Schrijf uw bericht."), field="body")
    now = utcnow()
    message = Message(author_id=member.id, body=body, created_at=now)
    question.messages.append(message)
    question.state = QuestionState.open  # a reply on a closed thread opens it again
    if question.waiting_since is None:
        question.waiting_since = now
    question.last_activity_at = now
    db.session.flush()
    record("question_replied", question, actor=member)
    _notify_advisers(question, new=False)
    return message


def answer(question: Question, adviser: User, body: str) -> Message:
    body = clean_text(body, MAX_BODY)
    if not body:
        raise QuestionError(_l("Schrijf uw antwoord."), field="body")
    now = utcnow()
    message = Message(author_id=adviser.id, from_adviser=True, body=body, created_at=now)
    question.messages.append(message)
    if question.adviser_id is None:
        question.adviser_id = adviser.id
    question.state = QuestionState.answered
    question.first_answered_at = question.first_answered_at or now
    question.waiting_since = None
    question.last_activity_at = now
    db.session.flush()
    record("question_answered", question, actor=adviser, message_id=message.id)
    _notify_asker(question, message)
    return message


def _notify_asker(question: Question, message: Message) -> None:
    asker = question.asked_by
    if asker is None or not asker.active:
        return
    link = absolute_url("questions.thread", question_id=question.id)
    # Only the subject and a link: the answer is read behind sign-in.
    with force_locale("nl"):
        subject = _("Antwoord op uw vraag: %(subject)s", subject=question.subject)
        queue_template(asker.email, subject, "questions/mail_answered.txt", link=link,
                       question=question, dedupe_key=f"question-answer-{message.id}")


def take_over(question: Question, adviser: User) -> None:
    if not access.may_manage_org(adviser, question.organisation):
        raise QuestionError(_l("Alleen een adviseur kan een vraag overnemen."))
    if question.adviser_id == adviser.id:
        return
    previous = question.adviser_id
    question.adviser_id = adviser.id
    db.session.flush()
    record("question_taken_over", question, actor=adviser, from_adviser_id=previous,
           to_adviser_id=adviser.id)


def close(question: Question, user: User) -> None:
    if question.state == QuestionState.closed:
        return
    question.state = QuestionState.closed
    question.waiting_since = None
    question.last_activity_at = utcnow()
    db.session.flush()
    record("question_closed", question, actor=user)


# --- FAQ drafts ----------------------------------------------------------------------------

def drafts_dir() -> Path:
    configured = current_app.config.get("FAQ_DRAFTS_DIR")
    return Path(configured) if configured else Path(current_app.instance_path) / "faq-drafts"


def _slug(title: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return slug[:60].strip("-") or "vraag"


def faq_markdown(draft: FaqDraft) -> str:
    """Markdown with the same front matter as the guidance pages in content/, so an editor can
    review, fill in sources and move it there. JSON strings are valid YAML scalars."""
    title = json.dumps(" ".join(draft.title.split()), ensure_ascii=False)
    return (
        "---\n"
        f"title: {title}\n"
        "language: nl\n"
        "audience: employer\n"
        "last_reviewed:\n"
        "sources: []\n"
        "status: draft\n"
        "---\n"
        "## Vraag\n\n"
        f"{draft.question_text.strip()}\n\n"
        "## Antwoord\n\n"
        f"{draft.answer_text.strip()}\n"
    )


def draft_filename(draft: FaqDraft) -> str:
    return f"{draft.id}-{_slug(draft.title)}.md"


def suggest_faq(question: Question, adviser: User, title: str, question_text: str,
                answer_text: str) -> FaqDraft:
    title = clean_line(title, MAX_SUBJECT)
    question_text = clean_text(question_text, MAX_BODY)
    answer_text = clean_text(answer_text, MAX_BODY)
    if not title:
        raise QuestionError(_l("Geef de veelgestelde vraag een titel."), field="title")
    if not question_text:
        raise QuestionError(_l("Schrijf de vraag."), field="question_text")
    if not answer_text:
        raise QuestionError(_l("Schrijf het antwoord."), field="answer_text")
    draft = FaqDraft(question_id=question.id, region_id=question.organisation.region_id,
                     title=title, question_text=question_text, answer_text=answer_text,
                     created_by_id=adviser.id)
    db.session.add(draft)
    db.session.flush()
    record("faq_draft_suggested", draft, actor=adviser, question_id=question.id)
    _write_file(draft)
    return draft


def _write_file(draft: FaqDraft) -> None:
    # Best effort: on a read-only or per-instance disk the row still holds the draft.
    try:
        folder = drafts_dir()
        folder.mkdir(parents=True, exist_ok=True)
        (folder / draft_filename(draft)).write_text(faq_markdown(draft), encoding="utf-8")
    except OSError as exc:
        log.warning("FAQ draft %s not written to disk: %s", draft.id, type(exc).__name__)


def drafts_visible_to(user: User) -> Select[tuple[FaqDraft]]:
    return select(FaqDraft).where(access.region_scope(user, FaqDraft.region_id))


def list_drafts(user: User) -> list[FaqDraft]:
    return list(db.session.scalars(
        drafts_visible_to(user).order_by(FaqDraft.created_at.desc(), FaqDraft.id.desc())
    ))


def get_draft(user: User, draft_id: int) -> FaqDraft | None:
    return db.session.scalar(drafts_visible_to(user).where(FaqDraft.id == draft_id))
