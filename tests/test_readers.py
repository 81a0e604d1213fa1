"""The two PDF readers (PDFium, the default, and pdfplumber) give the same minutes.

Both feed one path (pdf.build_page -> geometry.fragments -> layout), so on every fixture layout,
in both fonts, and on the real PDFs in ../shared/realpdf the JSON of `ingest` must be identical.
Where they may differ, the difference is named here, and the test checks it stays that small:

  FLOAT32_BOXES      PDFium keeps coordinates in 32-bit floats and takes a glyph's descent from the
                     font program (pdfminer from the font descriptor): tops and bottoms agree to
                     0.05 pt, not exactly.
  GLYPH_WIDTHS       PDFium takes some glyphs' advance widths from the font program, pdfminer
                     from the PDF's /Widths or /W: a fragment's end (and, along Latin text set
                     glyph by glyph, its letters) may move, by up to 0.15 of a character size
                     (1.56 pt after a line-end 。 at 10.56 pt on p1.pdf). Boxes are not in the
                     JSON, and on every document here the text is the same; a gap within that
                     much of a threshold (SPLIT_GAP, WORD_GAP) could be judged differently.
  RENDER_MODE_BLIND  pdfplumber cannot see text render modes: PdfPage.invisible is None from it,
                     the share of invisibly drawn characters (an OCR layer) from PDFium.
  UNTAGGED_ARTIFACTS /Artifact marked content is part of Tagged PDF: PDFium asks for marks only in a
                     document whose catalog says it is tagged (/MarkInfo /Marked true), which saves a
                     call per text object elsewhere; pdfplumber reads the tag in any document. In an
                     untagged PDF that marks artifacts anyway, the marked lines stay in the page's
                     lines for the PDFium reader (the furniture stage then judges them as any other
                     line). The real PDFs here are tagged.

Nothing else is allowed to differ. The test also checks things that made the readers differ
while PDFium was brought in: a drawn full-width space PDFium leaves out after a space of its own
(text drawn bottom-up), sizes of glyphs scaled by the text matrix, turned pages (/Rotate), and
that a page with sideways glyphs is left to pdfplumber.
"""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from fixtures.render_pdf import FONTS, LAYOUTS, render
from kaigiroku.ingest import ingest, read_pages
from kaigiroku.ingest import geometry
from kaigiroku.ingest.pdf import build_page, open_reader
from kaigiroku.writers import render as write

ROOT = Path(__file__).resolve().parents[1]
REALPDF = ROOT.parent / "shared" / "realpdf"
Y_TOL = 0.05  # FLOAT32_BOXES
X_TOL = 0.2  # GLYPH_WIDTHS, in character sizes

# Small minutes that still cross pages: names with full-width spaces (the bottom-up layout drew
# them as separate text objects), Latin words and digits (word spaces), a note, two speakers.
MINUTES = {
    "meta": {"title": "第3回東雲市読者比較審議会会議録", "date_text": "令和6年5月20日（月）",
             "place": "東雲市役所 第2会議室", "attendees": ["会長 山田 太郎", "委員 佐藤 花子", "委員 尾身 朝子"]},
    "turns": [
        {"kind": "speech", "speaker": "会長", "text": "ただいまから会議を開きます。理事に\n\n尾身　朝子君　永岡　桂子君\n\n"
                                                    "及び　浮島　智子君\n\nを指名いたします。"},
        {"kind": "note", "text": "（「異議なし」と呼ぶ者あり）"},
        {"kind": "speech", "speaker": "委員", "text": "PDF file の version 1.7 について、ISO 32000-1 の規定を確認します。" * 3},
        {"kind": "speech", "speaker": "会長", "text": "御異議なしと認めます。" + "それでは次の議題に移ります。" * 40},
        {"kind": "speech", "speaker": "委員", "text": "第2条第3項の改正案について質問します。" * 12},
    ],
}


def _both(path: Path) -> tuple[str, str]:
    return tuple(write(ingest(path, ocr="never", reader=r), "json") for r in ("pdfium", "pdfplumber"))


def _pages(path: Path):
    return {r: read_pages(path, ocr="never", reader=r)[0] for r in ("pdfium", "pdfplumber")}


