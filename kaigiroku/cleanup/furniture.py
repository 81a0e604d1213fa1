"""Page furniture in extracted text: page numbers and running headers/footers."""
from __future__ import annotations

import re
from collections import Counter, defaultdict

_DASH = "-－ー—―‐–−"
PAGE_NUMBER = re.compile(
    rf"^\s*(?:[{_DASH}]\s*[0-9０-９]{{1,4}}\s*[{_DASH}]"  # - 5 -
    rf"|[0-9０-９]{{1,4}}"  # 5
    rf"|[0-9０-９]{{1,4}}\s*[/／]\s*[0-9０-９]{{1,4}}"  # 5／12
    rf"|[pPｐＰ]\s*[.．]?\s*[0-9０-９]{{1,4}}"  # p.5
    rf"|[0-9０-９]{{1,4}}\s*(?:ページ|頁)"
    rf"|第\s*[0-9０-９]{{1,4}}\s*(?:ページ|頁))\s*$")
_TERMINAL = "。．.？?！!"
_BRACKETS = "（(＜<〔［[【"
TITLE_WORDS = re.compile(r"会議録|議事録|議事要旨|会議要旨|会議結果|記録")


def is_page_number(line: str) -> bool:
    return bool(PAGE_NUMBER.match(line))


def _key(line: str) -> str:
    return re.sub(r"\s+", "", line)


def running_headers(lines: list[str], is_label) -> set[str]:
    """Lines (by their text without spaces) that repeat as running headers or footers.

    A line counts when it recurs at least three times, is no sentence, stage direction or speaker
    label, and is either the document's title or mostly stands next to a page number.
    """
    keys = [_key(l) for l in lines]
    counts = Counter(k for k in keys if k)
    title = next((k for k in keys if k), "")
    near_page = defaultdict(int)
    for i, k in enumerate(keys):
        if counts.get(k, 0) >= 3:
            window = keys[max(0, i - 3): i] + keys[i + 1: i + 4]
            near_page[k] += any(w and PAGE_NUMBER.match(w) for w in window)
    found = set()
    for k, n in counts.items():
        if n < 3 or len(k) < 3 or k[-1] in _TERMINAL or k[0] in _BRACKETS or is_label(k):
            continue
        if k == title or near_page[k] * 2 >= n or (TITLE_WORDS.search(k) and n >= 3):
            found.add(k)
    return found
