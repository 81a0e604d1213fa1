"""The label column of a page: where it is, and which label cells it holds.

A label column is found from geometry, not a fixed x: a body edge B where text resumes after a
gap on many rows, with short fragments left of B that read as speaker labels (会 長, 委員長（山田
太郎君）, 説明員), and few rows whose text runs across B. Inline labels (会長　本文 with the next
line flush left) fail the last test, since their continuation lines cross any candidate B.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..charclass import KANJI, LINE_CLOSED, SENTENCE_END
from ..cleanup.cover import KEY_LINE
from ..cleanup.ocrfix import KUN_MISREADS
from ..cleanup.labels import (MARKS, LabelMatch, as_roles, continues_word, fuzzy_role, label_cell, match_label,
                              role_like, role_prefix)
from ..model import Break, Line
from .geometry import Row, Rule, cluster_1d, join_frags, quantile, rule_between

MAX_CANDIDATES = 8
MIN_HEAD_SHARE = 0.6  # of the cells below the first label, this share must read as labels
MAX_CROSSING = 0.3  # rows crossing the gutter, as a share of the rows beside the column
MAX_LABEL_CHARS = 30
# a cover key's count of the people it lists: 出席委員（8名）
_COUNTED = re.compile(r"[（(][0-9０-９]+[名人][）)]")
# a cell of a name, its 君 lost or misread (OCR): 伊藤博行, 伊藤博行君君, 伊藤博行君。
_CALLED_CELL = re.compile(rf"([{KANJI}\u3005\u3041-\u309f\u30a1-\u30faー]{{3,7}}?)君*[。、.,]?")


@dataclass
class Column:
    left: float  # x where labels start
    body: float  # x where the body column starts
    top: float  # y of the first label; cells above it are a cover table's keys, not labels
    align: str = "top"  # "top": labels on their row's first line; "centre": vertically centred
    # the evidence for the alignment on the document's pages so far: one document sets its labels one way
    votes: Counter = field(default_factory=Counter)


@dataclass
class Cell:
    """A label cell: the label-column pieces of one or more stacked rows (委員長 / （山田太郎君）).

    Its text and extent are read far more often than pieces are added (stack_cells only ever
    appends): they are worked out again only when the number of pieces has changed."""

    pieces: list[Line] = field(default_factory=list)

    def __post_init__(self):
        self._counted = -1  # len(pieces) when text and extent were last worked out

    def _update(self) -> None:
        ps = self.pieces
        self._text = "".join(p.text.replace(" ", "").replace("\u3000", "") for p in ps)
        self._top, self._bottom = min(p.top for p in ps), max(p.bottom for p in ps)
        self._x0, self._x1 = min(p.x0 for p in ps), max(p.x1 for p in ps)
        self._counted = len(ps)

    @property
    def text(self) -> str:
        if self._counted != len(self.pieces):
            self._update()
        return self._text

    @property
    def top(self) -> float:
        if self._counted != len(self.pieces):
            self._update()
        return self._top

    @property
    def bottom(self) -> float:
        if self._counted != len(self.pieces):
            self._update()
        return self._bottom

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def box(self) -> tuple[float, float, float, float]:
        if self._counted != len(self.pieces):
            self._update()
        return (self._x0, self._top, self._x1, self._bottom)


class Labels:
    """match_label with the roles resolved once and answers cached per text."""

    def __init__(self, roles=None, misread: bool = False):
        self.roles = as_roles(roles)
        # OCR may misread a character of a cell; a text layer's glyphs are what was printed, so there
        # a cell one character from a role (3出席者, a cover's numbered key) is no label
        self.misread = misread
        self._cache: dict[str, tuple] = {}
        self.seen: set[str] = set()  # labels read exactly in this document: they settle a misread one
        # (OCR) the document's text outside its label cells: the chair's calls and the stage directions
        # print each member's name with 君 (次に、伊藤博行君。 〔伊藤博行君登壇〕)
        self.called = ""

    def _get(self, text: str):
        hit = self._cache.get(text)
        if hit is None:
            m = match_label(text, self.roles)
            if m is None and text.count("（") > text.count("）"):
                # 委員長（山田 / 太郎君）: the name wraps in a narrow cell; the first line still opens a label
                m = match_label(text + "）", self.roles) or match_label(text[:text.rindex("（")], self.roles)
                hit = (m, False)
            else:
                hit = (m, m is not None and not text[m.end:].strip())
            self._cache[text] = hit
        return hit

    def head(self, text: str) -> bool:
        """The text starts with a label."""
        return self._get(text)[0] is not None

    def whole(self, text: str) -> bool:
        """The text is a label and nothing else."""
        return self._get(text)[1]

    def match(self, text: str):
        return self._get(text)[0]

    def cell(self, text: str) -> LabelMatch | None:
        """The label a label-column cell holds: as printed (a seat alone, 7番, too: the column shows it is
        a label), or (OCR) with one character misread."""
        m = self.match(text) or label_cell(text, self.roles)
        if m is not None and self.misread and m.form == "found" and m.name is None:
            # a speck read into a role recurs as it recurs (委上員 beside every 委員 cell): on an OCR page an
            # unlisted word one character from a listed role is that role misread, not a new label;
            # and a word the document's own vocabulary took for a title may be a called member's name
            # with its 君 misread (長谷川俊 / 一者: 長谷川俊一君 in the chair's call)
            role = fuzzy_role(text, self.roles)
            if role is not None:
                m = LabelMatch(role, None, None, len(text), False)
            else:
                m = self._called_member(text) or m
        if m is not None and self.misread and m.form == "name_only" and m.name == m.speaker and self.called \
                and m.name + "君" not in self.called:
            # a member's cell read whole but a character short (河野敬 / 君 for 河野敬三君)
            name = self._called_name(m.name, lost_only=True)
            if name is not None:
                m = LabelMatch(name, name, None, m.end, m.marked, "name_only", name + "君",
                               "a name the document calls with 君, a character of the cell lost")
        if m is not None:
            self.seen.add(m.speaker)
        elif self.misread:
            role = fuzzy_role(text, self.roles, self.seen)
            m = LabelMatch(role, None, None, len(text), False) if role else self._called_member(text)
        return m

    def _called_member(self, text: str) -> LabelMatch | None:
        """(OCR) A member labelled by name alone whose cell lost its 君 or read it with a speck
        (伊藤博行, 伊藤博行君君, 伊藤博行君。): the lone 君 a narrow cell wraps onto is what OCR reads
        worst. The cell is that member's label when the document calls the name with 君."""
        m = _CALLED_CELL.fullmatch(text)
        if m is None or not self.called:
            return None
        name = self._called_name(m.group(1))
        if name is None or role_like(name, self.roles):
            return None
        return LabelMatch(name, name, None, len(text), False, "name_only", name + "君",
                          "a name the document calls with 君, the cell's 君 misread")

    def _called_name(self, read: str, lost_only: bool = False) -> str | None:
        """The name the document calls with 君 that a name cell read as `read` stands for: the name
        itself; the name and its 君 read as another character, alone on the cell's last line
        (長谷川俊一者, 鈴木智子妊, 新妻文雄ミ); or the name with the last character of its first line
        lost (河野敬 for 河野敬三 / 君: a character of a few strokes, 三, at the cell's edge), when
        exactly one called name goes on from it so."""
        if not lost_only:
            if read + "君" in self.called:
                return read
            if len(read) >= 4 and read[:-1] + "君" in self.called:
                return read[:-1]
        if len(read) >= 3:
            longer = set(re.findall(re.escape(read) + rf"([{KANJI}\u3005])君", self.called))
            if len(longer) == 1:
                return read + longer.pop()
        return None


