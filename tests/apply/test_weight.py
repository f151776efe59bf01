"""Budget: resident pages load on a cheap phone over a slow connection: HTML + CSS < 30 KB."""
import re

from tests.apply.conftest import form_data

BUDGET = 30 * 1024
JOURNEY = ("vacancy", "apply", "success", "status")


def _css_of(client, html: str) -> int:
    total = 0
    for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', html):
        res = client.get(href)
        assert res.status_code == 200
        total += len(res.data)
        res.close()
    return total


def test_resident_pages_weigh_under_budget(client, make, vacancy, azc, db_session):
    closed = make.vacancy(locations=[azc], code="CLS999", status="closed")
    for n in range(25):  # a busy notice board
        make.vacancy(locations=[azc], code=f"BRD{n:03d}", title=f"Medewerker orderpicken {n}",
                     summary="Je pakt bestellingen in een groot magazijn. Je werkt in een team "
                             "met vaste collega's. Je krijgt uitleg op de eerste dag. " * 2)
    db_session.commit()
    success = client.post("/v/ABC234/ZDM/solliciteren?lang=ar", data=form_data())
    token = re.search(r"/s/([\w-]+)", success.get_data(as_text=True)).group(1)
    pages = {
        "vacancy": client.get("/v/ABC234/ZDM?lang=ar"),
        # the form as the vacancy page's first two questions open it (they are on that page)
        "apply": client.get("/v/ABC234/ZDM/solliciteren?lang=ar&residence_status=asylum_seeker"
                            "&procedure=yes"),
        "apply, opened directly": client.get("/v/ABC234/ZDM/solliciteren?lang=ar"),
        "success": success,
        "status": client.get(f"/s/{token}?lang=ar"),
        "closed": client.get(f"/v/{closed.code}/ZDM?lang=ar"),
        "board": client.get("/l/ZDM?lang=ar"),
    }
    css = None
    journey = 0
    for name, res in pages.items():
        assert res.status_code == 200, name
        html = res.get_data(as_text=True)
        page_css = _css_of(client, html)
        css = page_css if css is None else css
        assert page_css == css  # one shared, cacheable stylesheet
        assert len(res.data) + page_css < BUDGET, name
        if name in JOURNEY:
            journey += len(res.data)
    # The usual path, stylesheet fetched once: all four pages together fit one page's budget.
    assert journey + css < BUDGET, (journey, css)
