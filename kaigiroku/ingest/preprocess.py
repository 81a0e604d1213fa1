"""OpenCV clean-up of a scanned page before OCR. Each step is a plain function on a uint8 image.

    to_grey             colour -> 8-bit grey
    crop_borders        paint dark scanner borders (strips along the edges) with the paper tone
    even_background     divide by the paper estimated by a morphological closing: uneven tone -> white
    remove_noise        median filter: sensor noise and JPEG ringing
    estimate_skew       the angle text lines make with the horizontal (projection-profile search,
                        within ±5°: a page scanned sideways is not turned)
    deskew              rotate by that angle about the page centre (same canvas: coordinates stay put)
    remove_rules        paint table rules (long straight horizontal / vertical ink runs) as paper
    binarise            Otsu threshold (after even_background, one threshold fits the whole page)
    remove_specks       drop small ink blobs that sit away from any text (toner specks, dust)
    whiten_background   keep the grey pixels near the ink that is left, paint the rest white

`preprocess(img, dpi)` runs them in that order and returns the clean image and the skew angle;
`skip` switches steps off (the bench's ablation). Tesseract's LSTM reads grey levels: the thin
horizontal strokes of a blurred Mincho face survive in grey but not in any one threshold, so the
binary image serves as a mask (what is ink, what is noise) and Tesseract gets the grey under it.

Angles are in degrees, counter-clockwise positive as displayed (cv2.getRotationMatrix2D's sense).
"""
from __future__ import annotations

import cv2
import numpy as np

STEPS = ("crop_borders", "even_background", "remove_noise", "deskew", "remove_rules", "binarise", "remove_specks")
# switching off "binarise" also switches off remove_specks and whiten_background (they need the mask)


def to_grey(img: np.ndarray) -> np.ndarray:
    if img.ndim == 3:
        code = cv2.COLOR_BGRA2GRAY if img.shape[2] == 4 else cv2.COLOR_BGR2GRAY
        img = cv2.cvtColor(img, code) if img.shape[2] in (3, 4) else img[:, :, 0]
    if img.dtype != np.uint8:
        img = cv2.normalize(img.astype(np.float32), None, 0, 255, cv2.NORM_MINMAX).astype(np.uint8)
    return np.ascontiguousarray(img)


def paper_level(grey: np.ndarray) -> int:
    """The tone of blank paper: a high percentile of the page (text covers well under half of it)."""
    return int(np.percentile(grey[:: 4, :: 4], 90))


