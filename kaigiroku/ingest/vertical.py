"""Vertical (縦書き) scanned pages: columns top to bottom, read right to left, into positioned lines.

    read_vertical_page(grey, number, width_pt, height_pt, opts) -> Page
    vertical_text(s)          presentation forms (︵︶﹁﹂︙…) back to the characters they stand for
    draw_columns(draw, page, k, font)   for `inspect`: each column boxed and numbered in reading order

The upright page is cleaned by the same steps as a horizontal one (preprocess.py), run on the page
turned a quarter counter-clockwise so that its columns are rows there: skew is then measured along
the columns. On the clean page:
  - bands: the ink projected onto the vertical axis; white runs taller than BAND_GAP characters cut
    it. A band several characters tall is a tier of columns (段); a band about one line tall is a
    horizontal line in the margin (running head, page number), read with `jpn` as a single line.
  - columns: in each tier, the ink projected onto the horizontal axis; runs of ink are columns.
  - recognition: each tier is read by Tesseract with `jpn_vert` at page mode 5 (a uniform block of
    vertical text; under the automatic mode jpn_vert gives garbage, tesseract #3997). Its words are
    given to the column that holds their centre, top to bottom. A column Tesseract left out is read
    again on its own (psm 5 on the column alone).
  - the full-width space after a speaker label (○会長　それでは) is found in the column's ink and
    counted on the tier's grid of character cells (blank_cells), not from Tesseract's word boxes.
  - margin lines are read from the page with rules looked for upright (clean_vertical).
  - order: tiers top to bottom, columns right to left; margin lines above the tiers first, below last.

The Page handed on is in the page's reading frame: the page as a reader of horizontal text would
see it with each tier turned a quarter (a column becomes a row, its head at the left) and the tiers
stacked one below the other. So a column's indent is a row's indent, a short column is a short row,
and layout, furniture removal and turn assembly treat the page like any other. `Page.columns`
keeps each column's box on the upright page (PDF points) in reading order, for `inspect`, and
`Page.rotated` the quarter turns made to set the page upright.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

import numpy as np

from ..charclass import KANJI
from ..cleanup.ocrfix import fix_ocr_text
from ..errors import OcrFailedError
from ..model import Line, Page

LANG = "jpn_vert"
PSM = 5  # a single uniform block of vertically aligned text
BAND_GAP = 1.2  # white rows this many characters tall separate tiers (and the margins)
TIER_MIN = 3.0  # a band at least this many characters tall is a tier of columns
SPECK_ROW = 0.03  # share of a row of text's ink (90th percentile) under which a row between tiers is white
COLUMN_JOIN = 0.3  # ink runs closer than this many characters are one column
COLUMN_INK = 0.25  # characters' heights of ink a pixel column of a tier needs to be part of a column
WHITEN_RADIUS = 2.4  # points: grey kept this near the ink (see clean_vertical)
BLANK_CELL = 0.9  # a gap without ink this many characters tall in a column is a full-width space
SYMMETRY = 0.6  # overlap of a head mark with its mirror images (a speck or blur on a rough scan lowers it)
FRAME_PAD = 0.15  # share of the reading frame's height left above and below the text (the margins)

# vertical presentation forms NFKC leaves alone or maps to a character vertical text did not print
VERTICAL_FORMS = {
    "︙": "…", "︰": "‥", "︱": "ー", "︲": "－", "︳": "＿", "︴": "＿",
    "｜": "ー", "|": "ー", "丨": "ー", "│": "ー", "┃": "ー",  # a turned ー read as a bar (between kana only)
}
BAR_LIKE = set("｜|丨│┃︱")


@dataclass
class Column:
    band: int
    x0: int  # pixels on the clean upright page
    x1: int
    top: int
    bottom: int
    text: str = ""
    conf: float = 0.0


def _is_kana(c: str) -> bool:
    return "\u3041" <= c <= "\u30fa" or c == "ー"


def vertical_text(s: str) -> str:
    """Characters as they read, not as they were drawn in a column: NFKC maps the vertical
    presentation forms (︵ -> （, ﹁ -> 「, ︒ -> 。); the rest are in VERTICAL_FORMS, and a bar
    between kana or after katakana is the long-vowel mark turned upright."""
    out = []
    for i, c in enumerate(s):
        if 0xFE10 <= ord(c) <= 0xFE4F:
            c = VERTICAL_FORMS.get(c) or unicodedata.normalize("NFKC", c)
            if 0x21 <= ord(c) <= 0x7E:  # NFKC gives ASCII brackets; the text sets them full-width
                c = chr(ord(c) + 0xFEE0)
        elif c in BAR_LIKE:
            prev = s[i - 1] if i else ""
            nxt = s[i + 1] if i + 1 < len(s) else ""
            if _is_kana(prev) and (_is_kana(nxt) or not nxt or "\u30a1" <= prev <= "\u30fa"):
                c = "ー"
        out.append(c)
    return "".join(out)


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    d = np.diff(np.concatenate([[0], mask.astype(np.int8), [0]]))
    return list(zip(np.flatnonzero(d == 1).tolist(), np.flatnonzero(d == -1).tolist()))


def _bridge(runs: list[tuple[int, int]], gap: float) -> list[list[int]]:
    out: list[list[int]] = []
    for a, b in runs:
        if out and a - out[-1][1] < gap:
            out[-1][1] = b
        else:
            out.append([a, b])
    return out


def find_bands(ink: np.ndarray, em: float) -> list[tuple[int, int]]:
    """[top, bottom) of each band of the page: runs of inked rows, split at white runs taller than
    BAND_GAP characters.

    A rough scan's specks and streaks leave a little ink in the white between two tiers, which
    would join them: between the page's first and last rows of text, a stretch of rows each with
    under SPECK_ROW of a text row's ink, BAND_GAP characters tall, is white. Outside them (the
    margins) any ink counts: a page number's rows hold only a few pixels."""
    profile = ink.sum(axis=1)
    rows = profile >= max(1, int(0.02 * em))
    faint = profile < SPECK_ROW * float(np.percentile(profile, 90))
    text = np.flatnonzero(~faint & rows)
    if len(text):
        first, last = int(text[0]), int(text[-1])
        for a, b in _runs(faint[first: last + 1]):
            if b - a >= BAND_GAP * em:
                rows[first + a: first + b] = False
    return [(a, b) for a, b in _bridge(_runs(rows), BAND_GAP * em) if b - a >= 0.3 * em]


