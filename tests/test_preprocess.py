"""Each clean-up step on a synthetic page whose right answer is known."""
from __future__ import annotations

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from kaigiroku.ingest import preprocess as pp

DPI = 150
FONT = "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf"
TEXT = ["ただいまから第３回教育委員会を開会いたします。本日の議題は、",
        "デジタル教科書の導入についてであります。事務局から説明を",
        "お願いします。市内の小学校と中学校に、タブレット端末を一人",
        "一台配備いたしました。サポートセンターを一か所に設け、支援員が"]


def text_page(lines: int = 12, size: int = 22, width: int = 1240, height: int = 1000) -> np.ndarray:
    """White page, black Japanese text lines (about 10.5 pt at 150 dpi)."""
    im = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(im)
    font = ImageFont.truetype(FONT, size)
    for i in range(lines):
        draw.text((90, 80 + i * int(size * 1.7)), TEXT[i % len(TEXT)], font=font, fill=0)
    return np.asarray(im).copy()


def rotate(img: np.ndarray, angle: float) -> np.ndarray:
    h, w = img.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(img, m, (w, h), flags=cv2.INTER_CUBIC, borderValue=255)


def ink(img: np.ndarray) -> np.ndarray:
    return img < 128


def test_to_grey_colour_and_depth():
    bgr = np.dstack([np.full((10, 20), v, np.uint8) for v in (0, 128, 255)])
    g = pp.to_grey(bgr)
    assert g.shape == (10, 20) and g.dtype == np.uint8
    wide = (np.arange(200, dtype=np.uint16) * 300).reshape(10, 20)
    g16 = pp.to_grey(wide)
    assert g16.dtype == np.uint8 and g16.min() == 0 and g16.max() == 255


@pytest.mark.parametrize("angle", [-3.4, -1.15, -0.35, 0.0, 0.6, 1.8, 2.75])
def test_estimate_skew_within_a_fifth_of_a_degree(angle):
    page = rotate(text_page(), angle)
    found = pp.estimate_skew(page)
    assert abs(found - angle) <= 0.2, (angle, found)


def test_deskew_straightens():
    page = rotate(text_page(), 2.2)
    straight = pp.deskew(page, pp.estimate_skew(page))
    assert abs(pp.estimate_skew(straight)) <= 0.1
    assert straight.shape == page.shape


def test_estimate_skew_blank_or_noisy_page_is_zero_not_noise():
    rng = np.random.default_rng(1)
    noisy = np.clip(235 + rng.normal(0, 8, (800, 600)), 0, 255).astype(np.uint8)
    assert pp.estimate_skew(noisy) == 0.0  # the noise is not taken for ink
    assert pp.estimate_skew(np.full((300, 300), 255, np.uint8)) == 0.0


def test_binarise_blank_noisy_page_has_no_ink():
    rng = np.random.default_rng(2)
    noisy = np.clip(245 + rng.normal(0, 6, (800, 600)), 0, 255).astype(np.uint8)
    assert ink(pp.binarise(noisy)).mean() < 0.001  # Otsu alone would call half the noise ink


def test_remove_specks_keeps_punctuation_and_dakuten():
    page = text_page(lines=4)
    rng = np.random.default_rng(3)
    specks = []
    while len(specks) < 60:  # isolated dots in the blank lower half and the margins
        x, y = int(rng.integers(10, 1230)), int(rng.integers(330, 990))
        specks.append((x, y))
    dirty = page.copy()
    for x, y in specks:
        cv2.circle(dirty, (x, y), int(rng.integers(1, 4)), 0, -1)
    binary = pp.binarise(dirty)
    clean = pp.remove_specks(binary, DPI)
    for x, y in specks:
        assert not ink(clean[y - 4:y + 5, x - 4:x + 5]).any(), (x, y)
    text = ink(binary[:320])
    assert np.array_equal(ink(clean[:320]), text)  # 、。 and the dots of だ, ブ, 点 all survive


def test_even_background_flattens_a_tone_gradient():
    page = text_page().astype(np.float32)
    h, w = page.shape
    ramp = 0.6 + 0.4 * (np.mgrid[0:h, 0:w][1] / w)  # paper from 153 (left) to 255 (right)
    shaded = (page * ramp).astype(np.uint8)
    flat = pp.even_background(shaded, DPI)
    paper = ~ink(page)
    clear = cv2.erode(paper.astype(np.uint8), np.ones((9, 9), np.uint8)).astype(bool)
    assert np.percentile(flat[clear], 5) > 235  # the dark side of the paper is white again
    truth = ink(pp.binarise(page.astype(np.uint8)))
    got = ink(pp.binarise(flat))
    def iou(a, b):
        return (a & b).sum() / (a | b).sum()

    assert iou(got, truth) > 0.9
    assert iou(ink(pp.binarise(shaded)), truth) < 0.7  # without it one threshold cannot fit both sides


