"""Pages of positioned lines -> the reading-order stream, each speaker label with its text.

Per page: rows (geometry.rows_of), then the label column if there is one (columns.py). With a
column, body rows form blocks, split at ruled lines, at vertical gaps wider than the line spacing
and at rows crossing the column; each label cell goes to the block whose vertical extent holds
its centre, so a label centred against a long speech finds the speech's first line. Without a
column every row is a line of its own, labels printed inline at its start.

Breaks: the first line of a block with a label is ROW; inside a block a line is WRAP unless it is
indented or follows a short line (PARA); the first line of a page is PAGE, or WRAP when it goes on
with a sentence the previous page cut off.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..charclass import CLOSERS, KANJI, LINE_CLOSED, OPENERS, SENTENCE_END
from ..cleanup.classify import block_kind
from ..cleanup.cover import KEY_LINE, list_wrap_joined
from ..cleanup.labels import discover, is_direction, role_like
from ..model import Break, LabelMatch, Page, StreamLine
from .columns import Cell, Column, Labels, cells_joined, find_column, guess_align, split_row, stack_cells
from .furniture import strip_furniture
from .geometry import Row, join_frags, quantile, rows_of, rule_between, typical_size

# label cells go to StreamLine.label (True) or stay inline at the start of the text (False)
LABEL_FIELD = True


@dataclass
class Placed:
    """A stream line and where it was found (for `inspect` and for linking pages)."""

    line: StreamLine
    box: tuple[float, float, float, float]
    label_box: tuple[float, float, float, float] | None = None
    indented: bool = False
    full: bool = False  # the line runs to the right edge of its column
    labelled: bool = False  # the line opens with a speaker label
    cell: str | None = None  # the label cell's text beside the line, parsed once the vocabulary is known
    placed_by: str = ""  # how geometry put the cell there (explain)


@dataclass
class PageLayout:
    page: Page
    column: Column | None = None
    placed: list[Placed] = field(default_factory=list)
    vocabulary: object = None  # the document's label vocabulary (cleanup.labels.Roles) its cells were read by


@dataclass
class Block:
    rows: list[Row]
    opening: Break  # how the block is separated from what comes before it

    @property
    def top(self) -> float:
        return self.rows[0].top

    @property
    def bottom(self) -> float:
        return self.rows[-1].bottom


def pages_to_stream(pages: list[Page], roles=None, furniture: bool = True) -> list[StreamLine]:
    """The reading-order stream of a document's pages (furniture removed first, in place)."""
    return read_stream(pages, roles, furniture)[0]


def read_stream(pages: list[Page], roles=None, furniture: bool = True):
    """(the reading-order stream, the document's label vocabulary that parsed its label cells): the
    vocabulary is handed on to assembly, which then does not read it again (decide once)."""
    layouts = analyse(pages, roles, furniture)
    vocabulary = layouts[0].vocabulary if layouts else None
    return [p.line for lay in layouts for p in lay.placed], vocabulary


def analyse(pages: list[Page], roles=None, furniture: bool = True) -> list[PageLayout]:
    # each page's rows, grouped once (with the furniture in place, then without it)
    page_rows = strip_furniture(pages) if furniture else [rows_of(p.lines) for p in pages]
    ocr = any(p.source == "ocr" for p in pages)
    # a first vocabulary, to find label columns by: from the rows, wrapped cells joined by geometry
    # alone; the cells are parsed with a second one, read once the columns are known (_parse_cells)
    prior = Labels(roles, misread=ocr)
    texts = [t for p, rows in zip(pages, page_rows)
             for t in cells_joined(rows, typical_size(p.lines), prior, list(getattr(p, "rules", ()) or ()))]
    labels = Labels(discover(texts, roles), misread=ocr)
    if ocr:
        # a first reading collects the labels OCR got right everywhere, so that a misread cell on an
        # early page is settled by a clean one further on (教育総務中長 -> 教育総務課長)
        _read_pages(pages, page_rows, labels)
    layouts = _read_pages(pages, page_rows, labels)
    _inline_seats(layouts, labels)
    vocabulary = _parse_cells(layouts, roles, labels, ocr)
    for lay in layouts:
        lay.vocabulary = vocabulary
    return layouts


_SEAT_HEAD = re.compile(r"([0-9０-９]{1,3}番)[ \u3000]+(?=\S)")


