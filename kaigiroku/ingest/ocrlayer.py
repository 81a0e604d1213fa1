"""Is a PDF page's text layer an OCR layer, and is it good enough to keep?

Archives hold scans that a scanner, Acrobat or OCRmyPDF already gave a text layer. Such a layer is
invisible text (render mode 3) laid over a full-page image; Tesseract's word boxes turned into
text objects leave Japanese split into "words" of one to three characters (まず は 、 マ イナ ン
バ ー), labels in pieces (〇 河野大 臣 :), and sometimes garbage. Born-digital text has none of this.

    judge(page, invisible_share) -> LayerVerdict   per page, from the lines read and the share of
                                                    invisible characters
    invisible_shares(path, numbers) -> {number: share}   render modes, through PDFium

Under --ocr auto a page whose OCR layer is poor is read again by OCR (and the user is told so per
page); under --ocr redo every OCR layer is replaced and born-digital text is kept, as OCRmyPDF's
--redo-ocr does.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..charclass import KANJI
from ..model import Page

# thresholds, each a property of OCR layers against born-digital minutes (letter-spaced labels 会 長
# and justified lines give born-digital text a few spaced pairs a page, never a tenth of its text)
MAX_SPACED = 0.12  # CJK characters followed by a space and another CJK character / CJK characters
MAX_GARBAGE = 0.05  # characters that are neither Japanese, ASCII nor common marks / characters
MIN_INVISIBLE = 0.8  # share of the page's characters drawn invisibly (render mode 3)
MIN_IMAGE = 0.5  # share of the page covered by images

_CJK = rf"\u3040-\u30ff{KANJI}々〆〇ー"
_SPACED = re.compile(f"(?<=[{_CJK}、。，．])[ \u00a0]+(?=[{_CJK}、。，．])")
_CJK_CHAR = re.compile(f"[{_CJK}]")
_GOOD = re.compile(f"[{_CJK}\u3000-\u303f\uff01-\uff9f\u0021-\u007e\u00a0 ○◯◎◆◇●□■△▲☆★※・…─━‐－]")


@dataclass(frozen=True)
class LayerVerdict:
    ocr_layer: bool  # invisible text over a page image: what an OCR program leaves
    poor: bool  # spaced or garbled beyond what born-digital minutes show
    spaced: float
    garbage: float
    invisible: float

    def reason(self) -> str:
        bits = []
        if self.spaced > MAX_SPACED:
            bits.append(f"{self.spaced:.0%} of its Japanese characters separated by spaces")
        if self.garbage > MAX_GARBAGE:
            bits.append(f"{self.garbage:.0%} garbage characters")
        if self.ocr_layer:
            bits.append(f"invisible text ({self.invisible:.0%}) over a page image")
        return ", ".join(bits) or "an OCR layer"


def judge(page: Page, invisible: float = 0.0) -> LayerVerdict:
    """The verdict on one text page (`invisible`: share of its characters drawn in render mode 3)."""
    text = "".join(ln.text for ln in page.lines)
    cjk = len(_CJK_CHAR.findall(text))
    visible = [c for c in text if not c.isspace()]
    spaced = sum(len(m.group()) > 0 for m in _SPACED.finditer(text)) / cjk if cjk else 0.0
    garbage = sum(1 for c in visible if not _GOOD.match(c)) / len(visible) if visible else 0.0
    cover = float(getattr(page, "image_cover", 0.0) or 0.0)
    ocr_layer = cover >= MIN_IMAGE and invisible >= MIN_INVISIBLE
    # a poor layer is only worth replacing where there is an image to read it from
    poor = cover >= MIN_IMAGE and (spaced > MAX_SPACED or garbage > MAX_GARBAGE)
    return LayerVerdict(ocr_layer, poor, round(spaced, 3), round(garbage, 3), round(invisible, 3))


def invisible_shares(path, numbers) -> dict[int, float]:
    """{page number: share of its text characters drawn invisibly (render mode 3)}, read through
    PDFium's page objects. Pages it cannot read count as 0.0 (visible)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    out: dict[int, float] = {}
    try:
        doc = pdfium.PdfDocument(str(path))
    except Exception:  # noqa: BLE001 - pdfplumber already read this file; a PDFium refusal means "unknown"
        return {n: 0.0 for n in numbers}
    try:
        for n in numbers:
            total = invisible = 0
            try:
                page = doc[n - 1]
                textpage = page.get_textpage()
                for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_TEXT], max_depth=4):
                    # the text's length in UTF-16 units, with its terminator
                    units = raw.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0)
                    chars = max(0, units // 2 - 1)
                    total += chars
                    if raw.FPDFTextObj_GetTextRenderMode(obj.raw) == raw.FPDF_TEXTRENDERMODE_INVISIBLE:
                        invisible += chars
            except Exception:  # noqa: BLE001
                total = invisible = 0
            out[n] = invisible / total if total else 0.0
    finally:
        doc.close()
    return out
