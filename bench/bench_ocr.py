"""Bench: scanned minutes through `kaigiroku ingest` against OCRmyPDF, on the same pages in one run.

    python bench/bench_ocr.py                        # held-out split: every scan layout, both levels
    python bench/bench_ocr.py --split tuned          # the split we tune on
    python bench/bench_ocr.py --split both --docs 2  # both splits, two meetings each
    python bench/bench_ocr.py --split tuned --refs real:d1 seed:1 --layouts inline   # chosen meetings, layouts
    python bench/bench_ocr.py --split tuned --refs diet:3 diet:4 --layouts table_ruled   # more tuned Diet seeds
    python bench/bench_ocr.py --split tuned --refs fixture:kokkai_sangiin_honkaigi --layouts inline   # a tuned meeting
    python bench/bench_ocr.py --legacy               # old character forms: jpn vs jpn+Japanese, psm 4 vs 6
    python bench/bench_ocr.py --no-ocrmypdf          # ours alone
    python bench/bench_ocr.py --faces both           # every scan printed in mincho and in gothic
    python bench/bench_ocr.py --vertical             # vertical (縦書き) scans against OCRmyPDF -l jpn_vert
                                                     # (bench/bench_vertical.py; its options follow)

Scans are made by fixtures/scan.py (make_case): each meeting of the split (fixtures/scan.SPLITS),
trimmed to a cover and a page or two of speech, rendered in each scan layout by
fixtures/render_pdf.py, scanned at 300 dpi:
    mild  label tables: wrapped name cells, vertically centred labels, ruled, ○-labelled council
          minutes in table form (MILD_LAYOUTS)
    rough inline labels: plain and ○議長（…君） (ROUGH_LAYOUTS)
The held-out split (the Diet plenary d2, council seeds 101-103, Diet seed 101) is never looked at while
tuning. Diet seeds (fixtures/scan.diet_minutes) print long roles, members by name alone and the chair's calls.

Measures per scan, from kaigiroku.score (the rules of ../shared/eval/score.py):
    cer         edit distance / gold characters, over the turns' text
    miss        gold characters missing from the turns
    attributed  gold characters present with the right speaker (OCRmyPDF has no speakers: "-")
    pages/s     pages / wall time of the whole file, both tools with --jobs workers
OCRmyPDF runs as `ocrmypdf -l jpn --deskew --clean --jobs N --sidecar OUT.txt IN.pdf OUT.pdf`; its
sidecar text is scored as one unattributed turn (cover and page furniture count against it, as they
would for a user). `make bench-deps` installs it and unpaper.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fixtures.scan import MILD_LAYOUTS, ROUGH_LAYOUTS, SPLITS, drawn_face, make_case  # noqa: E402
from kaigiroku.ingest import ingest  # noqa: E402
from kaigiroku.score import score  # noqa: E402

OUT = ROOT / "bench" / "out" / "ocr"
DPI = 300


def ocrmypdf_exe() -> str | None:
    exe = shutil.which("ocrmypdf") or shutil.which("ocrmypdf", path=str(Path(sys.executable).parent))
    return exe if exe and shutil.which("unpaper") else None


def run_ocrmypdf(pdf: Path, jobs: int, lang: str = "jpn") -> tuple[str, float]:
    exe = ocrmypdf_exe()
    with tempfile.TemporaryDirectory() as tmp:
        side, out = Path(tmp) / "out.txt", Path(tmp) / "out.pdf"
        t = time.perf_counter()
        subprocess.run([exe, "-q", "-l", lang, "--deskew", "--clean", "--jobs", str(jobs),
                        "--sidecar", str(side), str(pdf), str(out)], check=True)
        return side.read_text(encoding="utf-8"), time.perf_counter() - t


def page_count(pdf: Path) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


def split_of(ref: str) -> str | None:
    """The split a generated meeting belongs to: council and Diet seeds below 100 are tuned, 101 and
    up held out (fixtures/scan.SPLITS lists the ones measured by default); a fixture meeting
    (fixture:kokkai_sangiin_honkaigi) is in the split fixtures/splits.py puts it in; None otherwise."""
    kind, _, n = ref.partition(":")
    if kind in ("seed", "diet") and n.isdigit():
        return "tuned" if int(n) < 100 else "heldout" if int(n) > 100 else None
    if kind == "fixture":  # a meeting of fixtures/minutes: its split is fixtures/splits.py's
        from fixtures.splits import HELDOUT, TUNED
        return "tuned" if n in TUNED else "heldout" if n in HELDOUT else None
    return None


def cases(split: str, docs: int | None, layouts: list[str] | None, only: list[str] | None = None,
          faces: tuple[str | None, ...] = (None,)):
    refs = SPLITS[split][:docs] if docs else SPLITS[split]
    # more generated meetings of the same split (diet:3, seed:7 ...) when named with --refs
    listed = len(refs)
    refs = refs + [r for r in only or () if r not in refs and split_of(r) == split]
    for i, ref in enumerate(refs):
        if only and ref not in only:
            continue
        # a listed ref keeps its place's draws; a named extra draws from its own name, so its scan
        # does not change with the order of --refs
        slot = i if i < listed else 10 + zlib.crc32(ref.encode()) % 89
        for level, lays in (("mild", MILD_LAYOUTS), ("rough", ROUGH_LAYOUTS)):
            for k, layout in enumerate(lays):
                if layouts and layout not in layouts:
                    continue
                for face in faces:  # None: the face make_case draws from the case seed
                    yield ref, layout, level, 1000 * (split == "heldout") + 10 * slot + k, face


def bench_split(split: str, args) -> list[dict]:
    rows = []
    faces = ("mincho", "gothic") if args.faces == "both" else (None,)
    for ref, layout, level, seed, face in cases(split, args.docs, args.layouts, args.refs, faces):
        gold, _, scan = make_case(ref, layout, level, OUT / split, dpi=DPI, seed=seed, chars=args.chars, font=face)
        face = face or drawn_face(seed, layout)
        n = page_count(scan)
        t = time.perf_counter()
        m = ingest(scan, dpi=DPI, jobs=args.jobs)
        ours_s = time.perf_counter() - t
        s = score(gold, m.to_dict())
        row = dict(split=split, ref=ref, layout=layout, level=level, face=face, pages=n, ours=s, ours_s=ours_s)
        if not args.no_ocrmypdf and ocrmypdf_exe() and level in args.ocrmypdf_levels:
            text, secs = run_ocrmypdf(scan, args.jobs)
            row["ocrmypdf"] = score(gold, {"turns": [{"kind": "note", "text": text}]})
            row["ocrmypdf_s"] = secs
        rows.append(row)
        o = row.get("ocrmypdf")
        print(f"  {split:<8}{ref:<30}{layout:<16}{face:<7}{level:<6}{n:>3}  ours cer {s['cer']:.4f} miss {s['miss']:.4f} "
              f"attr {s['attributed']:.4f} {n / ours_s:5.2f} p/s"
              + (f" | ocrmypdf cer {o['cer']:.4f} miss {o['miss']:.4f} {n / row['ocrmypdf_s']:5.2f} p/s" if o else ""),
              flush=True)
    return rows


def summary(rows: list[dict]) -> None:
    print(f"\n{'split':<9}{'layout':<16}{'level':<7}{'n':>3}{'cer':>8}{'miss':>8}{'attr':>8}{'min attr':>9}"
          f"{'p/s':>7}{'omp cer':>9}{'omp miss':>9}{'omp p/s':>8}{'miss<omp':>9}")
    keys = sorted({(r["split"], r["layout"], r["level"]) for r in rows}, key=lambda k: (k[0], k[2], k[1]))
    faces = sorted({r["face"] for r in rows})
    per_face = [(s, f"ALL {f}", lv) for s in sorted({r["split"] for r in rows}) for f in faces
                for lv in ("mild", "rough")] if len(faces) > 1 else []
    for split, layout, level in keys + [(s, "ALL", lv) for s in sorted({r["split"] for r in rows})
                                        for lv in ("mild", "rough")] + per_face:
        rs = [r for r in rows if r["split"] == split and r["level"] == level
              and (layout in (r["layout"], "ALL") or layout == f"ALL {r['face']}")]
        if not rs:
            continue
        pages = sum(r["pages"] for r in rs)
        mean = lambda k, who="ours": statistics.mean(r[who][k] for r in rs)  # noqa: E731
        line = (f"{split:<9}{layout:<16}{level:<7}{len(rs):>3}{mean('cer'):>8.4f}{mean('miss'):>8.4f}"
                f"{mean('attributed'):>8.4f}{min(r['ours']['attributed'] for r in rs):>9.4f}"
                f"{pages / sum(r['ours_s'] for r in rs):>7.2f}")
        if rs and all("ocrmypdf" in r for r in rs):
            below = sum(r["ours"]["miss"] < r["ocrmypdf"]["miss"] for r in rs)
            line += (f"{mean('cer', 'ocrmypdf'):>9.4f}{mean('miss', 'ocrmypdf'):>9.4f}"
                     f"{pages / sum(r['ocrmypdf_s'] for r in rs):>8.2f}{below:>6}/{len(rs)}")
        print(line)
    both = [r for r in rows if "ocrmypdf" in r]
    if both:
        ours = sum(r["pages"] for r in both) / sum(r["ours_s"] for r in both)
        omp = sum(r["pages"] for r in both) / sum(r["ocrmypdf_s"] for r in both)
        print(f"\npages/s over the {len(both)} scans both read: kaigiroku {ours:.3f}, ocrmypdf {omp:.3f}, "
              f"ratio {ours / omp:.2f}x")


# ----------------------------------------------------------------------------- legacy print

def bench_legacy(args) -> None:
    """Old character forms (國務大臣, 勞働, 會議): Tesseract's jpn model against jpn+Japanese (the
    script model, Debian's tesseract-ocr-script-jpan) and psm 4 against psm 6, per page kind (a
    label table, inline labels), scored as OCR text (pages in reading order) and as turns."""
    from fixtures.scan import cer, reading_text
    from kaigiroku.ingest.ocr import ocr_pdf_pages
    from kaigiroku.ingest.tesseract import check_available

    langs = ["jpn", "jpn+Japanese", "Japanese"]
    kinds = {"table": ("table_marked", "mild"), "inline": ("assembly", "rough")}
    refs = ["real:d1", "seed:1"] if args.split != "heldout" else ["real:d2", "seed:101"]
    refs = refs[: args.docs or len(refs)]
    print(f"\nlegacy print (old character forms), {args.split} meetings {refs}: CER of the OCR text")
    print(f"{'page kind':<10}{'lang':<15}{'psm':>4}{'cer':>9}{'pages/s':>9}")
    scans = {kind: [make_case(ref, layout, level, OUT / "legacy", dpi=DPI, seed=7 + i, old=True, chars=args.chars)
                    for i, ref in enumerate(refs)] for kind, (layout, level) in kinds.items()}
    for kind, items in scans.items():
        for lang in langs:
            try:
                check_available(lang)
            except Exception as e:  # noqa: BLE001
                print(f"{kind:<10}{lang:<15}  skipped: {e}")
                continue
            for psm in (4, 6):
                dist = total = 0.0
                pages = secs = 0
                for gold, pdf, scan in items:
                    n = page_count(scan)
                    t = time.perf_counter()
                    got = ocr_pdf_pages(scan, list(range(1, n + 1)), dpi=DPI, lang=lang, psm=psm, jobs=args.jobs)
                    secs += time.perf_counter() - t
                    pages += n
                    ref_text = _page_gold(pdf)
                    for g, p in zip(ref_text, got):
                        c = cer(g, reading_text([p]))
                        dist += c * len(g)
                        total += len(g)
                print(f"{kind:<10}{lang:<15}{psm:>4}{dist / max(total, 1):>9.4f}{pages / secs:>9.2f}", flush=True)


def _page_gold(pdf: Path) -> list[str]:
    """The printed text of each page of a rendered (text) PDF, in row order."""
    import pdfplumber

    with pdfplumber.open(str(pdf)) as doc:
        return [p.extract_text() or "" for p in doc.pages]


def main(argv=None) -> None:
    # --- issue 12: vertical scans are measured by bench_vertical.py, side by side with OCRmyPDF's jpn_vert
    argv = sys.argv[1:] if argv is None else list(argv)
    if "--vertical" in argv:
        import importlib.util
        spec = importlib.util.spec_from_file_location("bench_vertical", ROOT / "bench" / "bench_vertical.py")
        vertical = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(vertical)
        vertical.main([a for a in argv if a != "--vertical"])
        return
    # --- end of issue 12
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["heldout", "tuned", "both"], default="heldout")
    ap.add_argument("--docs", type=int, default=None, help="only the first N meetings of each split")
    ap.add_argument("--layouts", nargs="*", default=None, help="only these scan layouts")
    ap.add_argument("--refs", nargs="*", default=None,
                    help="only these meetings of the split (e.g. real:d1 seed:2); generated meetings beyond "
                         "the split's list may be named too (diet:3, seed:7: below 100 tuned, above 100 held "
                         "out), and tuned meetings of fixtures/minutes (fixture:kokkai_sangiin_honkaigi)")
    ap.add_argument("--chars", type=int, default=1200, help="characters of speech per meeting (pages)")
    ap.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument("--no-ocrmypdf", action="store_true")
    ap.add_argument("--ocrmypdf-levels", nargs="*", default=["mild", "rough"],
                    help="run OCRmyPDF on these damage levels only (it is slow)")
    ap.add_argument("--faces", choices=["drawn", "both"], default="drawn",
                    help="drawn: the face make_case draws from the case seed (one per layout); both: every "
                         "scan printed in mincho and in gothic, with a summary line per face")
    ap.add_argument("--legacy", action="store_true", help="old character forms: languages and psm")
    args = ap.parse_args(argv)
    if not args.no_ocrmypdf and not ocrmypdf_exe():
        print("ocrmypdf or unpaper missing (make bench-deps): measuring kaigiroku alone")
    if args.legacy:
        bench_legacy(args)
        return
    rows = []
    for split in (["tuned", "heldout"] if args.split == "both" else [args.split]):
        rows += bench_split(split, args)
    summary(rows)


if __name__ == "__main__":
    main()
