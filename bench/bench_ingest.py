"""Bench: text-PDF ingest by geometry against bare pdfplumber and pdftotext, then peak memory.

    python bench/bench_ingest.py                 # 200 pages for speed, 1000 pages for memory
    python bench/bench_ingest.py --pages 100 --memory-pages 500

The PDFs repeat the body pages of fixture renderings (the Diet minutes in ../shared/real/d1.json,
else our own fixtures/minutes) in four layouts, under bench/out/ingest/. Speed, in one run:
  kaigiroku   kaigiroku.ingest.ingest(path, ocr="never") and the text writer (what `kaigiroku ingest
              --ocr never` does, without the process start)
  pdfplumber  open, page.extract_text() and page.close() for every page
  pdftotext   `pdftotext -layout` on the whole file (poppler, C++)
Memory: ingest of the large PDF in a fresh process; its peak RSS (VmHWM) against the peak of a
process that has only imported kaigiroku.
Targets: kaigiroku at least half the speed of bare pdfplumber; peak memory under 400 MB.
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out" / "ingest"
LAYOUTS = ("table_ruled", "table_vcentred", "labels_after_body", "assembly")


def _gold() -> dict:
    d1 = ROOT.parent / "shared" / "real" / "d1.json"
    if d1.exists():
        return json.loads(d1.read_text(encoding="utf-8"))
    own = sorted((ROOT / "fixtures" / "minutes").glob("*.json"))
    return json.loads(own[0].read_text(encoding="utf-8"))


def build(pages: int, path: Path) -> Path:
    """A PDF of `pages` pages: a cover, then body pages of the fixture renderings, repeated."""
    import pypdfium2 as pdfium

    from fixtures.render_pdf import render

    if path.exists():
        with pdfium.PdfDocument(str(path)) as doc:
            if len(doc) == pages:
                return path
    OUT.mkdir(parents=True, exist_ok=True)
    sources = [pdfium.PdfDocument(str(render(_gold(), layout, OUT / f"src_{layout}.pdf"))) for layout in LAYOUTS]
    out = pdfium.PdfDocument.new()
    out.import_pages(sources[0], [0])  # the cover sheet
    k = 0
    while len(out) < pages:
        src = sources[k % len(sources)]
        want = min(len(src) - 1, pages - len(out))
        out.import_pages(src, list(range(1, 1 + want)))
        k += 1
    out.save(str(path))
    for s in sources:
        s.close()
    out.close()
    return path


def time_kaigiroku(path: Path) -> float:
    from kaigiroku.ingest import ingest
    from kaigiroku.writers import render

    t = time.perf_counter()
    render(ingest(path, ocr="never"), "text")
    return time.perf_counter() - t


def time_pdfplumber(path: Path) -> float:
    import pdfplumber

    t = time.perf_counter()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
    return time.perf_counter() - t


def time_pdftotext(path: Path) -> float | None:
    if not shutil.which("pdftotext"):
        return None
    t = time.perf_counter()
    subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t


# VmHWM is the process's own peak RSS; ru_maxrss can carry the parent's high-water mark over a fork
PEAK = """
import resource
{work}
try:
    print(next(l.split()[1] for l in open("/proc/self/status") if l.startswith("VmHWM:")))
except OSError:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_rss_mb(work: str) -> float:
    code = PEAK.format(work=work)
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=ROOT)
    return int(out.stdout.strip().splitlines()[-1]) / 1024  # KiB


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=200)
    ap.add_argument("--memory-pages", type=int, default=1000)
    args = ap.parse_args(argv)

    small = build(args.pages, OUT / f"bench_{args.pages}.pdf")
    print(f"speed: {small.relative_to(ROOT)} ({args.pages} pages)")
    results = {"pdfplumber extract_text": time_pdfplumber(small),
               "kaigiroku ingest --ocr never": time_kaigiroku(small),
               "pdftotext -layout": time_pdftotext(small)}
    base = results["pdfplumber extract_text"]
    print(f"  {'tool':30} {'seconds':>8} {'pages/s':>9} {'vs pdfplumber':>14}")
    for name, sec in results.items():
        if sec is None:
            print(f"  {name:30} {'(not installed)':>8}")
            continue
        print(f"  {name:30} {sec:8.2f} {args.pages / sec:9.1f} {base / sec:13.2f}x")
    ratio = base / results["kaigiroku ingest --ocr never"]
    print(f"  kaigiroku runs at {ratio:.2f}x the speed of bare pdfplumber (target >= 0.5): "
          f"{'OK' if ratio >= 0.5 else 'SLOW'}")

    big = build(args.memory_pages, OUT / f"bench_{args.memory_pages}.pdf")
    imported = peak_rss_mb("import kaigiroku.ingest, kaigiroku.cleanup.assemble")
    peak = peak_rss_mb(f"from kaigiroku.ingest import ingest\nm = ingest({str(big)!r}, ocr='never')\n"
                       f"assert m.pages == {args.memory_pages}")
    print(f"memory: {big.relative_to(ROOT)} ({args.memory_pages} pages)")
    print(f"  peak RSS {peak:.0f} MB (imports alone {imported:.0f} MB; target < 400 MB): "
          f"{'OK' if peak < 400 else 'TOO MUCH'}")
    return 0 if ratio >= 0.5 and peak < 400 else 1


if __name__ == "__main__":
    sys.exit(main())
