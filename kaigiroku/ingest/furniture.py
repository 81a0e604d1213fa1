"""Page furniture: page numbers and running headers/footers, found by position and repetition.

Only rows in the outer band of a page (top or bottom MARGIN of its height) can be furniture, and
only from the page edge inwards: the scan stops at the first row that is neither a page number, nor
a browser's print stamp (URL, date and time), nor a text repeated at the same place on other pages,
nor the document's title printed again. Removed lines go to Page.furniture.
"""
from __future__ import annotations

import re
from collections import defaultdict

from ..cleanup.classify import bracketed, reads_as_direction
from ..cleanup.furniture import is_page_number, print_stamp_piece
from ..charclass import ends_with_sentence_end, header_key
from ..model import Page
from .geometry import Row, quantile, rows_of, typical_size

MARGIN = 0.13  # share of the page height, top and bottom, where furniture lives
REPEAT_SHARE = 0.3  # a running header appears on at least this share of pages (and on two)
POSITION_TOL = 6.0  # points: how far a running header may move between pages

_key = header_key  # a running header's identity: digits vary (第5回, 5/12), the words do not


def _band(row: Row, page: Page) -> str | None:
    if row.bottom <= MARGIN * page.height:
        return "top"
    if row.top >= (1 - MARGIN) * page.height:
        return "bottom"
    return None


