"""A second, line-by-line reading of the lines that say who speaks.

Read as a whole page, Tesseract misreads a name's rarer kanji on a rough scan, and misreads it
differently at each printing (河野敬三 came back as 河野散三 in the chair's call, 河野交三 in the
label, 河野攻三 in the next label, 河野敏 on the cover): no vote over the document's readings can then
find the name. The same lines cut out of the page and read again, one above the other in a single
run as uniform text, come back right almost every time (a line read alone is a line's worth of
context, not the page's). A reading costs a run of Tesseract, so only the lines that carry
speakers are read again: those holding a 君 (or what OCR makes of it) or a bracket near their
start (labels, the chair's calls, directions that name a member). The second reading replaces the first where Tesseract is at least as sure of it and it
tells the same line (nearly as long, most of its characters the same).
A short line read at almost no confidence (い条野吉 at 0 for a label cell's 〇河野敬) is no reading to
keep close to: it is read again too, and a reading of the same crop far surer replaces it.
"""
from __future__ import annotations

import numpy as np

from ..cleanup.ocrfix import KUN_MISREADS, SURER, carry_confidence
from ..errors import OcrFailedError
from ..model import Line
from .tesseract import ocr_engine_data

REREAD_PSM = 6  # the cut-out lines, stacked, read as one uniform block
LABEL_SPAN = 14  # a label's 君 or bracket stands within this many characters of its line's start
MAX_REREAD = 40  # lines read again on a page, at most
MAX_CHANGE = 0.35  # a second reading differing in more than this share of characters is another line
MIN_KEPT = 0.85  # ... as is one this much shorter
# A short line read this unsure is no reading at all (い条野吉 at 0 for a label cell's ○河野敬): it is
# read again too, and a reading of the same crop surer by SURER (ocrfix) replaces it whatever it says
UNSURE = 30.0
UNSURE_CHARS = 8  # a piece of a label cell, not a line of speech


def speaks(text: str) -> bool:
    """Whether a line may name who speaks: a 君 anywhere (a label, a call, a direction), a misread 君
    or a bracket near its start (a label). (Not the cover's list of names: read again, it comes back
    with other names misread, and one reading is as likely right as the other.)"""
    if "君" in text:
        return True
    head = text[:LABEL_SPAN]
    return any(c in "(（〔[［" for c in head) or any(c in KUN_MISREADS for c in head)


def _unsure_piece(ln: Line) -> bool:
    return ln.conf is not None and ln.conf < UNSURE and len(ln.text) <= UNSURE_CHARS


def _stacked(crops: list[np.ndarray], gap: int) -> tuple[np.ndarray, list[tuple[int, int]]]:
    """The crops one above the other on white, `gap` pixels apart; each crop's rows on the strip."""
    width = max(c.shape[1] for c in crops) + 2 * gap
    strip = np.full((sum(c.shape[0] + gap for c in crops) + gap, width), 255, dtype=crops[0].dtype)
    spans, y = [], gap
    for c in crops:
        strip[y: y + c.shape[0], gap: gap + c.shape[1]] = c
        spans.append((y, y + c.shape[0]))
        y += c.shape[0] + gap
    return strip, spans


def _read_stacked(crops: list[np.ndarray], height: float, opts) -> list[list] | None:
    """OCR the crops in one call, stacked; the words read on each crop (None when Tesseract failed)."""
    from .ocr import _words

    strip, spans = _stacked(crops, int(1.2 * height))
    try:
        data = ocr_engine_data(strip, opts.lang, REREAD_PSM, timeout=opts.timeout)
    except OcrFailedError:
        return None
    by_crop: list[list] = [[] for _ in crops]
    for _, w in _words(data):
        mid = (w.top + w.bottom) / 2
        for k, (a, b) in enumerate(spans):
            if a <= mid < b:
                by_crop[k].append(w)
                break
    return by_crop


def reread_speaker_lines(clean: np.ndarray, lines: list[Line], sx: float, sy: float, opts, fix) -> int:
    """Read again, in place, the lines of a page that may name a speaker (see above); `clean` is the
    page image the lines were read from, `sx`, `sy` its points per pixel. Returns how many changed."""
    from rapidfuzz.distance import Levenshtein

    named = [ln for ln in lines if ln.conf is not None and len(ln.text) >= 2 and speaks(ln.text)]
    unsure = [ln for ln in lines if len(ln.text) >= 2 and _unsure_piece(ln) and not speaks(ln.text)]
    chosen = (named + unsure)[:MAX_REREAD]  # (the lines that name speakers first)
    if not chosen:
        return 0
    height = float(np.median([(ln.bottom - ln.top) / sy for ln in chosen]))
    if height < 4:
        return 0
    pad_y, pad_x = int(0.35 * height), int(0.6 * height)
    crops = []
    for ln in chosen:
        x0, y0, x1, y1 = int(ln.x0 / sx), int(ln.top / sy), int(np.ceil(ln.x1 / sx)), int(np.ceil(ln.bottom / sy))
        crops.append(clean[max(0, y0 - pad_y): y1 + pad_y, max(0, x0 - pad_x): x1 + pad_x])
    by_crop = _read_stacked(crops, height, opts)
    if by_crop is None:
        return 0
    changed = 0
    for ln, words in zip(chosen, by_crop):
        if not words:
            continue
        words.sort(key=lambda w: w.x0)
        text = fix(" ".join(w.text for w in words)).strip()
        if not text or text == ln.text:
            continue
        conf = float(np.average([w.conf for w in words], weights=[len(w.text) for w in words]))
        if _unsure_piece(ln):
            if conf < ln.conf + SURER or not 0.5 * len(ln.text) <= len(text) <= 2 * len(ln.text):
                continue
        elif conf < (ln.conf or 0.0) or len(text) < MIN_KEPT * len(ln.text) \
                or Levenshtein.distance(text, ln.text) > MAX_CHANGE * len(ln.text):
            continue
        ln.text = text
        ln.conf = round(conf, 1)
        ln.char_conf = carry_confidence([(w.text, w.conf) for w in words], text)
        changed += 1
    return changed


