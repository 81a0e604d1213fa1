"""The cover sheet (title, 日時, 場所, 出席者 …) read into `meta`, and where the body begins."""
from __future__ import annotations

import re
import unicodedata

from ..charclass import KANJI, WORD_CLASS
from .labels import MARKS, as_roles, is_direction, is_label_only, match_label, role_like, role_prefix, spaced_words

_S = r"[\s\u3000]*"


def _spaced(word: str) -> str:
    return _S.join(map(re.escape, word))


_KEYS = {
    "date": ["開催日時", "日時", "開催日", "日程", "会議日時", "招集年月日", "開会日時"],
    "place": ["開催場所", "会議場所", "場所", "会場", "招集の場所", "招集場所"],
    # a town assembly's cover lists the executive it called (地方自治法第121条の規定により説明のため出席
    # した者の職氏名) and its own staff (職務のため出席した者) as people present, role and name in columns
    "attendees": ["出席者", "出席委員", "出席議員", "出席者氏名", "出席", "説明のため出席した者の職氏名",
                  "説明のため出席した者", "職務のため出席した者の職氏名", "職務のため出席した者"],
    "absent": ["欠席者", "欠席委員", "欠席議員", "欠席"],
    "staff": ["事務局職員", "事務局", "説明員職氏名", "説明員", "説明者", "出席説明員", "関係職員"],
    "title": ["会議の名称", "会議名", "件名", "名称"],
    "other": ["傍聴者", "傍聴人", "傍聴", "議題", "案件", "付議事項", "資料", "配布資料", "配付資料", "結果", "公開・非公開",
              "公開", "議事次第", "会議次第", "議事日程", "次第", "記録者", "報告日", "本日の会議に付した事件",
              "会議に付した事件", "付議事件", "応招議員", "不応招議員", "会議録署名議員"],
}
# keys whose value is a list of people in columns (１番　小野寺　美咲　２番 …): kept as a list of entries
_PEOPLE_KEYS = {"応招議員", "不応招議員", "会議録署名議員"}
# the article a town assembly's cover names before the executive it called (地方自治法第121条第1項の規定により…)
_LAW_PREFIX = r"(?:地方自治法第[0-9０-９]{1,3}条(?:第[0-9０-９]{1,2}項)?の規定により)?"
_ALL_KEYS = sorted({k for ks in _KEYS.values() for k in ks}, key=len, reverse=True)
# before a key: a bullet (・, ■) and/or a number (１, (1), 1．)
_NUMBERING = r"(?:[-*・■□●]\s*)?(?:[0-9０-９]{1,2}[\s\u3000.．、)）]*|[（(][0-9０-９]{1,2}[）)]\s*)*"
# a key may stand in brackets (【日時】令和6年…, 〔場所〕…): the bracket closing it is its separator; on a
# scan a speck after the key may read as a stop (出席者。 鈴木さつき、…), a separator too where a space
# or the line's end follows it
KEY_LINE = re.compile(rf"^{_S}{_NUMBERING}{_S}(?P<open>[【〔［\[])?{_S}{_LAW_PREFIX}(?P<key>{'|'.join(_spaced(k) for k in _ALL_KEYS)})"
                      rf"{_S}(?:[（(][^）)]*[）)])?{_S}(?(open)[】〕］\]]{_S}[:：]?|(?:[:：]|\s|\u3000|$|[。．.・](?=[\s\u3000]|$)))"
                      r"(?P<value>.*)$")
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
    # a sentence, ended or cut by a wrap (事務局 防犯カメラの映像について御説明いたしますか。当該…)
    speech_like = value.endswith(("。", "？", "?")) or len(value) > 60 or "。" in value \
        or (len(value) >= 12 and _spoken(value))
    return not (speech_like and match_label(line, roles) is not None)


def _names_list(text: str) -> bool:
    """A list of names or short items (青木 秀子、東 珠実、…), as a cover prints attendees."""
    items = [i for i in re.split(r"[、，,\s\u3000]+", text.strip()) if i]
    if spaced_words(text):
        return True  # names in kana among them (田中　みどり　　委員　北村　さくら)
    # short pieces of prose cut at its commas (そのため、防犯カメラの映像に) are no names
    return bool(items) and all(len(i) <= 10 for i in items) and not text.rstrip().endswith("。") \
        and not _spoken(re.sub(r"[、，,\s\u3000]", "", text))


def _spoken(text: str) -> bool:
    """Running Japanese prose (a third of it hiragana), not a list of offices and names."""
    return sum("\u3040" <= c <= "\u309f" for c in text) >= 0.3 * len(text)


# ◎柏原総務課長：また、… — a cover prints no speaker marks; the head may be a role the grammar does not know
_MARKED_SPEECH = re.compile(rf"^[{MARKS}][^\s:：、。]{{1,16}}?(?:[:：]\s*|\s)(?P<rest>.+)$")


def reads_as_body(line: str, roles=None) -> bool:
    """A line that belongs to the body, never to a cover: a speech (a label then a sentence, or a
    sentence of some length), a time note (午前10時開会) or a bracketed heading or direction
    (＜諮問審議＞, 【報告事項】, 〔拍手〕)."""
    from .blocks import TIME_NOTE
    from .classify import bracketed

    t = _clean(line)
    if not t or _cover_item(line, roles):
        return False
    if TIME_NOTE.match(t) or (bracketed(t) is not None and t[0] in "＜<【〔［[〈《"):
        return True
    marked = _MARKED_SPEECH.match(t)
    if marked and len(marked.group("rest")) >= 8 and _spoken(marked.group("rest")):
        return True  # a speaker mark, a head and a separator, then prose: a speech whatever the head
    m = match_label(line, roles)
    if m is not None and t[0] in MARKS and not _clean(line[m.end:]):
        return True  # a marked label cell standing alone (○会長（梶健一氏）): a cover never prints one
    if m is not None and t[0] in MARKS and m.name and re.search(r"[（(][^（()）]+君[）)]", line[:m.end]):
        # a marked role with its speaker's name and 君 in brackets (○委員長（田野瀬太道君）), whatever
        # follows, even a list of offices (この際、盛山文部科学大臣、青山文部科学副大臣、…): a cover
        # lists role and name, never so
        return True
    if m is not None and t[0] in MARKS and len(_clean(line[m.end:])) >= 4 and _spoken(_clean(line[m.end:])):
        # a marked label and the first words of its speech, cut short by a narrow wrap (◯委 員 長（田野瀬
        # 太道氏）：これより会議): a cover marks no speaker, and lists no prose after a name
        return True
    if m is not None:
        rest = _clean(line[m.end:])
        # a sentence after the label, ended on this line or cut by a hard wrap (…教えてください。…適切に管)
        if rest and not _names_list(rest) and (rest[-1] in "。？?！!" or "。" in rest[:-1]
                                                or (len(rest) >= 12 and _spoken(rest))):
            return True
    # a sentence: long, or spoken (これより会議を開きます。), and no numbered cover item; or prose
    # with a sentence end inside, cut at the line end (a speech whose label stands further down)
    if ITEM_NUMBER.match(t):
        return False
    return (t[-1] in "。？?" and (len(t) >= 20 or (len(t) >= 8 and _spoken(t)))) or (
        "。" in t[:-1] and len(t) >= 20 and _kana_share(t) >= 0.15) or _running_prose(t)


