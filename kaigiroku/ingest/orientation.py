"""Which way a scanned page is set and which way up it lies, judged from the page itself.

    page_orientation(grey, dpi) -> Orientation(rotate, vertical, skew)
    upright(grey, rotate)       the page turned `rotate` degrees clockwise

Two questions, two measurements:
  - which way up (0/90/180/270): first from the layout (layout_turn): 、 and 。 stand in one corner
    of their character cell, and each turn of the page puts them in another. This costs a fraction
    of a second and tells most pages. A page it cannot tell (few marks, unclear profiles) goes to
    Tesseract's OSD (osd.traineddata, a second or two a page), run on a cleaned crop of the page's
    text (about 1000 px square): on a whole raw scan it is slow and, on rough scans, wrong. A
    reading OSD is unsure of (confidence under OSD_MIN_CONF) leaves the page as it is.
  - which way the lines run: projection profiles of the ink. Lines of text leave bands of paper
    between them across the whole text block; characters within a line do not. The ink is projected
    onto the vertical axis (rows) and onto the horizontal one (columns) over a small range of skew
    angles; the direction whose best profile has the sharper edges is the direction of the lines.
    A cover or a table in a vertical volume is horizontal, so this is asked of every page.
"""
from __future__ import annotations

import os
from typing import NamedTuple

import cv2
import numpy as np

OSD_MIN_CONF = 1.0  # OSD's orientation confidence below which the page is left as it is
OSD_CROP = 1100  # px: side of the square of text OSD reads (at 300 dpi about 9 cm)
WORK_DPI = 100  # the projection profiles are measured on the page at this resolution
MAX_SKEW = 5.0  # degrees searched for each direction
CUE_DPI = 150  # the layout cues (ragged edge, punctuation) are read at this resolution
CLEAR_LINES = 1.3  # the profiles are clear when one direction is this much sharper than the other
CUE_VOTES = 4  # short lines and punctuation marks each must give this many votes, ...
CUE_RATIO = 3.0  # ... this many times more than for the opposite reading


class Orientation(NamedTuple):
    rotate: int  # degrees clockwise that turn the page upright: 0, 90, 180 or 270
    vertical: bool  # the lines run top to bottom (縦書き)
    skew: float  # the lines' small angle in the upright page, degrees (counter-clockwise positive)
    osd_conf: float = 0.0