def test_crop_borders_paints_dark_strips():
    page = text_page()
    page[:, :40] = 30  # left lid shadow
    page[:25, :] = 45  # top
    page[:, -60:] = 20  # right
    x0, y0, x1, y1 = pp.find_content_box(page)
    assert 40 <= x0 <= 50 and 25 <= y0 <= 35 and page.shape[1] - 70 <= x1 <= page.shape[1] - 60
    assert y1 == page.shape[0]
    out = pp.crop_borders(page)
    assert out.shape == page.shape
    assert out[:, :40].min() > 200 and out[:25].min() > 200 and out[:, -60:].min() > 200
    inner = (slice(40, None), slice(80, -80))
    assert np.array_equal(ink(out[inner]), ink(page[inner]))  # text untouched


def test_crop_borders_leaves_a_clean_page_alone():
    page = text_page()
    assert pp.find_content_box(page) == (0, 0, page.shape[1], page.shape[0])
    assert pp.crop_borders(page) is page


def test_remove_rules_takes_table_lines_not_text():
    page = text_page(lines=4)
    table = page.copy()
    cv2.rectangle(table, (60, 60), (1200, 300), 0, 2)
    cv2.line(table, (80, 60), (80, 300), 0, 2)
    cv2.line(table, (60, 180), (1200, 180), 0, 2)
    out = pp.remove_rules(table, DPI)
    text = ink(page)
    assert (ink(out) & ~text).sum() < 50  # the rules are gone
    assert (ink(out) & text).sum() > 0.97 * text.sum()  # the text is not


def test_whiten_background_keeps_grey_near_ink_only():
    grey = np.full((50, 50), 200, np.uint8)
    grey[20:30, 20:30] = 40
    out = pp.whiten_background(grey, pp.binarise(grey), DPI)
    assert out[25, 25] == 40 and out[19, 25] == 200  # stroke and its edge kept
    assert out[2, 2] == 255  # background whitened


def test_preprocess_full_pipeline_on_a_damaged_page():
    page = rotate(text_page(), -1.4)
    h, w = page.shape
    page = (page.astype(np.float32) * (0.75 + 0.25 * np.mgrid[0:h, 0:w][0] / h)).astype(np.uint8)
    page[:, :30] = 25
    clean, angle = pp.preprocess(page, DPI)
    assert abs(angle + 1.4) <= 0.2
    assert clean.shape == page.shape and clean.dtype == np.uint8
    assert clean[:, :30].min() == 255  # border gone, background white


def test_preprocess_skip_and_unknown_step():
    page = text_page(lines=3)
    clean, angle = pp.preprocess(page, DPI, skip=pp.STEPS)
    assert angle == 0.0 and clean.shape == page.shape
    with pytest.raises(ValueError):
        pp.preprocess(page, DPI, skip=("sharpen",))


def test_whiten_background_keeps_faint_strokes_joined_to_ink():
    """A blurred Mincho 口: dark vertical strokes, horizontal strokes much lighter (on paper 248
    with noise). The horizontals are lighter than the ink threshold but joined to the verticals:
    they are kept (losing them read 山口 as 山I I); a faint blob touching no ink is noise."""
    rng = np.random.default_rng(3)
    grey = np.clip(248 + rng.normal(0, 5, (120, 120)), 0, 255).astype(np.uint8)
    grey[30:90, 30:35] = 120  # left stroke
    grey[30:90, 85:90] = 120  # right stroke
    grey[30:33, 35:85] = 215  # top stroke, faint
    grey[87:90, 35:85] = 218  # bottom stroke, faint
    grey[105:110, 5:15] = 215  # a faint smudge, away from the character
    binary = pp.binarise(grey)
    assert binary[31, 60] == 255  # one threshold loses the horizontals ...
    out = pp.whiten_background(grey, binary, 300)
    assert out[31, 45:75].max() <= 220 and out[88, 45:75].max() <= 225  # ... whitening keeps them
    assert out[107, 8] == 255  # the smudge is paper
