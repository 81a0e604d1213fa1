"""run_batch: find the inputs, skip what is done, convert the rest in parallel, record everything."""
from __future__ import annotations

import contextlib
import functools
import os
import signal
from pathlib import Path
from typing import Callable, Iterator, TextIO

from ..atomic import atomic_write_bytes
from ..errors import ExitCode, KaigirokuError
from .executor import Executor, LocalProcessExecutor, Lost
from .manifest import Manifest, sha256_file
from .options import BatchOptions, output_fingerprint
from .outdir import locked, remove_outputs, remove_temp_files
from .progress import make_reporter, print_summary
from .report import Summary, write_report
from .scan import Source, every_output, find_sources, name_clash, output_paths
from .worker import Outcome, Task, process_task


class Interrupted(BaseException):
    """SIGTERM or SIGHUP, turned into an exception so the batch stops the way it does on Ctrl-C. A
    BaseException, as KeyboardInterrupt is: the signal may land inside an `except Exception` that
    turns a bug into one failed file, and the batch must stop, not record that file and go on."""


def run_batch(inputs: list[Path], outdir: Path, opts: BatchOptions, *, convert: Callable | None = None,
              executor: Executor | None = None, stream: TextIO | None = None) -> ExitCode:
    """Convert every input under `inputs` into OUTDIR; OK, SOME_FAILED or INTERRUPTED.

    `convert(path, options=Options) -> Minutes` replaces kaigiroku.convert (it must be picklable: a
    module-level function); `executor` replaces the local worker processes (e.g. a RayExecutor).
    Workers only convert and render; this process writes every output, the manifest and the report.
    Raises KaigirokuError (USAGE) when there is nothing to do or OUTDIR cannot be used.
    """
    outdir = Path(os.path.abspath(outdir))
    if outdir.exists() and not outdir.is_dir():
        raise KaigirokuError(f"output is not a directory: {outdir}", ExitCode.USAGE)
    sources = find_sources([Path(p) for p in inputs], outdir)
    if not sources:
        raise KaigirokuError("no input files found (PDF, images, .txt .md .html .tsv .csv)", ExitCode.USAGE)
    convert_options = opts.conversion(roles=_load_roles(opts.roles))  # one kaigiroku.Options for every task
    fingerprint = output_fingerprint(opts)
    if executor is None:
        preload = [convert.__module__] if convert is not None else []
        executor = LocalProcessExecutor(opts.jobs, opts.timeout, opts.memory_limit_mb, preload=preload)
    fn = functools.partial(process_task, convert=convert)

    with _outdir_errors(outdir), locked(outdir):
        remove_temp_files(outdir)  # left by a run that was killed mid-write
        run = _Run(outdir, opts, fingerprint, convert_options, Manifest.load(outdir), make_reporter(stream))
        run.summary.files = len(sources)
        run.reporter.start(len(sources), run.summary)
        try:
            with _stop_signals_as_exception():
                run.execute(executor, fn, sources)
        except (KeyboardInterrupt, Interrupted):
            run.summary.interrupted = True
        finally:
            run.reporter.stop()
            with _signals_ignored():  # a second Ctrl-C must not cut the bookkeeping short
                if run.summary.interrupted:
                    remove_temp_files(outdir)  # of the workers just killed
                run.manifest.save()
                report = write_report(outdir, run.summary, {
                    **fingerprint, "formats": opts.formats, "executor": getattr(executor, "name", "custom"),
                    "jobs": getattr(executor, "jobs", opts.jobs), "timeout": opts.timeout,
                    "memory_limit_mb": opts.memory_limit_mb})
    print_summary(run.summary, report, stream)
    return run.summary.exit_code()


@contextlib.contextmanager
def _outdir_errors(outdir: Path):
    """OUTDIR not writable, or full: one line for the user rather than a traceback.

    Only the engine's own writes get here (lock, manifest, report); a worker that cannot write an
    output records that file as failed and the batch goes on.
    """
    try:
        yield
    except OSError as e:
        where = e.filename or outdir
        raise KaigirokuError(f"cannot write {where}: {e.strerror or e}", ExitCode.PERMISSION_DENIED) from None


