"""Stand-in conversions that kill the Ray worker running them, for tests/test_batch_ray.py.

A light module of its own (like test_batch_fakes.py) because Ray workers import it by name.
The conversion runs in a process forked for the file (its parent: a fork server; the fork server's
parent: the Ray worker). Killing that Ray worker is what a node's OOM killer, a crashed raylet or
a lost node does to a file in the middle of its conversion.
"""
from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from test_batch_fakes import fake_convert


def ray_worker_of_this_process() -> int:
    fork_server = os.getppid()
    with open(f"/proc/{fork_server}/stat", "rb") as f:
        ray_worker = int(f.read().rsplit(b")", 1)[1].split()[1])  # field 4: the parent's pid
    with open(f"/proc/{ray_worker}/cmdline", "rb") as f:
        if not f.read().startswith(b"ray::"):  # only a Ray worker (its title: ray::TASK), never pytest
            raise RuntimeError("not running in a Ray worker")
    return ray_worker


def ray_worker_killing_convert(path, **options):
    """`KILL_RAY_WORKER`: kills its Ray worker on every attempt; `KILL_RAY_WORKER_ONCE`: on the
    first attempt only (a hidden marker beside the input remembers it); anything else: fake_convert."""
    source = Path(path)
    first = (source.read_text(encoding="utf-8").split() or [""])[0]
    marker = source.with_name(f".{source.name}.attempted")
    if first == "KILL_RAY_WORKER" or (first == "KILL_RAY_WORKER_ONCE" and not marker.exists()):
        marker.touch()
        os.kill(ray_worker_of_this_process(), signal.SIGKILL)
        time.sleep(60)  # half-way through the file when its worker dies; its own death follows
    return fake_convert(path, **options)


def node_marking_convert(path, **options):
    """`STALL`: on the first attempt, leave a marker naming the Ray worker running it and stall, so
    that its node can be lost mid-file; on a later attempt (the marker exists), convert."""
    source = Path(path)
    marker = source.with_name(f".{source.name}.started")
    if source.read_text(encoding="utf-8").startswith("STALL") and not marker.exists():
        marker.write_text(str(ray_worker_of_this_process()), encoding="utf-8")
        time.sleep(120)
    return fake_convert(path, **options)
