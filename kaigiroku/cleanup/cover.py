"""The cover sheet (title, 日時, 場所, 出席者 …) read into `meta`, and where the body begins."""
from __future__ import annotations

import re

from .labels import is_label_only, match_label

_S = r"[\s\u3000]*"


def _spaced(word: str) -> str:
    return _S.join(map(re.escape, word))


_KEYS = {
    "date": ["開催日時", "日時", "開催日", "日程", "会議日時"],
    "place": ["開催場所", "場所", "会場"],
    "attendees": ["出席者", "出席委員", "出席議員", "出席者氏名", "出席"],
    "absent": ["欠席者", "欠席委員", "欠席議員", "欠席"],
    "staff": ["事務局職員", "事務局", "説明員職氏名", "説明員", "説明者", "出席説明員", "関係職員"],
    "title": ["会議の名称", "会議名", "件名", "名称"],
    "other": ["傍聴者", "傍聴人", "傍聴", "議題", "案件", "付議事項", "資料", "配布資料", "配付資料", "結果", "公開・非公開",
              "公開", "次第", "記録者", "報告日"],
}
_ALL_KEYS = sorted({k for ks in _KEYS.values() for k in ks}, key=len, reverse=True)
_NUMBERING = r"(?:[-*・]\s*)?(?:[0-9０-９]{1,2}[\s\u3000.．、)）]*|[（(][0-9０-９]{1,2}[）)]\s*)*"
KEY_LINE = re.compile(rf"^{_S}{_NUMBERING}{_S}(?P<key>{'|'.join(_spaced(k) for k in _ALL_KEYS)}){_S}(?:[（(][^）)]*[）)])?{_S}(?:[:：]|\s|\u3000|$)(?P<value>.*)$")
ITEM_NUMBER = re.compile(rf"^{_S}(?:[（(][0-9０-９]{{1,2}}[）)]|[0-9０-９]{{1,2}}[.．)）]){_S}")
BODY_START = re.compile(rf"^{_S}{_NUMBERING}{_S}(?:(?:会議|審議|審査|議事|質疑|討論|協議)の?(?:概要|経過|内容|要旨|記録)|会議の?概要|審議内容|審議の?経過|議事の?経過|会議の?経過|議事の?内容|"
                        r"議事の?概要|会議の?内容|発言の?要旨|議事の?要旨|会議の?要旨|会議録|議事録|審議の?概要|議事の?記録|"
                        r"会議の?記録|審議内容の記録|議事の概要|発言内容)")
ABSENT_IN_LINE = re.compile(r"^[※*]?\s*欠\s*席\s*(.+)$")


def _clean(s: str) -> str:
    return re.sub(r"[\s\u3000]+", " ", s).strip()


def _key_of(raw_key: str) -> tuple[str, str]:
    key = re.sub(r"[\s\u3000]", "", raw_key)
    for field, keys in _KEYS.items():
        if key in keys:
            return field, key
    return "other", key


def _cover_item(line: str, roles=None) -> bool:
    """A cover-sheet item (日時　…, 事務局　柏木総務課長), not a speech that starts with a role."""
    m = KEY_LINE.match(line)
    if not m:
        return False
    value = _clean(m.group("value"))
    speech_like = value.endswith(("。", "？", "?")) or len(value) > 60
    return not (speech_like and match_label(line, roles) is not None)


