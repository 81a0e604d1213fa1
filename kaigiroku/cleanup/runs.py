"""Label columns dumped apart from the body: put each run of labels back on its rows.

Tools that read a two-column table column by column print a page's labels as a run of lines
before (or after) the page's body. pdftotext keeps the column's vertical spacing as spacer lines,
so the gaps between labels match the heights of the rows they belong to. Placing the labels is then
a small monotone alignment: labels in order onto rows in order, gaps matched to row heights (a
label may also sit anywhere its row spans: a vertically centred label shifts both ends alike).
Without spacing the labels go to the first rows after the run (or the last rows before it), chosen
by the body's structure where rows are to spare: a turn opens after a sentence end, a heading or a
direction, never right after a sentence cut off; a row after the run opens one only where the text
before the run ended (and, where blank lines part the rows, where one stood around the run); one
speaker's label twice running goes to rows a heading or direction parts. A label goes rather where
the text before calls its speaker or the row's first sentence is its speaker naming themselves
(事務局の今泉でございます。), or its words open a turn (a speaker saying who they are, 北町三丁目の者です。, or a
one-line question) rather than lean on the sentence before (その中には…); the pick of the next speaker
right after a question to the floor (では、窓側の方。) is the asker's words going on; a short line
that ends no sentence is a heading printed plain, not a sentence cut off; a call alone on a soft
row (勅使河原座長代理、どうぞ。) is the chair's sentence going on. Wrapped cells are joined before
counting (textlines.join_wrapped_label_cells).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..charclass import display_width, opens_mid_sentence
from ..model import Break
from .blocks import FIRM, Block, ends_sentence
from .classify import block_kind, items_remark, names_item, reads_as_speech
from .centred import _ENDS_TURN
from .labels import LabelMatch, calls, introduces

GAP_CAP = 3.0  # one badly spaced gap costs no more than this
SKIP = 1.0  # a row left without a label between two labelled rows
EARLY = 1e-3  # among equal fits, prefer rows nearer the run


@dataclass
class Fit:
    cost: float
    rows: list[int]  # block index of each label's row (or -1: label left out)


def find_runs(blocks: list[Block], min_len: int = 2) -> list[tuple[int, int]]:
    """(start, end) block indices of `min_len` or more label cells with no text between."""
    runs, i = [], 0
    while i < len(blocks):
        if blocks[i].label_only:
            j = i
            while j + 1 < len(blocks) and blocks[j + 1].label_only:
                j += 1
            if j + 1 - i >= min_len:
                runs.append((i, j + 1))
            i = j + 1
        else:
            i += 1
    return runs


def column_dumped(blocks: list[Block], runs: list[tuple[int, int]]) -> bool:
    """Most labels stand in runs (or alone at a page's foot) rather than each beside or above its own
    text: the label column was dumped apart."""
    in_runs = sum(b - a for a, b in runs)
    # (and a label cell alone at a page's foot, below all its page's text: a long speech's page holds one
    # label, its column dumped after the page's body, where a label beside or above its text never ends a page)
    ran = {i for a, b in runs for i in range(a, b)}
    at_foot = sum(1 for i, b in enumerate(blocks[:-1]) if b.label_only and i not in ran and b.page is not None
                  and blocks[i + 1].page is not None and blocks[i + 1].page != b.page)
    # (and, dumped before the body, one alone at a page's top over text that goes on with the sentence the
    # page before cut: a label above its own text never stands inside a sentence; the text before the label
    # as printed, not whole_text, which holds the sentence's end that blocks joined on from after the label)
    at_top = {i for i in range(1, len(blocks) - 1) if blocks[i].label_only and i not in ran
              and blocks[i].page is not None and blocks[i - 1].page is not None
              and blocks[i - 1].page != blocks[i].page and blocks[i + 1].page == blocks[i].page
              and blocks[i - 1].label is None and not ends_sentence(blocks[i - 1].text)
              and blocks[i + 1].label is None}
    # (and one alone anywhere over text that goes on with the sentence before it, make_blocks' cont, also
    # where no page furniture marks the pages: a long plenary whose pages mostly hold one label or none has
    # few of its labels in runs, and its labels standing inside sentences show the column dumped)
    inside = {i for i in range(len(blocks) - 1) if blocks[i].label_only and i not in ran and blocks[i + 1].cont}
    alone = at_foot + len(at_top | inside)
    return in_runs + alone > sum(1 for b in blocks if b.label is not None) - in_runs - alone


def _segment(blocks: list[Block], start: int, step: int) -> list[int]:
    """Indices of the text blocks from `start` in direction `step`, up to the next label."""
    out, i = [], start
    while 0 <= i < len(blocks) and blocks[i].label is None:
        out.append(i)
        i += step
    return out if step > 0 else out[::-1]


def _on_its_page(blocks: list[Block], run: tuple[int, int], seg: list[int]) -> list[int]:
    """The texts of `seg` on the run's own page: an extractor dumps each page's label column with
    that page, so a page with no run of its own opens no labelled row (its top goes on with the
    speech of the page before). Where no page breaks are known, every text stays."""
    page = blocks[run[0]].page
    own = [i for i in seg if blocks[i].page == page]
    return own if own else seg


def _eligible(b: Block, level: Break, after_other: bool, indent_paras: bool = False) -> bool:
    """A block that can carry a label: it opens a row, or follows a heading or stage direction."""
    if indent_paras and b.indented and (b.brk < Break.ROW or b.brk == Break.PAGE) and not after_other:
        return False  # an indented paragraph goes on with a speech, also at a page's top; turns start flush
    return not b.cont and (b.brk >= level or after_other) and block_kind(b.whole_text, b.hint) == "speech" \
        and not opens_mid_sentence(b.whole_text)  # (し、バッテリーの… goes on with the page before)


def _said(b: Block) -> bool:
    """A row that reads as speech: it ends a sentence or runs long, and does not only name an agenda item
    (食料安全保障基本法の一部を改正する法律案（内閣提出、衆議院送付）, a heading printed plain, however long)."""
    return reads_as_speech(b.whole_text) and not _item_named(b)


def _tops(blocks: list[Block], seg: list[int]) -> list[int]:
    tops, y = [], 0
    for n, i in enumerate(seg):
        if n:
            y += blocks[seg[n - 1]].nlines + blocks[i].gap
        tops.append(y)
    return tops


def _label_positions(blocks: list[Block], run: tuple[int, int]) -> list[int]:
    pos, y = [], 0
    for n, i in enumerate(range(*run)):
        if n:
            y += 1 + blocks[i].gap
        pos.append(y)
    return pos


def _parted(blocks: list[Block], i: int) -> bool:
    """A blank line parts block i from the text before the run of label cells just before it (on
    either side of the run), or no text comes before: where blank lines part the rows, the row
    before the run ended there."""
    j = i
    while j > 0 and blocks[j - 1].label_only:
        j -= 1
    return j == 0 or blocks[i].gap > 0 or (j < i and blocks[j].gap > 0)  # (or no text before it at all)


def blank_rows(blocks: list[Block]) -> bool:
    """Blank lines part this document's rows (a turn's paragraphs go on with none between): a
    fair share of its paragraphs open after one."""
    texts = [b for b in blocks if b.lines and not b.cont]
    parted = sum(1 for b in texts if b.gap > 0)
    return parted >= 5 and parted >= 0.25 * len(texts)


def fit_run(blocks: list[Block], run: tuple[int, int], seg: list[int], level: Break, forward: bool,
            indent_paras: bool = False, rows_parted: bool = False, width: float | None = None) -> Fit:
    k = run[1] - run[0]
    # a block opens a row after a heading or direction; right after a run of labels its break is
    # hidden, so whether it opens one is settled by which reading gives as many rows as labels
    # (a heading indented as the paragraphs are, 　日程第一　…, or inside a row where blank lines part
    # the rows, is an item a speech reads out: the text after it goes on with that speech)
    def read_out(b: Block) -> bool:
        # (and the chair's remark on the items read out, （いずれも概要報告）: 以上三件を… goes on after it)
        return (indent_paras and b.indented) or b.brk < level or items_remark(b.whole_text)

    def rows_of(first_opens: bool) -> list[int]:
        return [n for n, i in enumerate(seg)
                if _eligible(blocks[i], level, ((n == 0 and first_opens) or
                             (n > 0 and block_kind(blocks[seg[n - 1]].whole_text, blocks[seg[n - 1]].hint) != "speech"
                              and not read_out(blocks[seg[n - 1]]))),
                             indent_paras)]

    hidden = bool(seg) and seg[0] > 0 and blocks[seg[0] - 1].label_only
    rows = rows_of(hidden)
    if hidden and rows_parted and not _parted(blocks, seg[0]):
        # no blank line around the run: the row before it goes on after it (whatever the page break says)
        rows = [r for r in rows_of(False) if r != 0]
    elif hidden:
        without = rows_of(False)
        # counted by the rows that read as speech (a bare heading, 会計管理の状況及び選挙費, takes no label)
        said, said_without = (sum(1 for r in x if _said(blocks[seg[r]])) for x in (rows, without))
        if said_without > k or (said_without == k and len(without) > k):
            # rows to spare either way, so the count cannot tell: the text before the run can (a
            # sentence cut there goes on after the run; one that ended lets the row open a turn)
            # (an indented paragraph goes on with the speech where the document indents its paragraphs)
            before = _text_before(blocks, seg[0])
            if (indent_paras and blocks[seg[0]].indented) or before is not None and \
                    not ends_sentence(before.whole_text) and block_kind(before.whole_text, before.hint) == "speech":
                rows = without
        elif abs(said_without - k) < abs(said - k) or (said_without == said and abs(len(without) - k) < abs(len(rows) - k)):
            rows = without
    if hidden and rows and rows[0] == 0:
        before = _text_before(blocks, seg[0])
        if before is not None and re.search(r"[、，,]$", before.whole_text.rstrip()):
            # (a page that ended inside a clause, 第一に、…第二に、…の推進、, goes on at the next page's
            # first row: no turn, and no heading, ends on a comma, however the row opens: 第三に、…)
            rows = rows[1:]
    if not rows:
        return Fit(float(k) * GAP_CAP, [-1] * k)
    pos = _label_positions(blocks, run)
    spaced = any(b - a > 1 for a, b in zip(pos, pos[1:]))
    if not spaced or len(rows) < k:
        # no spacing to go by: the rows nearest the run, passing over captions (要旨は次のとおり) and
        # headings run into a time note (審査の経過午前10時開会), which open no turn, when there are
        # enough rows that read as speech. Soft rows (a flush line after a sentence end: mostly a
        # wrap that happened to fall there) are weighed with the rest (_best_rows, SOFT_COST), never
        # passed over because the firm rows happen to number the labels: a wrap may also have
        # fallen short of the width, making a firm row of a speech going on
        said = [r for r in rows if _said(blocks[seg[r]])]
        pool = said if len(said) >= k else rows
        if len(pool) > k:
            # more rows than labels: the rows most likely to open a turn (after a direction, a
            # question or a call), then those nearest the run
            labels = [blocks[i].label for i in range(*run)]
            chosen = [pool[n] for n in _best_rows(blocks, [seg[r] for r in pool], labels, forward, indent_paras, width)]
        else:
            chosen = pool[:k] if forward else pool[-k:]
        picked = [seg[r] for r in chosen] + [-1] * (k - len(chosen))
        if not forward:
            picked = [-1] * (k - len(chosen)) + [seg[r] for r in chosen]
        return Fit(abs(len(rows) - k) * 0.5 + (k - len(chosen)) * GAP_CAP, picked)
    tops = _tops(blocks, seg)
    top = [tops[r] for r in rows]
    m = len(rows)
    inf = float("inf")
    # best[i][j]: labels 0..i placed, label i on rows[j]
    best = [[inf] * m for _ in range(k)]
    back = [[-1] * m for _ in range(k)]
    for j in range(m):
        best[0][j] = EARLY * (j if forward else m - 1 - j)
    for i in range(1, k):
        want = pos[i] - pos[i - 1]
        for j in range(i, m):
            for jp in range(i - 1, j):
                if best[i - 1][jp] == inf:
                    continue
                if want <= 1:
                    # labels on consecutive lines kept no spacing: their rows may be any distance apart
                    c = best[i - 1][jp]
                else:
                    c = best[i - 1][jp] + min(abs(want - (top[j] - top[jp])), GAP_CAP) + SKIP * (j - jp - 1)
                if c < best[i][j]:
                    best[i][j], back[i][j] = c, jp
    j = min(range(m), key=lambda x: best[k - 1][x])
    cost = best[k - 1][j]
    chosen = [j]
    for i in range(k - 1, 0, -1):
        j = back[i][j]
        chosen.append(j)
    chosen.reverse()
    return Fit(cost, [seg[rows[c]] for c in chosen])


def _text_before(blocks: list[Block], i: int) -> Block | None:
    """The last block of text before block i, past any label cells between."""
    j = i - 1
    while j >= 0 and blocks[j].label_only:
        j -= 1
    return blocks[j] if j >= 0 else None


def line_width(blocks: list[Block]) -> float | None:
    """About how wide the document's wrapped lines are: the mean line of its paragraphs of three
    lines or more (their last lines make it a little short)."""
    long = [(display_width(b.text), b.nlines) for b in blocks if b.nlines >= 3 and b.text]
    return sum(w for w, _ in long) / sum(n for _, n in long) if long else None


def _short_line(b: Block, width: float | None) -> bool:
    """A line well short of the wrap that ends no sentence and holds no clause (前回の議論の整理): a
    heading or caption printed plain, not a sentence a wrap cut off."""
    t = b.whole_text.strip()
    # (where no paragraph wraps at all, each line a whole paragraph, no line is a sentence a wrap cut
    # off: one that ends no sentence and holds no clause is a heading, 地域医療…法案（内閣提出）の趣旨説明)
    return b.nlines == 1 and (width is None or display_width(t) <= 0.5 * width) and not re.search(r"[、，,。]", t)


def _item_named(b: Block) -> bool:
    """A block that only names an agenda item (食料安全保障基本法の一部を改正する法律案（内閣提出、衆議院送付）,
    …法律案（内閣提出）の趣旨説明): a heading printed plain, whose item the chair then reads out."""
    t = b.whole_text.strip()
    return "。" not in t and names_item(t)


def _turn_cue(blocks: list[Block], i: int, width: float | None = None) -> float:
    """How plainly the text before block i ends a turn: a heading or direction, a label standing
    alone, a question or a call."""
    before = blocks[i - 1] if i else None
    across_run = before is not None and before.label_only
    if across_run:
        # a run of labels just before stands wherever the page ended: where the text before it ended a
        # sentence, that sentence's end is the cue (a wrap may have fallen there at the page break)
        before = _text_before(blocks, i)
        if before is None or block_kind(before.whole_text, before.hint) != "speech" or not ends_sentence(before.whole_text):
            return 1.0
    if before is None:
        return 1.0
    if items_remark(before.whole_text):
        return 0.0  # （いずれも概要報告）: the chair's remark on the items read out; the chair goes on
    if block_kind(before.whole_text, before.hint) != "speech":
        return 2.0
    if not ends_sentence(before.whole_text):
        if _short_line(before, width) or _item_named(before):
            return 2.0  # a heading printed plain
        return CUT  # the sentence before goes on (白鷺 / 第二中学校の…: a wrap that looked like a numbered line)
    if _APPLAUDED.search(before.whole_text):
        if _opening_applause(blocks, next(j for j in range(i - 1, -1, -1) if blocks[j] is before)):
            return 0.0  # the applause that greets a speaker's first words: the speech goes on
        return 2.0  # (拍手) printed at the end of a speech, a direction: the speech ended (a question may not)
    if _ENDS_TURN.search(before.whole_text) or (_ASKS_FOR_ANSWER.search(before.whole_text.rstrip())
                                                 and not _ASKS.search(blocks[i].whole_text.rstrip()[-3:])):
        # (a request for an answer, …の内訳を教えてください。, …していただきたいと思います。, is a question put as
        # one, unless the row asks again: …教えてください。/ 私たちの意見は、…出せるのでしょうか。 is the asker
        # going on)
        return 1.5
    if _HANDS_OVER.search(before.whole_text) or (across_run and _CALLS_SOMEONE.search(before.whole_text)):
        # a request or a call (大臣、よろしくお願いいたします。): someone else speaks next; a call alone
        # (盛山文部科学大臣。) counts where a page ended in it, the page's labels dumped between (on one page
        # the label's own name in the call is the cue, see _called)
        return 1.0
    if _QUESTION_TAKEN_UP.search(before.whole_text.rstrip()):
        return TAKEN_UP  # …についてお尋ねがありました。: the one answering goes on to answer it
    return 0.5 if _ASKS.search(before.whole_text) else 0.0  # a question, then a remark: an answer follows


# an answer names the question it takes up before answering it (…についてお尋ねがありました。, …との御質問が
# ございました。): never the last words of a turn
_QUESTION_TAKEN_UP = re.compile(r"(?:お尋ね|御質問|ご質問|御指摘|ご指摘)が(?:ありました|ございました)。$")
TAKEN_UP = -0.5
# the chair's whole turn calling the next speaker (国務大臣若狭友里君。, 土井垣修君。), and the chairs who call
_CALL_ONLY = re.compile(r"^(?:次に[、，])?[^\u3041-\u3096。、，\s\u3000]{2,16}君。$")
_CHAIR = re.compile(r"(?:議長|委員長|会長|座長)$")
CALL_BY_OTHER = 1.0


def _next_question(b: Block) -> bool:
    """The row takes up the next question of the ones answered (地方公共団体の…標準化についてお尋ねがありました。)
    without naming who asked: the answer going on; an answer's first words name the asker (桐谷議員から、…)."""
    text = b.whole_text.lstrip()
    first = text[:text.find("。") + 1] if "。" in text else ""
    return bool(first) and _QUESTION_TAKEN_UP.search(first) is not None and not re.search(r"(?:議員|委員|君)(?:から|の)", first)


