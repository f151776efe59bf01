"""Regional figures for advisers (their own region only; admins any region) with CSV per
table and a monthly PDF. The organisation's own funnel lives in views_org.py."""
from __future__ import annotations

from datetime import date, timedelta

from flask import Blueprint, Response, abort, render_template, request
from flask_babel import format_date
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from portal import access, csv_export, db
from portal.accounts.auth import admin_required, adviser_required
from portal.clock import today
from portal.dashboard import charts, pdf, queries_org, tables
from portal.dashboard.forms import FIRST_DAY, LAST_DAY, FilterForm, PeriodForm
from portal.dashboard.queries import Scope
from portal.dashboard import counter  # noqa: F401,I001  (connects the landing-page view counter)
from portal.organisations.forms import SECTORS
from portal.regions.models import Location, Region

bp = Blueprint("dashboard", __name__)


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
        regions = [db.session.get(Region, current_user.region_id)]
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
                 sector=form.sector.data or None)


def csv_response(table: tables.Table, stem: str) -> Response:
    text, _count = csv_export.write(table.headers, table.rows)
    return csv_export.response(text, f"{stem}-{table.name}.csv")


def csv_or_404(all_tables: list[tables.Table], stem: str) -> Response:
    table = tables.by_name(all_tables, request.args.get("table", ""))
    if table is None:
        abort(404)
    return csv_response(table, stem)


def with_charts(all_tables: list[tables.Table]) -> list[tuple[tables.Table, object]]:
    note = _("De cijfers staan ook in de tabel bij de grafiek.")
    return [(t, charts.weekly_bars(t.title, t.points, note) if t.points else None)
            for t in all_tables]


@bp.get("/adviseur/cijfers")
@adviser_required
def index():
    form, region = _filter_form()
    start, end = form.period()
    scope = _scope(form, region, start, end)
    all_tables = tables.build(tables.collect(scope))
    if request.args.get("format") == "csv":
        return csv_or_404(all_tables, f"cijfers-{start.isoformat()}-{end.isoformat()}")
    last_month = (today().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    return render_template("dashboard/index.html", form=form, region=region, start=start,
                           end=end, blocks=with_charts(all_tables), last_month=last_month,
                           csv_args=_csv_args())


def _csv_args() -> dict:
    return {k: v for k, v in request.args.items() if k not in ("format", "table")}


@bp.get("/adviseur/cijfers/maand.pdf")
@adviser_required
def monthly_pdf():
    form, region = _filter_form()
    try:
        year, month = (int(x) for x in request.args.get("month", "").split("-"))
        start = date(year, month, 1)
    except ValueError:
        abort(404)
    if not FIRST_DAY <= start <= LAST_DAY:
        abort(404)
    end = (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    scope = _scope(form, region, start, end)
    where = region.name if region else _("alle regio's")
    body = pdf.monthly_overview(
        _("Maandoverzicht werk voor azc-bewoners"),
        _("%(where)s, %(month)s", where=where, month=format_date(start, "MMMM yyyy")),
        tables.build(tables.collect(scope)),
        _("Geen persoonsgegevens: alleen aantallen. Gemaakt op %(date)s.",
          date=format_date(today(), "long")),
    )
    return Response(body, mimetype="application/pdf", headers={
        "Content-Disposition": f'inline; filename="maandoverzicht-{start:%Y-%m}.pdf"',
        "Cache-Control": "no-store",
    })


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
                           end=end, csv_args=_csv_args())


from portal.dashboard import views_org  # noqa: E402,F401  (registers the organisation routes)
from portal.dashboard import views_public  # noqa: E402,F401  (GET /api/v1/figures)
