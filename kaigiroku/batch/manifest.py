"""The manifest in OUTDIR: what was done with each input, so a rerun can skip it.

One JSON file, rewritten atomically (temporary file, then rename) as files finish, so it is
always either the previous or the next complete version, even if the batch is killed.
"""
from __future__ import annotations

import hashlib
import json
import re
import time
from pathlib import Path

from ..atomic import atomic_write_text
from .scan import MANIFEST_NAME

FORMAT_VERSION = 1


class Manifest:
    def __init__(self, path: Path, entries: dict[str, dict] | None = None):
        self.path = path
        self.entries: dict[str, dict] = entries or {}
        self._last_save = 0.0
        self._save_cost = 0.0

    @classmethod
    def load(cls, outdir: Path) -> "Manifest":
        """The manifest of an earlier run, or an empty one (unreadable or foreign: start afresh)."""
        path = Path(outdir, MANIFEST_NAME)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls(path)
        if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION \
                or not isinstance(data.get("files"), dict):
            return cls(path)
        return cls(path, data["files"])

    def is_done(self, key: str, sha256: str, fingerprint: dict, outputs: list[str], outdir: Path) -> bool:
        """Done earlier from the same content under the same options, and every output still there."""
        entry = self.entries.get(key)
        return (entry is not None and entry.get("outcome") == "done" and entry.get("sha256") == sha256
                and entry.get("options") == fingerprint
                and set(outputs) <= set(entry.get("outputs") or ())
                and all(Path(outdir, out).is_file() for out in outputs))

    def record(self, key: str, entry: dict) -> None:
        self.entries[key] = entry

    def save(self, *, now: bool = True) -> None:
        """Write the manifest; with now=False only if that costs little next to the work it records.

        Rewriting the whole file after every one of thousands of small files would be quadratic, so
        writes are spaced to keep their cost under about 5% of the time. A file finished but not yet
        recorded when the batch is killed is simply converted again on the next run.
        """
        started = time.monotonic()
        if not now and started - self._last_save < 20 * self._save_cost:
            return
        data = {"version": FORMAT_VERSION, "tool": "kaigiroku batch", "files": dict(sorted(self.entries.items()))}
        atomic_write_text(self.path, dumps(data))
        self._last_save = time.monotonic()
        self._save_cost = self._last_save - started


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def dumps(data) -> str:
    """JSON that keeps Japanese readable, yet survives file names that are not valid UTF-8.

    Such names reach Python as lone surrogates, which cannot be written as UTF-8; written as
    \\udcXX escapes instead, they read back as the very same name.
    """
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return _LONE_SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