def _inline_seats(layouts: list[PageLayout], labels: Labels) -> None:
    """Seat labels printed inline on pages without a label column (`7番  おはよう…`, the spaces read
    as one), in a document whose label column holds seats as cells (a mixed document's table
    pages): a seat opening a flush row after a closed or short row is a label, set apart as a cell,
    whether or not that member spoke on a table page too (16番 speaks on inline pages alone); a
    seat in a set-in row is the chair's call (7番 山本健一議員。)."""
    seats = set()
    for lay in layouts:
        for p in lay.placed:
            m = labels.cell(p.cell) if p.cell is not None else None
            if m is not None and m.seat is not None:
                seats.add(m.speaker)
    if not seats:
        return
    for lay in layouts:
        if lay.column is not None:
            continue
        prev = None
        for p in lay.placed:
            m = _SEAT_HEAD.match(p.line.text)
            if m and not p.indented and p.cell is None and (prev is None or not prev.full or
                                                            prev.line.text.rstrip()[-1:] in LINE_CLOSED):
                seat = labels.cell(m.group(1))
                if seat is not None and seat.seat is not None:
                    p.cell, p.line.text = m.group(1), p.line.text[m.end():]
                    p.line.brk, p.line.origin = Break.ROW, "seat label at the line start"
                    p.labelled, p.placed_by = True, "inline seat: the document's label column holds seats"
            prev = p


def _parse_cells(layouts: list[PageLayout], roles, first: Labels, ocr: bool):
    """The document's label vocabulary, read (cleanup/labels.discover) from the stream as layout
    found it, each label cell whole before its text; then every cell parsed with it, once."""
    placed = [p for lay in layouts for p in lay.placed]
    texts: list[str] = []
    for p in placed:
        if p.line.cut_above and texts:
            # a line that goes on with a word the line above cut is no line start: a cover's list
            # wrapped inside a title (事務局 教育 / 総務課長 岡本 久美子) is read whole, never as a piece of
            # a title (総務課長) before a name, at which every 教育総務課長 label would then be split
            texts[-1] = list_wrap_joined(texts[-1], p.line.text, first.roles)
        else:
            texts.append(f"{p.cell}\u3000{p.line.text}" if p.cell is not None else p.line.text)
    labels = Labels(discover(texts, roles), misread=ocr)
    labels.seen = first.seen  # labels read exactly on a first reading settle OCR-misread cells
    if ocr:
        labels.called = "\n".join(p.line.text for p in placed)
    for p in placed:
        if p.cell is not None:
            p.line.label, p.line.text = _attach(p.cell, p.line.text, labels, p.placed_by)
    return labels.roles


def _read_pages(pages: list[Page], page_rows: list[list[Row]], labels: Labels) -> list[PageLayout]:
    out: list[PageLayout] = []
    prevs: list[Column | None] = []  # the column of the pages before each page
    column = None
    gap = document_line_gap(pages, page_rows)
    for page, rows in zip(pages, page_rows):
        prevs.append(column)
        lay = layout_page(page, labels, column, rows, line_gap=gap)
        if lay.column is not None:
            column = lay.column
        out.append(lay)
    if column is not None:
        # one document sets its labels one way: a page laid out before the evidence on later pages
        # was in (a first page of labels as tall as their speeches) is laid out again by the whole
        # document's vote
        for k, lay in enumerate(out):
            if lay.column is not None and lay.column.align != column.align:
                out[k] = layout_page(pages[k], labels, prevs[k], page_rows[k], column.votes, column.align, gap)
    last = None  # the last Placed line of the pages so far
    for lay in out:
        if lay.placed:
            first = lay.placed[0]
            goes_on = _continues(last, first)
            first.line.brk = Break.WRAP if goes_on else Break.PAGE
            first.line.origin = "page: the sentence goes on from the page before" if goes_on else "page"
            last = lay.placed[-1]
    return out


def _continues(last: Placed | None, first: Placed) -> bool:
    """The first line of a page goes on with the sentence the last line of the page before cut off."""
    if last is None or first.labelled or first.indented or not last.full:
        return False
    return bool(last.line.text) and last.line.text.rstrip()[-1:] not in LINE_CLOSED


def _line_gap(gaps: list[float], size: float) -> float | None:
    """The space between lines of one paragraph, from the gaps between rows; a lone big gap (a cover
    page's) is not line spacing; None from fewer than three gaps."""
    return min(quantile(gaps, 0.25, default=0.5 * size), 1.0 * size) if len(gaps) >= 3 else None


def _row_gaps(rows: list[Row]) -> list[float]:
    return [b.top - a.bottom for a, b in zip(rows, rows[1:]) if b.top > a.bottom]


