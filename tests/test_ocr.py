"""OCR of scanned minutes: accuracy on damaged scans, positioned lines, faults of the external program.

OCR is slow (two cores): the pages here are small, a handful of OCR runs in all.
"""
from __future__ import annotations

import json
import stat
from pathlib import Path

import pytesseract
import pytest

from fixtures.scan import SAMPLE_ROWS, Layout, cer, reading_text, render_minutes_pdf, scan_pdf
from kaigiroku.cleanup.ocrfix import fix_brackets, fix_confusions, fix_ocr_text, fix_spacing, fix_stray_marks
from kaigiroku.errors import ExitCode, OcrFailedError, OcrUnavailableError, TooLargeError
from kaigiroku.ingest import raster, tesseract
from kaigiroku.ingest.ocr import lines_from_data, ocr_image_file, ocr_pdf_pages

ROOT = Path(__file__).resolve().parents[1]
SMALL = Layout(height=430)  # the fixture table on one short page
LABELS = {"会長", "委員", "説明員"}


@pytest.fixture(scope="module")
def minutes(tmp_path_factory):
    d = tmp_path_factory.mktemp("ocr")
    gold = render_minutes_pdf(d / "minutes.pdf", SAMPLE_ROWS, SMALL)
    assert len(gold) == 1
    return d, gold[0]


@pytest.fixture(scope="module")
def mild(minutes):
    d, gold = minutes
    scan_pdf(d / "minutes.pdf", d / "mild.pdf", "mild", dpi=200, seed=1)
    return ocr_pdf_pages(d / "mild.pdf", [1], jobs=1), gold


def test_mild_scan_cer(mild):
    pages, gold = mild
    score = cer(gold, reading_text(pages))
    print(f"\nCER mild: {score:.4f}")
    assert score <= 0.04


def test_rough_scan_cer(minutes):
    d, gold = minutes
    angles = scan_pdf(d / "minutes.pdf", d / "rough.pdf", "rough", dpi=200, seed=2)
    pages = ocr_pdf_pages(d / "rough.pdf", [1], jobs=1)
    score = cer(gold, reading_text(pages))
    print(f"\nCER rough: {score:.4f} (skew {angles[0]:+.2f}°)")
    assert score <= 0.07


def test_lines_are_positioned_in_points_label_left_of_body(mild):
    (page,), _ = mild
    assert page.source == "ocr" and page.number == 1
    assert (page.width, page.height) == pytest.approx((SMALL.width, SMALL.height), abs=0.5)
    for ln in page.lines:
        assert 0 <= ln.x0 < ln.x1 <= page.width and 0 <= ln.top < ln.bottom <= page.height
        assert ln.page == 1 and ln.conf is not None and 5 < ln.size < 30
        assert "  " not in ln.text and not any(c.isspace() for c in ln.text)  # Japanese: no spaces
    labels = [ln for ln in page.lines if ln.text in LABELS]
    body = [ln for ln in page.lines if len(ln.text) > 10]
    assert len(labels) >= 4 and len(body) >= 6
    body_x = min(ln.x0 for ln in body)
    for lab in labels:
        assert lab.x1 < body_x  # label column and body column come out as separate lines
        mid = (lab.top + lab.bottom) / 2
        assert any(b.top <= mid <= b.bottom for b in body)  # on the row of its first body line
    # one Line per visual line: no two body lines overlap vertically
    rows = sorted(body, key=lambda ln: ln.top)
    assert all(a.bottom <= b.top + 2 for a, b in zip(rows, rows[1:]))


def test_multipage_tiff_in_parallel(tmp_path):
    gold = render_minutes_pdf(tmp_path / "two.pdf", SAMPLE_ROWS[:4], Layout(height=250), title="")
    assert len(gold) == 2
    scan_pdf(tmp_path / "two.pdf", tmp_path / "two.tif", "mild", dpi=200, seed=3)
    pages = ocr_image_file(tmp_path / "two.tif", dpi=200, jobs=2)
    assert [p.number for p in pages] == [1, 2]
    assert pages[0].width == pytest.approx(595, abs=1) and pages[0].height == pytest.approx(250, abs=1)
    scores = [cer(g, reading_text([p])) for g, p in zip(gold, pages)]
    print(f"\nCER tiff pages: {', '.join(f'{s:.4f}' for s in scores)}")
    assert max(scores) <= 0.06


