"""Text PDFs whose label table varies the ways real minutes' tables do, read back end to end.

Each case pins the table axes of fixtures.render_pdf.render_random that make one family of layouts
(the other axes stay drawn from the seed) and checks what a reader of the output would: the speech
text comes back whole, each speech has the speaker printed beside it, and no speaker is a piece of
a wrapped label cell (画官 of ◎米山企 / 画官).
"""
from __future__ import annotations

import pytest

from fixtures.render_pdf import render_random
from fixtures.splits import load, meeting_path
from kaigiroku.ingest import ingest
from kaigiroku.score import score

MIN_ATTRIBUTED, MAX_CER = 0.98, 0.01

CASES = {
    # a surname + role label wrapped inside the role in a narrow column (◎米山企 / 画官)
    "wrapped_marked": ("kentokai_kasumi", 3, dict(layout="table_left", label_form="surname_role", mark="◎",
                                                  label_width="narrow", valign="top")),
    # the same unmarked, the roles outside the role list, the cells flush right against the gutter
    "wrapped_unmarked_right": ("kentokai_kasumi", 5, dict(layout="table_ruled", label_form="surname_role",
                                                          mark="none", roles="unlisted", label_width="narrow",
                                                          label_align="right")),
    # labels vertically centred against speeches set solid: no rule, no padding, no gap between rows
    "centred_solid": ("shingikai_aoba", 7, dict(layout="table_left", valign="centre", pad="none",
                                                rules="none", order="labels_last")),
    # a name wrapped before its bracket (教育長 / （三宅修氏）) under a numbered cover on the same page
    "bracket_wrap_cover": ("kyoikuiinkai_midorikawa", 9, dict(layout="hanging", label_form="role_name",
                                                              cell_wrap="bracket", label_width="narrow",
                                                              cover="kv_numbered", cover_page=False)),
}


@pytest.mark.parametrize("case", list(CASES))
def test_table_layout_reads_back(case, tmp_path):
    meeting, seed, pinned = CASES[case]
    r = render_random(load(meeting_path(meeting)), seed, tmp_path / f"{case}.pdf", **pinned)
    minutes = ingest(r.path, ocr="never").to_dict()
    s = score(r.gold, minutes)
    assert s["attributed"] >= MIN_ATTRIBUTED and s["cer"] <= MAX_CER, (case, r.axes, s)
    printed = {t.get("speaker") for t in r.gold["turns"] if t.get("kind") == "speech"}
    read = {t.get("speaker") for t in minutes["turns"] if t.get("kind") == "speech"}
    assert read <= printed, (case, sorted(read - printed))
