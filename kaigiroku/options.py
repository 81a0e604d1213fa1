"""The options of one conversion, as one frozen, typed value.

Built once (by the command line, by `Options.build`, or by the public functions from their keyword
arguments) and handed unchanged through convert, ingest, repair and the batch workers. The roles are
loaded here, once, not on every label match. Each field's comment says what a user may tune.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from typing import Callable, Optional

from .errors import ExitCode, KaigirokuError

# auto: OCR pages without a usable text layer and pages whose OCR layer is poor; redo: also replace
# every OCR layer (invisible text over a page image), keeping born-digital text; always: every page
OCR_MODES = ("auto", "never", "always", "redo")

# Tesseract's jpn model with its Japanese script model beside it (Debian tesseract-ocr-script-jpan;
# left out, with a note, where it is not installed): Tesseract reads each word with jpn and retries
# the words it reads unsure with the script model, keeping the surer reading. jpn alone misreads
# some kanji of names at confidence 0 (智 as 留, 暫 or 斬) every time it meets them, so a speaker
# lost every label; on the bench the pair read those names right, for about a fifth more time a page
DEFAULT_LANG = "jpn+Japanese"


@dataclass(frozen=True)
class Options:
    """What to read and how; the tolerances users may tune are here, with their defaults."""

    roles: object = None  # cleanup.labels.Roles: the default role list plus a user's --roles file, loaded once
    keep_width: bool = False  # keep full-width/half-width characters as printed (no NFKC-style folding)
    ocr: str = "auto"  # see OCR_MODES; never fails on a scan
    dpi: int = 300  # PDF pages are rasterised at this resolution; an image file is taken to be at it
    reader: str = "pdfium"  # how text PDFs are read: pdfium (fast, the default) or pdfplumber (for comparison)
    lang: str = DEFAULT_LANG  # Tesseract language(s) and script models, "jpn", "jpn+Japanese" or "jpn+eng"
    jobs: Optional[int] = None  # OCR pages in parallel (None: the CPUs this process may use)
    pages: Optional[frozenset] = None  # 1-based page numbers to read (--pages 3-7,12); None: all
    page_timeout: Optional[float] = None  # seconds Tesseract may spend on one page's pass; None: 180
    low_confidence: float = 60.0  # warn when OCR'd text's mean confidence (0-100) is below this
    low_dpi: int = 200  # an image that yields no text, scanned below this many dpi, gets a resolution hint
    formats: tuple = ("text",)  # output formats (batch writes each)
    explain: bool = False  # each JSON turn says why it starts there and why it has its speaker
    bom: bool = True  # csv output opens with a UTF-8 BOM, so that Excel on Japanese Windows reads it
    stream_turns: bool = False  # repaired turns reach the writer as each window of the text is
    # assembled, read once (Minutes.turns is a cleanup.pipeline.StreamedTurns): never held whole
    progress: Optional[Callable] = field(default=None, compare=False, repr=False)  # progress(stage, done, total)
    # is told of each page read ("read") and OCR'd ("ocr"); it reports, it does not configure

    def __post_init__(self):
        if self.ocr not in OCR_MODES:
            raise ValueError(f"ocr must be one of {OCR_MODES}, not {self.ocr!r}")
        if self.roles is not None and not _is_roles(self.roles):
            from .cleanup.labels import as_roles

            object.__setattr__(self, "roles", as_roles(self.roles))  # a path or a list: loaded here, once
        if self.pages is not None and not isinstance(self.pages, frozenset):
            object.__setattr__(self, "pages", frozenset(self.pages))

    @classmethod
    def build(cls, **kwargs) -> "Options":
        """Options from keyword arguments, unknown names refused (a typo must not pass silently)."""
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(kwargs) - known)
        if unknown:
            raise TypeError(f"unknown option {unknown[0]!r}; known: {', '.join(sorted(known))}")
        if isinstance(kwargs.get("pages"), str):
            kwargs["pages"] = parse_pages(kwargs["pages"])
        return cls(**kwargs)

    def with_(self, **changes) -> "Options":
        return replace(self, **changes)


def from_call(options: Optional[Options], **legacy) -> Options:
    """The Options of a public-API call: `options=` as given, or built from the old keyword arguments
    (those left at None are not passed, so the defaults above apply)."""
    given = {k: v for k, v in legacy.items() if v is not None}
    if options is None:
        return Options.build(**given)
    return replace(options, **given) if given else options


def _is_roles(value) -> bool:
    from .cleanup.labels import Roles

    return isinstance(value, Roles)


_RANGE = re.compile(r"^\s*(\d+)\s*(?:[-–]\s*(\d+)\s*)?$")


def parse_pages(spec: str) -> frozenset:
    """'3-7,12' -> {3, 4, 5, 6, 7, 12}; a usage error for anything else."""
    pages: set[int] = set()
    for part in spec.split(","):
        m = _RANGE.match(part)
        if not m:
            raise KaigirokuError(f"--pages: cannot read {part.strip()!r}; write pages like 3-7,12", ExitCode.USAGE)
        first, last = int(m.group(1)), int(m.group(2) or m.group(1))
        if first < 1 or last < first:
            raise KaigirokuError(f"--pages: {part.strip()!r} is no range of pages (they count from 1)",
                                 ExitCode.USAGE)
        if last - first > 1_000_000:
            raise KaigirokuError(f"--pages: {part.strip()!r} is too long a range", ExitCode.USAGE)
        pages.update(range(first, last + 1))
    return frozenset(pages)


def tesseract_language_codes() -> frozenset:
    """Every language code Tesseract has a Debian package for (data/tesseract_languages.txt)."""
    text = resources.files("kaigiroku.data").joinpath("tesseract_languages.txt").read_text(encoding="utf-8")
    return frozenset(ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))


def debian_package(code: str) -> Optional[str]:
    """The Debian package holding Tesseract's data for `code` (chi_sim -> tesseract-ocr-chi-sim), or
    None when no such language exists."""
    code = code.strip()
    if code.lower() in tesseract_language_codes():
        return "tesseract-ocr-" + code.lower().replace("_", "-")
    return None