def _same_lines(path: Path) -> None:
    """Page by page: the same fragments, in the same order, with boxes within FLOAT32_BOXES and
    GLYPH_WIDTHS."""
    pages = _pages(path)
    assert len(pages["pdfium"]) == len(pages["pdfplumber"])
    for a, b in zip(pages["pdfium"], pages["pdfplumber"]):
        for kind in ("lines", "furniture"):
            la, lb = getattr(a, kind), getattr(b, kind)
            assert [ln.text for ln in la] == [ln.text for ln in lb], (path.name, a.number, kind)
            for x, y in zip(la, lb):
                x_tol = X_TOL * max(x.size, 1.0)
                for f, tol in (("x0", x_tol), ("top", Y_TOL), ("x1", x_tol), ("bottom", Y_TOL), ("size", Y_TOL)):
                    assert abs(getattr(x, f) - getattr(y, f)) <= tol, (path.name, a.number, f, x, y)
        assert len(a.rules) == len(b.rules)
        assert b.invisible is None and a.invisible == 0.0  # RENDER_MODE_BLIND


@pytest.mark.parametrize("font", list(FONTS))
@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_readers_agree_on_every_layout(layout, font, tmp_path):
    pdf = render(MINUTES, layout, tmp_path / f"{layout}_{font}.pdf", font)
    pdfium_json, plumber_json = _both(pdf)
    assert pdfium_json == plumber_json, (layout, font)
    turns = json.loads(pdfium_json)["turns"]
    assert [t["speaker"] for t in turns if t["kind"] == "speech"] == ["会長", "委員", "会長", "委員"]
    # the drawn full-width spaces between surname and name survive (PDFium left one out once)
    first_speech = next(t for t in turns if t["kind"] == "speech")
    assert "尾身　朝子君" in first_speech["text"], first_speech["text"]
    if layout in ("table_ruled", "labels_after_body", "inline"):
        _same_lines(pdf)


def test_reopening_the_document_reads_the_same(tmp_path, monkeypatch):
    """PDFium's reader reopens a long document every REOPEN_EVERY pages (to bound what PDFium keeps):
    pages read after a reopening are the pages read in one go."""
    from kaigiroku.ingest import pdf as pdf_module

    path = render(MINUTES, "table_ruled", tmp_path / "reopen.pdf", "mincho")
    once = read_pages(path, ocr="never", reader="pdfium")[0]
    monkeypatch.setattr(pdf_module, "REOPEN_EVERY", 1)
    reopened = read_pages(path, ocr="never", reader="pdfium")[0]
    assert len(once) >= 2
    assert [[(ln.text, ln.x0, ln.top) for ln in p.lines] for p in reopened] == \
        [[(ln.text, ln.x0, ln.top) for ln in p.lines] for p in once]
    assert [p.rules for p in reopened] == [p.rules for p in once]


@pytest.mark.parametrize("name", ["p1.pdf", "p2.pdf"])
def test_readers_agree_on_real_pdfs(name):
    path = REALPDF / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    pdfium_json, plumber_json = _both(path)
    assert pdfium_json == plumber_json
    _same_lines(path)


def _source_pages(path: Path, reader: str):
    """Each page as the reader builds it, with whether its characters came from PDFium (pdfplumber
    cannot see render modes: RENDER_MODE_BLIND), without the OCR decision read_pages makes."""
    out = []
    with open_reader(path, reader) as doc:
        for sp in doc:
            marks = sp._read()
            sp.close()
            out.append((build_page(marks), marks.chars.invisible is not None))
    return out


@pytest.mark.parametrize("rotation", [90, 180, 270])
def test_turned_page_reads_the_same(rotation, tmp_path):
    """A page with /Rotate is read by PDFium, turned as pdfminer turns it: the same fragments at the
    same places. Turned a quarter turn, its upright glyphs are not upright as displayed (both readers
    then read no text there, and the page goes to OCR); turned half a turn they are."""
    import pypdfium2 as pdfium

    pdf = render(MINUTES, "inline", tmp_path / "plain.pdf")
    doc = pdfium.PdfDocument(str(pdf))
    doc[1].set_rotation(rotation)
    turned = tmp_path / "turned.pdf"
    doc.save(str(turned))
    doc.close()
    pages = {r: _source_pages(turned, r) for r in ("pdfium", "pdfplumber")}
    for (a, by_pdfium), (b, _) in zip(pages["pdfium"], pages["pdfplumber"]):
        assert by_pdfium, a.number
        assert (round(a.width, 2), round(a.height, 2)) == (round(b.width, 2), round(b.height, 2))
        assert [ln.text for ln in a.lines] == [ln.text for ln in b.lines], (rotation, a.number)
        for x, y in zip(a.lines, b.lines):
            for f in ("x0", "top", "x1", "bottom"):
                assert abs(getattr(x, f) - getattr(y, f)) <= X_TOL * max(x.size, 1.0), (rotation, f, x, y)
    assert bool(pages["pdfium"][1][0].lines) == (rotation == 180)
    if rotation == 180:
        assert _both(turned)[0] == _both(turned)[1]


