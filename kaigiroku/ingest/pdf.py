"""A PDF's text layer -> Pages of positioned lines, rebuilt from character boxes.

Two readers find the characters, rules and images of a page (`PageMarks`): PDFium through pypdfium2
(pdfium_chars.py, the default, in C) and pdfplumber (pdfminer.six, in Python, for comparison and
for anything PDFium cannot give). Both feed one path: `build_page` drops what is not body text
(rotated or off-page glyphs, artifact-tagged furniture), and geometry.fragments groups the rest by
baseline, sorted by x: content-stream order is never used, so a label column drawn after the body,
or a page drawn bottom-up, reads the same as any other. Within a baseline, a gap of about a
character or more ends a fragment (one `Line`): table cells and letter-spaced labels come out as
separate fragments for layout.py to put together.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..errors import CorruptPdfError, EncryptedPdfError, PermissionDeniedError
from ..model import Line, Page
from .geometry import Chars, Rule, fragments

READERS = ("pdfium", "pdfplumber")
DEFAULT_READER = "pdfium"
MIN_RULE = 8.0  # shorter strokes are glyph decoration, not table rulings
MAX_RULES = 2000  # a page of vector art is not a table
# pages read from one opening of a document by PDFium (see PdfiumDocument): each opening keeps about
# 0.2 MB a page (50 MB at most), and each loads the document's fonts again (with many embedded subset
# fonts, as long as reading five pages: a twentieth of the time at one opening every 100 pages)
REOPEN_EVERY = 250
ARTIFACT_SHARE = 0.2  # some writers tag everything as an artifact: then the tag says nothing

# unmapped glyphs: pdfminer prints (cid:123); PDFium hands on the raw character code, a control character
_UNMAPPED = re.compile(r"\(cid:\d+\)|[\ufffd\ue000-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# the same characters alone: a pattern that opens with a set is scanned for it in C, where the
# alternation above is tried at every position (looked for first, as most pages have none)
_UNMAPPED_CHAR = re.compile(r"[\ufffd\ue000-\uf8ff\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACE = re.compile(r"\s+")


@dataclass
class PdfPage(Page):
    """A text-layer page: its lines plus the ruled lines drawn on it (table row separators)."""

    rules: list[Rule] = field(default_factory=list)
    image_cover: float = 0.0  # share of the page area covered by images
    has_marks: bool = False  # anything drawn at all: text, images or vector paths
    # share of the page's characters drawn invisibly (render mode 3 or 7: an OCR layer's text);
    # None when the reader cannot see render modes (pdfplumber)
    invisible: float | None = None


@dataclass
class PageMarks:
    """What a reader finds on a page, before any grouping: characters, rules, images."""

    number: int
    width: float
    height: float
    chars: Chars
    rules: list[Rule]
    image_cover: float
    has_marks: bool


def build_page(marks: PageMarks) -> PdfPage:
    """The one path from a reader's marks to a PdfPage of fragments, whichever reader found them."""
    c, width, height = marks.chars, marks.width, marks.height
    on_page = c.upright & (c.x1 > 0) & (c.x0 < width) & (c.bottom > 0) & (c.top < height) & (c.size >= 1)
    chars = c.take(on_page)
    invisible = None
    if chars.invisible is not None:
        invisible = float(chars.invisible.mean()) if len(chars) else 0.0
    # Tagged PDFs (Word, Acrobat) mark running headers and page numbers as artifacts; trust the tag
    # only when it is rare, since some writers tag everything.
    furniture: list[Line] = []
    n_artifact = int(chars.artifact.sum())
    if n_artifact and n_artifact < ARTIFACT_SHARE * len(chars):
        furniture = fragments(chars.take(chars.artifact), marks.number)
        chars = chars.take(~chars.artifact)
    return PdfPage(number=marks.number, width=width, height=height, lines=fragments(chars, marks.number),
                   source="text", furniture=furniture, rules=marks.rules, image_cover=marks.image_cover,
                   has_marks=marks.has_marks, invisible=invisible)


def rules_of(lines, rects) -> list[Rule]:
    """Ruled lines from painted shapes (boxes, origin top-left): stroked lines, thin rects, and the
    edges of boxes (table cell borders)."""
    out: list[Rule] = []
    for x0, top, x1, bottom in lines:
        r = Rule(x0, top, x1, bottom)
        if min(r.x1 - r.x0, r.bottom - r.top) <= 2 and max(r.x1 - r.x0, r.bottom - r.top) >= MIN_RULE:
            out.append(r)
    for x0, top, x1, bottom in rects:
        if bottom - top <= 2 or x1 - x0 <= 2:
            if max(x1 - x0, bottom - top) >= MIN_RULE:
                out.append(Rule(x0, top, x1, bottom))
            continue
        out += [Rule(x0, top, x1, top), Rule(x0, bottom, x1, bottom), Rule(x0, top, x0, bottom), Rule(x1, top, x1, bottom)]
        if len(out) > MAX_RULES:
            return []
    return out


