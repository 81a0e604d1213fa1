"""Markup left by converters, removed and turned into line structure.

HTML cells (<p>…</p>, <br>, <td>) and markdown (#, -, **) become stream lines with row breaks;
table rows (label<TAB>text) become `label　text`; nothing of the text inside is changed.
"""
from __future__ import annotations

import html
import re

from ..model import Break

_BLOCK_TAG = re.compile(r"</?(?:p|div|tr|li|h[1-6]|table|tbody|thead|ul|ol|blockquote)\b[^>]*>|<br\s*/?>|</?t[dh]\b[^>]*>",
                        re.I)
_ANY_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_HTML_HINT = re.compile(r"</?(?:p|br|div|td|tr|span|u|b|i|font|table)\b[^>]*>", re.I)
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")
_MD_BULLET = re.compile(r"^(\s*)[-*+・]\s+(?=\S)")
_MD_BULLET_STRICT = re.compile(r"^(\s*)[-*+]\s+(?=\S)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


def has_html(text: str) -> bool:
    return len(_HTML_HINT.findall(text[:200000])) >= 3


def split_html_line(line: str) -> list[tuple[str, Break]]:
    """One physical line holding HTML cells -> its cells, each a row."""
    if not _HTML_HINT.search(line):
        return [(html.unescape(line), Break.LINE)]
    parts = _BLOCK_TAG.split(line)
    out = []
    for part in parts:
        text = html.unescape(_ANY_TAG.sub("", part))
        if text.strip():
            out.append((text, Break.ROW))
    return out


def strip_markdown(line: str, bullets: bool) -> tuple[str, Break | None, bool]:
    """(text, break implied by the markup or None, is a markdown heading)."""
    heading = bool(_MD_HEADING.match(line))
    if heading:
        line = _MD_HEADING.sub("", line)
    brk = Break.ROW if heading else None
    if bullets:
        m = _MD_BULLET_STRICT.match(line)
        if m:
            line = line[m.end():]
            brk = Break.ROW
    line = _MD_EMPHASIS.sub(r"\2", line)
    return line, brk, heading


def is_markdown(lines: list[str]) -> bool:
    """Bullets or headings on enough lines that the dashes are markup, not text."""
    marked = sum(1 for l in lines if _MD_BULLET_STRICT.match(l) or _MD_HEADING.match(l))
    return marked >= 3 and marked >= 0.03 * sum(1 for l in lines if l.strip())


_PIPE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_PIPE_RULE = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")


def table_cells(line: str) -> list[str] | None:
    """The cells of a table row (`label<TAB>text`, `| label | text |`), or None for no row. A pipe
    table's rule row (|---|---|) has no cells."""
    pipe = _PIPE_ROW.match(line)
    if pipe is not None:
        return [] if _PIPE_RULE.match(line) else pipe.group(1).split("|")
    return line.split("\t") if "\t" in line else None


def split_table_row(line: str) -> tuple[str, bool]:
    """`label<TAB>text` or `| label | text |` (a pipe table) -> `label　text`; (text, starts with an
    empty first cell). A pipe table's rule row (|---|---|) is no text at all."""
    cells = table_cells(line)
    if cells is None:
        return line, False
    empty_first = bool(cells) and not cells[0].strip()
    text = "\u3000".join(c.strip() for c in cells if c.strip())
    return text, empty_first


def pipe_header_rows(lines: list[str]) -> set[int]:
    """Indices of pipe-table header rows (| 発言者 | 発言内容 |): the row right above a rule row
    names the columns; it is markup, not a line of the minutes."""
    return {i - 1 for i, l in enumerate(lines) if i and _PIPE_RULE.match(l) and "|" in l
            and _PIPE_ROW.match(lines[i - 1]) and not _PIPE_RULE.match(lines[i - 1])}
