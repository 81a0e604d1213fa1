"""Bench: `kaigiroku batch` over an archive of text PDFs and scans, with --jobs 1 and --jobs 2.

    python bench/bench_batch.py                       # 50 text PDFs (3 pages) + 10 scanned PDFs (1 page)
    python bench/bench_batch.py --text 100 --scanned 20 --dpi 300
    python bench/bench_batch.py --executor ray        # the same on a one-node Ray, beside the local pool

With --executor ray the bench starts a Ray of its own on this machine (stopped at the end; nothing
else is touched), runs the archive with the local pool and with `--executor ray`, each with 1 and 2
workers, checks that all four wrote identical outputs, and prints pages/s of each and Ray's ratio to
the local pool. Then Ray's overhead: its fixed start-up (driver connection, Ray worker processes)
from the command run on one tiny file, and its cost per file, warm, from both executors mapping the
same tiny files (--tiny) with 2 workers: the time per file a worker slot spends not converting.

Prints, for each --jobs, pages per second (wall clock, whole command), the speed-up of the parallel
run and the peak memory of a worker (the largest ru_maxrss of a worker process and the tesseract
it ran, as recorded in report.json). Both runs must produce identical outputs.
The archive is made with reportlab under bench/out/batch/ (kept between runs; --rebuild to redo).
"""
from __future__ import annotations

import argparse
import filecmp
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / "out" / "batch"
KAIGIROKU = Path(sys.executable).parent / "kaigiroku"
FONT = "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf"
A4 = (595.0, 842.0)
TARGET_SPEEDUP = 1.8  # issue 11: --jobs 2 against --jobs 1, on the 2 cores of the reference machine

SPEAKERS = ["議長（山田太郎君）", "１番（佐藤花子君）", "教育長（鈴木一郎君）", "市長（高橋次郎君）", "総務部長（伊藤三郎君）"]
PHRASES = ["ただいまから本日の会議を開きます。", "図書館の開館時間について伺います。", "来年度の予算についてお答えいたします。",
           "地域の防災計画を見直す考えはありますか。", "関係部署と協議の上、検討してまいります。",
           "子育て支援の拡充は喫緊の課題であります。", "以上で質問を終わります。", "ご異議ありませんか。"]


def minutes_lines(seed: int, count: int) -> list[str]:
    """Lines of minutes as printed: a ○ label opens each speech, long speeches wrap at 38 characters."""
    rnd = random.Random(seed)
    lines: list[str] = []
    while len(lines) < count:
        speech = "○" + rnd.choice(SPEAKERS) + "　" + "".join(rnd.choice(PHRASES) for _ in range(rnd.randint(1, 4)))
        lines += [speech[i:i + 38] for i in range(0, len(speech), 38)]
    return lines[:count]


def build_text_pdf(path: Path, seed: int, pages: int) -> None:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    lines = minutes_lines(seed, 38 * pages)
    for page in range(pages):
        c.setFont("IPAexM", 11)
        for row, line in enumerate(lines[38 * page: 38 * (page + 1)]):
            c.drawString(60, A4[1] - 70 - 19 * row, line)
        c.setFont("IPAexM", 9)
        c.drawCentredString(A4[0] / 2, 30, f"- {page + 1} -")
        c.showPage()
    c.save()