def _running_prose(t: str) -> bool:
    """A line of speech cut by a wrap before its sentence ends (ただいまの件ですが、利用者IDについて御説明いたしま):
    long, and spoken as no cover item is (a bill's title, 職員の勤務時間、休暇等に関する条例の…, is not)."""
    if len(t) < 20:
        return False
    kana = _kana_share(t)
    return kana >= 0.45 or ("、" in t and kana >= 0.3)


def _kana_share(t: str) -> float:
    return sum("\u3040" <= c <= "\u309f" for c in t) / max(1, len(t))


from .blocks import join_lines  # noqa: E402
from .classify import AGENDA, block_kind  # noqa: E402


# the count closing a list of attendees: （ほか15名）, （以上22名）, (22人), and of the people of a kind the
# list leaves out: （ほか委員9名）, （ほか関係職員5名）
_HEAD_COUNT = re.compile(rf"[（(](?:ほか|他|外|以上|計|合計)?\s*(?:[{KANJI}\u30a1-\u30faー]{{1,8}}\s*)?"
                         r"[0-9０-９一二三四五六七八九十百千〇]+\s*[名人][）)]")


def find_body_start(lines: list[str], roles=None, why: list | None = None, headings=frozenset(),
                    goes_on=frozenset()) -> int:
    """Index of the first line of the body: after the cover sheet, if there is one. The cover ends
    where the body begins: at a heading that opens it (会議の概要), or at the first line that reads
    as body (reads_as_body), whichever comes first; it never runs on past speech. `headings`: lines
    that markup already marked as headings (<u>, #): after the cover's first item, one is body.
    `goes_on`: lines a PDF's layout saw go on with a word the line above cut (…浅 / 野主任): the
    cover's, however much they look like a label cell."""
    first_key = next((i for i, l in enumerate(lines) if _cover_item(l, roles)), len(lines))

    def marked_or_direction(i: int) -> bool:
        # after the cover's first item: a line markup marked as a heading, or a stage direction in
        # round brackets （質疑なし）, unless it is the value of a key printed on the line below it
        if i <= first_key or _cover_item(lines[i], roles) or _value_below(lines, i):
            return False
        t = _clean(lines[i])
        return i in headings or (t[:1] in "（(" and len(t) <= 20 and block_kind(t) == "note"
                                 and not _HEAD_COUNT.fullmatch(t))

    def time_under_date(i: int) -> bool:
        # 令和五年十一月一日（水曜日） / 午前十時一分開議: the cover's date and time, not a time note
        j = i - 1
        while j >= 0 and not lines[j].strip():
            j -= 1
        date = _clean(lines[j]) if j >= 0 else ""
        return _DATE_LINE.match(date) is not None and "時" not in date and len(_clean(lines[i])) <= 24

    first_body = next((i for i, l in enumerate(lines)
                       if (reads_as_body(l, roles) and not time_under_date(i)) or marked_or_direction(i)),
                      len(lines))
    why = why if why is not None else []
    if first_body < len(lines):
        why.append(f"the cover ends at the latest before line {first_body + 1}, which reads as body: "
                   f"{_clean(lines[first_body])[:24]!r}")
    key_lines = [i for i, line in enumerate(lines[:first_body]) if _cover_item(line, roles)]
    # a cover sheet says when or where (or who attended); role keys alone (事務局, 説明員) are speeches
    strong = [i for i in key_lines if _key_of(KEY_LINE.match(lines[i]).group("key"))[0] != "staff"]
    if not strong or key_lines[0] > 12:
        return min(_title_lines(lines, roles), first_body)
    for i in range(key_lines[0], first_body):
        if BODY_START.match(lines[i]) and len(_clean(lines[i])) <= 40:
            why.insert(0, f"the cover ends at the heading that opens the body: {_clean(lines[i])!r}")
            return _before_label_cells(lines, i, roles, goes_on)
    restart = _numbering_restarts(lines, key_lines, first_body, roles)
    if restart is not None:
        why.insert(0, f"the cover ends where its numbering starts again: {_clean(lines[restart])!r}")
        return _before_label_cells(lines, restart, roles, goes_on)
    if first_body == len(lines):
        return _before_label_cells(lines, key_lines[-1] + 1, roles, goes_on)
    start = _heading_before(lines, key_lines[-1] + 1, _before_label_cells(lines, first_body, roles, goes_on), roles,
                            goes_on)
    # label cells dumped before the body's first heading (a page's label column) are the body's too
    return _before_label_cells(lines, start, roles, goes_on) if start < first_body else start


_PAREN_NUMBER = re.compile(r"^[\s\u3000]*[（(]([0-9０-９]{1,2})[）)]")
# an order of business numbers its items 日程第1, 第２ … (a 議事日程 on the cover, the body's headings);
# 第3回 is no item number
_AGENDA_NUMBER = re.compile(r"^[\s\u3000]*(?:日程)?第[0-9０-９]{1,2}(?=[\s\u3000、．.]|$)")


def _item_number(line: str) -> int | None:
    m = _NUMBER_SHAPE.match(line) or _PAREN_NUMBER.match(line) or _AGENDA_NUMBER.match(line)
    return int(re.sub(r"\D", "", unicodedata.normalize("NFKC", m.group(0)))) if m else None


