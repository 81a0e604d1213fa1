"""Repair what Tesseract's Japanese model typically gets wrong in otherwise right text.

    fix_spacing     drop the spaces Tesseract puts between Japanese characters (and between Japanese
                    and digits or Latin), keep a space between two Latin words or numbers; rejoin
                    full-width letters and digits read one by one (Ｉ Ｃ Ｔ, １ ２) inside Japanese
    fix_brackets    〔 〕 read as [ ] { } or as one half of a mismatched pair
    fix_confusions  look-alike characters whose script the neighbours settle:
                    一 (kanji one) <-> ー (long-vowel mark) <- an ASCII dash, ロ/口, カ/力, エ/工, タ/夕,
                    ニ/二, ハ/八, ト/卜 -- each rule fires only where the other reading is (almost)
                    impossible Japanese
    fix_stray_marks specks read as marks: 、。 opening a line, ASCII marks inside a kana word
    fix_ocr_text    all four, on one line of OCR output

Each rule was checked against 174,000 characters of real and invented minutes (../shared gold,
seeds and Diet minutes, fixtures/minutes): none of them changes a character of correct text
(tests/test_ocr.py keeps that true for the fixtures).
"""
from __future__ import annotations

import re

from ..charclass import is_japanese


def _is_kanji(c: str) -> bool:
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or c in "々〆ヶ"


def _is_hira(c: str) -> bool:
    return 0x3041 <= ord(c) <= 0x309F


def _is_kata(c: str) -> bool:
    """A katakana letter (not the long-vowel mark, not the middle dot)."""
    o = ord(c)
    return (0x30A1 <= o <= 0x30FA) or (0x31F0 <= o <= 0x31FF) or (0xFF66 <= o <= 0xFF9D and c != "ｰ")


_is_japanese = is_japanese  # kana, kanji, long-vowel mark and full-width punctuation / forms


_SPACES = re.compile(r"[ \t\u3000]+")


def _non_japanese_run(s: str, from_end: bool) -> str:
    """The Latin/digit characters at the end (or start) of `s`, up to a space or a Japanese one."""
    chars = reversed(s) if from_end else iter(s)
    run = []
    for c in chars:
        if c.isspace() or _is_japanese(c):
            break
        run.append(c)
    return "".join(reversed(run) if from_end else run)


def fix_spacing(text: str) -> str:
    """Remove a run of spaces when a Japanese character stands on either side of it; between two
    Latin/digit tokens keep one space, unless one of them is a lone letter or digit in Japanese text."""
    text = text.strip()
    japanese = any(_is_japanese(c) for c in text)

    def repl(m: re.Match) -> str:
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if _is_japanese(before) or _is_japanese(after):
            return ""
        left = _non_japanese_run(text[: m.start()], from_end=True)
        right = _non_japanese_run(text[m.end():], from_end=False)
        lone = len(left) == 1 or len(right) == 1
        if japanese and (lone or (left[-1].isdigit() and right[0].isdigit())):
            return ""  # Ｉ Ｃ Ｔ -> ICT, １ ２校 -> 12校
        return " "

    return _SPACES.sub(repl, text)


_OPEN, _CLOSE = "[{(【〔［｛（", "]})】〕］｝）"


def fix_brackets(text: str) -> str:
    """[ ] { } next to Japanese are 〔 〕 (ASCII brackets do not occur in Japanese minutes); a pair
    whose halves disagree, like (拍手】, is 〔拍手〕: the tortoise shell is what Tesseract misreads."""
    chars = list(text)
    for i, c in enumerate(chars):
        if c in "[{" and i + 1 < len(chars) and _is_japanese(chars[i + 1]):
            chars[i] = "〔"
        elif c in "]}" and i and _is_japanese(chars[i - 1]):
            chars[i] = "〕"
    out = "".join(chars)
    pair = {o: c for o, c in zip(_OPEN, _CLOSE)}

    def mismatched(m: re.Match) -> str:
        o, body, c = m.group(1), m.group(2), m.group(3)
        if pair[o] == c or not any(_is_japanese(ch) for ch in body):
            return m.group(0)
        return f"〔{body}〕"

    return re.sub(r"([\[{(【〔［｛（])([^\[\]{}()【】〔〕［］｛｝（）]*)([\]})】〕］｝）])", mismatched, out)


