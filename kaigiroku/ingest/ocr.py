"""OCR of image-only PDF pages and image files into positioned lines.

    rasterize -> preprocess -> ocr_engine_data -> lines_from_data (+ ocrfix) -> Page

Pages run in parallel, one process per page at a time (`jobs` workers, default: the CPUs usable);
each worker limits tesseract to one thread (OMP_THREAD_LIMIT=1), as OCRmyPDF does (the wrapper
in tesseract.py does the same for a page run in this process unless the variable is set).
Lines are reported in PDF points in the deskewed frame of the page (the page is rotated about its
centre on the same canvas, so positions are consistent within a page and close to the original).
A Line is one visual line of one table cell: Tesseract's line is split where the ink has a gap of
GAP line heights (the label column and the body), and its box is snapped to its ink (Tesseract's
boxes for Japanese are rough). Reading order is not promised; lines are sorted by top, then x.
"""
from __future__ import annotations

import os
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from ..charclass import is_kana_kanji
from ..cleanup.ocrfix import carry_confidence, fix_ocr_text
from ..errors import OcrFailedError
from ..model import Line, Page
from . import raster
from ..options import DEFAULT_LANG
from .preprocess import binarise, preprocess, text_height
from .reread import reread_speaker_lines, reread_wrapped_tails
from .tesseract import check_available, ocr_engine_data, usable_lang

# Page segmentation mode. On the bench (bench/bench_ocr.py --psm 3 4 6) 4 and 6 tie and 3 is worse;
# 6 (one uniform block) sometimes drops a line set in a larger type, such as a title; 4 does not.
PSM = 4
GAP = 1.8  # a gap without ink wider than this many line heights splits a line (label | body cells)
MIN_CONF = 20.0  # a line this unsure and this short is noise
MIN_CHARS = 2
# ... except the honorific a wrapped name cell ends with (新妻文雄 / 君): standing alone in its cell,
# Tesseract reads it right but unsure (confidence 0-20), and without it the cell is not a label
KEPT_UNSURE = {"君", "君)", "君）"}
MARK_CONF = 40.0  # an unsure word of bare marks ('”', '.', ':') is a speck read as punctuation


@dataclass(frozen=True)
class Options:
    dpi: float = 300
    lang: str = DEFAULT_LANG
    psm: int = PSM
    skip: tuple[str, ...] = ()  # preprocessing steps to leave out (ablation)
    fix: bool = True  # ocrfix on each line (off: Tesseract's words joined by spaces, for the bench)
    timeout: float | None = None  # (i14) seconds for one page's Tesseract pass (None: tesseract.TIMEOUT)
    zones: bool = True  # read a label table's columns apart (off: the page in one pass, for comparison)
    reread: bool = True  # read the lines that name speakers again, line by line (reread.py)


class Word(NamedTuple):
    text: str
    x0: int
    top: int
    x1: int
    bottom: int
    conf: float


def _is_mark(c: str) -> bool:
    return unicodedata.category(c)[0] in "PS"


def _drop_specks_read_as_marks(text: str, conf: float) -> str:
    """A word of nothing but punctuation/symbols that Tesseract is unsure of: keep only its
    Japanese marks (、。 are real, a stray ” or . beside them is a speck)."""
    if conf >= MARK_CONF or not all(_is_mark(c) for c in text):
        return text
    return "".join(c for c in text if 0x3000 <= ord(c) <= 0x303F)


def _words(data: dict):
    """(line key, Word) for each word of image_to_data's dict; the key is (block, par, line)."""
    for i, text in enumerate(data["text"]):
        conf = float(data["conf"][i])
        text = _drop_specks_read_as_marks((text or "").strip(), conf)
        if int(data["level"][i]) != 5 or not text or conf < 0:
            continue
        x0, top = int(data["left"][i]), int(data["top"][i])
        key = (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i]))
        yield key, Word(text, x0, top, x0 + int(data["width"][i]), top + int(data["height"][i]), conf)


