"""The batch engine with a stand-in conversion (tests/test_batch_fakes.py): parallel workers, timeouts,
crashes, memory limits, resumption, bookkeeping. Fast, and independent of the real converters."""
from __future__ import annotations

import io
import json
import os
import signal
import time
from pathlib import Path

import pytest

from kaigiroku.batch import BatchOptions, Lost, run_batch
from kaigiroku.batch import engine as engine_module
from kaigiroku.batch.outdir import LOCK_NAME, locked
from kaigiroku.errors import ExitCode, KaigirokuError
from test_batch_fakes import fake_convert, pid_convert


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def batch(inputs, out, convert=fake_convert, **options):
    options.setdefault("jobs", 2)
    options.setdefault("timeout", 30)
    log = io.StringIO()
    code = run_batch([Path(p) for p in inputs], out, BatchOptions(**options), convert=convert, stream=log)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return code, report, log.getvalue()


def manifest(out: Path) -> dict:
    return json.loads((out / "kaigiroku-manifest.json").read_text(encoding="utf-8"))["files"]


def failures(report: dict) -> dict[str, tuple[str, str]]:
    return {f["input"]: (f["code"], f["reason"]) for f in report["failed"]}


def files_under(out: Path) -> set[str]:
    return {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}


BOOKKEEPING = {"kaigiroku-manifest.json", "report.json", LOCK_NAME}


def test_mixed_directory_good_files_done_bad_ones_recorded(tmp_path):
    src, out = tmp_path / "archive", tmp_path / "out"
    write(src / "a" / "b" / "x.txt", "本日の会議を開きます。")
    write(src / "a" / "b" / "x.md", "同じ名前、違う拡張子")
    write(src / "enc.txt", "ENCRYPTED")
    write(src / "bug.txt", "BOOM")
    write(src / "denied.txt", "DENIED")
    write(src / "c.html", "<p>三件目</p>")
    code, report, log = batch([src], out, formats=["text", "json"])

    assert code == ExitCode.SOME_FAILED and report["exit"] == "SOME_FAILED" and report["exit_code"] == 1
    assert files_under(out) - BOOKKEEPING == {
        "a/b/x.txt.txt", "a/b/x.txt.json", "a/b/x.md.txt", "a/b/x.md.json", "c.html.txt", "c.html.json"}
    assert json.loads((out / "a/b/x.txt.json").read_text(encoding="utf-8"))["turns"][0]["text"] == "本日の会議を開きます。"
    assert failures(report) == {
        "enc.txt": ("ENCRYPTED_PDF", "the PDF is encrypted"),
        "bug.txt": ("INTERNAL_ERROR", "RuntimeError: converter bug"),
        "denied.txt": ("PERMISSION_DENIED", f"permission denied: {src / 'denied.txt'}"),
    }
    assert report["summary"] | {"seconds": 0, "peak_worker_memory_mb": 0} == {
        "files": 6, "done": 3, "skipped": 0, "failed": 3, "not_reached": 0, "outputs": 6, "pages": 6, "ocr_pages": 3,
        "seconds": 0, "peak_worker_memory_mb": 0}
    assert "FAILED  bug.txt: INTERNAL_ERROR" in log and "done    c.html" in log


def test_a_hung_worker_is_killed_at_the_timeout_and_the_batch_goes_on(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src / "hang.txt", "SLEEP")
    for i in range(4):
        write(src / f"ok{i}.txt", f"ok {i}")
    started = time.monotonic()
    code, report, _ = batch([src], out, timeout=1.5)
    assert time.monotonic() - started < 10
    assert code == ExitCode.SOME_FAILED
    assert failures(report) == {"hang.txt": ("TIMEOUT", "timed out after 1.5 s (worker killed)")}
    assert report["summary"]["done"] == 4


def test_a_worker_killed_from_outside_or_out_of_memory_is_recorded(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src / "killed.txt", "KILLED")
    write(src / "hog.txt", "HOG")
    write(src / "fine.txt", "fine")
    code, report, _ = batch([src], out, memory_limit_mb=1024)
    assert code == ExitCode.SOME_FAILED
    assert failures(report) == {"killed.txt": ("WORKER_DIED", "worker killed by SIGKILL (out of memory?)"),
                                "hog.txt": ("OUT_OF_MEMORY", "ran out of memory")}
    assert (out / "fine.txt.txt").read_text(encoding="utf-8").strip() == "議長　fine"


