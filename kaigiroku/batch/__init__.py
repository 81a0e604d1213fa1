"""Batch conversion of whole archives: parallel, resumable, atomic, with a report.

Modules, in the order a run uses them: options (what was asked), scan (inputs and output names),
outdir (lock, leftover temporary files), manifest (what is done), executor (the seam that spreads
work over processes; preload is what its workers start with), worker (one file), report and
progress. engine.run_batch ties them together. See docs/batch.md.
"""
from .engine import run_batch
from .executor import Executor, LocalProcessExecutor, Lost
from .options import BatchOptions

__all__ = ["run_batch", "BatchOptions", "Executor", "LocalProcessExecutor", "Lost"]