def find_content_box(grey: np.ndarray, dark_fraction: float = 0.5) -> tuple[int, int, int, int]:
    """(x0, y0, x1, y1) inside the dark strips along the edges (scanner lid, page shadow).

    A strip is a run of columns (rows) from the edge that are mostly dark; it goes on while they are
    still a quarter dark (the wedge of a skewed page), and a small margin is added for its edge."""
    h, w = grey.shape
    dark = grey < 0.55 * paper_level(grey)

    def edge(profile: np.ndarray) -> int:
        n = 0
        while n < len(profile) // 3 and profile[n] > dark_fraction:
            n += 1
        if n:
            while n < len(profile) // 3 and profile[n] > 0.25:
                n += 1
            n += max(2, len(profile) // 300)
        return n

    cols = dark.mean(axis=0)
    x0, x1 = edge(cols), w - edge(cols[::-1])
    rows = dark[:, x0:x1].mean(axis=1) if x1 > x0 else dark.mean(axis=1)
    y0, y1 = edge(rows), h - edge(rows[::-1])
    return x0, y0, x1, y1


def crop_borders(grey: np.ndarray) -> np.ndarray:
    """The page with its dark border strips painted in the paper tone (same size, same coordinates)."""
    x0, y0, x1, y1 = find_content_box(grey)
    if (x0, y0, x1, y1) == (0, 0, grey.shape[1], grey.shape[0]):
        return grey
    inner = grey[y0:y1, x0:x1]
    out = np.full_like(grey, paper_level(inner) if inner.size else 255)
    out[y0:y1, x0:x1] = inner
    return out


def even_background(grey: np.ndarray, dpi: float = 300) -> np.ndarray:
    """Divide by the paper (closing removes the dark text, a blur smooths what is left): paper -> 255."""
    h, w = grey.shape
    f = 4
    small = cv2.resize(grey, (max(1, w // f), max(1, h // f)), interpolation=cv2.INTER_AREA)
    k = max(3, int(dpi / 12 / f) | 1)  # wider than a stroke and the gaps inside a kanji
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (k, k))
    bg = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)
    bg = cv2.GaussianBlur(bg, (0, 0), k)
    bg = cv2.resize(bg, (w, h), interpolation=cv2.INTER_LINEAR)
    out = cv2.divide(grey, np.maximum(bg, 1), scale=255)
    return out


def remove_noise(grey: np.ndarray, dpi: float = 300) -> np.ndarray:
    return cv2.medianBlur(grey, 3 if dpi < 400 else 5)


def _paper_noise(grey: np.ndarray) -> tuple[np.ndarray, float, float]:
    """(sample, paper tone, noise deviation) of a page."""
    sample = grey[:: 3, :: 3]
    paper = float(np.median(sample))  # text covers well under half of a page
    sigma = 1.4826 * float(np.median(np.abs(sample.astype(np.float32) - paper)))
    return sample, paper, max(sigma, 1.0)


def ink_threshold(grey: np.ndarray) -> float:
    """Otsu's threshold, but at least four noise deviations below the paper: on a nearly blank page
    the histogram has one mode (paper and its noise) and Otsu alone would split the noise."""
    sample, paper, sigma = _paper_noise(grey)
    otsu, _ = cv2.threshold(sample, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    return min(float(otsu), paper - 4 * sigma)


def faint_threshold(grey: np.ndarray) -> float:
    """Three noise deviations below the paper (never above ink_threshold's): darker than that is
    faint ink where it touches ink, noise elsewhere."""
    _, paper, sigma = _paper_noise(grey)
    return max(ink_threshold(grey), paper - 3 * sigma)


def _ink_points(grey: np.ndarray, max_points: int = 250_000) -> np.ndarray:
    ink = grey < ink_threshold(grey)
    ys, xs = np.nonzero(ink)
    if len(xs) > max_points:
        keep = np.random.default_rng(0).choice(len(xs), max_points, replace=False)
        xs, ys = xs[keep], ys[keep]
    return np.column_stack([xs, ys]).astype(np.float64)


def _sharpness(pts: np.ndarray, angle: float, height: int) -> float:
    """How sharply the rows of ink stand out when the page is straightened by `angle`."""
    t = np.deg2rad(angle)
    y = pts[:, 1] * np.cos(t) + pts[:, 0] * np.sin(t)
    hist = np.bincount(np.clip(y + height, 0, None).astype(np.int64))
    return float(np.sum(np.diff(hist.astype(np.float64)) ** 2))


def estimate_skew(grey: np.ndarray, max_angle: float = 5.0) -> float:
    """The angle (degrees) the text lines are rotated by: coarse then fine projection-profile search."""
    pts = _ink_points(grey)
    if len(pts) < 200:
        return 0.0
    h = grey.shape[0]

    def best(angles: np.ndarray) -> float:
        scores = [_sharpness(pts, a, h) for a in angles]
        return float(angles[int(np.argmax(scores))])

    a = best(np.arange(-max_angle, max_angle + 1e-9, 0.25))
    a = best(np.arange(a - 0.3, a + 0.3 + 1e-9, 0.05))
    a = best(np.arange(a - 0.06, a + 0.06 + 1e-9, 0.01))
    return round(a, 2)


def deskew(grey: np.ndarray, angle: float) -> np.ndarray:
    """Rotate the page by -angle about its centre, filling the corners with the paper tone."""
    if abs(angle) < 0.05:
        return grey
    h, w = grey.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), -angle, 1.0)
    return cv2.warpAffine(grey, m, (w, h), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_CONSTANT,
                          borderValue=paper_level(grey))


def binarise(grey: np.ndarray) -> np.ndarray:
    """Ink -> 0, paper -> 255 at one threshold for the page (see ink_threshold)."""
    _, out = cv2.threshold(grey, ink_threshold(grey), 255, cv2.THRESH_BINARY)
    return out


def _components(binary: np.ndarray):
    ink = (binary < 128).astype(np.uint8)
    return cv2.connectedComponentsWithStats(ink, connectivity=8)


def _text_height(stats: np.ndarray, dpi: float) -> float:
    h = stats[1:, cv2.CC_STAT_HEIGHT]
    w = stats[1:, cv2.CC_STAT_WIDTH]
    ok = (np.maximum(h, w) >= dpi / 20) & (h <= dpi / 2) & (w <= dpi / 2)  # 3.6 pt .. 36 pt
    return float(np.median(h[ok])) if ok.sum() >= 10 else dpi * 10.5 / 72 * 0.8


def text_height(binary: np.ndarray, dpi: float = 300) -> float:
    """A typical character's height in pixels: the median height of the ink blobs that are neither
    dots nor rules (a kana or kanji is mostly one or two blobs of nearly full height, so this is
    about 0.8 of the font size). Specks are below dpi/20 and do not count."""
    return _text_height(_components(binary)[2], dpi)


def find_rules(binary: np.ndarray, dpi: float = 300) -> np.ndarray:
    """A mask (bool) of straight ink runs longer than any character: table rules, underlines.

    Horizontal runs of three characters or more (a ―― dash is two), vertical runs of one and a
    half (a table row one line high is only that tall; no character is)."""
    ink = (binary < 128).astype(np.uint8)
    em = text_height(binary, dpi) / 0.8
    bridge = max(3, int(dpi / 40))  # close small breaks from noise and JPEG first
    mask = np.zeros_like(ink)
    for long, short in (((max(15, int(3 * em)), 1), (bridge, 1)), ((1, max(15, int(1.5 * em))), (1, bridge))):
        closed = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, short))
        mask |= cv2.morphologyEx(closed, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, long))
    return cv2.dilate(mask, np.ones((3, 3), np.uint8)).astype(bool)


