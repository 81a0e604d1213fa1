"""PDFs that already carry an OCR layer (invisible, word-spaced text over a page image, as
OCRmyPDF and scanners leave it): judged per page, replaced under --ocr auto when poor and under
--ocr redo always, born-digital pages kept. The fixture is made by fixtures/scan.add_ocr_layer."""
import pytest

from fixtures.scan import add_ocr_layer, make_case
from kaigiroku.ingest import ingest, ocrlayer
from kaigiroku.model import Line, Page
from kaigiroku.score import score


@pytest.fixture(scope="module")
def case(tmp_path_factory):
    out = tmp_path_factory.mktemp("layer")
    # a cover page (born-digital) and one body page, the body page scanned
    gold, pdf, scan = make_case("fixture:shigikai_shinonome_honkaigi", "assembly", "mild", out, dpi=200, chars=500)
    spaced, good = out / "spaced.pdf", out / "good.pdf"
    add_ocr_layer(pdf, scan, spaced, pages={2}, spaced=True)
    add_ocr_layer(pdf, scan, good, pages={2}, spaced=False)
    return gold, spaced, good


def _page(texts, cover=1.0):
    page = Page(number=1, width=595, height=842, lines=[Line(t, 50, 50 + 20 * i, 500, 60 + 20 * i, 1) for i, t in
                                                        enumerate(texts)], source="text")
    page.image_cover = cover
    return page


def test_judge_spaced_invisible_layer_is_poor_and_born_digital_is_not():
    spaced = _page(["〇 河野大 臣 : まず は 、 マ イナ ン バ ー カ ー ド の 普及 に つ いて"])
    v = ocrlayer.judge(spaced, invisible=1.0)
    assert v.ocr_layer and v.poor and v.spaced > ocrlayer.MAX_SPACED
    # born-digital minutes: letter-spaced labels and one Latin phrase, no image under them
    digital = _page(["会 長　ただいまから第３回教育委員会を開会いたします。", "委 員　ICT 支援員について伺います。"], cover=0.0)
    v = ocrlayer.judge(digital, invisible=0.0)
    assert not v.ocr_layer and not v.poor
    # the same clean text as an invisible layer over an image: an OCR layer, but not a poor one
    v = ocrlayer.judge(_page(["会長　ただいまから第３回教育委員会を開会いたします。"]), invisible=1.0)
    assert v.ocr_layer and not v.poor


def test_garbage_layer_is_poor():
    v = ocrlayer.judge(_page(["ﾛ▯▯ÄÖ¤¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿本日は"]), invisible=1.0)
    assert v.poor and v.garbage > ocrlayer.MAX_GARBAGE


def test_auto_reads_a_poor_layer_again_and_says_so(case):
    gold, spaced, _ = case
    trusted = ingest(spaced, ocr="never")
    assert trusted.ocr_pages == 0
    m = ingest(spaced, ocr="auto", dpi=200)
    assert m.ocr_pages == 1  # the scanned page; the born-digital cover is kept
    assert len(m.warnings) == 1 and m.warnings[0].startswith("page 2:") and "spaces" in m.warnings[0]
    s, before = score(gold, m.to_dict()), score(gold, trusted.to_dict())
    assert s["attributed"] >= 0.9 and s["cer"] <= 0.04
    assert s["attributed"] > before["attributed"] + 0.3


def test_auto_keeps_a_good_layer_and_redo_replaces_it(case):
    gold, _, good = case
    kept = ingest(good, ocr="auto")
    assert kept.ocr_pages == 0 and not kept.warnings
    m = ingest(good, ocr="redo", dpi=200)
    assert m.ocr_pages == 1 and "page 2" in m.warnings[0] and "redo" in m.warnings[0]
    assert score(gold, m.to_dict())["cer"] <= 0.04


def test_cli_offers_redo_and_warns_on_stderr(case, tmp_path):
    import subprocess
    import sys

    _, spaced, _ = case
    r = subprocess.run([sys.executable, "-m", "kaigiroku", "ingest", str(spaced), "--ocr", "redo", "--dpi", "200",
                        "-o", str(tmp_path / "out.txt")], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert "warning: page 2: text layer read again by OCR" in r.stderr
    assert (tmp_path / "out.txt").read_text(encoding="utf-8").strip()
