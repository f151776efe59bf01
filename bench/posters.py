"""Benchmark of the poster PDF builder (budget: < 50 ms a poster, < 1.5 s for 50).

Run from the project root:  python bench/posters.py  [--runs 30] [--pages 50]
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from portal.posters.pdf import (  # noqa: E402
    PosterFacts,
    VacancyPoster,
    render_board_poster,
    render_report_poster,
    render_vacancy_poster,
    render_vacancy_posters,
)
from portal.posters.phrases import SCAN_TO_APPLY  # noqa: E402

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def poster(i: int) -> VacancyPoster:
    code = "".join(ALPHABET[(i * 7 + k * 13) % len(ALPHABET)] for k in range(6))
    return VacancyPoster(
        title=f"Productiemedewerker bakkerij {i}",
        employer_line="via Uitzendbureau Snelwerk voor Bakkerij De Zon",
        summary=(
            "Je helpt bij het bakken van brood en het inpakken van producten. Je werkt in "
            "een team van 8 mensen. Je krijgt eerst een rondleiding en een goede uitleg. "
            "Werkschoenen en kleding krijg je van ons. Je begint vroeg: om 6 uur 's ochtends."
        ),
        facts=PosterFacts(
            hours="24–32 uur per week",
            wage="€ 14,71 – € 16,00 per uur",
            place="Zaandam, Hemkade 12",
            dutch="Nederlands: A2",
            english="Engels: niet nodig",
            start="Start: 1 december 2026",
        ),
        url=f"HTTPS://WERK.EXAMPLE.NL/V/{code}/ZDM",
        display_url=f"werk.example.nl/v/{code}/ZDM",
        code=code,
        valid_until="geldig tot 27 februari 2027",
        report_url="werk.example.nl/report",
        safety_critical=i % 2 == 0,
        tour_offered=i % 3 == 0,
    )


PHRASE_LINES = (
    ("nl", "Je maakt hotelkamers schoon en je maakt bedden op. Je maakt toiletten schoon."),
    ("en", "Hotel cleaner: You clean hotel rooms and make beds. You clean toilets and showers."),
    ("ti", "ሰራሕተኛ ጽሬት ኣብ ሆቴል: ክፍልታት ሆቴል ተጽሪን ዓራታት ተዳልውን።"),
    ("ar", "عامل تنظيف في فندق: تنظّف غرف الفندق وترتّب الأسرّة."),
    ("fa", "نظافتچی در هتل: اتاق‌های هتل را تمیز می‌کنی و تخت‌ها را مرتب می‌کنی."),
)
PHRASE_ICONS = ("broom", "person", "warning", "shirt", "bus", "book", "star", "shoe")


def with_phrases(p: VacancyPoster) -> VacancyPoster:
    cta = tuple(ph for ph in SCAN_TO_APPLY if ph[0] in ("nl", "en", "ti", "ar", "fa"))
    return dataclasses.replace(p, lines=PHRASE_LINES, icons=PHRASE_ICONS, cta=cta)


def timed(fn, runs: int) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        size = len(fn())
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000, size


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--pages", type=int, default=50)
    args = ap.parse_args()

    render_vacancy_poster(poster(0))  # warm-up: first use parses font tables
    # distinct posters, so every run computes a fresh QR code
    counter = iter(range(1, 10**9))
    ms, size = timed(lambda: render_vacancy_poster(poster(next(counter))), args.runs)
    print(f"vacancy poster: {ms:6.1f} ms median of {args.runs}  ({size / 1024:.0f} KiB)")
    # The phrasebook's additions (issue 14): pictograms, a line per language (Dutch, English and
    # three azc languages, Arabic and Ethiopic shaped) and a call to action in those languages.
    ms, size = timed(lambda: render_vacancy_poster(with_phrases(poster(next(counter)))), args.runs)
    print(f"  with phrases: {ms:6.1f} ms median of {args.runs}  ({size / 1024:.0f} KiB)")
    ms, size = timed(lambda: render_board_poster(
        "azc Zaandam", "HTTPS://WERK.EXAMPLE.NL/L/ZDM", "werk.example.nl/l/ZDM",
        "werk.example.nl/report"), args.runs)
    print(f"board poster:   {ms:6.1f} ms median of {args.runs}  ({size / 1024:.0f} KiB)")
    ms, size = timed(lambda: render_report_poster(
        "HTTPS://WERK.EXAMPLE.NL/REPORT", "werk.example.nl/report"), args.runs)
    print(f"report poster:  {ms:6.1f} ms median of {args.runs}  ({size / 1024:.0f} KiB)")

    batch = [poster(i) for i in range(1000, 1000 + args.pages)]
    t0 = time.perf_counter()
    pdf = render_vacancy_posters(batch)
    total = time.perf_counter() - t0
    print(f"{args.pages}-poster PDF:  {total * 1000:6.0f} ms total, "
          f"{total * 1000 / args.pages:.1f} ms a page  ({len(pdf) / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
