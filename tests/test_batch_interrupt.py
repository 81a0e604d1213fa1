"""A batch stopped part-way (Ctrl-C, SIGTERM, SIGKILL of the `kaigiroku batch` process itself),
watched from outside while it runs, then run again: never a half-written file under its final
name, and in the end exactly the bytes of an uninterrupted run."""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_batch_hostile import text_pdf

KAIGIROKU = Path(sys.executable).parent / "kaigiroku"
SPEAKERS = ["○議長（山田太郎君）", "○１番（佐藤花子君）", "○教育長（鈴木一郎君）", "○市長（高橋次郎君）"]
FILES = 24
BOOKKEEPING = {"kaigiroku-manifest.json", "report.json", ".kaigiroku.lock"}
TEMP_NAME = re.compile(r"^\..+\.part$")

pytestmark = pytest.mark.skipif(not KAIGIROKU.exists(), reason="the kaigiroku command is not installed")


def minutes_text(number: int, speeches: int = 1000) -> str:
    """Text minutes of a realistic size (~0.15 s to convert), different for every file."""
    lines = [f"令和{number % 6 + 1}年第{number}回定例会会議録", ""]
    for k in range(speeches):
        lines.append(f"{SPEAKERS[k % 4]}　第{number}号の{k}番目の発言です。図書館の開館時間と予算について伺います。")
    return "\n".join(lines) + "\n"


def command(src: Path, out: Path) -> list[str]:
    return [str(KAIGIROKU), "batch", str(src), "-o", str(out), "-f", "text", "-f", "json", "--jobs", "2"]


def run(src: Path, out: Path) -> tuple[int, dict]:
    done = subprocess.run(command(src, out), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=120)
    return done.returncode, json.loads((out / "report.json").read_text(encoding="utf-8"))


def outputs(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*")
            if p.is_file() and p.name not in BOOKKEEPING and not TEMP_NAME.match(p.name)}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """(input folder, the outputs of one uninterrupted run)"""
    root = tmp_path_factory.mktemp("archive")
    for i in range(FILES - 2):
        folder = root / "in" / ("令和5年" if i % 2 else "令和6年 臨時会")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"第{i:02d}回 会議録.txt").write_text(minutes_text(i), encoding="utf-8")
    for i in range(2):  # and PDFs, whose conversion must be just as repeatable
        lines = [line[:40] for line in minutes_text(100 + i, 38).splitlines()[2:]]
        text_pdf(root / "in" / f"委員会 {i}.pdf", lines=lines)
    code, report = run(root / "in", root / "reference")
    assert code == 0 and report["summary"]["done"] == FILES
    reference = outputs(root / "reference")
    assert len(reference) == 2 * FILES
    return root / "in", reference


def check_nothing_half_written(out: Path, reference: dict[str, bytes]) -> int:
    """Every file under a final name is whole: its bytes are those of the uninterrupted run."""
    whole = 0
    for path in list(out.rglob("*")):
        name = path.name
        if TEMP_NAME.match(name) or name == ".kaigiroku.lock" or not path.is_file():
            continue
        try:
            data = path.read_bytes()
        except FileNotFoundError:  # renamed or removed while we looked
            continue
        if name in BOOKKEEPING:
            json.loads(data.decode("utf-8"))  # never a torn manifest or report
            continue
        key = path.relative_to(out).as_posix()
        assert data == reference[key], f"{key} is not whole"
        whole += 1
    return whole


def interrupt(src: Path, out: Path, reference: dict[str, bytes], how: signal.Signals, to_group: bool):
    """Start a batch, watch it, stop it with `how` once a few outputs exist; the return code."""
    # as from a terminal, where Ctrl-C is heard: a test run started in the background (`cmd &` in a
    # script) hands its children SIGINT ignored, and the batch would rightly go on
    proc = subprocess.Popen(command(src, out), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 60
        while check_nothing_half_written(out, reference) < 2:  # early: a loaded machine watches slowly
            assert proc.poll() is None, "the batch ended before it could be interrupted"
            assert time.monotonic() < deadline
            time.sleep(0.01)
        assert proc.poll() is None, "the batch ended before it could be interrupted"
        if to_group:  # like Ctrl-C at a terminal: the whole foreground group gets the signal
            os.killpg(proc.pid, how)
        else:
            proc.send_signal(how)
        while proc.poll() is None:
            check_nothing_half_written(out, reference)
            time.sleep(0.01)
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait()
    return proc.returncode


@pytest.mark.parametrize("how, to_group, expected_code", [
    (signal.SIGINT, True, 130),
    (signal.SIGTERM, False, 130),
    (signal.SIGKILL, False, -signal.SIGKILL),
], ids=["ctrl-c", "sigterm", "sigkill"])
def test_interrupted_batch_resumes_to_identical_outputs(archive, tmp_path, how, to_group, expected_code):
    src, reference = archive
    out = tmp_path / "out"
    assert interrupt(src, out, reference, how, to_group) == expected_code

    if how == signal.SIGKILL:
        # Its workers die with it (nothing keeps writing behind the rerun's back) ...
        time.sleep(0.5)
        before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
        time.sleep(1.0)
        assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == before
        # ... and all they may leave is the temporary files of writes in progress.
        check_nothing_half_written(out, reference)
    else:
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        assert report["interrupted"] is True and report["exit"] == "INTERRUPTED"
        assert 0 < report["summary"]["done"] < FILES and report["summary"]["not_reached"] > 0
        assert not [p for p in out.rglob("*") if TEMP_NAME.match(p.name)]
    manifest = out / "kaigiroku-manifest.json"  # (may not exist yet after a SIGKILL)
    entries = json.loads(manifest.read_text(encoding="utf-8"))["files"] if manifest.exists() else {}
    done_before = sum(1 for e in entries.values() if e["outcome"] == "done")

    code, report = run(src, out)
    assert code == 0
    assert outputs(out) == reference  # byte for byte, nothing missing, nothing extra
    assert not [p for p in out.rglob("*.part")]
    assert report["summary"]["skipped"] == done_before and report["summary"]["done"] == FILES - done_before
    if how != signal.SIGKILL:
        assert done_before > 0


def test_exit_codes_of_the_command(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(minutes_text(1, 20), encoding="utf-8")
    assert subprocess.run(command(src, tmp_path / "ok"), capture_output=True).returncode == 0
    (src / "empty.txt").write_bytes(b"")
    failed = subprocess.run(command(src, tmp_path / "some"), capture_output=True, text=True)
    assert failed.returncode == 1 and "FAILED  empty.txt: EMPTY_DOCUMENT" in failed.stderr
    nothing = subprocess.run(command(tmp_path / "ok", tmp_path / "none"), capture_output=True, text=True)
    assert nothing.returncode == 2 and "no input files found" in nothing.stderr


def test_ctrl_c_before_a_command_starts_is_one_line_and_exit_130(monkeypatch, capsys):
    """Ctrl-C in the first tenth of a second, while typer still builds the command (outside every
    command's error handling): exit INTERRUPTED with one line, not a traceback and a death by SIGINT."""
    from kaigiroku import cli

    def building(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "app", building)
    with pytest.raises(SystemExit) as exited:
        cli.main()
    assert exited.value.code == 130
    assert capsys.readouterr().err == "kaigiroku: error: interrupted\n"
