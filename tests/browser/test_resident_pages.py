"""Resident pages in real Chromium on a 360 px phone: Dutch, Arabic (right-to-left) and
Tigrinya; no serious or critical axe findings; the layout mirrors in Arabic; applying works
without JavaScript and at 320 px; the Arabic pages carry no Dutch or English left over."""
from __future__ import annotations

import re

import pytest

from portal.vacancies.models import VacancyStatus
from tests.browser.conftest import shot

pytestmark = pytest.mark.browser

CODE, LOC, CLOSED = "ABC234", "ZDM", "OLD234"
DIRS = {"nl": "ltr", "ar": "rtl", "ti": "ltr"}


@pytest.fixture
def world(make, db_session):
    azc = make.location(code=LOC, name="azc Zaandam")
    vacancy = make.vacancy(locations=[azc], code=CODE, title="Hulp in de bakkerij",
                           open_to_asylum=True, open_to_status=True, tour_offered=True)
    make.vacancy(locations=[azc], code="NXT234", title="Schoonmaker kantoor",
                 open_to_asylum=True, open_to_status=True)
    make.vacancy(locations=[azc], code=CLOSED, title="Inpakker (oud)", status=VacancyStatus.closed)
    db_session.commit()
    return {"azc": azc, "vacancy": vacancy}


@pytest.fixture
def new_page(browser):
    """new_page(width=360, js=True) -> a page in a context that bypasses the CSP, so axe-core
    can be injected into the page as it is (after a POST, too)."""
    contexts = []

    def _new(width: int = 360, js: bool = True):
        ctx = browser.new_context(viewport={"width": width, "height": 740}, bypass_csp=True,
                                  java_script_enabled=js, locale="nl-NL")
        contexts.append(ctx)
        return ctx.new_page()

    yield _new
    for ctx in contexts:
        ctx.close()


def axe_here(pg) -> list[str]:
    """Serious and critical axe-core findings on the page as it is now, readable."""
    from axe_playwright_python.sync_playwright import Axe

    violations = Axe().run(pg).response["violations"]
    return [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
            for v in violations if v["impact"] in ("serious", "critical")]


def assert_language(pg, lang: str) -> None:
    html = pg.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == (lang, DIRS[lang])


def fill_application(pg, name="Samira Haddad") -> None:
    pg.fill("#name", name)
    pg.fill("#phone", "06 12345678")
    pg.select_option("#lang1", "ar")
    pg.select_option("#level1", "good")
    if pg.locator("#residence_status-0").count():  # not answered on the vacancy page
        pg.check("#residence_status-0")  # asylum seeker ...
        pg.check("#procedure-0")  # ... whose procedure has run long enough
    pg.select_option("#azc_location", label="azc Zaandam")


def answer_eligibility(pg) -> None:
    """The vacancy page's "Solliciteer" leads to its two questions; "Verder" opens the form."""
    pg.locator("main a.button").first.click()  # a jump on the same page, no navigation
    pg.check("#residence_status-0")
    pg.check("#procedure-0")
    with pg.expect_navigation():
        pg.click("#solliciteer ~ form button[type=submit]")


def submit(pg) -> None:
    with pg.expect_navigation():
        pg.click("main form button[type=submit]")


def status_path(pg) -> str:
    href = pg.locator("a.link-box").get_attribute("href")
    assert re.fullmatch(r"https://werk\.example\.nl/s/[\w-]{20,}", href), href
    return href.removeprefix("https://werk.example.nl")


# 1. the whole journey, page by page, in three languages ---------------------------------------

@pytest.mark.parametrize("lang", ["nl", "ar", "ti"])
def test_journey_pages_are_accessible(live_server, new_page, world, lang):
    pg = new_page()
    base = live_server.url

    pg.goto(f"{base}/v/{CODE}/{LOC}?lang={lang}")
    assert_language(pg, lang)
    assert "Hulp in de bakkerij" in pg.locator("h1").inner_text()
    assert axe_here(pg) == [], "landing page"
    if lang == "ar":
        shot(pg, "vacancy-ar-360")

    answer_eligibility(pg)
    assert f"/v/{CODE}/{LOC}/solliciteren?" in pg.url
    assert_language(pg, lang)
    assert axe_here(pg) == [], "apply form"
    if lang == "ar":
        shot(pg, "apply-ar-360")

    submit(pg)  # nothing filled in
    summary = pg.locator(".error-summary")
    assert summary.is_visible()
    assert summary.locator("a[href='#name']").count() == 1
    assert summary.locator("a[href='#phone']").count() == 1
    assert pg.evaluate("document.activeElement.classList.contains('error-summary')")
    assert pg.locator("#name[aria-invalid=true]").count() == 1
    assert axe_here(pg) == [], "form with errors"
    if lang == "ar":
        shot(pg, "apply-errors-ar-360")

    fill_application(pg)
    submit(pg)
    assert_language(pg, lang)
    reference = pg.locator(".code-box").first.inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{6,12}", reference)
    assert axe_here(pg) == [], "success page"
    path = status_path(pg)
    if lang == "ar":
        shot(pg, "success-ar-360")

    pg.goto(base + path)
    assert_language(pg, lang)
    assert reference in pg.locator("main").inner_text()
    assert pg.locator("main a[href$='/intrekken']").count() == 1  # withdraw is offered
    assert axe_here(pg) == [], "status page"
    shot(pg, f"status-{lang}")


