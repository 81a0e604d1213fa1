"""`-o` never destroys data: the input is refused as output, devices, FIFOs and /dev/stdout are
written through, links keep pointing where they did, and files get the permissions of the umask."""
import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from kaigiroku.batch import BatchOptions, run_batch
from kaigiroku.errors import ExitCode

SAMPLE = "第1回テスト審議会会議録\n\n会 長 それでは開会します。\n委 員 質問します。\n（異議なし）\n"
EXPECTED = "会長　それでは開会します。"


def run(*args, umask=None, **kw):
    def child():
        if umask is not None:
            os.umask(umask)
    return subprocess.run([sys.executable, "-m", "kaigiroku", *map(str, args)], capture_output=True, text=True,
                          timeout=120, preexec_fn=child, **kw)


@pytest.fixture
def sample(tmp_path):
    p = tmp_path / "minutes.txt"
    p.write_text(SAMPLE, encoding="utf-8")
    return p


def test_the_input_as_output_is_refused_and_left_alone(sample):
    r = run("repair", sample, "-o", sample)
    assert r.returncode == ExitCode.OUTPUT_IS_INPUT
    assert r.stderr.count("\n") == 1 and "is the input" in r.stderr
    assert sample.read_text(encoding="utf-8") == SAMPLE


def test_a_hard_link_to_the_input_is_the_input_too(sample, tmp_path):
    os.link(sample, tmp_path / "same.txt")
    assert run("repair", sample, "-o", tmp_path / "same.txt").returncode == ExitCode.OUTPUT_IS_INPUT
    assert sample.read_text(encoding="utf-8") == SAMPLE


def test_a_link_to_stdout_reaches_the_pipe(sample, tmp_path):
    """What `-o /dev/stdout` does, through a link of our own: a test must never risk /dev itself."""
    stdout = tmp_path / "stdout"
    stdout.symlink_to("/proc/self/fd/1")
    r = run("repair", sample, "-o", stdout)
    assert r.returncode == 0, r.stderr
    assert EXPECTED in r.stdout
    assert stdout.is_symlink()


def test_dash_is_stdout(sample, tmp_path):
    r = run("repair", sample, "-o", "-", cwd=tmp_path)
    assert r.returncode == 0 and EXPECTED in r.stdout
    assert not (tmp_path / "-").exists()


def test_a_fifo_is_written_through_not_replaced(sample, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = {}
    reader = threading.Thread(target=lambda: got.setdefault("data", fifo.read_bytes()), daemon=True)
    reader.start()
    r = run("repair", sample, "-o", fifo)
    reader.join(30)
    assert r.returncode == 0, r.stderr
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert EXPECTED in got.get("data", b"").decode("utf-8")


def test_a_character_device_is_written_through_not_replaced(sample, tmp_path):
    null = tmp_path / "null"
    try:
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of our own
    except PermissionError:
        pytest.skip("creating a device node needs root (CI runs as root)")
    r = run("repair", sample, "-o", null)
    assert r.returncode == 0, r.stderr
    assert stat.S_ISCHR(os.lstat(null).st_mode)


def test_a_symbolic_link_is_followed_to_its_target(sample, tmp_path):
    target = tmp_path / "real" / "out.txt"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "out.txt"
    link.symlink_to(target)
    assert run("repair", sample, "-o", link).returncode == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert EXPECTED in target.read_text(encoding="utf-8")


@pytest.mark.parametrize("umask,mode", [(0o022, 0o644), (0o002, 0o664), (0o077, 0o600)])
def test_a_new_output_gets_the_permissions_of_the_umask(sample, tmp_path, umask, mode):
    out = tmp_path / "out.txt"
    assert run("repair", sample, "-o", out, umask=umask).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == mode


def test_a_replaced_output_keeps_its_permissions(sample, tmp_path):
    out = tmp_path / "out.txt"
    out.write_text("old", encoding="utf-8")
    out.chmod(0o640)
    assert run("repair", sample, "-o", out, umask=0o022).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640 and EXPECTED in out.read_text(encoding="utf-8")


def test_batch_outputs_report_and_manifest_get_the_umask(sample, tmp_path):
    out = tmp_path / "out"
    old = os.umask(0o022)
    try:
        code = run_batch([sample], out, BatchOptions(jobs=1, timeout=60))
    finally:
        os.umask(old)
    assert code == ExitCode.OK
    written = [out / "minutes.txt.txt", out / "report.json", out / "kaigiroku-manifest.json"]
    assert {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in written} == {p.name: "0o644" for p in written}
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["summary"]["done"] == 1