def test_sideways_glyphs_are_left_to_pdfplumber(tmp_path):
    """A landscape page stored as portrait media with /Rotate 90, its text drawn a quarter turn the
    other way to read upright: PDFium's source boxes only glyphs upright in user space, so this page
    is pdfplumber's, and both readers give the same lines."""
    import pypdfium2 as pdfium
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    name, path = FONTS["mincho"]
    pdfmetrics.registerFont(TTFont(name, path))
    out = tmp_path / "landscape.pdf"
    c = canvas.Canvas(str(out), pagesize=(595, 842))
    c.translate(595, 0)
    c.rotate(90)
    for i, line in enumerate(["○会長　ただいまから会議を開きます。", "○委員　質問がございます。"]):
        c.setFont(name, 10.5)
        c.drawString(72, 500 - 20 * i, line)
    c.showPage()
    c.save()
    doc = pdfium.PdfDocument(str(out))
    doc[0].set_rotation(90)
    turned = tmp_path / "turned.pdf"
    doc.save(str(turned))
    doc.close()
    (a, by_pdfium), = _source_pages(turned, "pdfium")
    (b, _), = _source_pages(turned, "pdfplumber")
    assert not by_pdfium
    assert [ln.text for ln in a.lines] == [ln.text for ln in b.lines] == ["○会長　ただいまから会議を開きます。",
                                                                         "○委員　質問がございます。"]


def test_invisible_text_is_read_and_known(tmp_path):
    """Text drawn in render mode 3 (an OCR layer) is read by both, and PDFium says it is invisible."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    name, path = FONTS["mincho"]
    pdfmetrics.registerFont(TTFont(name, path))
    out = tmp_path / "invisible.pdf"
    c = canvas.Canvas(str(out), pagesize=(595, 842))
    for i, (mode, line) in enumerate([(0, "○会長　ただいまから会議を開きます。"), (3, "○委員　質問がございます。"),
                                      (3, "この行は見えない文字で書かれています。")]):
        t = c.beginText(72, 700 - 20 * i)
        t.setFont(name, 10.5)
        t.setTextRenderMode(mode)
        t.textOut(line)
        c.drawText(t)
    c.showPage()
    c.save()
    pages = _pages(out)
    a, b = pages["pdfium"][0], pages["pdfplumber"][0]
    assert [ln.text for ln in a.lines] == [ln.text for ln in b.lines]
    assert any("質問がございます" in ln.text for ln in a.lines)
    n_hidden = len("○委員　質問がございます。この行は見えない文字で書かれています。") - 1  # the drawn "　" is no glyph
    n_all = n_hidden + len("○会長ただいまから会議を開きます。")
    assert a.invisible == pytest.approx(n_hidden / n_all, abs=0.03)
    assert b.invisible is None  # RENDER_MODE_BLIND


def _artifact_pdf(path: Path, catalog: bytes) -> Path:
    """A page of eight body lines, a page number and a running header marked /Artifact."""
    from tests.test_pdf_errors import pdf_from_objects

    body = "".join(f"BT /F1 11 Tf 72 {700 - 16 * i} Td (Speaker {i}: the committee met and agreed.) Tj ET\n"
                   for i in range(8))
    stream = (body + "/Artifact <</Type /Pagination>> BDC BT /F1 9 Tf 290 40 Td (12) Tj ET EMC\n"
              "/Artifact BMC BT /F1 9 Tf 72 800 Td (Running header) Tj ET EMC\n").encode()
    path.write_bytes(pdf_from_objects([catalog,
                                       b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                                       b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                                       b"/Resources << /Font << /F1 5 0 R >> >> >>",
                                       b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
                                       b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]))
    return path


def test_artifact_tagged_furniture(tmp_path):
    """Marked content tagged /Artifact (a page number, a running header) in a tagged PDF is furniture for
    both readers."""
    out = _artifact_pdf(tmp_path / "tagged.pdf", b"<< /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> >>")
    pages = _pages(out)
    for reader, (page,) in pages.items():
        assert sorted(f.text for f in page.furniture) == ["12", "Running header"], reader
        assert len(page.lines) == 8 and not any("Running" in ln.text for ln in page.lines), reader


def test_artifact_marks_in_an_untagged_pdf(tmp_path):
    """UNTAGGED_ARTIFACTS: in a PDF that does not say it is tagged, PDFium does not ask for marks; the
    lines are the same, only the split between lines and furniture may differ."""
    pages = _pages(_artifact_pdf(tmp_path / "untagged.pdf", b"<< /Type /Catalog /Pages 2 0 R >>"))
    (a,), (b,) = pages["pdfium"], pages["pdfplumber"]
    assert a.furniture == [] and sorted(f.text for f in b.furniture) == ["12", "Running header"]
    assert sorted(ln.text for ln in a.lines) == sorted(ln.text for ln in b.lines + b.furniture)


def test_scaled_glyphs_have_pdfminers_size(tmp_path):
    """Size is the font size times the text matrix scale (Tf 1 with a 10.5 Tm is 10.5 pt), and a
    Latin font's box is as tall as its size, as pdfminer makes it (PDFium's own box is taller)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    name, path = FONTS["gothic"]
    pdfmetrics.registerFont(TTFont(name, path))
    out = tmp_path / "scaled.pdf"
    c = canvas.Canvas(str(out), pagesize=(595, 842))
    t = c.beginText()
    t.setFont(name, 1)
    t.setTextTransform(10.5, 0, 0, 10.5, 100, 700)
    t.textOut("会議録の拡大された文字")
    c.drawText(t)
    t = c.beginText(100, 650)
    t.setFont("Helvetica", 12)
    t.textOut("Hello World 2024")
    c.drawText(t)
    c.showPage()
    c.save()
    with open_reader(out, "pdfium") as doc:
        (sp,) = list(doc)
        chars = sp._read().chars
        sp.close()
    sizes = dict(zip(chars.text, chars.size.tolist()))
    assert sizes["会"] == pytest.approx(10.5, abs=0.01) and sizes["H"] == pytest.approx(12, abs=0.01)
    assert np.allclose(chars.bottom - chars.top, chars.size, atol=0.01)
    pages = _pages(out)
    assert [ln.text for ln in pages["pdfium"][0].lines] == [ln.text for ln in pages["pdfplumber"][0].lines] \
        == ["会議録の拡大された文字", "Hello World 2024"]


