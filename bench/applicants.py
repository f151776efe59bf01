"""Time the recruiter's applicant list with 10,000 applications on SQLite (budget: 1 s).

    .venv/bin/python bench/applicants.py [--count 10000]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=10_000)
    args = ap.parse_args()

    import portal.models  # noqa: F401
    from portal import create_app, db
    from portal.accounts.models import Role
    from portal.db import Base
    from tests.applicants.perf import add_applications, time_list_page
    from tests.factories import Factory

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({"ENV": "testing", "SECRET_KEY": "bench", "WTF_CSRF_ENABLED": False,
                          "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3", "MAIL_SERVER": None})
        Base.metadata.create_all(app.extensions["db_engine"])
        with app.app_context():
            make = Factory()
            region = make.region()
            locations = [make.location(region) for _ in range(3)]
            member = make.user(Role.member, organisation=make.organisation(region))
            vacancies = [make.vacancy(member.organisation, locations=locations) for _ in range(10)]
            db.session.commit()
            add_applications(vacancies, locations, args.count)
            from flask_login.utils import _create_identifier

            client = app.test_client()
            with app.test_request_context(environ_base=client.environ_base):
                ident = _create_identifier()
            with client.session_transaction() as sess:
                sess["_user_id"] = member.get_id()
                sess["_fresh"] = True
                sess["_id"] = ident
            results = {
                "first page": time_list_page(client, "/sollicitanten/"),
                "filtered": time_list_page(
                    client, f"/sollicitanten/?language=ar&location={locations[0].id}&sort=oldest"),
                "last page": time_list_page(client, f"/sollicitanten/?pagina={args.count // 50}"),
            }
        app.extensions["db_engine"].dispose()
    for label, ms in results.items():
        print(f"applicant list, {args.count} applications, {label}: {ms:.0f} ms")


if __name__ == "__main__":
    main()
