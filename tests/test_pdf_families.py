"""Families of text PDFs found on the tuned split's larger sample (fixtures.report --kind pdf --count
800), read back end to end. Each case fails on the code before its fix.

Each case pins the axes of fixtures.render_pdf.render_random that make the family (values the seed
draws anyway, so the rendering is the tuned case itself) and checks what a reader would: the text
comes back whole, each speech has the speaker and the name printed beside it.
"""
from __future__ import annotations

import pytest

from fixtures.render_pdf import render_random
from fixtures.splits import load, meeting_path
from kaigiroku.ingest import ingest
from kaigiroku.score import score

MIN_ATTRIBUTED, MAX_CER = 0.98, 0.01

CASES = {
    # (i9pdf) a narrow column of marked cells wrapped over six rows (○教育 / 委員会 / 事務局 / 次長 /
    # （上田 / 恵理子）): under a whole marked label a mark opens the next cell, though the rows read
    # below it (○教育委員会事務局) are no label yet and 会 (○会計) opens no title. The cells had run
    # together past a cell's length, the page lost its column and the cells went into the speech
    # (tuned kessan@645: 0.55, cer 0.049)
    "marked_cells_wrapped_over_six_rows": ("kessan_iinkai_shirasagi", 645, dict(
        layout="fullwidth", label_width="narrow", label_form="role_name", mark="○", cell_wrap="bracket")),
    # (i9pdf) a title the cover lists (子ども家庭課長補佐 三浦 一樹) wrapped in its cell after a shorter
    # title (子ども家庭課長 / 補佐 / （三浦一樹君）): the piece completes the listed title, it is no
    # label of its own (tuned kessan@339: 0.96, read as 子ども家庭課長 with no name)
    "listed_title_wrapped_in_its_cell": ("kessan_iinkai_shirasagi", 339, dict(
        layout="table_ruled", label_form="role_name", cell_wrap="bracket", label_align="right",
        cover="values_below")),
    # (i9pdf) the last piece of a label cell (恵理 / 子）) run past its speech's last line into the page's
    # foot, at the same place on two pages: a label's piece beside the text, not a running footer
    # (tuned kessan@384: 0.93, the name read as 上田恵理)
    "cell_tail_at_the_page_foot": ("kessan_iinkai_shirasagi", 384, dict(
        layout="hanging", label_form="name_only", cell_wrap="bracket", label_align="right")),
    # (i9pdf) centred four-row cells, rows set solid, beside long speeches that share their block with the
    # next speech's cell: a cell level with a line that goes on from the full line above is centred,
    # not set on its speech's first row (the document had no vote and read its labels top-aligned:
    # tuned kyoikuiinkai@84 0.90, each label one speech late)
    "centred_cells_beside_shared_blocks": ("kyoikuiinkai_midorikawa", 84, dict(
        layout="table_vcentred", pad="none", label_width="narrow", cell_wrap="bracket", mark="assembly")),
}


def _read(case, tmp_path):
    meeting, seed, pinned = CASES[case]
    r = render_random(load(meeting_path(meeting)), seed, tmp_path / f"{case}.pdf", **pinned)
    return r, ingest(r.path, ocr="never").to_dict()


@pytest.mark.parametrize("case", list(CASES))
def test_family_reads_back(case, tmp_path):
    r, minutes = _read(case, tmp_path)
    s = score(r.gold, minutes)
    assert s["attributed"] >= MIN_ATTRIBUTED and s["cer"] <= MAX_CER, (case, r.axes, s)
    # every speaker read is one printed, by name where a name is printed (no piece of a cell makes up a
    # title or a name)
    def who(t):
        return t.get("name") or t.get("speaker")
    printed = {who(t) for t in r.gold["turns"] if t.get("kind") == "speech"}
    read = {who(t) for t in minutes["turns"] if t.get("kind") == "speech" and not t.get("inferred")}
    assert read <= printed, (case, sorted(read - printed, key=str))