def image_cover(boxes, width: float, height: float) -> float:
    area = sum(max(0.0, min(x1, width) - max(x0, 0)) * max(0.0, min(bottom, height) - max(top, 0))
               for x0, top, x1, bottom in boxes)
    return min(area / (width * height or 1), 1.0)


# ----------------------------------------------------------------------------- opening

def open_reader(path: Path, reader: str = DEFAULT_READER):
    """The PDF at `path` opened by `reader` ("pdfium" or "pdfplumber"), open failures turned into
    kaigiroku's errors. A context manager; iterating it gives each page's SourcePage in order."""
    if reader not in READERS:
        raise ValueError(f"reader must be one of {READERS}, not {reader!r}")
    _check_tail(path)
    if reader == "pdfium":
        try:
            return PdfiumDocument(path)
        except PdfiumRefused:
            pass  # pdfplumber says why (its errors are the reference), or reads what PDFium would not
    return PlumberDocument(path)


class PdfiumRefused(Exception):
    """PDFium would not open the file. Its reason is unreliable (FPDF_GetLastError can be left over
    from an earlier document, and a page tree with no pages fails as 'Success')."""


class SourcePage:
    """One page of an open document: its size, and `read()` for its marks made into a PdfPage."""

    def __init__(self, number: int, width: float, height: float, read, close):
        self.number, self.width, self.height = number, width, height
        self._read, self._close = read, close

    def read(self) -> PdfPage:
        return build_page(self._read())

    def close(self) -> None:
        self._close()


class PlumberDocument:
    """pdfplumber (pdfminer.six): the reference reader, in pure Python."""

    def __init__(self, path: Path):
        import pdfplumber

        try:
            self.pdf = pdfplumber.open(path)
        except PermissionError:
            raise PermissionDeniedError(f"permission denied: {path}") from None
        except Exception as e:  # pdfplumber wraps pdfminer's exceptions in PdfminerException
            raise classify_error(e, path) from None
        # Encrypted with an owner password only, a PDF opens for anyone; its text is read unless the
        # owner forbade copying it (then we refuse, as for a PDF that needs a password to open).
        if self.pdf.doc.encryption and not self.pdf.doc.is_extractable:
            self.pdf.close()
            raise EncryptedPdfError(f"encrypted PDF whose permissions forbid copying its text: {path}")
        self.path = path

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.pdf.close()

    def __iter__(self):
        try:
            pages = self.pdf.pages
        except Exception as e:
            raise classify_error(e, self.path) from None
        for number, pp in enumerate(pages, start=1):
            yield SourcePage(number, float(pp.width), float(pp.height),
                             lambda pp=pp, number=number: plumber_marks(pp, number), pp.close)

    def __len__(self) -> int:
        try:
            return len(self.pdf.pages)
        except Exception as e:
            raise classify_error(e, self.path) from None


def plumber_marks(plumber_page, number: int) -> PageMarks:
    """One pdfplumber page -> PageMarks. The caller closes the pdfplumber page afterwards."""
    objs = plumber_page.objects
    width, height = float(plumber_page.width), float(plumber_page.height)
    cs = objs.get("char", ())
    chars = Chars(text=[c["text"] for c in cs], x0=np.array([c["x0"] for c in cs], float),
                  top=np.array([c["top"] for c in cs], float), x1=np.array([c["x1"] for c in cs], float),
                  bottom=np.array([c["bottom"] for c in cs], float), size=np.array([c["size"] for c in cs], float),
                  upright=np.array([bool(c.get("upright", True)) for c in cs], bool),
                  artifact=np.array([c.get("tag") == "Artifact" for c in cs], bool), invisible=None)
    images = objs.get("image", ())
    box = lambda o: (o["x0"], o["top"], o["x1"], o["bottom"])  # noqa: E731
    marks = bool(cs or images or objs.get("curve") or objs.get("rect") or objs.get("line"))
    return PageMarks(number, width, height, chars,
                     rules_of([box(o) for o in objs.get("line", ())], [box(o) for o in objs.get("rect", ())]),
                     image_cover([box(i) for i in images], width, height), marks)


