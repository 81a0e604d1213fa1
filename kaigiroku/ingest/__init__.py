"""PDF or image file -> Minutes: text pages read by geometry, image pages by OCR.

    check_file -> read_pages (pdf.py per page; ocr.py for pages without a usable text layer, and for
                  pages whose OCR layer is poor (ocrlayer.py) or, under --ocr redo, any OCR layer)
               -> layout.pages_to_stream (furniture.py, columns.py) -> cleanup.assemble
"""
from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path

from .. import files

from ..errors import (EmptyDocumentError, InputError, KaigirokuError, NoTextLayerError, NotAPdfError,
                      OcrUnavailableError)
from ..model import Minutes, Page
from . import ocrlayer
from .layout import pages_to_stream, read_stream
from .pdf import DEFAULT_READER, READERS, classify_error, needs_ocr, open_reader

from ..options import DEFAULT_LANG, OCR_MODES  # noqa: E402

log = logging.getLogger("kaigiroku")


def check_file(path: Path) -> str:
    """'pdf' or 'image', judged by the file's content (kaigiroku.files: its name may lie), else an
    InputError: missing, not a file, too large an image, not a PDF."""
    if not files.read_head(path):
        raise EmptyDocumentError(f"empty file: {path}")
    kind = files.sniff(path).kind
    if kind == "pdf" and files.PDF_MAGIC not in files.read_head(path):
        raise NotAPdfError(f"not a PDF (no %PDF header): {path}")
    if kind == "text":
        if files.SUFFIX_KIND.get(path.suffix.lower()) == "text" or not path.suffix:
            raise NotAPdfError(f"a text file, not a PDF or image: {path}; use `kaigiroku repair` for text "
                               f"(or `kaigiroku convert`, which takes any input)")
        raise NotAPdfError(f"not a PDF (no %PDF header): {path}")
    return kind


@contextlib.contextmanager
def _closing_quietly(pdf):
    """(i14) pdfplumber's close() parses the page tree again; on a damaged PDF it raises anew and would
    replace the clear error already raised."""
    try:
        yield pdf
    finally:
        with contextlib.suppress(Exception):
            pdf.close()


def _ocr():
    try:
        from . import ocr
    except ImportError as e:  # pragma: no cover - depends on the installation
        raise OcrUnavailableError(f"OCR is not available: {e}") from None
    return ocr


def read_pages(path: Path, ocr: str = "auto", dpi: int = 300, lang: str = DEFAULT_LANG,
               jobs: int | None = None, only=None, select=None, progress=None,
               page_timeout: float | None = None, reader: str = DEFAULT_READER,
               warnings: list[str] | None = None) -> tuple[list[Page], int]:
    """All pages of a PDF as Pages of positioned lines, and how many were OCR'd.

    `reader` ("pdfium" or "pdfplumber", see pdf.py) finds each page's characters; each page is closed
    as soon as its lines are read, so memory does not grow with the page count; OCR pages are done
    together at the end (in parallel). With `only` (page numbers), other pages are read from their
    text layer but never OCR'd (left empty if they need it). With `select` (page numbers, --pages),
    other pages are not read at all. `progress(stage, done, total)` is told of each page read ("read")
    and OCR'd ("ocr"). Each text layer read again by OCR is reported, one line a page, in `warnings`.
    """
    pages: list[Page] = []
    to_ocr: list[int] = []
    judged: list[Page] = []  # text pages over a page image: their layer may be an OCR program's
    with _closing_quietly(open_reader(path, reader)) as pdf:
        count = len(pdf)
        if not count:
            raise EmptyDocumentError(f"the PDF has no pages: {path}")
        if select is not None and max(select) > count:
            raise InputError(f"--pages asks for page {max(select)}, but the PDF has {count}: {path}")
        total = len(select) if select is not None else count
        for pp in pdf:
            number = pp.number
            if select is not None and number not in select:
                pp.close()
                continue
            try:
                if only is not None and number not in only:
                    page = pp.read()
                    if needs_ocr(page):
                        page.lines = []
                elif ocr == "always":
                    page = Page(number=number, width=pp.width, height=pp.height, source="ocr")
                    to_ocr.append(number)
                else:
                    page = pp.read()
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
            if progress:
                progress("read", len(pages), total)
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
        extra = {"progress": progress} if progress else {}
        if page_timeout:
            extra["timeout"] = page_timeout
        done = {p.number: p for p in _ocr().ocr_pdf_pages(path, to_ocr, dpi=dpi, lang=lang, jobs=jobs, **extra)}
        pages = [done.get(p.number, p) for p in pages]
    return pages, len(to_ocr)


