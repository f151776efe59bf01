"""Regional figures for advisers (their own region only; admins any region) with CSV per
table and a monthly PDF. The organisation's own funnel lives in views_org.py."""
from __future__ import annotations

from datetime import date, timedelta

from flask import Blueprint, Response, abort, render_template, request, url_for
from flask_babel import format_date
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from portal import access, csv_export, db
from portal.accounts.auth import admin_required, adviser_required
from portal.clock import today
from portal.dashboard import (
    chartkit,
    counter,  # noqa: F401,I001  (connects the landing-page view counter)
    display,
    glance_tables,
    pdf,
    queries_org,
    report,
    report_pdf,
    tables,
)
from portal.dashboard.forms import (
    FilterForm,
    PeriodForm,
    month_period,
    quarter_period,
    recent_quarters,
)
from portal.dashboard.queries import Scope
from portal.organisations.forms import SECTORS
from portal.regions.models import Location, Region

bp = Blueprint("dashboard", __name__)
bp.add_app_template_filter(display.number, "figure")
bp.add_app_template_filter(chartkit.to_svg, "svg")


def _sector_choices() -> list[tuple[str, str]]:
    return [("", _("Alle sectoren"))] + [(key, str(label)) for key, label in SECTORS]


def _filter_form() -> tuple[FilterForm, Region | None]:
    """The filter form with choices limited to what this user may see. A value that was not
    offered (another region, another region's azc) is answered with 404, like a missing page."""
    form = FilterForm(request.args)
    if access.is_admin(current_user):
        regions = list(db.session.scalars(select(Region).order_by(Region.name)))
        form.region.choices = [("", _("Alle regio's"))] + [(str(r.id), r.name) for r in regions]
    else:
        if not access.may_see_region(current_user, current_user.region_id):
            abort(404)  # an adviser without a region has no figures to see
        regions = [access.found_or_404(db.session.get(Region, current_user.region_id))]
        form.region.choices = [(str(r.id), r.name) for r in regions]
        if not form.region.data:
            form.region.data = str(current_user.region_id)
    region = next((r for r in regions if str(r.id) == form.region.data), None)
    stmt = select(Location).order_by(Location.name)
    if region is not None:
        stmt = stmt.where(Location.region_id == region.id)
    form.location.choices = [("", _("Alle locaties"))] + [
        (str(loc.id), loc.name) for loc in db.session.scalars(stmt)]
    form.sector.choices = _sector_choices()
    form.validate()
    if form.tampered():
        abort(404)
    return form, region


def _scope(form: FilterForm, region: Region | None, start: date, end: date) -> Scope:
    return Scope(start=start, end=end, region_id=region.id if region else None,
                 location_id=int(form.location.data) if form.location.data else None,
                 sector=form.sector.data or None, source=form.source.data or None,
                 residence=form.residence.data or None)


def csv_response(table: tables.Table, stem: str) -> Response:
    text, _count = csv_export.write(table.headers, table.rows)
    return csv_export.response(text, f"{stem}-{table.name}.csv")


def csv_or_404(all_tables: list[tables.Table], stem: str) -> Response:
    table = access.found_or_404(tables.by_name(all_tables, request.args.get("table", "")))
    return csv_response(table, stem)


@bp.get("/adviseur/cijfers")
@adviser_required
def index():
    form, region = _filter_form()
    start, end = form.period()
    built = report.build(_scope(form, region, start, end))
    if request.args.get("format") == "csv":
        return csv_or_404(built.all_tables, f"cijfers-{start.isoformat()}-{end.isoformat()}")
    last_month = (today().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    return render_template(
        "dashboard/index.html", form=form, region=region, start=start, end=end, report=built,
        g=built.glance, last_month=last_month, quarters=recent_quarters(today()),
        comparison=report_pdf.comparison_words(built), csv=_csv_link)


def _csv_args() -> dict:
    return {k: v for k, v in request.args.items() if k not in ("format", "table")}


def _csv_link(table: str) -> str:
    """This page's figures (same period and filters) as CSV, one table."""
    return url_for("dashboard.index", format="csv", table=table, **_csv_args())


def _pdf(period: tuple[date, date] | None, title: str, when: str, filename: str) -> Response:
    form, region = _filter_form()
    if period is None:
        abort(404)
    built = report.build(_scope(form, region, *period))
    where = region.name if region else _("alle regio's")
    subtitle = ", ".join([where, when, *form.chosen_labels()])
    body = pdf.monthly_overview(report_pdf.content(built, title, subtitle))
    return Response(body, mimetype="application/pdf", headers={
        "Content-Disposition": f'inline; filename="{filename}"', "Cache-Control": "no-store"})


@bp.get("/adviseur/cijfers/maand.pdf")
@adviser_required
def monthly_pdf():
    period = month_period(request.args.get("month"))
    start = period[0] if period else today()
    return _pdf(period, _("Maandoverzicht werk voor azc-bewoners"), format_date(start, "MMMM yyyy"),
                f"maandoverzicht-{start:%Y-%m}.pdf")


@bp.get("/adviseur/cijfers/kwartaal.pdf")
@adviser_required
def quarterly_pdf():
    text = request.args.get("quarter", "")
    period = quarter_period(text)
    quarter = text.upper() if period else ""
    return _pdf(period, _("Kwartaaloverzicht werk voor azc-bewoners"),
                _("kwartaal %(q)s", q=quarter.replace("-Q", " Q")), f"kwartaaloverzicht-{quarter}.pdf")


@bp.get("/beheer/cijfers/regio-vergelijking")
@admin_required
def regions():
    form = PeriodForm(request.args)
    form.validate()
    start, end = form.period()
    table = queries_org.region_comparison(start, end)
    if request.args.get("format") == "csv":
        return csv_or_404([table], f"regio-vergelijking-{start.isoformat()}-{end.isoformat()}")
    return render_template("dashboard/regions.html", form=form, table=table, start=start,
                           end=end, chart=chartkit.to_svg(glance_tables.region_chart(table)),
                           csv_args=_csv_args())


from portal.dashboard import (
    views_org,  # noqa: E402,F401  (registers the organisation routes)
    views_public,  # noqa: E402,F401  (GET /api/v1/figures)
)
