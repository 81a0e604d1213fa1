"""Finding a batch's inputs and naming its outputs."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from kaigiroku.batch.scan import MANIFEST_NAME, find_sources, name_clash, output_paths
from kaigiroku.errors import ExitCode, KaigirokuError


def touch(path: Path, text: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def keys(sources) -> list[str]:
    return [s.key for s in sources]


def test_directories_are_searched_recursively_for_known_suffixes(tmp_path):
    for name in ["a/b/x.pdf", "a/b/x.txt", "a/SCAN.PDF", "a/p.png", "t.tsv", "h.htm", "会議 録/第1回 議事録.md"]:
        touch(tmp_path / "in" / name)
    for name in ["a/notes.docx", "a/.hidden.txt", ".git/x.txt", "a/.x.txt.abcdefgh.part", "README"]:
        touch(tmp_path / "in" / name)
    found = find_sources([tmp_path / "in"], tmp_path / "out")
    assert keys(found) == ["a/SCAN.PDF", "a/b/x.pdf", "a/b/x.txt", "a/p.png", "h.htm", "t.tsv",
                           "会議 録/第1回 議事録.md"]
    assert all(s.path.is_absolute() and s.problem is None for s in found)


def test_outputs_keep_the_source_suffix_so_names_never_collide(tmp_path):
    out = tmp_path / "out"
    assert output_paths("a/b/x.pdf", ["text", "json", "md", "csv"], out) == {
        "text": out / "a/b/x.pdf.txt", "json": out / "a/b/x.pdf.json",
        "md": out / "a/b/x.pdf.md", "csv": out / "a/b/x.pdf.csv"}
    assert output_paths("a/b/x.txt", ["text"], out)["text"] == out / "a/b/x.txt.txt"
    assert name_clash("report", ["json"]) == "report.json"  # only a suffix-less file given by name can
    assert name_clash("report.pdf", ["json"]) is None


def test_several_inputs_mirror_below_their_common_folder(tmp_path):
    touch(tmp_path / "arch/2019/x.pdf")
    touch(tmp_path / "arch/2020/x.pdf")
    touch(tmp_path / "arch/2020/extra/y.txt")
    touch(tmp_path / "loose/z.pdf")
    assert keys(find_sources([tmp_path / "arch/2019"], tmp_path / "out")) == ["x.pdf"]
    assert keys(find_sources([tmp_path / "arch/2019", tmp_path / "arch/2020"], tmp_path / "out")) == [
        "2019/x.pdf", "2020/extra/y.txt", "2020/x.pdf"]
    # a file named on its own counts from its folder; named twice (or also found in a folder), once
    found = find_sources([tmp_path / "arch/2020/x.pdf", tmp_path / "arch/2020", tmp_path / "loose/z.pdf"],
                         tmp_path / "out")
    assert keys(found) == ["arch/2020/extra/y.txt", "arch/2020/x.pdf", "loose/z.pdf"]


def test_a_file_named_explicitly_is_taken_whatever_its_suffix(tmp_path):
    touch(tmp_path / "minutes.data")
    assert keys(find_sources([tmp_path / "minutes.data"], tmp_path / "out")) == ["minutes.data"]


def test_outdir_and_earlier_output_folders_are_not_scanned(tmp_path):
    touch(tmp_path / "in/x.txt")
    touch(tmp_path / "in/out/x.txt.txt")  # this run's OUTDIR, inside the input folder
    touch(tmp_path / "in/old/x.txt.txt")  # an earlier run's output folder
    touch(tmp_path / "in/old" / MANIFEST_NAME, "{}")
    assert keys(find_sources([tmp_path / "in"], tmp_path / "in/out")) == ["x.txt"]
    assert find_sources([tmp_path / "in/old"], tmp_path / "out") == []  # even named


def test_symbolic_links(tmp_path):
    src = tmp_path / "in"
    target = touch(tmp_path / "elsewhere/real.txt")
    touch(tmp_path / "elsewhere/deep/inside.txt")
    src.mkdir()
    (src / "link.txt").symlink_to(target)
    (src / "broken.txt").symlink_to(tmp_path / "gone.txt")
    (src / "loop.txt").symlink_to(src / "loop.txt")
    (src / "folder").symlink_to(tmp_path / "elsewhere", target_is_directory=True)  # not followed
    found = {s.key: s for s in find_sources([src], tmp_path / "out")}
    assert sorted(found) == ["broken.txt", "link.txt", "loop.txt"]
    assert found["link.txt"].problem is None and found["link.txt"].path == src / "link.txt"
    assert found["broken.txt"].problem == ("MISSING_FILE", f"broken symbolic link to {tmp_path / 'gone.txt'}")
    assert found["loop.txt"].problem == ("NOT_A_FILE", "symbolic link loop (a link that leads back to itself)")


def test_symbolic_link_loops_are_recorded_whatever_their_name(tmp_path):
    """docs/batch.md: links that lead nowhere are recorded. A loop has no target to take a suffix from."""
    src = tmp_path / "in"
    src.mkdir()
    touch(src / "good.txt")
    (src / "self").symlink_to(src / "self")
    (src / "a").symlink_to(src / "b")
    (src / "b").symlink_to(src / "a")
    (src / "gone").symlink_to(tmp_path / "gone.pdf")  # broken, to an input's name
    (src / "other").symlink_to(tmp_path / "notes.bak")  # broken, to no input: not ours to report
    found = {s.key: s.problem for s in find_sources([src], tmp_path / "out")}
    assert found == {"good.txt": None, "self": ("NOT_A_FILE", "symbolic link loop (a link that leads back to itself)"),
                     "a": ("NOT_A_FILE", "symbolic link loop (a link that leads back to itself)"),
                     "b": ("NOT_A_FILE", "symbolic link loop (a link that leads back to itself)"),
                     "gone": ("MISSING_FILE", f"broken symbolic link to {tmp_path / 'gone.pdf'}")}


def test_special_files_are_recorded_not_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block the batch forever
    found = find_sources([tmp_path], tmp_path / "out")
    assert [(s.key, s.problem) for s in found] == [("pipe.txt", ("NOT_A_FILE", "not a regular file"))]


def test_a_missing_input_is_a_usage_error(tmp_path):
    with pytest.raises(KaigirokuError) as e:
        find_sources([tmp_path / "typo"], tmp_path / "out")
    assert e.value.code == ExitCode.USAGE
