"""Stream lines -> blocks: runs of lines that belong together (one paragraph, or one label cell).

A plain line break means a soft wrap or a new paragraph; which one is settled by the line widths
of the document (hard-wrapped text has a common full width) and by sentence-final punctuation.
"""
from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..charclass import CLOSERS, OPENERS, SENTENCE_END, display_width, is_kanji, opens_mid_sentence
from ..model import Break, StreamLine
from .labels import LabelMatch, match_label

BULLETS = "・●■□◆◇※▼▽►○◎"
# (a number with a decimal point, 1.1キロメートル, is a quantity a wrap may put at a line start: no item)
_OPENERS = OPENERS
_TRAILING_DIRECTION = re.compile(r"(?:[（(〔][^（()）〔〕]{1,20}[）)〕])+$")
_NUMBERED_START = re.compile(r"^(?:[0-9０-９]{1,2}(?:[\s\u3000、)）]|[.．](?![0-9０-９]))|[（(][0-9０-９一二三四五六七八九十]{1,3}[）)]|[①-⑳]|(?:日程|議案|諮問|報告|請願|陳情|発議)第|第[0-9０-９一二三四五六七八九十]+)")


TIME_NOTE = re.compile(r"^[（(〔]?\s*(?:午[前後])?[0-9０-９一二三四五六七八九十零〇]{1,3}\s*[時:：]\s*(?:[0-9０-９一二三四五六七八九十零〇]{1,3}\s*分?)?\s*(?:開会|閉会|散会|休憩|再開|開議|延会|終了|開始)\s*[）)〕]?$"
                       r"|^(?:開会|閉会|散会|終了|休憩|再開)\s*[（(]?\s*(?:午[前後])?[0-9０-９:：時分一二三四五六七八九十]+\s*[）)]?$")
# a rule line printed between items of the day (――――・――――, ――――◇――――, ━━━━━━━━): dashes, an
# ornament at most in the middle
RULE_LINE = re.compile(r"^[―─━－—]{3,}[\s\u3000]*(?:[・◇◆○〇☆★][\s\u3000]*[―─━－—]{3,})?$")
# (i9lab) a bracketed number needs no space after it: （１）前回の議論の整理
# (i9runs) and a number with a full stop: １．歳出 第３款 民生費 (never 3.8パーセント: a digit after the stop),
# and 第１　歳出 第３款 民生費
_HEADING_LINE = re.compile(r"^(?:(?:日程|議案|諮問|報告|請願|陳情|発議)?第[0-9０-９一二三四五六七八九十]+号?|[0-9０-９]{1,2})[\s\u3000]"
                           r"|^[（(][0-9０-９]{1,2}[）)]|^[0-9０-９]{1,2}[.．](?![0-9０-９])")
_PARTICLES = "、，,のをにがとでへやもは・「（("


def ends_sentence(line: str, opened_with: str = "", paragraph: str = "") -> bool:
    """The line ends a sentence: 。？！, a closing quote after one, or a bracketed direction closing.

    `opened_with` is the first character of the paragraph the line ends (a direction may wrap), and
    `paragraph` that paragraph so far, the line included: a direction after a sentence may wrap too
    (…申し上げます。（拍 / 手）), so where the line alone does not say, the paragraph's end is judged.
    """
    t = line.rstrip()
    if not t:
        return False
    if t[-1] in SENTENCE_END or t[-1] == "…":
        return True
    trailing = _TRAILING_DIRECTION.search(t)
    if trailing and trailing.start() > 0 and t[trailing.start() - 1] in SENTENCE_END:
        return True  # …申し上げます。（拍手）
    if t[-1] in CLOSERS:
        if len(t) >= 2 and t[-2] in SENTENCE_END or (opened_with or t[0]) in _OPENERS:
            return True
        return _direction_after_sentence(paragraph)
    return False