# ----------------------------------------------------------------------------- a wrapped cell's tail
#
# A label cell wrapped over two rows of a narrow column may leave one character or two on its last
# row (米山企画 / 官, 新妻文雄 / 君). Read alone, such a tail has no word around it, and Tesseract
# reads a plain 官 as ーー, 上 or レーリ, unsure: the cell is then no label, and its speeches are lost.
# Cut out and set right after the piece above it, the tail is read as the end of its word.
TAIL_CHARS = 3  # a wrapped cell's tail holds at most this many characters ...
TAIL_WIDTH = 2.6  # ... and its ink at most this many character heights wide
TAIL_GAP = 1.2  # it stands under the piece above within this many character heights


def _ink_box(ink: np.ndarray, x0: int, y0: int, x1: int, y1: int) -> tuple[int, int, int, int] | None:
    """The bounding box of the ink in a region of the page (where the tail's glyph really is: the
    line finder may box only part of a lone character)."""
    ys, xs = np.nonzero(ink[max(0, y0): y1, max(0, x0): x1])
    if not len(xs):
        return None
    return max(0, x0) + int(xs.min()), max(0, y0) + int(ys.min()), max(0, x0) + int(xs.max()) + 1, \
        max(0, y0) + int(ys.max()) + 1


def wrapped_tails(lines: list[Line], label_right: float, height: float) -> list[tuple[Line, Line]]:
    """(piece, tail) pairs of the label column (lines ending left of `label_right`, in points): a
    short line right under a label-column line, starting where it starts."""
    column = sorted((ln for ln in lines if ln.x1 <= label_right and ln.text), key=lambda ln: ln.top)
    pairs = []
    for above, ln in zip(column, column[1:]):
        if len(ln.text) <= TAIL_CHARS and ln.x1 - ln.x0 <= TAIL_WIDTH * height \
                and 0 <= ln.top - above.bottom <= TAIL_GAP * height and abs(ln.x0 - above.x0) <= 0.6 * height:
            pairs.append((above, ln))
    return pairs


def reread_wrapped_tails(clean: np.ndarray, ink: np.ndarray, lines: list[Line], label_right_px: int,
                         sx: float, sy: float, opts, fix) -> int:
    """Read again, in place, the tails of wrapped label cells (see above), each set after the piece
    above it on one row, the rows stacked and read in one run. A tail takes the joined reading's end
    where that reading opens with the piece as already read (the row was read as that word going
    on), unless OCR was far surer of the tail read alone. Returns how many changed."""
    if not lines:
        return 0
    height_pt = float(np.median([ln.bottom - ln.top for ln in lines]))
    pairs = wrapped_tails(lines, label_right_px * sx, height_pt)
    if not pairs:
        return 0
    height = height_pt / sy
    pad = int(0.35 * height)
    rows, kept = [], []
    for above, tail in pairs:
        a = (int(above.x0 / sx), int(above.top / sy), int(np.ceil(above.x1 / sx)), int(np.ceil(above.bottom / sy)))
        # the tail's ink: under the piece, down to a character's height below the tail's box, left of the gutter
        t = _ink_box(ink, a[0] - pad, a[3] + 1, label_right_px, int(np.ceil(tail.bottom / sy)) + int(0.6 * height))
        if t is None:
            continue
        piece = clean[max(0, a[1] - pad): a[3] + pad, max(0, a[0] - pad): a[2] + pad // 2]
        mid = (t[1] + t[3]) // 2  # the tail's ink centred on a row as high as the piece's
        y0 = max(0, mid - piece.shape[0] // 2)
        tail_crop = clean[y0: y0 + piece.shape[0], max(0, t[0] - pad // 2): t[2] + pad]
        h = min(piece.shape[0], tail_crop.shape[0])
        if h < height or t[2] - t[0] > TAIL_WIDTH * height:
            continue
        rows.append(np.hstack([piece[:h], tail_crop[:h]]))
        kept.append((above, tail, (t[0] * sx, t[1] * sy, t[2] * sx, t[3] * sy)))
    if not rows:
        return 0
    by_row = _read_stacked(rows, height, opts)
    if by_row is None:
        return 0
    changed = 0
    for (above, tail, box), words in zip(kept, by_row):
        if not words:
            continue
        words.sort(key=lambda w: w.x0)
        text = fix("".join(w.text for w in words)).strip()
        conf = carry_confidence([(w.text, w.conf) for w in words], text)
        end = text[len(above.text):]
        if not text.startswith(above.text) or not 1 <= len(end) <= TAIL_CHARS or end == tail.text:
            continue
        end_conf = conf[len(above.text):]
        if (tail.conf or 0.0) - min(end_conf) >= SURER:  # (read alone far surer: a label of its own)
            continue
        tail.text, tail.conf, tail.char_conf = end, round(float(min(end_conf)), 1), tuple(end_conf)
        tail.x0, tail.top, tail.x1, tail.bottom = box  # where its ink is (a lone glyph may be boxed in part)
        # the same glyph read again as a line of its own (the page pass and the recovered ink each
        # boxing part of it) goes: the tail holds it now
        lines[:] = [ln for ln in lines if ln is tail or ln is above or not _inside(ln, box)]
        changed += 1
    return changed


def _inside(ln: Line, box: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = box
    return x0 - 1 <= ln.x0 and ln.x1 <= x1 + 1 and top - 1 <= (ln.top + ln.bottom) / 2 <= bottom + 1
