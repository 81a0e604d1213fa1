"""Labels printed level with the middle of their speech (a table whose label cells are vertically
centred), which text extraction puts inline on a middle line: `…説明を\n説明員　いたします。…`.

Such a label cuts a sentence in two, which no label at the start of a speech does. When enough
labels do, the document is read as centred: each label stays in its turn, and the turn starts are
chosen among the paragraph starts so that every label sits as near the middle of its turn as it can.
No turn runs across a heading or direction, also a heading printed plain (前回の議論の整理).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..model import Break, LabelMatch
from ..charclass import display_width, is_kana_kanji, is_kanji
from .blocks import _HEADING_LINE, _PARTICLE_OPEN, _kana_cut, _line_break, ends_sentence, opens_paragraph, wrap_width
from .classify import AGENDA, NUMBERED, _ITEM_END, bare_heading, block_kind, from_the_floor, items_remark, names_item


UNWRAPPED_FULL = 30  # display width of a line that may have been wrapped where no common width shows


def _cuts_sentence(prev_body: str | None, body: str, width: float | None = None) -> bool:
    """The label stands inside a sentence: the line before it is a full wrapped line that stopped
    mid-word (not a heading, nor a speech closed by a direction such as （拍手）, nor a URL or page number
    left by furniture). Where no common width shows, a long line counts as full: a short one that
    stops mid-word is a heading of its own (前回の議論の整理)."""
    # (or a full line that closed a bracket, the item's name put on the agenda, before the particle its
    # sentence goes on with: 日程第四　…法律案（内閣提出、衆議院送付） / 副議長　を議題といたします。)
    if not (bool(prev_body) and not ends_sentence(prev_body) and not opens_paragraph(body)
            and display_width(prev_body) >= (width - 3 if width is not None else UNWRAPPED_FULL)
            and not _wider_than_wrapped(prev_body, width)):
        return False
    last = prev_body.rstrip()[-1:] or " "
    if (is_kana_kanji(last) or last in "）)") and _PARTICLE_OPEN.match(body):
        return True  # (an item's name, heading-like, goes on into the chair's sentence: …法等の一部 / 議長　を改正する…)
    return ((is_kana_kanji(last) or _clause_or_number_cut(prev_body, body))
            and (not _HEADING_LINE.match(prev_body.strip()) or _heading_tail(prev_body, body, width))
            # (a numbered item read out, 一、国道と…確保するた / 調整官　め。, reads as a heading until the
            # label's line goes on with the word the wrap cut)
            and (block_kind(prev_body) == "speech" or _item_read_out(prev_body) or _kana_cut(prev_body, body)
                 or _heading_tail(prev_body, body, width)))


def _clause_or_number_cut(prev_body: str, body: str) -> bool:
    """A full line that stops after a clause's comma (…利用に当たっては、) or inside a figure (…として4, /
    860万円を…, …として4,860 / 万円を…): the sentence goes on past the wrap, as no speech's last line does."""
    a, b = prev_body.rstrip()[-1:], body.lstrip()[:1]
    return a in "、，" or a.isdigit() or (a in ",." and b.isdigit() and prev_body.rstrip()[-2:-1].isdigit())


def _item_read_out(line: str) -> bool:
    """A numbered item a speaker reads out, its name and then prose with a clause's comma (①安否確認訓練　各自治会で
    黄色いタオルを…いただき、班長さんが…): the line is speech, never a heading, although it opens as one does.
    (An item of the day, 日程第一　…決算、…決算, is a heading however long: it names its items, no clause.)"""
    t = line.strip()
    head, sep, rest = t.partition("\u3000")
    return bool(sep) and NUMBERED.match(t) is not None and not AGENDA.match(t) and display_width(head) <= 16 \
        and "、" in rest and not _ITEM_END.search(rest.split("、")[0])


def _heading_tail(prev_body: str, body: str, width: float | None) -> bool:
    """A full heading line cut inside a word and the short tail of its name on the label's line (日程第二　…
    現在額総 / 議長　計算書): the item goes on, no turn opens with the tail."""
    return width is not None and _kana_cut_or_word(prev_body, body) and display_width(body) < 0.6 * width \
        and not ends_sentence(body) and not re.search(r"[、，,。]", body)


def _kana_cut_or_word(prev_body: str, body: str) -> bool:
    """The wrap fell inside a word: between two kanji (総 / 計算書) or two kana."""
    a, b = prev_body.rstrip()[-1:], body.lstrip()[:1]
    return (is_kanji(a) and is_kanji(b)) \
        or _kana_cut(prev_body, body)


# what a wrap may leave hanging past the line's width: characters a line never starts with
_HANGS = "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮー"


