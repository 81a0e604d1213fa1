"""Output writers: Minutes -> text in each format users ask for."""
from __future__ import annotations

import csv
import io
import json

from .model import Minutes

FORMATS = ("text", "json", "md", "csv")


def _who(t) -> str:
    if t.kind != "speech":
        return ""
    who = t.speaker or "？"
    if t.seat and t.name:
        who = f"{t.seat}番（{t.name}）" if t.speaker in (None, f"{t.seat}番") else f"{who}（{t.name}）"
    elif t.name:
        who = f"{who}（{t.name}）"
    return who


def to_text(m: Minutes) -> str:
    """One turn a line, `speaker　text`; a turn's further paragraphs on their own lines, indented
    with a full-width space as Japanese text is. An inferred speaker is marked with ？."""
    out = []
    for t in m.turns:
        paras = [p for p in t.text.split("\n\n") if p.strip()] or [""]
        if t.kind == "speech":
            mark = "？" if t.inferred and t.speaker else ""
            out.append(f"{_who(t)}{mark}　{paras[0]}")
        else:
            out.append(paras[0])
        out += ["\u3000" + p for p in paras[1:]]
    return "\n".join(out) + "\n"


def to_json(m: Minutes) -> str:
    return json.dumps(m.to_dict(), ensure_ascii=False, indent=1) + "\n"


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
            out += [f"**{_who(t)}**{mark}　" + t.text.replace("\n\n", "\n\n　"), ""]
    return "\n".join(out)


def to_csv(m: Minutes) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["index", "kind", "speaker", "name", "seat", "page", "inferred", "text"])
    for i, t in enumerate(m.turns):
        w.writerow([i, t.kind, t.speaker or "", t.name or "", t.seat or "",
                    "" if t.page is None else t.page, int(t.inferred), t.text])
    return buf.getvalue()


WRITERS = {"text": to_text, "json": to_json, "md": to_markdown, "csv": to_csv}


def render(m: Minutes, fmt: str = "text") -> str:
    try:
        return WRITERS[fmt](m)
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}") from None
