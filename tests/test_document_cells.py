"""Label cells wrapped over two lines in a label column dumped before or after a page's body
(pypdf, pdfminer), where only the document itself shows the label form: 岩崎和彦教 / 育長 is one cell
(full name + role) because the document prints 岩崎和彦教育長 elsewhere; 東座長 / 田中委員 are two."""
from __future__ import annotations

import json

import kaigiroku
from fixtures.splits import meeting_path
from fixtures.variety import render_random
from kaigiroku.score import score


def _case(meeting: str, seed: int):
    minutes = json.loads(meeting_path(meeting).read_text(encoding="utf-8"))
    r = render_random(minutes, seed)
    return r, kaigiroku.repair(r.text).to_dict()


def test_full_name_and_role_cells_wrapped_in_a_dumped_column_are_joined_by_the_documents_vocabulary():
    """run_before, fullname_role labels, cells wrapped (岩崎和彦教 / 育長): joined with the document's own
    vocabulary, every turn keeps its speaker and no piece of a label is left in the body."""
    r, out = _case("kyoikuiinkai_midorikawa", 1116)
    assert r.axes["layout"] == "run_before" and r.axes["label_form"] == "fullname_role"
    s = score(r.gold, out)
    assert s["attributed"] >= 0.99 and s["cer"] <= 0.001
    assert out["turns"][2]["speaker"] == "教育長" and out["turns"][2].get("name") == "岩崎和彦"


def test_two_whole_cells_one_under_the_other_are_two_labels():
    """run_after, surname + role labels with no separator (東座長 / 田中委員 in the page's label run):
    each is a whole label, never one cell wrapped over two lines."""
    r, out = _case("kentokai_kasumi", 1110)
    assert r.axes["layout"] == "run_after" and r.axes["label_form"] == "surname_role"
    assert score(r.gold, out)["attributed"] >= 0.99
    assert not any((t.get("speaker") or "").count("委員") + (t.get("speaker") or "").count("座長") > 1
                   for t in out["turns"])