def _split_at_gaps(words: list[Word], ink: np.ndarray | None, height: float,
                   gutter: tuple[int, int] | None = None) -> list[tuple[list[Word], int, int]]:
    """Words of one Tesseract line, left to right, split where the line has no ink for more than
    GAP line heights (a label cell and its body cell): [(words, x0, x1)].

    The gaps are measured on the ink, not on Tesseract's word boxes: for Japanese those are rough
    (a box one pixel wide for a whole character happens), the ink is exact."""
    words = sorted(words, key=lambda w: w.x0)
    lo, hi = words[0].x0, max(w.x1 for w in words)
    if ink is None:
        cuts, cols = [], None
        right = words[0].x1
        for a, b in zip(words, words[1:]):
            right = max(right, a.x1)
            if b.x0 - right > GAP * height:
                cuts.append((right + b.x0) / 2)
    else:
        top, bottom = min(w.top for w in words), max(w.bottom for w in words)
        pad = int(height / 2)
        lo, hi = max(0, lo - pad), min(ink.shape[1], hi + pad)
        cols = ink[max(0, top):bottom, lo:hi].any(axis=0)
        cuts = [lo + (a + b) / 2 for a, b in _runs(~cols) if b - a > GAP * height]
        if gutter is not None and not any(gutter[0] <= c <= gutter[1] for c in cuts):
            # the page's gutter between label and body column, kept nearly blank on this line (a
            # rule's remnant may cross it, a heading's text fills it): the label cell ends there
            # even when it runs close to the gutter ((大西修 | 題といたします。)
            a, b = gutter[0] - lo, gutter[1] - lo
            third = max(1, (b - a) // 3)
            middle = cols[max(0, a + third): max(0, b - third)]
            centres = [(w.x0 + w.x1) / 2 for w in words]
            # (a word centred in the gutter's middle third is a heading's; a cell's closing bracket
            # may reach into the gutter's edge: 村正人君) | 検討している…)
            if len(middle) and middle.mean() < 0.25 and any(c < gutter[0] for c in centres) \
                    and any(c > gutter[1] for c in centres) \
                    and not any(gutter[0] + third <= c <= gutter[1] - third for c in centres):
                cuts = sorted(cuts + [(gutter[0] + gutter[1]) / 2])
    groups: list[list[Word]] = [[] for _ in range(len(cuts) + 1)]
    for w in words:
        groups[int(np.searchsorted(cuts, (w.x0 + w.x1) / 2))].append(w)
    bounds = [lo] + cuts + [hi]
    out = []
    for i, group in enumerate(groups):
        if not group:
            continue
        x0, x1 = min(w.x0 for w in group), max(w.x1 for w in group)
        if cols is not None:  # snap to the ink of this cell
            a, b = int(bounds[i]) - lo, int(np.ceil(bounds[i + 1])) - lo
            where = np.flatnonzero(cols[max(0, a):b])
            if len(where):
                x0, x1 = lo + max(0, a) + int(where[0]), lo + max(0, a) + int(where[-1]) + 1
        out.append((group, x0, x1))
    return out


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) of each run of True in a 1-D bool array."""
    d = np.diff(np.concatenate([[0], mask.astype(np.int8), [0]]))
    return list(zip(np.flatnonzero(d == 1), np.flatnonzero(d == -1)))


def _vertical_extent(words: list[Word]) -> tuple[int, int, float]:
    """(top, bottom, typical height) of a line. Tesseract's boxes for some Japanese words reach
    up to half a line too high or low; boxes taller than 1.3 times the median are left out."""
    heights = [w.bottom - w.top for w in words]
    typical = float(np.median(heights))
    fit = [w for w, h in zip(words, heights) if h <= 1.3 * typical] or words
    return min(w.top for w in fit), max(w.bottom for w in fit), typical


def _snap_rows(ink: np.ndarray, x0: int, x1: int, top: int, bottom: int, height: float) -> tuple[int, int]:
    """The rows of the line's own ink: the run of inked rows (small breaks bridged) nearest the
    middle of Tesseract's box. Falls back to the box when the ink says something implausible."""
    pad = int(height / 2)
    y_lo, y_hi = max(0, top - pad), min(ink.shape[0], bottom + pad)
    counts = ink[y_lo:y_hi, x0:x1].sum(axis=1)
    runs = _runs(counts >= max(1, 0.08 * counts.max()))  # a speck's few pixels do not make a row
    merged: list[list[int]] = []
    for a, b in runs:
        if merged and a - merged[-1][1] < 0.15 * height:
            merged[-1][1] = b
        else:
            merged.append([a, b])
    if not merged:
        return top, bottom
    mid = (top + bottom) / 2 - y_lo
    a, b = min(merged, key=lambda r: 0 if r[0] <= mid < r[1] else min(abs(mid - r[0]), abs(mid - r[1])))
    if not 0.5 * height <= b - a <= 1.6 * height:
        return top, bottom
    return y_lo + a, y_lo + b


