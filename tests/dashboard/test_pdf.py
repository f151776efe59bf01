"""The monthly and quarterly report as a steering group reads it: the summary band, a paragraph
in plain Dutch, the pictures as vector graphics, then the tables; no heading alone at the foot
of a page; the posters' Noto fonts. Read back with pdfium (pypdfium2)."""
from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from portal import clock
from portal.dashboard import charts, pdf
from tests.dashboard import scenario, scenario_glance


@pytest.fixture
def world(make, db_session):
    clock.move_to(scenario.NOW)
    w = scenario_glance.extend(make, scenario.build(make))
    db_session.commit()
    return w


def page_texts(data: bytes) -> list[str]:
    document = pdfium.PdfDocument(data)
    texts = [document[i].get_textpage().get_text_range().replace("\r\n", "\n") for i in range(len(document))]
    document.close()
    return texts


def object_kinds(data: bytes) -> set[int]:
    document = pdfium.PdfDocument(data)
    kinds = {obj.type for i in range(len(document)) for obj in document[i].get_objects()}
    document.close()
    return kinds


def test_monthly_report_reads_top_down_band_summary_pictures_tables(client, login, world):
    login(world.adviser_a)
    resp = client.get(f"/adviseur/cijfers/maand.pdf?month=2026-02&location={world.A1.id}")
    assert resp.status_code == 200
    text = "\n".join(page_texts(resp.data))
    flat = " ".join(text.split())
    assert "Maandoverzicht werk voor azc-bewoners" in flat
    assert "Regio A, februari 2026, azc Alfa" in flat  # where, when and the filter
    order = [flat.index(h) for h in ("In één oogopslag", "Samenvatting", "Van sollicitatie tot werk",
                                     "Per week: sollicitaties, aangenomen en gestopt",
                                     "Alle cijfers in tabellen", "Sollicitaties per azc-poster")]
    assert order == sorted(order)
    assert "In deze periode kwamen 2 sollicitaties binnen." in flat  # a3 and a5 in February
    assert "Verandering ten opzichte van de 28 dagen ervoor (4 januari 2026 t/m 31 januari 2026)." in flat
    # Pictures are drawn, not pasted: paths and text, no images.
    kinds = object_kinds(resp.data)
    assert pdfium_c.FPDF_PAGEOBJ_PATH in kinds and pdfium_c.FPDF_PAGEOBJ_IMAGE not in kinds


def test_quarterly_report_covers_three_months(client, login, world):
    login(world.adviser_a)
    resp = client.get("/adviseur/cijfers/kwartaal.pdf?quarter=2026-Q1")
    assert resp.status_code == 200 and 'filename="kwartaaloverzicht-2026-Q1.pdf"' in resp.headers["Content-Disposition"]
    flat = " ".join("\n".join(page_texts(resp.data)).split())
    assert "Kwartaaloverzicht werk voor azc-bewoners" in flat and "Regio A, kwartaal 2026 Q1" in flat
    assert "In deze periode kwamen 11 sollicitaties binnen." in flat  # a14: 16 March in NL


def test_the_posters_fonts_and_nothing_else():
    data = pdf.monthly_overview(_content(grids=2))
    assert b"NotoSans-Regular" in data and b"NotoSans-Bold" in data
    assert b"Helvetica" not in data


def _content(grids: int) -> pdf.Content:
    bars = [charts.Bar(f"Stap {i}", 10 - i, f"{10 - i}") for i in range(6)]
    tables = [pdf.Grid(f"Tabel nummer {n}", ["Onderwerp", "Aantal"],
                       [[f"regel {n}.{r}", str(r)] for r in range(3 + (n * 7) % 23)], "Een noot.")
              for n in range(grids)]
    return pdf.Content(
        title="Maandoverzicht", subtitle="Regio A, februari 2026", band_heading="In één oogopslag",
        band=[pdf.BandCell(f"Cijfer {i}", str(i), "nu", "gelijk") for i in range(6)],
        summary_heading="Samenvatting", summary="Een korte samenvatting.",
        pictures=[pdf.Picture("Van sollicitatie tot werk", charts.funnel("f", "Trechter", "", bars))],
        tables_heading="Alle cijfers in tabellen", grids=tables, page_label="Pagina %(page)s")


def test_no_heading_is_left_alone_at_the_foot_of_a_page():
    content = _content(grids=40)  # tables of 3 to 25 rows: page breaks fall everywhere
    texts = page_texts(pdf.monthly_overview(content))
    assert len(texts) > 5
    headings = {g.title for g in content.grids} | {content.tables_heading, content.summary_heading,
                                                   content.band_heading}
    for number, text in enumerate(texts, start=1):
        lines = [ln.strip() for ln in text.split("\n") if ln.strip() and ln.strip() != f"Pagina {number}"]
        assert lines[-1] not in headings, (number, lines[-1])
    for n, grid in enumerate(content.grids):
        page = next(t for t in texts if grid.title in t)
        assert f"regel {n}.0" in page  # the heading's page shows its table's first row