def build_scanned_pdf(path: Path, seed: int, dpi: int = 200) -> None:
    """An A4 page that is only a picture of printed minutes, as a scanner makes it."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    scale = dpi / 72
    image = Image.new("L", (int(A4[0] * scale), int(A4[1] * scale)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, int(11 * scale))
    for row, line in enumerate(minutes_lines(seed, 30)):
        draw.text((60 * scale, (70 + 22 * row) * scale), line, font=font, fill=0)
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.drawImage(ImageReader(image), 0, 0, *A4)
    c.showPage()
    c.save()


def build_archive(folder: Path, text: int, scanned: int, pages: int) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("IPAexM", FONT))
    for i in range(text):
        target = folder / "text" / f"{2000 + i // 12}年" / f"定例会 第{i:03d}号.pdf"
        target.parent.mkdir(parents=True, exist_ok=True)
        build_text_pdf(target, i, pages)
    for i in range(scanned):
        target = folder / "scans" / f"スキャン {i:02d}.pdf"
        target.parent.mkdir(parents=True, exist_ok=True)
        build_scanned_pdf(target, 1000 + i)


def run_batch(src: Path, out: Path, jobs: int, dpi: int, ray_address: str | None = None) -> tuple[float, dict]:
    shutil.rmtree(out, ignore_errors=True)
    executor = ["--executor", "ray", "--ray-address", ray_address] if ray_address else []
    started = time.monotonic()
    done = subprocess.run([str(KAIGIROKU), "batch", str(src), "-o", str(out), "--jobs", str(jobs),
                           "--dpi", str(dpi), "-f", "text", "-f", "json", *executor],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.monotonic() - started
    if done.returncode != 0:
        sys.exit(f"batch --jobs {jobs} {' '.join(executor)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return seconds, json.loads((out / "report.json").read_text(encoding="utf-8"))


def average_use(out: Path, wall: float) -> tuple[float, float]:
    """(workers busy, cores of CPU they got), on average over the run, from the manifest's per-file
    seconds and CPU seconds. Busy near --jobs but CPU short of it means the machine had no more to
    give: on Linux with autogroup, a busy machine gives each session a fixed share, however many
    processes it runs."""
    files = json.loads((out / "kaigiroku-manifest.json").read_text(encoding="utf-8"))["files"].values()
    busy = sum(entry.get("seconds") or 0 for entry in files) / wall
    cpu = sum(entry.get("cpu_seconds") or 0 for entry in files) / wall
    return busy, cpu


def same_outputs(a: Path, b: Path) -> bool:
    names = {p.relative_to(a) for p in a.rglob("*") if p.is_file()} - {Path("report.json"),
                                                                      Path("kaigiroku-manifest.json")}
    names_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file()} - {Path("report.json"),
                                                                        Path("kaigiroku-manifest.json")}
    return names == names_b and all(filecmp.cmp(a / n, b / n, shallow=False) for n in names)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--text", type=int, default=50, help="text PDFs to make (default 50)")
    ap.add_argument("--scanned", type=int, default=10, help="scanned, image-only PDFs to make (default 10)")
    ap.add_argument("--pages", type=int, default=3, help="pages per text PDF (default 3)")
    ap.add_argument("--dpi", type=int, default=200, help="OCR resolution passed to the batch (default 200)")
    ap.add_argument("--rebuild", action="store_true", help="make the archive again")
    ap.add_argument("--executor", choices=["local", "ray"], default="local",
                    help="ray: also run on a one-node Ray and compare it with the local pool")
    ap.add_argument("--tiny", type=int, default=200, help="tiny text files for Ray's overhead per file")
    args = ap.parse_args()

    src = WORK / f"in-{args.text}x{args.pages}-{args.scanned}"
    if args.rebuild or not src.exists():
        shutil.rmtree(src, ignore_errors=True)
        started = time.monotonic()
        build_archive(src, args.text, args.scanned, args.pages)
        print(f"built {args.text} text PDFs ({args.pages} pages) and {args.scanned} scans in "
              f"{time.monotonic() - started:.1f} s: {src}")
    load = os.getloadavg()[0]
    print(f"cores: {os.cpu_count()}   --dpi {args.dpi}   load average before: {load:.2f}")
    if load > 0.5:
        print("  (other processes are using the CPU: both runs share it with them, and the speed-up of "
              "--jobs 2 is understated)")

    if args.executor == "ray":
        bench_ray(src, args)
        return
    results = {}
    for jobs in (1, 2):
        out = WORK / f"out-j{jobs}"
        seconds, report = run_batch(src, out, jobs, args.dpi)
        summary = report["summary"]
        results[jobs] = seconds
        print(f"--jobs {jobs}: {summary['done']} files, {summary['pages']} pages ({summary['ocr_pages']} OCR'd) "
              f"in {seconds:.1f} s = {summary['pages'] / seconds:.2f} pages/s; "
              f"peak worker memory {summary['peak_worker_memory_mb']:.0f} MiB")
        busy, cpu = average_use(out, summary["seconds"])
        print(f"    on average {busy:.2f} workers busy, getting {cpu:.2f} cores of CPU "
              f"({summary['pages'] / (cpu * summary['seconds']):.2f} pages per CPU-second)")
    speedup = results[1] / results[2]
    children_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"speed-up --jobs 2 / --jobs 1: {speedup:.2f}x (target >= {TARGET_SPEEDUP}, on an idle machine): "
          f"{'OK' if speedup >= TARGET_SPEEDUP else 'SLOW'}")
    print(f"largest child of this bench (a batch's main process): {children_mb:.0f} MiB")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    identical = same_outputs(WORK / "out-j1", WORK / "out-j2")
    print("outputs of both runs identical:", "yes" if identical else "NO")
    if not identical:
        sys.exit(1)


def start_ray() -> str:
    """A Ray of this process's own (stopped with it), for the batches this bench runs as drivers."""
    import logging

    import ray

    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    ray.init(num_cpus=2, include_dashboard=False, object_store_memory=256 * 1024 * 1024,
             log_to_driver=False, logging_level=logging.ERROR)
    return ray.get_runtime_context().gcs_address


