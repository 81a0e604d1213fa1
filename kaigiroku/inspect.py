"""Draw on a page image what ingest found there, to see why a document reads the way it does.

    blue boxes       every line (fragment) of the text layer or OCR
    yellow band      the label column, from its first label down
    coloured fill    a line that opens a turn, one colour per speaker, the speaker written beside it
    R / P / W / G    the break before each stream line (ROW, PARA, WRAP, PAGE), in the left margin
    green lines      ruled lines taken as row separators
    red, crossed     page furniture (page numbers, running headers) removed from the text
"""
from __future__ import annotations

import colorsys
import hashlib
from pathlib import Path

from .errors import InputError, NotAPdfError
from .model import Break

FONT = "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"
BREAK_MARK = {Break.WRAP: "W", Break.LINE: "L", Break.PARA: "P", Break.ROW: "R", Break.PAGE: "G"}


def speaker_colour(speaker: str) -> tuple[int, int, int]:
    hue = int(hashlib.md5(speaker.encode("utf-8")).hexdigest()[:4], 16) / 0xFFFF
    r, g, b = colorsys.hsv_to_rgb(hue, 0.55, 0.95)
    return int(r * 255), int(g * 255), int(b * 255)


def _font(size: int):
    from PIL import ImageFont

    try:
        return ImageFont.truetype(FONT, size)
    except OSError:  # the IPAex fonts are not installed: labels print as boxes, boxes still show
        return ImageFont.load_default()


def render_page(pdf_path: Path, page_number: int, dpi: int):
    """The page as an RGB PIL image at `dpi`."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        if not 1 <= page_number <= len(pdf):
            raise InputError(f"{pdf_path} has no page {page_number} (it has {len(pdf)})")
        return pdf[page_number - 1].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        pdf.close()


def draw_page(pdf_path, page_number: int, out_png, ocr: str = "auto", dpi: int = 100, roles=None,
              explain: bool = False) -> Path:
    """Render page `page_number` of a PDF with the lines, label column, turn starts and furniture
    ingest found on it, and write it to `out_png`. With `explain`, each turn start also says why:
    the label's form and evidence and how it was placed, and where each break came from."""
    from PIL import Image, ImageDraw

    from .cleanup.labels import match_label
    from .ingest import check_file, read_pages
    from .ingest.layout import analyse

    pdf_path = Path(pdf_path)
    if check_file(pdf_path) != "pdf":
        raise NotAPdfError(f"inspect draws PDF pages; {pdf_path} is an image")
    # every page is read (running headers are found by repetition), only this one is OCR'd
    pages, _ = read_pages(pdf_path, ocr=ocr, dpi=300, only={page_number})
    if not 1 <= page_number <= len(pages):
        raise InputError(f"{pdf_path} has no page {page_number} (it has {len(pages)})")
    layouts = analyse(pages, roles)
    lay = layouts[page_number - 1]
    page = lay.page

    img = render_page(pdf_path, page_number, dpi)
    # --- issue 12: a vertical page was read in its reading frame; draw its columns on the upright page
    if getattr(page, "columns", None):
        from .ingest.vertical import draw_vertical_page
        return draw_vertical_page(img, page, out_png, _font, dpi)
    # --- end of issue 12
    k = img.width / page.width  # points -> pixels
    overlay = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(overlay)
    small = _font(max(9, int(7 * k)))

    def box(b):
        return [b[0] * k, b[1] * k, b[2] * k, b[3] * k]

    if lay.column is not None and lay.placed:
        bottom = max(p.box[3] for p in lay.placed)
        d.rectangle(box((lay.column.left - 2, lay.column.top - 2, lay.column.body - 4, bottom + 2)),
                    fill=(255, 220, 0, 60), outline=(230, 180, 0, 200))
    for r in getattr(page, "rules", ()):
        d.line([r.x0 * k, r.top * k, r.x1 * k, r.bottom * k], fill=(0, 170, 0, 160), width=1)
    for p in lay.placed:
        if p.labelled:
            m = p.line.label or match_label(p.line.text, roles)  # placed by layout, or inline
            who = (m.speaker + (f"（{m.name}）" if m.name else "")) if m else p.line.text[:8]
            colour = speaker_colour(who)
            for b in filter(None, (p.box, p.label_box)):
                d.rectangle(box(b), fill=colour + (90,), outline=colour + (255,), width=2)
            d.text((img.width - 4, p.box[1] * k), who, fill=colour + (255,), font=small, anchor="ra")
            if explain and m is not None:
                why = f"{m.form or 'label'}: {m.evidence}"
                d.text((img.width - 4, p.box[3] * k), why[:90], fill=colour + (255,), font=small, anchor="ra")
        mark = BREAK_MARK.get(p.line.brk, "?")
        d.text((4, p.box[1] * k), mark, fill=(120, 120, 120, 255), font=small)
        if explain and p.line.brk >= Break.PARA and p.line.origin:
            d.text((4, p.box[3] * k), p.line.origin[:40], fill=(120, 120, 120, 255), font=small)
    for ln in page.lines:
        d.rectangle(box((ln.x0, ln.top, ln.x1, ln.bottom)), outline=(0, 90, 255, 200), width=1)
    for ln in page.furniture:
        b = box((ln.x0 - 1, ln.top - 1, ln.x1 + 1, ln.bottom + 1))
        d.rectangle(b, outline=(230, 0, 0, 255), width=2)
        d.line([b[0], b[1], b[2], b[3]], fill=(230, 0, 0, 255), width=2)
        d.line([b[0], b[3], b[2], b[1]], fill=(230, 0, 0, 255), width=2)
    img = Image.alpha_composite(img.convert("RGBA"), overlay).convert("RGB")
    out = Path(out_png)
    out.parent.mkdir(parents=True, exist_ok=True)
    img.save(out)
    return out
