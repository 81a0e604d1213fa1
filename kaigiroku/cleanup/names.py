"""Names OCR misread now and then (佐藤一郎者 for 佐藤一郎君, 林花手 for 林花子)."""
from __future__ import annotations

from collections import Counter

from rapidfuzz.distance import Levenshtein

from ..model import Turn


def settle_misread_names(turns: list[Turn], attendees: list[str] = ()) -> int:
    """A rare name close to a name printed far more often in the same document (for the same role,
    if any) is that name: 山田太郎者 twice beside 山田太郎 twenty times. Returns how many names were
    settled. The cover's list of attendees (``7番 山本 健一``) counts as well. For OCR'd minutes
    only: in a text layer a rare name is just a rare name."""
    counts = Counter((t.speaker, t.name) for t in turns if t.kind == "speech" and t.name)
    names = Counter()
    for (_, n), c in counts.items():
        names[n] += c
    for a in attendees:
        parts = a.split()
        if len(parts) >= 2 and 2 <= len("".join(parts[1:])) <= 8:
            names["".join(parts[1:])] += 2
    settled = 0
    for t in turns:
        if t.kind != "speech" or not t.name:
            continue
        mine = names[t.name]
        near = {n for n, c in names.items()
                if c >= max(2, 2 * mine) and n != t.name and len(t.name) >= len(n)  # a misread, not a cut
                and Levenshtein.distance(n, t.name) <= max(1, len(n) // 3)}
        same_role = {n for n in near if counts[(t.speaker, n)] > 1}
        pick = same_role or near
        if len(pick) == 1:
            t.name = pick.pop()
            settled += 1
    return settled
