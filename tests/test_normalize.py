"""Character normalisation: each case says exactly what changes (ftfy's style of promise)."""
import json
from pathlib import Path

import pytest

from kaigiroku.cleanup.normalize import FIXES, normalize

CASES = json.loads((Path(__file__).parent / "data" / "normalize_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_normalize_case(case):
    assert normalize(case["input"]) == case["expected"]


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_keep_width_changes_only_invisible_characters(case):
    out = normalize(case["input"], keep_width=True)
    assert out == FIXES["invisible"](case["input"])


@pytest.mark.parametrize("name", sorted(FIXES))
def test_each_fix_is_idempotent_and_leaves_plain_japanese_alone(name):
    plain = "本日の会議を開きます。（異議なし）「はい」、会長　本文"
    fix = FIXES[name]
    assert fix(plain) == plain
    for case in CASES:
        once = fix(case["input"])
        assert fix(once) == once
