"""Finding the input files of a batch and naming their outputs.

Naming rule: an input keeps its whole name, suffix included, and gains the format's suffix:
`a/b/x.pdf` -> `OUTDIR/a/b/x.pdf.txt`, `x.pdf.json`, `x.pdf.md`, `x.pdf.csv`. So `x.pdf` and `x.txt`
side by side can never collide, and an output's name depends on its input alone, never on which
other files happen to be in the archive.

The tree under OUTDIR mirrors the inputs below their deepest common folder: one directory argument
is itself the root; files given one by one count from their own folder.
"""
from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from ..errors import ExitCode, KaigirokuError
from ..files import SUFFIX_KIND
from .options import OUTPUT_SUFFIX

INPUT_SUFFIXES = frozenset(SUFFIX_KIND)  # kaigiroku.files knows the kinds; ingest reads what batch finds
MANIFEST_NAME = "kaigiroku-manifest.json"
REPORT_NAME = "report.json"
RESERVED_NAMES = frozenset({MANIFEST_NAME, REPORT_NAME})


@dataclass(frozen=True)
class Source:
    """One input file found for the batch."""

    key: str  # path below the mirrored root, "/"-separated: the file's name in manifest and report
    path: Path  # absolute, symbolic links kept, so outputs carry the archive's own names
    problem: tuple[str, str] | None = None  # (code name, reason) when it cannot even be read
    size: int = 0  # bytes


def find_sources(inputs: list[Path], outdir: Path) -> list[Source]:
    """Every input file under `inputs`, once each, in a stable order; OUTDIR itself is never scanned.

    Directories are searched recursively for known suffixes (case-insensitive), skipping hidden
    entries and folders that hold a batch's output (a kaigiroku manifest). Files named on the command
    line are taken whatever their suffix. Symbolic links to files are followed; links to folders are
    not (they could loop). A path that does not exist at all is a usage error.
    """
    outdir = Path(os.path.abspath(outdir))
    named = [Path(os.path.abspath(p)) for p in inputs]
    for given, path in zip(inputs, named):
        if not os.path.lexists(path):
            raise KaigirokuError(f"no such file or directory: {given}", ExitCode.USAGE)
    root = _mirror_root(named)
    found: dict[Path, Source] = {}
    for path in named:
        if path.is_dir():
            candidates = _walk(path, outdir)
        else:
            candidates = [path]
        for file in candidates:
            if file not in found and not _is_inside(file, outdir):
                found[file] = _source(file, root)
    return sorted(found.values(), key=lambda s: s.key)


def output_paths(key: str, formats: list[str], outdir: Path) -> dict[str, Path]:
    """Where each requested format of the input `key` goes."""
    return {fmt: Path(outdir, key + OUTPUT_SUFFIX[fmt]) for fmt in formats}


def every_output(key: str, formats: list[str], outdir: Path) -> list[Path]:
    """Every file the input `key` gives: each format's output and the files written beside it (TEI's
    listPerson), so that resuming, failing and the report count them all."""
    from ..writers import companion_paths

    return [p for fmt, out in output_paths(key, formats, outdir).items() for p in (out, *companion_paths(fmt, out))]


def name_clash(key: str, formats: list[str]) -> str | None:
    """An output that would overwrite the batch's own bookkeeping (only a suffix-less file can)."""
    for fmt in formats:
        if key + OUTPUT_SUFFIX[fmt] in RESERVED_NAMES:
            return key + OUTPUT_SUFFIX[fmt]
    return None


def printable(key: str) -> str:
    """A file name safe to print on one line: bytes that are not UTF-8 (old Shift_JIS names) shown
    as U+FFFD, control characters (a newline in a name) escaped."""
    text = key.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return "".join(c if c.isprintable() or c == " " else repr(c)[1:-1] for c in text)


def _mirror_root(paths: list[Path]) -> Path:
    folders = [p if p.is_dir() else p.parent for p in paths]
    return Path(os.path.commonpath(folders))


def _walk(top: Path, outdir: Path):
    if _is_output_dir(top, outdir):  # even when named: a batch's outputs are never its inputs
        return
    problems = []

    def on_error(err: OSError) -> None:  # a folder we may not list: report it, carry on
        problems.append(Path(err.filename))

    for folder, dirs, files in os.walk(top, onerror=on_error):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _is_output_dir(here / d, outdir))
        for name in sorted(files):
            if not name.startswith(".") and (os.path.splitext(name)[1].lower() in INPUT_SUFFIXES
                                             or _dangling_link(here / name)):
                yield here / name
    yield from problems


def _dangling_link(path: Path) -> bool:
    """A symbolic link that leads nowhere (a loop, or a missing target with an input's suffix): it
    cannot be told from an input by its content, so it is recorded rather than left out."""
    if not os.path.islink(path):
        return False
    try:
        os.stat(path)
        return False
    except FileNotFoundError:
        return os.path.splitext(os.readlink(path))[1].lower() in INPUT_SUFFIXES
    except OSError:
        return True  # a loop: it may have been meant as anything


def _is_output_dir(folder: Path, outdir: Path) -> bool:
    return folder == outdir or os.path.isfile(folder / MANIFEST_NAME)


def _is_inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _source(path: Path, root: Path) -> Source:
    key = path.relative_to(root).as_posix()
    try:
        st = os.stat(path)  # follows symbolic links
    except FileNotFoundError:
        if os.path.islink(path):
            return Source(key, path, ("MISSING_FILE", f"broken symbolic link to {os.readlink(path)}"))
        return Source(key, path, ("MISSING_FILE", "file vanished during the scan"))
    except PermissionError:
        return Source(key, path, ("PERMISSION_DENIED", "permission denied"))
    except OSError as e:  # a symbolic-link loop, a name too long, ...
        if e.errno == errno.ELOOP:
            return Source(key, path, ("NOT_A_FILE", "symbolic link loop (a link that leads back to itself)"))
        return Source(key, path, ("NOT_A_FILE", e.strerror or str(e)))
    if stat.S_ISDIR(st.st_mode):  # only a folder os.walk could not enter gets here
        return Source(key + "/", path, ("PERMISSION_DENIED", "folder cannot be listed"))
    if not stat.S_ISREG(st.st_mode):  # a FIFO would block forever, a device never end
        return Source(key, path, ("NOT_A_FILE", "not a regular file"))
    return Source(key, path, size=st.st_size)