def find_columns(ink: np.ndarray, top: int, bottom: int, em: float, band: int) -> list[Column]:
    """Columns of one tier, right to left: runs of inked pixel columns, each snapped to its ink."""
    part = ink[top:bottom]
    profile = part.sum(axis=0)
    cols = []
    # a speck left between two columns must not join them: a pixel column is ink only where the
    # tier has a fair share of a character's height of ink in it
    runs = _bridge(_runs(profile >= max(2, COLUMN_INK * em)), COLUMN_JOIN * em)
    for a, b in _split_wide(runs, profile, em):
        if b - a < 0.25 * em or profile[a:b].sum() < 0.3 * em * em * 0.1:
            continue  # a speck, a rule's end
        rows = np.flatnonzero(part[:, a:b].any(axis=1))
        cols.append(Column(band, a, b, top + int(rows[0]), top + int(rows[-1]) + 1))
    cols.sort(key=lambda c: -c.x1)
    return cols


def _split_wide(runs: list[list[int]], profile: np.ndarray, em: float) -> list[tuple[int, int]]:
    """Runs wider than a column (two columns joined by ink between them: a speck, a hanging 、)
    cut at their thinnest ink, until each is about one column wide."""
    widths = [b - a for a, b in runs if b - a >= 0.5 * em]
    width = float(np.median(widths)) if widths else em
    out, todo = [], [tuple(r) for r in runs]
    while todo:
        a, b = todo.pop()
        if b - a <= 1.6 * width:
            out.append((a, b))
            continue
        lo, hi = a + int(0.6 * width), b - int(0.6 * width)
        if hi <= lo:
            out.append((a, b))
            continue
        smooth = np.convolve(profile[a:b].astype(np.float64), np.ones(5) / 5, mode="same")
        cut = lo + int(np.argmin(smooth[lo - a: hi - a]))
        todo += [(a, cut), (cut, b)]
    return sorted(out)


