"""kaigiroku.repair undoes every damage of fixtures/generate.py on every minutes file we wrote.

The gold of a rendering is the minutes file itself (the cover sheet goes to meta, the turns are
exactly the file's turns). `pytest -s tests/test_damage.py` prints the figures as a table;
`python -m fixtures.report` prints the per-damage summary.
"""
from __future__ import annotations

import pytest

from fixtures.generate import DAMAGES
from fixtures.report import evaluate, load, minutes_files

MIN_ATTRIBUTED = 0.97
MINUTES = minutes_files()
RESULTS: dict[tuple[str, str], dict] = {}


@pytest.fixture(scope="module", autouse=True)
def figures_table():
    """After the module: one row per file x damage (shown with `pytest -s`)."""
    yield
    if not RESULTS:
        return
    print(f"\n{'minutes':34} {'damage':18} {'attributed':>10} {'cer':>8} {'bnd_f':>8}")
    for (stem, damage), s in sorted(RESULTS.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        flag = "" if s["attributed"] >= MIN_ATTRIBUTED else "  <"
        print(f"{stem:34} {damage:18} {s['attributed']:>10.4f} {s['cer']:>8.4f} {s['bnd_f']:>8.4f}{flag}")


def test_there_are_minutes():
    assert len(MINUTES) >= 4


@pytest.mark.parametrize("damage", DAMAGES)
@pytest.mark.parametrize("path", MINUTES, ids=lambda p: p.stem)
def test_repair_attributes_damaged_minutes(path, damage):
    gold = load(path)
    s = evaluate(gold, damage, seed=0)  # kaigiroku.repair(render(...)) scored against gold
    RESULTS[(path.stem, damage)] = s
    print(f"\n{path.stem} {damage}: attributed={s['attributed']} cer={s['cer']} bnd_f={s['bnd_f']}")
    assert s["attributed"] >= MIN_ATTRIBUTED, (
        f"{path.stem} / {damage}: attributed {s['attributed']} < {MIN_ATTRIBUTED} "
        f"(cer {s['cer']}, bnd_f {s['bnd_f']}, turns {s['pred_turns']}/{s['gold_turns']})")
