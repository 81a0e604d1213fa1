"""What several writers need: the printed form of a speaker, the cover's lines, the meeting's date."""
from __future__ import annotations

import datetime as dt
import re
import unicodedata

from ..model import Turn


def speaker_label(t: Turn) -> str:
    """The speaker as a label is printed: 議長（山田太郎）, 7番（山本健一）, 委員; ？ when unknown."""
    if t.kind != "speech":
        return ""
    who = t.speaker or "？"
    if t.seat and t.name:
        who = f"{t.seat}番（{t.name}）" if t.speaker in (None, f"{t.seat}番") else f"{who}（{t.name}）"
    elif t.name:
        who = f"{who}（{t.name}）"
    return who


def paragraphs(text: str) -> list[str]:
    """A turn's paragraphs (the model separates them by a blank line); never an empty list."""
    return [p for p in text.split("\n\n") if p.strip()] or [""]


# Cover items in the order and with the keys a cover sheet prints them, so that the text format's
# header is itself a cover sheet that `repair` reads back into the same meta.
COVER_KEYS = (("date_text", "日時"), ("place", "場所"), ("attendees", "出席者"))


def cover_items(meta: dict) -> list[tuple[str, str]]:
    """(key as printed, value) for the cover's date/time, place and attendees that are known; the
    attendees one item a role, in order (委員 秋葉 勝彦、加藤 敏夫), under the key 出席者 and then
    an empty key, as cover sheets continue a list on the lines below."""
    items = []
    when = " ".join(v for v in (meta.get("date_text"), meta.get("time_text")) if v)
    if when:
        items.append(("日時", when))
    if meta.get("place"):
        items.append(("場所", meta["place"]))
    groups: list[tuple[str, list[str]]] = []
    for entry in meta.get("attendees") or []:
        role, _, name = entry.partition(" ")
        if name and groups and groups[-1][0] == role and "、" not in name:
            groups[-1][1].append(name)
        else:
            groups.append((role if name and "、" not in name else "", [name if name and "、" not in name else entry]))
    for n, (role, names) in enumerate(groups):
        items.append(("出席者" if n == 0 else "", (f"{role} " if role else "") + "、".join(names)))
    return items


_ERAS = {"明治": 1868, "大正": 1912, "昭和": 1926, "平成": 1989, "令和": 2019}
_KANJI_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "元": 1}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
_NUM = r"[0-9元〇零一二三四五六七八九十百千]{1,6}"
_DATE = re.compile(rf"(?:(?P<era>{'|'.join(_ERAS)})\s*)?(?P<y>{_NUM})\s*年\s*(?P<m>{_NUM})\s*月\s*(?P<d>{_NUM})\s*日")


def _number(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    if not any(c in _KANJI_UNITS for c in s):  # 二〇二三: digit by digit
        return int("".join(str(_KANJI_DIGITS[c]) for c in s)) if all(c in _KANJI_DIGITS for c in s) else None
    total, digit = 0, None
    for c in s:  # 二千二十三, 三十一, 十一
        if c in _KANJI_DIGITS:
            digit = _KANJI_DIGITS[c]
        elif c in _KANJI_UNITS:
            total += (1 if digit is None else digit) * _KANJI_UNITS[c]
            digit = None
        else:
            return None
    return total + (digit or 0)


def meeting_date(meta: dict) -> dt.date | None:
    """The meeting's date from the cover's date as printed (令和五年十一月一日, 平成29年2月8日(水),
    2023年11月1日); None when there is none or it is not a real date. The time's text is looked at
    too: a cover that prints date and time on one line may have them both there."""
    text = unicodedata.normalize("NFKC", f"{meta.get('date_text') or ''} {meta.get('time_text') or ''}")
    m = _DATE.search(text)
    if not m:
        return None
    y, mo, d = (_number(m.group(k)) for k in ("y", "m", "d"))
    if None in (y, mo, d):
        return None
    if m.group("era"):
        y += _ERAS[m.group("era")] - 1
    elif y < 1000:  # a year with no era and no century cannot be placed
        return None
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None