@pytest.mark.parametrize("lang", ["nl", "ar"])
@pytest.mark.parametrize("page_url", [f"/v/{CLOSED}/{LOC}", f"/l/{LOC}", "/report"])
def test_other_resident_pages_are_accessible(live_server, new_page, world, lang, page_url):
    pg = new_page()
    pg.goto(f"{live_server.url}{page_url}?lang={lang}")
    assert_language(pg, lang)
    assert axe_here(pg) == []
    if page_url.startswith("/v/"):
        # a closed vacancy is a friendly page that points to open work at the same azc
        assert pg.locator("main a[href*='/v/NXT234']").count() >= 1
        assert pg.locator(f"main a[href*='/v/{CODE}']").count() >= 1
        if lang == "ar":
            shot(pg, "closed-ar")
    if page_url.startswith("/l/"):
        assert pg.locator(f"main a[href*='/v/{CLOSED}']").count() == 0
        assert pg.locator(f"main a[href*='/v/{CODE}']").count() >= 1
        assert pg.locator(f"main .card h2 a[href*='/v/{CODE}']").count() == 1  # no h1 -> h3 jump
        if lang == "nl":
            shot(pg, "board-nl")


# 2. Arabic mirrors ---------------------------------------------------------------------------

EDGES = """(id) => {
  const input = document.getElementById(id);
  const label = document.querySelector(`label[for="${id}"]`);
  const range = document.createRange();
  range.selectNodeContents(label);
  const t = range.getBoundingClientRect(), i = input.getBoundingClientRect();
  return {textLeft: t.left, textRight: t.right, inputLeft: i.left, inputRight: i.right};
}"""

RADIO = """() => {
  const choice = document.querySelector('#residence_status .choice');
  const input = choice.querySelector('input').getBoundingClientRect();
  const label = choice.querySelector('label').getClientRects()[0];  // first line of the text
  return {inputLeft: input.left, inputRight: input.right, labelLeft: label.left, labelRight: label.right};
}"""


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_form_mirrors_in_arabic(live_server, new_page, world, lang):
    pg = new_page()
    pg.goto(f"{live_server.url}/v/{CODE}/{LOC}/solliciteren?lang={lang}")
    for field_id in ("name", "phone", "azc_location"):
        e = pg.evaluate(EDGES, field_id)
        assert e["textRight"] - e["textLeft"] < (e["inputRight"] - e["inputLeft"]) - 20, e
        if lang == "ar":  # text starts at the right, where the input starts
            assert abs(e["textRight"] - e["inputRight"]) <= 3, (field_id, e)
            assert e["textLeft"] > e["inputLeft"] + 20, (field_id, e)
        else:
            assert abs(e["textLeft"] - e["inputLeft"]) <= 3, (field_id, e)
            assert e["textRight"] < e["inputRight"] - 20, (field_id, e)
    radio = pg.evaluate(RADIO)
    if lang == "ar":
        assert radio["inputLeft"] >= radio["labelRight"], radio  # the radio button is on the right
    else:
        assert radio["inputRight"] <= radio["labelLeft"], radio

    submit(pg)  # with errors: the red bar beside a field is on the reading side
    side = pg.evaluate("""() => { const s = getComputedStyle(document.querySelector('.field--error'));
        return [s.borderLeftWidth, s.borderRightWidth]; }""")
    assert side == (["0px", "4px"] if lang == "ar" else ["4px", "0px"])


# 3. without JavaScript -----------------------------------------------------------------------

def test_apply_without_javascript(live_server, new_page, world):
    pg = new_page(js=False)
    pg.goto(f"{live_server.url}/v/{CODE}/{LOC}?lang=ar")
    assert pg.evaluate("1 + 1") == 2  # Playwright's own scripts still run; the page's do not
    answer_eligibility(pg)
    submit(pg)
    assert pg.locator(".error-summary").is_visible()
    fill_application(pg, name="Yonas Tesfay")
    submit(pg)
    reference = pg.locator(".code-box").first.inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{6,12}", reference)
    pg.goto(live_server.url + status_path(pg))
    assert reference in pg.locator("main").inner_text()


