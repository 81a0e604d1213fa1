"""Scanned Diet minutes (fixtures/scan.diet_minutes, a tuned seed): members are labelled by name alone
(新妻秀規君　本文), after the chair calls them (…委員長新妻秀規君。). On a rough scan OCR drops the
separator or misreads the 君; the members must keep their speeches. Two pages."""
from fixtures.scan import make_case
from kaigiroku.ingest import ingest
from kaigiroku.score import score


def test_members_labelled_by_name_alone_keep_their_speeches_on_a_rough_scan(tmp_path):
    gold, _, scan = make_case("diet:1", "inline", "rough", tmp_path, seed=7, chars=500)
    m = ingest(scan, dpi=300)
    members = {t["name"] for t in gold["turns"] if t.get("speaker") and t["speaker"] == t.get("name")}
    assert members, "the fixture has members labelled by name alone"
    got = {(t.speaker, t.name) for t in m.turns if t.kind == "speech"}
    assert {(n, n) for n in members} <= got
    assert score(gold, m.to_dict())["attributed"] >= 0.9


def test_a_name_ocr_misreads_differently_at_every_printing_is_read_again_line_by_line(tmp_path):
    """A tuned Diet seed whose member 河野敬三 the page pass read 河野散三 in the chair's call, 河野交三
    and 河野攻三 in the two labels, 河野敏 on the cover: no printing was right, so the member lost both
    speeches (attributed 0.09). The lines that name speakers, read again one by one (ingest/reread.py),
    give the name back."""
    gold, _, scan = make_case("diet:10", "inline", "rough", tmp_path, seed=180, chars=500)
    m = ingest(scan, dpi=300)
    assert ("河野敬三", "河野敬三") in {(t.speaker, t.name) for t in m.turns if t.kind == "speech"}
    assert score(gold, m.to_dict())["attributed"] >= 0.9