def upright(grey: np.ndarray, rotate: int) -> np.ndarray:
    """The page turned `rotate` degrees clockwise."""
    k = (rotate // 90) % 4
    return np.ascontiguousarray(np.rot90(grey, k=-k)) if k else grey


def _ink(grey: np.ndarray) -> np.ndarray:
    """Ink as a bool image, after evening out the paper tone (scanner borders and gradients)."""
    from .preprocess import crop_borders, even_background, ink_threshold

    g = even_background(crop_borders(grey), WORK_DPI)
    return g < ink_threshold(g)


def _small(grey: np.ndarray, dpi: float) -> np.ndarray:
    f = min(1.0, WORK_DPI / max(dpi, 1.0))
    if f >= 1.0:
        return grey
    return cv2.resize(grey, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)


def _sharpness(xs: np.ndarray, ys: np.ndarray, angle: float, size: int) -> float:
    t = np.deg2rad(angle)
    y = ys * np.cos(t) + xs * np.sin(t)
    hist = np.bincount(np.clip(y + size, 0, None).astype(np.int64)).astype(np.float64)
    return float(np.sum(np.diff(hist) ** 2))


def _best_angle(xs: np.ndarray, ys: np.ndarray, size: int) -> tuple[float, float]:
    """(angle, sharpness) of the sharpest row profile of the points, coarse then fine."""
    def best(angles):
        scores = [_sharpness(xs, ys, a, size) for a in angles]
        i = int(np.argmax(scores))
        return float(angles[i]), scores[i]

    a, _ = best(np.arange(-MAX_SKEW, MAX_SKEW + 1e-9, 0.25))
    a, _ = best(np.arange(a - 0.3, a + 0.3 + 1e-9, 0.05))
    return best(np.arange(a - 0.06, a + 0.06 + 1e-9, 0.01))


def line_direction(grey: np.ndarray, dpi: float) -> tuple[bool, float, float]:
    """(vertical, skew, margin) of an upright page: whether its lines run down (columns), the skew
    of those lines, and how clearly (the ratio of the two sharpness scores, >1)."""
    ink = _ink(_small(grey, dpi))
    ys, xs = np.nonzero(ink)
    if len(xs) < 200:
        return False, 0.0, 1.0
    if len(xs) > 200_000:
        keep = np.random.default_rng(0).choice(len(xs), 200_000, replace=False)
        xs, ys = xs[keep], ys[keep]
    xs, ys = xs.astype(np.float64), ys.astype(np.float64)
    size = max(ink.shape)
    row_angle, rows = _best_angle(xs, ys, size)
    # columns: the same measurement on the page transposed; an angle there is the opposite sense
    col_angle, cols = _best_angle(ys, xs, size)
    if cols > rows:
        return True, round(-col_angle, 2), cols / max(rows, 1e-9)
    return False, round(row_angle, 2), rows / max(cols, 1e-9)


def _text_crop(grey: np.ndarray) -> np.ndarray:
    """A cleaned square of the page's text, for OSD: centred on the ink's bounding box."""
    from .preprocess import binarise, crop_borders, even_background

    g = even_background(crop_borders(grey), 300)
    ink = g < 128
    ys, xs = np.nonzero(ink[:: 4, :: 4])
    if len(xs) == 0:
        return binarise(g)
    cx = int((np.percentile(xs, 5) + np.percentile(xs, 95)) / 2) * 4
    cy = int((np.percentile(ys, 5) + np.percentile(ys, 95)) / 2) * 4
    h, w = g.shape
    half = OSD_CROP // 2
    y0, x0 = max(0, min(h - OSD_CROP, cy - half)), max(0, min(w - OSD_CROP, cx - half))
    return binarise(g[y0: y0 + OSD_CROP, x0: x0 + OSD_CROP])


def osd_rotation(grey: np.ndarray, dpi: float) -> tuple[int, float]:
    """(degrees clockwise to turn the page upright, confidence) from Tesseract's OSD; (0, 0.0) when
    OSD finds too few characters or is not installed."""
    import pytesseract

    from .tesseract import TIMEOUT

    g = grey
    if abs(dpi - 300) > 30:  # OSD's character models are for text of about 300 dpi
        g = cv2.resize(grey, None, fx=300 / dpi, fy=300 / dpi, interpolation=cv2.INTER_CUBIC)
    crop = _text_crop(g)
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        osd = pytesseract.image_to_osd(crop, config="--psm 0 --dpi 300 -c min_characters_to_try=10",
                                       output_type=pytesseract.Output.DICT, timeout=TIMEOUT)
    except (pytesseract.TesseractError, pytesseract.TesseractNotFoundError, RuntimeError, OSError, ValueError):
        return 0, 0.0  # too few characters, no osd data: the page stays as it is
    return int(osd.get("rotate", 0)) % 360, float(osd.get("orientation_conf", 0.0))


# the corner of their cell where the marks stand in the line frame (upper?, against the left?) ->
# (degrees clockwise that turn the page upright, lines vertical once upright), for a page whose
# lines run across (rows) and one whose lines run down (columns)
TURNS = {
    False: {(False, True): (0, False), (True, False): (180, False),  # horizontal, upside down
            (False, False): (270, True), (True, True): (90, True)},  # vertical, turned cw / ccw
    True: {(True, True): (0, True), (False, False): (180, True),  # vertical, upside down
           (False, True): (270, False), (True, False): (90, False)},  # horizontal, turned cw / ccw
}


def layout_turn(grey: np.ndarray, dpi: float, vertical: bool) -> tuple[int, bool] | None:
    """(degrees clockwise that turn the page upright, whether its lines then run down), read from
    the layout alone, for a page whose lines run as `vertical` says; None when it cannot tell.

    The cue is where 、 and 。 stand. Each sits alone in a corner of its character cell, next to
    the character before it: at the lower left of the cell in a horizontal line, at the upper
    right in a vertical column. In the line frame (lines as rows; a page with columns turned a
    quarter counter-clockwise) the four turns of a page put the marks in four different corners
    (TURNS). When the marks are too few or do not agree, OSD decides."""
    cues = layout_cues(grey, dpi, vertical)
    if cues is None:
        return None
    top, bottom, left, right = cues

    def clear(a: int, b: int) -> bool | None:
        if a >= CUE_VOTES and a >= CUE_RATIO * b:
            return True
        if b >= CUE_VOTES and b >= CUE_RATIO * a:
            return False
        return None

    upper, against_left = clear(top, bottom), clear(left, right)
    if upper is None or against_left is None:
        return None
    return TURNS[vertical][(upper, against_left)]


def layout_cues(grey: np.ndarray, dpi: float, vertical: bool) -> tuple[int, int, int, int] | None:
    """(marks in the upper half of their line, in the lower half, against the character on their
    left, on their right) in the line frame (see layout_turn); None when the page has too
    few lines to tell."""
    import cv2

    f = min(1.0, CUE_DPI / max(dpi, 1.0))
    g = cv2.resize(grey, None, fx=f, fy=f, interpolation=cv2.INTER_AREA) if f < 1.0 else grey
    ink = _ink_at(g, dpi * f)
    if vertical:
        ink = np.ascontiguousarray(np.rot90(ink, 1))  # column heads to the left, columns as rows
    ink = _level(ink)
    profile = ink.sum(axis=1)
    rows = profile >= max(2.0, 0.05 * float(np.percentile(profile, 90)))  # specks of a rough scan are no line
    d = np.diff(np.concatenate([[0], rows.astype(np.int8), [0]]))
    bands = list(zip(np.flatnonzero(d == 1).tolist(), np.flatnonzero(d == -1).tolist()))
    if len(bands) < 3:
        return None
    em = float(np.median([b - a for a, b in bands]))
    lines = [(a, b) for a, b in bands if 0.6 * em <= b - a <= 1.6 * em]
    if len(lines) < 3 or em < 6:
        return None
    return _lone_marks(ink, lines, em)


def _level(ink: np.ndarray) -> np.ndarray:
    """The ink turned so that its lines run level (a scan's skew of a degree shifts a long line by
    a line's height, and the lines' bands would run into each other)."""
    import cv2

    ys, xs = np.nonzero(ink)
    if len(xs) < 200:
        return ink
    if len(xs) > 100_000:
        keep = np.random.default_rng(0).choice(len(xs), 100_000, replace=False)
        xs, ys = xs[keep], ys[keep]
    angle, _ = _best_angle(xs.astype(np.float64), ys.astype(np.float64), max(ink.shape))
    if abs(angle) < 0.05:
        return ink
    h, w = ink.shape
    turn = cv2.getRotationMatrix2D((w / 2, h / 2), -angle, 1.0)
    return cv2.warpAffine(ink.astype(np.uint8), turn, (w, h), flags=cv2.INTER_NEAREST) > 0


def _lone_marks(ink: np.ndarray, lines: list[tuple[int, int]], em: float) -> tuple[int, int, int, int]:
    """(top, bottom, left, right): small marks (、。) alone in the upper or lower half of their
    line's band, with nothing above or below them in the band (a dakuten or a kanji's dot has
    its character under or over it); left or right: the side where their neighbour is nearer."""
    import cv2

    _, _, stats, _ = cv2.connectedComponentsWithStats(ink.astype(np.uint8), connectivity=8)
    line_of = np.full(ink.shape[0], -1)
    for i, (a, b) in enumerate(lines):
        line_of[a:b] = i
    top = bottom = left = right = 0
    reach = int(1.2 * em)
    for x, y, w, h, area in stats[1:]:
        if not (0.12 * em <= max(w, h) <= 0.45 * em and area >= 0.25 * w * h):
            continue
        k = line_of[y + h // 2]
        if k < 0:
            continue
        a, b = lines[k]
        x0, x1 = max(0, x - int(0.1 * em)), x + w + int(0.1 * em)
        if y + h / 2 >= (a + b) / 2:  # the lower half: the band above it must be empty
            if y - a < 0.4 * (b - a) or ink[a: y - 1, x0:x1].any():
                continue
            bottom += 1
        else:
            if b - (y + h) < 0.4 * (b - a) or ink[y + h + 1: b, x0:x1].any():
                continue
            top += 1
        before = np.flatnonzero(ink[a:b, max(0, x - reach): x].any(axis=0))
        after = np.flatnonzero(ink[a:b, x + w: x + w + reach].any(axis=0))
        gap_left = (x - max(0, x - reach) - 1 - before[-1]) if len(before) else reach
        gap_right = after[0] if len(after) else reach
        if gap_left + 0.2 * em < gap_right:
            left += 1
        elif gap_right + 0.2 * em < gap_left:
            right += 1
    return top, bottom, left, right


def _ink_at(grey: np.ndarray, dpi: float) -> np.ndarray:
    from .preprocess import crop_borders, even_background, ink_threshold

    g = even_background(crop_borders(grey), dpi)
    return g < ink_threshold(g)


def page_orientation(grey: np.ndarray, dpi: float, osd: bool = True) -> Orientation:
    """How to turn the page upright and which way its lines then run. The layout tells when the
    profiles are clear and the marks agree (most pages); OSD (a second or two a page) otherwise."""
    vertical, skew, margin = line_direction(grey, dpi)
    turn = layout_turn(grey, dpi, vertical) if margin >= CLEAR_LINES else None
    if turn is not None:
        rotate, conf = turn[0], 0.0
    else:
        rotate, conf = osd_rotation(grey, dpi) if osd else (0, 0.0)
        if conf < OSD_MIN_CONF:
            rotate = 0
    if rotate == 0:
        return Orientation(0, vertical, skew, conf)
    vertical, skew, _ = line_direction(upright(grey, rotate), dpi)
    return Orientation(rotate, vertical, skew, conf)
