"""`kaigiroku repair` on archive concatenations: time and peak memory against input size.

Each size runs in a fresh process (`kaigiroku repair FILE`, stdout to /dev/null), timed side by side
with `wc -c` reading the same file (raw I/O) and measured against a named memory reference: Python
reading the file into one str (`python -c "open(f).read()"`), which holds the input once. Linear
time means CPU s/MB stays about flat as the size grows; bounded memory means peak RSS stays a few
times the input (target: repair's RSS beyond the interpreter's ≤ 5× the input).

    .venv/bin/python bench/bench_repair_size.py            # 4, 16, 64 MB
    .venv/bin/python bench/bench_repair_size.py 1 4        # sizes in MB
    .venv/bin/python bench/bench_repair_size.py --stages 4 # resident memory at each stage's start and end

RSS hardly falls once the heap has grown (freed objects leave arenas part-used), so `--stages` shows
which stage raises the high-water mark (VmHWM), not what each one frees.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "kaigiroku" / "samples" / "sample.txt"


def make_input(mb: float, folder: Path) -> Path:
    """Copies of the sample minutes, one after another, as an archive concatenation is."""
    one = SAMPLE.read_bytes()
    path = folder / f"concat_{mb:g}mb.txt"
    with open(path, "wb") as f:
        while f.tell() < mb * 1e6:
            f.write(one)
            f.write(b"\n\n")
    return path


def run(cmd: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (steadier on a shared machine) and peak RSS (MB) of one process."""
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}: {proc.stderr.read().decode(errors='replace')[-300:]}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main(sizes: list[float]) -> None:
    # `python -m kaigiroku` so that PYTHONPATH can point at another checkout (a before/after run)
    exe = [sys.executable, "-m", "kaigiroku"]
    print("| input | repair wall s | CPU s | CPU s/MB | peak RSS MB | RSS/input | (RSS − idle)/input "
          "| python read RSS MB | × python read | wc -c s |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    _, _, idle = run([*exe, "repair", str(SAMPLE)])  # the interpreter, imports and compiled patterns: no input to speak of
    with tempfile.TemporaryDirectory() as tmp:
        for mb in sizes:
            path = make_input(mb, Path(tmp))
            size_mb = path.stat().st_size / 1e6
            secs, cpu, rss = run([*exe, "repair", str(path)])  # stdout to DEVNULL: no -o, which replaced /dev/null before 0.2
            ref, _, _ = run(["wc", "-c", str(path)])
            _, _, read_rss = run([sys.executable, "-c", "import sys; open(sys.argv[1], encoding='utf-8').read()",
                                  str(path)])
            print(f"| {size_mb:.0f} MB | {secs:.1f} | {cpu:.1f} | {cpu / size_mb:.2f} | {rss:.0f} | {rss / size_mb:.1f} "
                  f"| {(rss - idle) / size_mb:.1f} | {read_rss:.0f} | {rss / read_rss:.1f} | {ref:.2f} |", flush=True)
            path.unlink()


def stages(mb: float) -> None:
    """In this process: VmRSS and VmHWM (MB) where each stage of `repair` starts and ends."""
    import kaigiroku.cleanup.assemble as assemble
    import kaigiroku.cleanup.pipeline as pipeline
    import kaigiroku.cleanup.textlines as textlines
    from kaigiroku.writers import render_chunks

    def memory() -> str:
        status = dict(line.split(":", 1) for line in open("/proc/self/status"))
        return "/".join(str(int(status[k].split()[0]) // 1024) for k in ("VmRSS", "VmHWM"))

    def measured(module, name: str) -> None:
        stage = getattr(module, name)

        def run_stage(*args, **kwargs):
            at_start, cpu = memory(), time.process_time()
            result = stage(*args, **kwargs)
            print(f"| {name} | {at_start} | {memory()} | {time.process_time() - cpu:.1f} |", flush=True)
            return result
        setattr(module, name, run_stage)

    for module, names in ((textlines, ("running_headers",)), (pipeline, ("text_to_stream",)),
                          (assemble, ("discover", "find_body_start", "resolve_breaks", "recentre", "make_blocks",
                                      "attribute"))):
        for name in names:
            measured(module, name)
    print("| stage | RSS/HWM MB at start | at end | CPU s |\n|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        print(f"| (imports) | | {memory()} | |")
        minutes = pipeline.repair(make_input(mb, Path(tmp)))
        with open(os.devnull, "w", encoding="utf-8") as sink:
            for piece in render_chunks(minutes, "text"):
                sink.write(piece)
        print(f"| (written) | | {memory()} | |")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--stages"]:
        stages(float(sys.argv[2]) if len(sys.argv) > 2 else 4)
    else:
        main([float(a) for a in sys.argv[1:]] or [4, 16, 64])