# Katakana and kanji that look alike. Between two kanji the kanji is meant (人ロ -> 人口, 協カ -> 協力,
# 第ニ回 -> 第二回), except カ before a counter (数カ所, 何カ月); inside a katakana word the katakana
# (ヨー口ッパ, ア力ウント, ユ二ット). 力 after a katakana word is a real suffix (デザイン力), so a kanji
# becomes katakana only with katakana on both sides -- or, for 夕 and 卜, after katakana and not
# before a kanji (デー夕を, ネッ卜), and for 工, at the start before katakana (工ネルギー).
_KANA_TO_KANJI = {"ロ": "口", "カ": "力", "エ": "工", "タ": "夕", "ニ": "二", "ハ": "八", "ト": "卜"}
_KANJI_TO_KANA = {v: k for k, v in _KANA_TO_KANJI.items()}
_COUNTERS = "所月国年条"


def _kata_like(c: str) -> bool:
    return _is_kata(c) or c == "ー"


def _is_kana_kanji(c: str) -> bool:
    return _is_kanji(c) or _is_hira(c) or _kata_like(c)


def _fix_char(c: str, prev: str, nxt: str) -> str:
    kata_before, kata_after = bool(prev) and _kata_like(prev), bool(nxt) and _kata_like(nxt)
    if c == "一":
        # after a katakana letter, before kana or punctuation: the long-vowel mark (サポ一ト, センタ一を);
        # before a kanji it may be one (データ一件), and 一つ is one
        if prev and _is_kata(prev) and (not nxt or kata_after or (_is_hira(nxt) and nxt != "つ")
                                        or not _is_japanese(nxt) or nxt in "、。・」）"):
            return "ー"
    elif c in "-‐－":
        # an ASCII dash between kana/kanji: the long-vowel mark after katakana (タ-ミナル), else one (を-人)
        if prev and nxt and _is_kana_kanji(prev) and _is_kana_kanji(nxt):
            return "ー" if kata_before else "一"
    elif c == "ー":
        # a long-vowel mark after a kanji, or before one and not after katakana: one (第ー回, ー般)
        if (prev and _is_kanji(prev)) or (nxt and _is_kanji(nxt) and not kata_before):
            return "一"
    elif c in _KANA_TO_KANJI:
        if prev and nxt and _is_kanji(prev) and _is_kanji(nxt) and not (c == "カ" and nxt in _COUNTERS):
            return _KANA_TO_KANJI[c]
    elif c in _KANJI_TO_KANA:
        if kata_before and kata_after:
            return _KANJI_TO_KANA[c]
        if c in "夕卜" and kata_before and not (nxt and _is_kanji(nxt)):
            return _KANJI_TO_KANA[c]
        if c == "工" and not prev and nxt and _is_kata(nxt):
            return "エ"
    return c


def fix_confusions(text: str) -> str:
    """Look-alikes settled by their neighbours, left to right (a fixed character is the next one's
    left neighbour)."""
    chars = list(text)
    for i, c in enumerate(chars):
        chars[i] = _fix_char(c, chars[i - 1] if i else "", chars[i + 1] if i + 1 < len(chars) else "")
    return "".join(chars)


_KANA_KANJI = r"\u3041-\u30ff\u3400-\u4dbf\u4e00-\u9fff々"
_KANA = r"\u3041-\u309f\u30a1-\u30fa\u30fc"


def fix_stray_marks(text: str) -> str:
    """Marks that are specks or split strokes: 、。 opening a line (Japanese typesetting never
    starts a line with them), an ASCII mark inside a kana word (タブレッ:ト), a run of ASCII dashes
    between kana/kanji (one 一 or ー read as --; fix_confusions then settles which)."""
    text = re.sub(r"^[、。,.，．]+", "", text)
    text = re.sub(f"(?<=[{_KANA}])[.:,'\"`^~_|]+(?=[{_KANA}])", "", text)
    return re.sub(f"(?<=[{_KANA_KANJI}])-{{2,3}}(?=[{_KANA_KANJI}])", "-", text)


_ANGLE_MISREAD = re.compile(r"(?<![ぁ-んァ-ヶ一-龯])[くぐ〈]([^くぐ〈<＜>＞\n]{2,40}?)[>＞〉]")


def fix_angle_brackets(text: str) -> str:
    """く…> is ＜…＞: Tesseract reads the opening angle bracket of a stage direction (＜説明員入室＞)
    as く or ぐ; a hiragana that opens a phrase closed by > settles it."""
    return _ANGLE_MISREAD.sub(lambda m: f"＜{m.group(1)}＞", text)


def fix_ocr_text(text: str) -> str:
    return fix_confusions(fix_angle_brackets(fix_brackets(fix_stray_marks(fix_spacing(text)))))
