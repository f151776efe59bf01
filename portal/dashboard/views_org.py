"""An organisation's own figures: the funnel per vacancy and which azc posters bring
applicants. Members see their own organisation only; agencies switch the weekly digest."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal import access, db
from portal.accounts.auth import member_required
from portal.applicants.forms import LANGUAGE_LABELS, STAGE_LABELS
from portal.dashboard import queries_org, services
from portal.dashboard.forms import DigestForm
from portal.dashboard.views import bp, csv_or_404
from portal.organisations.models import OrgKind


def _organisation():
    return access.found_or_404(current_user.organisation)


@bp.get("/cijfers/")
@member_required
def organisation():
    org = _organisation()
    tables = queries_org.funnel_tables(queries_org.funnel(org.id), STAGE_LABELS, LANGUAGE_LABELS)
    if request.args.get("format") == "csv":
        return csv_or_404(tables, "cijfers-organisatie")
    form = None
    if org.kind == OrgKind.agency:
        form = DigestForm(weekly_digest=services.wants_digest(org))
    return render_template("dashboard/organisation.html", org=org, tables=tables, form=form)


@bp.post("/cijfers/weekoverzicht")
@member_required
def digest():
    org = _organisation()
    if org.kind != OrgKind.agency:
        abort(404)
    form = DigestForm()
    if not form.validate_on_submit():
        abort(400)
    services.set_weekly_digest(org, bool(form.weekly_digest.data), current_user)
    db.session.commit()
    flash(_("Het weekoverzicht staat aan.") if form.weekly_digest.data
          else _("Het weekoverzicht staat uit."), "success")
    return redirect(url_for("dashboard.organisation"))
