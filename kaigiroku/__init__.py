"""kaigiroku: Japanese meeting minutes (会議録) into clean, speaker-ordered turns."""
from __future__ import annotations

from pathlib import Path

from .errors import ExitCode, KaigirokuError
from .model import Break, Line, Minutes, Page, StreamLine, Turn

__version__ = "0.1.0"

from .files import IMAGE_SUFFIXES, TEXT_SUFFIXES  # noqa: F401  (batch and older callers import them here)
from .options import Options


def repair(text_or_path, roles=None, keep_width: bool | None = None, explain: bool | None = None, *,
           options: Options | None = None) -> Minutes:
    """Badly extracted minutes text (a str, or a path to a text file) -> Minutes.

    `options` carries every setting (kaigiroku.Options); `roles`, `keep_width` and `explain` (each turn
    says why it starts there and why it has its speaker) are kept for callers and override it."""
    from .cleanup.pipeline import repair as _repair
    from .options import from_call

    opts = from_call(options, roles=roles, keep_width=keep_width, explain=explain)
    return _repair(text_or_path, roles=opts.roles, keep_width=opts.keep_width, explain=opts.explain,
                   stream_turns=opts.stream_turns)


def convert(path, options: Options | None = None, **legacy) -> Minutes:
    """Any supported input file -> Minutes, chosen by content (kaigiroku.files): PDFs and images are
    ingested (`kaigiroku.ingest.ingest`: text pages by geometry, image pages by OCR), the rest repaired.

    `options` is a kaigiroku.Options; keyword arguments (ocr, dpi, lang, roles, keep_width, jobs, ...)
    build one, as in earlier versions. An unknown keyword is an error, not ignored."""
    from .files import sniff
    from .options import from_call

    opts = from_call(options, **legacy)
    p = Path(path)
    if sniff(p, check_pixels=False, warn=False).kind in ("pdf", "image"):
        from .ingest import ingest

        return ingest(p, options=opts)
    return repair(p, options=opts)


__all__ = ["repair", "convert", "Minutes", "Turn", "Line", "Page", "StreamLine", "Break",
           "ExitCode", "KaigirokuError", "Options"]
