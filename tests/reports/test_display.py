"""A report's free text on the adviser's pages: the reporter's own words, in their script,
isolated in <bdi> and stripped of bidi overrides before they are stored."""
from __future__ import annotations

from portal.accounts.models import Role
from tests.reports.helpers import make_report


def test_reporter_text_is_isolated_and_overrides_are_gone(client, login, make, db_session):
    region = make.region()
    loc = make.location(region)
    adviser = make.user(Role.adviser, region=region)
    report = make_report(location=loc, employer_name="\u202eمزرعة الشرق",
                         description="يأخذون جوازي\u2066.\u2069", contact="ሰላም 0612345678")
    db_session.commit()
    login(adviser)
    queue = client.get("/adviseur/meldingen").get_data(as_text=True)
    assert "<bdi>مزرعة الشرق</bdi>" in queue
    page = client.get(f"/adviseur/meldingen/{report.id}").get_data(as_text=True)
    assert "<bdi>مزرعة الشرق</bdi>" in page and "<bdi>يأخذون جوازي.</bdi>" in page
    assert "<bdi>ሰላም 0612345678</bdi>" in page
    assert "\u202e" not in page and "\u2066" not in page
