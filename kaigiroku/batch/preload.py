"""Imported once by the fork server that worker processes are forked from (see executor.py), never
by the engine itself: everything loaded here is shared by every worker instead of loaded per file.

Guarded throughout: the fork server survives only ImportError from a preloaded module, and a
converter that fails to load must fail its files one by one, with a reason, not the whole batch.
"""
from __future__ import annotations

import contextlib

from . import worker  # noqa: F401  (what every worker runs)

# Not kaigiroku.ingest itself: importing that package rebinds the name `kaigiroku.ingest` from the
# function to the package, which breaks kaigiroku.convert for PDFs. Its heavy dependencies are
# what take the time anyway (~0.2 s per worker otherwise).
for _module in ("kaigiroku.cleanup.pipeline", "kaigiroku.cleanup.decode",
                "pdfplumber", "pypdfium2", "numpy", "cv2", "PIL.Image", "pytesseract"):
    with contextlib.suppress(Exception):
        __import__(_module)

# The first repair fills caches (label patterns, tables) worth ~50 ms: fill them once, here.
with contextlib.suppress(Exception):
    from .. import repair

    repair("○議長（山田太郎君）　ただいまから会議を開きます。")
