"""JSON in the gold schema: `meta` (the cover) and `turns`."""
from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator

from ..model import Minutes


def to_json(m: Minutes) -> str:
    return "".join(iter_json(m))


def iter_json(m: Minutes) -> Iterator[str]:
    """`json.dumps(m.to_dict(), ensure_ascii=False, indent=1)` a turn at a time: an archive's turns
    are never all held as dicts and one string (json's indenting encoder joins every piece first)."""
    head = dataclasses.replace(m, turns=[]).to_dict()  # the top-level keys, in to_dict's order
    yield "{"
    for n, (key, value) in enumerate(head.items()):
        yield ("," if n else "") + "\n " + _dumps(key, 1) + ": "
        if key == "turns" and m.turns:
            yield "["
            for i, t in enumerate(m.turns):
                yield ("," if i else "") + "\n  " + _dumps(t.to_dict(), 2)
            yield "\n ]"
        else:
            yield _dumps(value, 1)
    yield "\n}\n"


def _dumps(value, level: int) -> str:
    """`value` as json.dumps indents it `level` levels deep (a string holds no raw newline)."""
    return json.dumps(value, ensure_ascii=False, indent=1).replace("\n", "\n" + " " * level)
