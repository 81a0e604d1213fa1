"""Stand-in conversion functions for the batch engine tests.

They live in their own light module because worker processes import them by name (functions given
to the batch must be picklable), and importing a whole test module in every worker would be slow.
A file's first word says how the fake conversion behaves; anything else converts normally.
"""
from __future__ import annotations

import os
import signal
import time
from pathlib import Path

from kaigiroku.errors import EncryptedPdfError
from kaigiroku.model import Minutes, Turn


def fake_convert(path, **options) -> Minutes:
    text = Path(path).read_text(encoding="utf-8", errors="replace").strip()
    first = text.split()[0] if text else ""
    if first == "SLEEP":  # a converter stuck on one file
        time.sleep(120)
    elif first == "KILLED":  # what the kernel's OOM killer does to a worker
        os.kill(os.getpid(), signal.SIGKILL)
    elif first == "BOOM":  # a converter bug
        raise RuntimeError("converter bug\nwith a second line")
    elif first == "ENCRYPTED":
        raise EncryptedPdfError("the PDF is encrypted")
    elif first == "DENIED":
        raise PermissionError(13, "Permission denied", str(path))
    elif first == "HOG":  # far more memory than the limit allows
        blob = bytearray(8 << 30)
        del blob
    elif first == "SLOW":
        time.sleep(float(text.split()[1]))
    return Minutes(turns=[Turn(kind="speech", speaker="議長", text=text)], pages=2, ocr_pages=1,
                   source=str(path))


def pid_convert(path, **options) -> Minutes:
    """Records the worker's process id and the conversion options it was given."""
    return Minutes(turns=[Turn(kind="note", text=f"{os.getpid()} {sorted(options.items())}")], pages=1)