def _numbering_restarts(lines: list[str], key_lines: list[int], end: int, roles=None) -> int | None:
    """A numbered line after the cover's items whose number does not go on from theirs (１ 日時 …
    ５ 資料 / 別紙のとおり, then １ 開会), or a list of headings opening at 1 under unnumbered items
    (会議場所　… / （１）開会): the body's own list of headings begins there. Right under a key with no
    value (３．議事次第 / １．開 会 …) a list starting again is that key's value."""
    last = None
    above = None  # how the numbered line right above this one numbers itself (None: not numbered)
    for i in range(key_lines[0], end):
        n = _item_number(lines[i])
        if n is None:
            above = None if lines[i].strip() else above
            continue
        paren = _PAREN_NUMBER.match(lines[i]) is not None
        if paren and above is not None and last is not None:
            # （1）… right under an agenda item (２．議 事 / （1）…について / （2）その他 / ３．閉 会), not under a
            # cover item with its value: the item's sub-items, a level below the list, whose numbers start
            # again under each item
            continue
        item = _cover_item(lines[i], roles)
        above = None if item else "paren" if paren else "other"
        if item:
            last = n
        elif _value_below(lines, i):
            last = n
        elif last is not None and n <= last and n <= 2:
            return i
        elif last is None and n == 1 and block_kind(_clean(lines[i])) == "heading" \
                and match_label(ITEM_NUMBER.sub("", _PAREN_NUMBER.sub("", lines[i])), roles) is None:
            return i
        else:
            last = n
    return None


def _heading_before(lines: list[str], lo: int, start: int, roles=None, goes_on=frozenset()) -> int:
    """The body's first speech may follow its own heading (（１）開会, 日程第1): one short numbered
    line standing right before it, after the cover's list, belongs to the body; never the name that
    ends a list entry the wrap cut (…、教育長 / 高橋直美), nor a line layout saw go on with the line above
    (`goes_on`: …谷口副課長、浅 / 野主任)."""
    from .classify import block_kind

    def heading(j: int) -> bool:
        return block_kind(_clean(lines[j])) == "heading" and not _cover_item(lines[j]) and not _value_below(lines, j) \
            and not _ends_cover_list(lines, j, roles) and j not in goes_on

    i = start
    while i > lo and not lines[i - 1].strip():
        i -= 1
    first = None
    while i > lo and heading(i - 1):  # a run of headings (議案第12号 / 日程第1 …) opens the body together
        first = i - 1
        i -= 1
        while i > lo and not lines[i - 1].strip():
            i -= 1
    if first is not None:
        return _agenda_end(lines, first, start) if _agenda_list(lines, first) else first
    # the body's opening run of short lines (開会 / 議事 / 要旨は次の…のとおり / 諮問審議), two or more of them
    # headings, right after an item whose value was on its own line: none of them is that value
    run = i
    while run > lo and len(_clean(lines[run - 1])) <= 20 and not KEY_LINE.match(lines[run - 1]) \
            and not _in_columns(lines[run - 1]) and _clean(lines[run - 1])[-1:] not in "。、，,":
        run -= 1
    if run < i and run > 0 and sum(heading(j) for j in range(run, i)) >= 2:
        key = KEY_LINE.match(lines[run - 1])
        if key is not None and _clean(key.group("value")):
            return run
        # the key's value stands alone on the run's first line (５　資料 / 別紙のとおり): the run's
        # other lines open the body, where two or more of them are headings (開会 / 議事 / 諮問審議)
        value = run
        while value < i and not lines[value].strip():
            value += 1
        if key is not None and sum(heading(j) for j in range(value + 1, i)) >= 2:
            return value + 1
    # a plain heading (諮問審議) after an item whose value was on its own line: not that item's value
    # (the item may be the cover's last: lines[i - 2] is then its key line, just before `lo`)
    if i > lo and i >= 2 and _plain_heading(lines[i - 1]) and not _plain_heading(lines[i - 2]) \
            and not _ends_cover_list(lines, i - 1, roles) and i - 1 not in goes_on \
            and not _in_columns(lines[i - 1]) and not _in_columns(lines[i - 2]) \
            and (not _names_row(lines[i - 2]) or _PROCEEDINGS_WORD.search(_clean(lines[i - 1]))):
        # (under a row of names, a plain line is the list's last name (中村清) unless it names a
        # step of the proceedings)
        before = KEY_LINE.match(lines[i - 2])
        if before is None or _clean(before.group("value")):
            return i - 1
    return start


_AGENDA_KEYS = {"議事日程", "議事次第", "会議次第", "次第", "議題", "案件", "付議事項", "本日の会議に付した事件",
                "会議に付した事件", "付議事件"}


def _agenda_list(lines: list[str], first: int) -> bool:
    """The run of headings from line `first` goes on the list an agenda key opened with no value (議事日程 /
    日程第1　… / 日程第2　…): the cover's order of business, printed before the body as the cover's last
    item, not the body's first headings."""
    j = first - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    if j < 0 or not _value_below(lines, j):
        return False
    k = j - 1
    while k >= 0 and (not lines[k].strip() or _DATE_LINE.match(_clean(lines[k]))):
        k -= 1
    key = KEY_LINE.match(lines[k])
    return re.sub(r"[\s\u3000]", "", key.group("key")) in _AGENDA_KEYS


def _number_kind(line: str) -> str | None:
    """How an item numbers itself: 日程第1 / 第1 (agenda), （1） (paren) or 1． (plain)."""
    return "agenda" if _AGENDA_NUMBER.match(line) else "paren" if _PAREN_NUMBER.match(line) \
        else "plain" if _NUMBER_SHAPE.match(line) else None


def _agenda_end(lines: list[str], first: int, start: int) -> int:
    """Where the agenda's list, going on from line `first`, ends before the body's `start`: at the first
    line that does not number on from the item above it in the same way (日程第1 / 日程第2 / （１）開会:
    the body's own first heading)."""
    prev = first - 1
    while prev >= 0 and not lines[prev].strip():
        prev -= 1
    for i in range(first, start):
        if not lines[i].strip():
            continue
        kind, n, before = _number_kind(lines[i]), _item_number(lines[i]), _item_number(lines[prev])
        if kind is None or kind != _number_kind(lines[prev]) or n is None or before is None or n != before + 1:
            return i
        prev = i
    return start


_PROCEEDINGS_WORD = re.compile(r"(?:審議|審査|事項|報告|議事|議題|開会|閉会|散会|協議|諮問|質疑|討論|採決|説明|概要|経過|その他)$")


def _names_row(line: str) -> bool:
    """A row of a names list set with single spaces (安江伸夫　本田顕子): two or more short words,
    no punctuation."""
    words = _clean(line).split(" ")
    return len(words) >= 2 and all(1 <= len(w) <= 8 for w in words) and not re.search(r"[、。，,:：()（）]", line)