def find_body_start(lines: list[str], roles=None) -> int:
    """Index of the first line of the body: after the cover sheet, if there is one."""
    limit = max(60, len(lines) * 2 // 5)  # a cover sheet can run to a page of attendees
    key_lines = []
    for i, line in enumerate(lines[:limit]):
        if _cover_item(line, roles):
            key_lines.append(i)
        elif key_lines and (m := match_label(line, roles)) is not None and _clean(line[m.end:]).endswith("。"):
            break  # the speeches have begun
    # a cover sheet says when or where (or who attended); role keys alone (事務局, 説明員) are speeches
    strong = [i for i in key_lines if _key_of(KEY_LINE.match(lines[i]).group("key"))[0] != "staff"]
    if not strong or key_lines[0] > 12:
        return _title_lines(lines, roles)
    for i in range(key_lines[0], min(len(lines), limit)):
        if BODY_START.match(lines[i]) and len(_clean(lines[i])) <= 40:
            return _before_label_cells(lines, i, roles)
    # no heading opens the body: it starts at the first speaker label after the last cover key that
    # is printed with a mark (○議長) or whose text reads as a sentence (not a list of names)
    last_key = key_lines[-1]
    for i in range(last_key + 1, len(lines)):
        m = match_label(lines[i], roles)
        if m is not None and (m.marked or "。" in lines[i][m.end:]):
            return _before_label_cells(lines, i, roles)
    return _before_label_cells(lines, last_key + 1, roles)


def _before_label_cells(lines: list[str], start: int, roles=None) -> int:
    """Label cells printed just before the body's first heading belong to the body (a page's label
    column dumped ahead of it), not to the cover sheet."""
    i = start
    while i > 0 and (not lines[i - 1].strip() or is_label_only(lines[i - 1], roles)):
        i -= 1
    while i < start and not lines[i].strip():
        i += 1
    return i


TITLE = re.compile(r"会議録|議事録|会議|委員会|審議会|協議会|議会|国会|懇談会|部会|記録|報告書")


def _title_lines(lines: list[str], roles=None) -> int:
    """With no cover sheet, the leading title lines (第3回○○審議会会議録) still belong in meta."""
    n = 0
    for line in lines[:3]:
        t = _clean(line)
        if not t or len(t) > 60 or match_label(line, roles) is not None or t[-1] in "。？！" or not TITLE.search(t):
            break
        n += 1
    return n


def read_cover(lines: list[str]) -> dict:
    meta: dict = {"title": "", "date_text": "", "time_text": "", "place": "", "attendees": []}
    other: dict = {}
    field, key, role = None, None, ""
    title_lines = []
    for raw in lines:
        line = _clean(raw)
        if not line:
            continue
        m = KEY_LINE.match(raw)
        if m:
            field, key = _key_of(m.group("key"))
            role = ""
            _put(meta, other, field, key, _clean(m.group("value")))
            continue
        if field is None:
            title_lines.append(line)
            continue
        a = ABSENT_IN_LINE.match(line)
        if a:
            field, key = "absent", "欠席"
            _put(meta, other, field, key, _clean(a.group(1)))
            continue
        if field == "attendees":
            # （１） 会 長　小室 充孝 / 委員：青木 秀子、東 珠実、… / a line that goes on with names
            item = ITEM_NUMBER.sub("", raw)
            who = match_label(item)
            if who is not None:
                role, names = who.speaker, item[who.end:]
            elif not ITEM_NUMBER.match(raw) and role:
                names = item
            else:
                role, names = "", item
            for name in re.split(r"[、，,]", names):
                if _clean(name):
                    meta["attendees"].append(f"{role} {_clean(name)}".strip())
            continue
        _put(meta, other, field, key, line, cont=True)
    if title_lines and not meta["title"]:
        meta["title"] = title_lines[0]
        if len(title_lines) > 1:
            other["文書"] = " ".join(title_lines[1:])
    elif title_lines:
        other["文書"] = " ".join(title_lines)
    if other:
        meta["other"] = other
    return meta


def _put(meta: dict, other: dict, field: str, key: str, value: str, cont: bool = False) -> None:
    if field == "date":
        if cont:
            meta["time_text"] = _clean(meta["time_text"] + " " + value)
            return
        m = re.match(r"^(.*?(?:[（(][^）)]{1,4}[）)]|日))\s*(.*)$", value)
        if m:
            meta["date_text"], meta["time_text"] = m.group(1).strip(), m.group(2).strip()
        else:
            meta["date_text"] = value
    elif field == "place":
        meta["place"] = _clean(meta["place"] + " " + value) if cont else value
    elif field == "title":
        meta["title"] = _clean(meta["title"] + value) if cont else value
    elif field in ("attendees", "staff"):
        if value:
            if cont and meta["attendees"]:
                meta["attendees"][-1] = _clean(meta["attendees"][-1] + " " + value)
            else:
                meta["attendees"].append(f"{key} {value}" if field == "staff" or key != "出席者" else value)
    elif field == "absent":
        meta.setdefault("absent", [])
        if value:
            meta["absent"].append(value)
    else:
        if cont and key in other:
            other[key] = _clean(other[key] + " " + value)
        else:
            other[key] = value
