"""Vertical (縦書き) minutes: our own minutes set top to bottom, right to left (fixtures/vertical.py),
scanned, and read back. A few small pages only: OCR of one vertical page takes several seconds."""
import json
import unicodedata
from pathlib import Path

import numpy as np
import pytest

from fixtures.scan import damage, rasterize_pdf
from fixtures.vertical import render_vertical, scan_vertical
from kaigiroku.cleanup.ocrfix import fix_ocr_text
from kaigiroku.ingest import ingest
from kaigiroku.ingest.layout import pages_to_stream
from kaigiroku.ingest.orientation import page_orientation
from kaigiroku.ingest.preprocess import binarise
from kaigiroku.ingest.vertical import (Column, _column_text, _reading_frame, blank_cells, cell_pitch, find_bands,
                                       find_columns, vertical_text)
from kaigiroku.score import score

MINUTES = Path(__file__).resolve().parents[1] / "fixtures" / "minutes"
DPI = 200


def _minutes(name: str) -> dict:
    return json.loads((MINUTES / f"{name}.json").read_text(encoding="utf-8"))


def _is_presentation_form(c: str) -> bool:
    return 0xFE10 <= ord(c) <= 0xFE1F or 0xFE30 <= ord(c) <= 0xFE4F


def test_vertical_forms_read_as_the_characters_they_stand_for():
    assert vertical_text("︵山田太郎君︶") == "（山田太郎君）"
    assert vertical_text("﹁異議なし﹂と呼ぶ者あり︒") == "「異議なし」と呼ぶ者あり。"
    assert vertical_text("サポ｜トセンタ｜") == "サポートセンター"
    assert vertical_text("第１｜２条") == "第１｜２条"  # a bar between digits is not a long-vowel mark


def _column_ink(cells: str, pitch: float, width: int = 40, top: int = 30) -> np.ndarray:
    """A column's ink on a grid of `pitch`: '#' a character filling its cell, ')' a closing bracket
    or 、 in the upper third of its cell, '(' an opening bracket in the lower third, ' ' empty."""
    ink = np.zeros((top + int(pitch * (len(cells) + 2)), width), bool)
    for i, kind in enumerate(cells):
        y0 = top + i * pitch
        span = {"#": (0.08, 0.92), ")": (0.1, 0.35), "(": (0.65, 0.9)}.get(kind)
        if span:
            ink[int(y0 + span[0] * pitch): int(y0 + span[1] * pitch), 8: width - 8] = True
    return ink


def test_space_after_a_label_counted_on_the_cell_grid():
    """○委員長（田野瀬太道君）　これより…: the empty cell after the closing bracket is found from the
    ink and counted on the grid (the pitch measured, not guessed from the characters' height), so
    the space falls after the bracket, a dozen cells down, even when the height guess is 3% off."""
    pitch = 43.75
    cells = "####(######)" + " " + "#" * 20
    ink = _column_ink(cells, pitch)
    rows = np.flatnonzero(ink.any(axis=1))
    c = Column(0, 8, 32, int(rows[0]), int(rows[-1]) + 1)
    assert abs(cell_pitch(ink, [c], pitch * 1.03) - pitch) < 0.3
    assert blank_cells(ink, c, pitch, head=30) == [12]
    words = ["○委員長（田野瀬", "太道君）これより会議を開きます。"]  # jpn_vert ran a word across the space
    assert _column_text(words, fix_ocr_text, [12]) == "○委員長（田野瀬太道君）\u3000これより会議を開きます。"
    # a role-only label: ○会長　それでは
    ink = _column_ink("###" + " " + "#" * 10, pitch)
    c = Column(0, 8, 32, 30 + int(0.08 * pitch), int(30 + 13.92 * pitch))
    assert blank_cells(ink, c, pitch, head=30) == [3]
    assert _column_text(["○会長それでは、議事に"], fix_ocr_text, [3]) == "○会長\u3000それでは、議事に"


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """A vertical body page (Gothic, one tier) and the horizontal cover, mildly damaged, as images."""
    tmp = tmp_path_factory.mktemp("vert")
    r = render_vertical(_minutes("iinkai_shinonome_somu"), tmp / "v.pdf", "gothic", 1, seed=3, max_chars=900)
    images = rasterize_pdf(r.path, DPI)
    return {"cover": damage(images[0], "mild", 3, DPI)[0], "body": damage(images[1], "mild", 4, DPI)[0]}


