"""A stream of lines -> Minutes: cover sheet into meta, blocks into turns with their speakers.

Labels and texts are two streams that extraction may have pulled apart. Labels standing alone wait
in a queue and go, in order, to the next blocks that open a turn; a labelled line that arrives while
labels wait either joins the queue (stacked labels, when enough texts follow) or shows that the
waiting labels had empty cells.
"""
from __future__ import annotations

from collections import deque

from ..charclass import display_width
from ..model import Break, Minutes, StreamLine, Turn
from .blocks import Block, ends_sentence, join_lines, make_blocks, resolve_breaks
from .centred import recentre
from .classify import AGENDA, NUMBERED, bare_heading, block_kind, items_remark, names_item, reads_as_speech
from .cover import COVER_LOOKAHEAD, check_meta, find_body_start, read_cover
from .labels import LabelMatch, discover, is_label_only, with_document
from .normalize import normalize
from .runs import label_runs, pages_without_labels, place_label_runs


def assemble(stream: list[StreamLine], roles=None, keep_width: bool = False, explain: bool = False,
             at_start: bool = True) -> Minutes:
    """The stream -> Minutes. With `explain`, each turn carries why it starts where it does and why it
    has its speaker (Turn.why, "explain" in JSON).

    The stream is handed over: its lines are normalized in place and the list is emptied once it has
    become blocks, so that an archive-sized stream is never held twice (bounded memory, issue 14).
    `at_start`: the stream opens the document; a later window of it (cleanup/windows.py) has no
    cover, so its Minutes hold turns only."""
    handed = stream
    stream = [s for s in stream if s.text.strip() or s.label]
    for s in stream:
        printed, s.text = s.text, normalize(s.text, keep_width)
        if s.text != printed:  # (its lines were wrapped at the width they took as printed)
            s.narrowed = display_width(printed) - display_width(s.text)
    printed = [f"{s.label.printed}\u3000{s.text}" if s.label else s.text for s in stream]  # as a reader sees them
    r = discover(printed, roles)  # no-op when the caller found it already
    for s in stream:
        if s.label:
            s.label = with_document(s.label, r)
    cover_why: list[str] = []
    start = find_body_start(printed, r, cover_why, {i for i, s in enumerate(stream) if s.hint == "heading"},
                            {i for i, s in enumerate(stream) if s.cut_above}) if at_start else 0
    start = _label_cells_before(stream, printed, start, r)
    meta = read_cover(printed[:start], r, [s.indent for s in stream[:start]],
                      [s.cut_above for s in stream[:start]]) if at_start else {}
    body_head = printed[start:start + COVER_LOOKAHEAD]  # i9doc: the self-check looks for cover items here
    del printed
    body_chars = sum(len(s.text) for s in stream[start:])
    # labels printed mid-speech (vertically centred cells) move to their turn's start first
    resolved = recentre(resolve_breaks(stream[start:], r))
    handed.clear()
    del stream, handed
    blocks = make_blocks(_consumed(resolved), r)
    warnings = check_meta(meta, body_chars, r, body_head) if at_start else []
    turns = attribute(blocks, explain)
    if explain and turns and cover_why:
        turns[0].why["cover"] = cover_why[0]
    return Minutes(meta=meta, turns=turns, warnings=warnings)


def _label_cells_before(stream: list[StreamLine], printed: list[str], start: int, roles) -> int:
    """The body's start moved back over a run of label cells the cover took (a page's label column
    dumped ahead of the body, right under the cover's last item: 配付資料：… / 議長 / 議長 / 7番 …): two
    or more cells standing alone, one of them a cell only the column's structure shows (a seat alone,
    a title once printed), or three or more. A heading or two between the run and the start the cover
    found (日程第1　会議の概要, which a cover may also list) is the body's first line too."""
    def cell(k: int) -> bool:
        return stream[k].label is not None and not stream[k].text.strip() or is_label_only(printed[k], roles) is not None

    headed = start
    while headed > 0 and start - headed < 2 and not cell(headed - 1) and block_kind(printed[headed - 1]) == "heading":
        headed -= 1
    if headed < start:
        moved = _label_cells_before(stream, printed, headed, roles)
        if moved < headed:
            return moved
    i, structural = start, False
    while i > 0 and (stream[i - 1].label is not None and not stream[i - 1].text.strip()
                     or is_label_only(printed[i - 1], roles) is not None):
        structural = structural or (stream[i - 1].label is not None and not stream[i - 1].text.strip())
        i -= 1
    return i if start - i >= 3 or (start - i >= 2 and structural) else start


