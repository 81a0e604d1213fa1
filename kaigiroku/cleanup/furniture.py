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
# an item's number at a line's head: 日程第2, 第3, (4), 5. (never a bare page number: 3 会議録)
_ITEM_NUMBER = re.compile(r"^(?:(?:日程|議案|諮問|報告|請願|陳情)?第\s*\d+|[(（]\d+[)）]|\d+[.．、])")
_BRACKETS = "（(＜<〔［[【"


def is_page_number(text: str) -> bool:
    """A page number in any of its printed forms (full-width digits too)."""
    t = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    if t[:1] in _DASH and t[-1:] not in _DASH and len(t) > 1 and t[1:].isdigit():
        return False  # -5 alone is a number in a list, not a page number
    return bool(PAGE_NUMBER.match(t))


def _key(line: str) -> str:
    return header_key(line)


# A browser's print stamp: the date and time of printing, the page's URL, a page counter set apart
# by a wide gap (URL ... 3/56). A running header that carries one is never the document's title.
_URL = re.compile(r"(?:https?|file)://\S+|www\.\S+\.\S+")
_PRINT_DATE = re.compile(r"\d{2,4}/\d{1,2}/\d{1,2}(?:\s+(?:午前|午後)?\d{1,2}:\d{2})?|\d{1,2}:\d{2}")
_WIDE_GAP = re.compile(r" {3,}|\u3000{2,}|\t")
_DATE = re.compile(r"(?:令和|平成|昭和)?(?:\d{1,4}|元)年\d{1,2}月\d{1,2}日")


def _pieces(line: str) -> list[str]:
    return [p for p in _WIDE_GAP.split(unicodedata.normalize("NFKC", line).strip()) if p]


def _counter(line: str) -> int | None:
    """The page counter of a footer or header that prints one apart from its other text
    (`https://… 3/56`, `会議録 - 3 -`): its first number, else None."""
    pieces = _pieces(line)
    if len(pieces) < 2:
        return None
    for piece in (pieces[-1], pieces[0]):
        digits = re.search(r"\d+", piece)
        if digits is not None and is_page_number(piece):  # (a letter apart, Ｃ   委 員, reads as roman C)
            return int(digits.group())
    return None


def has_print_stamp(line: str) -> bool:
    """A line that carries what a browser or printer adds to every page: a URL, a print date and
    time, or a page counter apart from the text."""
    t = unicodedata.normalize("NFKC", line)
    if _URL.search(t) or _PRINT_DATE.search(t) or _counter(line) is not None:
        return True
    pieces = _pieces(line)
    return len(pieces) > 1 and any(_DATE.fullmatch(re.sub(r"\s+", "", p)) for p in pieces)


def print_stamp_piece(text: str) -> bool:
    """A piece of a page that only a browser prints: a URL, or the date (and time) of printing
    standing alone (2024/05/13 14:05)."""
    t = unicodedata.normalize("NFKC", text).strip()
    return _URL.search(t) is not None or (_PRINT_DATE.fullmatch(t) is not None and "/" in t)


def browser_print_line(line: str) -> bool:
    """By its shape alone, once is enough: a browser's footer (URL, a wide gap, n/m) or header (the
    date and time of printing, a wide gap, the page's title)."""
    pieces = _pieces(line)
    if len(pieces) < 2:
        return False
    if _counter(line) is not None and any(_URL.fullmatch(p) for p in pieces):
        return True
    return _PRINT_DATE.fullmatch(pieces[0]) is not None and "/" in pieces[0]


class RunningHeaders(set):
    """The keys of running headers and footers; `stamped` holds those that carry a print stamp and
    so are furniture on the first page too (a plain repeated title is the title there)."""

    def __init__(self, keys=(), stamped=()):
        super().__init__(keys)
        self.stamped = set(stamped)


def running_headers(lines: list[str], is_label) -> RunningHeaders:
    """Lines (by their text without spaces) that repeat as running headers or footers.

    A line counts when it is no sentence, stage direction or speaker label, and either repeats the
    document's title, or recurs with a page counter that grows by one page at a time, or recurs at
    least three times, once a page: next to a page number, with a page number between one time and
    the next.
    """
    keys = [_key(l) for l in lines]
    counts = Counter(k for k, l in zip(keys, lines) if k and not is_page_number(l))
    printed = {k: re.sub(r"\s+", "", l) for k, l in zip(keys, lines) if k}
    title = next((k for k in keys if k), "")
    counted = _counted_lines(lines, keys)
    # page boundaries: page numbers, counters, form feeds
    numbers = [i for i, l in enumerate(lines) if l == "\f" or (l.strip() and (is_page_number(l) or keys[i] in counted))]
    places = defaultdict(list)
    for i, k in enumerate(keys):
        if counts.get(k, 0) >= 3:
            places[k].append(i)
    found = set(counted) | {k for k, l in zip(keys, lines) if k and browser_print_line(l)}
    # the numbers a repeated line carries at its head: a list's items (日程第1 / 日程第2　諮問審議) number on,
    # a running header does not
    heads = defaultdict(set)
    for k, l in zip(keys, lines):
        if counts.get(k, 0) >= 2:
            m = _ITEM_NUMBER.match(unicodedata.normalize("NFKC", l).strip())
            heads[k].add(m.group(0) if m else None)
    for k, n in counts.items():
        if len(heads[k]) > 1:
            continue
        # a header is no sentence: none ends in it or inside it (a wrapped line of a speech said
        # three times, …ください。第3条第2項について御説, is text); judged inside a table row's pipes
        # (|  | 〔「なし」と呼ぶ者あり〕 | is a direction in a cell)
        cell = k.strip("|｜")
        if k in found or len(cell) < 3 or cell[-1] in _TERMINAL or "。" in k or cell[0] in _BRACKETS \
                or is_label(printed[k]):
            continue
        if k == title and n >= 2:
            # the title printed again at the head of later pages; a heading that opens a document
            # with no cover and comes again mid-page (会議録署名議員の指名) is no header
            later = [i for i, kk in enumerate(keys) if kk == k][1:]
            if all(_numbers_within(numbers, i - 3, i + 3) for i in later):
                found.add(k)
        elif k != title and _title_and_date(printed[k], printed.get(title, "")) \
                and all(_numbers_within(numbers, i - 2, i + 2) for i, kk in enumerate(keys) if kk == k):
            found.add(k)  # the title and the meeting's date heading a page, after a page number
        elif n >= 3 and _once_a_page(places[k], numbers) and _pages_differ(places[k], numbers, lines):
            found.add(k)
    found |= _titles_heading_pages(lines, keys, numbers, found)
    stamped = {k for k in found if has_print_stamp(next(l for l, kk in zip(lines, keys) if kk == k))}
    return RunningHeaders(found, stamped)