def _value_below(lines: list[str], i: int) -> bool:
    """Line i is the value of a cover key printed alone on the line above it (４　資料 / 別紙のとおり),
    perhaps under the meeting's date (議事日程（第２号） / 令和6年9月10日（火） / 第１　…)."""
    j = i - 1
    while j >= 0 and (not lines[j].strip() or _DATE_LINE.match(_clean(lines[j]))):
        j -= 1
    key = KEY_LINE.match(lines[j]) if j >= 0 else None
    return key is not None and not _clean(key.group("value"))


def _in_columns(line: str) -> bool:
    """Items set in columns (本田顕子　　　　中村清): a row of a names table, never a heading."""
    return re.search(r"\S(?:[ \u3000]{2,}|\t)\S", line.strip()) is not None


def _plain_heading(line: str) -> bool:
    """A heading of a word or two (諮問審議, 議 事): not a piece of a list of names (長 原田 和彦, the
    wrapped end of an attendees line), whose words a space parts."""
    t = _clean(line)
    words = t.split(" ")
    return 2 <= len(t) <= 12 and not re.search(r"[、。，,:：0-9０-９]", t) and KEY_LINE.match(line) is None \
        and (len(words) == 1 or all(len(w) == 1 for w in words))


def _before_label_cells(lines: list[str], start: int, roles=None, goes_on=frozenset()) -> int:
    """Label cells printed just before the body's first heading belong to the body (a page's label
    column dumped ahead of it), not to the cover sheet."""
    i = start
    while i > 0 and (not lines[i - 1].strip() or (is_label_only(lines[i - 1], roles) and i - 1 not in goes_on
                                                 and not _goes_on_list(lines, i - 1))):
        i -= 1
    i = _repeated_cells(lines, i)
    while i < start and not lines[i].strip():
        i += 1
    return i


_CELL_PIECE = re.compile(rf"{WORD_CLASS}{{1,8}}")


def _repeated_cells(lines: list[str], end: int) -> int:
    """A page's label column dumped before its body, its cells wrapped over two lines (岩崎和彦教 /
    育長, printed once per turn): short word pieces standing just before `end`, some of them printed
    again and again, as no cover repeats a line. Returns where that run of pieces begins."""
    i = end
    while i > 0 and _CELL_PIECE.fullmatch(_clean(lines[i - 1])):
        i -= 1
    pieces = [_clean(l) for l in lines[i:end]]
    repeated = [p for p in set(pieces) if pieces.count(p) >= 2]
    if len(pieces) < 4 or sum(pieces.count(p) for p in repeated) < len(pieces) / 2:
        return end
    # the run begins at the first piece of a repeated cell (the key's value above it stays)
    first = min(pieces.index(p) for p in repeated)
    return i + first


def _goes_on_list(lines: list[str], i: int) -> bool:
    """Line i carries on a list whose line above ends in a comma (…谷口副課長、 / 浅野主任), or whose
    last word a wrap cut (…、書記 教育総務 / 課 野口主事: the line opens with a lone character): a
    cover's wrapped attendee, however much it looks like a surname + role label."""
    j = i - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    if j < 0:
        return False
    above = lines[j].rstrip()
    return above[-1:] in "、，," or (_cut_word_head(lines[i]) and ("、" in above or KEY_LINE.match(above) is not None)
                                     and above[-1:] not in "。．.？?！!")


# an office standing alone on a line of a list, no person after it (文部科学省総合教育政策局)
_ORGANISATION_ALONE = re.compile(rf"[{KANJI}\u30a0-\u30ffー・]{{3,30}}[省庁局部課室所]")
_CUT_NAME_TAIL = re.compile(rf"[{KANJI}\u3005\u3040-\u30ffー]{{1,4}}")  # a name's head alone (no role before it)
_WORD_TAIL = set("課局室部係所長員官事務者補")  # the last character of an office or a title
_CUT_TAIL_BEFORE_COMMA = re.compile(r"^(?P<tail>[^\s、，,]{1,2})[、，,](?P<rest>.+)$")


def _entry_cut_by_wrap(last: str, line: str, above: str, roles) -> tuple[str, str] | None:
    """(the last entry made whole, the rest of the line) where a list parted by commas wrapped inside
    its last entry: the line above ends with no comma, and this line opens with a name's piece alone
    up to its first comma or its end, the last entry being a role alone (総務部長 / 井上裕子、…), a role
    and a name's head (議員井 / 上恵子, 議員井上恵 / 子), or a name's head alone (…、山 / 田賢司、…, 井出 /
    庸生: a lone character on one side of the cut, or two on each, so neither is a whole name). The
    cover keeps every such entry whole, so no later stage need join its pieces. None otherwise."""
    if "、" not in above or re.search(r"[、，,]\s*$", above):
        return None
    head, rest = (re.split(r"[、，,]", line, maxsplit=1) + [""])[:2]
    if not _CUT_NAME_TAIL.fullmatch(head) or match_label(head, roles) is not None:
        return None
    name_head = _name_after_role(last, roles)
    # (a name's head of more than three characters is a whole name: the next line's piece is an entry of its own)
    role_led = name_head is not None and 2 <= len(name_head + head) <= 6 and len(name_head) <= 3
    name_alone = _CUT_NAME_TAIL.fullmatch(last) is not None and len(last) + len(head) <= 6 \
        and (min(len(last), len(head)) == 1 or max(len(last), len(head)) == 2)
    if not (role_led or name_alone):
        return None
    return last + head, rest.strip(" \u3000")


def _name_after_role(entry: str, roles) -> str | None:
    """What follows the role word an entry opens with (議員井上 -> 井上, 総務部長 -> ''): a name's
    head, or nothing; None where the entry opens with no role or goes on with other than a name."""
    who = match_label(entry, roles)
    if who is not None and who.end == len(entry):
        return who.name or ""
    hit = role_prefix(entry, roles)
    if hit is None or not entry.startswith(hit[0]):
        return None
    rest = entry[len(hit[0]):]
    return rest if not rest or _CUT_NAME_TAIL.fullmatch(rest) else None


_LIST_ITEM = re.compile(rf"[{KANJI}\u3005\u3040-\u30ffー][{KANJI}\u3005\u3040-\u30ffー \u3000]{{1,15}}")