def _consumed(items: list):
    """Each item in order, let go once handed on (the list empties as it goes): a stage that turns
    every line into something new then never holds both whole (bounded memory)."""
    items.reverse()
    while items:
        yield items.pop()


def turn_start_level(blocks: list[Block]) -> Break:
    """The break that opens a turn in this document: ROW where table rows are marked (spacer lines,
    cells) and paragraphs sit inside them, PARA where blank lines part turns and paragraphs are only
    line breaks, else any paragraph break."""
    opened = [b for b in blocks if b.lines or b.label_only]
    rows = sum(1 for b in opened if b.brk >= Break.ROW)
    paras = sum(1 for b in opened if b.brk >= Break.PARA and not b.indented)  # an indent opens no turn
    if rows >= 5 and rows >= 0.3 * len(opened):
        return Break.ROW
    if paras >= 5 and paras >= 0.2 * len(opened):
        return Break.PARA
    return Break.LINE


def _texts_ahead(blocks: list[Block], i: int) -> int:
    """Paragraphs of speech from block i on, before the next label: the texts waiting labels could take."""
    n = 1
    for b in blocks[i + 1:]:
        if b.label is not None:
            break
        if block_kind(b.whole_text, b.hint) == "speech":
            n += 1
    return n


class _Turns:
    """The turns being built; paragraphs of the open speech are collected, then joined."""

    def __init__(self, explain: bool):
        self.explain = explain  # why-dicts only when asked: one per turn weighs more than its text
        self.turns: list[Turn] = []
        self.paras: list[list[str]] = []
        self.open: Turn | None = None

    def speech(self, label: LabelMatch | None, block: Block, inferred: bool = False,
               speaker: str | None = None, why: str = "") -> None:
        self._close()
        t = Turn("speech", "", speaker=label.speaker if label else speaker, name=label.name if label else None,
                 seat=label.seat if label else None, page=block.page, inferred=inferred,
                 why=_why(block, label, why) if self.explain else None)
        self.turns.append(t)
        self.open = t
        self.paras = [[block.text]] if block.lines else []

    def paragraph(self, block: Block) -> None:
        self.paras.append([block.text])

    def cont(self, block: Block) -> None:
        """Text that goes on with the open paragraph (a sentence cut by a run of label cells), or
        with the direction just before (＜…入室　/ 説明員 / …説明＞)."""
        if self.open is None and self.turns and self.turns[-1].kind != "speech":
            self.turns[-1].text = join_lines([self.turns[-1].text, block.text])
            return
        if self.paras:
            self.paras[-1] = [join_lines(["".join(self.paras[-1]), block.text])]
        else:
            self.paras.append([block.text])

    def other(self, kind: str, block: Block, why: str = "") -> None:
        self._close()
        self.turns.append(Turn(kind, block.text, page=block.page,
                               why=_why(block, None, why) if self.explain else None))

    def _close(self) -> None:
        if self.open is not None:
            self.open.text = "\n\n".join("".join(p) for p in self.paras if "".join(p).strip())
            self.open = None
        self.paras = []

    def done(self) -> list[Turn]:
        self._close()
        return [t for t in self.turns if t.text.strip() or t.kind != "speech"]


