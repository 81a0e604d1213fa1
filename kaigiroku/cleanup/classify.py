"""Which blocks are headings (＜諮問審議＞, （２） 議 事, 【報告事項】, 日程第3) and which are stage
directions standing alone (（質疑なし）, ＜説明員退室＞, 〔拍手〕), rather than speech."""
from __future__ import annotations

import re

from ..charclass import SENTENCE_END, display_width, is_kanji
from .blocks import RULE_LINE, TIME_NOTE, ends_sentence

_PAIRS = {"（": "）", "(": ")", "＜": "＞", "<": ">", "〔": "〕", "［": "］", "[": "]", "【": "】", "《": "》",
          "〈": "〉", "«": "»"}
_NUM = r"(?:[0-9０-９]{1,3}(?=[\s\u3000、)）]|[.．](?![0-9０-９]))|[（(][0-9０-９]{1,3}[）)]|[①-⑳]|[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]|[ア-ンA-Za-zＡ-Ｚ][.．、)）]|[（(][ア-ン][）)]|[アイウエオカキクケコサシスセソ](?=[\s\u3000])|第[0-9０-９一二三四五六七八九十]{1,3}(?![0-9０-９一二三四五六七八九十])[章節項条]?(?!に))"
# (never a quantity with a decimal point, 1.1キロメートルは…: a wrap may open a line with it)
NUMBERED = re.compile(rf"^{_NUM}[\s\u3000.．、]*\S")
AGENDA = re.compile(r"^(?:日程第[0-9０-９一二三四五六七八九十]+|議案第|諮問第|報告第|請願第|陳情第)")
SECTION_WORDS = re.compile(r"^(?:別\s*紙|資料一覧|次\s*第|開\s*会|閉\s*会|散\s*会|議\s*事|議\s*題|報告事項|協議事項|審議事項|諮問事項|その他|そ\s*の\s*他"
                           r"|議事日程(?:[\s\u3000]*第[0-9０-９一二三四五六七八九十]+号)?"  # (議事日程　第八号: the order of the day's title)
                           r"|本日の会議に付した案件)$")  # (a Diet record's caption over the items taken up that day)
BULLET = re.compile(r"^[●■□◇・※▼▽►]")
# the record's caption over what follows (要旨は次の＜諮問審議＞のとおり): no one says it; a speech
# says 次のとおりです
_CAPTION = re.compile(r"は次の(?:.{1,16}の)?とおり。?$")
# the chair calling an item (議案第55号、東雲市職員の…を議題といたします): a comma after the number is
# spoken, a printed heading sets the item's name apart with a space (議案第５５号　東雲市職員の…)
AGENDA_CALL = re.compile(r"^(?:日程|議案|諮問|報告|請願|陳情)第[0-9０-９一二三四五六七八九十]+号?、")


# (i9lab) what names an agenda item (…法律案, …の件, …の趣旨説明), a bracketed note after it allowed
# (a year's accounts laid before the House, …政府関係機関決算書（概要報告）, …現在額総計算書, are items too)
_ITEM_END = re.compile(r"(?:法律案|条例案|予算案|議案|の件|事項|趣旨説明|について|決算書|計算書)(?:[（(][^（()）]*[）)])?$")


# an item of the order of the day, its number set apart by a space (第一　…): the name that follows may list
# several papers taken as one item, parted by 、 (a speech's 第一に、… opens with no space)
# (a heading style may number it again: ２．第一　…)
_ITEM_LISTED = re.compile(r"^(?:[0-9０-９]{1,2}[.．][\s\u3000]*|[（(][0-9０-９]{1,2}[）)][\s\u3000]*)?"
                          r"(?:日程)?第[0-9０-９一二三四五六七八九十]{1,3}[\s\u3000]+\S")


def bracketed(text: str) -> str | None:
    """The inside of a block wrapped whole in one pair of brackets, else None."""
    t = text.strip()
    if len(t) < 2 or t[0] not in _PAIRS or t[-1] != _PAIRS[t[0]]:
        return None
    inner = t[1:-1]
    # （異議なし）と（賛成）: two bracketed parts are not one direction
    depth = 0
    for c in inner:
        if c == t[0]:
            depth += 1
        elif c == _PAIRS[t[0]]:
            depth -= 1
            if depth < 0:
                return None
    return inner


# what happens in the room (a clause, or an act of the members), never the name of an agenda item
_DIRECTION_ACT = re.compile(r"拍手|挙手|起立|着席|退席|離席|退室|入室|退場|入場|休憩|再開|発言する者|呼ぶ者|者あり"
                            r"|投票(?:開始|終了)|議場(?:閉鎖|開鎖)|末尾に掲載"  # (i9lab) a vote by the Diet's rules
                            r"|君(?:登壇|降壇)"  # a member called to the rostrum: 〔野々村昌子君登壇〕 (no 拍手 after it)
                            r"|(?:あり|なし|する|した|います|ました)$")


# members calling out from the floor (〔「そのとおり」と呼ぶ者あり〕, 〔発言する者あり〕): during a speech as well as
# between turns, where the room's acts (登壇, 拍手 after a speech) stand between turns only
_FROM_THE_FLOOR = re.compile(r"(?:呼ぶ|発言する)者(?:あり|多し)")


def from_the_floor(text: str) -> bool:
    """A direction standing alone that records members calling out (〔「場当たり的だ」と呼ぶ者あり〕)."""
    inner = bracketed(text.strip())
    return inner is not None and _FROM_THE_FLOOR.search(inner) is not None