_ASKS_FOR_ANSWER = re.compile(r"(?:(?:教えて|お聞かせ|お示し|御説明|ご説明|説明して|御答弁|答弁して)(?:ください|下さい|いただきたい|いただけますか)"
                              r"|[てで]いただき(?:たい|たかった))(?:と(?:思います|存じます))?。$")


def _opening_applause(blocks: list[Block], j: int) -> bool:
    """Block j, ending in （拍手）, is the first paragraph of a turn: a plenary prints the applause that
    greets a speaker after their opening words (…討論を行います。（拍手）), so the speech goes on after it,
    also where a page ends there. A turn opens at j where it carries a label or follows a heading or
    direction (〔…君登壇、拍手〕), past any run of label cells between."""
    b = blocks[j]
    if b.label is not None and not b.label_only:
        return True
    k = j - 1
    while k >= 0 and blocks[k].label_only:
        k -= 1
    return k >= 0 and bool(blocks[k].lines) and block_kind(blocks[k].whole_text, blocks[k].hint) != "speech"


_APPLAUDED = re.compile(r"[（(〔［\[]拍手[）)〕］\]][\s\u3000]*$")
# the chair's last sentence only names whom it calls (…順次これを許します。盛山文部科学大臣。 / 次に、青山文部科学
# 副大臣。 / 古賀信之君。): a name and a title, no words of its own, whatever name the label prints
_CALLS_SOMEONE = re.compile(r"(?:^|[。？])[\s\u3000]*(?:次に[、，])?[^\u3041-\u3096。、，\s\u3000]{1,16}"
                            r"(?:君|大臣|政務官|委員長|委員|議員|参考人|長官|局長|部長|課長|さん)。[\s\u3000]*$")