def document_line_gap(pages: list[Page], page_rows: list[list[Row]]) -> float | None:
    """The document's line spacing, over all its pages: for a page with too few rows to show its own
    (a last page of three lines, its label cell wrapped beside a one-line call: 議長（石 / 井紀美君）
    is one cell only as far apart as the document's lines are)."""
    size = typical_size([ln for page in pages for ln in page.lines])
    return _line_gap([g for rows in page_rows for g in _row_gaps(rows)], size)


def layout_page(page: Page, labels: Labels, prev: Column | None = None, rows: list[Row] | None = None,
                votes: Counter | None = None, align: str | None = None,
                line_gap: float | None = None) -> PageLayout:
    """One page's layout; `votes` and `align`: the document's evidence for how its labels sit and
    what it decided (a second reading), else the pages' before (`prev`); `line_gap`: the document's
    line spacing, for a page that shows none of its own."""
    rows = rows_of(page.lines) if rows is None else rows
    if not rows:
        return PageLayout(page)
    size = typical_size(page.lines)
    rules = list(getattr(page, "rules", ()) or ())
    own = _line_gap(_row_gaps(rows), size)
    line_gap = own if own is not None else min(line_gap, 1.0 * size) if line_gap is not None else 0.5 * size
    column = find_column(rows, size, labels, rules, line_gap, prev)
    if column is None:
        return PageLayout(page, None, _plain(rows, size, rules, labels, line_gap))
    if votes is not None:
        column.votes, column.align = Counter(votes), align or column.align
    return PageLayout(page, column, _table(rows, column, size, rules, labels, line_gap, page.width / 2))


# ----------------------------------------------------------------------------- pages without a column

def _plain(rows: list[Row], size: float, rules, labels: Labels, line_gap: float) -> list[Placed]:
    left = _mode_x0(rows)
    right = quantile([r.x1 for r in rows], 0.9, default=0.0)
    out: list[Placed] = []
    prev = None
    opened = 0.0  # x where the line that opened the previous row's paragraph starts
    spoken = False  # a label opened a speech above on the page
    for row in rows:
        text = row.text  # a key/value row of a cover table: 日 時　令和… (cells joined by U+3000)
        indented = row.x0 > left + 0.5 * size
        hangs = _hanging_wrap(prev, row, opened, right, size)
        cut = not hangs and _cut_in_word(prev, row, text, labels, right, size)
        labelled = not (hangs or cut) and _label_start(text, labels, spoken)
        spoken = spoken or labelled
        if prev is None:
            brk, origin = Break.PAGE, "page"
        elif labelled or rule_between(rules, prev.bottom, row.top, row.x0, row.x1):
            brk, origin = Break.ROW, ("label at the line start" if labelled else "ruled line")
        elif row.top - prev.bottom > line_gap + 0.5 * size:
            brk, origin = Break.PARA, "vertical gap"
        elif _centred_goes_on(prev, row, left, right, size):
            brk, origin = Break.WRAP, "centred heading goes on"
        elif hangs:
            brk, origin = Break.WRAP, "wrap: a hanging indent under a full line that goes on"
        elif cut:
            brk, origin = Break.WRAP, "wrap: the line before is full and stops inside a word"
        elif indented or prev.x1 < right - 1.5 * size:
            brk, origin = Break.PARA, ("indent" if indented else "short line before")
        else:
            brk, origin = Break.WRAP, "wrap: the line before is full"
        out.append(Placed(StreamLine(text=text, page=row.frags[0].page, brk=brk, origin=origin, settled=True,
                                     indent=max(0, round((row.x0 - left) / size)),
                                     cut_above=brk == Break.WRAP and (hangs or cut)), _box(row), None,
                          indented, row.x1 >= right - 1.5 * size, labelled))
        if brk != Break.WRAP:
            opened = row.x0
        prev = row
    return out


def _hanging_wrap(prev: Row | None, row: Row, opened: float, right: float, size: float) -> bool:
    """A row set in from where its paragraph opened (`opened`), under a full row whose sentence goes on,
    is its hanging wrap (a cover's list of attendees wrapped under its values: …書記 教育総務 / 課 野口主事),
    never a label. (Rows of a list in columns all start at one x: each is an entry of its own.) Full
    within three characters, as in _cut_in_word: a cover's list may wrap in a measure of its own
    (白樺市都 / 市計画課長 百瀬 康弘, a character short of the body's edge)."""
    return prev is not None and row.x0 > opened + 0.5 * size and prev.x1 >= right - 3.0 * size \
        and prev.text.rstrip()[-1:] not in LINE_CLOSED


