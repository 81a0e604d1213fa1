"""Extracted text -> a stream of lines with the strength of each break.

Blank lines, whitespace-only spacer lines, HTML cells, markdown bullets and table rows say where
paragraphs and table rows begin; page numbers and running headers are dropped and leave a page break.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from ..charclass import KANJI, SENTENCE_END, WORD_CLASS, display_width, header_key
from ..model import Break, LabelMatch, StreamLine
from . import markup
from .blocks import TIME_NOTE
from .classify import reads_as_direction
from .furniture import is_page_number, running_headers
from .labels import (MARKS, ROLE_END, as_roles, continues_word, discover, ends_as_role, is_label_only,
                     label_cell, match_label, role_like, whole_cell, wraps_into)


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


def indent_opens_paragraph(lines: list[str]) -> bool:
    """Whether a full-width indent opens a paragraph in this document (the Japanese custom), or only
    continues one (a hanging indent under a label: 〇会長　… / 　続き). Judged by what indented lines
    follow: mostly a sentence end where they open paragraphs, mostly a cut-off line where they continue."""
    after_end = after_cut = 0
    prev = None
    for l in lines:
        if not l.strip():
            continue
        if l.startswith("\u3000") and prev is not None:
            if prev.rstrip()[-1:] in SENTENCE_END + "」）)":
                after_end += 1
            else:
                after_cut += 1
        prev = l
    return after_cut < 5 or after_end >= after_cut


@dataclass
class Position:
    """Where a window of the text starts (cleanup/windows.py): the page it opens on, and whether it
    opens the document (where a repeated title is the title, not a running header). text_to_stream
    moves it on to where the window ends, for the next window."""
    page: int = 1
    at_start: bool = True


def _indent_width(line: str) -> float:
    return display_width(line[:len(line) - len(line.lstrip(" \u3000\t"))].replace("\t", "    "))


def letter_column(lines: list[str], is_furniture) -> set:
    """The lines of a speech hung in a column a few letters wide under a deep hanging indent (a label
    as wide as a narrow page: ○教育委員会事務局次長（上田恵理子氏）：第９款教 / 育 / 費 / に / つ …, or
    ：子ども家庭 / 支援センター / の令和５年): each goes on with the line before it, a lone digit (２ / ０)
    no page number and a word at a line's start (委員, 支援センター) no label. A run of four or more short
    lines at one deep indent, blank lines and page furniture between them, most filled to one width
    (but the last) and with a comma or a full stop among them: a label column's or a list's cells
    (参与 / 委員 / 会長) are neither punctuated nor cut at one width."""
    def text(raw: str) -> str:  # (a comma or full stop kept off a line's start rides on its end)
        return raw.strip(" \u3000\t").rstrip("、。，．,.")

    def short(raw: str) -> bool:
        return bool(raw.strip(" \u3000\t")) and display_width(text(raw)) <= 10 and _indent_width(raw) >= 8

    out: set = set()
    run: list[int] = []

    def close() -> None:
        widths = sorted(display_width(text(lines[k])) for k in run[:-1])
        filled = widths and sum(abs(w - widths[len(widths) // 2]) <= 1 for w in widths) >= 0.75 * len(widths)
        if len(run) >= 4 and filled and any(re.search("[、。，．]", lines[k]) for k in run):
            out.update(run)
        run.clear()

    for n, raw in enumerate(lines):
        if not raw.strip():
            continue
        if short(raw) and (not run or _indent_width(raw) == _indent_width(lines[run[-1]])):
            run.append(n)
        elif run and is_furniture(raw):
            continue  # (a page's header or number between two lines of the column)
        else:
            close()
            if short(raw):
                run.append(n)
    close()
    return out


def text_to_stream(text: str, roles=None, position: Position | None = None) -> list[StreamLine]:
    """The text's lines as a stream."""
    position = position or Position()
    lines = _physical_lines(text)
    html_mode = markup.has_html(text)
    md_mode = markup.is_markdown(lines)
    spaced = _blank_between_every_line(lines)
    indent_opens = indent_opens_paragraph(lines)
    # the document's own vocabulary (the people its cover lists, the titles it prints again and
    # again), read before any label cell is joined: it tells a wrapped cell's pieces (山田太郎議 / 長,
    # where the cover lists 議長 山田太郎) from running headers, and joins them
    vocabulary = discover(lines, roles)
    headers = running_headers([l for l in lines], lambda k: _label_piece(k, vocabulary))
    column_names = markup.pipe_header_rows(lines)
    lettered = letter_column(lines, lambda raw: is_page_number(raw) or header_key(raw) in headers)

    out: list[StreamLine] = []
    pending = Break.LINE
    origin = ""  # what made the pending break
    blanks = 0
    spacers = 0
    page = position.page
    for n, raw in enumerate(lines):
        if n in column_names:
            continue  # | 発言者 | 発言内容 |: the table's column names, no line of the minutes
        if raw == "\f":
            page += 1
            pending, origin = max(pending, Break.PAGE), "form feed"
            continue
        if not raw.strip():
            if raw and spaced:  # a whitespace-only spacer between cells
                pending = max(pending, Break.ROW)
                origin = "spacer row"
                spacers += 1
            else:
                blanks += 1
                spacers += 0 if spaced else 1
            continue
        if spaced:
            pending = max(pending, Break.ROW if blanks >= 2 else Break.LINE)
            origin = origin or ("blank lines" if blanks >= 2 else "line")
        elif blanks:
            pending = max(pending, Break.PARA)
            origin = origin or "blank line"
        blanks = 0
        if n in lettered and out:
            out[-1] = replace(out[-1], text=out[-1].text + raw.strip(" \u3000\t"))
            pending, origin = Break.LINE, ""
            continue
        key = header_key(raw)
        # the title on the first page stays; a header with a print stamp (date, URL, n/m) goes there too
        if is_page_number(raw) or (key in headers and (out or not position.at_start or key in headers.stamped)):
            pending, origin = Break.PAGE, "page furniture (page number or running header)"
            page += 1
            continue  # (the blank lines before it still part the lines around it: a row ended there)
        gap, spacers = spacers, 0
        cells = markup.split_html_line(raw) if html_mode else [(raw, Break.LINE)]
        for i, (cell, cell_brk) in enumerate(cells):
            hint = None
            brk = max(pending, cell_brk) if i == 0 else cell_brk
            why = (origin if brk == pending else "markup cell") if i == 0 else "markup cell"
            if md_mode:
                cell, md_brk, heading = markup.strip_markdown(cell, bullets=True)
                if md_brk is not None and md_brk > brk:
                    brk, why = md_brk, "markdown"
                if heading:
                    hint = "heading"
            label = _seat_cell(cell, roles)
            if label is not None:
                cell, empty_first = "\u3000".join(c.strip() for c in markup.table_cells(cell)[1:] if c.strip()), False
            else:
                cell, empty_first = markup.split_table_row(cell)
            if empty_first:
                hint = hint or "cont"
            indent = len(cell) - len(cell.lstrip(" \u3000\t"))
            if cell.startswith("\u3000") and brk < Break.PARA and indent_opens:
                brk, why = Break.PARA, "full-width indent"  # a full-width indent opens a paragraph
            cell = cell.strip(" \u3000\t")
            if not cell:
                continue
            out.append(StreamLine(text=cell, page=page, brk=brk, hint=hint, gap=gap if i == 0 else 0,
                                  origin=why or "line break", indent=indent, label=label))
        pending, origin = Break.LINE, ""
    out = join_wrapped_label_cells(join_split_labels(out, roles), vocabulary)
    out = titles_among_labels(seats_beside_labels(out, roles), vocabulary)
    if any(s.label is not None and not s.text.strip() for s in out):
        # cells read as labels stand alone: a label column printed apart from its text. Its cells
        # now show how this document prints labels (surname + role, titles of its own), which
        # the cells still in pieces (藤川政策統括 / 官, 三宅オブザー / バー) are joined by
        seen = discover([f"{s.label.printed}\u3000{s.text}" if s.label else s.text for s in out], roles)
        out = titles_among_labels(join_wrapped_label_cells(out, seen), seen)
    if out and position.at_start:
        out[0].brk = Break.PAGE
    position.page, position.at_start = page, False
    return out