def split_row(row: Row, body: float, size: float, labels: "Labels | None" = None):
    """(left fragments, right fragments, crossing) of a row against a body edge.

    With `labels`, an OCR'd fragment that starts in the label column and runs on into the body with
    a role word at its start (Tesseract read the label cell and the body as one line) is cut in two
    there. (A text layer gives each glyph's place, so its fragments never need this.)"""
    left, right, crossing = [], [], False
    for f in row.frags:
        if f.x1 <= body - 0.4 * size:
            left.append(f)
        elif f.x0 >= body - 0.6 * size:
            right.append(f)
        elif (labels is not None and f.conf is not None and f.x0 < body - 1.5 * size
              and (cut := _merged_label(f, body, labels))):
            left.append(cut[0])
            right.append(cut[1])
        else:
            crossing = True
    return left, right, crossing


def _merged_label(f: Line, body: float, labels: "Labels"):
    hit = role_prefix(f.text.lstrip(" \u3000"), labels.roles)
    if hit is None:
        return None
    role, n = hit
    rest = f.text.lstrip(" \u3000")[n:].lstrip(" \u3000")
    if not rest:
        return None
    label = Line(role, f.x0, f.top, min(f.x1, body - 1.0), f.bottom, f.page, f.size, f.conf)
    return label, Line(rest, body, f.top, f.x1, f.bottom, f.page, f.size, f.conf)