_KANJI_NUMBER = "[0-9〇一二三四五六七八九十百元]"
_DATE_ANY = re.compile(rf"(?:令和|平成|昭和)?{_KANJI_NUMBER}{{1,4}}年{_KANJI_NUMBER}{{1,3}}月{_KANJI_NUMBER}{{1,3}}日"
                       r"(?:[（(][^）)]{1,4}[）)])?$")
# what a record's own title ends in: the kind of record, or the number (…委員会 第1号)
_RECORD_TITLE = re.compile(r"(?:会議録|議事録|議事要旨|会議要旨|速記録|委員会記録|第[0-9]{1,3}号|[（(]第[0-9]{1,3}号[）)])$")


def reads_as_record_title(line: str) -> bool:
    """The record's title, perhaps with the meeting's date after it (第3回…検討会議事録, 第212回国会 …
    委員会 第1号　令和五年十一月一日（水曜日）): what a running header prints."""
    t = re.sub(r"[\s\u3000]+", "", unicodedata.normalize("NFKC", line))
    t = _DATE_ANY.sub("", t) or t
    return 6 <= len(t) <= 60 and "。" not in t and "、" not in t and _RECORD_TITLE.search(t) is not None


def _titles_heading_pages(lines: list[str], keys: list[str], numbers: list[int], found: set[str]) -> set[str]:
    """Keys of the record's title printed at the head of a page, right after the page number that
    closed the page before, even once (a two-page record with no title page: nothing repeats).
    The title on the first page, before any page number, stays the title."""
    out = set()
    first_text = next((i for i, k in enumerate(keys) if k and k not in found), len(keys))
    for n in numbers:
        if n < first_text:
            continue  # a page number opening the first page
        i = n + 1
        while i < len(lines) and not lines[i].strip():
            i += 1
        if i < len(lines) and i <= n + 2 and keys[i] not in found and reads_as_record_title(lines[i]):
            out.add(keys[i])
    return out


def _title_and_date(line: str, title: str) -> bool:
    """The document's title with the meeting's date after it (第3回検討会議事録　令和6年11月20日（水）)."""
    if len(title) < 4 or not line.startswith(title):
        return False
    rest = unicodedata.normalize("NFKC", line[len(title):])
    return re.fullmatch(rf"{_DATE.pattern}(?:\([^)]{{1,3}}\))?", rest) is not None


def _counted_lines(lines: list[str], keys: list[str]) -> set[str]:
    """Keys of lines that recur with a page counter apart from their text, the counter growing
    from one time to the next (a browser's `URL … 3/56` footer)."""
    seen = defaultdict(list)
    for line, k in zip(lines, keys):
        if k:
            n = _counter(line)
            if n is not None:
                seen[k].append(n)
    return {k for k, ns in seen.items() if len(ns) >= 2 and all(b > a for a, b in zip(ns, ns[1:]))}


def _once_a_page(at: list[int], numbers: list[int]) -> bool:
    """Most places of a line lie within 3 lines of a page number, and a page number stands between
    one place and the next: a header is printed once a page, so two places with no page number
    between them (議案第12号 twice on one page) tell against it; one page in four may have lost its
    number. Both lists are ascending, so each question is a binary search: linear time overall (a
    scan of every number for every place was quadratic on archive concatenations)."""
    near = sum(_numbers_within(numbers, i - 3, i + 3) for i in at)
    apart = sum(_numbers_within(numbers, a + 1, b - 1) for a, b in zip(at, at[1:]))
    gaps = len(at) - 1
    return near * 2 >= len(at) and apart >= gaps - gaps // 4


def _pages_differ(at: list[int], numbers: list[int], lines: list[str]) -> bool:
    """The page numbers nearest a line's places mostly go up, as a running header's do (page 2, 3, 4 …):
    an archive holding the same minutes two or three times prints each line of the body, a wrapped
    piece of speech too, once a copy on the page with the same number, which no header does."""
    values = []
    for i in at:
        k = bisect.bisect_left(numbers, i)
        # the nearest page boundary that prints a number (a form feed prints none)
        printed = [(abs(n - i), d.group()) for n in numbers[max(0, k - 2):k + 2]
                   if (d := re.search(r"\d+", unicodedata.normalize("NFKC", lines[n]))) is not None]
        if printed:
            values.append(int(min(printed)[1]))
    rising = sum(b > a for a, b in zip(values, values[1:]))
    return len(values) < 2 or rising >= (len(values) - 1) * 3 / 4


def _numbers_within(numbers: list[int], low: int, high: int) -> bool:
    """Whether the ascending `numbers` hold one in [low, high]."""
    k = bisect.bisect_left(numbers, low)
    return k < len(numbers) and numbers[k] <= high
