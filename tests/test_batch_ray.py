"""`kaigiroku batch --executor ray` on a real Ray (started once for this module, two CPUs, no mocks):
the same outputs, manifest and report as the local executor, apart from timings; workers that die
mid-file are retried or recorded; a driver killed with SIGKILL resumes to identical outputs.
"""
from __future__ import annotations

import io
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import ray

from kaigiroku.batch import BatchOptions, run_batch
from kaigiroku.batch.ray_executor import RayExecutor, run_file, will_be_ocred
from kaigiroku.batch.worker import Task
from kaigiroku.errors import ExitCode
from test_batch_hostile import good_inputs, hostile_inputs
from test_batch_interrupt import check_nothing_half_written, minutes_text
from test_batch_ray_fakes import node_marking_convert, ray_worker_killing_convert

KAIGIROKU = Path(sys.executable).parent / "kaigiroku"
BOOKKEEPING = {"kaigiroku-manifest.json", "report.json", ".kaigiroku.lock"}
MEASURED = {"seconds", "cpu_seconds", "peak_rss_kb"}  # a manifest entry's measurements


@pytest.fixture(scope="module")
def ray_cluster():
    """A single-node Ray for this module only; its GCS address, for drivers in other processes."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # no attempt to reach the network
    # Ray's processes, started here, keep this environment: its workers import the stand-in
    # conversions (tests/test_batch_*fakes.py) by name.
    saved = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(Path(__file__).parent), saved) if p)
    try:
        ray.init(address="local", num_cpus=2, include_dashboard=False, object_store_memory=96 * 1024 * 1024,
                 log_to_driver=False, logging_level=logging.ERROR)
    finally:
        if saved is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = saved
    try:
        yield ray.get_runtime_context().gcs_address
    finally:
        ray.shutdown()


def run(inputs, out: Path, executor=None, **options) -> tuple[int, dict, dict]:
    """(exit code, report, manifest entries) of one in-process batch."""
    convert = options.pop("convert", None)
    options = {"formats": ["text", "json"], "jobs": 2, "timeout": 60, **options}
    code = run_batch([Path(p) for p in inputs], out, BatchOptions(**options), executor=executor, convert=convert,
                     stream=io.StringIO())
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    manifest = json.loads((out / "kaigiroku-manifest.json").read_text(encoding="utf-8"))["files"]
    return code, report, manifest


def outputs(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name not in BOOKKEEPING}


def without_measurements(report: dict, manifest: dict) -> tuple[dict, dict]:
    """Report and manifest less what differs from run to run: clock times, CPU and memory figures,
    and the executor's own name."""
    report = json.loads(json.dumps(report))
    for key in ("started", "finished"):
        report.pop(key)
    report["summary"].pop("seconds")
    report["summary"].pop("peak_worker_memory_mb")
    assert report["options"].pop("executor") in {"local", "ray"}
    return report, {key: {k: v for k, v in entry.items() if k not in MEASURED} for key, entry in manifest.items()}


# ----------------------------------------------------------------------------- the same as local

def test_a_mixed_archive_gives_the_local_executors_outputs_and_report(ray_cluster, tmp_path):
    good_inputs(tmp_path / "in")
    hostile_inputs(tmp_path / "in")
    options = {"dpi": 200, "memory_limit_mb": 3072}
    local = run([tmp_path / "in"], tmp_path / "local", **options)
    started = time.monotonic()
    on_ray = run([tmp_path / "in"], tmp_path / "ray", RayExecutor(jobs=2, timeout=60, memory_limit_mb=3072),
                 **options)
    seconds = time.monotonic() - started

    assert local[0] == on_ray[0] == ExitCode.SOME_FAILED
    assert outputs(tmp_path / "ray") == outputs(tmp_path / "local")
    assert without_measurements(*on_ray[1:]) == without_measurements(*local[1:])
    assert (local[1]["options"]["executor"], on_ray[1]["options"]["executor"]) == ("local", "ray")
    # what the comparison covers: good files, OCR, and bad files of many kinds
    summary = on_ray[1]["summary"]
    assert (summary["done"], summary["failed"], summary["ocr_pages"]) == (9, 13, 2)
    assert {f["code"] for f in on_ray[1]["failed"]} >= {"UNREADABLE_TEXT", "CORRUPT_PDF", "ENCRYPTED_PDF",
                                                         "NOT_A_PDF", "MISSING_FILE", "NOT_A_FILE", "TOO_LARGE"}
    # each file's conversion ran in a process of its own, as locally: its own CPU time, a worker's memory
    assert all(0 < e["peak_rss_kb"] < 3072 * 1024 for e in on_ray[2].values() if "peak_rss_kb" in e)
    assert seconds < 60