def _ends_cover_list(lines: list[str], j: int, roles=None) -> bool:
    """Line j is the last of a cover's list, which the line right above wraps into: after a comma (…、
    井上裕子、 / 高橋直美), or ending the entry the wrap cut (…、教育長 / 高橋直美, …、高橋 / 直美). The cover's,
    however much a name alone looks like a heading or a note."""
    if j < 1 or not lines[j - 1].strip():
        return False
    above, line = _clean(lines[j - 1]), _clean(lines[j])
    if "、" in above and above[-1] in "、，,":
        return all(_LIST_ITEM.fullmatch(item) for item in re.split(r"[、，,]", line.rstrip("、，,")))
    key = KEY_LINE.match(lines[j - 1])
    last = re.split(r"[、，,]", _clean(key.group("value")) if key else above)[-1]
    return bool(last) and _entry_cut_by_wrap(last, line, above, roles) is not None


def _cut_word_head(line: str) -> bool:
    """The line opens with an office's or title's last character standing alone before a space (課
    野口主事, 員 西村 典子): the tail of a word the line above was cut in, never a label of its own (a
    one-character surname 東 珠実, an anonymised Ａ 委員, is no such tail)."""
    words = _clean(line).split(" ")
    # (a label printed letter by letter, 事 務 局（資源循環推進課長）, opens with such a character too, but
    # the next word is a single character as well)
    return len(words) >= 2 and words[0] in _WORD_TAIL and len(words[1]) > 1


TITLE = re.compile(r"会議録|議事録|会議|委員会|審議会|協議会|議会|国会|懇談会|部会|記録|報告書")


def _title_lines(lines: list[str], roles=None) -> int:
    """With no cover sheet, the leading title lines (第3回○○審議会会議録) still belong in meta."""
    n = 0
    for line in lines[:3]:
        t = _clean(line)
        if not t or len(t) > 60 or match_label(line, roles) is not None or t[-1] in "。？！" or not TITLE.search(t) \
                or ITEM_NUMBER.match(t) or BODY_START.match(t) or AGENDA.match(t) or _AGENDA_NUMBER.match(t):
            break  # a numbered heading that opens the body ((１)会議の概要, 日程第1, 第１　会議の概要 …) is no title
        n += 1
    return n


_NUMBER_SHAPE = re.compile(r"^[\s\u3000]*[0-9０-９]{1,2}(?P<sep>[\s\u3000]+|[.．、)）])")
# an organisation before its people in a list of attendees (消費者庁：宮腰大臣、伊藤長官)
_GROUP = re.compile(rf"^(?P<group>{WORD_CLASS}{{2,24}})[:：](?P<rest>.*)$")


def _shape(line: str) -> str | None:
    """How a cover numbers its items: '1 日時' (space) or '1．日時' (a stop)."""
    m = _NUMBER_SHAPE.match(line)
    return None if m is None else ("space" if not m.group("sep").strip() else m.group("sep"))