def _seat_cell(row: str, roles=None) -> LabelMatch | None:
    """The label of a table row whose first cell holds what only the table's structure shows to be a
    label (a seat alone: | 7番 | おはようございます。 |). A first cell the label grammar reads by
    itself stays in the row's text, where wrapped cells are joined and the document's vocabulary
    applies (cleanup/labels.py)."""
    cells = markup.table_cells(row)
    if not cells or not cells[0].strip() or not any(c.strip() for c in cells[1:]):
        return None
    if is_label_only(cells[0], roles) is not None:
        return None
    label = label_cell(cells[0], roles)
    return label.moved("read from the label cell of a table row") if label is not None else None


_SEAT_ONLY = re.compile(r"^[0-9０-９]{1,3}[ \u3000]?番$")
_HAS_SENTENCE_END = re.compile(f"[{SENTENCE_END}]")


def seats_beside_labels(lines: list[StreamLine], roles=None) -> list[StreamLine]:
    """A seat alone on its line (7番) next to a label standing alone is a cell of the same label
    column (a dumped run: 議長 / 7番 / 議長 …), and so is one before a speech where the document prints
    its labels alone on their lines (議長 / 本文 / 7番 / 本文); elsewhere a seat alone may be a chair's
    call cut short."""
    out = list(lines)
    seats = [i for i, s in enumerate(out) if s.label is None and _SEAT_ONLY.match(s.text)]
    if not seats:
        return out
    alone = [i for i, s in enumerate(out) if s.label is None and is_label_only(s.text, roles) is not None]
    # labels on their own lines, each followed by its text (not a run of them: that is a dumped column)
    own_lines = sum(1 for i in alone if i + 1 < len(out) and is_label_only(out[i + 1].text, roles) is None) >= 3
    for i in seats:
        s = out[i]
        near = [out[j] for j in (i - 1, i + 1) if 0 <= j < len(out)]
        speech_next = i + 1 < len(out) and is_label_only(out[i + 1].text, roles) is None \
            and _HAS_SENTENCE_END.search(out[i + 1].text) is not None
        if own_lines and speech_next or \
                any(n.label is not None and not n.text.strip() or is_label_only(n.text, roles) for n in near):
            seat = label_cell(s.text, roles)
            if seat is not None:
                out[i] = replace(s, text="", label=seat.moved("a seat alone among label cells"))
    return out


