"""Boxes on a page: lines grouped into rows, rulings, and the spacing that joins fragments.

A `Line` from a text layer is a fragment: the characters of one baseline between two wide gaps
(`fragments`, fed by either PDF reader's `Chars`). A row is every fragment sharing a baseline, left
to right: in a two-column table a row holds the label cell and the first line of the body cell.

Characters are grouped with numpy, a Python loop running per row and per fragment, never per
character: at hundreds of pages a second, a per-character loop would cost more than reading them.
"""
from __future__ import annotations

import statistics
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from ..model import Line

# Two fragments of a row farther apart than this many character sizes are table cells (日 時　令和…);
# closer ones are words of one text (○東会長 それでは, 委員：青木 秀子).
CELL_GAP = 1.6
# A gap this many character sizes wide, with no space character drawn in it, ends a fragment.
SPLIT_GAP = 0.9
# Drawn spaces normally belong to the text (会長　本文); only alignment this wide splits.
SPLIT_GAP_SPACED = 3.0
WORD_GAP = 0.35  # a narrower gap between kana/kanji is letter spacing or justification: no space
WORD_GAP_LATIN = 0.2  # between Latin letters or digits a word space is narrower
BASELINE_TOL = 0.35  # of a row's first character height: how far a character's centre may stray
SPACES = frozenset({" ", "\u3000", "\u00a0", "\t", "\u2002", "\u2003", "\u2009"})


@dataclass
class Chars:
    """The positioned characters of one page, column-wise, as a PDF reader hands them on.

    Boxes in PDF points, origin top-left, in the page as displayed. `size` is the glyph box height
    (the font size times the text matrix's scale). `invisible` is None when the reader cannot see
    render modes (pdfplumber); else True for text drawn in mode 3 or 7 (an OCR layer's text).
    """

    text: list[str]
    x0: np.ndarray
    top: np.ndarray
    x1: np.ndarray
    bottom: np.ndarray
    size: np.ndarray
    upright: np.ndarray  # bool: drawn upright (not rotated a quarter turn or more, not mirrored)
    artifact: np.ndarray  # bool: inside marked content tagged /Artifact (headers, page numbers)
    invisible: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.text)

    @classmethod
    def empty(cls) -> "Chars":
        z = np.zeros(0)
        return cls([], z, z, z, z, z, np.zeros(0, bool), np.zeros(0, bool), None)

    def take(self, keep: np.ndarray) -> "Chars":
        """The characters where `keep` (a bool mask or an index array) holds."""
        if keep.dtype == bool and keep.all():
            return self
        idx = np.flatnonzero(keep) if keep.dtype == bool else keep
        text = self.text
        return Chars([text[i] for i in idx.tolist()], self.x0[idx], self.top[idx], self.x1[idx],
                     self.bottom[idx], self.size[idx], self.upright[idx], self.artifact[idx],
                     None if self.invisible is None else self.invisible[idx])


def _codes(text: list[str]) -> np.ndarray | None:
    """Code points of single-character texts (a ligature's "fi" makes None: the list path then)."""
    joined = "".join(text)
    if len(joined) != len(text):
        return None
    return np.frombuffer(joined.encode("utf-32-le"), np.uint32)


# code points read as a space (the drawn spaces above and whatever str.strip() removes), as a table
_SPACE_TABLE = np.array([chr(c) in SPACES or chr(c).isspace() for c in range(0x3001)], bool)
_LATIN = np.array([chr(c).isalnum() for c in range(128)], bool)  # ASCII letters and digits


