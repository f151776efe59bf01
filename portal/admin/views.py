"""Admin pages (/beheer/): regions and azc locations here; staff accounts and the
minimum-wage table in views_staff.py on the same blueprint. Admins only."""
from __future__ import annotations

from flask import Blueprint, has_request_context, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.accounts.auth import admin_required
from portal.actions import form_action
from portal.admin import services, unstaffed
from portal.admin.forms import LocationEditForm, LocationForm, RegionForm
from portal.regions.models import Location, Region

bp = Blueprint("admin", __name__)


@bp.app_context_processor
def admin_home_warnings() -> dict:
    """The admin's home page (accounts.home, a lower layer) shows the minimum-wage warning
    and the regions without an adviser without importing admin: this hook hands them over
    only there, only for admins."""
    # Mails are rendered outside any request (portal tick): nothing to add there.
    if (has_request_context() and request.endpoint == "accounts.home"
            and current_user.is_authenticated and current_user.role.value == "admin"):
        return {"wage_stale": services.wage_table_stale(), **unstaffed.overview()}
    return {}


@bp.get("/beheer/")
@admin_required
def index():
    return render_template("admin/index.html", wage_stale=services.wage_table_stale(),
                           **unstaffed.overview())


@bp.route("/beheer/regios", methods=["GET", "POST"])
@admin_required
def regions():
    form = RegionForm()
    done = form_action(form, lambda: services.create_region(form.name.data),
                       lambda region: _("Regio %(name)s is toegevoegd.", name=region.name),
                       url_for("admin.regions"))
    return done or render_template("admin/regions.html", form=form, regions=services.regions())


@bp.route("/beheer/regios/<int:region_id>", methods=["GET", "POST"])
@admin_required
def region_edit(region_id: int):
    region = services.get_or_404(Region, region_id)
    form = RegionForm(obj=region)
    done = form_action(form, lambda: services.rename_region(region, form.name.data),
                       lambda _renamed: _("De regio heet nu %(name)s.", name=region.name),
                       url_for("admin.regions"))
    return done or render_template("admin/region_edit.html", form=form, region=region)


@bp.route("/beheer/locaties", methods=["GET", "POST"])
@admin_required
def locations():
    form = LocationForm()
    form.set_regions(services.regions())
    done = form_action(form, lambda: services.create_location(form.code.data, form.name.data,
                                                              form.city.data, form.region.data),
                       lambda loc: _("Azc-locatie %(code)s is toegevoegd.", code=loc.code),
                       url_for("admin.locations"))
    return done or render_template("admin/locations.html", form=form,
                                   locations=services.locations())


@bp.route("/beheer/locaties/<int:location_id>", methods=["GET", "POST"])
@admin_required
def location_edit(location_id: int):
    loc = services.get_or_404(Location, location_id)
    form = LocationEditForm(obj=loc)
    form.set_regions(services.regions())
    if not form.is_submitted():
        form.region.data = loc.region_id  # obj gives the Region object, the select wants its id
    done = form_action(form, lambda: services.update_location(loc, form.name.data, form.city.data,
                                                              form.region.data, form.active.data),
                       _("Azc-locatie %(code)s is opgeslagen.", code=loc.code),
                       url_for("admin.locations"))
    return done or render_template("admin/location_edit.html", form=form, location=loc)


from portal.admin import views_postcodes, views_staff  # noqa: E402,F401  (routes on the same bp)