_KATAKANA_CUT = re.compile(r"[\u30a1-\u30faー]{1,4}$")
_KANJI_TITLE = re.compile(rf"[{KANJI}\u3005\u30a0-\u30ffー]{{2,8}}")


def titles_among_labels(lines: list[StreamLine], roles=None) -> list[StreamLine]:
    """A title alone on its line (調整官, 監理官) next to a label cell standing alone is a cell of the
    same label column, though the document prints it only once and outside the role list (a guest
    who speaks once): a dumped column holds nothing but labels, and the title ends as roles do."""
    r = as_roles(roles)
    out = list(lines)

    def cell(s: StreamLine) -> bool:
        return s.label is not None and not s.text.strip() or is_label_only(s.text, r) is not None

    i = 0
    while i < len(out):
        s = out[i]
        head = s.text.strip().lstrip(MARKS).strip()
        tail = out[i + 1] if i + 1 < len(out) else None
        if s.label is None and tail is not None and tail.label is None and _KANJI_TITLE.fullmatch(head) \
                and _KATAKANA_CUT.search(head) and _KATAKANA_CUT.fullmatch(tail.text.strip()) \
                and is_label_only(tail.text, r) is None and is_label_only(s.text, r) is None:
            # a katakana word a narrow cell cut (ファシリテー / ター, 柏原ファシリ / テーター): no title or
            # cell is a few katakana letters alone, so the piece below is this cell's tail
            s = out[i] = replace(s, text=s.text.strip() + tail.text.strip())
            del out[i + 1]
            head = s.text.strip().lstrip(MARKS).strip()
        i += 1
        if s.label is not None or not _KANJI_TITLE.fullmatch(head) or not role_like(head, r) \
                or is_label_only(s.text, r) is not None:
            continue
        if any(cell(out[j]) for j in (i - 2, i) if 0 <= j < len(out)):
            out[i - 1] = replace(s, text="", label=LabelMatch(
                head, None, None, 0, head != s.text.strip(), "title", s.text.strip(),
                "a title alone among the cells of a label column"))
    return out


