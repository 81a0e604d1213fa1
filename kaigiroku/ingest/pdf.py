"""A PDF's text layer -> Pages of positioned lines, rebuilt from character boxes.

Characters are grouped by baseline and sorted by x: content-stream order is never used, so a
label column drawn after the body, or a page drawn bottom-up, reads the same as any other.
Within a baseline, a gap of about a character or more ends a fragment (one `Line`): table cells
and letter-spaced labels come out as separate fragments for layout.py to put together.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import CorruptPdfError, EncryptedPdfError, PermissionDeniedError
from ..model import Line, Page
from .geometry import CELL_GAP, Rule

# A gap this many character sizes wide, with no space character drawn in it, ends a fragment.
SPLIT_GAP = 0.9
# Drawn spaces normally belong to the text (会長　本文); only alignment this wide splits.
SPLIT_GAP_SPACED = 3.0
WORD_GAP = 0.35  # a narrower gap between kana/kanji is letter spacing or justification: no space
WORD_GAP_LATIN = 0.2  # between Latin letters or digits a word space is narrower
MIN_RULE = 8.0  # shorter strokes are glyph decoration, not table rulings
MAX_RULES = 2000  # a page of vector art is not a table

_UNMAPPED = re.compile(r"\(cid:\d+\)|[\ufffd\ue000-\uf8ff]")
_SPACES = {" ", "\u3000", "\u00a0", "\t", "\u2002", "\u2003", "\u2009"}


@dataclass
class PdfPage(Page):
    """A text-layer page: its lines plus the ruled lines drawn on it (table row separators)."""

    rules: list[Rule] = field(default_factory=list)
    image_cover: float = 0.0  # share of the page area covered by images
    has_marks: bool = False  # anything drawn at all: text, images or vector paths


# ----------------------------------------------------------------------------- opening

def open_pdf(path: Path):
    """pdfplumber.PDF for `path`, with open failures turned into kaigiroku's errors."""
    import pdfplumber

    _check_tail(path)
    try:
        pdf = pdfplumber.open(path)
    except PermissionError:
        raise PermissionDeniedError(f"permission denied: {path}") from None
    except Exception as e:  # pdfplumber wraps pdfminer's exceptions in PdfminerException
        raise classify_error(e, path) from None
    # Encrypted with an owner password only, a PDF opens for anyone; its text is read unless the
    # owner forbade copying it (then we refuse, as for a PDF that needs a password to open).
    if pdf.doc.encryption and not pdf.doc.is_extractable:
        pdf.close()
        raise EncryptedPdfError(f"encrypted PDF whose permissions forbid copying its text: {path}")
    return pdf


def classify_error(e: Exception, path) -> Exception:
    inner = e.args[0] if e.args and isinstance(e.args[0], Exception) else e
    name = type(inner).__name__
    if "Password" in name or "Encryption" in name or "encrypt" in str(inner).lower():
        return EncryptedPdfError(f"encrypted PDF (a password is needed to open it): {path}")
    detail = str(inner) or name
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


# ----------------------------------------------------------------------------- pages

def read_page(plumber_page, number: int) -> PdfPage:
    """One pdfplumber page -> PdfPage. The caller closes the pdfplumber page afterwards."""
    objs = plumber_page.objects
    width, height = float(plumber_page.width), float(plumber_page.height)
    chars = [c for c in objs.get("char", ()) if c.get("upright", True) and c["x1"] > 0 and c["x0"] < width
             and c["bottom"] > 0 and c["top"] < height and c["size"] >= 1]
    # Tagged PDFs (Word, Acrobat) mark running headers and page numbers as artifacts; trust the tag
    # only when it is rare, since some writers tag everything.
    artifact = [c for c in chars if c.get("tag") == "Artifact"]
    furniture: list[Line] = []
    if artifact and len(artifact) < 0.2 * len(chars):
        chars = [c for c in chars if c.get("tag") != "Artifact"]
        furniture = fragments(artifact, number)
    images = objs.get("image", ())
    cover = sum(max(0.0, min(i["x1"], width) - max(i["x0"], 0)) * max(0.0, min(i["bottom"], height) - max(i["top"], 0))
                for i in images) / (width * height or 1)
    marks = bool(chars or images or objs.get("curve") or objs.get("rect") or objs.get("line"))
    return PdfPage(number=number, width=width, height=height, lines=fragments(chars, number), source="text",
                   furniture=furniture, rules=rules_of(objs), image_cover=min(cover, 1.0), has_marks=marks)


def fragments(chars: list[dict], number: int) -> list[Line]:
    """Characters -> fragments: grouped by baseline, sorted by x, split at wide gaps."""
    out: list[Line] = []
    for row in _baselines(chars):
        out.extend(_split_row(row, number))
    return out