def _direction_after_sentence(paragraph: str) -> bool:
    """The paragraph ends in a bracketed direction right after a sentence end (。（拍手）). Only its
    tail is read: a direction is short, a paragraph may be long."""
    tail = paragraph[-_DIRECTION_REACH:].rstrip()
    trailing = _TRAILING_DIRECTION.search(tail)
    return trailing is not None and trailing.start() > 0 and tail[trailing.start() - 1] in SENTENCE_END


_DIRECTION_REACH = 66  # characters: three directions of up to 20 characters with their brackets


def opens_paragraph(line: str) -> bool:
    """Lines that start with a bracket, a bullet or a number usually open a paragraph of their own."""
    return line[:1] in _OPENERS or line[:1] in BULLETS or bool(_NUMBERED_START.match(line))


@dataclass(slots=True)  # one per paragraph of a document: no per-object dict (issue 14, memory)
class Block:
    text: str  # its lines joined (join_lines), "" for a label alone: one string, not one per line (memory)
    brk: Break  # the break before the block
    page: int | None
    label: LabelMatch | None = None  # a label printed at the start of the block
    label_only: bool = False  # the block is nothing but a label (a label cell on its own line)
    hint: str | None = None
    gap: int = 0  # separator lines before the block
    cont: bool = False  # goes on with the text before a run of label cells (a sentence cut by the run)
    nlines: int = 1  # physical lines the block takes, for matching a label column's spacing
    tail: str = ""  # text that goes on with this block after a run of label cells (a `cont` block)
    origin: str = ""  # where the break before the block came from (for explain)
    soft: bool = False  # opened by a soft break: goes on with the paragraph unless a label is placed here
    indented: bool = False  # the block's first line is indented: a paragraph inside a speech, where
    # the document indents its paragraphs

    @property
    def lines(self) -> list[str]:
        """The block's text as its one joined paragraph, none for a label alone (callers ask whether
        a block holds text)."""
        return [self.text] if self.text else []

    @property
    def whole_text(self) -> str:
        """The text with what continues it past a run of label cells: what its kind is judged on."""
        return join_lines([self.text, self.tail]) if self.tail else self.text


def join_lines(lines: list[str]) -> str:
    """Join hard-wrapped lines: nothing between Japanese characters, a space between Latin words."""
    out = ""
    for l in lines:
        if out and out[-1].isascii() and out[-1].isalnum() and l[:1].isascii() and l[:1].isalnum():
            out += " "
        out += l
    return out


def wrap_width(lines: Iterable[str] = (), printed: Iterable[float] | None = None) -> float | None:
    """The full width of a hard-wrapped document, or None when lines are not wrapped at a width.
    `printed`: each line's width as printed, where normalisation narrowed it (see printed_width)."""
    widths = [round(w) for w in (printed if printed is not None else map(display_width, lines))
              if w >= 10]  # (i11) each width once
    if len(widths) < 10:
        return None
    counts = Counter(widths)
    mode, _ = max(counts.items(), key=lambda kv: (kv[1] + counts.get(kv[0] - 1, 0) + counts.get(kv[0] + 1, 0), kv[0]))
    near = sum(counts.get(w, 0) for w in (mode - 1, mode, mode + 1))
    if near < 0.25 * len(widths):
        return None
    return float(mode)


SOFT = "soft: a flush line after a sentence end (a turn may start here)"
FIRM = "firm: a flush page top after a short line that ended a sentence (a turn starts here)"
HUNG = 4  # an indent this deep, shared with the line before, is a hanging indent's: the paragraph goes on