def stack_cells(pieces: list[tuple[Row, list[Line]]], labels: Labels, rules: list[Rule], max_gap: float,
                x0: float, x1: float, right_edge: float | None = None, rows: list[Row] | None = None) -> list[Cell]:
    """Left-column pieces, top to bottom, grouped into cells.

    A piece joins the cell above when it sits right under it (no rule between), the body beside it
    does not open a speech (_opens_speech, with the body's `right_edge`), and it does not start a
    label of its own after a complete one: 委員長 + （山田太郎君） is one cell, 会長 + 委員 are two.
    Under a marked label an unmarked piece never starts one, since the mark opens every label:
    ◆大臣 + 政務官 is one cell (a text layer's marks are as printed; OCR may lose one).
    With the page's `rows`, a piece under one beside no text is told by the body line above it within
    the cell (アドバ / イザー beside a one-line speech, then 政策統 beside a speech opening under it).
    """
    lines = [Line(text="".join(f.text for f in frags), x0=frags[0].x0, top=min(f.top for f in frags),
                  x1=frags[-1].x1, bottom=max(f.bottom for f in frags), page=frags[0].page, size=frags[0].size)
             for _, frags in pieces]
    cells: list[Cell] = []
    ruled = _rows_ruled(rules, x0, x1)
    for i, piece in enumerate(lines):
        if cells:
            last = cells[-1]
            near = piece.top - last.bottom <= max_gap and not rule_between(rules, last.bottom, piece.top, x0, x1)
            if near and ruled:
                # a table ruled row by row holds one cell a row: the pieces no rule parts are that cell's,
                # whatever the body beside them does (森千秋ファシリテー / ター centred beside a speech's
                # middle, level with a line that opens a paragraph)
                last.pieces.append(piece)
                continue
            if near and right_edge is not None and not _left_open(last.text) \
                    and _opens_speech(
                    _body_of(pieces[i][0], x1, piece.size), _body_above(pieces, i, rows, last, x1, piece.size),
                    x1, right_edge, piece.size):
                near = False
            if near and not (labels.whole(last.text) and not _goes_on_marked(last.text, piece.text, labels)
                             and not _completes_role(last.text, piece.text, labels)
                             and (_opens_label(lines, i, labels, max_gap, rules, x0, x1, last.text)
                                  or _title_under_role(last.text, piece.text, labels))):
                last.pieces.append(piece)
                continue
        cells.append(Cell([piece]))
    return cells


def _rows_ruled(rules: list[Rule], x0: float, x1: float) -> bool:
    """The label column is ruled row by row: three or more horizontal rules cross it."""
    ys = {round(r.y) for r in rules if r.horizontal and min(r.x1, x1) - max(r.x0, x0) > 0.3 * (x1 - x0)}
    return len(ys) >= 3


def _body_above(pieces, i: int, rows: list[Row] | None, cell: Cell, body: float, size: float) -> list[Line]:
    """The body text beside the piece above piece i; beside no text, the last body line above piece i
    that is level with the cell or below its top (a cell wrapped past its speech's one line), if `rows`."""
    beside = _body_of(pieces[i - 1][0], body, size)
    if beside or rows is None:
        return beside
    row = pieces[i][0]
    above = [r for r in rows if cell.top - 0.35 * size <= r.top < row.top - 0.35 * size and _body_of(r, body, size)]
    return _body_of(above[-1], body, size) if above else []


def _body_of(row: Row, body: float, size: float) -> list[Line]:
    """The fragments of a row right of the label column."""
    return [f for f in row.frags if f.x0 >= body - 0.6 * size]


def _opens_speech(text: list[Line], above: list[Line], body: float, right_edge: float, size: float) -> bool:
    """Body text beside a label piece opens a speech: flush at the body's edge (a paragraph of the
    same speech is indented) under body text that ends a sentence short of the right edge. A label
    cell wrapped over rows set solid (no padding) sits beside lines of its own speech going on, or
    beside nothing; so the piece beside a new speech is a new cell (委員長 / 顧問, two one-line
    speeches), whatever words it holds. Under a piece beside no text nothing is told (a wrapped
    cell may run past its speech's last line)."""
    if not text or text[0].x0 > body + 0.5 * size:
        return False
    return bool(above) and above[-1].x1 < right_edge - 1.5 * size and above[-1].text.rstrip()[-1:] in LINE_CLOSED