_ASKS = re.compile(r"(?:か|ね)[。？?]|[？?]")
_HANDS_OVER = re.compile(r"(?:(?:お願い(?:します|いたします|致します|申し上げます)|どうぞ)。|[（(]拍手[）)])[\s\u3000]*$")


def _called(blocks: list[Block], i: int, label: LabelMatch) -> bool:
    """The last sentence before block i names the label's speaker: the chair's call of the next
    speaker (大臣、よろしくお願いいたします。 / 東座長にお願いいたします。 / 田中委員、どうぞ。 / 原構成員、
    どうぞ。 for 原健太郎)."""
    # (past a run of label cells between: a page that ended in the call, 盛山文部科学大臣。, and opens with
    # the called one's speech, whichever side of the body the page's labels were dumped)
    before = _text_before(blocks, i) if i else None
    if before is None:
        return False
    text = before.whole_text.rstrip()
    last = text[text.rstrip("。？！?!").rfind("。") + 1:] if text else ""
    # (whoever a direction says leaves, 〔議長退席、副議長着席〕, is not called: the one who takes the chair is)
    return calls(_LEAVES.sub("", last), label)


_LEAVES = re.compile(r"[^、，〔［（(＜<]*?(?:退席|退室|退場|降壇)")


def _calls_next(blocks: list[Block], i: int, label: LabelMatch, following: LabelMatch | None) -> bool:
    """Block i ends in a call of the speaker of the label after `label` (久保田委員。 / 岡本委員、どうぞ。):
    the chair's words, so `label` is the caller's and the next label opens the called one's turn."""
    if following is None or (following.speaker, following.name) == (label.speaker, label.name):
        return False
    text = blocks[i].whole_text.rstrip()
    last = text[text.rstrip("。？！?!").rfind("。") + 1:] if text else ""
    return calls(last, following) and not calls(last, label)