def test_resuming_on_ray_skips_what_the_local_executor_did(ray_cluster, tmp_path):
    for i in range(3):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / f"{i}.txt").write_text(minutes_text(i, 5), encoding="utf-8")
    run([tmp_path / "in"], tmp_path / "out")
    (tmp_path / "in" / "1.txt").write_text(minutes_text(9, 5), encoding="utf-8")
    code, report, manifest = run([tmp_path / "in"], tmp_path / "out", RayExecutor(jobs=2))
    assert code == ExitCode.OK
    assert (report["summary"]["skipped"], report["summary"]["done"]) == (2, 1)
    assert "第9号の0番目" in (tmp_path / "out" / "1.txt.txt").read_text(encoding="utf-8")


# ----------------------------------------------------------------------------- workers that die

def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_workers_killed_mid_file_are_retried_or_recorded_and_the_batch_finishes(ray_cluster, tmp_path):
    src = tmp_path / "in"
    write(src / "once.txt", "KILL_RAY_WORKER_ONCE")  # its Ray worker dies on the first attempt only
    write(src / "always.txt", "KILL_RAY_WORKER")  # ... on every attempt
    write(src / "killed.txt", "KILLED")  # the conversion process itself is killed (OOM killer)
    write(src / "hang.txt", "SLEEP")
    write(src / "hog.txt", "HOG")
    write(src / "bug.txt", "BOOM")
    for i in range(3):
        write(src / f"ok{i}.txt", f"fine {i}")
    executor = RayExecutor(jobs=2, timeout=4, memory_limit_mb=1024, retries=1)
    started = time.monotonic()
    code, report, manifest = run([src], tmp_path / "out", executor, convert=ray_worker_killing_convert,
                                 timeout=4, memory_limit_mb=1024)
    assert time.monotonic() - started < 60

    assert code == ExitCode.SOME_FAILED
    failed = {f["input"]: (f["code"], f["reason"]) for f in report["failed"]}
    assert failed.pop("always.txt")[0] == "WORKER_DIED"
    assert failed == {"killed.txt": ("WORKER_DIED", "worker killed by SIGKILL (out of memory?)"),
                      "hang.txt": ("TIMEOUT", "timed out after 4 s (worker killed)"),
                      "hog.txt": ("OUT_OF_MEMORY", "ran out of memory"),
                      "bug.txt": ("INTERNAL_ERROR", "RuntimeError: converter bug")}
    assert report["summary"]["done"] == 4
    assert (tmp_path / "out" / "once.txt.txt").read_text(encoding="utf-8").strip() == "議長　KILL_RAY_WORKER_ONCE"
    # the retries are in the report and the manifest: one lost attempt, then done; two, then failed
    retried = {r["input"]: (r["outcome"], len(r["lost"])) for r in report["retried"]}
    assert retried == {"once.txt": ("done", 1), "always.txt": ("failed", 2)}
    assert all("WorkerCrashedError" in reason for reason in manifest["always.txt"]["retried"])
    assert not list((tmp_path / "out").rglob("*.part"))

    # the same files through the local executor fail the same way (bar the Ray-only ones)
    for name in ("once.txt", "always.txt"):
        (src / name).unlink()
    _, local_report, _ = run([src], tmp_path / "local", convert=ray_worker_killing_convert, timeout=4,
                             memory_limit_mb=1024)
    assert {f["input"]: (f["code"], f["reason"]) for f in local_report["failed"]} == failed


