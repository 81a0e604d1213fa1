"""CSV for spreadsheets: the cover in the first rows, then one row a turn.

The first five rows always hold the cover, one `#key, value` row each (#title, #date_text,
#time_text, #place, #attendees, the keys of the JSON meta; attendees joined by 、), so a reader
skips a fixed count (pandas: `skiprows=5`) or every row whose first cell starts with #. The table
follows with its header row: index, kind, speaker, name, seat, page, inferred (1 or 0), text.
The BOM that `render` puts in front by default is what makes Excel on Japanese Windows read the
file as UTF-8 rather than Shift_JIS; read it back with encoding="utf-8-sig".
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from ..model import Minutes

META_KEYS = ("title", "date_text", "time_text", "place", "attendees")
COLUMNS = ("index", "kind", "speaker", "name", "seat", "page", "inferred", "text")


def to_csv(m: Minutes) -> str:
    return "".join(iter_csv(m))


def iter_csv(m: Minutes) -> Iterator[str]:
    """The rows a few hundred at a time: an archive's table is never held whole."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")  # RFC 4180 and Excel end rows with CRLF
    for key in META_KEYS:
        value = m.meta.get(key) or ""
        w.writerow([f"#{key}", "、".join(value) if isinstance(value, list) else value])
    w.writerow(COLUMNS)
    for i, t in enumerate(m.turns):
        w.writerow([i, t.kind, t.speaker or "", t.name or "", t.seat or "",
                    "" if t.page is None else t.page, int(t.inferred), t.text])
        if buf.tell() >= _PIECE:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


_PIECE = 1 << 16  # characters handed on at a time
