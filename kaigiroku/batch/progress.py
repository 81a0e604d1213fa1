"""Showing a batch as it runs: a live bar on a terminal, one plain line per file in a log."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from rich.markup import escape

from .report import Summary
from .scan import printable


def make_reporter(stream: TextIO | None = None):
    stream = stream or sys.stderr
    return BarReporter(stream) if _is_terminal(stream) else LineReporter(stream)


class LineReporter:
    """For logs and cron mail: a line per file converted or failed (skips are only counted)."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.total = 0

    def start(self, total: int, summary: Summary) -> None:
        self.total = total
        self._write(f"kaigiroku batch: {total} input file{'s' if total != 1 else ''}")

    def update(self, key: str, entry: dict, summary: Summary) -> None:
        if entry["outcome"] == "skipped":
            return
        where = f"[{summary.finished:>{len(str(self.total))}}/{self.total}]"
        if entry["outcome"] == "done":
            count = entry.get("pages") or 0
            pages = f"{count} page{'s' if count != 1 else ''}, " if count else ""
            ocr = f"{entry['ocr_pages']} OCR'd, " if entry.get("ocr_pages") else ""
            self._write(f"{where} done    {printable(key)} ({pages}{ocr}{entry.get('seconds', 0):.1f} s)")
        else:
            self._write(f"{where} FAILED  {printable(key)}: {entry['code']}: {printable(entry['reason'])}")

    def stop(self) -> None:
        pass

    def _write(self, line: str) -> None:
        try:
            self.stream.write(line + "\n")
            self.stream.flush()
        except (OSError, ValueError):  # the log reader went away (a closed pipe): the batch goes on
            pass


class BarReporter:
    """rich progress bar: files and pages done, pages per second, time left; failures printed above."""

    def __init__(self, stream: TextIO):
        from rich.console import Console
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                                   TimeElapsedColumn, TimeRemainingColumn)

        self.console = Console(file=stream)
        self.progress = Progress(
            SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
            TextColumn("files"), TextColumn("{task.fields[pages]} pages ({task.fields[rate]})"),
            TextColumn("[red]{task.fields[failed]}"), TimeElapsedColumn(), TextColumn("ETA"),
            TimeRemainingColumn(), console=self.console, transient=False)
        self.task = None

    def start(self, total: int, summary: Summary) -> None:
        self.progress.start()
        self.task = self.progress.add_task("converting", total=total, pages=0, rate="-", failed="")

    def update(self, key: str, entry: dict, summary: Summary) -> None:
        if entry["outcome"] == "failed":
            self.progress.console.print(f"[red]FAILED[/red] {escape(printable(key))}: {entry['code']}: "
                                        f"{escape(printable(entry['reason']))}", highlight=False)
        rate = f"{summary.pages / summary.seconds:.1f}/s" if summary.seconds > 0 and summary.pages else "-"
        self.progress.update(self.task, completed=summary.finished, pages=summary.pages, rate=rate,
                             failed=f"{summary.failed} failed" if summary.failed else "")

    def stop(self) -> None:
        self.progress.stop()


def print_summary(summary: Summary, report_path: Path, stream: TextIO | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=stream or sys.stderr, highlight=False)
    title = "kaigiroku batch" + (" (interrupted)" if summary.interrupted else "")
    table = Table(title=title, show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("done", str(summary.done))
    table.add_row("skipped (unchanged)", str(summary.skipped))
    table.add_row("failed", str(summary.failed), style="red" if summary.failed else None)
    if summary.files > summary.finished:
        table.add_row("not reached", str(summary.files - summary.finished))
    table.add_row("pages", str(summary.pages))
    table.add_row("OCR'd pages", str(summary.ocr_pages))
    table.add_row("peak worker memory", f"{summary.peak_rss_kb / 1024:.0f} MiB")
    table.add_row("time", _duration(summary.seconds))
    console.print(table)
    for failure in sorted(summary.failures, key=lambda f: f["input"])[:10]:
        console.print(f"  {printable(failure['input'])}: {failure['code']}: {printable(failure['reason'])}",
                      markup=False, soft_wrap=True)  # one line per file, for grep
    if summary.failed > 10:
        console.print(f"  … and {summary.failed - 10} more", markup=False)
    console.print(f"report: {report_path}", markup=False)
    if summary.interrupted:
        console.print("interrupted: run the same command again to resume", markup=False)


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(round(seconds)), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}" if minutes else \
        f"{seconds:.1f} s"


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
