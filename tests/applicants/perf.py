"""Shared by the performance test and bench/applicants.py: 10,000 applications, fast."""
from __future__ import annotations

import hashlib
import time
from datetime import timedelta

from sqlalchemy import insert

from portal import db
from portal.applicants.models import Application, ResidenceStatus, Stage
from portal.clock import utcnow

STAGES = [Stage.new, Stage.contacted, Stage.tour, Stage.assessment, Stage.offer, Stage.rejected]
LANGS = ["ar", "ti", "fa", "tr", "so", "en"]


def add_applications(vacancies, locations, n: int = 10_000) -> None:
    now = utcnow()
    rows = []
    for i in range(n):
        rows.append(dict(
            reference=f"P{i:09d}"[:12], vacancy_id=vacancies[i % len(vacancies)].id,
            azc_location_id=locations[i % len(locations)].id,
            poster_location_id=locations[i % len(locations)].id,
            name=f"Bench Person {i}", phone=f"+316{i:08d}", email=None,
            languages=[{"lang": LANGS[i % len(LANGS)], "level": "good"}],
            residence_status=ResidenceStatus.asylum_seeker, ui_language="ar", consent_at=now,
            status_token_hash=hashlib.sha256(f"bench{i}".encode()).hexdigest(),
            stage=STAGES[i % len(STAGES)], created_at=now - timedelta(minutes=i),
            updated_at=now, keep_one_year=False,
        ))
    db.session.execute(insert(Application), rows)
    db.session.commit()


def time_list_page(client, url: str, rounds: int = 3) -> float:
    """Best of `rounds`, in milliseconds."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - start) * 1000
        assert response.status_code == 200, (response.status_code, response.location)
        best = min(best, elapsed)
    return best
