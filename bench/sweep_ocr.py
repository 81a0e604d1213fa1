"""Sweep: tuned scans with their axes drawn at random, to find the families the bench's fixed draws miss.

    python bench/sweep_ocr.py --split tuned --cases 40 --layouts table_wrapped --seed 7
    python bench/sweep_ocr.py --cases 30 --layouts table_ruled table_vcentred --seed 3 --csv out.csv
    python bench/sweep_ocr.py --case diet:42 table_ruled 2345 mincho 1100 --turns   # one case, per turn

bench/bench_ocr.py fixes each scan's axes by the ref's slot: one damage seed, one length (--chars) and
a face that makes every mild table scan gothic. Here each case draws, from the sweep seed:
    ref     a tuned meeting: diet:1..99 (weighted: half the draws), seed:1..99, real:d1, fixture:TUNED
    layout  one of --layouts
    S       the scan's damage seed, 2000..9999 (1000..1999 are the held-out scans': refused)
    F       the face, mincho or gothic
    C       characters of speech, 400..1500 (more turns, speakers and chair's calls than the bench's 500)
and runs fixtures.scan.make_case -> kaigiroku.ingest.ingest -> kaigiroku.score.score as bench_split
does. Rows print sorted by attributed, then the mean by layout and by face; --csv keeps them. The
draws depend on the sweep seed alone, so a rerun after a change scores the same scans.
Held-out refs (seed/diet > 100, real:d2, held-out fixtures) are refused.
"""
from __future__ import annotations

import argparse
import csv
import random
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fixtures.scan import MILD_LAYOUTS, ROUGH_LAYOUTS, make_case  # noqa: E402
from fixtures.splits import TUNED  # noqa: E402

OUT = ROOT / "bench" / "out" / "sweep"
HELDOUT_DAMAGE = range(1000, 2000)


def tuned_ref(ref: str) -> bool:
    kind, _, n = ref.partition(":")
    if kind in ("seed", "diet"):
        return n.isdigit() and 0 < int(n) < 100
    if kind == "fixture":
        return n in TUNED
    return ref == "real:d1"


def check(ref: str, seed: int) -> None:
    if not tuned_ref(ref):
        raise SystemExit(f"{ref}: not a tuned ref (held-out material is never swept)")
    if seed in HELDOUT_DAMAGE:
        raise SystemExit(f"damage seed {seed}: 1000..1999 are the held-out scans' seeds")


def draws(sweep_seed: int, n: int, layouts: list[str], refs: list[str] | None = None, faces=("mincho", "gothic")):
    """(ref, layout, damage seed, face, chars) per case, from the sweep seed alone; `faces` of one face
    prints every case in it (the other axes drawn as they would be)."""
    rng = random.Random(sweep_seed)
    fixtures = [f"fixture:{m}" for m in TUNED if ":" not in m] + ["real:d1"]
    for _ in range(n):
        if refs:
            ref = rng.choice(refs)
        else:
            pick = rng.random()
            ref = (f"diet:{rng.randint(1, 99)}" if pick < 0.5 else f"seed:{rng.randint(1, 99)}" if pick < 0.8
                   else rng.choice(fixtures))
        layout, seed, face, chars = rng.choice(layouts), rng.randint(2000, 9999), rng.choice(["mincho", "gothic"]), \
            rng.randint(400, 1500)
        yield ref, layout, seed, face if face in faces else faces[0], chars


def level_of(layout: str) -> str:
    return "mild" if layout in MILD_LAYOUTS else "rough"


def run_case(ref: str, layout: str, seed: int, font: str, chars: int, turns: bool = False) -> dict:
    from kaigiroku.ingest import ingest
    from kaigiroku.score import score

    check(ref, seed)
    gold, _, scan = make_case(ref, layout, level_of(layout), OUT, dpi=300, seed=seed, font=font, chars=chars)
    doc = ingest(scan, dpi=300, jobs=1).to_dict()
    s = score(gold, doc)
    if turns:
        print_turns(gold, doc, scan)
    return dict(ref=ref, layout=layout, seed=seed, font=font, chars=chars, attributed=s["attributed"],
                cer=s["cer"], miss=s["miss"], scan=str(scan))


