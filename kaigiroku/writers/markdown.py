"""Markdown: the cover as a title and a list, headings as ##, speakers in bold."""
from __future__ import annotations

from collections.abc import Iterator

from ..model import Minutes
from .common import speaker_label


def to_markdown(m: Minutes) -> str:
    return "".join(iter_markdown(m))


def iter_markdown(m: Minutes) -> Iterator[str]:
    """The document a piece at a time (an archive's output is never held whole): blocks parted by
    a blank line, no newline after the last."""
    head = []
    title = m.meta.get("title")
    if title:
        head += [f"# {title}", ""]
    for key, label in (("date_text", "日時"), ("time_text", "時間"), ("place", "場所")):
        if m.meta.get(key):
            head.append(f"- {label}: {m.meta[key]}")
    if m.meta.get("attendees"):
        head.append("- 出席者: " + "、".join(m.meta["attendees"]))
    if len(head) > 2:
        head.append("")
    if head:
        yield "\n".join(head)
    for n, t in enumerate(m.turns):
        if t.kind == "heading":
            piece = f"## {t.text}"
        elif t.kind == "note":
            piece = f"*{t.text}*"
        else:
            mark = "（推定）" if t.inferred else ""
            piece = f"**{speaker_label(t)}**{mark}　" + t.text.replace("\n\n", "\n\n　")
        yield ("\n" if head or n else "") + piece + "\n"
