"""Writing an output without ever destroying what is at its path.

One helper for every write kaigiroku makes (single outputs, batch outputs, report.json, manifest):

- a regular file (new, or existing, also through a symbolic link) is replaced atomically: a temporary
  file in the same folder, fsync, then rename over the target, so a reader sees the old or the new
  content and never half of it. A symbolic link is kept and its target replaced;
- anything else (a terminal, /dev/stdout, /dev/null, a FIFO, a character device) is written
  through, never replaced by a regular file;
- a new file gets the permissions the user's umask gives (as `>` would); a replaced file keeps its own.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import Iterable

# Paths that stand for open descriptors or devices: /dev/stdout -> /proc/self/fd/1 -> a pipe or pty.
_DESCRIPTORS = ("/dev/stdout", "/dev/stderr", "/dev/fd/", "/proc/")


def current_umask() -> int:
    """The process's umask, read without changing it where Linux allows (threads may be running)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    old = os.umask(0o022)
    os.umask(old)
    return old


def writes_through(path: Path) -> bool:
    """True when `path` must be written in place: it exists and is not a regular file once links are
    followed (device, FIFO, terminal), or it names a descriptor (/dev/stdout, /proc/self/fd/1)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return False
    if stat.S_ISDIR(st.st_mode):
        return False  # the caller's open/rename reports it as a directory
    if not stat.S_ISREG(st.st_mode):
        return True
    # `-o /dev/stdout > file`: the shell's open file must get the bytes, not a new file put in its place
    if str(path).startswith(_DESCRIPTORS):
        return True
    return path.is_symlink() and os.readlink(path).startswith(_DESCRIPTORS)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    atomic_write_chunks(path, (data,))


def atomic_write_chunks(path: Path, chunks: Iterable[bytes]) -> None:
    """Write the chunks in order (an output made a piece at a time is never held whole). Should making
    a chunk fail, a regular file keeps what it held before: nothing half-written is left."""
    path = Path(path)
    if os.path.isdir(path):
        raise IsADirectoryError(21, "is a directory", str(path))
    if writes_through(path):
        with open(path, "wb") as f:
            for data in chunks:
                f.write(data)
        return
    target = Path(os.path.realpath(path)) if path.is_symlink() else path  # keep the link, replace its target
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)  # an existing file keeps its permissions
    except FileNotFoundError:
        mode = 0o666 & ~current_umask()
    # The temporary name is ".<name>.<8 random characters>.part": batch/outdir.py cleans up exactly these.
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            for data in chunks:
                f.write(data)
            f.flush()
            os.fchmod(f.fileno(), mode)
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))