def _wider_than_wrapped(line: str, width: float | None) -> bool:
    """A short line with no comma, wider than the document's wrap width where no hanging character
    explains it, was not cut by that wrap: a heading printed whole in a narrow text column (| |
    標準データ形式の案について |). (The width is the commonest one: a speech's first lines may run
    wider, but they are prose, with commas.)"""
    line = line.strip()
    return width is not None and width + 0.5 < display_width(line) <= 24 and not re.search(r"[、，,。]", line) \
        and line[-1:] not in _HANGS


def _space_after(s, m: LabelMatch) -> int:
    """Full-width spaces between a label and its text (委員長:　特に… : 1): a paragraph's indent is
    one, where a letter-spaced head's own spacing is not."""
    head = s.text[:m.end]
    return head[len(head.rstrip(" \u3000\t")):].count("\u3000")


def _indents_inner_paragraphs(resolved) -> int | None:
    """Where paragraphs inside a speech are indented, the spaces after a label that opens a speech
    (the document's usual count); None where paragraphs are not indented."""
    if sum(1 for s, _, m in resolved if m is None and s.indent > 0) < 3:
        return None
    spaces = Counter(_space_after(s, m) for s, _, m in resolved if m is not None and s.text[m.end:].strip())
    return spaces.most_common(1)[0][0] if spaces else None


def is_centred(resolved) -> bool:
    """Labels cut sentences often enough that they are printed level with the middle of their speech.
    A cut is firm evidence (a label at a speech's start never stands mid-word after a full line), so
    two suffice even where most speeches are too short to put their label anywhere but the first line
    (wide pages: few speeches run to the three lines a cut needs). So is a label before an indented
    paragraph where speeches open flush (委員長:　特に… among 委員長:理事辞任…): it stands inside a
    speech, at one of its inner paragraphs."""
    width = wrap_width([s.text[m.end:] if m else s.text for s, _, m in resolved])
    usual = _indents_inner_paragraphs(resolved)
    labelled, cutting, firm = 0, 0, 0
    prev = before = None
    for s, brk, m in resolved:
        body = s.text[m.end:] if m else s.text
        # a label the page's geometry put at its line's start (settled) was judged there, against the
        # label column's alignment: no evidence here (a run-in label's space is no paragraph indent)
        if m is not None and body.strip() and not s.settled:
            labelled += 1
            cut = _cuts_sentence(prev, body, width)
            # (a line alone between a sentence's end and the label that reads as a heading, 前回の議論の整理,
            # 標準データ形式の案について, may fill a narrow page's line by chance: such cuts count only beside a
            # cut inside a speech's lines; and an agenda item named so never counts)
            heading = cut and before is not None and ends_sentence(before) and bare_heading(prev, True)
            if heading and names_item(prev):
                cut = False
            vote = cut or (usual is not None and _space_after(s, m) > usual)
            cutting += vote
            firm += vote and not heading
        if body.strip():
            prev, before = body, prev
    return cutting >= 2 and cutting >= 0.03 * labelled and firm >= 1


def recentre(resolved):
    """Move each label from its middle line to the start of its turn (when the document is centred)."""
    if not is_centred(resolved):
        return resolved
    width = wrap_width([s.text[m.end:] if m else s.text for s, _, m in resolved])
    lines = []  # (stream line with label removed, break as if unlabelled, label)
    prev = None
    for s, brk, m in resolved:
        if m is not None and s.text[m.end:].strip():
            body = s.text[m.end:]
            brk = Break.WRAP if _cuts_sentence(prev, body, width) else max(_line_break(prev, body, width), s.brk)
            lines.append((replace(s, text=body), brk, m.moved("printed mid-speech (centred cell): moved to the turn start that puts it nearest the middle")))
        else:
            lines.append((s, brk, m))
        body = s.text[m.end:] if m else s.text
        prev = body if body.strip() else prev
    out = list(lines)
    for a, b in _segments(lines, width):
        starts = _place(lines, a, b)
        for i in range(a, b):
            s, brk, m = lines[i]
            if m is not None:
                out[i] = (s, brk, None)
        for i, m in starts:
            s, brk, _ = lines[i]
            out[i] = (s, max(brk, Break.LINE), m)
    return out


def _segments(lines, width: float | None = None):
    """Stretches of speech between headings, directions and label cells standing alone. What may stand
    inside a speech parts nothing after a stretch that holds no label yet, nor where it is indented: a call from the floor
    (〔「場当たり的だ」と呼ぶ者あり〕, a member heckled), an item of the day the chair reads out (日程第一　…)
    and the remark on the items read (（いずれも概要報告）); the speech's label is printed further down,
    level with its middle."""
    a = i = 0
    while i < len(lines):
        s, brk, m = lines[i]
        j = i + 1  # the paragraph lines[i:j]
        while j < len(lines) and lines[j][1] == Break.WRAP:
            j += 1
        lone = m is not None and not s.text[m.end:].strip()
        unlabelled = all(lines[n][2] is None for n in range(i, j))
        text = "".join(lines[n][0].text for n in range(i, j))
        if lone or (unlabelled and (block_kind(text) != "speech" or (j == i + 1 and _plain_heading(lines, i, width)))):
            if i > a and (from_the_floor(text) or AGENDA.match(text.strip()) or items_remark(text)) \
                    and (lines[i][0].indent > 0 or all(lines[n][2] is None for n in range(a, i))):
                # (indented as a speech's inner paragraphs are, 　日程第三　…, it is the chair's words also
                # after the label: the items read out go on past the middle line)
                i = j
                continue
            if i > a:
                yield a, i
            a = j
        i = j
    if a < len(lines):
        yield a, len(lines)