def strip_furniture(pages: list[Page]) -> list[list[Row]]:
    """Move page numbers and running headers/footers from page.lines to page.furniture, in place;
    return each page's rows without them. A page's rows are grouped once, with the furniture in
    place (it is part of what was printed): layout takes these rows and never groups them again."""
    band_rows = []  # (page index, row, band)
    rows_by_page = []
    for i, page in enumerate(pages):
        rows = rows_of(page.lines)
        rows_by_page.append(rows)
        for row in rows:
            band = _band(row, page)
            if band:
                band_rows.append((i, row, band))
    repeated = _repeated(band_rows, len([p for p in pages if p.lines]))
    repeated |= _title_again(band_rows, rows_by_page, [p.source == "ocr" for p in pages])
    # the document's line spacing (a page with three lines has no spacing of its own to go by)
    gaps = sorted(b.top - a.bottom for rows in rows_by_page for a, b in zip(rows, rows[1:]) if b.top > a.bottom)
    line_gap = gaps[len(gaps) // 2] if gaps else 0.0
    text_size = typical_size([ln for page in pages for ln in page.lines])
    for i, page in enumerate(pages):
        rows = rows_by_page[i]
        gone, gone_frags = set(), set()  # rows, and fragments of rows that are text besides
        for band, order in (("top", rows), ("bottom", rows[::-1])):
            found = []  # (row, is a page number)
            for row in order:
                if _band(row, page) != band:
                    break
                number = is_page_number(row.text) or all(is_page_number(f.text) for f in row.frags)
                # a browser's print stamp (URL, date and time of printing) tells by its shape, on a
                # single page too; like a repeated line it must stand apart from the text
                stamped = any(print_stamp_piece(f.text) for f in row.frags)
                if not (number or stamped or id(row) in repeated
                        or all(is_page_number(f.text) or (id(row), f.x0) in repeated for f in row.frags)):
                    break
                if not (number or stamped) and (ends_with_sentence_end(row.text) or _stage_direction(row.text)):
                    break  # a running header names the document, it never ends a sentence nor tells what the
                    # room did: a set phrase said again at a page's top (○教育長　ただいまの報告について、御質問等は
                    # ございますか。) or a direction (〔「なし」と呼ぶ者あり〕) is text
                found.append((row, number))
            # a running header stands apart from the text, by space or by its type and place; a
            # repeated line set like the text, close to it, is text (a label cell that happens to fall
            # at the same place on two pages). The rows found are the first ones from the edge, so
            # the row inside the last one found follows it in `order`.
            # the text's edges are measured on the rows between the bands: on a short last page the
            # print stamp's rows, set in the page margin, would pull them off the text
            inner = [r for r in rows if not _band(r, page)] or rows
            left = quantile([r.x0 for r in inner], 0.1, default=0.0)
            body = quantile([r.frags[-1].x0 for r in inner], 0.5, default=0.0)  # the body's edge, beside a label column
            while found and not found[-1][1] and len(order) > len(found) \
                    and _gap(found[-1][0], order[len(found)]) < 1.5 * line_gap + 1 \
                    and _set_like_text(found[-1][0], text_size, left, body):
                found.pop()
            gone.update(id(r) for r, _ in found)
            if len(order) > len(found) and _band(order[len(found)], page) == band:
                gone_frags.update(id(f) for f in _numbers_beside_text(order[len(found)], text_size))
        if gone or gone_frags:
            keep, out = [], []
            for row in rows:
                if id(row) in gone:
                    page.furniture.extend(row.frags)
                    continue
                kept_frags = [f for f in row.frags if id(f) not in gone_frags]
                page.furniture.extend(f for f in row.frags if id(f) in gone_frags)
                keep.extend(kept_frags)
                out.append(row if len(kept_frags) == len(row.frags) else Row(kept_frags))
            kept = {id(f) for f in keep}
            page.lines = [ln for ln in page.lines if id(ln) in kept]
            rows_by_page[i] = out
    return rows_by_page


def _stage_direction(text: str) -> bool:
    """The row is one bracketed stage direction (〔「なし」と呼ぶ者あり〕, （拍手）)."""
    inner = bracketed(text)
    return inner is not None and reads_as_direction(inner)


def _numbers_beside_text(row: Row, text_size: float) -> list:
    """The page number on the outermost row of text, set apart from the text beside it (a label cell's
    last piece run down to the page number's baseline: 一樹）　…　2/8): furniture, though its row is not."""
    frags = row.frags
    if len(frags) < 2:
        return []
    return [f for k, f in enumerate(frags) if is_page_number(f.text)
            and (k == 0 or f.x0 - frags[k - 1].x1 >= 2 * text_size)
            and (k == len(frags) - 1 or frags[k + 1].x0 - f.x1 >= 2 * text_size)]


def _set_like_text(row: Row, text_size: float, left: float, body: float = 0.0) -> bool:
    """In the text's type size and starting at the text's left edge (a header is smaller, or set
    to the right or centred), or ending a sentence: a running header is a name, never a sentence,
    and a label column left of the body pulls `left` off the paragraph indent. A piece ending left
    of where most rows start (`body`) is in a label column, set flush right there or not (a wrapped
    cell's last piece, 子）, run past its speech's last line)."""
    return abs(row.size - text_size) <= 0.1 * text_size and (
        row.x0 <= left + text_size or row.x1 < body or ends_with_sentence_end(row.text))


def _gap(a: Row, b: Row) -> float:
    return max(b.top - a.bottom, a.top - b.bottom)


def _title_again(band_rows, rows_by_page, ocr=None) -> set:
    """ids of rows (and (row id, x0) of fragments) in the outer band of a later page that print the
    document's title, its first row: a running header, even where a short document has a single
    page after the cover for it to repeat on. Where OCR read either printing (`ocr`: per page),
    the two may differ by what OCR does to a line: a speck read as a mark, a character misread."""
    first = next((i for i, rows in enumerate(rows_by_page) if rows), None)
    if first is None:
        return set()
    title = _key(rows_by_page[first][0].text)
    if len(title) < 4:
        return set()  # too short to tell a title from a word of the text
    ocr = ocr or [False] * len(rows_by_page)

    def same(text: str, i: int) -> bool:
        key = _key(text)
        return key == title or ((ocr[first] or ocr[i]) and _same_through_ocr(key, title))

    out = set()
    for i, row, _ in band_rows:
        if i == first:
            continue
        if same(row.text, i):
            out.add(id(row))
        elif len(row.frags) > 1:
            out.update((id(row), f.x0) for f in row.frags if same(f.text, i))
    return out


def _same_through_ocr(a: str, b: str) -> bool:
    """Two OCR readings of one printed line: equal but for marks (specks read as " ' . ・) and
    one character in eight misread, dropped or added (第211固国会 for 第211回国会)."""
    from rapidfuzz.distance import Levenshtein

    a, b = (re.sub(r"[^\w#]", "", k) for k in (a, b))
    return min(len(a), len(b)) >= 6 and Levenshtein.distance(a, b) <= max(1, min(len(a), len(b)) // 8)


def _repeated(band_rows, n_pages: int) -> set:
    """ids of rows (and (row id, x0) of fragments) whose text recurs at the same place on enough pages."""
    need = max(2, int(REPEAT_SHARE * n_pages + 0.999))
    groups = defaultdict(list)  # (band, text key) -> [(page index, y, id)]
    for i, row, band in band_rows:
        y = row.top if band == "top" else row.bottom
        groups[(band, _key(row.text))].append((i, y, id(row)))
        if len(row.frags) > 1:  # a header with the title left and the date right
            for f in row.frags:
                groups[(band, _key(f.text))].append((i, f.top, (id(row), f.x0)))
    out = set()
    for members in groups.values():
        if len({m[0] for m in members}) < need:
            continue
        members.sort(key=lambda m: m[1])
        start = 0
        for end in range(1, len(members) + 1):  # runs of nearly equal position
            if end == len(members) or members[end][1] - members[end - 1][1] > POSITION_TOL:
                run = members[start:end]
                if len({m[0] for m in run}) >= need:
                    out.update(m[2] for m in run)
                start = end
    return out