def _label_piece(text: str, roles=None) -> bool:
    """A label cell or a piece of one, never a running header however often it recurs: a line
    opening with a speaker mark (◯長谷部委 / 員長), the tail of a name (米山典子）), or a label cut
    inside its name's brackets (企画官（米山真理 / 子君）), or a short title alone that ends as roles do
    (進行役 on its own line above its speech, at the top of several pages)."""
    if is_label_only(text, roles) is not None or text[:1] in MARKS or _NAME_TAIL.fullmatch(text) is not None:
        return True
    r = as_roles(roles)
    if _TITLE_ALONE.fullmatch(text.strip()) and role_like(text.strip(), r):
        return True
    if len(text.strip()) >= 2 and any((name + role).startswith(text.strip()) for name, role in r.people):
        return True  # a cell cut inside a listed person's name + role (北村正志進 / 行役)
    if len(text.strip()) >= 2 and any((name + role).endswith(text.strip()) and text.strip() != role
                                      and len(text.strip()) > len(role) for name, role in r.people):
        return True  # and its tail, cut inside a name in kana (五十嵐ゆか / り委員), which no title opens
    if len(text.strip()) >= 2 and any(h.startswith(text.strip()) and h != text.strip() for h in r.found):
        return True  # (i9runs) a cell cut inside a head a dumped label column prints (田村浩一調 / 整官)
    if _cut_inside_title(text.strip(), r):
        return True
    if len(text.strip()) >= 2 and any(role.find(text.strip()) > 0 for _, role in r.people):
        return True  # the middle of a long title a list prints people with (◆教育委員 / 会事務局次 / 長), cut twice
    unclosed = text.count("（") > text.count("）")
    if unclosed and text.rstrip()[-1:] in "（(" and is_label_only(text.rstrip()[:-1], roles) is not None:
        return True  # a title cut right after its bracket opened (国務大臣（ / 堀田史郎）), each minister's cell alike
    # (its bracket may be cut too: ◎学校教育課 / 長（須藤浩二 / 氏）)
    tail = _ROLE_TAIL_NAME.fullmatch(text.strip() + ("）" if unclosed else ""))
    if tail is not None and (not tail.group("head") or ROLE_END.search(tail.group("head"))):
        return True  # the end of a role and the name in brackets (◇健康福祉部 / 長（森田光代）)
    return unclosed and is_label_only(text + "）", roles) is not None


def _cut_inside_title(head: str, r) -> bool:
    """A surname and the first part of a long title, a label cell a narrow column cut inside its title
    (三宅内閣総理 / 大臣, 岩崎文部科学 / 大臣): the same piece on each page where that person speaks
    first, never a running header. The title must be one the list or the document's own list knows,
    and the surname short."""
    if not 3 <= len(head) <= 10 or _TITLE_ALONE.fullmatch(head) is None:
        return False
    titles = {w for w in r.words if len(w) >= 4} | {role for _, role in r.people if len(role) >= 4}
    for title in titles:
        for k in range(2, len(title)):
            if head.endswith(title[:k]) and len(head) > k:
                m = is_label_only(head + title[k:], r)
                if m is not None and m.speaker == title and m.name is not None and len(m.name) <= 4:
                    return True
    return False


def join_split_labels(lines: list[StreamLine], roles=None) -> list[StreamLine]:
    """A widely spaced label cell (会　　長) that an extractor printed one character a line: the
    characters are put back on one line when together they make a speaker label."""
    out: list[StreamLine] = []
    i = 0
    while i < len(lines):
        for n in (4, 3, 2):
            group = lines[i:i + n]
            if len(group) == n and all(len(g.text) == 1 for g in group) and \
                    is_label_only("".join(g.text for g in group), roles):
                out.append(StreamLine("".join(g.text for g in group), group[0].page, group[0].brk,
                                      hint=group[0].hint, gap=group[0].gap))
                i += n
                break
        else:
            out.append(lines[i])
            i += 1
    return out


_OPEN_LABEL = re.compile(r"^(?P<label>[^\s（()）]{1,14}[（(][^\s（()）]{0,10})(?:(?P<sep>[ \u3000]+)(?P<rest>.*))?$")
_BRACKET_NAME = re.compile(r"^[（(][^\s（()）]{1,12}(?:君|氏|さん|様)[）)]$")
_BRACKET_ANY = re.compile(rf"^[（(][{KANJI}\u3005\u3041-\u30ffー]{{1,10}}[）)]$")
_TITLE_ALONE = re.compile(f"{WORD_CLASS}{{2,8}}")
_ROLE_TAIL_NAME = re.compile(rf"(?P<head>[^\s（()）]{{0,4}})[（(][{KANJI}\u3005\u3041-\u30ffー]{{1,8}}(?:君|氏|さん|様)?[）)]")
_NAME_TAIL = re.compile(r"^(?P<frag>[^\s（()）]{1,10}[）)])(?:[ \u3000]+(?P<rest>.*))?$")
# a cell's line in a two-column text rendering: a short piece, a wide gap, then the body
_CELL_PIECE = re.compile(r"^(?P<frag>[^\s]{1,10})(?:[ \u3000]{2,}(?P<rest>.*))?$")


# (and the words a remark on the items of the day is made of, （いずれも概要報告）, （内閣提出、衆議院送付）: no name holds them)
_DIRECTION_WORDS = re.compile(r"登壇|降壇|入室|退室|入場|退場|退席|着席|離席|賛成|異議|拍手|挙手|休憩|なし|あり"
                              r"|報告|説明|提出|送付|議題")