def attribute(blocks: list[Block], explain: bool = True) -> list[Turn]:
    level = turn_start_level(blocks)
    # dumped: the label column was dumped apart (most labels stand in runs, not beside their text),
    # so rows without a label lost theirs rather than going on with the turn before
    runs, dumped = label_runs(blocks)
    in_run = {i for a, b in runs for i in range(a, b)}
    placed = place_label_runs(blocks, runs, level)
    unlabelled_pages = pages_without_labels(blocks, runs, dumped)
    out = _Turns(explain)
    pending: deque[LabelMatch] = deque()
    speaker_known = False  # a speech is open and its speaker was printed
    after_other = False  # the block before was a heading or a stage direction
    for i, b in enumerate(blocks):
        if i in in_run:
            continue
        if b.label_only:
            pending.append(b.label)
            continue
        if b.label is not None or i in placed:
            label = b.label or placed[i]
            why = "a label opens it" if b.label is not None else "a label of a dumped run was placed on it"
            if pending and b.label is not None:
                if _texts_ahead(blocks, i) >= len(pending) + 1:
                    pending.append(label)  # stacked labels: this text is the first waiting label's
                    label = pending.popleft()
                    why = "stacked labels: the first waiting label takes this text"
                else:
                    pending.clear()  # the waiting labels stood beside empty cells
            out.speech(label, b, why=why)
            speaker_known, after_other = True, False
            continue
        if (b.cont or b.soft) and not pending and (out.open is not None or (out.turns and out.turns[-1].kind != "speech")):
            # (a label standing alone just before says a turn starts here: its text, not a cut sentence)
            out.cont(b)  # a sentence cut by a label run, or a soft break no label took: the text goes on
            continue
        kind = block_kind(b.whole_text, b.hint)
        if kind == "speech" and bare_heading(b.whole_text, _between_turns(blocks, i, in_run, placed)):
            kind = "heading"  # i9doc: a heading printed bare (教育長報告) between one speech and the next
        elif kind == "speech" and after_other and i not in placed and names_item(b.whole_text) \
                and bare_heading(b.whole_text, True):
            # an agenda item named plain right after a direction (〔副議長退席、議長着席〕 / 地域公共交通の…法案
            # （内閣提出）の趣旨説明), also where a page ends and the labels dumped there say nothing of it
            kind = "heading"
        if kind == "heading" and pending:
            kind = "speech"  # (i9lab) a label standing alone opens a speech: no heading comes between
        if kind in ("heading", "note") and out.open is not None and not after_other and not pending \
                and _read_out_item(blocks, i, in_run, placed):
            out.paragraph(b)  # (i9lab) the chair reads the order of the day out in the speech
            continue
        if kind != "speech":
            out.other(kind, b, f"reads as a {kind} (brackets, numbering or a time note), not speech")
            if kind == "heading":
                speaker_known = False
            after_other = True
            continue
        opens = b.brk >= level or after_other
        if pending:  # a label standing alone goes with the next text
            out.speech(pending.popleft(), b, why="the label standing alone before it")
            speaker_known, after_other = True, False
        elif out.open is not None and not after_other and (b.page in unlabelled_pages or not (
                dumped and opens and level >= Break.ROW and not b.indented and b.brk != Break.PAGE)):
            # a paragraph with no label goes on with the open speech, even where a dumped label column
            # left it unlabelled: one turn per speech, never one guessed turn per paragraph. Only a
            # table row (the document marks rows) whose label was lost opens a turn of its own, and
            # never an indented one (a paragraph inside a speech, also at a page's top), nor one on
            # a page whose column held no label (a long speech going on over whole pages), nor a
            # page's top, which the page break parts whether or not a row opens there: placement
            # gave no label to it.
            out.paragraph(b)
        elif not speaker_known and (not dumped or not reads_as_speech(b.whole_text)):
            out.other("note", b, "before anyone speaks, with no label: a note")  # 要旨は次のとおり
        else:
            # a text whose label is lost: the speaker is not printed beside it
            prev = _last_speech(out.turns)
            guess = prev.speaker if (after_other and prev is not None and speaker_known) else None
            out.speech(None, b, inferred=True, speaker=guess, why=(
                "no label: the speaker of the turn before the heading or direction goes on" if guess else
                "no label printed beside it (a row that opens a turn): speaker unknown"))
            if guess and prev is not None:
                out.open.name, out.open.seat = prev.name, prev.seat
            after_other = False
    return out.done()


