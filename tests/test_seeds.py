"""The five real seed extractions against their gold (../shared): the foundation's acceptance figures."""
import json
from pathlib import Path

import pytest

import kaigiroku
from kaigiroku.score import score

from body_chars import lost_and_invented
from conftest import SHARED

SEEDS = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").is_dir() else []


@pytest.fixture(scope="module")
def repaired():
    return {p.stem: kaigiroku.repair(p) for p in SEEDS}


@pytest.mark.skipif(not SEEDS, reason="../shared/seeds not present")
@pytest.mark.parametrize("seed", [p.stem for p in SEEDS])
def test_seed_scores(seed, repaired):
    gold = json.loads((SHARED / "gold" / f"{seed}.json").read_text(encoding="utf-8"))
    s = score(gold, repaired[seed].to_dict())
    print(f"\n{seed}: attributed={s['attributed']} cer={s['cer']} bnd_f={s['bnd_f']} "
          f"turns={s['pred_turns']}/{s['gold_turns']}")
    assert s["attributed"] >= 0.99
    assert s["cer"] <= 0.01


@pytest.mark.skipif(not SEEDS, reason="../shared/seeds not present")
@pytest.mark.parametrize("seed", [p.stem for p in SEEDS])
def test_seed_body_kept_once_in_order(seed, repaired):
    """Every character of the body reaches the output once, in order; only labels, furniture,
    markup and the cover sheet (which goes to meta) are taken out."""
    path = SHARED / "seeds" / f"{seed}.txt"
    text = path.read_text(encoding="utf-8")
    m = repaired[seed]
    # the cover sheet: everything before the first turn's text
    from body_chars import stream
    src, first = stream(text), stream(m.turns[0].text)[:12]
    cover = src[: src.index(first)]
    lost, invented = lost_and_invented(src, m, cover=cover)
    assert invented == []
    assert lost == [], lost[:10]


@pytest.mark.skipif(not SEEDS, reason="../shared/seeds not present")
def test_seed_cover_sheets_read_into_meta(repaired):
    for seed, m in repaired.items():
        assert m.meta["title"], seed
        assert m.meta["date_text"], seed
        assert m.meta["place"], seed
        assert m.meta["attendees"], seed
        # the cover sheet is not repeated as turns
        assert not any("場所" in t.text[:6] for t in m.turns), seed


@pytest.mark.skipif(not SEEDS, reason="../shared/seeds not present")
def test_seed_000_label_runs_restored_in_order(repaired):
    """000 lost some label columns entirely: those turns are marked inferred, never silently given a speaker."""
    m = next(v for k, v in repaired.items() if k.startswith("000"))
    inferred = [t for t in m.turns if t.inferred]
    assert inferred, "turns whose label column was lost must be marked inferred"
    assert all(t.speaker is None for t in inferred)
    # a run of labels printed before page 6's body goes back on page 6's turn starts
    t = next(t for t in m.turns if t.text.startswith("市が保有しているマイナンバー"))
    assert t.speaker == "会長" and not t.inferred
