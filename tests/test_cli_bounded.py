"""`repair` on an archive concatenation: time grows linearly with the text, not with its square.

Measured in CPU seconds of this process (steadier than wall time on a shared machine), at two
modest sizes four times apart. Linear work takes about 4× as long; the per-page running-header test
that scanned every page number for every repeated line took about 8× here, 16× at bigger sizes.
bench/bench_repair_size.py measures 4, 16 and 64 MB with peak memory.
"""
import gc
import time

import kaigiroku


def archive(pages: int) -> str:
    """Minutes pages one after another: a running line per page, a page number, repeated items."""
    lines = ["総務委員会会議録", ""]
    for p in range(pages):
        lines += ["○委員長　ただいまから会議を開きます。"]
        lines += [f"資料番号{i}について" for i in range(p % 7, p % 7 + 30)]
        lines += ["", f"- {p + 1} -", ""]
    return "\n".join(lines)


def cpu_seconds(text: str) -> float:
    started = time.process_time()
    minutes = kaigiroku.repair(text)
    assert minutes.turns
    return time.process_time() - started


def test_repair_time_grows_linearly_with_the_input():
    cpu_seconds(archive(20))  # imports and caches out of the measurement
    small, large = archive(400), archive(1600)
    # the objects earlier tests left in this process out of the garbage collector's scans, which
    # would otherwise grow with them rather than with the text measured
    gc.collect()
    gc.freeze()
    try:
        ratio = cpu_seconds(large) / cpu_seconds(small)
    finally:
        gc.unfreeze()
    assert ratio < 6.0, f"4x the text took {ratio:.1f}x the time"


def test_repair_does_not_hold_the_text_twice():
    """Peak memory of `repair` (Python allocations, tracemalloc: deterministic) per byte of UTF-8 input.

    Lines, blocks and turns are Python objects, each several times the bytes of its short line, so
    the bound is not "a few times" (bench/bench_repair_size.py prints the resident figure). What this
    guards: the stream handed over and let go as it becomes blocks, slotted line objects, no explain
    records unless asked. Measured 14.7x on this archive; 18.2x before those (a second copy of the
    stream and a dict per turn)."""
    import tracemalloc

    kaigiroku.repair(archive(20))  # patterns compiled and caches filled outside the measurement
    text = archive(200)
    tracemalloc.start()
    try:
        kaigiroku.repair(text)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    ratio = peak / len(text.encode("utf-8"))
    assert ratio < 16.0, f"repair peaked at {ratio:.1f}x its input"