def test_lines_from_data_splits_label_and_body_on_the_ink():
    """One Tesseract line 会 長 | ただいま, with a box one pixel wide for 長 (it happens): the
    cells are split where the ink has a wide gap, and each line's box is snapped to its ink."""
    import numpy as np

    ink = np.zeros((200, 1000), bool)
    for x in (100, 150):  # 会 長: letter-spaced, one character apart
        ink[60:100, x:x + 40] = True
    for x in range(300, 700, 45):  # the body cell
        ink[60:100, x:x + 40] = True
    words = [("会", 100, 140), ("長", 189, 190), ("ただ", 300, 385), ("いま", 390, 475)]
    data = {"level": [5] * 4, "block_num": [1] * 4, "par_num": [1] * 4, "line_num": [1] * 4,
            "left": [a for _, a, _ in words], "width": [b - a for _, a, b in words],
            "top": [58, 40, 60, 60], "height": [44, 90, 40, 40], "conf": [90, 60, 95, 95],
            "text": [t for t, _, _ in words]}
    label, body = lines_from_data(data, 3, 0.5, 0.5, ink)
    assert (label.text, body.text) == ("会長", "ただいま")
    assert (label.x0, label.x1) == (50, 95)  # 長's ink, not its box
    assert (label.top, label.bottom) == (30, 50) and label.size == 20  # the tall box is ignored
    assert body.x0 == 150 and body.page == 3
    (joined,) = lines_from_data({**data, "left": [100, 150, 200, 290]}, 3, 0.5, 0.5, None)
    assert joined.text == "会長ただいま"  # without the ink, only the boxes (close together here)


def test_pdf_pages_in_the_order_asked_and_a_blank_page(tmp_path, blank_pdf):
    gold = render_minutes_pdf(tmp_path / "two.pdf", SAMPLE_ROWS[:4], Layout(height=250), title="")
    scan_pdf(tmp_path / "two.pdf", tmp_path / "two-scan.pdf", "mild", dpi=200, seed=5)
    pages = ocr_pdf_pages(tmp_path / "two-scan.pdf", [2, 1], dpi=200, jobs=2)
    assert [p.number for p in pages] == [2, 1]
    assert all(ln.page == p.number for p in pages for ln in p.lines)
    assert cer(gold[1], reading_text([pages[0]])) <= 0.06
    (blank,) = ocr_pdf_pages(blank_pdf, [1], jobs=1)  # a lone "x": nothing worth a line
    assert (blank.width, blank.height) == (200, 150) and len(blank.lines) <= 1


# --- faults of the external program ----------------------------------------------------------

def fake_tesseract(tmp_path: Path, body: str) -> str:
    """An executable that answers --list-langs like tesseract (with jpn) and runs `body` otherwise."""
    exe = tmp_path / "tesseract"
    exe.write_text("#!/bin/sh\n"
                   'if [ "$1" = "--list-langs" ]; then\n'
                   '  echo \'List of available languages in "/fake/" (2):\'; echo eng; echo jpn; exit 0\n'
                   f"fi\n{body}\n")
    exe.chmod(exe.stat().st_mode | stat.S_IXUSR)
    return str(exe)


@pytest.fixture
def blank_pdf(tmp_path):
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(tmp_path / "blank.pdf"), pagesize=(200, 150))
    c.drawString(20, 70, "x")
    c.showPage()
    c.save()
    return tmp_path / "blank.pdf"


def test_tesseract_crash_is_ocr_failed(tmp_path, monkeypatch, blank_pdf):
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd",
                        fake_tesseract(tmp_path, "echo 'Segmentation fault' >&2; kill -SEGV $$"))
    with pytest.raises(OcrFailedError) as e:
        ocr_pdf_pages(blank_pdf, [1], dpi=72, jobs=1)
    assert e.value.code == ExitCode.OCR_FAILED and "page 1" in str(e.value)