# 4. 320 px wide ------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["nl", "ar", "ti"])
def test_apply_page_fits_320px(live_server, new_page, world, lang):
    pg = new_page(width=320)
    url = f"{live_server.url}/v/{CODE}/{LOC}/solliciteren?lang={lang}"
    pg.goto(url)
    assert pg.evaluate("document.documentElement.scrollWidth") <= 320
    submit(pg)  # the error summary and red bars must fit too
    assert pg.locator(".error-summary").is_visible()
    assert pg.evaluate("document.documentElement.scrollWidth") <= 320
    if lang == "ar":
        shot(pg, "apply-ar-320")


# 5. no Dutch or English left on Arabic pages --------------------------------------------------

# Text a reader perceives (text nodes, the selected and listed options, accessible names) whose
# nearest [lang] ancestor says Arabic. Employer text carries its own lang and is left out.
ARABIC_TEXT = """() => {
  const out = [];
  const inArabic = (el) => { const s = el.closest('[lang]'); return s && s.getAttribute('lang') === 'ar'; };
  const hidden = (el) => el.closest('script, style, [aria-hidden="true"], [hidden]');
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const el = node.parentElement, text = node.textContent.trim();
    if (!text || !el || hidden(el) || !inArabic(el)) continue;
    const box = el.tagName === 'OPTION' ? el.closest('select') : el;
    if (!box.checkVisibility()) continue;
    out.push(text);
  }
  for (const el of document.body.querySelectorAll('[aria-label], [title], [alt], [placeholder]')) {
    if (hidden(el) || !inArabic(el)) continue;
    for (const a of ['aria-label', 'title', 'alt', 'placeholder'])
      if (el.getAttribute(a)) out.push(el.getAttribute(a));
  }
  if (document.documentElement.lang === 'ar') out.push(document.title);
  return out;
}"""

ALLOWED = {"TWV", "COA", "UWV", "WSP", "IND", "AZC", "KVK", "VCA"}


def latin_leftovers(texts: list[str], also_allowed: set[str]) -> list[str]:
    """Texts with a Latin word of 3+ letters that is not a name, code, abbreviation or address."""
    phrases = sorted(also_allowed, key=len, reverse=True)
    bad = []
    for text in texts:
        cleaned = re.sub(r"\S+@\S+|https?://\S+", " ", text)
        for phrase in phrases:
            cleaned = re.sub(re.escape(phrase), " ", cleaned, flags=re.IGNORECASE)
        words = [w for w in re.findall(r"[A-Za-zÀ-ɏ]{3,}", cleaned) if w.upper() not in ALLOWED]
        if words:
            bad.append(text)
    return sorted(set(bad))


def test_arabic_apply_and_status_pages_have_no_latin_leftovers(live_server, new_page, world):
    pg = new_page()
    pg.goto(f"{live_server.url}/v/{CODE}/{LOC}/solliciteren?lang=ar")
    # names, codes and the employer's own (Dutch) title, which only the <title> repeats unmarked
    names = {"azc Zaandam", "Zaandam", CODE, LOC, world["vacancy"].title}
    untranslated = {"apply form": latin_leftovers(pg.evaluate(ARABIC_TEXT), names)}
    submit(pg)
    untranslated["form with errors"] = latin_leftovers(pg.evaluate(ARABIC_TEXT), names)
    fill_application(pg)
    submit(pg)
    reference = pg.locator(".code-box").first.inner_text().strip()
    untranslated["success page"] = latin_leftovers(pg.evaluate(ARABIC_TEXT), names | {reference})
    pg.goto(live_server.url + status_path(pg))
    untranslated["status page"] = latin_leftovers(pg.evaluate(ARABIC_TEXT), names | {reference})
    assert {k: v for k, v in untranslated.items() if v} == {}


@pytest.mark.parametrize("page_url", [f"/v/{CODE}/{LOC}", f"/v/{CLOSED}/{LOC}", f"/l/{LOC}", "/report"])
def test_other_arabic_pages_have_no_latin_leftovers(live_server, new_page, world, page_url):
    pg = new_page()
    pg.goto(f"{live_server.url}{page_url}?lang=ar")
    vacancy = world["vacancy"]
    names = {"azc Zaandam", "Zaandam", vacancy.organisation.name, vacancy.title, vacancy.address}
    assert latin_leftovers(pg.evaluate(ARABIC_TEXT), names) == []