def head_mark(ink: np.ndarray, c: Column, em: float) -> str | None:
    """The speaker mark (○ ◎ ◆ ●) in the first cell of a column, judged from its ink, or None.

    jpn_vert reads these marks poorly (◎ as ⑰ or @, ◆ as 依), and they say who speaks. They are
    told apart from characters by shape: one round or diamond figure whose bounding box is a
    square with empty corners; a ring has a hole (two nested rings: ◎), a solid figure none
    (half its box filled: ◆, more: ●)."""
    import cv2

    cell = ink[c.top: c.top + int(1.05 * em), c.x0: c.x1].astype(np.uint8)
    ys, xs = np.nonzero(cell)
    if len(xs) < 10:
        return None
    y0, y1, x0, x1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
    h, w = y1 - y0, x1 - x0
    if not (0.6 * em <= max(h, w) <= 1.1 * em and 0.8 <= h / w <= 1.25):
        return None
    box = cell[y0:y1, x0:x1]
    q = max(1, int(0.18 * min(h, w)))
    corners = [box[:q, :q], box[:q, -q:], box[-q:, :q], box[-q:, -q:]]
    if sum(int(k.sum()) for k in corners) > 0.02 * h * w:
        return None  # 口, 回, 田: ink in the corners
    # the marks are symmetric about both axes; hardly a character is (外 or 年 is not)
    for flipped in (box[:, ::-1], box[::-1, :]):
        if (box & flipped).sum() < SYMMETRY * max(1, (box | flipped).sum()):
            return None
    contours, hierarchy = cv2.findContours(box, cv2.RETR_TREE, cv2.CHAIN_APPROX_SIMPLE)
    if hierarchy is None:
        return None
    tree = hierarchy[0]
    big = [cv2.contourArea(ct) > 0.03 * h * w for ct in contours]

    def depth(i: int) -> int:
        d = 0
        while tree[i][3] >= 0:
            i = tree[i][3]
            d += 1
        return d

    nesting = max((depth(i) for i in range(len(contours)) if big[i]), default=-1)
    fill = float(box.sum()) / (h * w)
    if nesting == 0:  # a solid figure
        return "●" if fill > 0.68 else "◆" if 0.35 <= fill <= 0.68 else None
    if nesting in (1, 2) and fill < 0.5:
        return "○"  # a ring (a speck in its hole makes a third level)
    if nesting >= 3:
        return "◎"  # ring, hole, ring, hole
    return None


def _drop_head_cell(words: list[tuple[int, int, str, float]], top: int, em: float) -> list:
    """Words (top, bottom, text, conf) of a column without the characters in its first cell."""
    out = []
    for wt, wb, text, conf in words:
        per = max(1.0, (wb - wt) / max(1, len(text)))
        keep = "".join(ch for i, ch in enumerate(text) if wt + (i + 0.5) * per >= top + 0.9 * em)
        if keep:
            out.append((wt, wb, keep, conf))
    return out


def _words(data: dict):
    for i, text in enumerate(data["text"]):
        text = (text or "").strip()
        conf = float(data["conf"][i])
        if int(data["level"][i]) != 5 or not text or conf < 0:
            continue
        x0, top = int(data["left"][i]), int(data["top"][i])
        yield text, x0, top, x0 + int(data["width"][i]), top + int(data["height"][i]), conf


