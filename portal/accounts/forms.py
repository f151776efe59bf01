"""Account forms. Single-field checks only; password rules and uniqueness live in services."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField
from wtforms.validators import DataRequired, Email, EqualTo, Length, Regexp

from portal.accounts.passwords import MAX_LENGTH
from portal.accounts.passwords import RULE as PASSWORD_RULE

_email_required = DataRequired(message=_l("Vul uw e-mailadres in."))
_email_valid = Email(message=_l("Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl."))


def _email_field(label=None):
    return EmailField(label or _l("E-mailadres"),
                      validators=[_email_required, Length(max=254), _email_valid],
                      render_kw={"autocomplete": "email", "spellcheck": "false"})


def _new_password_fields():
    password = PasswordField(
        _l("Nieuw wachtwoord"),
        validators=[DataRequired(message=_l("Kies een wachtwoord.")), Length(max=MAX_LENGTH)],
        description=PASSWORD_RULE,
        render_kw={"autocomplete": "new-password"},
    )
    confirm = PasswordField(
        _l("Herhaal het wachtwoord"),
        validators=[DataRequired(message=_l("Herhaal het wachtwoord.")),
                    EqualTo("password", message=_l("De twee wachtwoorden zijn niet gelijk."))],
        render_kw={"autocomplete": "new-password"},
    )
    return password, confirm


class LoginForm(FlaskForm):
    # No email-format check: a malformed address gets the same answer as a wrong password.
    email = EmailField(_l("E-mailadres"), validators=[_email_required, Length(max=254)],
                       render_kw={"autocomplete": "username", "spellcheck": "false"})
    password = PasswordField(_l("Wachtwoord"),
                             validators=[DataRequired(message=_l("Vul uw wachtwoord in.")),
                                         Length(max=MAX_LENGTH)],
                             render_kw={"autocomplete": "current-password"})


class CodeForm(FlaskForm):
    code = StringField(
        _l("Code uit uw app"),
        validators=[DataRequired(message=_l("Vul de code van 6 cijfers in.")),
                    Regexp(r"^\s*\d{3}\s?\d{3}\s*$", message=_l("De code bestaat uit 6 cijfers."))],
        description=_l("De code van 6 cijfers uit uw authenticator-app."),
        render_kw={"autocomplete": "one-time-code", "inputmode": "numeric", "maxlength": "7"},
    )


class EmailOnlyForm(FlaskForm):
    email = _email_field()


class ResetPasswordForm(FlaskForm):
    password, confirm = _new_password_fields()


class InviteForm(FlaskForm):
    email = _email_field(_l("E-mailadres van uw collega"))


class AcceptInviteForm(FlaskForm):
    name = StringField(_l("Uw naam"), validators=[DataRequired(message=_l("Vul uw naam in.")),
                                                   Length(max=120)],
                       render_kw={"autocomplete": "name"})
    password, confirm = _new_password_fields()


class ChangePasswordForm(FlaskForm):
    current_password = PasswordField(
        _l("Huidig wachtwoord"),
        validators=[DataRequired(message=_l("Vul uw huidige wachtwoord in.")), Length(max=MAX_LENGTH)],
        render_kw={"autocomplete": "current-password"},
    )
    password, confirm = _new_password_fields()


class ChangeEmailForm(FlaskForm):
    email = _email_field(_l("Nieuw e-mailadres"))
    current_password = PasswordField(
        _l("Huidig wachtwoord"),
        validators=[DataRequired(message=_l("Vul uw huidige wachtwoord in.")), Length(max=MAX_LENGTH)],
        render_kw={"autocomplete": "current-password"},
    )