def lines_from_data(data: dict, page_number: int, sx: float, sy: float, ink: np.ndarray | None = None,
                    fix=fix_ocr_text, gutter: tuple[int, int] | None = None) -> list[Line]:
    """Group Tesseract's words by block/paragraph/line into Lines, pixel boxes scaled to points;
    `ink` (the page's ink as a bool image) splits lines at wide gaps and sharpens their x extent."""
    by_line: dict[tuple, list[Word]] = {}
    for key, word in _words(data):
        by_line.setdefault(key, []).append(word)
    lines = []
    for words in by_line.values():
        top, bottom, height = _vertical_extent(words)
        for group, x0, x1 in _split_at_gaps(words, ink, height, gutter):
            text = fix(" ".join(w.text for w in group)).strip()
            if not text:
                continue
            conf = float(np.average([w.conf for w in group], weights=[len(w.text) for w in group]))
            if conf < MIN_CONF and len(text) <= MIN_CHARS and text not in KEPT_UNSURE:
                continue
            top, bottom, height = _vertical_extent(group)
            if ink is not None:
                top, bottom = _snap_rows(ink, x0, x1, top, bottom, height)
                height = bottom - top
            lines.append(Line(text=text, x0=float(x0 * sx), top=float(top * sy), x1=float(x1 * sx),
                              bottom=float(bottom * sy), page=page_number, size=round(float(height * sy), 2),
                              conf=round(conf, 1), char_conf=carry_confidence([(w.text, w.conf) for w in group], text)))
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return lines


def ocr_page_image(grey: np.ndarray, page_number: int, width_pt: float, height_pt: float,
                   opts: Options = Options()) -> Page:
    """OCR one page already in pixels (any dpi: boxes are scaled by the page size in points)."""
    # --- issue 12: a page scanned sideways is turned upright; a vertical (縦書き) page goes to vertical.py
    from .orientation import page_orientation, upright
    turn = page_orientation(grey, opts.dpi)
    if turn.rotate % 180:
        width_pt, height_pt = height_pt, width_pt
    grey = upright(grey, turn.rotate)
    if turn.vertical:
        from .vertical import read_vertical_page
        return read_vertical_page(grey, page_number, width_pt, height_pt, opts, turn.rotate)
    # --- end of issue 12
    clean, _angle = preprocess(grey, opts.dpi, skip=opts.skip)
    h, w = grey.shape[:2]
    binary = binarise(clean)
    ink = binary < 128
    fix = fix_ocr_text if opts.fix else str
    lines = []
    try:
        char_height = text_height(binary, opts.dpi)
        gutter = find_gutter(ink, char_height) if opts.zones else None
        zones = zone_images(clean, ink, char_height, gutter) if opts.zones else [(clean, 0, None)]
        for image, dx, psm in zones:
            data = ocr_engine_data(image, opts.lang, psm or opts.psm, timeout=opts.timeout)
            if dx:
                data["left"] = [int(x) + dx for x in data["left"]]
            lines += lines_from_data(data, page_number, width_pt / w, height_pt / h, ink, fix,
                                     gutter[:2] if gutter is not None else None)
    except OcrFailedError as e:
        raise OcrFailedError(f"page {page_number}: {e}") from None
    lines += recover_missed_text(clean, ink, lines, page_number, width_pt / w, height_pt / h, opts, fix)
    if opts.reread:
        reread_speaker_lines(clean, lines, width_pt / w, height_pt / h, opts, fix)
        if gutter is not None:  # a label column: its wrapped cells' tails, read after their pieces
            reread_wrapped_tails(clean, ink, lines, (gutter[0] + gutter[1]) // 2, width_pt / w, height_pt / h,
                                 opts, fix)
    lines.sort(key=lambda ln: (ln.top, ln.x0))
    return Page(number=page_number, width=width_pt, height=height_pt, lines=lines, source="ocr")


