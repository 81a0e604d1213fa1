"""The batch's executor on a Ray cluster: one Ray task per file, anywhere in the cluster.

Ray is optional (`pip install 'kaigiroku[ray]'`) and imported only here, only when asked for.

What travels: a Task (paths and options, a few hundred bytes) to the worker; an Outcome (counts,
one-line reasons and the rendered outputs as bytes) back. Everything else stays with the engine
in the driver: resume decisions, the manifest, progress, the report and every write into OUTDIR.
Inputs are read by path, so they must lie where every node sees them under the same name (a
shared file system); OUTDIR needs to be seen by the driver alone.

Inside its Ray task a file is converted exactly as by the local executor: in a fresh process forked
for it (LocalProcessExecutor with one slot), under the same timeout and memory limit, killed with
everything it started when it overruns. So the per-file limits, the CPU and memory accounting and
the failure codes are the local ones; and since the clock starts when the task starts, time spent
queued in the cluster never counts against the timeout.

What Ray adds is the loss of a whole Ray worker or node. A task whose Ray worker died (killed,
its node lost) is submitted again, up to `retries` times; the reasons go into the manifest entry
and the report's `retried` list, and a file lost on every attempt is recorded as WORKER_DIED.
A conversion process that dies on its own (the kernel's OOM killer, a crash in a C library) is not
retried, as with the local executor: it would die again.
"""
from __future__ import annotations

import contextlib
import logging
import re
import socket
import sys
import time
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, TypeVar

from .. import IMAGE_SUFFIXES, __version__
from ..errors import ExitCode, KaigirokuError
from .executor import LocalProcessExecutor, Lost

T = TypeVar("T")
R = TypeVar("R")

INSTALL_HINT = "pip install 'kaigiroku[ray]'"
_MIB = 1024 * 1024


def import_ray():
    """The ray module, or a KaigirokuError (RAY_UNAVAILABLE) that says how to install it."""
    try:
        import ray
    except ImportError:
        raise KaigirokuError(f"--executor ray needs Ray, which is not installed: {INSTALL_HINT}",
                             ExitCode.RAY_UNAVAILABLE) from None
    return ray


