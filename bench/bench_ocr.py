"""Bench: our OCR (OpenCV clean-up + Tesseract jpn) against OCRmyPDF on the same damaged scans.

    python bench/bench_ocr.py                 # both engines, mild and rough scans, CER and pages/s
    python bench/bench_ocr.py --ablation      # also: each preprocessing step switched off in turn
    python bench/bench_ocr.py --psm 3 4 6     # also: Tesseract page segmentation modes compared
    python bench/bench_ocr.py --fixes         # also: what each ocrfix repair is worth

The scans are made by fixtures/scan.py from minutes rendered with known text: the fixture page of
fixtures/scan.py (ruled Mincho, and unruled Gothic) plus three A4 pages of the real Diet minutes in
../shared/real/d2.json (when present) in a ruled label/body table; 200 dpi scans, read at 300 dpi. CER = Levenshtein distance over NFKC text with whitespace removed / gold length,
pooled over all pages of a damage level.

OCRmyPDF is only needed for the comparison (not a dependency of kaigiroku):
    .venv/bin/pip install ocrmypdf       # the Python package, into the venv
    apt-get install unpaper              # for --clean
It runs as `ocrmypdf -l jpn --deskew --clean --sidecar out.txt in.pdf out.pdf`; without it the bench
prints a message and measures our OCR alone. Both use `--jobs` worker processes. The sidecar is in
Tesseract's block order, so a second figure scores OCRmyPDF's text layer read back in row order
(pdfplumber), the order our text is scored in: that one compares recognition alone.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fixtures.scan import SAMPLE_ROWS, Layout, norm, reading_text, render_minutes_pdf, scan_pdf  # noqa: E402
from kaigiroku.ingest.ocr import ocr_pdf_pages  # noqa: E402
from kaigiroku.cleanup import ocrfix  # noqa: E402
from kaigiroku.ingest.preprocess import STEPS  # noqa: E402

SHARED = ROOT.parent / "shared" / "real" / "d2.json"
OUT = ROOT / "bench" / "out" / "ocr"


def diet_rows(limit_chars: int = 2600) -> list[tuple[str, str]]:
    """(label, body) rows from real Diet minutes: speaker role as the label, notes unlabelled."""
    if not SHARED.exists():
        return []
    rows, total = [], 0
    for t in json.loads(SHARED.read_text(encoding="utf-8"))["turns"]:
        text = t["text"].replace("\n\n", "")
        if len(text) > 220:  # keep whole sentences, about 200 characters of each speech
            cut = text.rfind("。", 0, 220)
            text = text[: cut + 1] if cut > 0 else text[:220]
        rows.append((t.get("speaker") or "" if t.get("kind") == "speech" else "", text))
        total += len(text)
        if total > limit_chars:
            break
    return rows


def merge_pdfs(paths: list[Path], out: Path) -> None:
    import pypdfium2 as pdfium

    dst = pdfium.PdfDocument.new()
    for p in paths:
        src = pdfium.PdfDocument(str(p))
        dst.import_pages(src)
        src.close()
    dst.save(str(out))
    dst.close()


def make_scans(levels: list[str]) -> dict[str, tuple[Path, list[str]]]:
    """level -> (one scanned PDF of all bench pages, gold text per page)."""
    OUT.mkdir(parents=True, exist_ok=True)
    sources = [
        (OUT / "sample.pdf", render_minutes_pdf(OUT / "sample.pdf", SAMPLE_ROWS)),
        (OUT / "sample-gothic.pdf", render_minutes_pdf(OUT / "sample-gothic.pdf", SAMPLE_ROWS,
                                                       Layout(font="gothic", ruled=False))),
    ]
    rows = diet_rows()
    if rows:
        sources.append((OUT / "diet.pdf", render_minutes_pdf(OUT / "diet.pdf", rows, Layout(),
                                                            title="第212回国会　参議院本会議")))
    corpus = {}
    for level in levels:
        parts, golds = [], []
        for i, (src, gold) in enumerate(sources):
            part = OUT / f"{src.stem}-{level}.pdf"
            scan_pdf(src, part, level, dpi=200, seed=100 * i + 7)
            parts.append(part)
            golds.extend(gold)
        merged = OUT / f"scans-{level}.pdf"
        merge_pdfs(parts, merged)
        corpus[level] = (merged, golds)
    return corpus


def pooled_cer(golds: list[str], preds: list[str]) -> float:
    from rapidfuzz.distance import Levenshtein

    dist = sum(Levenshtein.distance(norm(g), norm(p)) for g, p in zip(golds, preds))
    return dist / max(1, sum(len(norm(g)) for g in golds))


def run_ours(pdf: Path, n: int, jobs: int, **kw) -> tuple[list[str], float]:
    t = time.perf_counter()
    pages = ocr_pdf_pages(pdf, list(range(1, n + 1)), jobs=jobs, **kw)
    return [reading_text([p]) for p in pages], time.perf_counter() - t


def ocrmypdf_missing() -> str | None:
    exe = shutil.which("ocrmypdf") or shutil.which("ocrmypdf", path=str(Path(sys.executable).parent))
    if not exe:
        return "ocrmypdf is not installed (.venv/bin/pip install ocrmypdf)"
    if not shutil.which("unpaper"):
        return "unpaper is not installed (apt-get install unpaper), needed for --clean"
    return None


def run_ocrmypdf(pdf: Path, n: int, jobs: int) -> tuple[list[str], list[str], float]:
    """(sidecar text per page, text layer of the output PDF in row order per page, seconds)."""
    import pdfplumber

    exe = shutil.which("ocrmypdf") or shutil.which("ocrmypdf", path=str(Path(sys.executable).parent))
    with tempfile.TemporaryDirectory() as tmp:
        side, out = Path(tmp) / "out.txt", Path(tmp) / "out.pdf"
        t = time.perf_counter()
        subprocess.run([exe, "-q", "-l", "jpn", "--deskew", "--clean", "--jobs", str(jobs),
                        "--sidecar", str(side), str(pdf), str(out)], check=True)
        secs = time.perf_counter() - t
        sidecar = (side.read_text(encoding="utf-8").split("\f") + [""] * n)[:n]
        with pdfplumber.open(out) as doc:
            layer = [(p.extract_text() or "") for p in doc.pages]
    return sidecar, (layer + [""] * n)[:n], secs


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--levels", nargs="+", default=["mild", "rough"])
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    ap.add_argument("--dpi", type=float, default=300)
    ap.add_argument("--psm", type=int, nargs="*", default=[], help="compare these page segmentation modes")
    ap.add_argument("--ablation", action="store_true", help="switch each preprocessing step off in turn")
    ap.add_argument("--fixes", action="store_true", help="CER with the ocrfix repairs added one by one")
    ap.add_argument("--no-ocrmypdf", action="store_true")
    args = ap.parse_args(argv)

    corpus = make_scans(args.levels)
    n_pages = {lv: len(g) for lv, (_, g) in corpus.items()}
    print(f"scans: {', '.join(f'{lv} {n} pages' for lv, n in n_pages.items())}, "
          f"{sum(len(norm(t)) for t in next(iter(corpus.values()))[1])} gold characters per level; "
          f"jobs={args.jobs}\n")

    print(f"{'engine':<28}{'level':<8}{'CER':>8}{'pages/s':>10}{'seconds':>10}")
    for level, (pdf, golds) in corpus.items():
        preds, secs = run_ours(pdf, len(golds), args.jobs, dpi=args.dpi)
        print(f"{'kaigiroku':<28}{level:<8}{pooled_cer(golds, preds):>8.4f}{len(golds) / secs:>10.2f}{secs:>10.1f}")
        if args.no_ocrmypdf:
            continue
        why = ocrmypdf_missing()
        if why:
            print(f"{'ocrmypdf':<28}{level:<8}  skipped: {why}")
            continue
        sidecar, layer, secs = run_ocrmypdf(pdf, len(golds), args.jobs)
        print(f"{'ocrmypdf --deskew --clean':<28}{level:<8}{pooled_cer(golds, sidecar):>8.4f}"
              f"{len(golds) / secs:>10.2f}{secs:>10.1f}")
        print(f"{'  its text layer, row order':<28}{level:<8}{pooled_cer(golds, layer):>8.4f}")

    if args.psm:
        print(f"\npage segmentation modes (CER)\n{'psm':<8}" + "".join(f"{lv:>10}" for lv in corpus))
        for psm in args.psm:
            row = [pooled_cer(g, run_ours(pdf, len(g), args.jobs, dpi=args.dpi, psm=psm)[0])
                   for pdf, g in corpus.values()]
            print(f"{psm:<8}" + "".join(f"{c:>10.4f}" for c in row))

    if args.fixes:
        raw = {lv: run_ours(pdf, len(g), args.jobs, dpi=args.dpi, fix=False)[0] for lv, (pdf, g) in corpus.items()}
        stages = [("none (words joined)", []), ("+ fix_spacing", [ocrfix.fix_spacing]),
                  ("+ fix_stray_marks", [ocrfix.fix_spacing, ocrfix.fix_stray_marks]),
                  ("+ fix_brackets", [ocrfix.fix_spacing, ocrfix.fix_stray_marks, ocrfix.fix_brackets]),
                  ("+ fix_confusions", [ocrfix.fix_spacing, ocrfix.fix_stray_marks, ocrfix.fix_brackets,
                                        ocrfix.fix_confusions])]
        print(f"\nocrfix (CER, repairs added in turn)\n{'repairs':<24}" + "".join(f"{lv:>10}" for lv in corpus))
        for name, fns in stages:
            row = []
            for lv, (_, golds) in corpus.items():
                def fix(line, fns=fns):
                    for f in fns:
                        line = f(line)
                    return line
                preds = ["\n".join(fix(ln) for ln in page.split("\n")) for page in raw[lv]]
                row.append(pooled_cer(golds, preds))
            print(f"{name:<24}" + "".join(f"{c:>10.4f}" for c in row))

    if args.ablation:
        print(f"\nablation (CER with one step switched off)\n{'switched off':<20}"
              + "".join(f"{lv:>10}" for lv in corpus))
        for step in ("(none)",) + STEPS + ("(all)",):
            skip = () if step == "(none)" else STEPS if step == "(all)" else (step,)
            row = [pooled_cer(g, run_ours(pdf, len(g), args.jobs, dpi=args.dpi, skip=skip)[0])
                   for pdf, g in corpus.values()]
            print(f"{step:<20}" + "".join(f"{c:>10.4f}" for c in row))


if __name__ == "__main__":
    main()