def resolve_breaks(stream: list[StreamLine], roles=None) -> list[tuple[StreamLine, Break, LabelMatch | None]]:
    """Decide each plain line break: a soft wrap (WRAP) or a paragraph break (LINE: inferred, weaker than
    a blank line's PARA). Labels are recognised here too."""
    # read once: the width and the loop need them (a line layout set in a table's body column opens
    # with no label: its label, if any, came from the label column)
    matches = [None if s.in_body else match_label(s.text, roles) for s in stream]
    printed = [printed_width(s, s.text[m.end:] if m else s.text) for s, m in zip(stream, matches)]
    width = wrap_width(printed=printed)
    # where paragraphs are indented, a flush line after a sentence end may open a turn whose label was
    # printed elsewhere: kept apart as a soft break, for label placement to take or leave
    indent_paras = sum(1 for s in stream if s.indent > 0 and not s.settled) >= 3
    out = []
    prev_text = None  # the last line of body text
    opened_with = ""  # first character of the paragraph prev_text belongs to
    paragraph = ""  # the text of that paragraph so far
    after_label = False  # a label cell stood between prev_text and this line
    prev_at = -1  # where prev_text's line is in out
    prev_labelled = False  # a label opened prev_text's line
    prev_hung = False  # prev_text's line hangs at the deep indent of the text line before it
    text_indent = -1  # the indent of the last line of body text
    prev_width = 0.0  # prev_text's width as printed
    for s, m, body_width in zip(stream, matches, printed):
        body = s.text[m.end:] if m else s.text
        brk = s.brk
        if m is not None or s.label:
            brk = max(brk, Break.LINE)
        elif s.settled:
            pass  # layout decided this break from the page's geometry: it is not judged again
        elif brk == Break.LINE and not after_label and prev_text is not None and paragraph == prev_text \
                and not prev_labelled and not prev_hung and _plain_heading(prev_text, body, width):
            # a paragraph of one line that is a heading printed plain: decided here, handed on as its hint
            # (never a turn's first line, its label before it: a long label, 長谷川美智子君, leaves it short;
            # nor a line hung at the deep indent of the line before it, under such a label on a narrow page)
            brk = Break.LINE
            line, pbrk, pm = out[prev_at]
            if line.hint is None:
                out[prev_at] = (replace(line, hint="heading"), pbrk, pm)
        elif brk == Break.LINE and not after_label:
            brk = _line_break(prev_text, body, width, opened_with, paragraph, (prev_width, body_width))
            # (not the applause a wrap left alone after the sentence, …質問いたします。 / （拍手）: no turn opens with it)
            if brk == Break.WRAP and indent_paras and s.indent == 0 and prev_text and \
                    ends_sentence(prev_text, paragraph=paragraph) and not _APPLAUSE_LINE.match(body):
                brk, s = Break.LINE, replace(s, origin=SOFT)
        elif prev_text is not None and (_continues(prev_text, body, width, opened_with,
                                                   page_break=brk >= Break.PAGE and not after_label,
                                                   paragraph=paragraph, widths=(prev_width, body_width))
                                        or _closes_bracket(paragraph, body)):
            # a sentence cut by a page break, a run of label cells or a cell boundary goes on, and so
            # does a stage direction whose closing bracket comes after a label cell (＜…入室 / 説明員 / …説明＞)
            brk = Break.WRAP
        elif brk == Break.LINE and after_label and indent_paras and s.indent == 0 and prev_text \
                and width is not None and prev_width >= width - 1.5 and ends_sentence(prev_text, paragraph=paragraph):
            # a page's labels dumped between two pages that a full line ending a sentence parts: the page
            # may have cut a speech there as a wrap does, so the next page's flush first line is soft too
            s = replace(s, origin=SOFT)
        elif brk >= Break.PAGE and indent_paras and s.indent == 0 and prev_text and width is not None \
                and prev_width < width - 1.5 and ends_sentence(prev_text, paragraph=paragraph):
            # a page whose last line, short of the width, ended a sentence: the page cut no speech there,
            # and a paragraph going on would be indented, so the next page's flush first line opens a turn
            s = replace(s, origin=FIRM)
        out.append((s, brk, m))
        if body.strip():
            if brk != Break.WRAP:
                opened_with, paragraph = body[:1], ""
            paragraph += body
            prev_hung = s.indent >= HUNG and s.indent == text_indent
            prev_text, after_label, prev_at, text_indent = body, False, len(out) - 1, s.indent
            prev_labelled = m is not None or bool(s.label)
            prev_width = body_width
        elif m is not None:
            after_label = True
    return out


