from __future__ import annotations

from sqlalchemy import select

from portal import db
from portal.audit.models import AuditEvent
from portal.questions.models import Question


def reload(question) -> Question:
    db.session.expire_all()
    return db.session.get(Question, question.id)


def audit(action: str) -> list[AuditEvent]:
    db.session.expire_all()
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def ask(client, subject="TWV aanvragen", body="Hoe vraag ik een TWV aan?", **extra):
    data = {"subject": subject, "body": body}
    data.update(extra)
    return client.post("/vragen/nieuw", data=data)


def last_question() -> Question:
    db.session.expire_all()
    return db.session.scalar(select(Question).order_by(Question.id.desc()))