class RayExecutor:
    """Runs batch tasks as Ray tasks on the cluster at `address` (see docs/batch.md).

    address: "auto" (the cluster started with `ray start` on this machine), "HOST:PORT" of the head
    node, or None: Ray's own choice (RAY_ADDRESS, else a cluster started on this machine, else a
    new single-machine Ray for this process). If Ray is initialised already, that connection is used.
    jobs: most files in flight at once; None: twice the cluster's CPUs (re-read as nodes come and
    go), so that every CPU has its next file waiting.
    resources: task -> Ray resource request (options of a Ray task); by default one CPU, and with a
    memory limit that much of Ray's `memory` resource, so Ray never places more files on a node than
    its memory holds. One CPU is all a file can use (tesseract runs one thread: see worker.py); an
    OCR'd file may ask for more of something else, e.g. a custom resource held only by the nodes
    with tesseract's Japanese data: `{"num_cpus": 1, "resources": {"ocr": 1}} if will_be_ocred(task)`.
    """

    name = "ray"

    def __init__(self, address: str | None = None, jobs: int | None = None, timeout: float | None = None,
                 memory_limit_mb: int | None = None, *, retries: int = 2,
                 resources: Callable[[Any], dict] | None = None, preload: Iterable[str] = (),
                 connect_timeout: float = 10.0):
        self._ray = import_ray()
        self.address = address
        self.jobs = max(1, int(jobs)) if jobs else None
        self.timeout = timeout
        self.memory_limit_mb = memory_limit_mb
        self.retries = max(0, int(retries))
        self.resources = resources or self.default_resources
        self.preload = list(preload)
        self._cpus = 0
        self._cpus_read = float("-inf")
        self._connect(connect_timeout)
        self._check_memory_fits()
        # Ray must not retry on its own: we count the retries, and say so in the report.
        self._remote = self._ray.remote(max_retries=0)(run_file)

    def default_resources(self, task) -> dict:
        request: dict = {"num_cpus": 1}
        if self.memory_limit_mb:
            request["memory"] = int(self.memory_limit_mb) * _MIB
        return request

    def _connect(self, connect_timeout: float) -> None:
        ray = self._ray
        if ray.is_initialized():
            return
        if self.address not in (None, "auto", "local"):
            _check_reachable(self.address, connect_timeout)
        try:
            # Ray's progress chatter and the workers' output stay in Ray's log files
            # (/tmp/ray/session_latest/logs): stderr belongs to the batch's progress and summary.
            ray.init(address=self.address, include_dashboard=False, log_to_driver=False,
                     logging_level=logging.ERROR)
        except ConnectionError as e:
            raise KaigirokuError(f"cannot connect to a Ray cluster ({self.address or 'default address'}): "
                                 f"{_first_line(e)}", ExitCode.RAY_UNAVAILABLE) from None
        except (ValueError, RuntimeError) as e:
            raise KaigirokuError(f"cannot start Ray: {_first_line(e)}", ExitCode.RAY_UNAVAILABLE) from None

    def _check_memory_fits(self) -> None:
        """Ray would hold a file asking more memory than any node has forever, without a word."""
        if not self.memory_limit_mb or self.resources != self.default_resources:
            return
        largest = max((node.get("Resources", {}).get("memory", 0) for node in self._ray.nodes()
                       if node.get("Alive")), default=0)
        if largest < self.memory_limit_mb * _MIB:
            raise KaigirokuError(f"--memory-limit {self.memory_limit_mb} MiB: no node of the Ray cluster "
                                 f"offers that much memory (largest: {largest // _MIB} MiB)", ExitCode.USAGE)

    def _window(self) -> int:
        if self.jobs:
            return self.jobs
        now = time.monotonic()
        if now - self._cpus_read > 10:  # nodes join and leave during a long batch
            self._cpus = int(self._ray.cluster_resources().get("CPU", 0))
            self._cpus_read = now
        return max(1, 2 * self._cpus)

    def map(self, fn: Callable[[T], R], tasks: Iterable[T]) -> Iterator[tuple[T, R | Lost]]:
        ray = self._ray
        fn_ref = ray.put(fn)  # sent to the object store once, not with every task
        pending = iter(tasks)
        running: dict[Any, _Attempt] = {}
        exhausted = False
        try:
            while True:
                while not exhausted and len(running) < self._window():
                    task = next(pending, _NO_MORE)
                    if task is _NO_MORE:
                        exhausted = True
                        continue
                    attempt = _Attempt(task)
                    running[self._submit(fn_ref, attempt)] = attempt
                if not running:
                    return
                refs = list(running)
                # A bounded wait: Ctrl-C and SIGTERM are handled between waits, and nodes that
                # joined meanwhile get work.
                ready, _ = _signal_safe(ray.wait, refs, num_returns=1, timeout=1.0)
                if ready and len(refs) > 1:  # and whatever else is finished by now, in one round trip
                    ready, _ = _signal_safe(ray.wait, refs, num_returns=len(refs), timeout=0)
                for ref in ready:
                    attempt = running.pop(ref)
                    result = self._collect(ref, attempt)
                    if result is None:  # its worker died: run it again
                        running[self._submit(fn_ref, attempt)] = attempt
                        continue
                    yield attempt.task, result
        finally:
            # Interrupted or closed early: nothing may go on running for this batch.
            for ref in running:
                try:
                    ray.cancel(ref, force=True)
                except Exception:  # finished meanwhile, or the cluster is gone: nothing to stop
                    pass

    def _submit(self, fn_ref, attempt: "_Attempt"):
        return self._remote.options(**self.resources(attempt.task)).remote(
            fn_ref, attempt.task, self.timeout, self.memory_limit_mb, self.preload, __version__)

    def _collect(self, ref, attempt: "_Attempt"):
        """The task's Outcome or Lost; None when it should run again because its Ray worker died."""
        ray, exceptions = self._ray, self._ray.exceptions
        try:
            result = _signal_safe(ray.get, ref)
        except _worker_lost_errors(exceptions) as e:
            attempt.lost.append(_lost_reason(e))
            if len(attempt.lost) <= self.retries:
                return None
            return Lost("WORKER_DIED", f"the Ray worker died on each of {len(attempt.lost)} attempts "
                                       f"({attempt.lost[-1]})", tuple(attempt.lost))
        except exceptions.TaskCancelledError:
            return Lost("WORKER_DIED", "the Ray task was cancelled", tuple(attempt.lost))
        except exceptions.RayError as e:  # run_file failed: most often the node cannot import something
            cause = getattr(e, "cause", None)
            what = _lost_reason(cause) if isinstance(cause, BaseException) else _lost_reason(e)
            return Lost("INTERNAL_ERROR", f"on a Ray worker: {what}", tuple(attempt.lost))
        if attempt.lost:
            if isinstance(result, Lost):
                result = Lost(result.code, result.reason, tuple(attempt.lost))
            else:
                result.retried = list(attempt.lost)
        return result