_CLOSER = {"＜": "＞", "<": ">", "〔": "〕", "（": "）", "(": ")", "【": "】"}


def _closes_bracket(paragraph: str, cur: str) -> bool:
    """The paragraph opened a bracket it has not closed, and this line closes it."""
    close = _CLOSER.get(paragraph[:1])
    return bool(close) and close not in paragraph and cur.rstrip().endswith(close) and paragraph[:1] not in cur


# a particle no sentence opens with (ところで does): a line so opened goes on with the line before
# (日程第二　…法律案を議題 / といたします。)
_PARTICLE_OPEN = re.compile(r"^[をにへがのや]|^と(?!ころ)")


def _kana_cut(prev: str, cur: str) -> bool:
    """A full line ending in hiragana and a line opening in hiragana: a word cut by the wrap (提出者か /
    ら趣旨の説明を求めます。), which a heading, ending in its noun or in について (（１）…の中間見直しに
    ついて / それでは、…), is not."""
    return bool(prev) and bool(cur) and "\u3041" <= prev[-1] <= "\u3096" and "\u3041" <= cur[0] <= "\u3096" \
        and not prev.endswith(("について", "に関して"))


def _cut_inside(prev: str, cur: str) -> bool:
    """(i9lab) The wrap after a heading-like line cut it inside a bracket or a word, or before a particle:
    the line goes on (日程第二　…法律案（内閣提 / 出、…）を議題といたします。)."""
    return _inside_bracket(prev) or _PARTICLE_OPEN.match(cur) is not None or _kana_cut(prev, cur) \
        or _clause_read_out(prev) or _ITEM_WITH_TEXT.match(prev) is not None or _PUTS_ON_AGENDA.match(cur) is not None \
        or _READ_OUT_TAIL.search(prev) is not None or _verb_cut(prev, cur) or _item_name_goes_on(prev, cur)


def _item_name_goes_on(prev: str, cur: str) -> bool:
    """The two lines read together as one agenda item's name still open or just closed (第三　労働者の…
    ための労 / 働安全衛生法等の一部を改正する法律案（内閣提 / 出、衆議院送付）): a long bill's title that a
    narrow column wrapped between two kanji, which no other cue shows."""
    from .classify import names_item  # (classify reads blocks: imported here, not at the top)

    both = prev.rstrip() + cur.strip()
    return _inside_bracket(both) or names_item(both)


# an item of a list read out in a speech, its title and then its text after a second gap (１　案の縦覧
# 令和７年２月上旬から…): a sentence that wraps as sentences do; a heading numbered so names one thing
# (２　議事), and one of the order of the day opens with its word (日程第２　議案第５号　…)
_ITEM_WITH_TEXT = re.compile(r"^[0-9０-９]{1,2}[ \u3000]+[^\s\u3000]{2,}\u3000+[^\s\u3000]")

# the chair's sentence that reads an item out goes on to put it on the agenda or ask for its report
# (日程第二　…改正する法 / 律案（内閣提出、衆議院送付）を議題といたします。, 日程第三　…特別措置 / 法案（内閣提出）に
# ついて、提出者から趣旨の説明を求めます。): the item's name cut by a wrap or a page, no heading
_PUTS_ON_AGENDA = re.compile(r"^[^。]{0,60}?(?:を(?:一括して)?議題と|説明を求め|報告を求め)|^[^、。\s]{1,30}?について[、，]")