def read_cover(lines: list[str], roles=None, indents: list[int] | None = None,
               cut_above: list[bool] | None = None) -> dict:
    """The cover sheet's lines -> meta: short key/value items. A key with no value on its line takes
    the next line (１ 開催日時 / 令和５年…); a numbered item in the cover's own numbering is a new item
    even when its key is not a known one (３ 議事次第); attendees are grouped by the role or
    organisation that heads them, a group ending where a line at the group's indent names another.
    `cut_above` (from a PDF's layout): the lines that go on with a word or entry the line above cut,
    read as one line with it (…議員　菅原武　税 / 務課長　藤原恵美, …課長 百 / 瀬 康弘、…)."""
    meta: dict = {"title": "", "date_text": "", "time_text": "", "place": "", "attendees": []}
    other: dict = {}
    field, key, role = None, None, ""
    title_lines = []
    awaiting = False  # the key line before had no value
    shapes = {_shape(l) for l in lines if KEY_LINE.match(l)} - {None}
    group_indent = None

    def take_attendees(raw: str, indent) -> None:
        nonlocal role, group_indent
        # （１） 会 長　小室 充孝 / 委員：青木 秀子、東 珠実、… / a line that goes on with names
        for item in _entries(ITEM_NUMBER.sub("", raw), roles):
            who = match_label(item, roles)
            group = _GROUP.match(_clean(item))
            head = _clean(item).split(" ")
            if _role_word_head(who, item):
                who = None  # (read below as the title heading its person)
            if who is None and len(head) >= 2 and (_ROLE_WORD.fullmatch(head[0]) or _KANA_TITLE.fullmatch(head[0])) \
                    and role_like(head[0], as_roles(roles)) \
                    and not is_direction(head[0]) and all(_NAME_WORD.fullmatch(w) for w in head[1:3]):
                # 審議官 宮腰 修: a title the role list does not know, heading its person as a listed one does
                role, names = head[0], " ".join(head[1:])
                group_indent = indent
            elif who is not None and who.name is None:
                role, names = who.speaker, item[who.end:]
                group_indent = indent
            elif _SEAT.match(_clean(item)):
                role, names = "", item  # 3番 松田 翔: a seat and its member, in no role's group
            elif group and (not role or (indent is not None and group_indent is not None
                                         and indent <= group_indent)):
                role, names = group.group("group"), group.group("rest")  # 消費者庁：宮腰大臣、…
                group_indent = indent
            elif not ITEM_NUMBER.match(raw) and role:
                names = item
            else:
                role, names = "", item
            for k, name in enumerate(_names_apart(names)):
                name = _despeck(_clean(name), roles)
                own = match_label(name, roles) if k and role and name else None
                if own is not None and own.name is None and _clean(name[own.end:]):
                    # 議長 渡辺健一、教育長 山口和夫: an entry after a comma with its own role heads a new
                    # group (事務局 総務課長 岡本 久美子 is one entry: the office, then the person)
                    role, name = own.speaker, _clean(name[own.end:])
                elif k and role and (own is None or _role_word_head(own, name)) and _unlisted_title_head(name, roles):
                    # 委員 田中 由美、進行役 梶 修: a title the role list does not know heads its own entry
                    role, name = name.split(" ", 1)
                if name:
                    meta["attendees"].append(f"{role} {name}".strip())

    lines = list(lines)  # a wrapped attendee line may hand its cut head to the next (same count)
    for n in range(min(len(lines), len(cut_above or ())) - 1, 0, -1):
        if cut_above[n] and lines[n - 1].strip():
            # geometry saw the wrap: the two lines are one, whatever the cut word reads as on its own
            lines[n - 1], lines[n] = list_wrap_joined(lines[n - 1], lines[n], roles), ""
    for n, raw in enumerate(lines):
        key_here = KEY_LINE.match(raw)
        if n + 1 < len(lines) and (field == "attendees" or (key_here and _key_of(key_here.group("key"))[0] == "attendees")):
            raw, lines[n + 1] = _rejoin_wrapped_role(raw, lines[n + 1], roles)
        line = _clean(raw)
        if not line:
            continue
        indent = indents[n] if indents is not None and n < len(indents) else None
        if field == "attendees" and _ORGANISATION_ALONE.fullmatch(line) and indent is not None \
                and n + 1 < len(lines) and n + 1 < len(indents) and indents[n + 1] > indent \
                and lines[n + 1].strip() and not KEY_LINE.match(lines[n + 1]):
            # 文部科学省総合教育政策局 / 　　　男女共同参画共生社会学習・安全課：田中課長補佐: an office that
            # wraps, its section and person indented under it, is one entry
            lines[n + 1] = line + lines[n + 1].strip()
            continue
        m = KEY_LINE.match(raw)
        if m is not None and field == "attendees" and _key_of(m.group("key"))[0] == "staff" \
                and len(_entries(raw, roles)) > 1:
            m = None  # 事務局 総務課長 岡本 久美子　事務局 …: a row of attendees set in columns, no new item
        if m is None and field is not None and _shape(raw) in shapes and len(line) <= 16 and "。" not in line:
            head = ITEM_NUMBER.sub("", re.sub(r"^[\s\u3000]*[0-9０-９]{1,2}[\s\u3000.．、)）]*", "", raw))
            parts = _clean(head).split(" ", 1)
            if parts[0] and not re.match(r"^[0-9０-９]", parts[0]):
                field, key, role = "other", parts[0], ""
                _put(meta, other, field, key, parts[1] if len(parts) > 1 else "")
                awaiting = len(parts) == 1
                continue
        if m:
            field, key = _key_of(m.group("key"))
            role, group_indent = "", None
            value = _clean(m.group("value"))
            who = match_label(value, roles) if field == "attendees" and value else None
            if "、" in value and ((who is not None and (who.name is None or _role_word_head(who, value)))
                                  or (field == "attendees" and who is None and _names_list(value))):
                # (出席者:田野瀬太道、池田佳隆、…: names alone, entries as well)
                take_attendees(value, indent)  # 出席者　会長 岡田 誠一、委員 石井 健、…: entries, each under its role
            else:
                _put(meta, other, field, key, value)
            awaiting = not value
            continue
        if m is None and not meta["date_text"] and _DATE_LINE.match(line):
            # the meeting's date alone on a line, under no key (議事日程（第２号） / 令和6年9月10日（火）); a
            # time on the next line goes with it
            _put(meta, other, "date", "日時", line)
            if field is None:
                field, key = "date", "日時"
            awaiting = False
            continue
        # a list of people keeps its columns (１番　小野寺　美咲　２番 …) for _entries to part
        listed = raw.strip() if field == "absent" or key in _PEOPLE_KEYS else line
        if awaiting and field is not None and field != "attendees":
            awaiting = False
            _put(meta, other, field, key, listed)
            continue
        awaiting = False
        if field is None:
            title_lines.append(line)
            continue
        a = ABSENT_IN_LINE.match(line)
        if a:
            field, key = "absent", "欠席"
            _put(meta, other, field, key, _clean(a.group(1)))
            continue
        if field == "attendees":
            above = lines[n - 1] if n else ""
            cut = _CUT_TAIL_BEFORE_COMMA.match(_clean(raw))
            if meta["attendees"] and cut and set(cut.group("tail")) <= _WORD_TAIL and "、" in above \
                    and not re.search(r"[、，,]\s*$", above):
                # …事務局 高田行政情報係 / 長、説明員 …: the wrap cut the last entry's title before its comma
                meta["attendees"][-1] += cut.group("tail")
                take_attendees(cut.group("rest"), indent)
                continue
            joined = _entry_cut_by_wrap(meta["attendees"][-1], _clean(raw), above, roles) \
                if meta["attendees"] else None
            if joined is not None:
                # …、総務部長 / 井上裕子、…, …、議員井 / 上恵子, …、山 / 田賢司、…: an entry the wrap cut
                meta["attendees"][-1], rest = joined
                if rest:
                    take_attendees(rest, indent)
                continue
            if meta["attendees"] and _cut_word_head(raw) and not re.search(r"[、，,]\s*$", above):
                # …書記 教育総務 / 課 野口主事: the wrap cut the last entry's word; the line goes on with it
                head, rest = _clean(raw).split(" ", 1)
                meta["attendees"][-1] = _clean(f"{meta['attendees'][-1]}{head} {rest}")
                continue
            take_attendees(raw, indent)
            continue
        _put(meta, other, field, key, listed, cont=True)
    if title_lines and not meta["title"]:
        n = _title_span(title_lines)
        meta["title"] = " ".join(_despace_letters(t) for t in title_lines[:n])
        if len(title_lines) > n:
            other["文書"] = " ".join(title_lines[n:])
    elif title_lines:
        other["文書"] = " ".join(title_lines)
    other = {k: v for k, v in other.items() if v}
    if other:
        meta["other"] = other
    return meta


# a date standing alone on a cover line, perhaps with its time (令和五年十一月一日（水曜日）, 令和6年9月10日（火）午前10時開議)
_ERA_NUMBER = "(?:[0-9０-９]{1,4}|元|[一二三四五六七八九十]{1,3})"
_DATE_LINE = re.compile(rf"^(?:令和|平成|昭和){_ERA_NUMBER}年{_ERA_NUMBER}月{_ERA_NUMBER}日(?:[（(][^）)]{{1,4}}[）)])?"
                        r"(?:[\s\u3000]*(?:午前|午後)?[0-9０-９一二三四五六七八九十零]{1,3}[時:：].{0,24})?$")


# a speck OCR read between a role and its name (教育長.山口和夫, 委員・西村典子)
_SPECK_AFTER_ROLE = re.compile(rf"^(?P<role>\S{{1,10}}?)[.．・･。,'`](?P<name>[{KANJI}\u3005\u3040-\u30ff]\S{{1,9}})$")