def _read_tier(clean: np.ndarray, ink: np.ndarray, cols: list[Column], em: float, fix) -> None:
    """Recognise one tier (a block of columns) and give each column its words."""
    from .tesseract import ocr_engine_data

    pad = int(0.6 * em)
    h, w = clean.shape
    x0, x1 = max(0, min(c.x0 for c in cols) - pad), min(w, max(c.x1 for c in cols) + pad)
    y0, y1 = max(0, min(c.top for c in cols) - pad), min(h, max(c.bottom for c in cols) + pad)
    data = ocr_engine_data(clean[y0:y1, x0:x1], LANG, PSM)
    found: dict[int, list] = {}
    for text, wx0, wt, wx1, wb, conf in _words(data):
        cx = x0 + (wx0 + wx1) / 2
        best = min(range(len(cols)), key=lambda i: 0 if cols[i].x0 <= cx < cols[i].x1
                   else min(abs(cx - cols[i].x0), abs(cx - cols[i].x1)))
        c = cols[best]
        if not (c.x0 - 0.5 * em <= cx <= c.x1 + 0.5 * em):
            continue  # a speck between columns
        found.setdefault(best, []).append((y0 + wt, y0 + wb, text, conf))
    tier_top = min(c.top for c in cols)
    pitch = cell_pitch(ink, cols, em)
    for i, words in found.items():
        words.sort()
        c = cols[i]
        mark = head_mark(ink, c, em) if c.top <= tier_top + 0.5 * em else None
        if mark:
            words = _drop_head_cell(words, c.top, em)
        breaks = blank_cells(ink, c, pitch, tier_top)
        if mark and not MARK_READ.match("".join(t for _, _, t, _ in words)):
            breaks = [k - 1 for k in breaks]  # the mark's cell holds no character of the words
        c.text = (mark or "") + _column_text([t for _, _, t, _ in words], fix, breaks)
        c.conf = float(np.average([w[3] for w in words], weights=[len(w[2]) for w in words])) if words else 0.0
    for c in cols:  # a column the block reading left out (a short one, a lone label), or read
        if not c.text or _implausible(c, em):  # as noise, is read again on its own
            before = (c.text, c.conf)
            _read_column(clean, ink, c, em, fix, tier_top, pitch)
            if before[0] and (not c.text or _implausible(c, em) and c.conf < before[1]):
                c.text, c.conf = before


def _read_column(clean: np.ndarray, ink: np.ndarray, c: Column, em: float, fix, head: int,
                 pitch: float) -> None:
    from .tesseract import ocr_engine_data

    pad = int(0.6 * em)
    h, w = clean.shape
    y0 = max(0, c.top - pad)
    img = clean[y0: min(h, c.bottom + pad), max(0, c.x0 - pad): min(w, c.x1 + pad)]
    try:
        data = ocr_engine_data(img, LANG, PSM)
    except OcrFailedError:
        return
    words = sorted((y0 + t, y0 + b, text, conf) for text, _, t, _, b, conf in _words(data))
    if words:
        c.text = _column_text([w[2] for w in words], fix, blank_cells(ink, c, pitch, head))
        c.conf = float(np.mean([w[3] for w in words]))


# the speaker mark at a column head read as the kanji zero, a Latin O or both (O〇議長)
MARK_READ = re.compile(r"[O0oο〇◯○◎●◆@⑰]")
HEAD_MARK = re.compile(rf"^[O0oο〇◯○]{{1,2}}(?=[\u3040-\u30ff{KANJI}])")


def _column_text(words: list[str], fix, breaks: list[int] = ()) -> str:
    """The words of a column as text; `breaks` are the counts of characters before each empty
    cell (the full-width space after a speaker label, ○会長　それでは), kept as U+3000."""
    parts, cur, seen = [], [], 0
    for w in words:
        for ch in w:
            if seen in breaks and cur:
                parts.append("".join(cur))
                cur = []
            cur.append(ch)
            seen += 1
        cur.append(" ")  # words stay apart: fix joins Japanese and keeps Latin words apart
    parts.append("".join(cur))
    text = "\u3000".join(t for t in (fix(vertical_text(p.strip())).strip() for p in parts) if t)
    return HEAD_MARK.sub("○", text)


def cell_pitch(ink: np.ndarray, cols: list[Column], em: float) -> float:
    """The pitch of the character cells down the columns of a tier, in pixels. Every column of a
    tier is set on one grid, so the tier's ink, summed across, repeats at the pitch; the repeat
    ten cells down gives it to a tenth of a pixel (the estimate from the characters' height, `em`,
    can be a few per cent off, and a label's space is counted a dozen cells down)."""
    top, bottom = min(c.top for c in cols), max(c.bottom for c in cols)
    profile = ink[top:bottom, min(c.x0 for c in cols): max(c.x1 for c in cols)].sum(axis=1).astype(np.float64)
    profile -= profile.mean()
    n = len(profile)
    if n < 12 * em:
        return em
    spectrum = np.fft.rfft(profile, 2 * n)
    ac = np.fft.irfft(spectrum * np.conj(spectrum))[:n]
    pitch = em
    for k in (1, 4, 10):  # coarse, then finer, each searched about the last
        lo, hi = int(k * pitch - 0.2 * pitch), int(k * pitch + 0.2 * pitch) + 1
        if hi >= n - 1:
            break
        lag = lo + int(np.argmax(ac[lo:hi]))
        if 0 < lag < n - 1:  # the peak between samples (a parabola through three)
            y0, y1, y2 = ac[lag - 1], ac[lag], ac[lag + 1]
            lag = lag + 0.5 * (y0 - y2) / (y0 - 2 * y1 + y2) if y0 - 2 * y1 + y2 else lag
        pitch = lag / k
    return float(pitch) if 0.8 * em <= pitch <= 1.25 * em else em


