"""Admin pages for staff accounts and the minimum-wage table."""
from __future__ import annotations

from flask import render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal import db
from portal.accounts.auth import admin_required
from portal.actions import button_action, form_action
from portal.admin import services
from portal.admin.forms import ROLE_LABELS, ConfirmForm, MinimumWageForm, RoleForm, StaffForm
from portal.admin.views import bp
from portal.form_errors import put_error


@bp.get("/beheer/medewerkers")
@admin_required
def staff():
    return render_template("admin/staff.html", users=services.staff(), role_labels=ROLE_LABELS)


@bp.route("/beheer/medewerkers/nieuw", methods=["GET", "POST"])
@admin_required
def staff_new():
    form = StaffForm()
    form.set_choices(services.regions(), services.locations())
    if form.validate_on_submit():
        try:
            user, password = services.create_staff(
                form.name.data, form.email.data, form.role.data, form.region.data,
                form.locations.data)
        except services.AdminError as exc:
            db.session.rollback()
            put_error(form, exc.field, exc.message)
        else:
            db.session.commit()
            # Rendered, not flashed: the first password must not sit in a session cookie.
            return render_template("admin/staff_created.html", user=user, password=password,
                                   role_label=ROLE_LABELS[user.role.value])
    return render_template("admin/staff_new.html", form=form)


def _staff_page(user, form=None, code=200):
    if form is None:
        form = RoleForm(data={"role": user.role.value, "region": user.region_id or 0,
                              "locations": [loc.id for loc in user.locations]})
    form.set_choices(services.regions(), services.locations())
    return render_template("admin/staff_edit.html", user=user, form=form,
                           confirm_form=ConfirmForm(), role_labels=ROLE_LABELS), code


@bp.get("/beheer/medewerkers/<int:user_id>")
@admin_required
def staff_edit(user_id: int):
    return _staff_page(services.get_staff_or_404(user_id))


@bp.post("/beheer/medewerkers/<int:user_id>/rol")
@admin_required
def staff_role(user_id: int):
    user = services.get_staff_or_404(user_id)
    form = RoleForm()
    form.set_choices(services.regions(), services.locations())
    done = form_action(form, lambda: services.change_role(user, current_user, form.role.data,
                                                          form.region.data, form.locations.data),
                       _("De rol van %(email)s is gewijzigd.", email=user.email),
                       url_for("admin.staff_edit", user_id=user.id))
    return done or _staff_page(user, form, code=400)


def _toggle(user_id: int, action):
    user = services.get_staff_or_404(user_id)
    return button_action(lambda: action(user, current_user),
                         _("Account %(email)s is opgeslagen.", email=user.email),
                         url_for("admin.staff_edit", user_id=user.id))


@bp.post("/beheer/medewerkers/<int:user_id>/uitschakelen")
@admin_required
def staff_disable(user_id: int):
    return _toggle(user_id, services.disable)


@bp.post("/beheer/medewerkers/<int:user_id>/inschakelen")
@admin_required
def staff_enable(user_id: int):
    return _toggle(user_id, services.enable)


@bp.route("/beheer/minimumloon", methods=["GET", "POST"])
@admin_required
def wages():
    form = MinimumWageForm()
    done = form_action(form, lambda: services.add_wage(form.valid_from.data, form.euros.data),
                       lambda row: _("Minimumloon vanaf %(date)s is toegevoegd.",
                                     date=row.valid_from.isoformat()),
                       url_for("admin.wages"))
    return done or render_template("admin/wages.html", form=form, rows=services.wages(),
                                   stale=services.wage_table_stale())
