"""Bytes transferred for each resident page (HTML + the CSS it links), in Dutch and Arabic,
on the demo data. Budget: 30 KB per page (tests/apply/test_weight.py enforces it).

    .venv/bin/python bench/page_weight.py
"""
from __future__ import annotations

import gzip
import re
import sqlite3
import tempfile
from pathlib import Path

from portal import create_app
from portal.migrate import upgrade

BUDGET = 30 * 1024


def main() -> None:
    db = Path(tempfile.mkdtemp()) / "weight.sqlite3"
    app = create_app({"DATABASE_URL": f"sqlite:///{db}", "SECRET_KEY": "bench", "ENV": "testing",
                      "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False, "MAIL_SERVER": None})
    upgrade(app)
    assert app.test_cli_runner().invoke(args=["portal", "seed-demo"]).exit_code == 0
    con = sqlite3.connect(db)
    code, loc_id = con.execute("SELECT v.code, vl.location_id FROM vacancy v JOIN vacancy_location vl "
                               "ON vl.vacancy_id = v.id WHERE v.status='published' ORDER BY v.id").fetchone()
    loc = con.execute("SELECT code FROM location WHERE id=?", (loc_id,)).fetchone()[0]
    client = app.test_client()
    closed = con.execute("SELECT code FROM vacancy WHERE status!='published' LIMIT 1").fetchone()
    print(f"{'page':<10} {'lang':<4} {'html':>7} {'css':>7} {'total':>7} {'gzip':>7}  budget 30 KB")
    for lang in ("nl", "ar"):
        form = {"name": "Samira", "phone": "06 1234567" + str(len(lang) + ord(lang[0]) % 10), "lang1": "ar", "level1": "good",
                "residence_status": "status_holder", "azc_location": str(loc_id),
                "submission_key": f"bench-{lang}"}
        success = client.post(f"/v/{code}/{loc}/solliciteren?lang={lang}", data=form)
        token = re.search(r"/s/([\w-]+)", success.get_data(as_text=True)).group(1)
        pages = {
            "vacancy": client.get(f"/v/{code}/{loc}?lang={lang}"),
            "apply": client.get(f"/v/{code}/{loc}/solliciteren?lang={lang}"),
            "success": success,
            "status": client.get(f"/s/{token}?lang={lang}"),
            "board": client.get(f"/l/{loc}?lang={lang}"),
            "report": client.get(f"/report?lang={lang}"),
            "front": client.get(f"/?lang={lang}"),
            "404": client.get(f"/bestaat-niet?lang={lang}"),
        }
        if closed:
            pages["closed"] = client.get(f"/v/{closed[0]}/{loc}?lang={lang}")
        for name, res in pages.items():
            html = res.data
            css = b"".join(client.get(h).data for h in
                           re.findall(r'<link rel="stylesheet" href="([^"]+)"', res.get_data(as_text=True)))
            total = len(html) + len(css)
            zipped = len(gzip.compress(html)) + len(gzip.compress(css))
            flag = "" if total < BUDGET else "  OVER"
            print(f"{name:<10} {lang:<4} {len(html):>7} {len(css):>7} {total:>7} {zipped:>7}{flag}")


if __name__ == "__main__":
    main()
