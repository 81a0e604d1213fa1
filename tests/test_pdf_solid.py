"""Label columns whose rows are set solid or whose labels sit off their speech's first line, read
back end to end (families fixed on the tuned split: each case fails on main, or on an earlier step
of the fix, as the last two do: the document's vote on alignment, a line centred by chance).

Each case pins the axes of fixtures.render_pdf.render_random that make the family (the values the
seed draws anyway, so the rendering is the tuned case itself) and checks what a reader would: the
text comes back whole, each speech has the speaker printed beside it, no speaker is made up.
"""
from __future__ import annotations

import pytest

from fixtures.render_pdf import render_random
from fixtures.splits import load, meeting_path
from kaigiroku.ingest import ingest
from kaigiroku.score import score

MIN_ATTRIBUTED, MAX_CER = 0.98, 0.01

CASES = {
    # one-line speeches stacked with no padding: 委員長 / 顧問 beside two speeches are two cells
    "one_line_speeches_solid": ("real:d1", 5, dict(layout="labels_after_body", pad="none", valign="top",
                                                   label_form="anon", mark="none")),
    # a narrow column's four-line cells (〇教育 / 長 / （宮腰 / 隆之君）) under a cover whose list is
    # indented short of the body: the body edge no cell crosses
    "narrow_cells_under_indented_cover": ("kyoikuiinkai_midorikawa", 69, dict(
        layout="table_ruled", label_width="narrow", cell_wrap="bracket", cover="kv_colon", cover_page=False)),
    # centred labels taller than their one-line speeches, rows set solid: the document votes centre
    "centred_taller_than_speech": ("shigikai_shinonome_honkaigi", 235, dict(
        layout="table_vcentred", pad="none", cell_wrap="bracket", label_text="spaced")),
    # hanging labels centred against speeches among headings and full-width notes
    "hanging_among_notes": ("shingikai_aoba", 240, dict(layout="hanging")),
    # labels drawn after the body, centred, a one-line paragraph centred on the page by chance
    "labels_last_centred": ("shigikai_shinonome_honkaigi", 247, dict(layout="labels_after_body")),
    # a mixed document's inline pages print the seats its table pages hold, with two spaces
    "mixed_inline_seats": ("shigikai_shinonome_honkaigi", 127, dict(layout="mixed", separator="spaces",
                                                                     mark="none")),
}


@pytest.mark.parametrize("case", list(CASES))
def test_solid_table_reads_back(case, tmp_path):
    meeting, seed, pinned = CASES[case]
    r = render_random(load(meeting_path(meeting)), seed, tmp_path / f"{case}.pdf", **pinned)
    minutes = ingest(r.path, ocr="never").to_dict()
    s = score(r.gold, minutes)
    assert s["attributed"] >= MIN_ATTRIBUTED and s["cer"] <= MAX_CER, (case, r.axes, s)
    # a label printed as a name alone (〇田中典子君) gives the name as its speaker
    printed = {w for t in r.gold["turns"] if t.get("kind") == "speech" for w in (t.get("speaker"), t.get("name"))}
    read = {t.get("speaker") for t in minutes["turns"] if t.get("kind") == "speech"}
    assert read <= printed, (case, sorted(read - printed))
