"""How batch work is spread over workers: one small seam, one local implementation.

The engine only needs `Executor.map(fn, tasks)`: run `fn(task)` for every task somewhere and yield
each task with what came back, in completion order. A task whose worker never answered (hung and
killed, crashed, ran out of memory) comes back as `Lost` instead of a result, so one bad input can
never stop the batch. A distributed engine can take the local one's place by honouring that contract.
"""
from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import resource
import signal
import sys
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from typing import Any, Callable, Iterable, Iterator, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Lost:
    """No result came back for a task: why, as a one-line reason and a code name for the report."""

    code: str  # TIMEOUT, OUT_OF_MEMORY, WORKER_DIED or INTERNAL_ERROR
    reason: str
    retried: tuple[str, ...] = ()  # why earlier attempts were lost, when the executor retried


class Executor(Protocol):
    name: str  # recorded in the report: "local", "ray"
    jobs: int | None  # files converted at once (None: as many as the executor has room for)

    def map(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[tuple[T, R | Lost]]:
        """Yield (task, fn(task) or Lost) for every task, in completion order.

        `fn` and the tasks may have to travel to another process: keep them picklable
        (module-level functions, plain data). Closing the iterator early stops all work.
        """
        ...


# Workers are forked from a clean server process (multiprocessing's "forkserver"), not from the
# engine itself: the engine runs a progress-bar thread, and forking a threaded process can hand the
# child a lock held forever. Modules imported once by the server are shared by every worker, so a
# worker per task starts in milliseconds rather than re-importing pdfplumber, numpy and OpenCV.
# multiprocessing re-runs the main script in every worker before the task; with kaigiroku.cli
# already loaded, running the `kaigiroku` script costs nothing (else ~25 ms per file for typer).
PRELOAD = ["kaigiroku.batch.preload", "kaigiroku.cli"]

_PR_SET_PDEATHSIG = 1


class LocalProcessExecutor:
    """Up to `jobs` worker processes on this machine, a fresh process per task.

    A process per task is what makes a single task killable: on timeout its whole process group
    (the worker and anything it started, such as tesseract) gets SIGKILL and the slot is reused.
    """

    name = "local"

    def __init__(self, jobs: int, timeout: float | None = None, memory_limit_mb: int | None = None,
                 preload: Iterable[str] = ()):
        self.jobs = max(1, int(jobs))
        self.timeout = timeout
        self.memory_limit_mb = memory_limit_mb
        self._context = multiprocessing.get_context("forkserver")
        # Only takes effect if this process has not started its fork server yet.
        self._context.set_forkserver_preload(PRELOAD + [m for m in preload if m not in PRELOAD])

    def map(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[tuple[T, R | Lost]]:
        pending = iter(tasks)
        running: dict[Connection, _Running] = {}
        exhausted = False
        try:
            while True:
                while not exhausted and len(running) < self.jobs:
                    task = next(pending, _NO_MORE)
                    if task is _NO_MORE:
                        exhausted = True
                        continue
                    try:
                        job = self._start(fn, task)
                    except OSError as e:  # no process to be had (fork: out of memory or pids)
                        yield task, Lost("WORKER_DIED", f"could not start a worker: {e.strerror or e}")
                        continue
                    running[job.conn] = job
                if not running:
                    return
                for job in self._wait(running):
                    del running[job.conn]
                    yield job.task, job.outcome
        finally:
            # Interrupted or closed early: nothing may keep running (or writing) behind our back.
            for job in running.values():
                job.kill()
                job.close()

    def _start(self, fn, task) -> "_Running":
        receive, send = self._context.Pipe(duplex=False)
        process = self._context.Process(target=_worker_main, args=(send, fn, task, self.memory_limit_mb),
                                        daemon=True)
        try:
            process.start()
        except BaseException:
            receive.close()
            raise
        finally:
            send.close()  # the worker holds the only send end: its death reads as end-of-file here
        deadline = time.monotonic() + self.timeout if self.timeout else None
        return _Running(task=task, process=process, conn=receive, deadline=deadline)

    def _wait(self, running: dict[Connection, "_Running"]) -> list["_Running"]:
        """Block until at least one job has finished (answered, died or timed out)."""
        while True:
            deadlines = [j.deadline for j in running.values() if j.deadline is not None]
            timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
            ready = wait(list(running), timeout=timeout)
            finished = []
            for conn in ready:
                job = running[conn]
                job.collect()
                finished.append(job)
            now = time.monotonic()
            for job in running.values():
                if job not in finished and job.deadline is not None and now >= job.deadline:
                    job.kill()
                    job.outcome = Lost("TIMEOUT", f"timed out after {self.timeout:g} s (worker killed)")
                    finished.append(job)
            for job in finished:
                job.close()
            if finished:
                return finished


_NO_MORE = object()


@dataclass(eq=False)
class _Running:
    task: Any
    process: Any
    conn: Connection
    deadline: float | None
    outcome: Any = None

    def collect(self) -> None:
        """The pipe is readable: either the answer arrived or the worker died without one."""
        try:
            kind, value = self.conn.recv()
        except (EOFError, OSError):
            self.process.join(5)
            self.outcome = _lost_from_exit(self.process.exitcode)
            return
        if kind == "ok":
            self.outcome = value
        else:  # the worker caught an exception fn let through; value is (code, reason)
            self.outcome = Lost(*value)

    def kill(self) -> None:
        pid = self.process.pid
        try:
            os.killpg(pid, signal.SIGKILL)  # the worker leads its own process group (see _worker_main)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            self.process.kill()  # in case it had not yet made its own group
        except (ProcessLookupError, OSError, ValueError):
            pass

    def close(self) -> None:
        self.process.join(5)  # a worker exits as soon as it has answered (or been killed)
        if self.process.exitcode is None:
            self.kill()
            self.process.join(5)
        self.conn.close()
        try:
            self.process.close()
        except ValueError:  # still not reaped: the fork server will reap it
            pass


def _lost_from_exit(exitcode: int | None) -> Lost:
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name
        hint = " (out of memory?)" if -exitcode == signal.SIGKILL else ""
        return Lost("WORKER_DIED", f"worker killed by {name}{hint}")
    return Lost("WORKER_DIED", f"worker exited with status {exitcode} without a result")


def _worker_main(conn: Connection, fn, task, memory_limit_mb: int | None) -> None:
    """Runs in the worker process: set up the safety limits, run fn once, send back what happened."""
    # Own process group: the engine can kill the worker with everything it spawned, and a Ctrl-C
    # typed at the terminal reaches only the engine, which decides what happens to workers.
    os.setpgid(0, 0)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _die_with_parent()
    if memory_limit_mb:
        limit = int(memory_limit_mb) * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    try:
        message = ("ok", fn(task))
    except MemoryError:
        message = ("lost", ("OUT_OF_MEMORY", f"ran out of memory (limit {memory_limit_mb} MiB)"
                            if memory_limit_mb else "ran out of memory"))
    except BaseException as e:  # fn should report its own failures; this is the last line of defence
        first_line = (str(e).strip().splitlines() or [""])[0][:300]
        message = ("lost", ("INTERNAL_ERROR", f"{type(e).__name__}: {first_line}".rstrip(": ")))
    try:
        conn.send(message)
    except MemoryError:
        conn.send(("lost", ("OUT_OF_MEMORY", "ran out of memory")))
    except Exception as e:  # a result that cannot be pickled
        conn.send(("lost", ("INTERNAL_ERROR", f"the result could not be sent back: {type(e).__name__}")))
    conn.close()
    # Leave now: a normal exit would wait for any thread a library left running.
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(0)


def _die_with_parent() -> None:
    """Linux: get SIGKILL when our parent dies, so a SIGKILLed batch leaves no orphans writing files.

    Our parent is the fork server, which exits as soon as the engine process is gone.
    """
    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)