def _direction(text: str, roles=None) -> bool:
    """A bracketed line that is a stage direction, not a wrapped name: a name holds no role word
    (（説明員入室）) and no word of the proceedings (（全員賛成）)."""
    r = as_roles(roles)
    # (and whatever reads as an act of the room, the Diet's vote notes among them: （投票開始）, （議場閉鎖）)
    return bool(_DIRECTION_WORDS.search(text)) or any(len(w) >= 2 and w in text for w in r.words) \
        or reads_as_direction(text.strip().strip("（()）"))


def join_wrapped_label_cells(lines: list[StreamLine], roles=None) -> list[StreamLine]:
    """A label cell too narrow for its label (議長（山 / 田太郎君）, 学校教育 / 課長, 教育長（ / 高橋和子 / 君）):
    the pieces printed at the start of the next lines (pdftotext -layout), or the rest alone a line or
    two below (plain pdftotext), are put back together on the label's line."""
    out = list(lines)
    printed = "\n".join(s.text for s in lines)  # where a title may be printed whole (the cover, a call)
    mark = _label_mark(lines)
    i = 0
    while i < len(out):
        name = _name_below(out, i, roles)
        if name:
            # ◎学校教育課長 / （今井隆之君）: the name wrapped onto the next line whole, or over two
            # (○選挙管理委員会事務局長 / （黒田勝 / 氏）)
            out[i] = replace(out[i], text=out[i].text + "".join(s.text for s in out[i + 1:i + 1 + name]))
            del out[i + 1:i + 1 + name]
        elif _join_pieces(out, i, roles, printed, mark):
            # the joined role may still have its name in brackets below (○選挙管理委 / 員会事務局長 /
            # （黒田勝 / 氏）): looked for once more (a joined role has no room for further pieces)
            name = _name_below(out, i, roles)
            if name:
                out[i] = replace(out[i], text=out[i].text + "".join(s.text for s in out[i + 1:i + 1 + name]))
                del out[i + 1:i + 1 + name]
        else:
            head = _OPEN_LABEL.match(out[i].text)
            if head is not None and not is_label_only(head.group("label"), roles):
                _put_back_tail(out, i, head, roles)
        i += 1
    return out


def _name_below(out, i: int, roles) -> int:
    """How many lines after line i, a whole label, hold its name in brackets (（今井隆之君）, or
    （黒田勝 / 氏）), so that label and name make one label; 0 if none do."""
    if i + 1 >= len(out) or out[i + 1].text[:1] not in "（(" or is_label_only(out[i].text, roles) is None:
        return 0
    name = ""
    for n in (1, 2):
        if i + n >= len(out) or " " in out[i + n].text or "\u3000" in out[i + n].text:
            return 0
        name += out[i + n].text
        if _BRACKET_NAME.match(name) or (_BRACKET_ANY.match(name) and not _direction(name, roles)):
            # (a name printed with no honorific, ◇選挙管理委員会事務局長 / （黒田勝）, but no direction: （説明員入室）,
            # nor a member's arrival, （古賀信之君登壇）, at a page's top under the last cell)
            return n if is_label_only(out[i].text + name, roles) is not None else 0
    return 0


def _printed_whole(label: str, piece: str, printed: str, roles) -> bool:
    """`label` + `piece` make a title (of four characters or more) that the document also prints
    whole on a line of its own or among other words (the cover, a chair's call), which neither piece
    is alone: one cell wrapped, not two."""
    m = is_label_only(label + piece, roles)
    if m is None or m.seat is not None or len(m.speaker) < 4 or m.speaker not in printed:
        return False
    return not any(x is not None and x.speaker == m.speaker for x in (is_label_only(label, roles), is_label_only(piece, roles)))


def _label_mark(lines: list[StreamLine]) -> str | None:
    """The marks this document opens its label cells with (○, ◆), each printed on many lines: one, or
    an assembly's several (◆ members, ◎ staff, ○ the chair), every cell carrying one of them."""
    counts = Counter(s.text[:1] for s in lines if s.text[:1] in MARKS)
    marks = "".join(mark for mark, n in counts.most_common() if n >= 3)
    return marks or None


_TITLE_PIECE = re.compile(rf"[{KANJI}\u3005\u30a0-\u30ffー]{{1,8}}")


def _unmarked_tail(label: str, piece: str, roles, mark: str | None) -> bool:
    """Where the document marks every label cell (◆今泉翔太監 / 理官), a title's piece right below a marked
    cell with no mark of its own is that cell's tail, though each piece reads as a label by a role-like
    ending (翔太監, 理官): a cell of its own would carry the mark (`mark`: the document's marks, see
    _label_mark; an assembly's ◎長谷部監 / 理官 among ○ and ◆ cells too)."""
    r = as_roles(roles)
    return mark is not None and label[:1] in mark and _TITLE_PIECE.fullmatch(piece) is not None \
        and piece not in r.words and bool(ROLE_END.search(piece)) and not whole_cell(label, r) \
        and is_label_only(label + piece, r) is not None