# a line that stops a few characters after a comma, inside the word it began (…平野 聡、危)
_CUT_AFTER_COMMA = re.compile(rf"[、，,][\u3040-\u30ff{KANJI}\u3005]{{1,6}}$")


def _cut_in_word(prev: Row | None, row: Row, text: str, labels: Labels, right: float, size: float) -> bool:
    """A row under a full row that stops inside the word it began after a comma goes on with that word,
    even where it reads as an unmarked label (…財政課長 平野 聡、危 / 機管理課長 今村 智也): a label
    follows a finished sentence or entry, never a comma and half a word; a mark (○) opens a label
    wherever it stands. (Full within three characters: a cover may wrap in a measure of its own.)"""
    if prev is None or prev.x1 < right - 3.0 * size or not _CUT_AFTER_COMMA.search(prev.text.rstrip()):
        return False
    m = labels.match(text)
    return m is not None and not m.marked


def _centred_goes_on(prev: Row, row: Row, left: float, right: float, size: float) -> bool:
    """A centred line under a full line cut mid-sentence, or under a centred line whose bracket is
    still open (【議案第15号 …規則の / 一部を改正する規則について】, wrapped narrower than the page
    in a column layout): the second line of a centred heading, indented only because it is centred."""
    centre = (left + right) / 2
    prev_centre = (prev.x0 + prev.x1) / 2
    wide = prev.x1 >= right - 1.5 * size or (prev.x1 - prev.x0 >= 0.7 * (right - left)
                                              and abs(prev_centre - centre) <= 1.5 * size)
    opened = sum(map(prev.text.count, OPENERS)) > sum(map(prev.text.count, CLOSERS)) \
        and prev.x0 > left + 1.5 * size and abs(prev_centre - centre) <= 1.5 * size
    # (a comma inside a bracket still open closes nothing: …法律案（内閣提出、 / 衆議院送付）; nor does the
    # bracket of a bill's origin, when the line under it goes on in kana: …法律案（内閣提出） / の趣旨説明)
    last = prev.text.rstrip()[-1:]
    if not (wide or opened) or (last in LINE_CLOSED + ("" if opened else "、") and not (
            last in "）)" and not _bracketed(prev.text) and "\u3041" <= row.text.lstrip()[:1] <= "\u3096")):
        return False
    return row.x0 > left + 1.5 * size and abs((row.x0 + row.x1) / 2 - centre) <= 1.5 * size


def _label_start(text: str, labels: Labels, spoken: bool = False) -> bool:
    """The line opens with a speaker label (not a cover item such as 出席者　会長 山田太郎). Once a label
    has opened a speech above on the page (`spoken`), a key of the cover opens a speech too (事務局（資源
    循環推進課長）　御指摘のとおり…, wrapped before its sentence ends): the cover stands before the body."""
    m = labels.match(text)
    if m is None or (not m.marked and not spoken and KEY_LINE.match(text) and not text.rstrip().endswith("。")):
        return False
    return m.marked or bool(text[m.end:].strip()) or labels.whole(text)


def _mode_x0(rows: list[Row]) -> float:
    """The left edge most lines start at (paragraph indents and labels aside)."""
    counts: dict[int, int] = {}
    for r in rows:
        counts[round(r.x0)] = counts.get(round(r.x0), 0) + 1
    best = max(counts.items(), key=lambda kv: (kv[1], -kv[0]))[0]
    return min(r.x0 for r in rows if abs(r.x0 - best) <= 1.5)


# ----------------------------------------------------------------------------- pages with a label column