def test_orientation_from_the_page_itself(pages, monkeypatch):
    """Every turn of a vertical page and of a horizontal cover is set upright, from the layout alone:
    OSD (a second or two a page) is not asked for any of these pages."""
    import kaigiroku.ingest.orientation as orientation

    asked = []
    monkeypatch.setattr(orientation, "osd_rotation", lambda grey, dpi: asked.append(1) or (0, 0.0))
    body, cover = pages["body"], pages["cover"]
    assert page_orientation(body, DPI)[:2] == (0, True)
    assert page_orientation(cover, DPI)[:2] == (0, False)  # a horizontal cover in a vertical volume
    for k in (1, 2, 3):  # fed into the scanner turned k quarters clockwise
        want = (360 - 90 * k) % 360
        assert page_orientation(np.ascontiguousarray(np.rot90(body, k=-k)), DPI)[:2] == (want, True), k
        assert page_orientation(np.ascontiguousarray(np.rot90(cover, k=-k)), DPI)[:2] == (want, False), k
    assert not asked


def test_orientation_asks_osd_when_the_layout_cannot_tell(pages, monkeypatch):
    """A page whose layout cannot tell (too few marks; here layout_cues finds none) goes to OSD."""
    import kaigiroku.ingest.orientation as orientation

    asked = []
    monkeypatch.setattr(orientation, "layout_cues", lambda grey, dpi, vertical: None)
    real = orientation.osd_rotation
    monkeypatch.setattr(orientation, "osd_rotation", lambda grey, dpi: asked.append(1) or real(grey, dpi))
    sideways = np.ascontiguousarray(np.rot90(pages["body"], k=-1))
    turn = page_orientation(sideways, DPI)
    assert asked and (turn.rotate, turn.vertical) == (270, True)


def test_two_tier_page_reads_the_upper_tier_right_to_left_then_the_lower(tmp_path):
    turns = [{"kind": "speech", "speaker": "会長", "text": f"第{i}段落の文章です。" * 9} for i in range(12)]
    r = render_vertical({"meta": {"title": "二段組の会議録"}, "turns": turns}, tmp_path / "t.pdf", "mincho", 2,
                        cover=False)
    ink = binarise(rasterize_pdf(r.path, DPI)[0]) < 128
    em = 10.5 * DPI / 72
    bands = find_bands(ink, em)
    tiers = [b for b in bands if b[1] - b[0] > 3 * em]
    assert len(tiers) == 2 and tiers[0][1] < tiers[1][0]
    columns = [c for k, t in enumerate(tiers) for c in find_columns(ink, *t, em, k)]
    printed = [c for c in r.page_texts[0].split("\n")[1:-1]]  # head, columns..., page number
    assert len(columns) == len(printed)
    upper = [c for c in columns if c.band == 0]
    assert [c.x1 for c in upper] == sorted((c.x1 for c in upper), reverse=True)  # right to left
    # the reading frame hands the columns on so that layout reads them in that order
    for i, c in enumerate(columns):
        c.text = f"{i:03d}" + printed[i]
    page = _reading_frame(1, columns, [], 72 / DPI, 72 / DPI, em, 595.0)
    stream = pages_to_stream([page], furniture=False)
    assert "".join(s.text for s in stream) == "".join(c.text for c in columns)


def test_tiers_stay_apart_across_a_streak_in_the_white_between_them():
    """A rough scan's streak (a few pixels wide) running through the white between two tiers does
    not join them; a page number of a few pixels' ink below the text is still a band of its own."""
    em = 44.0
    ink = np.zeros((3400, 2000), bool)
    for x in range(200, 1800, 80):  # columns a character wide, every row of them half inked
        ink[300:1650:2, x: x + 40] = True  # the upper tier
        ink[1750:3100:2, x: x + 40] = True  # the lower tier
    ink[1650:1750, 1000:1006] = True  # a streak across the gap
    ink[3250:3280, 995:999] = True  # the page number's stroke
    bands = find_bands(ink, em)
    assert [b for b in bands if b[1] - b[0] > 3 * em] == [(300, 1649), (1750, 3099)]
    assert bands[-1] == (3250, 3280)


def test_mixed_document_with_a_sideways_page_mild_scan(tmp_path):
    """A horizontal cover, then vertical pages, one of them scanned a quarter turn off: the cover's
    title, the speakers and the text come back, with no vertical presentation forms."""
    gold_in = _minutes("shigikai_shinonome_honkaigi")
    r = render_vertical(gold_in, tmp_path / "m.pdf", "gothic", 1, seed=7, max_chars=700)
    assert len(r.page_texts) == 2
    scan = scan_vertical(r.path, tmp_path / "m_mild.pdf", "mild", dpi=DPI, seed=7, rotate={2: 90})
    m = ingest(scan, dpi=300)
    s = score(r.gold, m.to_dict())
    print(f"\nvertical mild: {s}")
    assert m.meta.get("title", "").startswith("令和6年第3回東雲市議会定例会")
    assert s["cer"] <= 0.05
    assert s["attributed"] >= 0.90
    speakers = {t.speaker for t in m.speeches}
    assert {"議長", "7番"} <= speakers
    text = "".join(t.text for t in m.turns)
    assert not [c for c in text if _is_presentation_form(c)]
    assert "（" in text or any(t.name for t in m.speeches)
    assert all(unicodedata.category(c) != "Co" for c in text)
