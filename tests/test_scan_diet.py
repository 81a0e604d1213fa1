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