def _table(rows, column: Column, size, rules, labels: Labels, line_gap, page_mid: float) -> list[Placed]:
    body_x = column.body
    # 1. each row: label-column pieces, body fragments, or a row running across both (plain)
    pieces, items = [], []  # items: ("body", Row) | ("plain", Row) in page order
    for row in rows:
        left, right, crossing = split_row(row, body_x, size, labels)
        if crossing or (left and row.bottom < column.top - 0.25 * size):
            items.append(("plain", row))  # a heading across the page, or a cover table above the labels
            continue
        if left:
            pieces.append((row, left))
        if right:
            items.append(("body", Row(right)))
    body_rows = [r for kind, r in items if kind == "body"]
    page_left, page_right = min(r.x0 for r in rows), quantile([r.x1 for r in rows], 0.9, default=0.0)
    right_edge = quantile([r.x1 for r in body_rows], 0.9, default=0.0)
    cells = stack_cells(pieces, labels, rules, line_gap + 0.3 * size, column.left, body_x, right_edge, rows)
    # 2. body rows into blocks, cut at rules, gaps and plain rows
    gap = line_gap + 0.45 * size
    blocks = _blocks(items, rules, gap, body_x, right_edge, (page_left, page_right), size)
    real_blocks = [b for b in blocks if isinstance(b, Block)]
    column.align = guess_align(real_blocks, cells, size, column.align, right_edge, column.votes)
    # 3. cells to blocks, splitting blocks that hold more than one label
    owned = _assign(cells, real_blocks, size)
    out: list[Placed] = []
    run: list[Row] = []  # the plain rows in a row so far (a cover's lines above the table)
    opened = 0.0  # x where the line that opened the run's last paragraph starts
    for b in blocks:
        if isinstance(b, Row):
            run = run if run and b.top - run[-1].bottom <= gap else []
            # a cover's list wraps in its own measure, narrower than the body's: a line of it is full
            # where it reaches as far as the widest of the run (of two lines at least: a line alone
            # shows no measure); its wrap hangs under it, or stops inside a title at the margin
            # (…財政課長 平野 聡、危機管理 / 課長 今村 智也)
            measure = max((r.x1 for r in run), default=0.0)
            hangs = len(run) >= 2 and _hanging_wrap(run[-1], b, opened, measure, size)
            wraps = hangs or (len(run) >= 2 and _cut_in_word(run[-1], b, b.text, labels, measure, size))
            placed = _plain_row(b, size, labels, right_edge, wraps)
            if not wraps and not placed.labelled and b.top > column.top and _heading_across(b, page_mid, size):
                placed.line.hint = "heading"
            out.append(placed)
            opened = opened if hangs else b.x0
            run.append(b)
            continue
        run = []
        for part_rows, cell, opening in _parts(b, owned.get(id(b), []), column.align, size, right_edge, page_mid):
            out.extend(_emit(part_rows, cell, opening, size, body_x, right_edge, column.align))
    for cell in owned.get(None, []):  # a label beside no text at all
        at = next((k for k, p in enumerate(out) if p.box[1] > cell.top), len(out))
        out.insert(at, _label_alone(cell))
    return out


def _heading_across(row: Row, page_mid: float, size: float) -> bool:
    """A row between the table's rows running across the label column, centred on the page, no sentence
    in it: a heading wider than the body (…法律案（内閣提出、衆議院送 / 付）), of no speech."""
    t = row.text.strip()
    return abs((row.x0 + row.x1) / 2 - page_mid) <= 1.5 * size and bool(t) \
        and not any(ch in "。？！?!" for ch in t)


def _blocks(items, rules, gap: float, body_x: float, right_edge: float, page_edges, size: float) -> list:
    """Body rows grouped into blocks (Block), plain rows kept as they are (Row), in page order."""
    blocks: list[Block | Row] = []
    cur: Block | None = None
    for kind, row in items:
        if kind == "plain":
            blocks.append(row)
            cur = None
            continue
        opening = Break.PARA
        if cur is not None:
            last = cur.rows[-1]
            if rule_between(rules, last.bottom, row.top, body_x, right_edge):
                cur, opening = None, Break.ROW
            elif row.top - last.bottom > gap:
                cur = None
        else:
            before = blocks[-1] if blocks else None
            if isinstance(before, Row) and row.top - before.bottom <= gap \
                    and _centred_goes_on(before, row, page_edges[0], page_edges[1], size):
                opening = Break.WRAP  # the second line of a heading centred on the page
        if cur is None:
            cur = Block([row], opening)
            blocks.append(cur)
        else:
            cur.rows.append(row)
    return blocks


def _attach(cell_text: str, text: str, labels: Labels, how: str) -> tuple[LabelMatch | None, str]:
    """(label, text) of a row's first line. A cell that reads as a label goes to StreamLine.label,
    parsed: layout has placed it, so turn assembly neither finds nor parses it again. Anything else
    found in the label column stays at the start of the text, for turn assembly to judge."""
    m = labels.cell(cell_text) if LABEL_FIELD else None
    if m is not None:
        if not m.form:  # the role a misread cell stands for (OCR)
            m = LabelMatch(m.speaker, m.name, m.seat, 0, m.marked, "misread_role", cell_text,
                           "one character from a listed role")
        return m.moved(how), text
    if LABEL_FIELD and text and not labels.misread and _TITLE_CELL.fullmatch(cell_text) \
            and role_like(cell_text, labels.roles) and not is_direction(cell_text) and not KEY_LINE.match(cell_text):
        # a title outside the list alone in the label column beside a speech (特別顧問, printed once for
        # a guest who speaks once): the column shows it is a label where the text could not
        return LabelMatch(cell_text, None, None, 0, False, "found", cell_text,
                          "a title alone in the label column").moved(how), text
    return None, (cell_text + "\u3000" + text if text else cell_text)