def test_tesseract_timeout_is_ocr_failed(tmp_path, monkeypatch, blank_pdf):
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", fake_tesseract(tmp_path, "exec sleep 30"))
    monkeypatch.setattr(tesseract, "TIMEOUT", 1)
    with pytest.raises(OcrFailedError, match="longer than"):
        ocr_pdf_pages(blank_pdf, [1], dpi=72, jobs=1)


def test_missing_tesseract_is_ocr_unavailable(tmp_path, monkeypatch, blank_pdf):
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", str(tmp_path / "no-such-tesseract"))
    with pytest.raises(OcrUnavailableError) as e:
        ocr_pdf_pages(blank_pdf, [1], jobs=1)
    assert e.value.code == ExitCode.OCR_UNAVAILABLE
    assert "tesseract-ocr tesseract-ocr-jpn" in str(e.value)


def test_missing_tesseract_on_path_is_ocr_unavailable(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "tesseract")
    with pytest.raises(OcrUnavailableError, match="tesseract-ocr-jpn"):
        tesseract.check_available("jpn")


def test_missing_jpn_data_is_ocr_unavailable(tmp_path, monkeypatch, blank_pdf):
    (tmp_path / "tessdata").mkdir()
    monkeypatch.setenv("TESSDATA_PREFIX", str(tmp_path / "tessdata"))
    with pytest.raises(OcrUnavailableError) as e:
        ocr_pdf_pages(blank_pdf, [1], jobs=1)
    assert "jpn" in str(e.value) and "tesseract-ocr tesseract-ocr-jpn" in str(e.value)


def test_page_too_large_is_refused_before_rendering(tmp_path):
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(tmp_path / "huge.pdf"), pagesize=(14000, 14000))
    c.showPage()
    c.save()
    with pytest.raises(TooLargeError) as e:
        ocr_pdf_pages(tmp_path / "huge.pdf", [1], dpi=300, jobs=1)
    assert e.value.code == ExitCode.TOO_LARGE and "dpi" in str(e.value)


def test_image_too_large_is_refused(tmp_path, monkeypatch):
    from PIL import Image

    Image.new("L", (400, 300), 255).save(tmp_path / "page.png")
    monkeypatch.setattr(raster, "MAX_PIXELS", 100_000)
    with pytest.raises(TooLargeError):
        ocr_image_file(tmp_path / "page.png", jobs=1)


# --- ocrfix ----------------------------------------------------------------------------------

@pytest.mark.parametrize("raw, fixed", [
    ("お 答え いた し ます 。 市 内 の 小学 校 1 2 校", "お答えいたします。市内の小学校12校"),
    ("I CT 支援 員 が", "ICT支援員が"),
    ("Society 5.0 の 実現 に 向け て", "Society 5.0の実現に向けて"),
    ("NPO 法人", "NPO法人"),
    ("open data", "open data"),
])
def test_fix_spacing(raw, fixed):
    assert fix_spacing(raw) == fixed


@pytest.mark.parametrize("raw, fixed", [
    ("[国務大臣盛山正仁君登壇、拍手]", "〔国務大臣盛山正仁君登壇、拍手〕"),
    ("(宮口治子君登壇、拍手】", "〔宮口治子君登壇、拍手〕"),
    ("【議長】", "【議長】"),
    ("（拍手）", "（拍手）"),
    # a direction whose closing bracket OCR lost, its tortoise shell read as 【 (a Diet table scan's
    # 〔片山秀久君登壇、拍手〕 ran on into the chair's call); a heading that lost its close stays one
    ("【片山秀久君登壇、拍手", "〔片山秀久君登壇、拍手〕"),
    ("［「異議なし」と呼ぶ者あり", "〔「異議なし」と呼ぶ者あり〕"),
    ("【報告事項", "【報告事項"),
    ("「異議なし」と呼ぶ者あり〕", "〔「異議なし」と呼ぶ者あり〕"),
    ("「以上です」と述べた。", "「以上です」と述べた。"),
    ("(1)", "(1)"),
])
def test_fix_brackets(raw, fixed):
    assert fix_brackets(raw) == fixed