def blank_cells(ink: np.ndarray, c: Column, em: float, head: int) -> list[int]:
    # em: the tier's cell pitch (cell_pitch)
    """Empty character cells inside a column, from its ink, as the number of characters before
    each (the full-width space after a speaker label).

    Every character of a vertical column has a square cell on the grid of its tier, whose first
    row of cells starts at `head`; Tesseract's word boxes in jpn_vert are a cell or so off and
    often run across the space after a label, so the cells are counted on the grid instead. An
    empty cell is a stretch without ink BLANK_CELL characters tall. Its ends are put on the grid
    knowing where ink sits in a cell: a closing bracket, 、 and 。 in its upper part (so a
    stretch starting low in a cell starts at the next one), an opening bracket or 一 in its lower
    part (so a stretch ending low in a cell ends at that cell)."""
    w = ink.shape[1]
    reach = int(0.15 * em)  # a hanging 、 or a bracket may stand a little outside the column's run
    part = ink[c.top: c.bottom, max(0, c.x0 - reach): min(w, c.x1 + reach)]
    rows = part.sum(axis=1) >= 2  # a lone pixel is no character
    first = math.floor((c.top - head) / em + 0.25)  # the cell of the column's first character
    out, blank = [], 0
    for a, b in _runs(~rows):
        if b - a < BLANK_CELL * em:
            continue
        start = math.ceil((c.top + a - head) / em - 0.2)
        end = math.floor((c.top + b - head) / em + 0.25)
        out.append(start - first - blank)
        blank += max(1, end - start)
    return [k for k in out if k > 0]


def _implausible(c: Column, em: float) -> bool:
    """More characters than the column's ink has room for: Tesseract read noise as text."""
    return len(c.text) > 1.4 * (c.bottom - c.top) / em + 3


def _read_margin_line(clean: np.ndarray, top: int, bottom: int, em: float, fix) -> tuple[str, int, int, float]:
    """A horizontal line in the margin (running head, page number): (text, x0, x1, conf)."""
    from .tesseract import ocr_engine_data

    h, w = clean.shape
    pad = int(0.4 * em)
    strip = clean[max(0, top - pad): min(h, bottom + pad)]
    inked = np.flatnonzero((strip < 128).any(axis=0))
    if not len(inked):
        return "", 0, 0, 0.0
    x0, x1 = int(inked[0]), int(inked[-1]) + 1
    try:
        # a few characters wide (a page number, - 12 -): one word; as a line Tesseract reads a
        # lone narrow figure as noise (1 -> 5, 2 -> の)
        data = ocr_engine_data(strip[:, max(0, x0 - pad): x1 + pad], "jpn", 8 if x1 - x0 <= 4 * em else 7)
    except OcrFailedError:
        return "", x0, x1, 0.0
    words = list(_words(data))
    if not words:
        return "", x0, x1, 0.0
    text = fix(" ".join(t for t, *_ in words)).strip()
    return text, x0, x1, float(np.mean([w[-1] for w in words]))


def _em(binary: np.ndarray, dpi: float) -> float:
    from .preprocess import text_height

    return max(4.0, text_height(binary, dpi) / 0.8)