# a title as a label cell prints it: kanji and katakana, no mark, no name, no spaces
_TITLE_CELL = re.compile(rf"[{KANJI}\u3005\u30a1-\u30faー]{{2,8}}")


def _label_alone(cell: Cell) -> Placed:
    return Placed(StreamLine(text="", page=cell.pieces[0].page, brk=Break.ROW, origin="label cell alone",
                             settled=True),
                  cell.box, cell.box, labelled=True, cell=cell.text,
                  placed_by="label column: a cell beside no text")


def _assign(cells: list[Cell], blocks: list[Block], size: float) -> dict:
    """Each cell to the block whose extent holds its centre, else to the one beside its top (a cell
    taller than its speech sits on the speech's top), else to the nearest block (the one below on a
    tie); a cell far from any text stays alone (key None)."""
    owned: dict = {}
    for c in cells:
        best, dist = None, None
        beside = next((b for b in blocks if b.top - 0.35 * size <= c.top <= b.bottom), None)
        for b in blocks:
            if b.top - 0.5 * size <= c.mid <= b.bottom + 0.5 * size:
                best, dist = b, 0.0
                break
            if b is beside:
                best, dist = b, 0.0
                continue
            if dist == 0.0:
                continue
            d = min(abs(c.mid - b.top), abs(c.mid - b.bottom))
            if dist is None or d < dist - 1e-6 or (abs(d - dist) <= 1e-6 and b.top > c.mid):
                best, dist = b, d
        key = id(best) if best is not None and dist <= 3 * size else None
        owned.setdefault(key, []).append(c)
    return owned


def _parts(block: Block, cells: list[Cell], align: str, size: float, right_edge: float, page_mid: float):
    """(rows, cell or None, opening break) for each speech in a block; cells that fit no line are
    yielded with no rows (a label standing alone)."""
    rows = block.rows
    if block.opening == Break.ROW and len(cells) == 1 and cells[0].top <= rows[-1].bottom:
        # a row a ruled line opens holds one speech: its one cell heads it whole, however the cell
        # sits against it (centred beside a speech's third line, the lines above are its own)
        yield rows, cells[0], block.opening
        return
    starts: list[tuple[int, Cell]] = []
    after: list[Cell] = []  # labels below the block's last line: the speech starts on the next page
    ordered = sorted(cells, key=lambda c: c.mid)
    if align == "centre" and ordered:
        after = [c for c in ordered if c.top > rows[-1].bottom]
        ordered = [c for c in ordered if c.top <= rows[-1].bottom]
        firsts = _centred_starts(rows, ordered, right_edge, size, page_mid)
        if firsts is not None:
            starts, ordered = list(zip(firsts, ordered)), []
    for c in ordered:
        if align == "centre":
            if not starts:
                at = 0
            else:
                # no reading fits every label: the part before ends as far below its label's centre
                # as it starts above it
                p_at, p_cell = starts[-1]
                end = 2 * p_cell.mid - rows[p_at].top
                at = next((i for i, r in enumerate(rows) if i > p_at and r.mid > end), None)
        else:
            at = next((i for i, r in enumerate(rows) if r.top >= c.top - 0.35 * size), None)
            if at is None:
                after.append(c)
                continue
        if at is None or (starts and at <= starts[-1][0]):
            yield [], c, Break.ROW
            continue
        starts.append((at, c))
    bounds: list[tuple[int, Cell | None]] = list(starts)
    if not bounds or bounds[0][0] > 0:
        bounds.insert(0, (0, None))
    for k, (i, c) in enumerate(bounds):
        j = bounds[k + 1][0] if k + 1 < len(bounds) else len(rows)
        yield rows[i:j], c, (block.opening if k == 0 else Break.ROW)
    for c in after:
        yield [], c, Break.ROW