def _verb_cut(prev: str, cur: str) -> bool:
    """A line ending in a kanji noun and a line opening with the verb it makes (…基本法の一部を改正 / する法律案
    （内閣提出、衆議院送付）を議題): a word cut by the wrap, in a narrow column also inside an item's name."""
    return bool(prev) and is_kanji(prev[-1]) and _VERB_OPEN.match(cur) is not None


_VERB_OPEN = re.compile(r"^(?:する|した|して|され|させ|すべき)")


# an item's name closed and a particle after it (…（内閣提出、衆議院送付）を議 / 題といたします。): the chair's
# sentence putting the item on the agenda, cut by a wrap; a heading ends at the item's name (…（内閣提出）)
# or names what is done with it (…（内閣提出）の趣旨説明)
_READ_OUT_TAIL = re.compile(r"[）)](?:を|に|について)[^（）()。]{0,8}$")


def _clause_read_out(line: str) -> bool:
    """A heading-like line that holds a clause ended by a comma outside brackets (日程第三　…法律案
    （内閣提出）について、提出者から趣): the chair reading the order of the day out, a sentence that
    wraps as sentences do, never a heading (a heading's comma stands inside its brackets)."""
    return bool(re.search(r"[、，]", re.sub(r"（[^（）]*）|\([^()]*\)", "", line)))


def _inside_bracket(line: str) -> bool:
    """The line opened a round bracket it did not close: a wrap inside it goes on."""
    return line.count("（") + line.count("(") > line.count("）") + line.count(")")


def _line_break(prev: str | None, cur: str, width: float | None, opened_with: str = "",
                paragraph: str = "", widths: tuple[float, float] | None = None) -> Break:
    """WRAP, or LINE for a paragraph break inferred from the text (weaker than a blank line).
    `paragraph`: the paragraph `prev` ends, so far (see ends_sentence); `widths`: the two lines'
    widths as printed (see printed_width)."""
    if prev is None:
        return Break.LINE
    if _citation_cut(prev, cur):
        return Break.WRAP  # (…条例第12条 / 第2項の規定に基づき: no numbered item, no new paragraph)
    pw, cw = widths or (display_width(prev), display_width(cur))
    full = width is not None and pw >= width - 1.5
    if full and _APPLAUSE_LINE.match(cur) and prev.rstrip()[-1:] in SENTENCE_END:
        return Break.WRAP  # …質問いたします。 / （拍手）: the applause printed after the sentence, wrapped
    if opens_paragraph(cur) and not full:
        return Break.LINE
    if _NUMBERED_START.match(cur) and prev[-1:] not in _PARTICLES:
        return Break.LINE  # 議案第5号 …, (2) …: a wrap rarely lands just before a numbered item
    if _HEADING_LINE.match(prev) and prev[-1:] not in _PARTICLES and not ends_sentence(prev):
        # a heading line (議案第58号　…所管部分) stands alone, unless a short tail of it wrapped, or a
        # full line cut inside a bracket it opened (日程第二　…法律案（内閣提 / 出、…）を議題といたします。)
        if not full or (not _cut_inside(prev, cur)
                            and (cw >= (width or 30) * 0.6 or ends_sentence(cur))):
            return Break.LINE
    if TIME_NOTE.match(prev) or TIME_NOTE.match(cur):
        return Break.LINE  # 午前10時開会 stands alone
    if RULE_LINE.match(prev.strip()) or RULE_LINE.match(cur.strip()):
        return Break.LINE  # ――――・―――― stands alone between the items of the day
    if not full and _item_named_wrapped(paragraph, prev):
        return Break.LINE
    if not full and _stands_alone(prev):
        return Break.LINE  # 開会 / 議事 / 要旨は次の＜諮問審議＞のとおり: headings and captions, one a line
    if not ends_sentence(prev, opened_with, paragraph):
        return Break.WRAP  # the sentence goes on
    if width is None:
        return Break.LINE  # lines were never wrapped: each is a paragraph
    if pw > width * 1.3 or cw > width * 1.3:
        return Break.LINE  # an unwrapped line among wrapped ones
    if not full or opens_paragraph(cur):
        return Break.LINE
    return Break.WRAP