def _calls_itself(blocks: list[Block], i: int, label: LabelMatch) -> bool:
    """Block i opens with a call that hands over to the label's own speaker (原構成員、どうぞ。 for
    原健太郎): the chair's words before that speaker's turn, never that speaker's first words."""
    text = blocks[i].whole_text.lstrip()
    first = text[:text.find("。") + 1] if "。" in text else ""
    return bool(first) and _HANDS_OVER.search(first) is not None and calls(first, label)


def _introduced(blocks: list[Block], i: int, label: LabelMatch) -> bool:
    """Block i's first sentence is the label's speaker naming themselves (事務局の今泉でございます。)."""
    text = blocks[i].whole_text.lstrip()
    return introduces(text[:text.find("。") + 1] if "。" in text else text, label)


def _call_alone(blocks: list[Block], i: int) -> bool:
    """Block i is nothing but a call handing over to the next speaker (勅使河原座長代理、どうぞ。): as a
    soft row, the tail of the chair's sentence a wrap left at a line start, not a turn."""
    text = blocks[i].whole_text.strip()
    return text.count("。") == 1 and text.endswith("。") and len(text) <= 20 and _HANDS_OVER.search(text) is not None


_PICK = re.compile(r"^(?:(?:では|はい|じゃあ)[、，])?[^。、，]{1,12}(?:の方|さん|君)(?:[、，](?:どうぞ|お願いします|お願いいたします))?。$")
PICKED = 2.5  # a row that only picks the next speaker after a question to the floor is the asker's


