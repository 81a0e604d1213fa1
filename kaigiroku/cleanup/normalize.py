"""Character normalisation, each fix a pure str -> str function in a registry (ftfy's style).

The promise: only these changes are made, and only to the characters they name.
- fullwidth_alnum: full-width ASCII letters and digits (ＡＢＣ１２３) become ASCII, and so do the
  symbols between them (Ｊ－ＬＩＳ -> J-LIS, ４３，０００ -> 43,000); Japanese punctuation stays full-width.
- halfwidth_kana: half-width katakana (ﾃｽﾄ, ｶﾞ) become full-width (テスト, ガ).
- kangxi_radicals: Kangxi/CJK radical code points that PDF fonts emit for ordinary kanji (⼀ U+2F00) become
  the unified ideographs.
- invisible: zero-width characters, soft hyphens and BOMs are removed; no-break spaces become spaces.
- letter_spaced_latin: "L I N E" -> "LINE" (three or more single capitals spaced apart, or "I D").
"""
from __future__ import annotations

import re

import jaconv
import unicodedata2

_FW_ALNUM = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)}
_FW_ALNUM.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)})
_FW_ALNUM.update({chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)})
_FW_ALNUM_TABLE = str.maketrans(_FW_ALNUM)
# symbols that read as ASCII when they sit between ASCII letters/digits
_FW_JOINERS = {"－": "-", "．": ".", "，": ",", "／": "/", "＿": "_", "＠": "@", "＆": "&", "＋": "+",
               "＃": "#", "：": ":", "ー": "-", "‐": "-"}
_JOINER_RE = re.compile(r"(?<=[A-Za-z0-9])([－．，／＿＠＆＋＃：])(?=[A-Za-z0-9])")
_HALF_KANA_RE = re.compile(r"[\uff61-\uff9f]+")
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_LETTER_SPACED_RE = re.compile(r"(?<![A-Za-z])(?:[A-Z] ){2,}[A-Z](?![A-Za-z])|(?<![A-Za-z])I D(?![A-Za-z])")


def fullwidth_alnum(s: str) -> str:
    s = s.translate(_FW_ALNUM_TABLE)
    return _JOINER_RE.sub(lambda m: _FW_JOINERS[m.group(1)], s)


def halfwidth_kana(s: str) -> str:
    # jaconv's table composes voiced marks (ｶﾞ -> ガ); only the half-width kana runs are touched
    return _HALF_KANA_RE.sub(lambda m: jaconv.h2z(m.group(0), kana=True, ascii=False, digit=False), s)


_RADICAL_RE = re.compile("[\u2e80-\u2fdf]")  # (i11) searched in C: most lines hold none


def kangxi_radicals(s: str) -> str:
    if not _RADICAL_RE.search(s):
        return s
    return "".join(unicodedata2.normalize("NFKC", c) if "\u2f00" <= c <= "\u2fdf" or "\u2e80" <= c <= "\u2eff"
                   else c for c in s)


def invisible(s: str) -> str:
    return _INVISIBLE_RE.sub("", s).replace("\u00a0", " ")


def letter_spaced_latin(s: str) -> str:
    return _LETTER_SPACED_RE.sub(lambda m: m.group(0).replace(" ", ""), s)


FIXES = {
    "invisible": invisible,
    "kangxi_radicals": kangxi_radicals,
    "halfwidth_kana": halfwidth_kana,
    "fullwidth_alnum": fullwidth_alnum,
    "letter_spaced_latin": letter_spaced_latin,
}
# with --keep-width the text is left as printed, apart from characters no reader can see
KEEP_WIDTH_FIXES = ("invisible",)


def normalize(s: str, keep_width: bool = False) -> str:
    names = KEEP_WIDTH_FIXES if keep_width else FIXES
    for name in names:
        s = FIXES[name](s)
    return unicodedata2.normalize("NFC", s)