# the applause a plenary prints right after a speaker's sentence (…質問いたします。（拍手）), alone on a line
# where the wrap fell before it: the sentence's line was full, so the paragraph goes on
_APPLAUSE_LINE = re.compile(r"^[（(]拍手[）)][\s\u3000]*$")


_ARTICLE_END = re.compile(r"第[0-9０-９一二三四五六七八九十百]+(?:条|項)(?:の[0-9０-９一二三四五六七八九十]+)?$")
_CLAUSE_OPEN = re.compile(r"^第[0-9０-９一二三四五六七八九十]+[項号]")


def printed_width(line: StreamLine, body: str) -> float:
    """The width `body` (line's text, or its speech past a label) took as printed: the text is read
    normalised, but its lines were wrapped before (４１２億 took twice the width 412億 takes)."""
    return display_width(body) + line.narrowed


def _citation_cut(prev: str, cur: str) -> bool:
    """A wrap inside a citation of a law (…条例第12条 / 第2項の規定に基づき): the clause goes on with
    its article, no numbered item opens."""
    return _ARTICLE_END.search(prev.rstrip()) is not None and _CLAUSE_OPEN.match(cur) is not None


def _plain_heading(prev: str, cur: str, width: float | None) -> bool:
    """(i9runs) A line well short of the wrap, no clause in it and no sentence end closing it, before a
    line that opens as a sentence may (第五次若葉県廃棄物処理計画の中間見直しについて / それでは、…): a
    heading printed plain, where no label at the next line's start parts them (a label column dumped
    apart), not a sentence a wrap cut."""
    t = prev.strip()
    # (items of a list read out, 生涯学習に関する事項 / 学校教育に関する事項, or names spaced in a list,
    # 尾身　朝子君　　永岡　桂子君, go on as the speech's text: a heading is followed by a full line, and
    # spaced only after its number, ①　一般廃棄物の減量目標)
    spaced = re.search(r"[\s\u3000]", t)
    return width is not None and display_width(t) <= 0.6 * width and len(t) >= 4 and not RULE_LINE.match(t) \
        and not re.search(r"[、，,。．？！?!「」]", t) and t[-1:] not in _PARTICLES \
        and (spaced is None or (spaced.start() <= 3 and not re.search(r"[\s\u3000]", t[spaced.end():].lstrip(" \u3000")))) \
        and not _PARTICLE_OPEN.match(cur) and not opens_mid_sentence(cur) \
        and (display_width(cur) >= 0.8 * width or ends_sentence(cur))


def _item_named_wrapped(paragraph: str, last: str) -> bool:
    """A paragraph that opened as a numbered heading (第四　預金保険法…の一部を / 改正する法律案（内閣提出、衆議院送付）)
    and ends, on a line short of the wrap, in the name of an agenda item: the order of the day's item
    whose name wrapped, ended there (what follows is the next item, a caption or the chair's words)."""
    from .classify import names_item

    return paragraph != last and _HEADING_LINE.match(paragraph) is not None and "。" not in paragraph \
        and names_item(paragraph)


def _stands_alone(line: str) -> bool:
    """A short line that names a step of the proceedings (開会, 議 事, その他), a heading in brackets
    (【報告事項】) or the record's caption (要旨は次の＜諮問審議＞のとおり): short of the wrap width, and no
    sentence end closing it, it ends its paragraph rather than being cut by a wrap. (A numbered line,
    第三期スポーツ, may be a wrap's piece of speech in a narrow column: not judged here.)"""
    from .classify import _CAPTION, SECTION_WORDS, bracketed, block_kind

    t = line.strip()
    if re.search(r"[、，,]", t) or display_width(t) > 24:
        return False
    return SECTION_WORDS.match(re.sub(r"^[0-9０-９()（）]+\s*", "", t)) is not None or _CAPTION.search(t) is not None \
        or (bracketed(t) is not None and block_kind(t) == "heading")


