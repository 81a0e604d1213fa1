"""kaigiroku: Japanese meeting minutes (会議録) into clean, speaker-ordered turns."""
from __future__ import annotations

from pathlib import Path

from .errors import ExitCode, KaigirokuError
from .model import Break, Line, Minutes, Page, StreamLine, Turn

__version__ = "0.1.0"

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".tsv", ".csv"}
IMAGE_SUFFIXES = {".png", ".tif", ".tiff", ".jpg", ".jpeg", ".bmp", ".pnm", ".pbm", ".pgm", ".ppm", ".webp"}


def repair(text_or_path, roles=None, keep_width: bool = False, explain: bool = False) -> Minutes:
    """Badly extracted minutes text (a str, or a path to a text file) -> Minutes. With `explain`,
    each turn says why it starts there and why it has its speaker."""
    from .cleanup.pipeline import repair as _repair

    return _repair(text_or_path, roles=roles, keep_width=keep_width, explain=explain)


def convert(path, **options) -> Minutes:
    """Any supported input file -> Minutes, chosen by content: PDFs and images are ingested
    (`kaigiroku.ingest.ingest`: text pages by geometry, image pages by OCR), the rest repaired."""
    p = Path(path)
    from .cleanup.decode import sniff_kind

    kind = sniff_kind(p)
    if kind in ("pdf", "image"):
        from .ingest import ingest

        return ingest(p, **{k: v for k, v in options.items() if k in
                            ("ocr", "dpi", "lang", "roles", "keep_width", "jobs", "explain")})
    return repair(p, **{k: v for k, v in options.items() if k in ("roles", "keep_width", "explain")})


__all__ = ["repair", "convert", "Minutes", "Turn", "Line", "Page", "StreamLine", "Break",
           "ExitCode", "KaigirokuError"]
