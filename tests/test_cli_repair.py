"""`kaigiroku repair` as a user runs it: formats, -o, and one-line errors with distinct exit codes."""
import csv
import io
import json
import subprocess
import sys

import pytest

from kaigiroku.errors import ExitCode

SAMPLE = "第1回テスト審議会会議録\n\n会 長 それでは開会します。\n委 員 質問します。\n（異議なし）\n"


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "kaigiroku", *map(str, args)], capture_output=True, text=True,
                          input=stdin, timeout=120)


@pytest.fixture
def sample(tmp_path):
    p = tmp_path / "in.txt"
    p.write_text(SAMPLE, encoding="utf-8")
    return p


def test_text_is_the_default_format(sample):
    r = run("repair", sample)
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines() == ["第1回テスト審議会会議録", "", "会長　それでは開会します。", "委員　質問します。",
                                     "（異議なし）"]  # the cover (here its title) heads the text


def test_json_follows_the_gold_schema(sample, tmp_path):
    out = tmp_path / "o.json"
    r = run("repair", sample, "--format", "json", "-o", out)
    assert r.returncode == 0 and r.stdout == ""
    d = json.loads(out.read_text(encoding="utf-8"))
    assert d["meta"]["title"] == "第1回テスト審議会会議録"
    assert [(t["kind"], t["speaker"], t["text"]) for t in d["turns"]] == [
        ("speech", "会長", "それでは開会します。"), ("speech", "委員", "質問します。"), ("note", None, "（異議なし）")]


def test_markdown_and_csv(sample):
    md = run("repair", sample, "-f", "md").stdout
    assert md.startswith("# 第1回テスト審議会会議録") and "**会長**　それでは開会します。" in md
    out = run("repair", sample, "-f", "csv").stdout.lstrip("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out.split("\n", 5)[5])))  # after the five cover rows
    assert [(r["speaker"], r["text"]) for r in rows][:2] == [("会長", "それでは開会します。"), ("委員", "質問します。")]


@pytest.mark.parametrize("make,code", [
    (lambda d: d / "missing.txt", ExitCode.MISSING_FILE),
    (lambda d: d, ExitCode.NOT_A_FILE),
    (lambda d: (d / "bin.txt", (d / "bin.txt").write_bytes(bytes(range(256)) * 40))[0], ExitCode.UNREADABLE_TEXT),
    (lambda d: (d / "empty.txt", (d / "empty.txt").write_bytes(b""))[0], ExitCode.EMPTY_DOCUMENT),
    (lambda d: (d / "bad.txt", (d / "bad.txt").write_bytes(b"\x81\x20\xff\xfe\x80\x80\x9f" * 60))[0],
     ExitCode.UNREADABLE_TEXT),
])
def test_bad_input_gets_one_line_and_its_exit_code(tmp_path, make, code):
    r = run("repair", make(tmp_path))
    assert r.returncode == code
    assert r.stdout == ""
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kaigiroku: error:"), r.stderr
    assert "Traceback" not in r.stderr


def test_distinct_exit_codes():
    """Every name its own code. Iterating the Enum skips aliases (a second name for a value), so the
    names come from __members__, which lists them all."""
    codes = [c.value for c in ExitCode.__members__.values()]
    assert len(codes) == len(set(codes)), [n for n, c in ExitCode.__members__.items() if codes.count(c.value) > 1]


def test_keep_width_leaves_the_text_as_printed(tmp_path):
    p = tmp_path / "w.txt"
    p.write_text("会長　ＬＧＷＡＮの件、ﾃｽﾄです。\n", encoding="utf-8")
    assert run("repair", p).stdout.strip() == "会長　LGWANの件、テストです。"
    assert run("repair", p, "--keep-width").stdout.strip() == "会長　ＬＧＷＡＮの件、ﾃｽﾄです。"


def test_roles_option(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text("書記長　報告します。\n会長　ありがとうございました。\n", encoding="utf-8")
    roles = tmp_path / "roles.txt"
    roles.write_text("書記長\n", encoding="utf-8")
    r = run("repair", p, "--roles", roles, "-f", "json")
    assert [t["speaker"] for t in json.loads(r.stdout)["turns"]] == ["書記長", "会長"]


def test_convert_twice_after_the_ingest_package_loads(tmp_path):
    """Regression: a top-level `ingest` function was once replaced by the package of that name."""
    import importlib

    import kaigiroku

    importlib.import_module("kaigiroku.ingest.pdf")
    from kaigiroku.ingest import ingest

    assert callable(ingest)
    p = tmp_path / "m.txt"
    p.write_text(SAMPLE, encoding="utf-8")
    assert kaigiroku.convert(p).turns == kaigiroku.convert(p).turns