def _signal_safe(call, *args, **kwargs):
    """`call` (a blocking Ray call), letting through unchanged what a signal handler raised in it.

    An exception raised by a Python signal handler (the engine's SIGTERM handler, Ctrl-C) while
    Ray's compiled code waits comes out as a SystemError "returned a result with an exception set",
    with the real exception as its cause: the engine must see the real one to stop cleanly.
    """
    try:
        return call(*args, **kwargs)
    except SystemError as e:
        if isinstance(e.__cause__, BaseException) and not isinstance(e.__cause__, SystemError):
            raise e.__cause__ from None
        raise


def _worker_lost_errors(exceptions) -> tuple:
    """Ray's errors for a task whose Ray worker or node went away. OutOfMemoryError is Ray's memory
    monitor killing a worker on a node short of memory: not necessarily this file's fault."""
    names = ("WorkerCrashedError", "NodeDiedError", "ObjectLostError", "LocalRayletDiedError",
             "OutOfMemoryError")
    return tuple(getattr(exceptions, name) for name in names if hasattr(exceptions, name))


@dataclass(eq=False)
class _Attempt:
    task: Any
    lost: list = None  # reasons, one for each attempt whose worker died

    def __post_init__(self):
        self.lost = []


_NO_MORE = object()


def run_file(fn, task, timeout: float | None, memory_limit_mb: int | None, preload: list[str],
             driver_version: str = __version__):
    """The Ray task: `fn(task)` in a process of its own, exactly as the local executor runs it.

    Ray reuses its worker processes, so the file needs one of its own for the timeout to be able to
    kill it with everything it started, for a memory limit that applies to this file alone, and
    for CPU and peak-memory figures that are this file's. The fork server behind it is started once
    per Ray worker and kept, so the converters are imported once per Ray worker, not per file.
    """
    if driver_version != __version__:  # the manifest would credit this node's output to another version
        return Lost("INTERNAL_ERROR", f"this Ray node has kaigiroku {__version__}, the driver {driver_version}: "
                                      "install the same version on every node")
    executor = LocalProcessExecutor(1, timeout, memory_limit_mb, preload=preload)
    with _main_script_not_rerun():
        for _task, result in executor.map(fn, [task]):
            return result
    return Lost("INTERNAL_ERROR", "no result from the conversion process")


@contextlib.contextmanager
def _main_script_not_rerun():
    """multiprocessing runs the parent's main script again in every process it starts (see PRELOAD
    in executor.py). In a Ray worker that script is Ray's own worker, whose imports would cost each
    file 0.7 s of CPU and 50 MiB; the conversion process needs only what the task names."""
    main = sys.modules.get("__main__")
    saved = {name: main.__dict__[name] for name in ("__file__", "__spec__") if name in main.__dict__} \
        if main is not None else {}
    for name in saved:
        if name == "__spec__":
            main.__spec__ = None
        else:
            del main.__dict__[name]
    try:
        yield
    finally:
        main.__dict__.update(saved)


def will_be_ocred(task) -> bool:
    """A hint for resource requests: images are always OCR'd, and everything is under --ocr always.
    (A PDF under --ocr auto is known only once it is opened.)"""
    source = str(getattr(task, "source", ""))
    return (getattr(task, "options", {}) or {}).get("ocr") == "always" or \
        any(source.lower().endswith(suffix) for suffix in IMAGE_SUFFIXES)


def _check_reachable(address: str, timeout: float) -> None:
    """Fail in seconds, with one line, where Ray would retry an unreachable address for minutes."""
    host, _, port = address.rpartition(":")
    if "://" in address or not host or not port.isdigit():
        raise KaigirokuError(f"--ray-address must be auto or HOST:PORT, not {address!r}", ExitCode.USAGE)
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout):
            pass
    except OSError as e:
        reason = e.strerror or type(e).__name__
        raise KaigirokuError(f"cannot reach the Ray cluster at {address}: {reason}",
                             ExitCode.RAY_UNAVAILABLE) from None


def _lost_reason(e: BaseException) -> str:
    return f"{type(e).__name__}: {_first_line(e)}"


_ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


def _first_line(e: BaseException) -> str:
    lines = [line.strip() for line in _ANSI_ESCAPE.sub("", str(e)).splitlines() if line.strip()]
    line = lines[0] if lines else type(e).__name__
    return line if len(line) <= 200 else line[:199] + "…"