def cells_joined(rows: list[Row], size: float, labels: Labels, rules: list[Rule] = ()) -> list[str]:
    """The rows' texts, each label cell wrapped over stacked rows joined at its first row (米山企 /
    画官 -> 米山企画官　定刻となり…), for reading a document's label vocabulary before its label
    columns are found: the pieces of a wrapped cell are no line starts of their own.

    A piece continues the lead above it when it sits right under it with no rule between, over the
    same columns (flush left, right or centred alike), short, with a gap or nothing after it, beside a
    row of text, and does not open a label after a complete one."""
    out: list[str] = []
    right_edge = quantile([r.x1 for r in rows], 0.9, default=0.0)
    i = 0
    while i < len(rows):
        row = rows[i]
        if _lead(row, size) is None:
            out.append(row.text)
            i += 1
            continue
        lead = row.frags[0]
        cell, rest, beside = lead.text, [join_frags(row.frags[1:])], len(row.frags) > 1
        offset = [] if beside else _pieces_off_the_lines(rows, i, size, rules)
        if offset:  # the cell first, then the body rows its pieces stand between
            out.append("".join(rows[k].frags[0].text for k in [i, *offset]))
            out.extend(rows[k].text for k in range(i + 1, offset[-1] + 1) if k not in offset)
            i = offset[-1] + 1
            continue
        body_x = row.frags[1].x0 if beside else float("inf")
        j = i + 1
        while j < len(rows) and j - i < 3:
            below, above = rows[j], rows[j - 1]
            piece = _lead(below, size)
            if piece is None or below.top - above.bottom > size or not (beside or len(below.frags) > 1) \
                    or piece.x1 <= lead.x0 or piece.x0 >= lead.x1 or piece.x1 > body_x - 0.5 * size \
                    or rule_between(rules, above.bottom, below.top, piece.x0, piece.x1):
                break
            if labels.whole(cell) and not _goes_on_marked(cell, piece.text, labels) \
                    and not _completes_role(cell, piece.text, labels) \
                    and (labels.head(piece.text) or _title_under_role(cell, piece.text, labels)):
                break
            # (the body line above: beside the piece above, or beside an earlier piece of the cell)
            body_above = next((rows[k].frags[1:] for k in range(j - 1, i - 1, -1) if len(rows[k].frags) > 1), [])
            if beside and _opens_speech(below.frags[1:], body_above, body_x, right_edge, size):
                break
            if _listed_in_columns(above, below, size):
                break
            cell += piece.text
            rest.append(join_frags(below.frags[1:]))
            j += 1
        out.append(cell + "\u3000" + "".join(rest) if j > i + 1 else row.text)
        i = j
    return out


def _pieces_off_the_lines(rows: list[Row], i: int, size: float, rules: list[Rule] = ()) -> list[int]:
    """The rows holding the further pieces of a label cell centred against its speech off the body's
    lines (杉本議会事 / 務局長, each half a line from the body rows beside it): alone on their rows, under
    the cell's first piece, a line's pitch apart with one body row between each two. Rows read in
    order then alternate piece and body, so no piece has text beside it; that the pieces are one cell
    the geometry tells, where the words may not (議会事 and 務局長 each read as a title)."""
    lead = rows[i].frags[0]
    out, k = [], i
    while len(out) < 3 and k + 2 < len(rows):
        above, between, below = rows[k], rows[k + 1], rows[k + 2]
        piece = below.frags[0]
        if len(below.frags) != 1 or _lead(below, size) is None or _marked(piece.text) \
                or piece.x1 <= lead.x0 or piece.x0 >= lead.x1 \
                or between.x0 < max(piece.x1, above.frags[0].x1) + 0.5 * size \
                or not above.top < between.top < below.top or below.top - above.top > 2.0 * size \
                or rule_between(rules, above.bottom, below.top, piece.x0, piece.x1):
            break
        out.append(k + 2)
        k += 2
    return out


def _listed_in_columns(above: Row, below: Row, size: float) -> bool:
    """Two rows of a list set in columns (a cover's 出席者: 主幹 北川誠　　監理官 宮本浩一郎　　座長 原田雅人):
    beside each row's first item, two or more short items, the lower row's at the upper row's x's.
    Beside a label cell is one run of speech, so the items under each other are list entries, not a
    cell wrapped over rows (主幹 北川誠 + 専門官 今泉翔太 would read as one label)."""
    upper, lower = _list_items(above), _list_items(below)
    return bool(upper and lower) and all(any(abs(a.x0 - b.x0) < 0.5 * size for a in upper) for b in lower)