def _plain_heading(lines, i: int, width: float | None) -> bool:
    """Line i, a paragraph of one line after a sentence's end, is a heading printed plain (前回の議論の整理,
    地域の居場所づくりに関する意見交換会の結果報告): well short of the page's width, with no punctuation at all,
    ending in a noun. It parts two turns: no label's turn runs across it."""
    text = lines[i][0].text.strip()
    before = next((lines[n][0].text for n in range(i - 1, -1, -1) if lines[n][0].text.strip()), None)
    if before is None or not ends_sentence(before) or re.search(r"[。、，,．「」？?！!\s\u3000]", text):
        return False  # (nor a figure read out in columns: 投票総数　二百三十八)
    if display_width(text) > (0.8 * width if width is not None else UNWRAPPED_FULL):
        return False  # (a full line that stops mid-word is a sentence a wrap cut: 心配する保 / 護者の声も…)
    return bare_heading(text, True) or (len(text) >= 4 and is_kana_kanji(text[-1]) and not "\u3041" <= text[-1] <= "\u3096")


# a question, a call of the next speaker, or a speech that says it is over (説明は以上です。)
_ENDS_TURN = re.compile(r"(?:か|ね)[。？?]$|[？?]$|以上(?:です|でございます)。$"
                        # (a call: 総務課長。 / はい、勅使河原さん。 / 鬼頭副会長、お願いします。 / 山本委員、どうぞ。)
                        r"|^(?:はい、)?.{1,12}(?:長|委員|議員|君|番|さん)(?:、(?:お願いします|お願いいたします|どうぞ))?。$")


def _place(lines, a: int, b: int) -> list[tuple[int, LabelMatch]]:
    labels = [(i, m) for i in range(a, b) for m in [lines[i][2]] if m is not None]
    if not labels:
        return []
    # paragraph starts, and (at a small cost) any line after a sentence end: a full line ending in 。
    # may have ended a speech too
    weak = {i for i in range(a + 1, b) if lines[i][1] == Break.WRAP and ends_sentence(lines[i - 1][0].text)}
    starts = [i for i in range(a, b) if i == a or lines[i][1] != Break.WRAP or i in weak]
    k = len(labels)
    # best[n][s]: labels 0..n placed, turn n starting at line s
    best = [dict() for _ in range(k)]
    best[0][a] = (0.0, None)  # the first turn opens the stretch: nothing before it is left over
    for n in range(1, k):
        y_prev, y = labels[n - 1][0], labels[n][0]
        for s in starts:
            if not (y_prev < s <= y):
                continue
            # a question or a call (…ありませんか。/ 市長。) usually ends a turn
            # (and so does a speech's closing applause, …お願い申し上げます。（拍手）, where the applause
            # that greets a speaker's first sentence, in the stretch's first paragraph, does not)
            bonus = 0.5 * (s in weak) - 2e-3 * bool(_ENDS_TURN.search(lines[s - 1][0].text)
                                                    or _closing_applause(lines, a, s - 1))
            cands = [(c + _miss(y_prev, sp, s - 1) + bonus, sp) for sp, (c, _) in best[n - 1].items()]
            if cands:
                best[n][s] = min(cands)
    if not best[k - 1]:
        return [(i, m) for i, m in labels]
    y_last = labels[-1][0]
    cost, s = min((c + _miss(y_last, sp, b - 1), sp) for sp, (c, _) in best[k - 1].items())
    chosen = [s]
    for n in range(k - 1, 0, -1):
        s = best[n][s][1]
        chosen.append(s)
    chosen.reverse()
    return [(s, m) for s, (_, m) in zip(chosen, labels)]


_APPLAUSE_END = re.compile(r"[。？！][（(〔]拍手[）)〕][\s\u3000]*$")


def _closing_applause(lines, a: int, i: int) -> bool:
    """Line i ends a sentence and the applause after it (…お願い申し上げます。（拍手）), in a paragraph that
    does not open the stretch a (the applause after a speaker's first sentence goes on with the speech)."""
    if not _APPLAUSE_END.search(lines[i][0].text):
        return False
    k = i
    while k > a and lines[k][1] == Break.WRAP:
        k -= 1
    return k > a


def _miss(y: int, start: int, end: int) -> float:
    """How far a label at line y is from the middle of the turn spanning lines start..end."""
    return abs(y - (start + (end - start) // 2)) - 1e-3 * (y - start)
