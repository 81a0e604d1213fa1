"""Which way a scanned page is set and which way up it lies, judged from the page itself.

    page_orientation(grey, dpi) -> Orientation(rotate, vertical, skew)
    upright(grey, rotate)       the page turned `rotate` degrees clockwise

Two questions, two measurements:
  - which way up (0/90/180/270): Tesseract's OSD (osd.traineddata) reads the orientation of the
    characters. It runs on a cleaned crop of the page's text (about 1000 px square): on a whole raw
    scan it is slow and, on rough scans, wrong; on a clean crop it was right for every page we tried.
    A reading it is unsure of (confidence under OSD_MIN_CONF) leaves the page as it is.
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


def page_orientation(grey: np.ndarray, dpi: float, osd: bool = True) -> Orientation:
    """How to turn the page upright and which way its lines then run."""
    rotate, conf = osd_rotation(grey, dpi) if osd else (0, 0.0)
    if conf < OSD_MIN_CONF:
        rotate = 0
    vertical, skew, _ = line_direction(upright(grey, rotate), dpi)
    return Orientation(rotate, vertical, skew, conf)