def _picks_from_the_floor(blocks: list[Block], i: int) -> bool:
    """Block i only picks the next speaker from the floor (では、窓側の方。, はい、後ろの方、どうぞ。,
    勅使河原さん、どうぞ。) right after a question put to it (ほかにいかがでしょうか。): the one who asked
    goes on to pick, also where a page or a run of labels fell between; the one picked speaks next."""
    before = _text_before(blocks, i)
    return before is not None and _PICK.match(blocks[i].whole_text.strip()) is not None \
        and block_kind(before.whole_text, before.hint) == "speech" and _ASKS.search(before.whole_text.rstrip()[-3:]) is not None


def _ends_unindented(blocks: list[Block], i: int) -> bool:
    """No indented paragraph follows block i: where a wrap fell at a sentence end inside a speech,
    that speech mostly goes on in indented paragraphs; a turn that opens at a soft row mostly ends
    before the next flush row or run of labels."""
    return i + 1 >= len(blocks) or not (blocks[i + 1].indented and blocks[i + 1].label is None)


# a sentence that leans on the one before it (その点は…, また、…, なお、…): mostly the same speaker going
# on after a wrap that fell at a sentence end, rarely a turn's first words (それでは, この際 and
# これより do open turns, so they are not here)
_GOES_ON = re.compile(r"^(?:その(?:点|上で|ため|ほか|後|中|際)|これに(?:より|よって|よりまして)|このため|また[、，]|なお[、，]|さらに|加えて|あわせて|併せて"
                      r"|しかし|しかしながら|ただし|ただ[、，]|一方|つまり|したがって|従って|そこで|それから|それに)")