def executor_overhead(files: list[Path], out: Path):
    """(executor, seconds, slot time per file not spent converting) for the local pool and Ray."""
    import functools

    from kaigiroku.batch import LocalProcessExecutor
    from kaigiroku.batch.ray_executor import RayExecutor
    from kaigiroku.batch.worker import Task, process_task

    tasks = [Task(key=f.name, source=str(f), outputs={"text": str(out / f"{f.name}.txt")},
                  options={"jobs": 1}) for f in files]
    fn = functools.partial(process_task, convert=None)
    for name, executor in (("local", LocalProcessExecutor(2, 60)), ("ray", RayExecutor(jobs=2, timeout=60))):
        list(executor.map(fn, tasks[:10]))  # warm: workers and fork servers started, converters imported
        started = time.monotonic()
        results = list(executor.map(fn, tasks))
        seconds = time.monotonic() - started
        converting = sum(result.seconds for _task, result in results)
        yield name, seconds, (2 * seconds - converting) / len(tasks)


def bench_ray(src: Path, args) -> None:
    started = time.monotonic()
    address = start_ray()
    print(f"Ray started in {time.monotonic() - started:.1f} s (one node, 2 CPUs): {address}", flush=True)
    rates = {}
    for jobs in (1, 2):
        for executor, where in (("local", None), ("ray", address)):
            out = WORK / f"out-{executor}-j{jobs}"
            seconds, report = run_batch(src, out, jobs, args.dpi, where)
            summary = report["summary"]
            rates[executor, jobs] = summary["pages"] / seconds
            busy, cpu = average_use(out, summary["seconds"])
            print(f"{executor:>5} --jobs {jobs}: {summary['done']} files, {summary['pages']} pages "
                  f"({summary['ocr_pages']} OCR'd) in {seconds:.1f} s = {rates[executor, jobs]:.2f} pages/s; "
                  f"{busy:.2f} workers busy on {cpu:.2f} cores; peak worker {summary['peak_worker_memory_mb']:.0f} MiB",
                  flush=True)
    for jobs in (1, 2):
        print(f"--jobs {jobs}: ray / local = {rates['ray', jobs] / rates['local', jobs]:.2f}x pages/s")
    print(f"speed-up --jobs 2 / --jobs 1: local {rates['local', 2] / rates['local', 1]:.2f}x, "
          f"ray {rates['ray', 2] / rates['ray', 1]:.2f}x")
    reference = WORK / "out-local-j1"
    identical = all(same_outputs(reference, WORK / f"out-{e}-j{j}") for e in ("local", "ray") for j in (1, 2))
    print("outputs of all four runs identical:", "yes" if identical else "NO")

    # Overhead: tiny files (a few ms of conversion each), so what is left is the executor's own cost.
    tiny = WORK / f"tiny-{args.tiny}"
    if not tiny.exists():
        tiny.mkdir(parents=True)
        for i in range(args.tiny):
            (tiny / f"{i:05d}.txt").write_text(f"○議長（山田太郎君）　第{i}号の会議を開きます。\n", encoding="utf-8")
    one = WORK / "tiny-1"
    if not one.exists():
        one.mkdir(parents=True)
        shutil.copy(tiny / "00000.txt", one)
    # Fixed cost: the whole command on one tiny file (Ray: importing it, connecting, starting Ray
    # workers for the new job and their fork servers).
    wall = {executor: run_batch(one, WORK / f"out-tiny-{executor}", 2, args.dpi, where)[0]
            for executor, where in (("local", None), ("ray", address))}
    print(f"the command on one tiny file: local {wall['local']:.2f} s, ray {wall['ray']:.2f} s "
          f"-> Ray's fixed start-up {wall['ray'] - wall['local']:.2f} s")
    # Cost per file, warm: both executors map the same tiny files from this process, after a warm-up.
    for executor, seconds, busy in executor_overhead(sorted(tiny.iterdir()), WORK / "out-tiny-map"):
        print(f"{executor:>5}: {len(list(tiny.iterdir()))} tiny files in {seconds:.2f} s with 2 workers "
              f"({len(list(tiny.iterdir())) / seconds:.0f} files/s); per file, "
              f"{busy * 1000:.1f} ms of a worker slot not spent converting")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    if not identical:
        sys.exit(1)


if __name__ == "__main__":
    main()