def print_turns(gold: dict, doc: dict, scan) -> None:
    """Each gold turn: its share attributed, its speaker and the speakers it was given."""
    from collections import Counter

    from rapidfuzz.distance import Levenshtein

    from kaigiroku.score import _same_speaker, _stream

    g, p = _stream(gold), _stream(doc)
    got = [None] * len(g.chars)
    for tag, i1, i2, j1, _ in Levenshtein.opcodes(g.chars, p.chars):
        if tag == "equal":
            for k in range(i2 - i1):
                got[i1 + k] = p.who[j1 + k]
    starts = sorted(g.starts) + [len(g.chars)]
    print(f"scan {scan}")
    for a, b in zip(starts, starts[1:]):
        ok = sum(got[i] is not None and _same_speaker(g.who[i], got[i]) for i in range(a, b))
        given = Counter(got[i] for i in range(a, b)).most_common(2)
        print(f"  {ok / (b - a):5.2f} {b - a:4d} gold {g.who[a]}  got {given}  {g.chars[a:a + 24]}")
    for t in doc.get("turns", []):
        print(f"    | {t.get('kind')!s:<8} {t.get('speaker')!s:<14} {t.get('name')!s:<10} {(t.get('text') or '')[:40]}")


def summary(rows: list[dict]) -> None:
    def line(label, rs):
        a = [r["attributed"] for r in rs]
        print(f"  {label:<22}{len(rs):>4}{statistics.mean(a):>8.4f}{sum(x < 0.9 for x in a):>6}{min(a):>8.4f}")

    print(f"\n  {'group':<22}{'n':>4}{'mean':>8}{'<0.9':>6}{'worst':>8}")
    line("ALL", rows)
    for key in ("layout", "font"):
        for v in sorted({r[key] for r in rows}):
            line(f"{key} {v}", [r for r in rows if r[key] == v])
    for kind in ("diet", "seed", "fixture", "real"):
        rs = [r for r in rows if r["ref"].startswith(kind)]
        if rs:
            line(f"ref {kind}", rs)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["tuned"], default="tuned", help="tuned only: held-out is never swept")
    ap.add_argument("--cases", type=int, default=30)
    ap.add_argument("--layouts", nargs="*", default=list(MILD_LAYOUTS[:3]), choices=MILD_LAYOUTS + ROUGH_LAYOUTS)
    ap.add_argument("--refs", nargs="*", default=None, help="draw from these tuned refs only")
    ap.add_argument("--seed", type=int, default=7, help="the sweep seed: same seed, same scans")
    ap.add_argument("--faces", nargs="*", default=["mincho", "gothic"], choices=["mincho", "gothic"],
                    help="one face: every case printed in it")
    ap.add_argument("--csv", type=Path, default=None)
    ap.add_argument("--case", nargs=5, metavar=("REF", "LAYOUT", "SEED", "FONT", "CHARS"),
                    help="one case, with its turns scored one by one")
    ap.add_argument("--turns", action="store_true", help="with --case: each turn's score and the output turns")
    args = ap.parse_args(argv)
    if args.case:
        ref, layout, seed, font, chars = args.case
        r = run_case(ref, layout, int(seed), font, int(chars), turns=args.turns)
        print(f"{r['ref']:<34}{r['layout']:<16}{r['seed']:>5} {r['font']:<7}{r['chars']:>5} "
              f"attr {r['attributed']:.4f} cer {r['cer']:.4f} miss {r['miss']:.4f}")
        return
    for ref in args.refs or ():
        check(ref, 2000)
    rows = []
    for ref, layout, seed, font, chars in draws(args.seed, args.cases, args.layouts, args.refs, args.faces):
        r = run_case(ref, layout, seed, font, chars)
        rows.append(r)
        print(f"  {ref:<34}{layout:<16}{seed:>5} {font:<7}{chars:>5}  attr {r['attributed']:.4f} "
              f"cer {r['cer']:.4f} miss {r['miss']:.4f}", flush=True)
    print("\nsorted by attributed:")
    for r in sorted(rows, key=lambda r: r["attributed"]):
        print(f"  {r['ref']:<34}{r['layout']:<16}{r['seed']:>5} {r['font']:<7}{r['chars']:>5}  "
              f"attr {r['attributed']:.4f} cer {r['cer']:.4f} miss {r['miss']:.4f}")
    summary(rows)
    if args.csv:
        with args.csv.open("w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)


if __name__ == "__main__":
    main()