_ITEM_HEAD = re.compile(r"[^、，,\s\u3000]{2,8}(?=[、，,]|$)")
# a name spaced in two opening a line, the line's end or its next entry after it (田所　官兵衛　委員 …)
_SPACED_NAME_HEAD = re.compile(rf"([{KANJI}\u3005]{{1,4}})[ \u3000]+[{KANJI}\u3005\u3040-\u30ffー]{{1,5}}(?=[、，,\s\u3000]|$)")


def list_wrap_joined(a: str, b: str, roles=None) -> str:
    """A list line and the line its wrap went on to, as one: joined inside the word the wrap cut
    (事務局 教育 / 総務課長 岡本 久美子), but a space kept where the wrap fell at a space (the space is not
    printed at either line's end): between a title and the name of its entry (…、進行役 / 高松直子、監理官 …),
    or between two entries of title and name (委員　大川　浩二 / 委員　松下　雅人)."""
    roles = as_roles(roles)
    # (the space kept is the one the line parts its words with: U+3000 between a PDF row's cells)
    space = "\u3000" if re.search(r"\u3000[^\s\u3000]+$", a.rstrip()) else " "

    def plain_word(w: str) -> bool:
        return w not in roles.words and w not in roles.standalone and not w.endswith(tuple(roles.suffixes))
    words = [w for w in re.split(r"[、，,\s\u3000]+", a.strip()) if w]
    ends_with_title = bool(words) and len(words[-1]) >= 2 and role_like(words[-1], roles)
    head = _ITEM_HEAD.match(b.lstrip())
    if ends_with_title and head is not None and plain_word(head.group()):
        return a.rstrip() + space + b.lstrip()
    spaced = _SPACED_NAME_HEAD.match(b.lstrip())
    if ends_with_title and spaced is not None and plain_word(spaced.group(1)) and not role_like(spaced.group(1), roles):
        # …教育長職務代理者 / 田所　官兵衛: a title, then its person's name spaced in two on the next line
        return a.rstrip() + space + b.lstrip()
    opens = [w for w in re.split(r"[、，,\s\u3000]+", b.strip()) if w][:1]
    if len(words) >= 3 and len(words[-3]) >= 2 and role_like(words[-3], roles) \
            and all(1 <= len(w) <= 3 and plain_word(w) for w in words[-2:]) \
            and opens and len(opens[0]) >= 2 and role_like(opens[0], roles) \
            and not _names_solid(words[:-1], roles):
        return a.rstrip() + space + b.lstrip()
    return join_lines([a.rstrip(), b.lstrip()])


def _names_solid(words: list[str], roles) -> bool:
    """A list line's entries, title then name, print each name as one word (教育長　久保和美　総務課長
    西村直人　議員　菅原武): two entries at least, a title at every other word, and the words no list of
    names spaced in two (町長　田村　浩一　議員　関　和夫: a title every third word, the pieces between short)
    would print. A short word after them (…菅原武　税 / 務課長) is then the head of the next entry's
    title the wrap cut, not a given name."""
    n = len(words)
    spaced = n % 3 == 0 and all(role_like(w, roles) if k % 3 == 0 else len(w) <= 3 for k, w in enumerate(words))
    return n >= 4 and n % 2 == 0 and all(role_like(words[k], roles) for k in range(0, n, 2)) and not spaced


def _despeck(entry: str, roles=None) -> str:
    """教育長.山口和夫 -> 教育長 山口和夫: an attendee entry whose role and name a speck parts, read
    as the role and name a space parts."""
    m = _SPECK_AFTER_ROLE.match(entry)
    if m is None:
        return entry
    spaced = f"{m.group('role')} {m.group('name')}"
    who = match_label(spaced, roles)
    return spaced if who is not None and who.name is None and who.end == len(m.group("role")) + 1 \
        and match_label(m.group("name") + " x", roles) is None else entry


def _rejoin_wrapped_role(line: str, nxt: str, roles=None) -> tuple[str, str]:
    """A role word cut by a wrap at a list line's end (…東 珠実、委 / 員 西村 典子): the cut head goes
    down to the next line, where the rest of the word stands, so the entry reads whole."""
    tail = re.search(r"(?<=[、，,\s\u3000])[^、，,\s\u3000]{1,3}$", line.rstrip())
    if tail is None or not nxt.strip() or KEY_LINE.match(nxt) or match_label(nxt, roles) is not None:
        return line, nxt
    joined = tail.group(0) + nxt.lstrip()
    who = match_label(joined, roles)
    if who is None or who.name is not None or who.end <= len(tail.group(0)) \
            or match_label(tail.group(0) + " x", roles) is not None:
        return line, nxt
    return line.rstrip()[: tail.start()], joined


def _names_apart(names: str) -> list[str]:
    """A list of names split at its commas, never inside brackets (総務課政策法務係（澤木、玖島）)."""
    out, cur, depth = [], "", 0
    for ch in names:
        depth += 1 if ch in "（(" else -1 if ch in "）)" else 0
        if ch in "、，," and depth <= 0:
            out.append(cur)
            cur = ""
        else:
            cur += ch
    return out + [cur]


def _unlisted_title_head(entry: str, roles=None) -> bool:
    """進行役 梶 修, 審議官 宮腰 修: an entry opening with a title the role list does not know (it only ends as
    roles do), then the person's name in one or two words."""
    words = entry.split(" ")
    return 2 <= len(words) <= 3 and (_ROLE_WORD.fullmatch(words[0]) is not None or _KANA_TITLE.fullmatch(words[0])
                                     is not None) and role_like(words[0], as_roles(roles)) \
        and not is_direction(words[0]) and all(_NAME_WORD.fullmatch(w) for w in words[1:])


def _role_word_head(who, item: str) -> bool:
    """健康福祉部長 森田光代, 子ども家庭課長補佐 三浦一樹: a cover prints the role, a space, then the person; a
    head word the label grammar reads as surname + role (健康 / 福祉部長) is the role whole there."""
    head = re.split(r"[、，,]", _clean(item))[0].split(" ")  # the first entry of a list
    return who is not None and who.name is not None and len(head) >= 2 and _clean(item[:who.end]) == head[0] \
        and all(_NAME_WORD.fullmatch(w) for w in head[1:3])


_SEAT = re.compile(r"^[0-9０-９]{1,3}番\s")
_ROLE_WORD = re.compile(rf"[{KANJI}\u30a0-\u30ffー]{{2,10}}")
# a title written in kanji and kana (子ども家庭課長補佐): opens and ends in kanji
_KANA_TITLE = re.compile(rf"[{KANJI}][{KANJI}\u3040-\u30ffー]{{2,14}}[{KANJI}]")
_NAME_WORD = re.compile(rf"[{KANJI}\u3005\u3040-\u30ffー]{{1,5}}")
_COLUMN_GAP = re.compile(r"\u3000+|[ ]{2,}")