def _continues(prev: str, cur: str, width: float | None, opened_with: str = "", page_break: bool = False,
               paragraph: str = "", widths: tuple[float, float] | None = None) -> bool:
    """Across a blank line, a page break or a run of label cells: a line that filled the width and
    stopped mid-sentence, followed by a line that cannot open a paragraph, is one text cut in two.
    Across page furniture (a page number, a running header) the sentence goes on whatever its width."""
    if ends_sentence(prev, opened_with, paragraph) or prev[-1:] in "：:" or not cur:
        return False
    if _inside_bracket(prev) and re.match(r"^[^（(]*[）)]", cur) and match_label(cur) is None:
        return True  # (…補正予算（ / 第3号）のうち…: the bracket the line left open closes here, whatever it opens with)
    if opens_paragraph(cur) or cur[:1] in "○◎◆●■□・※":
        return False
    if _HEADING_LINE.match(prev) and not _cut_inside(prev, cur):
        # a heading cut inside a bracket or a word goes on as any line does (below); otherwise it goes
        # on only with a short tail, after a line that filled the width (日程第4
        # 議案第15号 …規則 / －３－ / について): a page, or the labels dumped there, cut it
        pw, cw = widths or (display_width(prev), display_width(cur))
        return width is not None and pw >= width - 1.5 and cw < width * 0.6 \
            and not ends_sentence(cur) and match_label(cur) is None
    if match_label(cur) is not None:
        return False
    if page_break:
        return True
    return (widths[0] if widths else display_width(prev)) >= (width - 3 if width else 30)


def make_blocks(resolved, roles=None) -> list[Block]:
    blocks: list[Block] = []
    open_lines: list[str] = []  # the lines of blocks[-1], joined into its text once the next block opens

    def add(block: Block) -> None:
        if len(open_lines) > 1:
            blocks[-1].text = join_lines(open_lines)
        blocks.append(block)
        open_lines[:] = [block.text] if block.text else []

    for s, brk, m in resolved:
        label = m
        if s.label and m is None:
            label, body = s.label, s.text  # parsed once, where layout placed it
        else:
            body = s.text[m.end:] if m else s.text
        origin = s.origin if brk == s.brk else _judged(brk, s)
        if label is not None:
            add(Block(body if body.strip() else "", brk, s.page, label, not body.strip(), s.hint,
                      gap=s.gap, origin=origin, indented=s.indent > 0))
            continue
        if brk == Break.WRAP and blocks:
            last = blocks[-1]
            if last.cont:
                # (i14) islice, not blocks[:-1]: a copy of every block per wrapped line was quadratic
                next(b for b in itertools.islice(reversed(blocks), 1, None)
                     if not b.label_only and not b.cont).tail += body
            if not last.label_only:
                open_lines.append(body)
                last.nlines += 1
                continue
            target = next((b for b in reversed(blocks) if not b.label_only), None)
            if target is not None:
                # the sentence before a run of label cells goes on here
                target.tail = join_lines([target.tail, body]) if target.tail else body
                add(Block(body, brk, s.page, None, False, s.hint, gap=s.gap, cont=True, origin=origin))
                continue
        add(Block(body, brk, s.page, None, False, s.hint, gap=s.gap, origin=origin,
                  indented=s.indent > 0, soft=s.origin == SOFT))
    if len(open_lines) > 1:
        blocks[-1].text = join_lines(open_lines)
    return blocks


def _judged(brk: Break, s: StreamLine) -> str:
    """Why the text path set this break where the source's own break said otherwise."""
    if brk == Break.WRAP:
        return f"{s.origin or 'break'} judged a wrap: the sentence goes on"
    return f"{s.origin or 'line break'} judged a paragraph break: the line before ends a sentence or is short"
