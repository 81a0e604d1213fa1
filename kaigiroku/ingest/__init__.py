"""PDF or image file -> Minutes: text pages read by geometry, image pages by OCR.

    check_file -> read_pages (pdf.py per page, ocr.py for pages without a usable text layer)
               -> layout.pages_to_stream (furniture.py, columns.py) -> cleanup.assemble
"""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import (EmptyDocumentError, KaigirokuError, MissingFileError, NoTextLayerError, NotAFileError,
                      NotAPdfError, OcrUnavailableError, PermissionDeniedError)
from ..model import Minutes, Page
from .layout import pages_to_stream
from .pdf import classify_error, needs_ocr, open_pdf, read_page

IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*", b"\xff\xd8\xff")
OCR_MODES = ("auto", "never", "always")


def check_file(path: Path) -> str:
    """'pdf' or 'image', judged by the file's first bytes (its name may lie), else an InputError."""
    if not path.exists():
        raise MissingFileError(f"no such file: {path}")
    if not path.is_file():
        raise NotAFileError(f"not a file: {path}")
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
    except PermissionError:
        raise PermissionDeniedError(f"permission denied: {path}") from None
    except OSError as e:
        raise NotAFileError(f"cannot read {path}: {e.strerror or e}") from None
    if not head:
        raise EmptyDocumentError(f"empty file: {path}")
    if head.startswith(IMAGE_MAGIC):
        return "image"
    # the PDF header may follow a little junk (mail or HTTP debris); readers look in the first 1 KB
    if b"%PDF-" not in head:
        raise NotAPdfError(f"not a PDF (no %PDF header): {path}")
    return "pdf"


def _ocr():
    try:
        from . import ocr
    except ImportError as e:  # pragma: no cover - depends on the installation
        raise OcrUnavailableError(f"OCR is not available: {e}") from None
    return ocr


def read_pages(path: Path, ocr: str = "auto", dpi: int = 300, lang: str = "jpn",
               jobs: int | None = None, only=None) -> tuple[list[Page], int]:
    """All pages of a PDF as Pages of positioned lines, and how many were OCR'd.

    Each pdfplumber page is closed as soon as its lines are read, so memory does not grow with
    the page count; OCR pages are done together at the end (in parallel). With `only` (page
    numbers), other pages are read from their text layer but never OCR'd (left empty if they need it).
    """
    pages: list[Page] = []
    to_ocr: list[int] = []
    with open_pdf(path) as pdf:
        try:
            plumber_pages = pdf.pages
        except KaigirokuError:
            raise
        except Exception as e:
            raise classify_error(e, path) from None
        if not plumber_pages:
            raise EmptyDocumentError(f"the PDF has no pages: {path}")
        for number, pp in enumerate(plumber_pages, start=1):
            try:
                if only is not None and number not in only:
                    page = read_page(pp, number)
                    if needs_ocr(page):
                        page.lines = []
                elif ocr == "always":
                    page = Page(number=number, width=float(pp.width), height=float(pp.height), source="ocr")
                    to_ocr.append(number)
                else:
                    page = read_page(pp, number)
                    if needs_ocr(page):
                        if ocr == "never":
                            raise NoTextLayerError(f"page {number} has no usable text layer (a scan?); "
                                                   f"use --ocr auto: {path}")
                        to_ocr.append(number)
            except KaigirokuError:
                raise
            except Exception as e:
                raise classify_error(e, f"{path}, page {number}") from None
            finally:
                pp.close()  # drop the page's parsed objects and layout cache
            pages.append(page)
    if to_ocr:
        done = {p.number: p for p in _ocr().ocr_pdf_pages(path, to_ocr, dpi=dpi, lang=lang, jobs=jobs)}
        pages = [done.get(p.number, p) for p in pages]
    return pages, len(to_ocr)


def ingest(path, ocr: str = "auto", dpi: int = 300, lang: str = "jpn", roles=None, keep_width: bool = False,
           jobs: int | None = None, explain: bool = False) -> Minutes:
    """A PDF (text or scanned) or an image file -> Minutes."""
    from ..cleanup.assemble import assemble

    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {OCR_MODES}, not {ocr!r}")
    path = Path(os.fspath(path))
    kind = check_file(path)
    if kind == "image":
        if ocr == "never":
            raise NoTextLayerError(f"an image has no text layer; use --ocr auto: {path}")
        pages = _ocr().ocr_image_file(path, dpi=dpi, lang=lang, jobs=jobs)
        n_ocr = len(pages)
    else:
        pages, n_ocr = read_pages(path, ocr, dpi, lang, jobs)
    if not any(p.lines for p in pages):
        raise EmptyDocumentError(f"no text found on any page: {path}")
    stream = pages_to_stream(pages, roles=roles)
    minutes = assemble(stream, roles=roles, keep_width=keep_width, explain=explain)
    if n_ocr:
        from ..cleanup.names import settle_misread_names

        settle_misread_names(minutes.turns, minutes.meta.get("attendees", []), roles)
    minutes.source = str(path)
    minutes.pages = len(pages)
    minutes.ocr_pages = n_ocr
    return minutes


__all__ = ["ingest", "read_pages", "check_file", "pages_to_stream"]
