"""Extracted text -> a stream of lines with the strength of each break.

Blank lines, whitespace-only spacer lines, HTML cells, markdown bullets and table rows say where
paragraphs and table rows begin; page numbers and running headers are dropped and leave a page break.
"""
from __future__ import annotations

import re

from ..model import Break, StreamLine
from . import markup
from .furniture import is_page_number, running_headers
from .labels import is_label_only


def _physical_lines(text: str) -> list[str]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\f\n")
    return text.split("\n")


def _blank_between_every_line(lines: list[str]) -> bool:
    """pdftotext on tables often puts an empty line between every line: then one empty line means nothing."""
    gaps = []
    run = None
    for l in lines:
        if l == "":
            if run is not None:
                run += 1
        else:
            if run is not None and l.strip():
                gaps.append(run)
            run = 0 if l.strip() else run
    if len(gaps) < 4:
        return False
    share = sum(1 for g in gaps if g >= 1) / len(gaps)
    return share > 0.6 if len(gaps) >= 20 else share >= 0.9


def text_to_stream(text: str, roles=None) -> list[StreamLine]:
    lines = _physical_lines(text)
    html_mode = markup.has_html(text)
    md_mode = markup.is_markdown(lines)
    spaced = _blank_between_every_line(lines)
    headers = running_headers([l for l in lines], lambda k: is_label_only(k, roles) is not None)

    out: list[StreamLine] = []
    pending = Break.LINE
    blanks = 0
    spacers = 0
    page = 1
    for raw in lines:
        if raw == "\f":
            page += 1
            pending = max(pending, Break.PAGE)
            continue
        if not raw.strip():
            if raw and spaced:  # a whitespace-only spacer between cells
                pending = max(pending, Break.ROW)
                spacers += 1
            else:
                blanks += 1
                spacers += 0 if spaced else 1
            continue
        if spaced:
            pending = max(pending, Break.ROW if blanks >= 2 else Break.LINE)
        elif blanks:
            pending = max(pending, Break.PARA)
        blanks = 0
        gap, spacers = spacers, 0
        key = re.sub(r"\s+", "", raw)
        if is_page_number(raw) or (key in headers and out):  # the title on the first page stays
            pending = Break.PAGE
            page += 1
            continue
        cells = markup.split_html_line(raw) if html_mode else [(raw, Break.LINE)]
        for i, (cell, cell_brk) in enumerate(cells):
            hint = None
            brk = max(pending, cell_brk) if i == 0 else cell_brk
            if md_mode:
                cell, md_brk, heading = markup.strip_markdown(cell, bullets=True)
                if md_brk is not None:
                    brk = max(brk, md_brk)
                if heading:
                    hint = "heading"
            cell, empty_first = markup.split_table_row(cell)
            if empty_first:
                hint = hint or "cont"
            if cell.startswith("\u3000") and brk < Break.PARA:
                brk = Break.PARA  # a full-width indent opens a paragraph
            cell = cell.strip(" \u3000\t")
            if not cell:
                continue
            out.append(StreamLine(text=cell, page=page, brk=brk, hint=hint, gap=gap if i == 0 else 0))
        pending = Break.LINE
    if out:
        out[0].brk = Break.PAGE
    return out
