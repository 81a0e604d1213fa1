"""What a worker process does with one input: convert it, render every format, say what happened.

Runs in a child process (see executor.py), perhaps on another machine (ray_executor.py), so it
reports failures as data rather than raising: the engine must learn why a file failed, in one line,
with the exit-code name a user can match on. It writes nothing: the rendered outputs travel back as
bytes and the engine writes them, so OUTDIR has one writer, however and wherever workers run.
"""
from __future__ import annotations

import contextlib
import logging
import os
import resource
import time
import warnings
from dataclasses import dataclass, field
from typing import Callable

from ..errors import KaigirokuError
from ..options import Options


@dataclass(frozen=True)
class Task:
    key: str  # the input's name below the mirrored root
    source: str  # absolute path of the input
    outputs: dict[str, str]  # format -> absolute output path (the engine writes them)
    options: Options  # kaigiroku.options.Options, the same for every task of a batch


@dataclass
class Outcome:
    ok: bool
    pages: int = 0
    ocr_pages: int = 0
    code: str | None = None  # exit-code name when not ok
    reason: str | None = None  # one line when not ok
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # of the worker and what it ran: with `seconds`, how much CPU it got
    peak_rss_kb: int = 0  # of the worker and what it ran (tesseract), for sizing --jobs
    rendered: dict[str, bytes] = field(default_factory=dict)  # output path -> bytes, for the engine to write
    retried: list[str] = field(default_factory=list)  # why earlier attempts were lost (a worker died)


def process_task(task: Task, convert: Callable | None = None) -> Outcome:
    """Convert `task.source` with `convert` (default: kaigiroku.convert) and render its outputs."""
    started = time.monotonic()
    _one_ocr_thread()
    outcome = _convert_and_render(task, convert or _default_convert())
    outcome.seconds = round(time.monotonic() - started, 3)
    # A worker is a fresh process per file, so its usage so far is this file's.
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    outcome.cpu_seconds = round(own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime, 3)
    outcome.peak_rss_kb = max(own.ru_maxrss, children.ru_maxrss)
    return outcome


def _convert_and_render(task: Task, convert: Callable) -> Outcome:
    from ..writers import companion_files, render

    with _captured_messages() as messages:
        try:
            minutes = convert(task.source, options=task.options)
            # output path -> bytes; a format's companions (TEI's listPerson) go beside it
            rendered = {out: render(minutes, fmt, bom=task.options.bom).encode("utf-8") for fmt, out in task.outputs.items()}
            for fmt, out in task.outputs.items():
                rendered.update({str(p): t.encode("utf-8") for p, t in companion_files(minutes, fmt, out).items()})
        except KaigirokuError as e:
            return _failed(e.code.name, str(e), messages)
        except MemoryError:
            return _failed("OUT_OF_MEMORY", "ran out of memory", messages)
        except PermissionError as e:
            return _failed("PERMISSION_DENIED", f"permission denied: {e.filename or task.source}", messages)
        except FileNotFoundError:
            return _failed("MISSING_FILE", "file vanished before it could be read", messages)
        except IsADirectoryError:
            return _failed("NOT_A_FILE", "a folder, not a file", messages)
        except Exception as e:  # a converter bug: record it as one line and go on with the batch
            return _failed("INTERNAL_ERROR", f"{type(e).__name__}: {e}", messages)
    return Outcome(ok=True, pages=int(minutes.pages or 0), ocr_pages=int(minutes.ocr_pages or 0),
                   warnings=list(minutes.warnings or []) + messages, rendered=rendered)


def _failed(code: str, reason: str, messages: list[str]) -> Outcome:
    return Outcome(ok=False, code=code, reason=one_line(reason), warnings=messages)


def one_line(text: str, limit: int = 300) -> str:
    lines = [line.strip() for line in str(text).splitlines() if line.strip()]
    line = lines[0] if lines else "no reason given"
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _default_convert() -> Callable:
    from .. import convert

    return convert


def _one_ocr_thread() -> None:
    """Tesseract's OpenMP threads, beside other workers, spin and stall (a page took 5x longer in
    bench/bench_batch.py) and make OCR output depend on the thread count. Parallelism comes from
    the workers, one thread each, as OCRmyPDF does; an explicit setting is respected."""
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@contextlib.contextmanager
def _captured_messages(limit: int = 20):
    """Library log records and Python warnings go into the outcome, not onto the shared terminal."""
    messages: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record):
            if len(messages) < limit:
                messages.append(one_line(f"{record.name}: {record.getMessage()}"))

    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    root.handlers[:] = [Collect(logging.WARNING)]
    root.setLevel(logging.WARNING)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield messages
        finally:
            root.handlers[:] = saved_handlers
            root.setLevel(saved_level)
            for w in caught[: max(0, limit - len(messages))]:
                messages.append(one_line(f"{w.category.__name__}: {w.message}"))
