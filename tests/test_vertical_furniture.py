"""Furniture of vertical (縦書き) pages: the running head in the top margin and the page number at
the foot (centred) or at the outer corner are printed horizontally around the columns. The vertical
reader hands them on as margin lines of the page's reading frame; furniture removal must drop them
on every page (a short last page too) and keep every column of the text."""
from kaigiroku.ingest.layout import pages_to_stream
from kaigiroku.ingest.vertical import Column, _reading_frame

DPI = 300
EM = 10.5 * DPI / 72  # a character's cell in pixels
SCALE = 72 / DPI  # points a pixel
PAGE_W, PAGE_H = 595.28, 841.89  # A4 in points, the upright page
HEAD = "第3回東雲市議会定例会会議録"


def _page(number: int, texts: list[list[str]], numbers_at: str, tiers: int):
    """A vertical page of `texts` (columns per tier, reading order) with the running head at the top
    right and the page number at the foot or the outer corner, as fixtures/vertical.py prints them."""
    w_px, h_px = PAGE_W / SCALE, PAGE_H / SCALE
    columns = []
    tier_h = (h_px - 2 * 78 / SCALE) / tiers
    for band, tier in enumerate(texts):
        top = 78 / SCALE + band * tier_h
        for k, text in enumerate(tier):
            x1 = w_px - 60 / SCALE - k * 18 / SCALE
            col = Column(band, int(x1 - EM), int(x1), int(top), int(top + len(text) * EM))
            col.text = text
            columns.append(col)
    # margin lines: (top|bottom, band top, band bottom, x0, x1, text, confidence), pixels
    head_x1 = w_px - 60 / SCALE
    head_x0 = head_x1 - 9 / SCALE * len(HEAD) / 1.5
    head = ("top", int(40 / SCALE), int(50 / SCALE), int(head_x0), int(head_x1), HEAD, 90.0)
    if numbers_at == "foot":
        label, x0 = f"- {number} -", w_px / 2 - 20
    else:  # the outer corner: right on odd pages, left on even ones
        label, x0 = str(number), (w_px - 60 / SCALE - 20) if number % 2 else 60 / SCALE
    foot_x1 = x0 + 20 + 10 * len(label)
    foot = ("bottom", int(h_px - 50 / SCALE), int(h_px - 40 / SCALE), int(x0), int(foot_x1), label, 90.0)
    return _reading_frame(number, columns, [head, foot], SCALE, SCALE, EM, PAGE_W, PAGE_H)


def _document(numbers_at: str, tiers: int):
    """Three pages of `tiers` tiers of 22 columns; the last page holds five columns only."""
    per_page = 22 * tiers
    body = [f"○議長（山田太郎君）　第{k // per_page + 1}頁の議事を続けます。" if k % per_page == 0
            else f"第{k // per_page + 1}頁第{k % per_page}行の本文であります。" for k in range(2 * per_page + 5)]
    pages = []
    for i in range(3):
        chunk = body[i * per_page: (i + 1) * per_page]
        texts = [chunk[t * 22: (t + 1) * 22] for t in range(tiers) if chunk[t * 22: (t + 1) * 22]]
        pages.append(_page(i + 1, texts, numbers_at, tiers))
    return pages, body


def _check(numbers_at: str, tiers: int):
    pages, kept = _document(numbers_at, tiers)
    stream = [s.text for s in pages_to_stream(pages)]
    assert not [t for t in stream if HEAD in t], "the running head was left in the text"
    gone = [ln.text for p in pages for ln in p.furniture]
    assert sum(HEAD in t for t in gone) == 3
    assert sum(t.strip("- ").isdigit() for t in gone) == 3, f"page numbers left: {stream[-3:]}"
    assert "".join(stream).replace("\u3000", "") == "".join(kept).replace("\u3000", "")


def test_vertical_page_numbers_at_the_foot_and_running_heads_are_furniture():
    _check("foot", 1)


def test_vertical_page_numbers_at_the_outer_corner_are_furniture_two_tiers():
    _check("corner", 2)
