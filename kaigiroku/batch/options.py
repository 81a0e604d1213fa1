"""What a batch run was asked to do, and which of it decides the content of an output."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

# Output file suffix for each format; `x.pdf` gives `x.pdf.txt`, `x.pdf.json`, ... (the writers' registry)
from ..options import DEFAULT_LANG
from ..writers import SUFFIX as OUTPUT_SUFFIX


@dataclass
class BatchOptions:
    """A batch run: the conversion settings (see kaigiroku.options.Options) plus how to run it."""

    formats: list[str] = field(default_factory=lambda: ["text"])
    jobs: int = 1
    timeout: float | None = 600.0  # seconds before a file's worker is killed
    force: bool = False
    ocr: str = "auto"
    dpi: int = 300
    lang: str = DEFAULT_LANG
    roles: str | None = None  # path of an extra speaker-roles file
    keep_width: bool = False
    bom: bool = True  # csv outputs open with a UTF-8 BOM
    memory_limit_mb: int | None = None  # address-space limit per worker (RLIMIT_AS); None: no limit
    reader: str = "pdfium"  # PDF character source: "pdfium" or "pdfplumber" (same output, pdfium faster)

    def conversion(self, roles=None):
        """The kaigiroku.Options each worker converts with (`roles` already loaded: once per batch).
        OCR runs one page at a time within a file: the parallelism is across files."""
        from ..options import Options

        return Options(ocr=self.ocr, dpi=self.dpi, lang=self.lang, roles=roles, keep_width=self.keep_width,
                       jobs=1, formats=tuple(self.formats), bom=self.bom, reader=self.reader)

    def __post_init__(self):
        unknown = [f for f in self.formats if f not in OUTPUT_SUFFIX]
        if unknown:
            raise ValueError(f"unknown format {unknown[0]!r}; choose from {', '.join(OUTPUT_SUFFIX)}")
        # Several -f of the same format would only write the same file twice.
        self.formats = list(dict.fromkeys(self.formats)) or ["text"]


def output_fingerprint(opts: BatchOptions) -> dict:
    """The options that change what an output contains, recorded per file in the manifest.

    A file done under other values is redone. The roles file counts by its content, not its name;
    the kaigiroku version counts because a new version may convert the same input differently.
    Formats are not here: each requested format simply has to exist as an output.
    """
    from .. import __version__

    roles_sha256 = None
    if opts.roles:
        roles_sha256 = hashlib.sha256(Path(opts.roles).read_bytes()).hexdigest()
    return {"kaigiroku": __version__, "ocr": opts.ocr, "dpi": opts.dpi, "lang": opts.lang,
            "keep_width": opts.keep_width, "bom": opts.bom, "roles_sha256": roles_sha256}