@pytest.mark.parametrize("raw, fixed", [
    ("サポ一トセンタ一を", "サポートセンターを"),  # 一 after katakana: the long-vowel mark
    ("データ一件", "データ一件"),  # ... but not before a counter
    ("メニュ一。", "メニュー。"),
    ("第ー回", "第一回"),  # ー after a kanji: one
    ("ー般会計", "一般会計"),
    ("人ロ減少", "人口減少"),  # katakana look-alike between kanji
    ("協カ", "協カ"),  # ... only between two kanji
    ("協カ体制", "協力体制"),
    ("数カ所", "数カ所"),  # カ before a counter is katakana
    ("ア力ウント", "アカウント"),  # kanji look-alike inside a katakana word
    ("デザイン力を", "デザイン力を"),  # 力 after a katakana word is a real suffix
    ("センター二つ", "センター二つ"),
    ("ネッ卜で", "ネットで"),
    ("デー夕を", "データを"),  # kanji look-alike in a katakana word
    ("工ネルギー", "エネルギー"),
    ("端末を-人一台", "端末を一人一台"),  # an ASCII dash between kana/kanji
    ("タ-ミナル", "ターミナル"),
    ("Ｊ－ＬＩＳ", "Ｊ－ＬＩＳ"),  # ... not between full-width Latin
    ("反対九十ニ", "反対九十二"),  # a numeral's last digit at a line's end (a vote's result)
    ("二十ハ名", "二十八名"),
    ("十ニュース", "十ニュース"),  # ... not a katakana word after a numeral
    (":枝和代", "三枝和代"),  # a colon opening a line before a kanji: 三 (a wrapped cell's 副議長（ / 三枝和代)
    ("次に:枝", "次に:枝"),
])
def test_fix_confusions(raw, fixed):
    assert fix_confusions(raw) == fixed


@pytest.mark.parametrize("raw, fixed", [
    ("。ただいまから", "ただいまから"),  # no line starts with 。
    ("タブレッ:ト端末", "タブレット端末"),
    ("一人--台", "一人-台"),  # then fix_confusions: 一人一台
    ("会長:本文", "会長:本文"),  # a colon after a label is real
    ("Society 5.0の", "Society 5.0の"),
    # specks read as ASCII marks after a kana or a full stop, before Japanese (rough scans)
    ("のように.扱われる", "のように扱われる"), ("します。\"次に", "します。次に"), ("ため、.アンケート", "ため、アンケート"),
    ("議長.これより", "議長.これより"),  # after a kanji: perhaps a label's separator (settle_label's)
    ("第3条.2項", "第3条.2項"),
])
def test_fix_stray_marks(raw, fixed):
    assert fix_stray_marks(raw) == fixed


def correct_texts():
    texts = [body for _, body in SAMPLE_ROWS]
    for f in sorted((ROOT / "fixtures" / "minutes").glob("*.json")):
        texts += [t.get("text") or "" for t in json.loads(f.read_text(encoding="utf-8"))["turns"]]
    shared = ROOT.parent / "shared"  # real minutes: Diet records, gold of the seeds, the seeds
    for f in sorted(shared.glob("real/*.json")) + sorted(shared.glob("gold/*.json")):
        texts += [t.get("text") or "" for t in json.loads(f.read_text(encoding="utf-8"))["turns"]]
    texts += [f.read_text(encoding="utf-8") for f in sorted(shared.glob("seeds/*.txt"))]
    return [ln for t in texts for ln in t.split("\n") if ln.strip()]


def test_ocrfix_leaves_correct_japanese_alone():
    lines = correct_texts()
    assert len(lines) > 50
    changed = [ln for ln in lines if fix_confusions(fix_brackets(fix_stray_marks(ln))) != ln]
    assert changed == []
    assert all(fix_ocr_text(ln) == fix_ocr_text(fix_ocr_text(ln)) for ln in lines[:500])  # idempotent
