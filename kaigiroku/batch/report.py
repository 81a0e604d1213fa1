"""The tally of a batch run and OUTDIR/report.json, the file an archivist reads afterwards."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..atomic import atomic_write_text
from ..errors import ExitCode
from .manifest import dumps
from .scan import REPORT_NAME


@dataclass
class Summary:
    files: int = 0  # inputs found
    done: int = 0
    skipped: int = 0  # done by an earlier run and unchanged
    failed: int = 0
    pages: int = 0
    ocr_pages: int = 0
    outputs: int = 0  # files written, companions (TEI's listPerson) included
    peak_rss_kb: int = 0  # largest worker
    interrupted: bool = False
    failures: list[dict] = field(default_factory=list)
    retries: list[dict] = field(default_factory=list)  # files whose worker died and that were run again
    started_at: float = field(default_factory=time.time)
    started: float = field(default_factory=time.monotonic)

    def count(self, entry: dict, key: str) -> None:
        """Add one file's manifest entry (or a skip) to the tally."""
        outcome = entry["outcome"]
        if outcome == "skipped":
            self.skipped += 1
            return
        if entry.get("retried"):
            self.retries.append({"input": key, "outcome": outcome, "lost": entry["retried"]})
        self.peak_rss_kb = max(self.peak_rss_kb, entry.get("peak_rss_kb") or 0)
        if outcome == "done":
            self.done += 1
            self.pages += entry.get("pages") or 0
            self.ocr_pages += entry.get("ocr_pages") or 0
            self.outputs += len(entry.get("outputs") or ())
        else:
            self.failed += 1
            self.failures.append({"input": key, "source": entry.get("source"), "code": entry.get("code"),
                                  "reason": entry.get("reason")})

    @property
    def finished(self) -> int:
        return self.done + self.skipped + self.failed

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started

    def exit_code(self) -> ExitCode:
        if self.interrupted:
            return ExitCode.INTERRUPTED
        return ExitCode.SOME_FAILED if self.failed else ExitCode.OK


def write_report(outdir: Path, summary: Summary, options: dict) -> Path:
    code = summary.exit_code()
    report = {
        "tool": "kaigiroku batch",
        "started": _iso(summary.started_at),
        "finished": _iso(time.time()),
        "interrupted": summary.interrupted,
        "exit_code": int(code),
        "exit": code.name,
        "options": options,
        "summary": {"files": summary.files, "done": summary.done, "skipped": summary.skipped,
                    "failed": summary.failed, "not_reached": summary.files - summary.finished,
                    "outputs": summary.outputs, "pages": summary.pages, "ocr_pages": summary.ocr_pages,
                    "seconds": round(summary.seconds, 2),
                    "peak_worker_memory_mb": round(summary.peak_rss_kb / 1024, 1)},
        "failed": sorted(summary.failures, key=lambda f: f["input"]),
        "retried": sorted(summary.retries, key=lambda f: f["input"]),
    }
    path = Path(outdir, REPORT_NAME)
    atomic_write_text(path, dumps(report))
    return path


def _iso(t: float) -> str:
    return datetime.fromtimestamp(t, timezone.utc).isoformat(timespec="seconds")
