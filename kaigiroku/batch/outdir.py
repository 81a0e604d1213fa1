"""Housekeeping of the output folder: one batch at a time, no half-written files left behind."""
from __future__ import annotations

import contextlib
import fcntl
import os
import re
from pathlib import Path

from ..errors import ExitCode, KaigirokuError

LOCK_NAME = ".kaigiroku.lock"

# The temporary names kaigiroku.atomic gives a file before renaming it into place:
# ".<final name>.<8 random characters from tempfile>.part". Nothing else is ever deleted.
_TEMP_NAME = re.compile(r"^\..+\.[a-z0-9_]{8}\.part$")


@contextlib.contextmanager
def locked(outdir: Path):
    """Hold OUTDIR for this batch; a second batch writing into it at once would tread on our files.

    The lock dies with the process, however it dies, so a killed batch never blocks its rerun.
    """
    outdir.mkdir(parents=True, exist_ok=True)
    fd = os.open(outdir / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise KaigirokuError(f"another kaigiroku batch is writing to {outdir}", ExitCode.USAGE) from None
        yield
    finally:
        os.close(fd)


def remove_temp_files(outdir: Path, near: list[Path] | None = None) -> int:
    """Delete temporary files of interrupted writes: in all of OUTDIR, or beside the given outputs."""
    removed = 0
    if near is None:
        places = ((Path(folder), files) for folder, _dirs, files in os.walk(outdir))
    else:
        places = ((folder, _names(folder)) for folder in {p.parent for p in near})
        prefixes = tuple(f".{p.name}." for p in near)
    for folder, names in places:
        for name in names:
            if _TEMP_NAME.match(name) and (near is None or name.startswith(prefixes)):
                with contextlib.suppress(OSError):
                    os.unlink(folder / name)
                    removed += 1
    return removed


def remove_outputs(paths: list[Path]) -> None:
    """Outputs of a file that failed this time: left in place they would pass for its current content."""
    for path in paths:
        with contextlib.suppress(OSError):  # best effort: gone already, a folder, not ours to remove
            os.unlink(path)
    if paths:
        remove_temp_files(paths[0].parent, near=paths)


def _names(folder: Path) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []
