"""Check that a repair kept each body character exactly once, in order, and invented nothing.

The input and the output are reduced to character streams (NFKC, whitespace removed) and aligned.
The output may not contain a character the input lacks at that place (no insertions, no
replacements); what the input loses may only be speaker labels, page furniture, markup or the cover
sheet, which become fields or are dropped by design.
"""
from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import Levenshtein

from kaigiroku.cleanup.labels import as_roles

_MARKS = "○◯〇◎◆◇●□■△▲☆★◉"


def stream(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def _allowed_loss() -> re.Pattern:
    r = as_roles(None)
    words = "|".join(re.escape(unicodedata.normalize("NFKC", w)) for w in r.words)
    titles = "|".join(re.escape(s) for s in r.suffixes)
    label = (rf"[{_MARKS}]?(?:[^\s{_MARKS}]{{0,12}}(?:{titles})|{words}|[0-9]{{1,3}}番)"
             rf"(?:\([^()]{{1,16}}\))?[:)]?")
    furniture = r"-?[0-9]{1,4}-?|[0-9]{1,4}/[0-9]{1,4}|p\.?[0-9]{1,4}"
    markup = r"</?[a-zA-Z]+[^>]*>|#+|\*\*|-|[<>]"
    return re.compile(rf"^(?:{label}|{furniture}|{markup})+$")


def lost_and_invented(input_text: str, minutes, cover: str = "") -> tuple[list[str], list[str]]:
    """(pieces of the input body missing from the output that are not labels/furniture/markup,
    pieces of the output that are not in the input)."""
    src = stream(input_text)
    if cover:
        c = stream(cover)
        assert src.startswith(c)
        src = src[len(c):]
    out = stream("".join(t.text for t in minutes.turns))
    allowed = _allowed_loss()
    lost, invented = [], []
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(src, out):
        if tag in ("insert", "replace"):
            invented.append(out[j1:j2])
        if tag in ("delete", "replace") and not allowed.match(src[i1:i2]):
            lost.append(src[i1:i2])
    return lost, invented