class _Run:
    """The state of one batch run: what to convert, and the bookkeeping of what came of it."""

    def __init__(self, outdir: Path, opts: BatchOptions, fingerprint: dict, convert_options: dict,
                 manifest: Manifest, reporter):
        self.outdir = outdir
        self.opts = opts
        self.fingerprint = fingerprint
        self.convert_options = convert_options
        self.manifest = manifest
        self.reporter = reporter
        self.summary = Summary()
        self.digests: dict[str, str] = {}

    def execute(self, executor: Executor, fn, sources: list[Source]) -> None:
        with contextlib.closing(executor.map(fn, self._tasks(sources))) as results:
            for task, result in results:
                if not isinstance(result, Lost) and result.ok:
                    result = self._write_outputs(task, result)
                self._finish(task.key, self._entry(task, result))

    def _write_outputs(self, task: Task, result: Outcome) -> Outcome:
        """Write a worker's rendered outputs into place, each atomically; a failed write fails the file."""
        rendered, result.rendered = result.rendered, {}  # not kept: the summary outlives thousands of files
        for out, data in rendered.items():
            try:
                atomic_write_bytes(Path(out), data)
            except OSError as e:
                result.ok, result.code = False, "PERMISSION_DENIED"
                result.reason = f"cannot write {Path(out).name}: {e.strerror or e}"
                break
        return result

    def _tasks(self, sources: list[Source]) -> Iterator[Task]:
        """Tasks for the files that need converting, decided lazily so hashing overlaps conversion.

        Largest files first: a long file started last would leave the other workers idle at the end.
        """
        for src in sorted(sources, key=lambda s: -s.size):
            try:
                task = self._task_for(src)
            except Exception as e:  # a bug here must cost one file, not the batch
                task = None
                self._finish(src.key, self._failure_entry(src.key, str(src.path), "INTERNAL_ERROR",
                                                          f"{type(e).__name__}: {e}"))
            if task is not None:
                yield task

    def _task_for(self, src: Source) -> Task | None:
        """The task converting `src`, or None when it is recorded here already (unreadable, done)."""
        outputs = output_paths(src.key, self.opts.formats, self.outdir)
        problem = src.problem or self._clash(src.key)
        if problem is None:
            try:
                self.digests[src.key] = sha256_file(src.path)
            except PermissionError:
                problem = ("PERMISSION_DENIED", "permission denied")
            except OSError as e:
                problem = ("MISSING_FILE", f"cannot read: {e.strerror or e}")
        if problem is not None:
            self._finish(src.key, self._failure_entry(src.key, str(src.path), *problem))
            return None
        relative = [p.relative_to(self.outdir).as_posix() for p in every_output(src.key, self.opts.formats, self.outdir)]
        if not self.opts.force and self.manifest.is_done(src.key, self.digests[src.key], self.fingerprint,
                                                         relative, self.outdir):
            self.summary.count({"outcome": "skipped"}, src.key)
            self.reporter.update(src.key, {"outcome": "skipped"}, self.summary)
            return None
        return Task(key=src.key, source=str(src.path), outputs={f: str(p) for f, p in outputs.items()},
                    options=self.convert_options)

    def _clash(self, key: str) -> tuple[str, str] | None:
        clash = name_clash(key, self.opts.formats)
        return ("USAGE", f"its output {clash} would overwrite the batch's own file") if clash else None

    def _entry(self, task: Task, result: Outcome | Lost) -> dict:
        if isinstance(result, Lost):
            entry = self._failure_entry(task.key, task.source, result.code, result.reason)
            if result.retried:
                entry["retried"] = list(result.retried)
            return entry
        if not result.ok:
            entry = self._failure_entry(task.key, task.source, result.code, result.reason)
        else:
            entry = {"source": task.source, "sha256": self.digests.get(task.key), "options": self.fingerprint,
                     "outcome": "done", "outputs": [p.relative_to(self.outdir).as_posix() for p in
                                                    every_output(task.key, self.opts.formats, self.outdir)],
                     "pages": result.pages, "ocr_pages": result.ocr_pages}
        entry.update(seconds=result.seconds, cpu_seconds=result.cpu_seconds, peak_rss_kb=result.peak_rss_kb)
        if result.warnings:
            entry["warnings"] = result.warnings
        if result.retried:
            entry["retried"] = result.retried
        return entry

    def _failure_entry(self, key: str, source: str, code: str, reason: str) -> dict:
        # Outputs of an earlier success would now misrepresent the file: remove them (but never
        # the batch's own files, which a clashing name would point at).
        if not name_clash(key, self.opts.formats) and not key.endswith("/"):
            remove_outputs(every_output(key, self.opts.formats, self.outdir))
        return {"source": source, "sha256": self.digests.get(key), "options": self.fingerprint,
                "outcome": "failed", "code": code, "reason": reason}

    def _finish(self, key: str, entry: dict) -> None:
        self.manifest.record(key, entry)
        self.summary.count(entry, key)
        self.reporter.update(key, entry, self.summary)
        self.manifest.save(now=False)


def _load_roles(path: str | None):
    if not path:
        return None
    if not os.path.isfile(path):
        raise KaigirokuError(f"roles file not found: {path}", ExitCode.USAGE)
    from ..cleanup.labels import load_roles

    return load_roles(path)


@contextlib.contextmanager
def _signal_handlers(signals, handler):
    """`handler` for `signals` while the block runs, the previous handlers restored after."""
    try:
        previous = {sig: signal.signal(sig, handler) for sig in signals}
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def _stop_signals_as_exception():
    """SIGTERM (a service manager, `kill`) and SIGHUP (the terminal closed) stop the batch cleanly."""
    def on_signal(signum, frame):
        raise Interrupted()

    return _signal_handlers((signal.SIGTERM, signal.SIGHUP), on_signal)


def _signals_ignored():
    return _signal_handlers((signal.SIGINT, signal.SIGTERM, signal.SIGHUP), signal.SIG_IGN)