LEANS_BACK = 1.0  # a soft row whose sentence leans on the one before weighs this much less
# the words a turn mostly opens with (the chair's それでは, an answer's はい, thanks for a question or
# for what it pointed out: 御指摘ありがとうございます; an answer taking up the points it was asked in turn:
# 1点目につきましては, まず、2点目の…についてでございますが; a follow-up taking up what the answer said:
# 前倒しで更新するということですが、…)
_OPENS_TURN = re.compile(r"^(?:それでは|では[、，]|(?:[御ご](?:指摘|質問|意見|提案)(?:を?いただき)?)?ありがとうございま|はい[、，。]"
                         r"|(?:まず[、，]?)?[0-9０-９一二三四五]点目(?:の[^。]{0,30}?)?(?:につきまして|について|でございますが)"
                         r"|[^。]{1,40}?(?:という|との)(?:こと|御答弁|答弁|御説明|説明)(?:です|でした|でございます|でございました)?(?:が|けれども|けど)[、，])")
OPENS = 0.5  # a row that opens as turns do weighs this much more than one that does not


# a first sentence in which a speaker says who they are, by where they come from (北町三丁目の者です。,
# 防災安全課の谷口です。, 都市計画課長の百瀬でございます。): a turn's first words, whoever the label names
_SAYS_WHO = re.compile(r"^[^、。，．\s]{1,12}の[^、。，．の\s]{1,6}(?:です|でございます|と申します)。")


def _asks_alone(blocks: list[Block], i: int) -> bool:
    """Block i is one line asking one question, either of the floor for more (ほかに御意見はございますか。)
    or right after the answer to a question (…提供します。/ カメラが設置されていることは、どのように周知しますか。):
    a short turn of its own, rather than a speech's last sentence that a wrap happened to leave at a line
    start (a member's remarks may end in their question so: …よく耳にします。/ 改善は図られるのですか。)."""
    b = blocks[i]
    text = b.whole_text.strip()
    if b.nlines != 1 or len(re.findall(r"[。？?！!]", text)) != 1 or _ASKS.search(text) is None or text[-1] not in "。？?":
        return False
    if _FLOOR.match(text):
        return True
    j = i - 1  # the answer's block, past any label cells
    while j >= 0 and blocks[j].label_only:
        j -= 1
    asked = _text_before(blocks, j) if j > 0 else None
    return asked is not None and block_kind(asked.whole_text, asked.hint) == "speech" \
        and _ASKS.search(asked.whole_text.rstrip()[-3:]) is not None


_FLOOR = re.compile(r"^(?:ほかに|他に|その他|そのほか)[^。]*(?:か|ね)[。？?]$")


def _opens_as_turns_do(blocks: list[Block], i: int) -> bool:
    """Block i's first words are a turn's: a chair's それでは, an answer's はい, thanks, a speaker saying
    who they are, or a one-line question of its own."""
    text = blocks[i].whole_text.lstrip()
    return _OPENS_TURN.match(text) is not None or _SAYS_WHO.match(text) is not None or _asks_alone(blocks, i)


def _says_who(b: Block) -> bool:
    """Block b opens with its speaker saying who they are (北町一丁目の者です。, 道路建設課長の猪狩でございます。):
    words no speech goes on with after a wrap, whichever row a wrap left at a sentence end before."""
    return _SAYS_WHO.match(b.whole_text.lstrip()) is not None