def _list_items(row: Row) -> list[Line]:
    """The items beside a row's first one when the row is a list set in columns: two or more, short,
    none closing a sentence (else [])."""
    rest = row.frags[1:]
    if len(rest) < 2 or any(len(f.text) > 16 or f.text.rstrip()[-1:] in LINE_CLOSED for f in rest):
        return []
    return rest


def _wraps_list_above(cell: Cell, rows: list[Row], size: float) -> bool:
    """A cell right under a list set in columns whose last item goes on (事務局 高田行政情 / 報係長): the
    list's wrap at its hanging indent, no label (a list's item never ends inside a word at a comma)."""
    above = [r for r in rows if r.top < cell.top - 0.35 * size]
    if not above:
        return False
    row = above[-1]
    return cell.top - row.bottom <= size and bool(_list_items(row)) \
        and row.frags[-1].text.rstrip()[-1:] not in LINE_CLOSED + "、，,"


def _lead(row: Row, size: float) -> Line | None:
    """A row's first fragment when it could be a label cell: short, alone or with a gap after it."""
    f = row.frags[0]
    if len(f.text) > MAX_LABEL_CHARS or (len(row.frags) > 1 and row.frags[1].x0 - f.x1 < size):
        return None
    return f


def _completes_role(cell: str, piece: str, labels: Labels) -> bool:
    """The piece under a whole label completes its role into a longer listed one (森本教育長 /
    職務代理者: 教育長職務代理者), so it is the cell's wrap, not a label of its own. A piece printed
    with a mark completes nothing (○会計 opens a label, though 会 opens no title): on a text layer a mark
    is as printed; nor does one under a cell its bracketed name closed."""
    if (_marked(piece) and not labels.misread) or re.sub(r"[ \u3000]", "", cell)[-1:] in "）)":
        return False  # (a cell its bracketed name closes goes on with no word: 委員長（松永隆司君） / 会計管理)
    piece = re.sub(r"[ \u3000]", "", piece)
    head = re.sub(r"[ \u3000]", "", cell).lstrip(MARKS)
    if any(head == name and piece.startswith(role) for name, role in labels.roles.people):
        return True  # a person the document lists, then the role it lists them with (鷹野正臣 / 議長, the
        # cover's 議長 鷹野正臣): one cell, though the name ends as roles do (臣 as in 大臣)
    first = labels.match(cell)
    if first is not None and continues_word(piece, labels.roles):
        return True  # (i9runs) 教育委員 / 会事務局次 / 長（…）: 会 opens no title, the word goes on
    # a longer role the list or the document's cover list knows (子ども家庭課長 / 補佐 / （三浦一樹君）, the
    # cover's 子ども家庭課長補佐 三浦 一樹), or one the document prints as a word of its own (杉本議会事 /
    # 務局長 beside the chair's call 議会事務局長に報告させます); the piece's words up to a bracket it opens, which
    # opens the person's name (部会長 / 代理（ / 村上美 / 穂）: 部会長代理)
    piece = re.split(r"[（(]", piece, maxsplit=1)[0]
    joined = labels.match(cell + piece) if piece else None
    return first is not None and joined is not None and labels.whole(cell + piece) \
        and joined.speaker == first.speaker + piece and (
            joined.speaker in labels.roles.words or joined.speaker in labels.roles.standalone
            or any(joined.speaker == role for _, role in labels.roles.people))


def _title_under_role(cell: str, piece: str, labels: Labels) -> bool:
    """A title of three characters or more, outside the list, right under a cell that is a listed role
    alone (委員 / 審議官, two one-line speeches set solid): a label of its own, not the role's wrap (a
    wrap goes on inside a word, 教育委員 / 会事務局次長, or completes a longer title, which the caller
    has ruled out)."""
    head = re.sub(r"[ \u3000]", "", cell).lstrip(MARKS)
    piece = re.sub(r"[ \u3000]", "", piece)
    return head in labels.roles.words and len(piece) >= 3 and not _marked(piece) \
        and not re.search(r"[（）()]", piece) and role_like(piece, labels.roles) \
        and not continues_word(piece, labels.roles)


