"""Markdown: the cover as a title and a list, headings as ##, speakers in bold."""
from __future__ import annotations

from ..model import Minutes
from .common import speaker_label


def to_markdown(m: Minutes) -> str:
    out = []
    title = m.meta.get("title")
    if title:
        out += [f"# {title}", ""]
    for key, label in (("date_text", "日時"), ("time_text", "時間"), ("place", "場所")):
        if m.meta.get(key):
            out.append(f"- {label}: {m.meta[key]}")
    if m.meta.get("attendees"):
        out.append("- 出席者: " + "、".join(m.meta["attendees"]))
    if len(out) > 2:
        out.append("")
    for t in m.turns:
        if t.kind == "heading":
            out += [f"## {t.text}", ""]
        elif t.kind == "note":
            out += [f"*{t.text}*", ""]
        else:
            mark = "（推定）" if t.inferred else ""
            out += [f"**{speaker_label(t)}**{mark}　" + t.text.replace("\n\n", "\n\n　"), ""]
    return "\n".join(out)