SAYS_WHO = 1.0  # on top of OPENS: a speaker saying who they are opens a turn more surely than それでは does


def _announces_recess(b: Block) -> bool:
    """Block b is nothing but the chair calling a recess or closing the sitting (暫時休憩いたします。,
    ここで10分間休憩いたします。, 本日はこれにて散会いたします。): a short turn of the chair's own after the
    last speaker's words, the recess noted after it."""
    return _RECESS.match(b.whole_text.strip()) is not None


_RECESS = re.compile(r"^[^。]{0,16}?(?:休憩|散会|閉会)(?:いたします|します|とします|といたします)。$")
ANNOUNCES = 1.0  # a row that only calls a recess weighs this much more (a wrap rarely leaves it alone)


CALLED = 1.0  # the call of a speaker weighs less than a heading or a question before the row
CALLS_NEXT = 1.0  # a firm row ending in the call of the next label's speaker is the caller's
INTRODUCED = 1.0  # a row whose speaker names themselves (今泉でございます。) as the label's does
SELF_CALL = 2.0  # a row that hands over to the label's own speaker is the chair's, not theirs
CALL_TAIL = 1.0  # a soft row that is only a call weighs this much less (the chair's words go on)
CUT = -2.0  # a row after a sentence cut off: rather a wrap the text path took for a paragraph
SAME_SPEAKER = 2.0  # one speaker's label on two rows with only speech between weighs against them
PLAIN_ITEM = 2.0  # a row that only names an agenda item is a heading printed plain: it opens no turn
SOFT_COST = 3.0  # a soft row is taken over a firm one only where the firm rows fall short


def _soft(blocks: list[Block], i: int, indent_paras: bool) -> bool:
    """A row that may as well be a wrap that fell at a sentence end: a flush line after one (soft),
    or, where paragraphs are indented, a flush page top (the page may have cut a speech there), also
    one right after the page's run of labels, which took the page break."""
    b = blocks[i]
    j = i
    while j > 0 and blocks[j - 1].label_only:
        j -= 1
    top = b.brk == Break.PAGE or (j < i and blocks[j].brk == Break.PAGE)  # (a run that opened a page)
    # (a page whose text before ended in a direction or heading, 〔拍手〕, cut no speech there)
    before = _text_before(blocks, i) if top else None
    cut_speech = before is None or block_kind(before.whole_text, before.hint) == "speech"
    # (unless the page before ended on a short line: it cut no speech, blocks.FIRM)
    return b.soft or (indent_paras and top and not b.indented and not b.cont and cut_speech and b.origin != FIRM)


def _best_rows(blocks: list[Block], rows: list[int], labels: list[LabelMatch], forward: bool,
               indent_paras: bool = False, width: float | None = None) -> list[int]:
    """Positions in `rows` (block indices, more than labels) of the rows the labels go to, in order:
    the monotone choice with the plainest turn ends before them, a label going where the text
    before calls its speaker; among equals, the rows nearest the run."""
    k, m = len(labels), len(rows)
    cue = [_turn_cue(blocks, i, width) - (SOFT_COST - 0.5 * _ends_unindented(blocks, i)
                                          + LEANS_BACK * bool(_GOES_ON.match(blocks[i].whole_text))
                                          + CALL_TAIL * _call_alone(blocks, i)) * _soft(blocks, i, indent_paras)
           + OPENS * _opens_as_turns_do(blocks, i) + SAYS_WHO * _says_who(blocks[i])
           + ANNOUNCES * _announces_recess(blocks[i])
           - PICKED * _picks_from_the_floor(blocks, i)
           - PLAIN_ITEM * _item_named(blocks[i]) - LEANS_BACK * _next_question(blocks[i])
           for i in rows]
    near = [EARLY * (m - 1 - n if forward else n) for n in range(m)]
    # (a row that only calls someone, 国務大臣若狭友里君。, is the chair's: another's label goes elsewhere)
    call_only = [_CALL_ONLY.match(blocks[i].whole_text.strip()) is not None for i in rows]
    # (a soft row that ends in a call is rather the caller's sentence going on than a turn of its own)
    soft = [_soft(blocks, i, indent_paras) for i in rows]
    # heading or direction blocks up to each block: the same speaker twice running needs one between
    others, seen = [], 0
    if any((a.speaker, a.name) == (b.speaker, b.name) for a, b in zip(labels, labels[1:])):
        for b in blocks[:rows[-1] + 1]:
            others.append(seen)
            seen += bool(b.lines) and block_kind(b.whole_text, b.hint) != "speech"
        others.append(seen)
    neg = float("-inf")
    best = [[neg] * m for _ in range(k)]
    back = [[-1] * m for _ in range(k)]
    for j in range(k):
        run_best, run_at = neg, -1  # the best of best[j-1][0 .. n-1]
        again = j > 0 and (labels[j].speaker, labels[j].name) == (labels[j - 1].speaker, labels[j - 1].name)
        for n in range(j, m - (k - 1 - j)):
            gain = cue[n] + near[n] + CALLED * _called(blocks, rows[n], labels[j]) \
                + INTRODUCED * _introduced(blocks, rows[n], labels[j]) \
                - SELF_CALL * _calls_itself(blocks, rows[n], labels[j]) \
                + CALLS_NEXT * (not soft[n] and _calls_next(blocks, rows[n], labels[j], labels[j + 1] if j + 1 < k else None)) \
                - CALL_BY_OTHER * (call_only[n] and not _CHAIR.search(labels[j].speaker or ""))
            if again:
                # one speaker's two turns in a row stand apart only across a heading or direction
                # (…ございますか。/（なし）/ 議案第15号 / 日程第4、…): two rows with only speech between
                # are rather one speech that a wrap cut at a sentence end
                cands = [(best[j - 1][p] - (SAME_SPEAKER if others[rows[n]] == others[rows[p] + 1] else 0.0), p)
                         for p in range(j - 1, n) if best[j - 1][p] > neg]
                if cands:
                    top, at = max(cands)
                    best[j][n], back[j][n] = top + gain, at
                continue
            if j:
                if best[j - 1][n - 1] > run_best:
                    run_best, run_at = best[j - 1][n - 1], n - 1
                if run_best == neg:
                    continue
            best[j][n], back[j][n] = (run_best if j else 0.0) + gain, run_at
    n = max(range(m), key=lambda x: best[k - 1][x])
    out = [n]
    for j in range(k - 1, 0, -1):
        n = back[j][n]
        out.append(n)
    return out[::-1]


