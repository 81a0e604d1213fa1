"""Small extractions, one per form or problem users meet: input text -> expected turns."""
import json
from pathlib import Path

import pytest

import kaigiroku

CASES = json.loads((Path(__file__).parent / "data" / "repair_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_repair_case(case):
    m = kaigiroku.repair(case["input"])
    got = [[t.kind, t.speaker, t.text] for t in m.turns]
    assert got == case["turns"]


def test_names_and_seats_are_kept():
    m = kaigiroku.repair("○議長（山田太郎君）　開会します。\n○７番（山本健一君）　質問します。\n◆委員（林花子）　伺います。\n")
    assert [(t.speaker, t.name, t.seat) for t in m.turns] == [
        ("議長", "山田太郎", None), ("7番", "山本健一", "7"), ("委員", "林花子", None)]


def test_text_output_repairs_to_the_same_turns():
    """The text writer's output is itself minutes text that repairs to the same turns."""
    from kaigiroku.writers import to_text

    src = kaigiroku.repair(CASES[-1]["input"] + "＜説明員退室＞\n委員　終わります。\n")
    again = kaigiroku.repair(to_text(src))
    assert [(t.kind, t.speaker, t.text) for t in again.turns] == [(t.kind, t.speaker, t.text) for t in src.turns]
