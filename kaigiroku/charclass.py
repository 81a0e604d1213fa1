"""Japanese character classes, sentence ends and running-header keys: one place for both paths.

The text path (cleanup/) and the page path (ingest/, OCR) judge the same things (does a line end a
sentence, is a character Japanese, is this line the header printed on every page); they import the
answers from here so that the two never drift apart.
"""
from __future__ import annotations

import functools
import re
import unicodedata

# what ends a sentence
SENTENCE_END = "。．？！?!"
# closing brackets and quotes: they end a line that a sentence end or a direction closed
CLOSERS = "」』）)】〕＞>］]"
# a line ending in one of these does not go on onto the next page or row
LINE_CLOSED = SENTENCE_END + "」』）)〕】"
# brackets that open a direction, a quotation or a heading
OPENERS = "「『（(【〔＜<［["
# kanji, for a regex's character class: the unified block, its extension A, the compatibility block
# (﨑 and 11 more are unified ideographs kept there; NFKC leaves them) and the supplementary planes (𠮷)
KANJI = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# characters of a Japanese word (role, title, name): kanji, katakana, iteration marks
WORD_CLASS = rf"[{KANJI}\u3005\u30a0-\u30ffー・々ヶ]"
_KANJI_CHAR = re.compile(f"[{KANJI}]")


def is_kanji(c: str) -> bool:
    return _KANJI_CHAR.fullmatch(c) is not None


def is_kana_kanji(c: str) -> bool:
    """Hiragana, katakana or a kanji."""
    return "\u3040" <= c <= "\u30ff" or is_kanji(c)


def is_japanese(c: str) -> bool:
    """Kana, kanji, the long-vowel mark and full-width punctuation and forms."""
    o = ord(c)
    return (0x3000 <= o <= 0x30FF or 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF
            or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF or 0x31F0 <= o <= 0x31FF)


def display_width(s: str) -> float:
    """Printed width in full-width cells: wide characters 1, the rest 0.5."""
    # (i11) counted in C where it can be: str.translate drops the wide characters of the BMP
    if s.isascii():
        return 0.5 * len(s)
    if max(s) > "\uffff":
        return sum(1.0 if unicodedata.east_asian_width(c) in "WFA" else 0.5 for c in s)
    return len(s) - 0.5 * len(s.translate(_wide_bmp()))


@functools.cache
def _wide_bmp() -> dict[int, None]:
    """(i11) The BMP's wide characters (East Asian width W, F or A), as a table that deletes them;
    made on first use, as unicodedata judges them."""
    return dict.fromkeys(cp for cp in range(0x10000) if unicodedata.east_asian_width(chr(cp)) in "WFA")


# a line that cannot be a sentence's first words: punctuation, a small kana or the long-vowel mark,
# or one hiragana then a comma (し、 て、: a verb's ending cut off by a wrap). あ、 え、 お、 う、 are
# interjections a speech may open with, so they are not here.
_MID_SENTENCE = re.compile(r"^[、。，．ー・ぁぃぅぇぉっゃゅょゎァィゥェォッャュョ]|^[か-ゖ][、，]")


def opens_mid_sentence(line: str) -> bool:
    """The line goes on with a sentence begun before it (し、バッテリーの…), whatever stands between."""
    return _MID_SENTENCE.match(line.lstrip(" \u3000")) is not None


def ends_with_sentence_end(text: str) -> bool:
    return text.rstrip()[-1:] in SENTENCE_END


def header_key(text: str) -> str:
    """A running header's identity: width and spaces do not matter, digits vary (第5回, 5/12)."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)))
