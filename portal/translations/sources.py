"""Which source files hold resident-facing texts. Those texts must be translated into all
seven resident languages; staff texts only into English (Dutch is the source language)."""
from __future__ import annotations

from pathlib import Path

PORTAL = Path(__file__).resolve().parent.parent

RESIDENT_SOURCES = (
    "templates/base.html",
    "templates/resident_base.html",
    "templates/_partials/language_picker.html",
    "templates/_partials/language_links.html",
    "templates/accounts/home_public.html",  # the front door for visitors (employer half too)
    "templates/_partials/flashes.html",
    "templates/_macros/forms.html",
    "templates/errors/*.html",
    "errors.py",
    "templates/apply/**/*.html",
    "templates/apply/**/*.txt",
    "apply/*.py",
    "templates/reports/form.html",
    "templates/reports/sent.html",
    "templates/reports/status.html",
    "reports/forms.py",
    "reports/services.py",  # its form errors reach the reporter (staff ones are few)
    "reports/views.py",
    "templates/guidance/*.html",
    "guidance/views.py",
    "templates/tours/mail_reminder.txt",
    "templates/applicants/mail_message.txt",  # a recruiter's message, in the resident's language
    # Activities: the public pages (/a/<code>, /t/<token>), the notice-board block, mails and SMS.
    "templates/activities/public_*.html",
    "templates/activities/_public_macros.html",
    "templates/activities/_board.html",
    "templates/activities/*.txt",
    "activities/signup.py",
    "activities/views_public.py",
    "activities/wording.py",
    "activities/forms.py",  # the resident's and employer's sign-up forms (the staff form too)
    # Werkbalie appointments: the public pages, the notice-board block, mails and SMS.
    "templates/werkbalie/public_*.html",
    "templates/werkbalie/_board.html",
    "templates/werkbalie/*.txt",
    "werkbalie/booking.py",
    "werkbalie/views_public.py",
    "werkbalie/forms.py",  # the resident's booking form (the staff forms too)
    # Talent pool: the resident's profile pages (/p/<azc>, /profiel/<token>), the proposals on
    # them, the notice-board block, the privacy facts, mails and SMS to the resident.
    "templates/talent/public_*.html",
    "templates/talent/resident_*.html",
    "templates/talent/_board.html",
    "templates/talent/_privacy.html",
    "templates/talent/_proposals.html",
    "templates/talent/proposal_answer.html",
    "templates/talent/mail_created.txt",
    "templates/talent/mail_link.txt",
    "templates/talent/mail_proposal.txt",
    "templates/talent/mail_reminder.txt",
    "templates/talent/sms_*.txt",
    "talent/forms.py",
    "talent/kinds.py",
    "talent/profiles.py",
    "talent/proposals.py",
    "talent/views_public.py",
    "talent/views_proposals.py",
    "talent/wording.py",
    "applicants/resident.py",
    "placements/queries.py",
    "aftercare/queries.py",
)


def resident_files() -> list[Path]:
    files: set[Path] = set()
    for pattern in RESIDENT_SOURCES:
        files.update(p for p in PORTAL.glob(pattern) if p.is_file())
    return sorted(files)


def resident_msgids() -> set[str]:
    """Extract the translatable strings of the resident files with Babel's own extractors."""
    from babel.messages.extract import extract_from_file

    ids: set[str] = set()
    for path in resident_files():
        method = "jinja2" if path.suffix in (".html", ".txt") else "python"
        options = {"extensions": "jinja2.ext.do"} if method == "jinja2" else {}
        method_fn = "jinja2.ext:babel_extract" if method == "jinja2" else "python"
        for _lineno, message, _comments, _context in extract_from_file(
            method_fn, str(path), keywords={"_": None, "gettext": None, "_l": None,
                                            "lazy_gettext": None, "ngettext": (1, 2)},
            options=options,
        ):
            ids.add(message[0] if isinstance(message, tuple) else message)
    return ids