def remove_rules(grey: np.ndarray, dpi: float = 300) -> np.ndarray:
    """The page with its table rules painted in the paper tone."""
    mask = find_rules(binarise(grey), dpi)
    if not mask.any():
        return grey
    out = grey.copy()
    out[mask] = paper_level(grey)
    return out


def remove_specks(binary: np.ndarray, dpi: float = 300) -> np.ndarray:
    """Remove ink blobs smaller than a stroke of a character that have no such stroke nearby.

    Size alone cannot tell a speck from 、。・, a dakuten or the dots of 点, but those sit within
    half a character of a character's main strokes; a speck is isolated."""
    n, labels, stats, centroids = _components(binary)
    if n <= 1:
        return binary
    em = _text_height(stats, dpi) / 0.8
    w, h = stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT]
    extent = np.maximum(w, h)
    solid = (stats[:, cv2.CC_STAT_AREA] > 0.5 * w * h) & (np.minimum(w, h) > 0.6 * extent)
    # 、 and ・ are a fifth of a character, a kana's stroke is more; a larger blob that is round and
    # solid is a speck too (strokes are thin, 。 is a ring, ● is bigger)
    small = (extent < 0.35 * em) | (solid & (extent < 0.6 * em))
    small[0] = False
    if not small.any():
        return binary
    big = ~small
    big[0] = False
    # distance from every pixel to the nearest pixel of a big blob
    dist = cv2.distanceTransform(np.where(big[labels], 0, 255).astype(np.uint8), cv2.DIST_L2, 3)
    cx = np.clip(centroids[:, 0].round().astype(int), 0, binary.shape[1] - 1)
    cy = np.clip(centroids[:, 1].round().astype(int), 0, binary.shape[0] - 1)
    drop = small & (dist[cy, cx] - np.maximum(w, h) / 2 > 0.6 * em)
    if not drop.any():
        return binary
    out = binary.copy()
    out[drop[labels]] = 255
    return out


def faint_ink(grey: np.ndarray, binary: np.ndarray) -> np.ndarray:
    """The binary image's ink (bool) with the faint strokes joined to it: every connected run of
    pixels darker than faint_threshold that touches that ink (hysteresis).

    A blurred Mincho face prints its horizontal strokes far lighter than its vertical ones; one
    threshold keeps the vertical strokes and loses the horizontals (山口 read as 山I I, 口's top and
    bottom gone), and whitening the paper around that ink alone erased them for good. Faint pixels
    that touch no ink (noise, the halo of a removed speck) stay paper."""
    ink = binary < 128
    faint = (grey < faint_threshold(grey)) | ink
    n, labels = cv2.connectedComponents(faint.astype(np.uint8), connectivity=8)
    keep = np.zeros(n, dtype=bool)
    keep[np.unique(labels[ink])] = True
    keep[0] = False
    return keep[labels]


def whiten_background(grey: np.ndarray, binary: np.ndarray, dpi: float = 300) -> np.ndarray:
    """`grey` where the binary image has ink (or faint ink joined to it, see faint_ink) within a
    few pixels, white elsewhere."""
    r = max(1, round(dpi / 75))
    ink = faint_ink(grey, binary).astype(np.uint8)
    near = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (2 * r + 1, 2 * r + 1)))
    out = np.full_like(grey, 255)
    np.copyto(out, grey, where=near.astype(bool))
    return out


def preprocess(img: np.ndarray, dpi: float = 300, skip=()) -> tuple[np.ndarray, float]:
    """All steps in order; return (clean image, skew angle found). `skip` names steps to leave out."""
    unknown = set(skip) - set(STEPS)
    if unknown:
        raise ValueError(f"unknown preprocessing steps: {sorted(unknown)}")
    g = to_grey(img)
    angle = 0.0
    if "crop_borders" not in skip:
        g = crop_borders(g)
    if "even_background" not in skip:
        g = even_background(g, dpi)
    if "remove_noise" not in skip:
        g = remove_noise(g, dpi)
    if "deskew" not in skip:
        angle = estimate_skew(g)
        g = deskew(g, angle)
    b = binarise(g)
    if "remove_rules" not in skip:
        rules = find_rules(b, dpi)
        if rules.any():
            g = g.copy()
            g[rules] = paper_level(g)
            b[rules] = 255
    if "binarise" in skip:
        return g, angle
    if "remove_specks" not in skip:
        b = remove_specks(b, dpi)
    return whiten_background(g, b, dpi), angle