def _goes_on_marked(cell: str, piece: str, labels: Labels) -> bool:
    """An unmarked piece right under a marked label, on a text layer: the label goes on."""
    if labels.misread:
        return False
    return _marked(cell) and not _marked(piece)


def _opens_label(lines: list[Line], i: int, labels: Labels, max_gap: float, rules: list[Rule] = (),
                 x0: float = 0.0, x1: float = 0.0, above: str = "(") -> bool:
    """Whether lines[i] starts a label, alone or with the lines stacked under it (大臣政務 / 官（本田）.
    On a text layer a mark opens a label under a marked one whatever its head reads as, even one
    wrapped over more rows than are read here (○教育 / 委員会 / 事務局 / 次長 / （上田 / 恵理子））:
    marks are as printed there, and the document marks every label."""
    if not labels.misread and _marked(lines[i].text) and _marked(above):
        return True
    text = ""
    for k in range(i, min(i + 3, len(lines))):
        if k > i and (lines[k].top - lines[k - 1].bottom > max_gap
                      or rule_between(rules, lines[k - 1].bottom, lines[k].top, x0, x1)):
            break
        text += re.sub(r"[ \u3000]", "", lines[k].text)
        if labels.head(text) and not (_closes_unopened(text) and (
                not re.search(r"[（）()]", above) or not _closes_unopened(above + text))):
            return True
    return False


def _marked(text: str) -> bool:
    return text.lstrip(" \u3000")[:1] in MARKS


def _left_open(text: str) -> bool:
    """A cell that opened a bracket and did not close it (委員長( ): it goes on below, whatever the body
    beside does (a label cell cannot end there)."""
    return text.count("（") + text.count("(") > text.count("）") + text.count(")")


def _closes_unopened(text: str) -> bool:
    """A bracket closed that `text` never opened (田野瀬太 / 道君)): under a cell that opened it (委員長( ) or
    with no bracket at all (委員長, OCR having lost it), the name's tail, not a label of its own
    (柳沢美穂君) alone is one, and so is 委員） under 会長）)."""
    return text.count("）") + text.count(")") > text.count("（") + text.count("(")


def find_column(rows: list[Row], size: float, labels: Labels, rules: list[Rule], line_gap: float,
                prev: Column | None = None) -> Column | None:
    """The page's label column, or None when labels (if any) are inline."""
    if len(rows) < 1:
        return None
    left_edge = min(r.x0 for r in rows)
    # where text starts after a gap, or where a row starts (a centred label sits on a row of its own)
    starts = [f.x0 for r in rows for f in r.frags if f.x0 - left_edge >= 1.5 * size]
    groups = [g for g in cluster_1d(starts, 2.0) if len(g) >= 2]
    groups.sort(key=len, reverse=True)
    candidates = [sum(g) / len(g) for g in groups[:MAX_CANDIDATES]]
    # text after a label: a page's one label under a cover sheet gives its body edge once, its cell
    # wrapped over the rows under it or not (〇鷹野 / 正臣議 / 長 beside a call and two indented paragraphs)
    candidates += [r.frags[1].x0 for k, r in enumerate(rows) if len(r.frags) > 1
                   and r.frags[1].x0 - left_edge >= 1.5 * size and _label_cell_at(rows, k, labels, size)
                   and all(abs(r.frags[1].x0 - x) > 2.0 for x in candidates)][:2]
    if prev is not None:
        candidates.append(prev.body)
    best = None
    for body in candidates:
        if body - left_edge < 1.5 * size:
            continue
        col = _try_column(rows, body, size, labels, rules, line_gap, prev)
        if col is None:
            continue
        # the most labels; on a tie the edge fewest rows cross (a cover's list indented short of the
        # body cuts a narrow column's wrapped cells: （山田 / 太郎君） runs across it), then the edge
        # most rows beside the labels start at (not a cover's hanging indent above them, left of the
        # body: the body's lines would all read as set in), then the leftmost. The edge of the page
        # before goes first among these: one table runs on over the pages, and a cell cut by the page
        # break (委員長（ / 以上で… at a page's top, its name below) puts the column's top under the row
        # that crosses a wrong edge, where it is not counted
        same = prev is not None and abs(prev.body - body) <= 2.0
        key = (col[1], -col[2], same, _starting_at(rows, body, col[0].top, size), -body)
        if best is None or key > best[1]:
            best = col[0], key
    return best[0] if best else None