def test_a_node_lost_mid_file_has_its_files_converted_on_the_nodes_left(ray_cluster, tmp_path):
    """A second node joins (`ray start --address`, as docs/batch.md says), takes a file, and crashes."""
    from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

    head = ray.get_runtime_context().get_node_id()
    # `ray start` notes the cluster as this machine's default (for `ray.init()`, `--ray-address auto`);
    # put back what was there, rather than leave a cluster that is gone after the test.
    default = Path("/tmp/ray/ray_current_cluster")
    saved_default = default.read_bytes() if default.exists() else None
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent)}  # the new node's workers import the fakes
    node = subprocess.Popen([str(Path(sys.executable).parent / "ray"), "start", "--address", ray_cluster,
                             "--num-cpus", "1", "--block", "--disable-usage-stats"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not (others := [n["NodeID"] for n in ray.nodes() if n["Alive"] and n["NodeID"] != head]):
            assert node.poll() is None and time.monotonic() < deadline, "the second node did not join"
            time.sleep(0.2)
        # Files go to the new node while it lives (soft affinity), elsewhere once it is gone.
        prefer_new = NodeAffinitySchedulingStrategy(others[0], soft=True)
        executor = RayExecutor(jobs=1, timeout=60,
                               resources=lambda task: {"num_cpus": 1, "scheduling_strategy": prefer_new})
        src = tmp_path / "in"
        write(src / "a.txt", "STALL then fine")
        write(src / "b.txt", "fine")
        marker = src / ".a.txt.started"

        def crash_the_node_once_the_file_runs_there():
            while not marker.exists() and node.poll() is None:
                time.sleep(0.05)
            raylet = [pid for pid in _children(node.pid) if b"raylet" in _cmdline(pid)]
            ray_worker = int(marker.read_text(encoding="utf-8"))
            assert ray_worker in _children(raylet[0]), "the file did not go to the new node"
            os.kill(raylet[0], signal.SIGKILL)  # the node crashes: its raylet, then its workers

        killer = threading.Thread(target=crash_the_node_once_the_file_runs_there, daemon=True)
        killer.start()
        code, report, manifest = run([src], tmp_path / "out", executor, convert=node_marking_convert)
        killer.join(10)
    finally:
        if node.poll() is None:
            node.terminate()
        node.wait(timeout=60)
        if saved_default is None:
            default.unlink(missing_ok=True)
        else:
            default.write_bytes(saved_default)
    assert code == ExitCode.OK
    assert [(r["input"], r["outcome"], len(r["lost"])) for r in report["retried"]] == [("a.txt", "done", 1)]
    assert (tmp_path / "out" / "a.txt.txt").read_text(encoding="utf-8").strip() == "議長　STALL then fine"


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as f:
                    if int(f.read().rsplit(b")", 1)[1].split()[1]) == pid:
                        found.append(int(entry))
            except (OSError, ValueError, IndexError):
                pass
    return found


def _cmdline(pid: int) -> bytes:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read()
    except OSError:
        return b""


# ----------------------------------------------------------------------------- the driver killed

def command(src: Path, out: Path, address: str) -> list[str]:
    return [str(KAIGIROKU), "batch", str(src), "-o", str(out), "-f", "text", "-f", "json",
            "--executor", "ray", "--ray-address", address, "--jobs", "2"]


def stop_driver(src: Path, out: Path, address: str, reference: dict[str, bytes], how: signal.Signals,
                after: int) -> int:
    """Start a driver, stop it with `how` once `after` more outputs exist; its return code."""
    start = check_nothing_half_written(out, reference) if out.exists() else 0
    driver = subprocess.Popen(command(src, out, address), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while check_nothing_half_written(out, reference) < start + after:
            assert driver.poll() is None, "the batch ended before it could be stopped"
            assert time.monotonic() < deadline
            time.sleep(0.01)
        driver.send_signal(how)
        return driver.wait(timeout=60)
    finally:
        if driver.poll() is None:
            driver.kill()
            driver.wait()


def done_in_manifest(out: Path) -> int:
    manifest = out / "kaigiroku-manifest.json"  # (may not exist yet after a SIGKILL)
    entries = json.loads(manifest.read_text(encoding="utf-8"))["files"] if manifest.exists() else {}
    return sum(1 for e in entries.values() if e["outcome"] == "done")


def test_a_driver_stopped_or_killed_with_sigkill_resumes_to_identical_outputs(ray_cluster, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(16):
        (src / f"第{i:02d}回 会議録.txt").write_text(minutes_text(i), encoding="utf-8")
    assert run([src], tmp_path / "reference")[0] == ExitCode.OK  # the local executor, uninterrupted
    reference = outputs(tmp_path / "reference")
    out = tmp_path / "out"

    # SIGTERM: the driver stops its Ray tasks, records what finished, and says it was interrupted.
    assert stop_driver(src, out, ray_cluster, reference, signal.SIGTERM, after=4) == ExitCode.INTERRUPTED
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["interrupted"] is True and 0 < report["summary"]["done"] < 16
    assert not list(out.rglob("*.part"))

    # SIGKILL: no bookkeeping at all. Only the driver writes into OUTDIR: once it is dead, nothing
    # changes there any more, whatever its Ray tasks were doing.
    assert stop_driver(src, out, ray_cluster, reference, signal.SIGKILL, after=4) == -signal.SIGKILL
    time.sleep(0.5)
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    time.sleep(1.0)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == before
    check_nothing_half_written(out, reference)
    done_before = done_in_manifest(out)

    rerun = subprocess.run(command(src, out, ray_cluster), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert outputs(out) == reference  # byte for byte, nothing missing, nothing extra
    assert not list(out.rglob("*.part"))
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["summary"]["skipped"] == done_before and report["summary"]["done"] == 16 - done_before
    assert report["options"]["executor"] == "ray"


# ----------------------------------------------------------------------------- without a cluster

def test_without_ray_or_its_cluster_one_line_and_its_own_exit_code(tmp_path):
    (tmp_path / "x.txt").write_text(minutes_text(1, 3), encoding="utf-8")
    args = ["batch", str(tmp_path / "x.txt"), "-o", str(tmp_path / "out"), "--executor", "ray"]
    # Ray not installed: simulated by making `import ray` fail in a fresh process
    hide_ray = "import sys; sys.modules['ray'] = None; from kaigiroku.cli import app; app()"
    absent = subprocess.run([sys.executable, "-c", hide_ray, *args], capture_output=True, text=True, timeout=60)
    assert absent.returncode == ExitCode.RAY_UNAVAILABLE == 18
    assert absent.stderr == ("kaigiroku: error: --executor ray needs Ray, which is not installed: "
                             "pip install 'kaigiroku[ray]'\n")
    # a head node that is not there: an answer in seconds, not Ray's minutes of retrying
    closed_port = _free_port()
    unreachable = subprocess.run([str(KAIGIROKU), *args, "--ray-address", f"127.0.0.1:{closed_port}"],
                                 capture_output=True, text=True, timeout=60)
    assert unreachable.returncode == ExitCode.RAY_UNAVAILABLE
    assert unreachable.stderr.startswith(f"kaigiroku: error: cannot reach the Ray cluster at 127.0.0.1:{closed_port}")
    assert unreachable.stderr.count("\n") == 1
    wrong = subprocess.run([str(KAIGIROKU), "batch", str(tmp_path / "x.txt"), "-o", str(tmp_path / "out"),
                            "--ray-address", "auto"], capture_output=True, text=True, timeout=60)
    assert wrong.returncode == ExitCode.USAGE and "--ray-address needs --executor ray" in wrong.stderr
    assert not (tmp_path / "out").exists()


def test_ocr_files_are_told_apart_for_resource_requests():
    def task(name, ocr="auto"):
        return Task(key=name, source=f"/archive/{name}", outputs={}, options={"ocr": ocr})

    assert will_be_ocred(task("scan.TIF")) and will_be_ocred(task("page.png"))
    assert will_be_ocred(task("x.pdf", ocr="always"))
    assert not will_be_ocred(task("x.pdf")) and not will_be_ocred(task("x.txt"))


def test_a_node_with_another_kaigiroku_version_converts_nothing(tmp_path):
    task = Task(key="x.txt", source=str(tmp_path / "x.txt"), outputs={"text": str(tmp_path / "x.txt.txt")},
                options={})
    lost = run_file(None, task, 10, None, [], driver_version="0.0.1")
    assert lost.code == "INTERNAL_ERROR" and "the driver 0.0.1" in lost.reason


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