def _centred_starts(rows: list[Row], cells: list[Cell], right_edge: float, size: float,
                    page_mid: float | None = None) -> list[int] | None:
    """The first rows of the speeches of labels centred against them, rows set solid (no gap or
    rule between speeches), or None when the labels fit no such reading.

    Each label gets a run of rows whose centre is the label's centre (or, a label taller than its
    speech, whose top is the label's top); a run starts where a line may start a speech (the
    block's first, after a short or closed line, or indented by a character) and ends before one;
    it never holds a line set in as a note or a centred heading is. Runs follow the labels' order;
    rows between runs (a note, a heading, the end of a speech from the page before) are allowed at
    a small cost each, so that a label takes its whole speech, not just the line level with it."""
    n_rows = len(rows)
    edge = _mode_x0(rows)  # the speech lines' edge (a wide centred heading may start left of it)
    # where most lines open paragraphs (a list read out: 第一に、… / 第二に、…), most start at the indent:
    # the edge is a character left of it, where their wraps start
    wraps = [r.x0 for r in rows if abs(r.x0 - (edge - size)) <= 0.3 * size]
    edge = min(wraps) if len(wraps) >= 2 else edge
    # where lines start, but for a heading centred on the page that starts left of the edge: measured
    # from there, a paragraph's indent would read as set in (市立図書館では… under 第７　報告第8号 …)
    left = min((r.x0 for r in rows if r.x0 >= edge - 0.3 * size or page_mid is None
                or abs((r.x0 + r.x1) / 2 - page_mid) > 0.5 * size), default=min(r.x0 for r in rows))
    # a note or a heading, never a line of a speech: set in, or a short line centred on the page off
    # the edge, with no sentence end (a heading as wide as the column nearly, （２）会議録署名委員の指名);
    # at a paragraph's indent, ending no clause either (a one-line paragraph ends so; a heading that
    # starts there by chance, ２．議案第55号 東雲市職員の…, does not)
    # (a line that is one bracketed unit, 【議案第55号 …条例】, is a heading wherever it starts: a wide one
    # may start at the edge by chance)
    set_in = [r.x0 > left + 1.5 * size or (page_mid is not None
                                           and (abs(r.x0 - edge) > 0.3 * size or _bracketed(r.text))
                                           and (abs(r.x0 - edge - size) > 0.3 * size
                                                or r.text.rstrip()[-1:] not in LINE_CLOSED + "、")
                                           and r.x1 < right_edge - 1.5 * size
                                           and abs((r.x0 + r.x1) / 2 - page_mid) <= 0.5 * size
                                           and r.text.rstrip()[-1:] not in SENTENCE_END) for r in rows]
    # a line of its own, short, that names an item of the agenda (議案第55号 東雲市職員の…条例 at the body's
    # edge between two speeches): a heading by its words, never a line of a speech
    for i, r in enumerate(rows):
        alone = r.x1 < right_edge - 1.5 * size and (i == 0 or rows[i - 1].x1 < right_edge - 1.5 * size
                                                    or rows[i - 1].text.rstrip()[-1:] in LINE_CLOSED)
        set_in[i] = set_in[i] or (alone and block_kind(r.text) == "heading")
    # rows where something new may start (a speech, a note, a heading: also the first line back at the
    # body's edge under a full-width note), and of those where a speech may
    breaks = {i for i in range(n_rows) if i == 0 or rows[i - 1].x1 < right_edge - 1.5 * size
              or rows[i].x0 > rows[i - 1].x0 + 0.5 * size or rows[i - 1].text.rstrip()[-1:] in LINE_CLOSED
              or (set_in[i - 1] and not set_in[i])}
    starts = {i for i in breaks if not set_in[i]}
    tops, bottoms = [r.top for r in rows], [r.bottom for r in rows]
    loose, spare = 0.6 * size, 0.05 * size  # the fit allowed; the cost of a row left to no label
    fits = []  # per label: (first row, last row, misfit) of the runs it could head
    for c in cells:
        options = []
        for s in starts:
            if tops[s] > c.mid + 0.35 * size:
                continue
            for e in range(s, n_rows):
                if set_in[e]:
                    break
                if e + 1 < n_rows and e + 1 not in breaks:
                    continue
                if (bottoms[e] + tops[s]) / 2 > c.mid + loose:
                    break
                misfit = abs((tops[s] + bottoms[e]) / 2 - c.mid)
                # a label taller than its speech sits on its top, its table row as tall as it: no line of
                # the next speech stands beside its foot (会長（小此木正 / 道君） beside two lines and a third,
                # はい、五十嵐さん。, of the same speech)
                if c.bottom - c.top > bottoms[e] - tops[s] and not (e + 1 < n_rows
                                                                    and tops[e + 1] < c.bottom - 0.35 * size):
                    misfit = min(misfit, abs(c.top - tops[s]))
                options.append((s, e, misfit))
        if not options:
            return None
        # the runs that fit; a label no run fits (its speech holds a line read as set in) takes the
        # closest, so that the others still find theirs
        fitting = [o for o in options if o[2] <= loose]
        fits.append(fitting or options)
    best: dict = {}  # (label k, first free row) -> (cost of labels k.., first row, last row) or None

    def place(k: int, free: int):
        if k == len(fits):
            return (spare * (n_rows - free), n_rows, n_rows)
        if (k, free) not in best:
            found = None
            for s, e, misfit in fits[k]:
                rest = place(k + 1, e + 1) if s >= free else None
                if rest is not None:
                    total = misfit + spare * (s - free) + rest[0]
                    if found is None or total < found[0]:
                        found = (total, s, e)
            best[(k, free)] = found
        return best[(k, free)]

    if place(0, 0) is None:
        return None
    out, free = [], 0
    for k in range(len(fits)):
        _, s, e = best[(k, free)]
        out.append(s)
        free = e + 1
    return out