def items_remark(text: str) -> bool:
    """A bracketed remark on the agenda items the chair just read out (（いずれも概要報告）, （以上三件概要報告）):
    in brackets, as a stage direction is, but no act of the room."""
    inner = bracketed(text.strip())
    return inner is not None and not reads_as_direction(inner) and "。" not in inner and len(inner) <= 20


def reads_as_direction(inner: str) -> bool:
    """The inside of a bracket reads as a stage direction: a quoted call (「異議なし」と呼ぶ者あり), an act
    of the room (拍手, 説明員退室) or a clause ending as one does (質疑なし); a heading names an item."""
    t = re.sub(r"[\s\u3000]+", "", inner)
    return bool(t) and ("「" in t or "『" in t or _DIRECTION_ACT.search(t) is not None)


def block_kind(text: str, hint: str | None = None) -> str:
    """'heading', 'note' or 'speech' for a block with no speaker label."""
    t = text.strip()
    if not t:
        return "speech"
    inner = bracketed(t)
    if inner is not None:
        if reads_as_direction(inner):
            return "note"  # ［「異議なし」と呼ぶ者あり］, 【拍手】: whatever the bracket
        if t[0] in "【［[" or (t[0] in "＜<〈《" and len(inner.strip()) <= 10 and " " not in inner.strip()
                               and "\u3000" not in inner.strip()):
            return "heading"
        if (AGENDA.match(inner.strip()) or _ITEM_END.search(inner.strip())) and "。" not in inner:
            # ＜議案第55号 …条例の一部を改正する条例＞, ＜…法律案（内閣提出、衆議院送付）＞: an agenda item
            # named, however long
            return "heading"
        return "note"
    if hint == "heading":
        return "heading"
    if RULE_LINE.match(t):
        return "note"  # ――――・――――: the rule a plenary prints between the items of the day, no one's words
    if display_width(t) <= 40 and (t[-1] in "＞>" and "＜" not in t and "<" not in t
                                   or t[0] in "〔＜<（(" and not any(c in t for c in "〕＞>）)")):
        return "note"  # a stage direction that lost a bracket (OCR): 質疑応答終了　説明員退室＞, 〔拍手
    if TIME_NOTE.match(t) or (_CAPTION.search(t) and display_width(t) <= 40):
        return "note"
    short = display_width(t) <= 45 and t[-1] not in SENTENCE_END
    if AGENDA.match(t) and t[-1] not in SENTENCE_END and "。" not in t and not AGENDA_CALL.match(t):
        return "heading"
    if SECTION_WORDS.match(re.sub(r"^[0-9０-９()（）]+\s*", "", t)) and display_width(t) <= 22:
        return "heading"
    if NUMBERED.match(t) and short and "。" not in t:
        return "heading"
    if NUMBERED.match(t) and t[-1] not in SENTENCE_END and _ITEM_END.search(t) \
            and not re.search(r"[、，,。]", re.sub(r"（[^（）]*）|\([^()]*\)", "", t)):
        return "heading"  # 第三　労働者の…法律案（内閣提出、衆議院送付）: an item of the order of the day, however long
    if _ITEM_LISTED.match(t) and "。" not in t and _ITEM_END.search(t):
        return "heading"  # 第一　…歳入歳出決算、…特別会計歳入歳出決算、…決算書（概要報告）: items of one 日程 listed
    if BULLET.match(t) and t[-1] not in SENTENCE_END:
        return "heading" if display_width(t) <= 12 and t[0] != "・" else "note"
    return "speech"


_CLAUSE_MARKS = re.compile(r"[。、，,．？?！!「」『』（）()＜＞<>〔〕［］【】:：…]")


def bare_heading(text: str, between_turns: bool) -> bool:
    """A heading printed with no number or bracket (会議録署名委員の指名, 前回会議録の承認, 教育長報告),
    told from a speech's last words by where it stands and how it reads: between a sentence's end
    and the next speaker's label (`between_turns`), a short line with no punctuation at all, that
    names a thing (it ends in a kanji or katakana noun) where a spoken line ends in kana (以上です,
    異議なし)."""
    t = text.strip()
    if between_turns and "\n" not in t and _ITEM_END.search(t) and \
            not re.search(r"[。、，,「」？?！!]", re.sub(r"[（(][^（()）]*[）)]", "", t)):
        return True  # (an agenda item named, however long: 食料安全保障基本法の一部を改正する法律案（内閣提出、衆議院送付）)
    if not between_turns or not t or "\n" in t or display_width(t) > 30 or len(t) < 2:
        return False
    if _CLAUSE_MARKS.search(t) or re.search(r"[0-9０-９]{3,}", t):
        return False
    last = t[-1]
    # (an agenda item is named as what it is about: 標準データ形式の案について, 理事辞任の件)
    return is_kanji(last) or "\u30a1" <= last <= "\u30fa" or last == "ー" \
        or t.endswith(("について", "の件"))


def names_item(text: str) -> bool:
    """A line that names an agenda item as what it is about (標準データ形式の案について, 理事辞任の件)."""
    return _ITEM_END.search(text.strip()) is not None


def is_note_text(text: str) -> bool:
    """A stage direction in brackets (（異議なし）, 〔拍手〕): a speech of its own after a label."""
    return bracketed(text) is not None


def reads_as_speech(text: str) -> bool:
    """Ends a sentence or runs long: not a caption such as 要旨は次のとおり."""
    return ends_sentence(text) or display_width(text) >= 25
