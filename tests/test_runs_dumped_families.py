"""Label columns dumped apart from the body (layouts run_before / run_after of fixtures/variety.py)
in the families the non-plenary tuned meetings show: each test a family of documents, reached
through a rendered tuned case (fixtures.variety.render_random with the seed and axes named) or a
small hand-made input."""
import kaigiroku
from fixtures.splits import load, meeting_path
from fixtures.variety import render_random
from kaigiroku.score import score


def _repaired(meeting: str, seed: int, **pinned):
    r = render_random(load(meeting_path(meeting)), seed, **pinned)
    out = kaigiroku.repair(r.text).to_dict()
    return r, out, score(r.gold, out)["attributed"]


def test_titles_of_the_document_s_own_each_stand_as_a_cell():
    # a column of titles the role list lacks (専門官, アドバイザー, 特別顧問, 顧問), each printed alone again
    # and again, with one listed title wrapped (都市計画課 / 長): the lone titles are whole cells, never
    # pieces of one long title (アドバイザー専門官都市計画課長 took three rows' labels): 0.48 before
    r, out, attributed = _repaired("setsumeikai_shirakaba_doro", 798, label_form="role", layout="run_after")
    assert r.axes["roles"] == "unlisted"
    speakers = {t["speaker"] for t in out["turns"] if t["kind"] == "speech"} - {None}
    assert speakers <= {t["speaker"] for t in r.gold["turns"] if t.get("speaker")}
    assert attributed >= 0.95
