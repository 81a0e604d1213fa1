"""Speaker-label grammar: cases as data (input, expected speaker/name/seat/body, label)."""
import json
from pathlib import Path

import pytest

from kaigiroku.cleanup.labels import load_roles, match_label

CASES = json.loads((Path(__file__).parent / "data" / "label_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["label"] for c in CASES])
def test_label_case(case):
    m = match_label(case["input"])
    if case["speaker"] is None:
        assert m is None, (m.speaker, m.end)
        return
    assert m is not None
    assert m.speaker == case["speaker"]
    assert m.name == case.get("name")
    assert m.seat == case.get("seat")
    assert case["input"][m.end:] == case["body"]


def test_user_roles_extend_the_default(tmp_path):
    assert match_label("書記長　報告します。") is None
    f = tmp_path / "roles.txt"
    f.write_text("# our union's minutes\n書記長\n*幹事長\n", encoding="utf-8")
    roles = load_roles(f)
    assert match_label("書記長　報告します。", roles).speaker == "書記長"
    assert match_label("副幹事長　補足します。", roles).speaker == "副幹事長"
    assert match_label("会長　はい。", roles).speaker == "会長"  # the defaults stay


def test_roles_file_missing_is_a_clear_error(tmp_path):
    from kaigiroku.errors import MissingFileError

    with pytest.raises(MissingFileError):
        load_roles(tmp_path / "nope.txt")