def _bracketed(text: str) -> bool:
    """The text is one bracketed unit: 【議案第55号 …】, ＜諮問審議＞ (its opener's closer ends it)."""
    t = text.strip()
    return len(t) >= 3 and t[0] in OPENERS and t[-1] == CLOSERS[OPENERS.index(t[0])] \
        and t.count(t[0]) == 1


def _emit(rows: list[Row], cell: Cell | None, opening: Break, size, body_x, right_edge,
          align: str = "top"):
    if not rows:
        return [_label_alone(cell)] if cell is not None else []
    out = []
    for i, row in enumerate(rows):
        text = join_frags(row.frags)
        placed_by = ""
        indented = row.x0 > body_x + 0.5 * size
        if i == 0:
            brk = Break.ROW if cell is not None else opening
            origin = "label cell beside the row" if cell is not None else {
                Break.ROW: "ruled line", Break.WRAP: "centred heading goes on"}.get(opening, "vertical gap")
            if cell is not None:
                placed_by = ("label column: placed by geometry "
                             f"({'centre of the cell within the speech' if align == 'centre' else 'cell top at the row'})")
        else:
            prev = rows[i - 1]
            if _centred_goes_on(prev, row, body_x, right_edge, size):
                brk, origin = Break.WRAP, "centred heading goes on"
            elif (prev.x1 >= right_edge - 1.5 * size and prev.x0 > body_x + 1.5 * size
                  and abs(row.x0 - prev.x0) <= 0.5 * size):
                brk, origin = Break.WRAP, "wrap: a set-in line (a note) goes on under its full line"
            elif indented or prev.x1 < right_edge - 1.5 * size:
                brk, origin = Break.PARA, ("indent" if indented else "short line before")
            elif _bracketed(row.text) and row.text.lstrip()[:1] in "【＜<［[" \
                    and prev.text.rstrip()[-1:] in LINE_CLOSED:
                # one unit in a heading's brackets under a closed line, starting near the edge by chance
                # (【地域の居場所づくりに…結果報告】 centred on the page): a heading, no wrap (a speech's own
                # brackets, a quote or the applause it drew, （拍手）, go on with it)
                brk, origin = Break.PARA, "a bracketed unit under a closed line"
            else:
                brk, origin = Break.WRAP, "wrap: the line before is full"
        first = cell is not None and i == 0
        out.append(Placed(StreamLine(text=text, page=row.frags[0].page, brk=brk, origin=origin,
                                     settled=True, indent=max(0, round((row.x0 - body_x) / size)),
                                     in_body=row.x0 >= body_x - 0.5 * size), _box(row),
                          cell.box if first else None, indented, row.x1 >= right_edge - 1.5 * size, first,
                          cell.text if first else None, placed_by))
    return out


def _plain_row(row: Row, size, labels: Labels, right_edge, wraps: bool = False) -> Placed:
    text = row.text
    labelled = not wraps and _label_start(text, labels)
    brk, origin = ((Break.ROW, "label at the line start") if labelled else
                   (Break.WRAP, "wrap: a hanging indent under a full line that goes on") if wraps else
                   (Break.PARA, "row across the label column"))
    return Placed(StreamLine(text=text, page=row.frags[0].page, brk=brk, origin=origin, settled=True, cut_above=wraps),
                  _box(row), None, False, row.x1 >= right_edge - 1.5 * size, labelled)


def _box(row: Row) -> tuple[float, float, float, float]:
    return (row.x0, row.top, row.x1, row.bottom)