def _label_cell_at(rows: list[Row], k: int, labels: Labels, size: float) -> bool:
    """Row k's first fragment, set apart from the text after it, opens a label alone or with the
    first fragments under it that start where it does and end short of that text (a cell wrapped
    over up to three rows, as _opens_label reads one)."""
    first, body = rows[k].frags[0], rows[k].frags[1].x0
    text, bottom = "", first.top
    for row in rows[k:k + 3]:
        f = row.frags[0]
        if f is not first and (len(row.frags) < 2 or abs(f.x0 - first.x0) > 0.5 * size or f.x1 >= body
                               or f.top - bottom > size):
            break
        text, bottom = text + re.sub(r"[ \u3000]", "", f.text), f.bottom
        if labels.head(text):
            return True
    return False


def _starting_at(rows: list[Row], body: float, top: float, size: float) -> int:
    """How many fragments at or below `top` start at the body edge `body`."""
    return sum(1 for r in rows if r.bottom >= top - 0.5 * size for f in r.frags if abs(f.x0 - body) <= 0.5 * size)


def _try_column(rows, body, size, labels, rules, line_gap, prev):
    pieces, kinds = [], []
    page_left, page_right = min(r.x0 for r in rows), quantile([r.x1 for r in rows], 0.9, default=0.0)
    for row in rows:
        left, right, crossing = split_row(row, body, size)
        # a heading centred on the page, wider than the body (２　議案第55号 …), spans the table: it
        # crosses any edge and tells none
        centred = crossing and row.x0 > page_left + 1.5 * size \
            and abs((row.x0 + row.x1) / 2 - (page_left + page_right) / 2) <= 1.5 * size
        kinds.append("heading" if centred else "cross" if crossing else ("body" if right else "left"))
        if left and not crossing:
            pieces.append((row, left))
    cells = stack_cells(pieces, labels, rules, line_gap + 0.3 * size, left_edge_of(pieces), body,
                        quantile([r.x1 for r in rows], 0.9, default=0.0), rows)
    heads = [c for c in cells if labels.cell(c.text) and len(c.text) <= MAX_LABEL_CHARS]
    continuing = prev is not None and abs(prev.body - body) <= 2.0
    if not heads and not (continuing and cells):
        return None
    if not continuing and not any(ch in SENTENCE_END for r in rows for ch in r.text):
        # no sentence on the page: a cover sheet's table (出席者 | 会長 小室 充孝…, its keys being role
        # words too) or its list of attendees in columns (教育長 関口 真理子 | 教育部長 堀内 健一), no labels
        return None
    # a cover's key alone in its cell over a list running across the gutter (出席者 / 田野瀬太道…) is
    # no first label: the labels start below it
    crossing_tops = [r.top for r, k in zip(rows, kinds) if k == "cross"]
    # nor is a key that counts the people listed under it (欠席委員（1名） / 委員 宇野 晴美): a count is no name
    # nor is the wrap of a list in columns above it (事務局 高田行政情 / 報係長); (the key alone on its
    # row, the list's items under it stacked into its cell: ■出席者 / 委員長 松永隆司 / …)
    first = next((c for k, c in enumerate(heads) if not (_counted_key(c) or _wraps_list_above(c, rows, size)
                                                         or KEY_LINE.match(c.pieces[0].text) and any(
        c.top < t < (heads[k + 1].top if k + 1 < len(heads) else float("inf")) for t in crossing_tops))),
        heads[0] if heads else cells[0])
    top = first.top
    if continuing and cells:
        # the column goes on from the page before, which held the cover if any: a cell above this
        # page's first known label is a label too (a title printed once, 監 理 官, outside the list)
        top = min(top, cells[0].top)
    if not continuing and sum(1 for r, k in zip(rows, kinds) if k == "cross" and r.bottom < top - 0.5 * size
                              and "。" in r.text) >= 3:
        # prose (sentences closed by 。, not a cover's numbered items, 1．開 会) runs across the edge above the
        # first label: a speech goes on there left of it, so the edge
        # is no body's (a label run in along its row, ○委員長（田野瀬太道君）　次に…, then the text after
        # it, reads as a cell and its body at a page's foot)
        return None
    heads = [c for c in heads if c.top >= top - 0.5 * size]
    below = [c for c in cells if c.top >= top - 0.5 * size]
    if not continuing and len(heads) < MIN_HEAD_SHARE * len(below):
        return None
    if any(len(c.text) > MAX_LABEL_CHARS for c in below):
        return None
    beside = [k for r, k in zip(rows, kinds) if r.bottom >= top - 0.5 * size and k != "left"]
    crossing = beside.count("cross")
    if beside and crossing > MAX_CROSSING * len(beside):
        return None
    left = min(c.box[0] for c in below)
    return Column(left=left, body=body, top=top, align=prev.align if prev else "top",
                  votes=Counter(prev.votes) if prev else Counter()), len(heads), crossing


