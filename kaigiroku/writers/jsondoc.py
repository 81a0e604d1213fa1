"""JSON in the gold schema: `meta` (the cover) and `turns`."""
from __future__ import annotations

import json

from ..model import Minutes


def to_json(m: Minutes) -> str:
    return json.dumps(m.to_dict(), ensure_ascii=False, indent=1) + "\n"