def _baselines(chars: list[dict]) -> list[list[dict]]:
    rows: list[list[dict]] = []
    anchor = tol = None
    for c in sorted(chars, key=lambda c: (c["top"] + c["bottom"]) / 2):
        mid = (c["top"] + c["bottom"]) / 2
        if anchor is not None and abs(mid - anchor) <= tol:
            rows[-1].append(c)
        else:
            rows.append([c])
            anchor, tol = mid, 0.35 * max(c["bottom"] - c["top"], 1.0)
    return rows


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _split_row(row: list[dict], number: int) -> list[Line]:
    row.sort(key=lambda c: c["x0"])
    out: list[Line] = []
    cur: list[dict] = []
    text = ""
    spaces = ""  # space characters drawn since the last visible character
    prev = None
    for c in row:
        t = c["text"]
        if t in _SPACES or not t.strip():
            spaces += t if t in ("\u3000",) else " "
            continue
        if prev is not None:
            # the same glyph drawn twice at (almost) the same place: fake bold or a shadow
            if t == prev["text"] and abs(c["x0"] - prev["x0"]) < 0.3 * max(prev["x1"] - prev["x0"], 1.0) \
                    and abs(c["top"] - prev["top"]) < 1.0:
                spaces = ""
                continue
            size = max(c["size"], prev["size"], 1.0)
            gap = c["x0"] - prev["x1"]
            if gap >= SPLIT_GAP_SPACED * size or (gap >= SPLIT_GAP * size and not spaces):
                out.append(_line(cur, text, number))
                cur, text = [], ""
            elif spaces:  # drawn spaces: a full-width one, or a run as wide as a table gap, reads as "　"
                text += "\u3000" if "\u3000" in spaces or gap >= CELL_GAP * size else " "
            elif gap >= (WORD_GAP_LATIN if _latin(t[0]) and _latin(prev["text"][-1]) else WORD_GAP) * size:
                text += " "
        cur.append(c)
        text += t
        spaces = ""
        prev = c
    if cur:
        out.append(_line(cur, text, number))
    return out


def _line(chars: list[dict], text: str, number: int) -> Line:
    sizes = sorted(c["size"] for c in chars)
    return Line(text=text, x0=round(chars[0]["x0"], 2), top=round(min(c["top"] for c in chars), 2),
                x1=round(max(c["x1"] for c in chars), 2), bottom=round(max(c["bottom"] for c in chars), 2),
                page=number, size=round(sizes[len(sizes) // 2], 2))


def rules_of(objs: dict) -> list[Rule]:
    """Ruled lines: stroked lines, thin rects, and the edges of boxes (table cell borders)."""
    out: list[Rule] = []
    for ln in objs.get("line", ()):
        r = Rule(ln["x0"], ln["top"], ln["x1"], ln["bottom"])
        if min(r.x1 - r.x0, r.bottom - r.top) <= 2 and max(r.x1 - r.x0, r.bottom - r.top) >= MIN_RULE:
            out.append(r)
    for rc in objs.get("rect", ()):
        x0, top, x1, bottom = rc["x0"], rc["top"], rc["x1"], rc["bottom"]
        if bottom - top <= 2 or x1 - x0 <= 2:
            if max(x1 - x0, bottom - top) >= MIN_RULE:
                out.append(Rule(x0, top, x1, bottom))
            continue
        out += [Rule(x0, top, x1, top), Rule(x0, bottom, x1, bottom), Rule(x0, top, x0, bottom), Rule(x1, top, x1, bottom)]
        if len(out) > MAX_RULES:
            return []
    return out


# ----------------------------------------------------------------------------- text-layer quality

def text_counts(page: Page) -> tuple[int, int]:
    """(characters with a Unicode mapping, characters without one) on the page."""
    good = bad = 0
    for ln in page.lines:
        bad += len(_UNMAPPED.findall(ln.text))
        good += sum(1 for ch in _UNMAPPED.sub("", ln.text) if not ch.isspace())
    return good, bad


def has_usable_text(page: Page) -> bool:
    """Whether the page's text layer can be read: some characters, mostly with a Unicode mapping.

    Unmapped glyphs show as (cid:123), U+FFFD or private-use characters; a page made mostly of
    them is an image of text as far as a reader is concerned.
    """
    good, bad = text_counts(page)
    return good > 0 and good >= bad


def needs_ocr(page: PdfPage) -> bool:
    """A page to OCR under ocr="auto": its text layer is unusable, or it is a scan whose text layer
    is only a stamp (a page number or a file name over a full-page image)."""
    if not has_usable_text(page):
        return page.has_marks
    good, _ = text_counts(page)
    return page.image_cover >= 0.5 and good < 40
