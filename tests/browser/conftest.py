"""Real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright, against the app
served by a real WSGI server in a thread. axe-core comes from the axe-playwright-python wheel."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import require_or_skip

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="session")
def browser():
    exe = _chromium()
    require_or_skip(exe is not None, "Chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=exe, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nl-NL")
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture
def axe_check(browser):
    """axe_check(url, cookies=None) -> list of serious/critical violations. The strict CSP
    forbids injected scripts, so axe runs in a context that bypasses CSP; the CSP header
    itself is tested separately."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(url: str, storage_state=None, width: int = 360) -> list[dict]:
        ctx = browser.new_context(bypass_csp=True, viewport={"width": width, "height": 800},
                                  storage_state=storage_state)
        pg = ctx.new_page()
        pg.goto(url)
        results = axe.run(pg)
        ctx.close()
        return [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]

    return check


def shot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
