"""Real minutes PDFs (../shared/realpdf, Word-made, inline ○ labels), and the per-page OCR decision."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from fixtures.render_pdf import render
from kaigiroku.ingest import ingest, read_pages
from kaigiroku.ingest.layout import pages_to_stream
from kaigiroku.model import Line, Page

SHARED = Path(__file__).resolve().parents[2] / "shared"
MARK = re.compile(r"^[○〇◯]")


@pytest.mark.parametrize("name, pages", [("p1.pdf", 33), ("p2.pdf", 6)])
def test_real_pdf_speeches_attributed(name, pages):
    path = SHARED / "realpdf" / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    doc_pages, n_ocr = read_pages(path, ocr="never")
    assert len(doc_pages) == pages and n_ocr == 0
    stream = pages_to_stream(doc_pages)
    # every page after the cover has its page number removed as furniture
    for p in doc_pages[1:]:
        assert any(f.text.strip() == str(p.number) for f in p.furniture), (p.number, p.furniture)
    marked = [s for s in stream if MARK.match(s.text)]
    minutes = ingest(path, ocr="never")
    speeches = [t for t in minutes.speeches if t.speaker]
    print(f"{name}: {minutes.pages} pages, {len(marked)} ○ labels in the stream, {len(speeches)} attributed "
          f"speeches, speakers {sorted({t.speaker for t in speeches})}")
    assert len(marked) >= 10
    # nearly every ○ label opens an attributed speech (a role the label list lacks, 会長代理, does not)
    assert len(speeches) >= 0.9 * len(marked)
    assert not any(MARK.match(t.text) for t in minutes.turns)  # no label left in a text
    assert all(t.page and 1 <= t.page <= pages for t in minutes.turns)
    assert minutes.ocr_pages == 0


def test_ocr_auto_sends_only_pages_without_text(tmp_path, monkeypatch):
    """ocr="auto": text pages are read by geometry, the scanned page alone goes to OCR."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from kaigiroku.ingest import ocr
    from tests.test_pdf_errors import MINUTES, _scan_like_image

    text_pdf = render(MINUTES, "inline", tmp_path / "t.pdf")
    # a document of two text pages (cover, body) and a scanned page: append a page by hand
    mixed = tmp_path / "mixed.pdf"
    import pypdfium2 as pdfium

    scan = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(scan), pagesize=(595, 842))
    c.drawImage(ImageReader(_scan_like_image()), 0, 0, 595, 842)
    c.showPage()
    c.save()
    doc = pdfium.PdfDocument(str(text_pdf))
    doc.import_pages(pdfium.PdfDocument(str(scan)))
    doc.save(str(mixed))
    asked = []

    def fake_ocr(path, page_numbers, dpi=300, lang="jpn", jobs=None, **kw):
        asked.extend(page_numbers)
        return [Page(number=n, width=595, height=842, source="ocr",
                     lines=[Line("○委員　スキャンした頁の発言です。", 60, 100, 400, 111, n, 11, 90.0)])
                for n in page_numbers]

    monkeypatch.setattr(ocr, "ocr_pdf_pages", fake_ocr)
    minutes = ingest(mixed, ocr="auto")
    assert asked == [3] and minutes.ocr_pages == 1 and minutes.pages == 3
    assert minutes.speeches[-1].speaker == "委員" and minutes.speeches[-1].page == 3
    asked.clear()
    minutes = ingest(mixed, ocr="always")
    assert asked == [1, 2, 3] and minutes.ocr_pages == 3