def test_rerun_skips_what_is_done_and_unchanged_and_redoes_the_rest(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    for name in "abcd":
        write(src / f"{name}.txt", f"file {name}")
    write(src / "bad.txt", "BOOM")
    batch([src], out, formats=["text", "md"])
    first = {k: v["sha256"] for k, v in manifest(out).items()}
    assert manifest(out)["a.txt"]["outputs"] == ["a.txt.txt", "a.txt.md"]

    code, report, _ = batch([src], out, formats=["text", "md"])
    assert (report["summary"]["skipped"], report["summary"]["done"], report["summary"]["failed"]) == (4, 0, 1)

    write(src / "a.txt", "file a, edited")  # changed content
    (out / "b.txt.md").unlink()  # an output gone
    write(src / "bad.txt", "repaired")  # a failure fixed
    code, report, _ = batch([src], out, formats=["text", "md"])
    assert code == ExitCode.OK
    assert (report["summary"]["skipped"], report["summary"]["done"]) == (2, 3)
    assert manifest(out)["a.txt"]["sha256"] != first["a.txt"]
    assert (out / "b.txt.md").exists() and (out / "bad.txt.txt").exists()

    _, report, _ = batch([src], out, formats=["text", "md", "csv"])  # a new format: everything again
    assert report["summary"]["done"] == 5
    _, report, _ = batch([src], out, formats=["text"], dpi=200)  # an option that changes output
    assert report["summary"]["done"] == 5
    _, report, _ = batch([src], out, formats=["text"], dpi=200, force=True)
    assert report["summary"]["done"] == 5
    _, report, _ = batch([src], out, formats=["text"], dpi=200, jobs=1, timeout=99)  # these change nothing
    assert report["summary"]["skipped"] == 5


def test_a_file_that_now_fails_loses_its_old_outputs(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src / "x.txt", "good at first")
    batch([src], out, formats=["text", "json"])
    assert (out / "x.txt.json").exists()
    write(src / "x.txt", "BOOM")
    code, report, _ = batch([src], out, formats=["text", "json"])
    assert code == ExitCode.SOME_FAILED
    assert not (out / "x.txt.txt").exists() and not (out / "x.txt.json").exists()
    assert manifest(out)["x.txt"]["outcome"] == "failed"


def test_stray_temporary_files_are_removed_but_nothing_else(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src / "x.txt", "x")
    stray = [write(out / ".x.txt.txt.k2j4_9ab.part", "half"),
             write(out / "deep/er/.y.pdf.json.abcdefgh.part", "{")]
    kept = [write(out / "notes.part", "mine"), write(out / ".hidden.part", "mine too")]
    batch([src], out)
    assert not any(p.exists() for p in stray)
    assert all(p.exists() for p in kept)


def test_files_are_spread_over_several_worker_processes(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    for i in range(6):
        write(src / f"{i}.txt", f"SLOW 0.3 {i}")
    batch([src / "0.txt"], tmp_path / "warm-up")  # the first batch of a process starts its fork server
    started = time.monotonic()
    code, report, _ = batch([src], out, jobs=3)
    assert code == ExitCode.OK and report["summary"]["done"] == 6
    assert time.monotonic() - started < 6 * 0.3  # sequential would take at least 1.8 s
    batch([src], out / "pids", convert=pid_convert, jobs=3)
    pids = {(out / "pids" / f"{i}.txt.txt").read_text(encoding="utf-8").split()[0] for i in range(6)}
    assert len(pids) == 6 and str(os.getpid()) not in pids  # a fresh process per file
    options = (out / "pids" / "0.txt.txt").read_text(encoding="utf-8")
    assert "jobs=1" in options and "dpi=300" in options  # parallel across files, not within


def test_an_unreadable_input_is_recorded(tmp_path, monkeypatch):
    # Tests run as root, who can read a chmod 000 file: simulate the refusal where the engine reads.
    src, out = tmp_path / "in", tmp_path / "out"
    write(src / "locked.txt", "secret")
    write(src / "open.txt", "public")
    real_hash = engine_module.sha256_file

    def refusing_hash(path):
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_hash(path)

    monkeypatch.setattr(engine_module, "sha256_file", refusing_hash)
    code, report, _ = batch([src], out)
    assert failures(report) == {"locked.txt": ("PERMISSION_DENIED", "permission denied")}
    assert (out / "open.txt.txt").exists()


def test_an_unreadable_input_is_recorded_for_real(tmp_path):
    """A chmod 000 input, refused by the kernel: as root the batch runs without the capabilities that
    let root read anything (setpriv, util-linux), as a user's batch would be refused."""
    import shutil
    import subprocess
    import sys

    src, out = tmp_path / "in", tmp_path / "out"
    write(src / "locked.txt", "secret").chmod(0)
    write(src / "open.txt", "public")
    cmd = [sys.executable, "-m", "kaigiroku", "batch", str(src), "-o", str(out), "--jobs", "1"]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        assert setpriv, "setpriv (util-linux) is needed to drop root's read-anything capability"
        drop = "-dac_override,-dac_read_search"
        cmd = [setpriv, f"--inh-caps={drop}", f"--bounding-set={drop}", *cmd]
    subprocess.run(cmd, capture_output=True, timeout=120)
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert failures(report) == {"locked.txt": ("PERMISSION_DENIED", "permission denied")}
    assert (out / "open.txt.txt").exists()


def test_an_outdir_that_cannot_be_written_is_one_clear_error(tmp_path):
    write(tmp_path / "x.txt", "x")
    write(tmp_path / "a_file", "")
    with pytest.raises(KaigirokuError) as e:
        run_batch([tmp_path / "x.txt"], tmp_path / "a_file" / "out", BatchOptions(), convert=fake_convert,
                  stream=io.StringIO())
    assert e.value.code == ExitCode.PERMISSION_DENIED and "a_file" in str(e.value)


def test_an_output_name_too_long_for_the_file_system_is_recorded(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    long_name = "議事録" * 26 + "あ.txt"  # 240 bytes: fits, but its output's temporary name does not
    write(src / long_name, "長い名前")
    write(src / "short.txt", "短い名前")
    code, report, _ = batch([src], out)
    code_name, reason = failures(report)[long_name]
    assert code_name == "PERMISSION_DENIED" and "File name too long" in reason
    assert (out / "short.txt.txt").exists()


def test_a_file_name_that_is_not_utf8_round_trips(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    sjis_name = os.fsdecode("議事録.txt".encode("shift_jis"))  # an old archive's name, as Linux sees it
    write(src / sjis_name, "旧い名前")
    code, report, log = batch([src], out)
    assert code == ExitCode.OK
    assert (out / (sjis_name + ".txt")).exists()
    assert sjis_name in manifest(out)  # the manifest is valid UTF-8 JSON, and reads back the same name
    _, report, _ = batch([src], out)
    assert report["summary"]["skipped"] == 1


def test_outdir_inside_the_input_directory_is_not_scanned(tmp_path):
    src = tmp_path / "in"
    write(src / "x.txt", "x")
    code, report, _ = batch([src], src / "out")
    assert code == ExitCode.OK and report["summary"]["files"] == 1
    code, report, _ = batch([src], src / "out")  # its outputs (x.txt.txt) are not new inputs
    assert report["summary"] == report["summary"] | {"files": 1, "skipped": 1}
    code, report, _ = batch([src], tmp_path / "out2")  # nor is an older output folder inside
    assert report["summary"]["files"] == 1


def test_usage_errors(tmp_path):
    (tmp_path / "empty").mkdir()
    write(tmp_path / "ignored.docx", "not an input suffix")
    with pytest.raises(KaigirokuError) as e:
        run_batch([tmp_path], tmp_path / "out", BatchOptions(), convert=fake_convert, stream=io.StringIO())
    assert e.value.code == ExitCode.USAGE and "no input files" in str(e.value)
    with pytest.raises(KaigirokuError) as e:
        run_batch([tmp_path / "nope"], tmp_path / "out", BatchOptions(), stream=io.StringIO())
    assert e.value.code == ExitCode.USAGE and "nope" in str(e.value)
    write(tmp_path / "file_not_dir", "")
    write(tmp_path / "x.txt", "x")
    with pytest.raises(KaigirokuError) as e:
        run_batch([tmp_path / "x.txt"], tmp_path / "file_not_dir", BatchOptions(), stream=io.StringIO())
    assert e.value.code == ExitCode.USAGE


def test_a_second_batch_into_the_same_outdir_is_refused(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    write(src / "x.txt", "x")
    with locked(out):
        with pytest.raises(KaigirokuError) as e:
            run_batch([src], out, BatchOptions(), convert=fake_convert, stream=io.StringIO())
    assert e.value.code == ExitCode.USAGE and "another kaigiroku batch" in str(e.value)
    assert batch([src], out)[0] == ExitCode.OK  # released


class InProcessExecutor:
    """The smallest possible executor: proves the seam is all the engine needs."""

    def __init__(self):
        self.calls = 0

    def map(self, fn, tasks):
        for task in tasks:
            self.calls += 1
            if "lost" in task.key:
                yield task, Lost("WORKER_DIED", "the remote node went away")
            else:
                yield task, fn(task)


def test_the_executor_can_be_replaced(tmp_path, monkeypatch):
    monkeypatch.setenv("OMP_THREAD_LIMIT", "1")  # the worker code sets it; here it runs in this process
    src, out = tmp_path / "in", tmp_path / "out"
    write(src / "x.txt", "x")
    write(src / "lost.txt", "y")
    executor = InProcessExecutor()
    code = run_batch([src], out, BatchOptions(), convert=fake_convert, executor=executor, stream=io.StringIO())
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert code == ExitCode.SOME_FAILED and executor.calls == 2
    assert failures(report) == {"lost.txt": ("WORKER_DIED", "the remote node went away")}
    assert (out / "x.txt.txt").exists()


def test_tei_listperson_files_are_tracked_like_every_output(tmp_path):
    """--format tei writes FILE.xml and FILE-listPerson.xml: resuming, failing and the report count both."""
    src, out = tmp_path / "in", tmp_path / "out"
    write(src / "a.txt", "file a")
    write(src / "b.txt", "file b")
    _, report, _ = batch([src], out, formats=["tei"])
    assert manifest(out)["a.txt"]["outputs"] == ["a.txt.xml", "a.txt-listPerson.xml"]
    assert report["summary"]["outputs"] == 4

    (out / "a.txt-listPerson.xml").unlink()  # a companion gone: that file is done again, the other skipped
    _, report, _ = batch([src], out, formats=["tei"])
    assert (report["summary"]["done"], report["summary"]["skipped"]) == (1, 1)
    assert (out / "a.txt-listPerson.xml").exists()

    write(src / "a.txt", "BOOM")  # a file that now fails loses its companion too
    batch([src], out, formats=["tei"])
    assert not (out / "a.txt.xml").exists() and not (out / "a.txt-listPerson.xml").exists()
    assert (out / "b.txt-listPerson.xml").exists()


def test_sigterm_while_a_file_is_hashed_stops_the_batch(tmp_path, monkeypatch):
    """SIGTERM may land anywhere, also where the engine turns a bug into one failed file (hashing an
    input): the batch still stops as interrupted (exit 130), it never records the file as failed and
    goes on (exit 1; test_batch_interrupt's SIGTERM case failed so, now and then)."""
    src, out = tmp_path / "in", tmp_path / "out"
    write(src / "a.txt", "first")
    write(src / "b.txt", "second")
    real_hash = engine_module.sha256_file

    def hash_then_sigterm(path):
        if Path(path).name == "b.txt":
            os.kill(os.getpid(), signal.SIGTERM)  # the handler raises here, inside the hashing
        return real_hash(path)

    monkeypatch.setattr(engine_module, "sha256_file", hash_then_sigterm)
    code, report, _ = batch([src], out)
    assert code == ExitCode.INTERRUPTED
    assert failures(report) == {}