def _join_pieces(out, i, roles, printed: str = "", mark: str | None = None) -> bool:
    """Pieces at the start of lines i, i+1, … that together make a label."""
    head = _CELL_PIECE.match(out[i].text)
    m = match_label(out[i].text, roles)
    if _cover_key(out[i].text):
        return False  # (i9doc) ■配付資料 / 別紙のとおり above the first page's label cells: the cover's
    if TIME_NOTE.match(out[i].text.strip()):
        return False  # the body's last note (午後四時五十二分散会) right above a run of label cells: no piece of one
    if head is None or (m is not None and out[i].text[m.end - 1:m.end] in " \u3000:：)）" and
                        out[i].text[m.end:].strip()):
        return False  # no piece, or the line opens with a whole label already (委　員　本文)
    label, pieces = head.group("frag"), []
    below = []
    for j in range(i + 1, min(i + 4, len(out))):
        piece = _CELL_PIECE.match(out[j].text)
        if piece is None:
            break
        below.append((j, piece))
    for n in range(len(below), 1, -1):
        # a listed person and their role wrapped over three or four lines (◯三浦一樹子 / ども家庭課長 / 補佐):
        # the whole cell, though its first two pieces already read as a label (子ども家庭課長)
        if _listed_person(label + "".join(p.group("frag") for _, p in below[:n]), roles):
            if not _one_column(out, i, below[:n]):
                return False
            _put_label(out, i, label + "".join(p.group("frag") for _, p in below[:n]), head.group("rest"),
                       below[:n], out[i].text[head.end("frag"):head.start("rest")] if head.group("rest") else "")
            return True
    for j in range(i + 1, min(i + 4, len(out))):
        piece = _CELL_PIECE.match(out[j].text)
        if piece is not None and piece.group("frag")[:1] in "（(" and _direction(piece.group("frag"), roles):
            return False  # a stage direction after a label (〇堀内委員 / （説明員入室）, 柳沢美穂議員 / （拍手））, not its name
        if piece is not None and (_listed_person(label + piece.group("frag"), roles)
                                  or _listed_role(label, piece.group("frag"), roles)
                                  or _printed_whole(label, piece.group("frag"), printed, roles)
                                  or _known_title_completed(label, piece.group("frag"), roles)
                                  or _name_then_role(label, piece.group("frag"), roles)
                                  or (j == i + 1 and _unmarked_tail(label, piece.group("frag"), roles, mark))):
            # a person the document lists, then the role it lists them with (○長谷部雅人 / 委員, where
            # the cover lists 委員 長谷部 雅人), or a title the document prints whole elsewhere (◎教育委員会事 /
            # 務局次長, where the cover lists 教育委員会事務局次長 上田 恵理子): one cell, though each piece
            # reads as a label by itself (雅人, 教育委員会事: 事 ends roles as in 理事)
            pieces.append((j, piece))
            joined = label + piece.group("frag")
            after = _role_goes_on(out, i, j, joined, roles, mark)
            if after is not None:
                pieces.append((j + 1, after))
                joined += after.group("frag")
            if not _one_column(out, i, pieces):
                return False
            _put_label(out, i, joined, head.group("rest"), pieces,
                       out[i].text[head.end("frag"):head.start("rest")] if head.group("rest") else "")
            return True
        if piece is None or (piece.group("frag") in as_roles(roles).words and ends_as_role(label, roles)):
            return False  # a role after a role is a cell of its own (参与 / 委員長), not a piece
        if whole_cell(label, roles) and whole_cell(piece.group("frag"), roles):
            return False  # (i9doc) two whole cells one under the other (東座長 / 田中委員): two labels
        if piece.group("frag")[:1] in "（(" and _direction(piece.group("frag"), roles):
            return False  # a stage direction after a label (〇堀内委員 / （説明員入室））, not its name
        if (whole_cell(label, roles) or _titled_cell(label, roles)) and piece.group("frag")[:1] not in "（(" \
                and not _longer_role(label, piece.group("frag"), roles) and not _completed(out, i, j, label, roles):
            # a whole cell (東教育長, 三宅直樹君), unless a longer role goes on (柏原委員 / 長), the
            # name in brackets (学校教育課長 / （米山由美）), or pieces that are no labels complete a
            # longer one (〇教育委員 / 会事務局次 / 長（上田恵 / 理子君）)
            return False
        # (a piece that opens as no title does goes on with the cell above: 桑原教育委員 / 会事務局次長)
        whole = wraps_into(label, piece.group("frag"), roles) or (
            continues_word(piece.group("frag"), roles) and is_label_only(label + piece.group("frag"), roles) is not None)
        label += piece.group("frag")
        pieces.append((j, piece))
        after = _role_goes_on(out, i, j, label, roles, mark) if whole else None
        if after is not None:  # the role goes on in the cell's last piece (○勅使河原 / 真由美座長 / 代理: 座長代理)
            pieces.append((j + 1, after))
            label += after.group("frag")
        if whole:
            if not _one_column(out, i, pieces):
                return False
            _put_label(out, i, label, head.group("rest"), pieces,
                       out[i].text[head.end("frag"):head.start("rest")] if head.group("rest") else "")
            return True
    return False


