"""Issue 9's levels on the held-out split: minutes the tool was not tuned on, every axis at random.

Held-out seeds (1000 …) over the held-out meetings (fixtures/minutes/heldout/ and ../shared/real/d2,
fixtures/splits.py). Each sample is `splits.covering`: the held-out cases in seed order, each kept
when it draws an axis value (or meeting) the sample still lacks, so every value of every reported
axis (label form, roles, mark, separator, cover, headings, furniture, width, layout … for text;
layout, font, size, margins, label width, cover, furniture … for PDFs) is measured, chosen by the
axes alone, never by scores. Only aggregates are reported, so that a failure does not show the
cases to whoever tunes the tool. The full report: `.venv/bin/python -m fixtures.report --split
heldout --kind both`.

Issue 9 asks for text: mean attributed >= 0.97, every case >= 0.90; PDFs: mean >= 0.98, every case
>= 0.95, cer <= 0.01. Where a sample reaches the issue's level, the floor is that level; where it
does not yet, the floor sits a little below what was measured, to catch regressions on unseen
minutes: raise it as the tool gets there.
"""
from __future__ import annotations

from pathlib import Path

from fixtures.report import Tally, run_case
from fixtures.splits import covering

# every axis value twice in the text sample (37 cases), once in the PDF sample (18 cases)
TEXT_TIMES, PDF_TIMES = 2, 1
# measured at the last change (these samples; the tuned split now holds three more meetings, which
# the held-out samples do not see): text mean 0.994, worst 0.965, worst cer 0.005; PDF mean 0.990,
# worst 0.848, worst cer 0.0001. Text reaches the levels on this sample (0.97 and 0.90: the
# floors are those levels; the 120-case report's worst is still 0.71), PDF reaches its mean (0.98)
# but not its worst (0.95): that floor sits just below what is measured
TEXT_MEAN_FLOOR, TEXT_WORST_FLOOR, TEXT_WORST_CER = 0.97, 0.90, 0.01
PDF_MEAN_FLOOR, PDF_WORST_FLOOR, PDF_WORST_CER = 0.98, 0.83, 0.01


def heldout(kind: str, times: int, tmp_path: Path) -> tuple[float, float, float, int, str]:
    """(mean attributed, worst attributed, worst cer, crashes, a one-line summary): aggregates only."""
    t, crashed = Tally(), 0
    for case in covering("heldout", kind, times):
        s, _, error = run_case(kind, case, tmp_path)
        t.add(s)
        crashed += bool(error)
    att = [r["attributed"] for r in t.rows]
    worst_cer = max(r["cer"] for r in t.rows)
    return sum(att) / len(att), min(att), worst_cer, crashed, f"{t.summary()}, crashed {crashed}"


def test_heldout_text(tmp_path):
    """No crash; mean and worst attributed at least the floors reached so far (issue 9: 0.97, 0.90);
    cer <= 0.01 in every case: no body text lost to the cover or to furniture."""
    mean, worst, worst_cer, crashed, summary = heldout("text", TEXT_TIMES, tmp_path)
    print(f"\nheld-out text: {summary}")
    assert crashed == 0, summary
    assert mean >= TEXT_MEAN_FLOOR and worst >= TEXT_WORST_FLOOR and worst_cer <= TEXT_WORST_CER, summary


def test_heldout_pdf(tmp_path):
    """No crash; mean and worst attributed at least the floors reached so far (issue 9: 0.98, 0.95),
    cer <= 0.01 in every case (issue 9's level)."""
    mean, worst, worst_cer, crashed, summary = heldout("pdf", PDF_TIMES, tmp_path)
    print(f"\nheld-out pdf: {summary}")
    assert crashed == 0, summary
    assert mean >= PDF_MEAN_FLOOR and worst >= PDF_WORST_FLOOR and worst_cer <= PDF_WORST_CER, summary


RECORD_PAGES = 12  # the report's record has 56 pages (`python -m fixtures.report --record`); a test keeps it short


def test_heldout_council_record(tmp_path):
    """The held-out committee meeting as a browser-printed council record (labels alone on their
    line, date/time + title on top and URL + n/m at the foot of every page): issue 9 asks for
    attributed >= 0.998 and cer <= 0.01 on the real 56-page one."""
    from kaigiroku.ingest import ingest
    from kaigiroku.score import score

    from fixtures.render_pdf import render_council_record
    from fixtures.report import RECORD_MEETINGS
    from fixtures.splits import SEED_BASE, load, meeting_path

    r = render_council_record(load(meeting_path(RECORD_MEETINGS["heldout"])), SEED_BASE["heldout"],
                              tmp_path / "record.pdf", pages=RECORD_PAGES)
    assert r.axes["pages"] >= RECORD_PAGES
    s = score(r.gold, ingest(r.path, ocr="never").to_dict())
    summary = f"attributed {s['attributed']:.4f} cer {s['cer']:.4f}"
    print(f"\nheld-out council record ({r.axes['pages']} pages): {summary}")
    assert s["attributed"] >= 0.998 and s["cer"] <= 0.01, summary
