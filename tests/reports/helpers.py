from __future__ import annotations

from sqlalchemy import select

from portal import db
from portal.reports import services
from portal.reports.models import Report, ReporterType


def post_report(client, url="/report", **data):
    form = {"signals": ["cash_pay"], "employer_name": "Bouwbedrijf Zwart",
            "reporter_type": "resident"}
    form.update(data)
    return client.post(url, data=form)


def all_reports() -> list[Report]:
    db.session.expire_all()
    return list(db.session.scalars(select(Report).order_by(Report.id)))


def make_report(vacancy=None, location=None, *, contact="+31612345678",
                description="Ze houden mijn paspoort vast.", employer_name="Kweker Oost",
                signals=("documents_taken",), contact_consent=False) -> Report:
    report = services.submit(
        signals=list(signals), description=description,
        employer_name="" if vacancy is not None else employer_name,
        vacancy=vacancy, location=location, reporter_type=ReporterType.resident,
        contact=contact, contact_language="ti", ui_language="ti", notify=False,
        contact_consent=contact_consent,
    )
    db.session.flush()
    return report