def _titled_cell(label: str, roles) -> bool:
    """`label` reads as a whole cell by a surname and a title the role list does not know, but the
    document does (梶審議官, 米山統括官 where the roles are its own): a piece below that completes no
    longer label with it opens the next cell (梶審議官 / 浜口政策統 / 括官 are two cells)."""
    m = is_label_only(label, roles)
    return m is not None and m.name is not None and m.seat is None and ends_as_role(label, roles)


def _one_column(out, i: int, taken) -> bool:
    """The pieces below line i stand in its column: none is printed further left than the cell's first
    line, as a cover's list of names, indented under its key (　　安江伸夫 / 　　本田顕子), stands before
    the body's first label cell at the margin (三宅委員長): names of the list, not pieces of that cell."""
    return all(out[j].indent >= out[i].indent for j, _ in taken)


def _known_title_completed(label: str, piece: str, roles) -> bool:
    """`piece` reads as a label only by a role-like ending (補佐（三浦一樹君）) and completes `label` into a
    title the role list knows (○子ども家庭課長 / 補佐（…）: 課長補佐): one cell wrapped, not two."""
    r = as_roles(roles)
    known = (lambda role: role in r.words or role.endswith(tuple(r.suffixes)))
    alone, joined = is_label_only(piece, r), is_label_only(label + piece, r)
    return alone is not None and joined is not None and known(joined.speaker) and not known(alone.speaker) \
        and alone.name == joined.name and alone.seat is None


def _role_goes_on(out, i: int, j: int, label: str, roles, mark: str | None = None):
    """The piece on the line after j (within the cell's four lines from i) that makes `label`'s role a
    longer one of the same person (○勅使河原 / 真由美座長 / 代理: 座長代理), or None."""
    after = _CELL_PIECE.match(out[j + 1].text) if j + 1 < min(i + 4, len(out)) else None
    if after is not None and (_longer_role(label, after.group("frag"), roles) or (
            continues_word(after.group("frag"), roles) and is_label_only(label + after.group("frag"), roles) is not None)
            or (not after.group("rest") and _unmarked_tail(label, after.group("frag"), roles, mark))):
        # (or a piece that opens as no title does goes on with the word: 〇長谷部選 / 挙管理委員 / 会事務局長;
        # or, where every cell carries the document's mark, an unmarked title's piece: ◆長谷部教 / 育委員会事 /
        # 務局次長, though 教育委員会事 reads as a title by its 事 and 務局次長 by its 次長)
        return after
    # a cell's last piece of one or two characters that reads as nothing alone, the title going on
    # (◇長谷部子ど / も家庭課長補 / 佐): no cell of its own is that short
    # (or of two that are no listed role, under a marked cell, the piece unmarked: ◎滝沢子ど / も家庭課長 / 補佐)
    tail = after.group("frag") if after is not None and not after.group("rest") else ""
    alone = is_label_only(tail, roles) is None or (label[:1] in MARKS and tail not in as_roles(roles).words)
    if 1 <= len(tail) <= 2 and tail[:1] not in MARKS + "（(" and _TITLE_PIECE.fullmatch(tail) \
            and alone and is_label_only(label + tail, roles) is not None:
        return after
    return None


def _name_then_role(label: str, piece: str, roles) -> bool:
    """`label` is a full name that reads as a label only by a role-like ending (原田雅人: 人 as in 参考人),
    and `piece` a role the list knows (○原田雅人 / 座長): one cell, the name then the role, not two."""
    r = as_roles(roles)
    known = (lambda role: role in r.words or role.endswith(tuple(r.suffixes)))
    head = re.sub(r"[ \u3000]", "", label).lstrip(MARKS)
    alone, joined = is_label_only(label, r), is_label_only(label + piece, r)
    if alone is not None and alone.form == "name_only":
        return False  # a name closed by its honorific is a whole cell (今井典子君 / 学校教育課長 are two)
    return joined is not None and joined.name == head and joined.speaker == re.sub(r"[ \u3000]", "", piece) \
        and known(joined.speaker) and (alone is None or not known(alone.speaker))


