from __future__ import annotations

import logging

from flask import Flask, render_template, request
from flask_babel import force_locale
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf.csrf import CSRFError

from portal.i18n import LANGUAGES, visitor_language

log = logging.getLogger(__name__)


def init_app(app: Flask) -> None:
    def page(code: int, title: str, text: str):
        return render_template("errors/error.html", code=code, title=title, text=text), code

    @app.errorhandler(400)
    def bad_request(e):
        return page(400, _("Er ging iets mis"), _("Uw verzoek kon niet worden verwerkt."))

    @app.errorhandler(CSRFError)
    def csrf_error(e):
        return page(400, _("Formulier verlopen"),
                    _("Het formulier is verlopen. Ga terug, laad de pagina opnieuw en probeer het nog eens."))

    @app.errorhandler(403)
    def forbidden(e):
        return page(403, _("Geen toegang"), _("U heeft geen toegang tot deze pagina."))

    @app.errorhandler(404)
    def not_found(e):
        if current_user.is_authenticated:
            return page(404, _("Pagina niet gevonden"), _("Deze pagina bestaat niet (meer)."))
        # A visitor is most likely a resident with a mistyped poster address: answer in their
        # language and point to the ways in (poster code, jobs at my azc).
        language = visitor_language()
        with force_locale(language):
            # is_resident_page: the resident layout (no staff stylesheet) although no view matched
            html = render_template("errors/404_resident.html", language=language,
                                   languages=[(c, n, d) for c, (n, d) in LANGUAGES.items()],
                                   is_resident_page=True)
        return html, 404

    @app.errorhandler(405)
    def not_allowed(e):
        return page(405, _("Niet toegestaan"), _("Deze handeling is hier niet mogelijk."))

    @app.errorhandler(413)
    def too_large(e):
        return page(413, _("Te veel tekst"), _("U stuurde te veel tekst. Maak het korter."))

    @app.errorhandler(429)
    def too_many(e):
        return page(429, _("Even wachten"), _("Te veel pogingen. Wacht een paar minuten en probeer het opnieuw."))

    @app.errorhandler(500)
    def server_error(e):
        log.error("500 on %s", request.endpoint)  # endpoint only: never form data
        return page(500, _("Er ging iets mis"), _("Er ging iets mis bij ons. Probeer het later opnieuw."))
