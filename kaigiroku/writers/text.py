"""Plain text: the cover as a short header, then one turn a line."""
from __future__ import annotations

from ..model import Minutes
from .common import cover_items, paragraphs, speaker_label


def to_text(m: Minutes) -> str:
    """The cover (title, 日時, 場所, 出席者; only what is known) as a header and a blank line, then one
    turn a line, `speaker　text`; a turn's further paragraphs on their own lines, indented with a
    full-width space as Japanese text is. An inferred speaker is marked with ？.

    The header is printed the way cover sheets print it, so the output repairs back to the same
    turns and meta."""
    out = []
    if m.meta.get("title"):
        out.append(m.meta["title"])
    out += [f"{key or '　' * 3}　{value}" for key, value in cover_items(m.meta)]
    if out:
        out.append("")
    for t in m.turns:
        paras = paragraphs(t.text)
        if t.kind == "speech":
            mark = "？" if t.inferred and t.speaker else ""
            out.append(f"{speaker_label(t)}{mark}　{paras[0]}")
        else:
            out.append(paras[0])
        out += ["\u3000" + p for p in paras[1:]]
    return "\n".join(out) + "\n"
