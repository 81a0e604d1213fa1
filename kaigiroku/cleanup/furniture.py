"""Page furniture in extracted text: page numbers and running headers/footers."""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter, defaultdict

from ..charclass import header_key

_DASH = "-‐‑‒–—―−ー－~〜～"
PAGE_NUMBER = re.compile(
    rf"^(?:[{_DASH}]*\(?\d{{1,4}}\)?[{_DASH}]*"  # 5, - 5 -, －５－, (5)
    r"|\d{1,4}/\d{1,4}"  # 5／12
    r"|(?:p|pp|page|no)\.?\d{1,4}(?:/\d{1,4})?"  # p.5, Page 5
    r"|第?\d{1,4}(?:頁|ページ)(?:/\d{1,4})?"  # 5頁, 第5ページ
    r"|[{_DASH}]?[ivxlc]{1,6}[{_DASH}]?)$",  # roman numerals in front matter
    re.IGNORECASE,
)
_TERMINAL = "。．.？?！!"
_BRACKETS = "（(＜<〔［[【"


def is_page_number(text: str) -> bool:
    """A page number in any of its printed forms (full-width digits too)."""
    t = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    if t[:1] in _DASH and t[-1:] not in _DASH and len(t) > 1 and t[1:].isdigit():
        return False  # -5 alone is a number in a list, not a page number
    return bool(PAGE_NUMBER.match(t))


def _key(line: str) -> str:
    return header_key(line)


def running_headers(lines: list[str], is_label) -> set[str]:
    """Lines (by their text without spaces) that repeat as running headers or footers.

    A line counts when it is no sentence, stage direction or speaker label, and either repeats the
    document's title or recurs at least three times, once a page: next to a page number, with a
    page number between one time and the next.
    """
    keys = [_key(l) for l in lines]
    counts = Counter(k for k, l in zip(keys, lines) if k and not is_page_number(l))
    printed = {k: re.sub(r"\s+", "", l) for k, l in zip(keys, lines) if k}
    title = next((k for k in keys if k), "")
    numbers = [i for i, l in enumerate(lines) if l.strip() and is_page_number(l)]
    places = defaultdict(list)
    for i, k in enumerate(keys):
        if counts.get(k, 0) >= 3:
            places[k].append(i)
    found = set()
    for k, n in counts.items():
        if len(k) < 3 or k[-1] in _TERMINAL or k[0] in _BRACKETS or is_label(printed[k]):
            continue
        if k == title and n >= 2:
            found.add(k)  # the title printed again on later pages
        elif n >= 3 and _once_a_page(places[k], numbers):
            found.add(k)
    return found


def _once_a_page(at: list[int], numbers: list[int]) -> bool:
    """Most places of a line lie within 3 lines of a page number, with a page number between one
    place and the next. Both lists are ascending, so each question is a binary search: linear time
    overall (a scan of every number for every place was quadratic on archive concatenations)."""
    near = sum(_numbers_within(numbers, i - 3, i + 3) for i in at)
    apart = sum(_numbers_within(numbers, a + 1, b - 1) for a, b in zip(at, at[1:]))
    return near * 2 >= len(at) and apart * 2 >= len(at) - 1


def _numbers_within(numbers: list[int], low: int, high: int) -> bool:
    """Whether the ascending `numbers` hold one in [low, high]."""
    k = bisect.bisect_left(numbers, low)
    return k < len(numbers) and numbers[k] <= high