class PdfiumDocument:
    """PDFium through pypdfium2: the default reader, in C. Iterate it once, closing each page
    before asking for the next (it reopens the file every REOPEN_EVERY pages)."""

    def __init__(self, path: Path):
        import pypdfium2 as pdfium
        import pypdfium2.raw as R

        try:
            self.pdf = pdfium.PdfDocument(str(path))
        except PermissionError:
            raise PermissionDeniedError(f"permission denied: {path}") from None
        except pdfium.PdfiumError:
            raise PdfiumRefused() from None
        self.path = path
        self.plumber: PlumberDocument | None = None  # opened for pages with sideways glyphs only
        # as for pdfplumber: an owner password alone opens the file; copying forbidden, we refuse
        # /Artifact marks are read in a tagged document only (pdfium_chars: UNTAGGED_ARTIFACTS in
        # tests/test_readers.py)
        self.tagged = bool(R.FPDFCatalog_IsTagged(self.pdf))
        encrypted = R.FPDF_GetSecurityHandlerRevision(self.pdf) != -1
        if encrypted and not R.FPDF_GetDocPermissions(self.pdf) & 0x10:
            self.pdf.close()
            raise EncryptedPdfError(f"encrypted PDF whose permissions forbid copying its text: {path}")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.pdf.close()
        if self.plumber is not None:
            self.plumber.pdf.close()

    def __len__(self) -> int:
        return len(self.pdf)

    def __iter__(self):
        from .pdfium_chars import PageSpace

        for i in range(len(self.pdf)):
            if i and i % REOPEN_EVERY == 0:
                # PDFium keeps what it parsed of every page read (objects, content streams) until the
                # document closes: about 0.2 MB a page. Reopening bounds memory on long documents.
                import pypdfium2 as pdfium

                self.pdf.close()
                self.pdf = pdfium.PdfDocument(str(self.path))
            try:
                page = self.pdf[i]
            except Exception as e:
                raise classify_error(e, f"{self.path}, page {i + 1}") from None
            space = PageSpace(page)
            yield SourcePage(i + 1, space.width, space.height,
                             lambda page=page, i=i, space=space: self._marks(page, i, space), page.close)

    def _marks(self, page, i: int, space) -> PageMarks:
        marks = pdfium_marks(page, i + 1, space, self.tagged)
        if marks is not None:
            return marks
        # sideways or mirrored glyphs (PdfiumPage.turned_glyphs): pdfplumber reads this page
        if self.plumber is None:
            self.plumber = PlumberDocument(self.path)
        pp = self.plumber.pdf.pages[i]
        try:
            return plumber_marks(pp, i + 1)
        finally:
            pp.close()


def pdfium_marks(page, number: int, space=None, tagged: bool = True) -> PageMarks | None:
    """One pypdfium2 page -> PageMarks, or None for a page PDFium cannot box (PdfiumPage.turned_glyphs)."""
    from .pdfium_chars import read_chars

    found = read_chars(page, space, tagged)
    if found.turned_glyphs:
        return None
    lines = [(s.x0, s.top, s.x1, s.bottom) for s in found.shapes if s.kind == "line"]
    rects = [(s.x0, s.top, s.x1, s.bottom) for s in found.shapes if s.kind == "rect"]
    return PageMarks(number, found.width, found.height, found.chars, rules_of(lines, rects),
                     image_cover(found.image_boxes, found.width, found.height), found.has_marks)


def classify_error(e: Exception, path) -> Exception:
    inner = e.args[0] if e.args and isinstance(e.args[0], Exception) else e
    name = type(inner).__name__
    if "Password" in name or "Encryption" in name or "encrypt" in str(inner).lower() \
            or "password" in str(inner).lower():
        return EncryptedPdfError(f"encrypted PDF (a password is needed to open it): {path}")
    detail = " ".join(str(inner).split()) or name
    if type(inner).__module__ == "builtins":  # (i14) a parser's own bug tripped by the damage: no internals
        detail = "its structure cannot be parsed"
    elif not detail.isprintable() or any(r in detail for r in ("<PDF", "/'", "b'", "[/")):
        detail = detail.split(":")[0]  # (i14) the parser's kind of damage, without its object dumps
    return CorruptPdfError(f"damaged PDF ({detail[:80]}): {path}")


def _check_tail(path: Path) -> None:
    """A PDF ends with %%EOF; a file cut short in a download or copy does not."""
    try:
        with open(path, "rb") as fh:
            fh.seek(0, 2)
            size = fh.tell()
            fh.seek(max(0, size - 2048))
            tail = fh.read()
    except PermissionError:
        raise PermissionDeniedError(f"permission denied: {path}") from None
    if b"%%EOF" not in tail:
        raise CorruptPdfError(f"truncated PDF (no end-of-file marker): {path}")


# ----------------------------------------------------------------------------- text-layer quality

def text_counts(page: Page) -> tuple[int, int]:
    """(characters with a Unicode mapping, characters without one) on the page."""
    text = "".join(ln.text for ln in page.lines)
    if "(cid:" not in text and not _UNMAPPED_CHAR.search(text):
        return len("".join(text.split())), 0  # str.split() drops what \s matches
    bad = len(_UNMAPPED.findall(text))
    return len(_SPACE.sub("", _UNMAPPED.sub("", text))), bad


def has_usable_text(page: Page) -> bool:
    """Whether the page's text layer can be read: some characters, mostly with a Unicode mapping.

    Unmapped glyphs show as (cid:123), U+FFFD, private-use or control characters; a page made mostly of
    them is an image of text as far as a reader is concerned.
    """
    return _usable(*text_counts(page))


def _usable(good: int, bad: int) -> bool:
    return good > 0 and good >= bad


def needs_ocr(page: PdfPage) -> bool:
    """A page to OCR under ocr="auto": its text layer is unusable, or it is a scan whose text layer
    is only a stamp (a page number or a file name over a full-page image)."""
    good, bad = text_counts(page)
    if not _usable(good, bad):
        return page.has_marks
    return page.image_cover >= 0.5 and good < 40