def label_runs(blocks: list[Block]) -> tuple[list[tuple[int, int]], bool]:
    """The runs of label cells to place, and whether the label column was dumped apart. Where it
    was, a lone label is a run too; among inline labels it is just a label standing on its own line
    before its text."""
    runs = find_runs(blocks)
    dumped = column_dumped(blocks, runs)
    return (find_runs(blocks, min_len=1) if dumped else runs), dumped


def pages_without_labels(blocks: list[Block], runs: list[tuple[int, int]], dumped: bool) -> set:
    """The pages of a document whose label column was dumped apart that have no run of labels of
    their own: an extractor dumps each page's column with that page, so no turn opens on them and
    each of their rows goes on with the speech open from the page before. Empty where the pages
    are not known (one page throughout) or the column was not dumped."""
    if not dumped or not runs:
        return set()
    pages = {b.page for b in blocks if b.page is not None}
    if len(pages) < 2:
        return set()
    return pages - {blocks[i].page for a, b in runs for i in range(a, b)}


def place_label_runs(blocks: list[Block], runs: list[tuple[int, int]], level: Break) -> dict[int, LabelMatch]:
    """Block index -> the label that belongs to it, for every run of labels.

    Whether a document prints its label columns before or after the body it labels is decided once
    for the whole document, by which reading fits all runs better.
    """
    if not runs:
        return {}
    # where paragraphs are indented, an indented paragraph never opens a turn (turns start flush)
    indent_paras = sum(1 for b in blocks if b.indented and b.lines) >= 3
    parted = blank_rows(blocks)
    width = line_width(blocks)
    fits = {}
    for forward in (True, False):
        fits[forward] = [fit_run(blocks, r, _on_its_page(blocks, r, _segment(blocks, r[1], 1) if forward
                                                         else _segment(blocks, r[0] - 1, -1)),
                                 level, forward, indent_paras, parted, width) for r in runs]
    forward = sum(f.cost for f in fits[True]) <= sum(f.cost for f in fits[False])
    # a run before any text, or after all of it, shows on which side this document prints its labels
    said = [i for i, b in enumerate(blocks) if b.lines and block_kind(b.whole_text, b.hint) == "speech"]
    if said and runs[0][1] <= said[0] and not (runs[-1][0] > said[-1]):
        forward = True
    elif said and runs[-1][0] > said[-1] and not (runs[0][1] <= said[0]):
        forward = False
    placed: dict[int, LabelMatch] = {}
    for r, f in zip(runs, fits[forward]):
        for i, row in zip(range(*r), f.rows):
            if row >= 0 and row not in placed:
                placed[row] = blocks[i].label.moved(
                    f"label run of {r[1] - r[0]} {'before' if forward else 'after'} its texts: placed by "
                    + ("row spacing" if f.cost < (r[1] - r[0]) * GAP_CAP and any(b.gap for b in blocks[r[0]:r[1]])
                       else "order and count"))
    return placed