def _entries(line: str, roles=None) -> list[str]:
    """A line of attendees set in columns, one entry a column (議長 山田 太郎　副議長 井上 美和), when
    every column opens with a role or a seat, or every one is a name with its honorific; else the
    line as it is."""
    pieces = [p for p in _COLUMN_GAP.split(line.strip()) if p.strip()]
    if len(pieces) > 1 and all(_SEAT.match(p + " ") or ((m := match_label(p, roles)) is not None and m.name is None
                                                         and p[m.end:].strip()) for p in pieces):
        return pieces
    if len(pieces) > 1 and all(_HONOURED_NAME.fullmatch(p.strip()) for p in pieces):
        return pieces  # 鈴木さつき君　山田太郎君: names alone, each with its honorific (a Diet list)
    return _spaced_entries(pieces, roles) or [line]


_SEAT_ALONE = re.compile(r"[0-9０-９]{1,3}番")


def _spaced_entries(pieces: list[str], roles=None) -> list[str] | None:
    """Columns whose names are spaced out too (１番　小野寺　美咲　２番　佐久間　亮, 町長　田村　浩一　副町長 …,
    as a town assembly's cover sets them): an entry opens at each seat or role and takes the name pieces
    after it. None unless every piece is a head or one of two or three name pieces after one."""
    def head(p: str, entry: list[str] | None) -> bool:
        if _SEAT_ALONE.fullmatch(p):
            return True
        listed = match_label(p + "\u3000x", roles)
        if listed is not None and listed.end >= len(p) and (listed.name is None or not _NAME_WORD.fullmatch(p)):
            return True  # a role the grammar knows, however it would part a label of it
        # a title only ending as roles do (統括官) opens an entry after a whole name, never in the middle
        # of one (大橋　正人: 人 ends roles too)
        return bool(_ROLE_WORD.fullmatch(p)) and role_like(p, as_roles(roles)) and not is_direction(p) \
            and (entry is None or len(entry) >= 3 or len(p) >= 3)

    entries: list[list[str]] = []
    for p in pieces:
        if head(p, entries[-1] if entries else None) and (not entries or len(entries[-1]) > 1):
            entries.append([p])
        elif entries and _NAME_WORD.fullmatch(p) and len(entries[-1]) <= 3:
            entries[-1].append(p)
        else:
            return None
    if not entries or any(len(e) < 2 for e in entries):
        return None
    return [" ".join(e) for e in entries]


_HONOURED_NAME = re.compile(r"[^\s、。，,:：()（）]{2,10}(?:君|氏|さん)")


def _despace_letters(line: str) -> str:
    """議 事 録 -> 議事録: a letter-spaced title word."""
    parts = line.split(" ")
    return "".join(parts) if len(parts) > 1 and all(len(p) == 1 for p in parts) else line


_DOC_KIND = re.compile(r"(?:会議録|議事録|記録|議事要旨|会議要旨|次第)$")


def _title_span(title_lines: list[str]) -> int:
    """How many leading lines make the title: up to the one naming the record (第25回 / 消費者教育推進会議
    / 議 事 録 is one title), else a short ordinal line with the name after it, else one line."""
    joined = ""
    for n, t in enumerate(title_lines[:4], start=1):
        joined += _despace_letters(t)
        if len(joined) > 60:
            break
        if _DOC_KIND.search(_despace_letters(t)):
            return n
    if len(title_lines) > 1 and len(title_lines[0]) <= 8 and TITLE.search(title_lines[1]):
        return 2
    return 1


def _put(meta: dict, other: dict, field: str, key: str, value: str, cont: bool = False) -> None:
    if field == "date":
        if cont:
            meta["time_text"] = _clean(meta["time_text"] + " " + value)
            return
        # the date with its day of the week, as the golds keep it (令和6年9月13日（金）), then the time
        m = re.match(r"^(.*?日(?:\s*[（(][^）)]{1,4}[）)])?|.*?[（(][^）)]{1,4}[）)])\s*(.*)$", value)
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
        if value and not _NONE.fullmatch(value):
            meta["absent"] += _entries(value)
    elif key in _PEOPLE_KEYS:
        if value and not _NONE.fullmatch(value):
            other.setdefault(key, []).extend(_clean(e) for e in _entries(value))
    else:
        if cont and key in other:
            other[key] = _clean(other[key] + " " + value)
        else:
            other[key] = value


_NONE = re.compile(r"な[\s\u3000]*し|無[\s\u3000]*し|[－―ー-]")  # 欠席議員 / なし: nobody


COVER_CHARS = 3000  # more text than any cover sheet holds (p1's long cover, with its lists, is about 1,000)


COVER_LOOKAHEAD = 30  # lines at the body's head where a cover item left behind would stand


def check_meta(meta: dict, body_chars: int, roles=None, body_head: list[str] = ()) -> list[str]:
    """The cover reader's self-check: warnings when meta holds more than a cover's worth of text or
    a line that reads as speech (then the body was probably taken for the cover), or when the body
    opens with a cover item saying when or where (日時, 場所: then the cover ended too early)."""
    values = []
    for v in meta.values():
        if isinstance(v, str):
            values.append(v)
        elif isinstance(v, list):
            values += [x for x in v if isinstance(x, str)]
        elif isinstance(v, dict):
            values += [x for x in v.values() if isinstance(x, str)]
    size = sum(len(v) for v in values)
    out = []
    if size > COVER_CHARS or (body_chars and size > max(600, 0.5 * body_chars)):
        out.append(f"cover: meta holds {size} characters, more than a cover sheet; some of the body may "
                   "have been read as the cover")
    speech = [v for v in values if any(s.endswith("。") and reads_as_body(s, roles) and _spoken(s)
                                       for s in re.split(r"(?<=。)", v))]
    if speech:
        out.append(f"cover: {len(speech)} meta value(s) read as speech, e.g. {speech[0][:30]!r}")
    left = [l for l in body_head if (m := KEY_LINE.match(l)) and _key_of(m.group("key"))[0] in ("date", "place")
            and _cover_item(l, roles)]
    if left:
        out.append(f"cover: the body opens with a cover item ({_clean(left[0])[:30]!r}); the cover may "
                   "have ended too early")
    return out
