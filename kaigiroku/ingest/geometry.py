"""Boxes on a page: lines grouped into rows, rulings, and the spacing that joins fragments.

A `Line` from a text layer is a fragment: the characters of one baseline between two wide gaps
(see pdf.py). A row is every fragment sharing a baseline, left to right: in a two-column table a
row holds the label cell and the first line of the body cell.
"""
from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import NamedTuple

from ..model import Line

# Two fragments of a row farther apart than this many character sizes are table cells (日 時　令和…);
# closer ones are words of one text (○東会長 それでは, 委員：青木 秀子).
CELL_GAP = 1.6


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
    """Fragments on one baseline, left to right."""

    frags: list[Line]

    @property
    def x0(self) -> float:
        return self.frags[0].x0

    @property
    def x1(self) -> float:
        return max(f.x1 for f in self.frags)

    @property
    def top(self) -> float:
        return min(f.top for f in self.frags)

    @property
    def bottom(self) -> float:
        return max(f.bottom for f in self.frags)

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def size(self) -> float:
        return max(f.size or f.height for f in self.frags)

    @property
    def text(self) -> str:
        return join_frags(self.frags)


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
    rows: list[Row] = []
    anchor = None
    for ln in sorted(lines, key=lambda l: ((l.top + l.bottom) / 2, l.x0)):
        mid = (ln.top + ln.bottom) / 2
        tol = 0.35 * max(min(ln.height, anchor[1]) if anchor else ln.height, 1.0)
        if anchor is not None and abs(mid - anchor[0]) <= tol:
            rows[-1].frags.append(ln)
        else:
            rows.append(Row([ln]))
            anchor = (mid, max(ln.height, 1.0))
    for r in rows:
        r.frags.sort(key=lambda f: f.x0)
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
    for r in rules:
        if r.horizontal and upper - 1 <= r.y <= lower + 1 and min(r.x1, x1) - max(r.x0, x0) > 0.3 * (x1 - x0):
            return True
    return False
