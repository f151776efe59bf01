"""The foundation journey in real Chromium: an employer registers, verifies the e-mail address
with the link from the real SMTP capture, an adviser signs in with two-factor and approves, and
the employer then sees the approval. axe-core must find nothing serious or critical."""
from __future__ import annotations

import re

import pyotp
import pytest

from portal.accounts.models import Role
from portal.notifications.services import send_pending
from tests.browser.conftest import shot
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser
SECRET = pyotp.random_base32()


def _link(mails, live_server, pattern: str) -> str:
    send_pending()
    bodies = [m.get_body(("plain",)).get_content() for m in mails]
    for body in reversed(bodies):
        found = re.search(r"https://werk\.example\.nl(" + pattern + r"[^\s]*)", body)
        if found:
            return live_server.url + found.group(1)
    raise AssertionError(f"no {pattern} link in {len(bodies)} mails")


def test_register_verify_approve_sign_in(live_server, page, axe_check, make, db_session, mails):
    region = make.region("Zaanstreek-Waterland")
    make.region("Rijk van Nijmegen")
    make.postcode_range(region, 1500, 1509)  # the region follows from the postcode
    adviser = make.user(Role.adviser, region=region, email="adviseur@uwv.example", totp_secret=SECRET)
    adviser.name = "Fatima de Adviseur"
    db_session.commit()
    base = live_server.url

    # 1. register (Dutch form), look at it, check accessibility
    page.goto(f"{base}/organisatie/aanmelden")
    assert page.locator("html").get_attribute("lang") == "nl"
    shot(page, "register-nl")
    assert axe_check(f"{base}/organisatie/aanmelden") == []
    page.check("#kind-0")
    page.fill("#name", "Bakkerij De Zon")
    page.fill("#kvk", "12345678")
    page.select_option("#sector", index=1)
    page.fill("#street", "Hemkade 12")
    page.fill("#postcode", "1506pr")
    page.fill("#city", "Zaandam")
    page.fill("#contact_name", "Jan Bakker")
    page.fill("#email", "jan@bakkerij.example")
    page.fill("#password", "lekker-brood-2026")
    page.fill("#password_confirm", "lekker-brood-2026")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert "e-mail" in page.content().lower()

    # 2. verification link from the real SMTP server
    page.goto(_link(mails, live_server, "/account/bevestigen/"))
    assert "bevestigd" in page.content().lower()

    # 3. the adviser signs in with password + TOTP and approves from the queue
    page.goto(f"{base}/inloggen")
    assert axe_check(f"{base}/inloggen") == []
    page.fill("#email", "adviseur@uwv.example")
    page.fill("#password", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_url(re.compile(r".*/inloggen/2fa.*"))
    page.fill("#code", pyotp.TOTP(SECRET).now())
    page.click("main form button[type=submit]")
    page.goto(f"{base}/adviseur/organisaties")
    assert "Bakkerij De Zon" in page.content()
    shot(page, "adviser-queue")
    page.click("text=Bakkerij De Zon")
    page.click("form[action$='/goedkeuren'] button[type=submit]")
    page.wait_for_load_state()
    assert "goedgekeurd" in page.content().lower()
    page.click("nav.staff-nav button[type=submit]")  # sign out

    # 4. the employer signs in and sees the approval and the contact adviser
    page.goto(f"{base}/inloggen")
    page.fill("#email", "jan@bakkerij.example")
    page.fill("#password", "lekker-brood-2026")
    page.click("main form button[type=submit]")
    page.goto(f"{base}/organisatie")
    html = page.content()
    assert "Fatima de Adviseur" in html
    assert "goedgekeurd" in html.lower()


def test_language_picker_in_arabic(live_server, page, axe_check):
    page.goto(f"{live_server.url}/report?lang=ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    picker = page.locator("nav.lang-picker")
    for name in ("العربية", "ትግርኛ", "فارسی", "Türkçe", "Soomaali", "English", "Nederlands"):
        assert picker.get_by_text(name, exact=True).count() == 1
    shot(page, "language-picker-ar")
    # the choice sticks: the next page without ?lang= is still Arabic
    page.goto(f"{live_server.url}/hulp/")
    assert page.locator("html").get_attribute("lang") == "ar"
    assert axe_check(f"{live_server.url}/report?lang=ar") == []