def test_fragments_same_on_both_code_paths():
    """geometry.fragments takes a numpy path when every text is one code point, a list path when
    some are longer (a ligature "fi" from pdfplumber): the two give the same fragments."""
    path = REALPDF / "p2.pdf"
    if not path.exists():
        pytest.skip(f"{path} not present")
    with open_reader(path, "pdfium") as doc:
        for sp in doc:
            chars = sp._read().chars
            sp.close()
            fast = geometry.fragments(chars, sp.number)
            lig = len(chars.text)
            chars.text.append("fi")  # one two-letter glyph off the page's rows makes the list path
            for name in ("x0", "x1", "size"):
                setattr(chars, name, np.append(getattr(chars, name), 1.0))
            chars.top, chars.bottom = np.append(chars.top, -100.0), np.append(chars.bottom, -99.0)
            chars.upright, chars.artifact = np.append(chars.upright, True), np.append(chars.artifact, False)
            chars.invisible = np.append(chars.invisible, False)
            slow = [f for f in geometry.fragments(chars, sp.number) if f.text != "fi"]
            assert len(chars.text) == lig + 1
            assert fast == slow, sp.number


def test_form_xobject_text_and_rules(tmp_path):
    """Text and rulings drawn inside a form XObject (placed by a `cm`) are found by both readers, at the
    same places: PDFium's walk goes into the form with its matrix."""
    from tests.test_pdf_errors import pdf_from_objects

    body = "".join(f"BT /F1 11 Tf 72 {700 - 16 * i} Td (Speaker {i}: the committee met and agreed.) Tj ET\n"
                   for i in range(8))
    form = (body + "0.5 w 72 560 m 520 560 l S\n72 540 448 0.5 re f\n").encode()
    content = b"q 1 0 0 1 10 -20 cm /Fm1 Do Q\n"
    pdf = pdf_from_objects([b"<< /Type /Catalog /Pages 2 0 R >>",
                            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
                            b"/Resources << /XObject << /Fm1 6 0 R >> >> >>",
                            b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
                            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                            b"<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] "
                            b"/Resources << /Font << /F1 5 0 R >> >> /Length %d >>\nstream\n" % len(form)
                            + form + b"\nendstream"])
    out = tmp_path / "form.pdf"
    out.write_bytes(pdf)
    (a, by_pdfium), = _source_pages(out, "pdfium")
    (b, _), = _source_pages(out, "pdfplumber")
    assert by_pdfium
    assert [ln.text for ln in a.lines] == [ln.text for ln in b.lines] and len(a.lines) == 8
    assert [ln.x0 for ln in a.lines] == [ln.x0 for ln in b.lines] == [82.0] * 8
    assert a.rules == b.rules and len(a.rules) == 2
