"""The agencies' weekly digest of inflow and outflow (a `portal tick` job) and its opt-out.
Counts only: no names or phone numbers go into mail."""
from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from flask import render_template
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import and_, func, or_, select

from portal import access, db
from portal.accounts.models import User
from portal.applicants.models import Application, ApplicationEvent, Stage
from portal.audit.services import record
from portal.clock import AMS
from portal.dashboard.models import OrgDigestSetting, VacancyView
from portal.dashboard.queries import grouped
from portal.dashboard.sqlfuncs import iso_week, week_start
from portal.notifications.services import queue
from portal.organisations.models import Organisation, OrgKind, OrgStatus
from portal.urls import absolute_url
from portal.vacancies.models import Vacancy

OUTFLOW_STAGES = (Stage.hired, Stage.rejected, Stage.withdrawn, Stage.no_show)


def digest_setting(org: Organisation) -> OrgDigestSetting:
    setting = db.session.get(OrgDigestSetting, org.id)
    if setting is None:
        setting = OrgDigestSetting(organisation_id=org.id, weekly_digest=True)
        db.session.add(setting)
    return setting


def wants_digest(org: Organisation) -> bool:
    setting = db.session.get(OrgDigestSetting, org.id)
    return setting is None or setting.weekly_digest


def set_weekly_digest(org: Organisation, on: bool, actor: User) -> None:
    digest_setting(org).weekly_digest = on
    db.session.flush()
    record("agency_digest_setting", org, actor=actor, weekly_digest=on)


def weekly_agency_digest(now: datetime) -> int:
    """In the first tick of an ISO week, mail each approved agency that did not opt out the
    figures of the week before. Once per organisation per week (marked on its setting row,
    and the outbox dedupes per member as well). Returns the number of mails queued."""
    this_monday = week_start(now.astimezone(AMS).date())
    week = iso_week(this_monday)
    since = datetime.combine(this_monday - timedelta(weeks=1), time(0), AMS).astimezone(UTC)
    until = datetime.combine(this_monday, time(0), AMS).astimezone(UTC)
    due = db.session.scalars(
        select(Organisation)
        .outerjoin(OrgDigestSetting, OrgDigestSetting.organisation_id == Organisation.id)
        .where(Organisation.kind == OrgKind.agency, Organisation.status == OrgStatus.approved,
               or_(OrgDigestSetting.organisation_id.is_(None),
                   and_(OrgDigestSetting.weekly_digest.is_(True),
                        or_(OrgDigestSetting.last_sent_week.is_(None),
                            OrgDigestSetting.last_sent_week != week))))
        .order_by(Organisation.id)
    ).all()
    queued = 0
    for org in due:
        digest_setting(org).last_sent_week = week
        figures = _week_figures(org.id, since, until, this_monday - timedelta(weeks=1))
        if not any(figures.values()):
            continue  # a quiet week: no mail
        with force_locale("nl"):
            subject = _("Weekoverzicht %(week)s: in- en uitstroom", week=iso_week(this_monday - timedelta(weeks=1)))
            body = render_template("dashboard/mail_digest.txt", org=org, f=figures,
                                   url=absolute_url("dashboard.organisation"))
        for user in access.organisation_members(org.id):
            if queue(user.email, subject, body, dedupe_key=f"agency-digest:{org.id}:{week}:{user.id}"):
                queued += 1
    db.session.flush()
    return queued


def _week_figures(org_id: int, since: datetime, until: datetime, monday: date) -> dict[str, int]:
    own = Vacancy.organisation_id == org_id
    applied = db.session.scalar(
        select(func.count()).select_from(Application).join(Vacancy, Application.vacancy_id == Vacancy.id)
        .where(own, Application.created_at >= since, Application.created_at < until))
    moved = grouped(
        select(ApplicationEvent.to_stage, func.count(func.distinct(ApplicationEvent.application_id)))
        .join(Application, ApplicationEvent.application_id == Application.id)
        .join(Vacancy, Application.vacancy_id == Vacancy.id)
        .where(own, ApplicationEvent.to_stage.in_(OUTFLOW_STAGES),
               ApplicationEvent.created_at >= since, ApplicationEvent.created_at < until)
        .group_by(ApplicationEvent.to_stage))
    views = db.session.scalar(
        select(func.coalesce(func.sum(VacancyView.count), 0))
        .join(Vacancy, VacancyView.vacancy_id == Vacancy.id)
        .where(own, VacancyView.day >= monday, VacancyView.day < monday + timedelta(weeks=1)))
    return {"views": int(views or 0), "applied": int(applied or 0),
            **{stage.value: int(moved.get(stage, 0)) for stage in OUTFLOW_STAGES}}
