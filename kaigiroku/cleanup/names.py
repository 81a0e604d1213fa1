"""Names OCR misread now and then (佐藤一郎者 for 佐藤一郎君, 林花手 for 林花子)."""
from __future__ import annotations

from collections import Counter

from rapidfuzz.distance import Levenshtein

from ..model import Turn


def settle_misread_names(turns: list[Turn]) -> int:
    """A name printed once, close to a name printed several times in the same document (for the same
    role, if any), is that name. Returns how many names were settled. For OCR'd minutes only: in a
    text layer a name printed once is just a name printed once."""
    counts = Counter((t.speaker, t.name) for t in turns if t.kind == "speech" and t.name)
    settled = 0
    for t in turns:
        if t.kind != "speech" or not t.name or counts[(t.speaker, t.name)] > 1:
            continue
        near = {n for (_, n), c in counts.items()
                if c > 1 and n != t.name and Levenshtein.distance(n, t.name) <= max(1, len(n) // 3)}
        same_role = {n for n in near if counts[(t.speaker, n)] > 1}
        pick = same_role or near
        if len(pick) == 1:
            t.name = pick.pop()
            settled += 1
    return settled