def _longer_role(label: str, piece: str, roles) -> bool:
    """`label` + `piece` is a whole cell of the same person with a longer role (柏原委員 / 長: 委員長),
    not two cells read as one name (東座長 / 東座長 is no 座長 named 東座長東)."""
    alone, joined = is_label_only(label, roles), is_label_only(label + piece, roles)
    return joined is not None and whole_cell(label + piece, roles) and (
        alone is None or (joined.name == alone.name and len(joined.speaker) > len(alone.speaker)))


def _listed_person(text: str, roles) -> bool:
    """`text` is a person the document lists (its cover: 委員 長谷部 雅人) and the role it lists them with."""
    head = re.sub(r"[ \u3000]", "", text).lstrip(MARKS)
    return any(head == name + role for name, role in as_roles(roles).people)


def _listed_role(label: str, piece: str, roles) -> bool:
    """`label` + `piece` is a role the document lists people with (its cover: ファシリテーター 森千秋),
    which neither piece is: one cell of a title alone wrapped (ファシリテー / ター)."""
    listed = {role for _, role in as_roles(roles).people}
    head = re.sub(r"[ \u3000]", "", label).lstrip(MARKS)
    return head + piece.strip() in listed and head not in listed and piece.strip() not in listed


def _completed(out, i: int, j: int, label: str, roles) -> bool:
    """The pieces at the start of lines j, j+1 … (up to line i+3) complete `label` into a longer
    label, and none of them is a label or opens with a mark by itself, nor do they make a label of
    their own unless they open as no title does: a cell wrapped past a listed role (教育委員 /
    会事務局次 / 長（…）), never two cells (教育委員 / 会長, 事務局 / アドバイザー（千 / 葉浩二君）)."""
    own = ""
    for n in range(j, min(i + 4, len(out))):
        piece = _CELL_PIECE.match(out[n].text)
        if piece is None or piece.group("frag")[:1] in MARKS or (
                is_label_only(piece.group("frag"), roles) is not None and not _closes_bracket(label, piece.group("frag"))
                and not continues_word(piece.group("frag"), roles)):
            # (a name's tail closing the bracket the label opened, 理子氏）, is no label of its own, nor
            # a piece that opens as no title does, 桑原教育委員 / 会事務局次長)
            return False
        label += piece.group("frag")
        own += piece.group("frag")
        if is_label_only(own, roles) is not None and not continues_word(own, roles):
            return False  # (会長 and 会計管理者 are listed; 会事務局次長 is a title only by its suffix)
        if is_label_only(label, roles) is not None:
            return True
    return False


def _closes_bracket(label: str, piece: str) -> bool:
    """`piece` closes a bracket `label` left open (…（上田恵 / 理子氏）)."""
    return label.count("（") + label.count("(") > label.count("）") + label.count(")") and piece.rstrip()[-1:] in "）)"


def _cover_key(text: str) -> bool:
    """A cover sheet's item saying when, where, who or what was handed out (■配付資料, 【日時】): never
    a piece of a label cell (a role key, 事務局, may be one: 事務局 / 長)."""
    from .cover import KEY_LINE, _key_of

    key = KEY_LINE.match(text)
    return key is not None and _key_of(key.group("key"))[0] != "staff"


def _put_back_tail(out, i, head, roles) -> bool:
    """Plain pdftotext: the rest of a name (田太郎君）) alone on a line a little further down."""
    for j in range(i + 1, min(i + 4, len(out))):
        tail = _NAME_TAIL.match(out[j].text)
        if tail is None:
            continue
        label = head.group("label") + tail.group("frag")
        if not is_label_only(label, roles):
            return False
        _put_label(out, i, label, head.group("rest"), [(j, tail)], head.group("sep") or "")
        return True
    return False


def _put_label(out, i, label: str, rest: str | None, taken, sep: str = "\u3000") -> None:
    """Line i becomes `label`, the spaces line i printed after its piece, `rest`; each (j, match)
    taken gave its piece and keeps only its rest. The printed spaces are kept: a full-width space
    after a label is evidence of an indented paragraph (centred.py), never one this join made."""
    out[i] = replace(out[i], text=label + ((sep or "\u3000") + rest if rest else ""))
    for j, m in reversed(taken):
        if m.group("rest"):
            out[j] = replace(out[j], text=m.group("rest"))
        else:
            del out[j]
