"""Plain text: the cover as a short header, then one turn a line."""
from __future__ import annotations

from collections.abc import Iterator

from ..model import Minutes
from .common import cover_items, paragraphs, speaker_label


def to_text(m: Minutes) -> str:
    return "".join(iter_text(m))


def iter_text(m: Minutes) -> Iterator[str]:
    """The cover (title, 日時, 場所, 出席者; only what is known) as a header and a blank line, then one
    turn a line, `speaker　text`; a turn's further paragraphs on their own lines, indented with a
    full-width space as Japanese text is. An inferred speaker is marked with ？.

    The header is printed the way cover sheets print it, so the output repairs back to the same
    turns and meta. Yielded a line at a time, so that an archive's output is never held whole."""
    header = [m.meta["title"]] if m.meta.get("title") else []
    header += [f"{key or '　' * 3}　{value}" for key, value in cover_items(m.meta)]
    if header:
        yield "\n".join(header) + "\n\n"
    elif not m.turns:
        yield "\n"  # nothing to say is still one line
    for t in m.turns:
        paras = paragraphs(t.text)
        if t.kind == "speech":
            mark = "？" if t.inferred and t.speaker else ""
            yield f"{speaker_label(t)}{mark}　{paras[0]}\n"
        else:
            yield paras[0] + "\n"
        for p in paras[1:]:
            yield "\u3000" + p + "\n"
