"""PDF or image file -> Minutes: text pages read by geometry, image pages by OCR.

    check_file -> read_pages (pdf.py per page; ocr.py for pages without a usable text layer, and for
                  pages whose OCR layer is poor (ocrlayer.py) or, under --ocr redo, any OCR layer)
               -> layout.pages_to_stream (furniture.py, columns.py) -> cleanup.assemble
"""
from __future__ import annotations

import os
from pathlib import Path

from ..errors import (EmptyDocumentError, KaigirokuError, MissingFileError, NoTextLayerError, NotAFileError,
                      NotAPdfError, OcrUnavailableError, PermissionDeniedError)
from ..model import Minutes, Page
from . import ocrlayer
from .layout import pages_to_stream
from .pdf import classify_error, needs_ocr, open_pdf, read_page

IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*", b"\xff\xd8\xff")
# auto: OCR pages without a usable text layer and pages whose OCR layer is poor; redo: also replace
# every OCR layer (invisible text over a page image), keeping born-digital text; always: every page
OCR_MODES = ("auto", "never", "always", "redo")


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
               jobs: int | None = None, only=None, warnings: list[str] | None = None) -> tuple[list[Page], int]:
    """All pages of a PDF as Pages of positioned lines, and how many were OCR'd.

    Each pdfplumber page is closed as soon as its lines are read, so memory does not grow with
    the page count; OCR pages are done together at the end (in parallel). With `only` (page
    numbers), other pages are read from their text layer but never OCR'd (left empty if they need it).
    Each text layer read again by OCR is reported, one line a page, in `warnings`.
    """
    pages: list[Page] = []
    to_ocr: list[int] = []
    judged: list[Page] = []  # text pages over a page image: their layer may be an OCR program's
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
                    elif ocr in ("auto", "redo") and getattr(page, "image_cover", 0.0) >= ocrlayer.MIN_IMAGE:
                        judged.append(page)
            except KaigirokuError:
                raise
            except Exception as e:
                raise classify_error(e, f"{path}, page {number}") from None
            finally:
                pp.close()  # drop the page's parsed objects and layout cache
            pages.append(page)
    if judged:
        shares = ocrlayer.invisible_shares(path, [p.number for p in judged])
        for page in judged:
            verdict = ocrlayer.judge(page, shares.get(page.number, 0.0))
            if verdict.poor or (ocr == "redo" and verdict.ocr_layer):
                to_ocr.append(page.number)
                why = "a poor OCR layer" if verdict.poor else "an OCR layer (--ocr redo)"
                if warnings is not None:
                    warnings.append(f"page {page.number}: text layer read again by OCR: {why} "
                                    f"({verdict.reason()})")
        to_ocr.sort()
    if to_ocr:
        done = {p.number: p for p in _ocr().ocr_pdf_pages(path, to_ocr, dpi=dpi, lang=lang, jobs=jobs)}
        pages = [done.get(p.number, p) for p in pages]
    return pages, len(to_ocr)


def ingest(path, ocr: str = "auto", dpi: int = 300, lang: str = "jpn", roles=None, keep_width: bool = False,
           jobs: int | None = None) -> Minutes:
    """A PDF (text or scanned) or an image file -> Minutes."""
    from ..cleanup.assemble import assemble

    if ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {OCR_MODES}, not {ocr!r}")
    path = Path(os.fspath(path))
    kind = check_file(path)
    notes: list[str] = []
    if kind == "image":
        if ocr == "never":
            raise NoTextLayerError(f"an image has no text layer; use --ocr auto: {path}")
        pages = _ocr().ocr_image_file(path, dpi=dpi, lang=lang, jobs=jobs)
        n_ocr = len(pages)
    else:
        pages, n_ocr = read_pages(path, ocr, dpi, lang, jobs, warnings=notes)
    if not any(p.lines for p in pages):
        raise EmptyDocumentError(f"no text found on any page: {path}")
    if n_ocr:
        from ..cleanup.ocrfix import settle_labels

        settle_labels(pages, roles)  # labels OCR damaged, settled by the document's clean ones
    stream = pages_to_stream(pages, roles=roles)
    minutes = assemble(stream, roles=roles, keep_width=keep_width)
    if n_ocr:
        from ..cleanup.names import settle_misread_names

        settle_misread_names(minutes.turns, minutes.meta.get("attendees", []), roles)
    minutes.source = str(path)
    minutes.pages = len(pages)
    minutes.ocr_pages = n_ocr
    minutes.warnings.extend(notes)
    return minutes


__all__ = ["ingest", "read_pages", "check_file", "pages_to_stream"]