def _between_turns(blocks: list[Block], i: int, in_run: set[int], placed: dict) -> bool:
    """Block i stands after a sentence's end (or a heading or direction) and right before a labelled
    block (or one a dumped label was placed on): where a heading stands, and a speech's last words
    do not (i9doc). A dumped run of label cells next says nothing: it stands wherever the page ended.
    A note between heading and label (審査の経過 / 午前10時開会 / ○委員長) is passed over."""
    j = i + 1
    while j < len(blocks) and blocks[j].label is None and j not in placed and j not in in_run \
            and block_kind(blocks[j].whole_text, blocks[j].hint) == "note":
        j += 1
    if i == 0 or j >= len(blocks) or (blocks[j].label is None and j not in placed) or j in in_run \
            or blocks[i].cont or blocks[i].tail:
        return False
    before = blocks[i - 1].whole_text
    return before.strip() != "" and (ends_sentence(before) or block_kind(before, blocks[i - 1].hint) != "speech")


def _read_out_item(blocks: list[Block], i: int, in_run: set[int], placed: dict) -> bool:
    """(i9lab) Block i, an agenda line (日程第一　国務大臣の演説に関する件), is a paragraph of the open
    speech: the chair reads the item out and goes on speaking with no label of their own again
    (○議長（…君）　これより会議を開きます。/ 日程第一　… / 昨日に引き続き、…質疑を許します。). A
    heading stands before a label; an agenda line followed by the chair's unlabelled sentences was said."""
    j = i + 1
    if items_remark(blocks[i].whole_text):
        # (（いずれも概要報告）: what the items just read out are, said in brackets, no act of the room)
        k = i - 1
        while k >= 0 and k in in_run:
            k -= 1
        if k < 0 or not AGENDA.match(blocks[k].whole_text.strip()):
            return False
        i = k
    # (and an item of a list read out, １　都市計画の案の縦覧 / 令和７年２月上旬から…供します。: a numbered
    # line the speaker's own unlabelled sentences follow is theirs, as a heading, which a label follows, is not)
    if not (AGENDA.match(blocks[i].whole_text.strip()) or NUMBERED.match(blocks[i].whole_text.strip())) \
            or j >= len(blocks):
        return False
    # (several items read out one after another, 日程第一　… / 日程第二　… / 以上両案を一括して議題とすることに
    # 御異議ございませんか。: the chair's sentence after the last of them says they were all read out)
    # (and a run of label cells dumped where the page ended between them is passed over)
    # (and what they are, said in brackets after them: 日程第三　… / （いずれも概要報告） / 以上三件を一括して…)
    while j + 1 < len(blocks) and (j in in_run or (
            (AGENDA.match(blocks[j].whole_text.strip()) or items_remark(blocks[j].whole_text))
            and blocks[j].label is None and not blocks[j].label_only
            and j not in placed and block_kind(blocks[j].whole_text, blocks[j].hint) != "speech")):
        j += 1
    nxt = blocks[j]
    return (j not in in_run and j not in placed and nxt.label is None and not nxt.label_only and not nxt.cont
            and block_kind(nxt.whole_text, nxt.hint) == "speech" and ends_sentence(nxt.whole_text))


def _last_speech(turns: list[Turn]) -> Turn | None:
    for t in reversed(turns):
        if t.kind == "speech":
            return t
    return None


def _why(block: Block, label: LabelMatch | None, why: str) -> dict:
    d = {"start": block.origin or block.brk.name.lower(), "turn": why}
    if label is not None:
        d["label"] = {"printed": label.printed, "form": label.form or "layout", "evidence": label.evidence}
    return d