def fragments(chars: Chars, number: int) -> list[Line]:
    """Characters -> fragments: grouped by baseline, sorted by x, split at wide gaps.

    Drawn spaces are not characters of a fragment: between two characters they make a space (" ",
    or "　" when a full-width space is drawn or the gap is as wide as a table gap) and keep a
    gap from splitting. A glyph drawn twice at (almost) the same place (fake bold, a shadow) counts once.
    """
    n = len(chars)
    if not n:
        return []
    top, bottom = chars.top, chars.bottom
    mid = (top + bottom) / 2
    order = np.argsort(mid, kind="stable")
    # rows: each anchored on its first character (in order of centre) with a tolerance of its height
    smid = mid[order]
    reach = (smid + BASELINE_TOL * np.maximum((bottom - top)[order], 1.0)).tolist()
    smid_list = smid.tolist()  # bisect on a list: a numpy call per row costs more than the search
    ends = []
    start = 0
    while start < n:
        start = max(bisect_right(smid_list, reach[start], start), start + 1)
        ends.append(start)
    row = np.zeros(n, np.intp)  # each character's row: 1 where a row starts, summed up
    row[ends[:-1]] = 1
    np.cumsum(row, out=row)
    # within a row, left to right (ties keep the order of centres, as a stable sort does); `row`
    # ascends, so it stays as it is
    order = order[np.lexsort((chars.x0[order], row))]
    codes = _codes(chars.text)
    if codes is not None:
        codes = codes[order]
        space = (codes <= 0x3000) & _SPACE_TABLE[np.minimum(codes, 0x3000)]
        full = codes == 0x3000
        text = None
    else:
        text = [chars.text[i] for i in order.tolist()]
        space = np.fromiter((t in SPACES or not t.strip() for t in text), bool, n)
        full = np.fromiter((t == "\u3000" for t in text), bool, n)
    vis = np.flatnonzero(~space)
    if not len(vis):
        return []
    # spaces drawn between a visible character and the visible one before it in its row
    n_space, n_full = np.cumsum(space)[vis], np.cumsum(full)[vis]
    vrow = row[vis]
    first = np.ones(len(vis), bool)
    first[1:] = vrow[1:] != vrow[:-1]
    spaces_before = np.zeros(len(vis), np.int64)
    full_before = np.zeros(len(vis), np.int64)
    spaces_before[1:] = n_space[1:] - n_space[:-1]
    full_before[1:] = n_full[1:] - n_full[:-1]
    ov = order[vis]
    vx0, vx1, vtop, vbottom, vsize = chars.x0[ov], chars.x1[ov], top[ov], bottom[ov], chars.size[ov]
    # the same glyph drawn twice at almost the same place: a duplicate of the character before it
    dup = np.zeros(len(vis), bool)
    dup[1:] = (~first[1:]) & (np.abs(vx0[1:] - vx0[:-1]) < 0.3 * np.maximum(vx1[:-1] - vx0[:-1], 1.0)) \
        & (np.abs(vtop[1:] - vtop[:-1]) < 1.0)
    if codes is not None:
        vcodes = codes[vis]
        dup[1:] &= vcodes[1:] == vcodes[:-1]
    else:
        vtext = [text[i] for i in vis.tolist()]
        for i in np.flatnonzero(dup).tolist():
            dup[i] = vtext[i] == vtext[i - 1]
    keep = np.flatnonzero(~dup)
    # each kept character against the kept one before it (a duplicate's place is its original's)
    k_x0, k_x1, k_size = vx0[keep], vx1[keep], vsize[keep]
    k_spaces, k_full = spaces_before[keep], full_before[keep]
    m = len(keep)
    gap = np.zeros(m)
    gap[1:] = k_x0[1:] - k_x1[:-1]
    pair = np.ones(m)
    pair[1:] = np.maximum(np.maximum(k_size[1:], k_size[:-1]), 1.0)
    split = first[keep]
    split[1:] |= (gap[1:] >= SPLIT_GAP_SPACED * pair[1:]) | ((gap[1:] >= SPLIT_GAP * pair[1:]) & (k_spaces[1:] == 0))
    joined = ~split
    # separators: drawn spaces read as " " or "　"; an undrawn gap as wide as a word space as " "
    sep = np.zeros(m, np.uint32)
    spaced = joined & (k_spaces > 0)
    sep[spaced] = np.where((k_full[spaced] > 0) | (gap[spaced] >= CELL_GAP * pair[spaced]), 0x3000, 0x20)
    maybe = joined & (k_spaces == 0) & (gap >= WORD_GAP_LATIN * pair)
    if maybe.any():
        if codes is not None:
            kc = vcodes[keep]
            latin_k = (kc < 128) & _LATIN[np.minimum(kc, 127)]
            latin_pair = np.zeros(m, bool)
            latin_pair[1:] = latin_k[1:] & latin_k[:-1]
        else:
            k_text = [vtext[i] for i in keep.tolist()]
            latin_pair = np.zeros(m, bool)
            for i in np.flatnonzero(maybe).tolist():
                latin_pair[i] = _latin(k_text[i][0]) and _latin(k_text[i - 1][-1])
        word = maybe & (gap >= np.where(latin_pair, WORD_GAP_LATIN, WORD_GAP) * pair)
        sep[word] = 0x20
    starts = np.flatnonzero(split)
    ends = np.append(starts[1:], m)
    if codes is not None:
        # one string for the page: each kept character after its separator, if it has one
        has_sep = sep > 0
        at = np.arange(m) + np.cumsum(has_sep)
        out = np.empty(m + int(has_sep.sum()), np.uint32)
        out[at] = vcodes[keep]
        out[at[has_sep] - 1] = sep[has_sep]
        page_text = out.tobytes().decode("utf-32-le")
        a_s, b_s = at[starts].tolist(), (at[ends - 1] + 1).tolist()
        texts = [page_text[a:b] for a, b in zip(a_s, b_s)]
    else:
        k_text = [vtext[i] for i in keep.tolist()]
        for i in np.flatnonzero(sep).tolist():
            k_text[i] = chr(sep[i]) + k_text[i]
        texts = ["".join(k_text[a:b]) for a, b in zip(starts.tolist(), ends.tolist())]
    # the median size of each fragment (the upper one of an even count); a fragment set in one size
    # has that size as its median, so characters are sorted by size only when some fragment mixes sizes
    median = np.minimum.reduceat(k_size, starts)
    if not np.array_equal(median, np.maximum.reduceat(k_size, starts)):
        by_size = np.lexsort((k_size, np.cumsum(split)))
        median = k_size[by_size[starts + (ends - starts) // 2]]
    boxes = np.round(np.stack([k_x0[starts], np.minimum.reduceat(vtop[keep], starts),
                               np.maximum.reduceat(k_x1, starts), np.maximum.reduceat(vbottom[keep], starts),
                               median], axis=1), 2).tolist()
    return [Line(t, x0, top, x1, bottom, number, size) for t, (x0, top, x1, bottom, size) in zip(texts, boxes)]


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


class Rule(NamedTuple):
    """A ruled line (a thin rect or a stroked line) in PDF points, origin top-left."""

    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def horizontal(self) -> bool:
        return (self.x1 - self.x0) > (self.bottom - self.top)

    @property
    def y(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def x(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class Row:
    """Fragments on one baseline, left to right. Its extent is worked out when it is made (rows are
    read far more often than made): a row's fragments are not changed afterwards."""

    frags: list[Line]
    x0: float = field(init=False)
    x1: float = field(init=False)
    top: float = field(init=False)
    bottom: float = field(init=False)
    size: float = field(init=False)

    def __post_init__(self):
        frags = self.frags
        self._text = None
        if len(frags) == 1:  # most rows
            f = frags[0]
            self.x0, self.x1, self.top, self.bottom, self.size = f.x0, f.x1, f.top, f.bottom, f.size or f.height
            return
        self.x0 = frags[0].x0
        self.x1 = max(f.x1 for f in frags)
        self.top = min(f.top for f in frags)
        self.bottom = max(f.bottom for f in frags)
        self.size = max(f.size or f.height for f in frags)

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = join_frags(self.frags)
        return self._text


def join_frags(frags: list[Line]) -> str:
    """Fragments of one row as text: a full-width space between cells, a space between words."""
    out = ""
    prev = None
    for f in frags:
        if prev is not None:
            size = max(prev.size or prev.height, 1.0)
            out += "\u3000" if f.x0 - prev.x1 >= CELL_GAP * size else " "
        out += f.text
        prev = f
    return out


def rows_of(lines: list[Line]) -> list[Row]:
    """Group fragments into rows by vertical centre.

    Each row is anchored on its first fragment, so a label printed half a line lower (centred
    against two body lines) starts a row of its own instead of chaining the two body lines together.
    """
    groups: list[list[Line]] = []
    anchor_mid = anchor_height = None
    # by centre, then x, then place in the list (a stable sort's order), each centre worked out once
    for mid, _, i in sorted([((ln.top + ln.bottom) / 2, ln.x0, i) for i, ln in enumerate(lines)]):
        ln = lines[i]
        height = ln.bottom - ln.top
        if anchor_mid is not None and abs(mid - anchor_mid) <= 0.35 * max(min(height, anchor_height), 1.0):
            groups[-1].append(ln)
        else:
            groups.append([ln])
            anchor_mid, anchor_height = mid, max(height, 1.0)
    rows = []
    for g in groups:
        g.sort(key=lambda f: f.x0)
        rows.append(Row(g))
    rows.sort(key=lambda r: r.top)
    return rows


def typical_size(lines) -> float:
    sizes = [l.size or l.height for l in lines if (l.size or l.height) > 0]
    return statistics.median(sizes) if sizes else 10.0


def quantile(values, q: float, default: float = 0.0) -> float:
    vs = sorted(values)
    if not vs:
        return default
    return vs[min(len(vs) - 1, max(0, int(round(q * (len(vs) - 1)))))]


def cluster_1d(values, tol: float) -> list[list[float]]:
    """Values grouped where neighbours (sorted) are at most `tol` apart."""
    groups: list[list[float]] = []
    for v in sorted(values):
        if groups and v - groups[-1][-1] <= tol:
            groups[-1].append(v)
        else:
            groups.append([v])
    return groups


def rule_between(rules: list[Rule], upper: float, lower: float, x0: float, x1: float) -> bool:
    """Whether a horizontal rule runs between y=upper and y=lower across part of [x0, x1]."""
    # (the Rule properties inlined: this runs for every pair of rows on a ruled page)
    for r0, rtop, r1, rbottom in rules:
        if r1 - r0 > rbottom - rtop and upper - 1 <= (rtop + rbottom) / 2 <= lower + 1 \
                and min(r1, x1) - max(r0, x0) > 0.3 * (x1 - x0):
            return True
    return False