# ----------------------------------------------------------------------------- label column zones
#
# In a table of minutes the label column stands beside the body with a gutter of blank paper
# between. Read as one page, Tesseract joins a label cell to the body row beside it, and a label
# centred against a speech or wrapped over two lines (○議長（大森和夫 / 君）) lands half a line off
# the body's rows and garbles both. So a page with such a gutter is read as zones: the label column
# and the body column each on their own, and the rows that run across the gutter (a centred title,
# a cover table) on their own; the positioned lines of all zones then go to the same column finder
# and label placement as a text layer's (layout.py).

GUTTER = 0.9  # the narrowest gutter, in character heights
GUTTER_INK = 0.06  # share of the page's text bands allowed to cross it (titles, headings)
MIN_LABEL_BANDS = 3  # a label column holds ink in at least this many bands
# The label column read alone is a stack of short lines with blank rows between (a wrapped cell's
# 木さつき / 君）, a cell's first line beside a long speech): Tesseract's column finder (psm 4) drops
# most of them on some pages (all of a Diet page's), one uniform block (psm 6) mistakes their height;
# sparse text (psm 11), which looks for every piece of text, reads them all.
LABEL_ZONE_PSM = 11


def find_gutter(ink: np.ndarray, height: float) -> tuple[int, int, np.ndarray] | None:
    """(x0, x1, crossing) of the gutter between a label column and the body, or None; `crossing`
    marks the rows of the page whose ink runs across it. Bands of half a character height are the
    unit, so one crossing heading costs two or three bands, not its pixel count."""
    band = max(4, int(height / 2))
    rows = ink.shape[0] // band
    if rows < 8:
        return None
    bands = ink[: rows * band].reshape(rows, band, ink.shape[1]).any(axis=1)
    texty = bands.any(axis=1)
    n_text = int(texty.sum())
    cols = np.flatnonzero(bands.any(axis=0))
    if n_text < 8 or len(cols) == 0:
        return None
    left, right = int(cols[0]), int(cols[-1])
    occupancy = bands.sum(axis=0)
    free = occupancy <= max(1, GUTTER_INK * n_text)
    best = None
    for a, b in _runs(free):
        if b - a < GUTTER * height or a < left + 1.5 * height or a > left + 0.4 * (right - left):
            continue
        inside = occupancy[a:b].max()
        label_bands = int(bands[:, left:a].any(axis=1).sum())
        body_bands = int(bands[:, b:right + 1].any(axis=1).sum())
        if label_bands < MIN_LABEL_BANDS or body_bands < 8:
            continue
        if best is None or inside < best[2]:
            best = (a, b, inside)
    if best is None:
        return None
    a, b, _ = best
    # a row crosses when its ink reaches the gutter's middle third (a label cell's last character may
    # touch the gutter's edge, a heading runs through it)
    third = max(1, (b - a) // 3)
    cross_bands = bands[:, a + third: b - third].any(axis=1)
    # a crossing row takes the whole run of text bands it belongs to (its line, top to bottom)
    crossing = np.zeros(ink.shape[0], dtype=bool)
    for r0, r1 in _runs(texty):
        if cross_bands[r0:r1].any():
            crossing[r0 * band: r1 * band] = True
    return a, b, crossing


OFF_ROWS = 0.25  # share of label-column lines whose middle falls between body lines


def labels_off_rows(ink: np.ndarray, gutter, height: float) -> bool:
    """Whether label-column lines sit off the body's rows (centred against a speech, or a cell
    wrapped on a leading of its own). Labels level with body lines are read as well in one pass
    (the line is split at the gutter afterwards), and better: a narrow zone of two-character cells
    (会　長) gives Tesseract too little to go on."""
    a, b, crossing = gutter
    left = ink[:, :a].any(axis=1) & ~crossing
    body = ink[:, b:].any(axis=1)
    mids = [(r0 + r1) // 2 for r0, r1 in _runs(left) if r1 - r0 >= 0.4 * height]
    if not mids:
        return False
    off = sum(not body[m] for m in mids)
    return off >= max(1, OFF_ROWS * len(mids))


_UNSET = object()


def zone_images(clean: np.ndarray, ink: np.ndarray, height: float, gutter=_UNSET):
    """(image, x offset, psm or None for the page's) of each zone to read: the whole page, or label
    column, body column and the rows crossing the gutter (each zone's other parts painted white).
    `gutter`: find_gutter's, when the caller has it already."""
    if gutter is _UNSET:
        gutter = find_gutter(ink, height)
    if gutter is None or not labels_off_rows(ink, gutter, height):
        return [(clean, 0, None)]
    a, b, crossing = gutter
    cut = (a + b) // 2
    out = []
    for x0, x1, psm in ((0, cut, LABEL_ZONE_PSM), (cut, clean.shape[1], None)):
        part = clean[:, x0:x1].copy()
        part[crossing] = 255
        out.append((part, x0, psm))
    if crossing.any():
        part = clean.copy()
        part[~crossing] = 255
        out.append((part, 0, None))
    return out


RECOVER_PSM = 13  # a raw line: the one-line regions side by side
# ... and, for the regions the raw line read as nothing sure, one line (psm 7): a strip of lone
# characters (the 君 a wrapped name cell ends with, 新妻文雄 / 君) comes out of the raw line as specks
# and misreads at confidence 0 ('-', '。', '寺'), while the line finder reads each 君 at 50-70; the raw
# line stays first because the line finder drops a short label such as 総務課長 standing alone
RETRY_PSM = 7
MAX_RECOVERED = 24  # regions tried a page, at most
RECOVERED_CONF = 50.0  # a recovered region read less sure than this is noise (but KEPT_UNSURE)


def recover_missed_text(clean: np.ndarray, ink: np.ndarray, lines: list[Line], page_number: int,
                        sx: float, sy: float, opts: Options, fix=fix_ocr_text) -> list[Line]:
    """Read again, one line at a time, ink that the page pass left out.

    Tesseract's page layout drops short isolated text, above all a letter-spaced label cell (委　員)
    standing alone in a table's label column, which is what tells who speaks. Ink of about a line's
    height that no recognised line covers is cut out; the cut-outs are read in one run, side by side."""
    import cv2

    if not lines:
        return []
    height = float(np.median([(ln.bottom - ln.top) / sy for ln in lines]))
    if height < 4:
        return []
    covered = np.zeros_like(ink, dtype=np.uint8)
    pad = int(0.3 * height)
    for ln in lines:
        x0, y0, x1, y1 = int(ln.x0 / sx), int(ln.top / sy), int(ln.x1 / sx), int(ln.bottom / sy)
        covered[max(0, y0 - pad): y1 + pad, max(0, x0 - pad): x1 + pad] = 1
    missed = (ink & (covered == 0)).astype(np.uint8)
    # join the characters of one label (委　員: a character's width apart), not two lines
    joined = cv2.dilate(missed, np.ones((max(1, int(0.3 * height)), max(1, int(1.6 * height))), np.uint8))
    n, component, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    found = []
    for i in range(1, n):
        x, y, bw, bh, _ = stats[i]
        ink_px = int(missed[y: y + bh, x: x + bw].sum())
        if not (0.5 * height <= bh <= 2.2 * height) or bw < 0.6 * height or ink_px < 0.15 * height * height:
            continue
        # the region is where its ink is, not the dilation's reach: a lone 君 under a name cell boxed
        # half a character wider sits left of its column, and read with the white around it comes
        # back with a speck's 。 (君。)
        ys, xs = np.nonzero(missed[y: y + bh, x: x + bw] & (component[y: y + bh, x: x + bw] == i))
        found.append((x + int(xs.min()), y + int(ys.min()), int(xs.max() - xs.min()) + 1, int(ys.max() - ys.min()) + 1))
    regions = sorted(found, key=lambda b: -b[2] * b[3])[:MAX_RECOVERED]
    if not regions:
        return []
    m = int(0.4 * height)
    crops = [clean[max(0, y - m): y + bh + m, max(0, x - m): x + bw + m] for x, y, bw, bh in regions]
    readings: list[tuple[str, float] | None] = [None] * len(regions)
    # the one-line regions in one Tesseract run, set side by side on one strip and read as a raw
    # line (each run loads the model again, which costs more than reading a short line); a region of
    # two lines is read on its own
    single = [i for i, (_, _, _, bh) in enumerate(regions) if bh <= 1.5 * height]
    for psm in (RECOVER_PSM, RETRY_PSM):
        todo = [i for i in single if readings[i] is None]
        if not todo:
            break
        for i, words in zip(todo, _read_side_by_side([crops[i] for i in todo], int(2 * height), opts, psm)):
            readings[i] = _sure_reading(words, fix)
    for i in set(range(len(regions))) - set(single):
        try:
            readings[i] = _sure_reading([w for _, w in _words(ocr_engine_data(crops[i], opts.lang, 6,
                                                                               timeout=opts.timeout))], fix)
        except OcrFailedError:
            continue
    out = []
    for (x, y, bw, bh), reading in zip(regions, readings):
        if reading is None:
            continue
        text, conf = reading
        text = _fit_to_ink(text, bw, bh)
        out.append(Line(text=text, x0=float(x * sx), top=float(y * sy), x1=float((x + bw) * sx),
                        bottom=float((y + bh) * sy), page=page_number, size=round(float(bh * sy), 2),
                        conf=round(conf, 1)))
    return out


def _read_side_by_side(crops: list[np.ndarray], gap: int, opts: Options, psm: int) -> list[list[Word]]:
    """The words of each crop, the crops set side by side on one strip and read in one run."""
    strip = np.full((max(c.shape[0] for c in crops), sum(c.shape[1] + gap for c in crops) + gap), 255,
                    dtype=crops[0].dtype)
    spans, x = [], gap
    for c in crops:
        top = (strip.shape[0] - c.shape[0]) // 2
        strip[top: top + c.shape[0], x: x + c.shape[1]] = c
        spans.append((x, x + c.shape[1]))
        x += c.shape[1] + gap
    by_crop: list[list[Word]] = [[] for _ in crops]
    try:
        data = ocr_engine_data(strip, opts.lang, psm, timeout=opts.timeout)
    except OcrFailedError:
        return by_crop
    for _, w in _words(data):
        for k, (a, b) in enumerate(spans):
            # a word must lie within one crop: a raw-line reading boxed over the blank between two
            # crops (a page number's 1/1 boxed from its crop to the lone 君 beside it) is no one's
            if a - gap / 2 <= w.x0 and w.x1 <= b + gap / 2:
                by_crop[k].append(w)
                break
    return by_crop


def _fit_to_ink(text: str, width: int, height: int) -> str:
    """A recovered region's reading less the trailing marks its ink has no room for: a character
    takes about its height in width, so the lone 君 of a name cell read as 君。 is 君 (with the 。
    the cell is no label)."""
    room = max(1, round(width / max(height, 1) + 0.3))
    while len(text) > room and text[-1] in "。、．，.,":
        text = text[:-1]
    return text


def _sure_reading(words: list[Word], fix) -> tuple[str, float] | None:
    """(text, confidence) of a recovered region's words, or None when it is not Japanese or too unsure."""
    words = sorted(words, key=lambda w: w.x0)
    text = fix(" ".join(w.text for w in words)).strip()
    if not words or not any(_is_japanese(c) for c in text):
        return None
    conf = float(np.average([w.conf for w in words], weights=[len(w.text) for w in words]))
    if conf < RECOVERED_CONF and text not in KEPT_UNSURE:
        return None
    return text, conf


_is_japanese = is_kana_kanji


def _pdf_task(path: str, number: int, opts: Options) -> Page:
    grey, w_pt, h_pt = raster.rasterize(path, number, opts.dpi)
    return ocr_page_image(grey, number, w_pt, h_pt, opts)


def _image_task(path: str, frame: int, opts: Options) -> Page:
    grey = raster.load_image(path, frame)
    h, w = grey.shape
    return ocr_page_image(grey, frame + 1, w * 72 / opts.dpi, h * 72 / opts.dpi, opts)


def _init_worker() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the CPUs this process may use (containers, taskset)
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def _run(task, path: str, items: list[int], opts: Options, jobs: int | None, progress=None) -> list[Page]:
    jobs = max(1, jobs or _cpus())
    done = _progress_counter(progress, len(items))  # (i14) progress(stage, done, total) per page
    if jobs == 1 or len(items) == 1:
        return [done(task(path, item, opts)) for item in items]
    with ProcessPoolExecutor(max_workers=min(jobs, len(items)), initializer=_init_worker) as pool:
        futures = [pool.submit(task, path, item, opts) for item in items]
        try:
            return [done(f.result()) for f in futures]
        except BaseException:
            for f in futures:
                f.cancel()
            raise


def ocr_pdf_pages(path, page_numbers: list[int], dpi: float = 300, lang: str = DEFAULT_LANG,
                  jobs: int | None = None, progress=None, **kw) -> list[Page]:
    """OCR the given 1-based pages of a PDF; Pages in the order asked, sizes in PDF points."""
    lang = usable_lang(lang)
    opts = Options(dpi=dpi, lang=lang, **kw)
    check_available(lang)
    raster.check_pdf_pages(path, list(page_numbers), dpi)
    return _run(_pdf_task, str(path), list(page_numbers), opts, jobs, progress)


def ocr_image_file(path, dpi: float = 300, lang: str = DEFAULT_LANG, jobs: int | None = None, progress=None,
                   pages: list[int] | None = None, **kw) -> list[Page]:
    """OCR every page of a PNG, JPEG or (multi-page) TIFF, or only `pages` (1-based, checked by the
    caller against `raster.image_frame_count`); the image is taken to be at `dpi`."""
    lang = usable_lang(lang)
    opts = Options(dpi=dpi, lang=lang, **kw)
    check_available(lang)
    frames = [n - 1 for n in pages] if pages is not None else range(raster.image_frame_count(path))  # (i14)
    return _run(_image_task, str(path), list(frames), opts, jobs, progress)


def _progress_counter(progress, total: int):
    """(i14) A pass-through that tells `progress` of each page finished."""
    count = [0]

    def done(page):
        count[0] += 1
        if progress:
            progress("ocr", count[0], total)
        return page
    return done