def ingest(path, ocr: str | None = None, dpi: int | None = None, lang: str | None = None, roles=None,
           keep_width: bool | None = None, jobs: int | None = None, reader: str | None = None,
           explain: bool | None = None, *,
           options=None) -> Minutes:
    """A PDF (text or scanned) or an image file -> Minutes.

    `options` (kaigiroku.options.Options) carries every setting; the keyword arguments are kept for
    callers of earlier versions and override it."""
    from ..cleanup.assemble import assemble
    from ..options import from_call

    if ocr is not None and ocr not in OCR_MODES:
        raise ValueError(f"ocr must be one of {OCR_MODES}, not {ocr!r}")
    opts = from_call(options, ocr=ocr, dpi=dpi, lang=lang, roles=roles, keep_width=keep_width, jobs=jobs,
                     reader=reader, explain=explain)
    roles = opts.roles
    if opts.reader not in READERS:
        raise ValueError(f"reader must be one of {READERS}, not {opts.reader!r}")
    path = Path(os.fspath(path))
    kind = check_file(path)
    notes: list[str] = []
    if kind == "image":
        if opts.ocr == "never":
            raise NoTextLayerError(f"an image has no text layer; use --ocr auto: {path}")
        extra = {"progress": opts.progress} if opts.progress else {}
        if opts.page_timeout:
            extra["timeout"] = opts.page_timeout
        if opts.pages is not None:  # (i14) only the frames asked for are OCR'd
            from .raster import image_frame_count

            frames = image_frame_count(path)
            if max(opts.pages) > frames:
                raise InputError(f"--pages asks for page {max(opts.pages)}, but the image has {frames}: {path}")
            extra["pages"] = sorted(opts.pages)
        pages = _ocr().ocr_image_file(path, dpi=opts.dpi, lang=opts.lang, jobs=opts.jobs, **extra)
        n_ocr = len(pages)
    else:
        pages, n_ocr = read_pages(path, opts.ocr, opts.dpi, opts.lang, opts.jobs, select=opts.pages,
                                  progress=opts.progress, page_timeout=opts.page_timeout, reader=opts.reader,
                                  warnings=notes)
    if not any(p.lines for p in pages) and kind != "image" and opts.reader != "pdfplumber":
        # PDFium reads around damage without a word: pdfplumber names the damage if there is one
        read_pages(path, "never" if opts.ocr == "never" else "auto", opts.dpi, opts.lang, opts.jobs,
                   only=set(), select=opts.pages, reader="pdfplumber")
    if not any(p.lines for p in pages):
        raise EmptyDocumentError(f"no text found on any page: {path}" + (_resolution_hint(path, opts)
                                                                         if kind == "image" else ""))
    if n_ocr:
        _warn_low_confidence(pages, path, opts.low_confidence)
        from ..cleanup.ocrfix import settle_labels

        settle_labels(pages, roles)  # labels OCR damaged, settled by the document's clean ones
    stream, vocabulary = read_stream(pages, roles=roles)
    minutes = assemble(stream, roles=vocabulary if vocabulary is not None else roles,
                       keep_width=opts.keep_width, explain=opts.explain)
    if n_ocr:
        from ..cleanup.names import settle_misread_names
        from ..cleanup.ocrfix import ReadingConfidence

        settle_misread_names(minutes.turns, minutes.meta.get("attendees", []), roles,
                             ReadingConfidence.of_pages(pages))
    minutes.source = str(path)
    minutes.pages = len(pages)
    minutes.ocr_pages = n_ocr
    minutes.warnings.extend(notes)
    return minutes


# (i14) hints when OCR reads nothing, or reads what is probably garbage
A4_WIDTH_INCHES = 8.27


def _resolution_hint(path: Path, opts) -> str:
    """Text scanned at too low a resolution is too small for Tesseract: say so, with the figures."""
    from PIL import Image

    try:
        with Image.open(path) as im:
            width, stored = im.size[0], im.info.get("dpi")
    except Exception:  # the image was read once already; a hint is not worth a second error
        return ""
    scanned_at = float(stored[0]) if stored and stored[0] and stored[0] > 1 else width / A4_WIDTH_INCHES
    if scanned_at >= opts.low_dpi:
        return ""
    how = "as stored in the file" if stored and stored[0] > 1 else "for an A4 page"
    return (f" (the image is {width} pixels wide, about {scanned_at:.0f} dpi {how}; OCR needs text "
            f"scanned at 300 dpi or more: rescan it, or enlarge the image)")


def _warn_low_confidence(pages: list[Page], path: Path, threshold: float) -> None:
    lines = [ln for p in pages if p.source == "ocr" for ln in p.lines if ln.conf is not None]
    chars = sum(len(ln.text) for ln in lines)
    if not chars:
        return
    mean = sum(ln.conf * len(ln.text) for ln in lines) / chars
    if mean < threshold:
        log.warning("%s: OCR confidence is low (%.0f of 100): the text may be garbage; check the scan "
                    "(resolution, --dpi) and the language (--lang)", path, mean)


__all__ = ["ingest", "read_pages", "check_file", "pages_to_stream"]