def clean_vertical(grey: np.ndarray, dpi: float, skip=()) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(soft, clean, margins) images of an upright vertical page. The preprocess steps run on the
    page with its columns as rows (so that the skew is measured along the columns) and are turned
    back.

    `soft` is the page evened, denoised, deskewed and without rules, in grey; `clean` is `soft`
    with everything farther than WHITEN_RADIUS from the ink that is left after speck removal
    painted white. The radius is wider than preprocess's: jpn_vert loses the thin strokes of a
    blurred Mincho face (育 -> 月) at the narrower one (bench_vertical, tuned split).
    `margins` is for the horizontal lines in the margins (running head, page number): rules are
    looked for on the upright page there, since on the turned one the joined strokes of a line of
    characters are as long as a rule and were painted out (衆議院 -> 衆三呈)."""
    import cv2

    from .preprocess import binarise, find_rules, paper_level, preprocess, remove_rules, remove_specks

    turned = np.ascontiguousarray(np.rot90(grey, 1))  # counter-clockwise: column heads to the left
    unruled, _angle = preprocess(turned, dpi, skip=tuple(set(skip) | {"binarise", "remove_rules"}))
    soft = np.ascontiguousarray(np.rot90(unruled, -1))
    margins = soft
    if "remove_rules" not in skip:
        margins = remove_rules(soft, dpi)
        rules = np.ascontiguousarray(np.rot90(find_rules(binarise(unruled), dpi), -1))
        if rules.any():
            soft = soft.copy()
            soft[rules] = paper_level(soft)
    if "binarise" in skip:
        return soft, soft, margins
    binary = binarise(soft)
    if "remove_specks" not in skip:
        binary = remove_specks(binary, dpi)
    r = max(1, round(WHITEN_RADIUS * dpi / 72))
    near = cv2.dilate((binary < 128).astype(np.uint8), np.ones((2 * r + 1, 2 * r + 1), np.uint8)).astype(bool)
    clean = np.full_like(soft, 255)
    np.copyto(clean, soft, where=near)
    return soft, clean, margins


def read_vertical_page(grey: np.ndarray, page_number: int, width_pt: float, height_pt: float,
                       opts, rotated: int = 0) -> Page:
    """OCR an upright vertical page into a Page of positioned lines in its reading frame."""
    from .preprocess import binarise
    from .tesseract import check_available

    check_available(LANG)
    fix = fix_ocr_text if getattr(opts, "fix", True) else str
    _soft, clean, margin_image = clean_vertical(grey, opts.dpi, getattr(opts, "skip", ()))
    ink = binarise(clean) < 128
    h, w = ink.shape
    sx, sy = width_pt / w, height_pt / h
    em = _em(binarise(clean), opts.dpi)
    bands = find_bands(ink, em)
    tiers = [(a, b) for a, b in bands if b - a >= TIER_MIN * em]
    columns: list[Column] = []
    for k, (a, b) in enumerate(tiers):
        cols = find_columns(ink, a, b, em, k)
        if not cols:
            continue
        try:
            _read_tier(clean, ink, cols, em, fix)
        except OcrFailedError as e:
            raise OcrFailedError(f"page {page_number}: {e}") from None
        columns.extend(c for c in cols if c.text)
    first_tier = tiers[0][0] if tiers else h
    margins = []  # (top|bottom, band top, band bottom, x0, x1, text, conf)
    for a, b in bands:
        if (a, b) in tiers:
            continue
        text, x0, x1, conf = _read_margin_line(margin_image, a, b, em, fix)
        if text:
            margins.append(("top" if b <= first_tier else "bottom", a, b, x0, x1, text, conf))
    page = _reading_frame(page_number, columns, margins, sx, sy, em, width_pt, height_pt)
    page.columns = [(c.x0 * sx, c.top * sy, c.x1 * sx, c.bottom * sy) for c in columns]
    page.rotated = rotated
    return page


def _reading_frame(number: int, columns: list[Column], margins, sx: float, sy: float, em: float,
                   width_pt: float, height_pt: float | None = None) -> Page:
    """The Page of a vertical page in its reading frame (see the module's docstring): column ->
    row, tiers stacked, margin lines above and below.

    The frame is cut from the physical page, not from the ink: each tier is the page's width
    tall, and a margin line keeps its distance from the page's edge. So every page of a volume
    with the same number of tiers has the same frame, a short last page too, and a running head
    or a page number stands at the same place on every page (furniture.py goes by that)."""
    height_pt = height_pt or width_pt * 2 ** 0.5
    tier_top: dict[int, float] = {}
    for c in columns:
        tier_top[c.band] = min(tier_top.get(c.band, c.top * sy), c.top * sy)
    tier_len = max((c.bottom * sy - tier_top[c.band]) for c in columns) if columns else 0.0
    tier_index = {b: i for i, b in enumerate(sorted(tier_top))}
    gap = 2 * em * sx
    tiers = max(1, len(tier_index))
    body_h = tiers * width_pt + (tiers - 1) * gap
    frame_h = body_h / (1 - 2 * FRAME_PAD)
    frame_w = max(tier_len, height_pt) + 2 * em * sx
    top0 = FRAME_PAD * frame_h
    left0 = em * sx
    lines: list[Line] = []
    size = em * sx
    edge = 0.6 * top0  # a margin line farther than this from the page's edge is set at it

    def margin_line(text, x0, x1, y, h, conf):
        return Line(text=text, x0=x0 * sx, top=y, x1=x1 * sx, bottom=y + h, page=number,
                    size=round(h, 2), conf=round(conf, 1))

    tops = sorted((m for m in margins if m[0] == "top"), key=lambda m: m[1])
    for j, (_, a, b, x0, x1, text, conf) in enumerate(tops):
        h = (b - a) * sy
        lines.append(margin_line(text, x0, x1, min(a * sy, edge) + j * 1.5 * h, h, conf))
    for c in columns:
        t = tier_index[c.band] * (width_pt + gap)
        lines.append(Line(text=c.text, x0=left0 + c.top * sy - tier_top[c.band],
                          x1=left0 + c.bottom * sy - tier_top[c.band],
                          top=top0 + t + width_pt - c.x1 * sx, bottom=top0 + t + width_pt - c.x0 * sx,
                          page=number, size=round(size, 2), conf=round(c.conf, 1)))
    bottoms = sorted((m for m in margins if m[0] == "bottom"), key=lambda m: -m[1])
    for j, (_, a, b, x0, x1, text, conf) in enumerate(bottoms):
        h = (b - a) * sy
        y = frame_h - min(height_pt - b * sy, edge) - h - j * 1.5 * h
        lines.append(margin_line(text, x0, x1, y, h, conf))
    lines.sort(key=lambda ln: ln.top)
    return Page(number=number, width=frame_w, height=frame_h, lines=lines, source="ocr")


# ----------------------------------------------------------------------------- inspect

def draw_columns(draw, page: Page, k: float, font) -> bool:
    """Draw each column of a vertical page (boxed, numbered in reading order) with `draw` (a PIL
    ImageDraw on the upright page at k pixels a point). False when the page was not read vertically."""
    boxes = getattr(page, "columns", None)
    if not boxes:
        return False
    prev = None
    for i, (x0, top, x1, bottom) in enumerate(boxes, start=1):
        box = [x0 * k - 1, top * k - 1, x1 * k + 1, bottom * k + 1]
        draw.rectangle(box, outline=(0, 90, 255, 220), fill=(0, 90, 255, 30), width=2)
        cx = (box[0] + box[2]) / 2
        if prev is not None:  # the path of the reading: foot of one column to the head of the next
            draw.line([prev, (cx, box[1])], fill=(255, 120, 0, 140), width=1)
        prev = (cx, box[3])
        draw.text((cx, box[1] - 2), str(i), fill=(220, 0, 0, 255), font=font, anchor="mb")
    return True


def draw_vertical_page(img, page: Page, out_png, font_of, dpi: float):
    """`inspect` for a vertical page: the rendered page (a PIL image) turned upright as it was read,
    its columns boxed and numbered in reading order, joined foot to head; written to `out_png`."""
    from pathlib import Path

    from PIL import Image, ImageDraw

    turn = getattr(page, "rotated", 0) % 360
    if turn:
        img = img.rotate(-turn, expand=True)  # PIL turns counter-clockwise
    k = dpi / 72
    overlay = Image.new("RGBA", img.size, (0, 0, 0, 0))
    d = ImageDraw.Draw(overlay)
    draw_columns(d, page, k, font_of(max(10, int(8 * k))))
    img = Image.alpha_composite(img.convert("RGBA"), overlay).convert("RGB")
    out = Path(out_png)
    out.parent.mkdir(parents=True, exist_ok=True)
    img.save(out)
    return out