def _counted_key(cell: Cell) -> bool:
    """A cover's key that counts the people listed under it (欠席委員（1名） / 委員 宇野 晴美)."""
    key = cell.pieces[0].text
    return bool(KEY_LINE.match(key) and _COUNTED.search(key))


def _goes_on(above: Row, row: Row, right_edge: float, size: float) -> bool:
    """The row carries on the sentence of the full row above it: no speech starts there. (Under a
    row set in further than a paragraph's indent, a note's, a row at the body's edge is no wrap of it.)"""
    return above.x1 >= right_edge - 1.5 * size and above.x0 - 1.5 * size <= row.x0 <= above.x0 + 0.5 * size \
        and above.text.rstrip()[-1:] not in LINE_CLOSED


def left_edge_of(pieces) -> float:
    return min((frags[0].x0 for _, frags in pieces), default=0.0)


def guess_align(blocks, cells: list[Cell], size: float, default: str, right_edge: float | None = None,
                votes: Counter | None = None) -> str:
    """"top" or "centre": how labels sit against their row, from blocks holding exactly one cell,
    and in blocks set solid from labels beside no first line of a speech. `votes` (the pages before)
    gets this page's evidence added; a tie keeps `default`."""
    votes = Counter() if votes is None else votes

    def off_line(c: Cell, rows: list[Row]) -> bool:
        # rows set solid: a label level with no line at all is centred between two, and so is one
        # level with a line that goes on with the sentence of the full line above it
        level = [i for i, r in enumerate(rows) if abs(c.top - r.top) <= 0.35 * size]
        return not level or (right_edge is not None and level[0] > 0
                             and _goes_on(rows[level[0] - 1], rows[level[0]], right_edge, size))

    for block in blocks:
        inside = [c for c in cells if block.top - 0.5 * size <= c.mid <= block.bottom + 0.5 * size]
        if len(inside) > 1:
            votes["centre"] += sum(off_line(c, block.rows) for c in inside)
            continue
        # the block's speech lines: a heading or a note set in above or below them is no part of the cell's row
        left = min(r.x0 for r in block.rows)
        rows = [r for r in block.rows if r.x0 <= left + 1.5 * size]
        if len(inside) != 1 or len(rows) < 2:
            continue
        if any(c is not inside[0] and c.top <= block.bottom and c.bottom >= block.top for c in cells):
            # another label reaches into the block (taller than its one-line speech): two speeches, set
            # solid, where the label's row tells as above (a 4-row cell beside a long speech's middle)
            votes["centre"] += off_line(inside[0], block.rows)
            continue
        c = inside[0]
        level = [i for i, r in enumerate(rows) if abs(c.top - r.top) <= 0.35 * size]
        if level and level[0] > 0 and right_edge is not None and rows[level[0]].x0 <= left + 0.5 * size \
                and block.opening != Break.ROW \
                and not _goes_on(rows[level[0] - 1], rows[level[0]], right_edge, size):
            # a label level with a flush line under a closed or short one: the lines above are another
            # speech's (its tail from the page before), the label's own speech starts there; not in a
            # row a ruled line opens, which holds one speech (a centred cell there may sit level with
            # any flush line of it: 政府参考人（片山秀久君） beside the third of nine lines); under a
            # full line that closes a sentence at the edge, the flush line may as well go on with the
            # speech (…考えます。 / 個人情報の…): no evidence either way
            if rows[level[0] - 1].x1 >= right_edge - 1.5 * size:
                continue
            rows = rows[level[0]:]
            if len(rows) < 2:
                continue
        top, bottom = rows[0].top, rows[-1].bottom
        if (bottom - top) - (c.bottom - c.top) < 0.7 * size:
            continue  # a label as tall as its text is both top-aligned and centred
        if abs(c.top - top) <= 0.35 * size:
            votes["top"] += 1
        elif abs(c.mid - (top + bottom) / 2) <= 0.35 * size:
            votes["centre"] += 1
    if votes["centre"] == votes["top"]:
        return default
    return "centre" if votes["centre"] > votes["top"] else "top"
