"""Layout, furniture and text-layer checks on pages built by hand (no PDF needed)."""
from __future__ import annotations

import pytest

from kaigiroku.ingest.furniture import is_page_number, strip_furniture
from kaigiroku.ingest.geometry import Rule, rows_of
from kaigiroku.ingest.layout import analyse, pages_to_stream
from kaigiroku.ingest.pdf import PdfPage, has_usable_text
from kaigiroku.model import Break, Line, Page

S = 10.0  # character size
PITCH = 16.0  # line pitch
BODY_X, LABEL_X = 130.0, 60.0


def line(text: str, x0: float, top: float, page: int = 1, size: float = S) -> Line:
    width = sum(size if ord(c) > 0x2000 else size / 2 for c in text)
    return Line(text=text, x0=x0, top=top, x1=x0 + width, bottom=top + size, page=page, size=size)


def body(n: int, top: float, page: int = 1, last: str = "。", fill: str = "あ") -> list[Line]:
    """n lines of a paragraph in the body column, the last one short."""
    out = [line(fill * 38, BODY_X, top + i * PITCH, page) for i in range(n - 1)]
    out.append(line(fill * 10 + last, BODY_X, top + (n - 1) * PITCH, page))
    return out


def page(lines, number=1, rules=()) -> PdfPage:
    return PdfPage(number=number, width=595, height=842, lines=list(lines), rules=list(rules))


def labelled(stream):
    return [(s.label.printed, s.text[:3]) for s in stream if s.label]


# ----------------------------------------------------------------------------- text layer

@pytest.mark.parametrize("texts, usable", [
    (["会長　ただいまから開会します。"], True),
    (["(cid:12)(cid:40)(cid:7)(cid:9)", "(cid:3)(cid:5)"], False),
    (["\ue001\ue002\ue003\ue004", "あ"], False),
    (["\ufffd\ufffd\ufffd会"], False),
    (["(cid:1)会長　ただいまから開会します。"], True),
    ([], False),
    (["   "], False),
])
def test_has_usable_text(texts, usable):
    p = Page(number=1, width=595, height=842, lines=[line(t, 60, 100 + 20 * i) for i, t in enumerate(texts)])
    assert has_usable_text(p) is usable


# ----------------------------------------------------------------------------- furniture

@pytest.mark.parametrize("text", ["5", "- 5 -", "－５－", "5／12", "5/12", "p.5", "P. 5", "(5)", "―5―", "5頁", "ii"])
def test_page_number_forms(text):
    assert is_page_number(text)


@pytest.mark.parametrize("text", ["-5", "第5回", "5番", "2023年", "会長"])
def test_not_page_numbers(text):
    assert not is_page_number(text)


def test_page_numbers_and_running_header_removed_by_position_and_repetition():
    pages = []
    for n in range(1, 5):
        lines = [line("第3回テスト審議会会議録", 350, 30, n)]  # running header
        lines += body(30, 80, n)
        lines.append(line(f"- {n} -", 290, 800, n))
        lines.append(line(str(n), 40, 400, n))  # a number mid-page is not furniture
        pages.append(page(lines, n))
    rows = strip_furniture(pages)
    for n, p in enumerate(pages, 1):
        assert sorted(f.text for f in p.furniture) == sorted(["第3回テスト審議会会議録", f"- {n} -"])
        assert any(ln.text == str(n) for ln in p.lines)
    # the rows handed on to layout hold exactly the lines left, grouped as before the furniture went
    for p, kept in zip(pages, rows):
        assert sorted(id(f) for r in kept for f in r.frags) == sorted(id(ln) for ln in p.lines)
        assert [r.text for r in kept] == [r.text for r in rows_of(p.lines)]


def test_text_at_the_same_place_on_two_pages_is_not_a_header():
    """A label cell that happens to sit at the same height in the bottom band of two pages."""
    pages = []
    for n in (1, 2):
        lines = body(43, 80, n)
        lines.append(line("課長", LABEL_X, 80 + 43 * PITCH, n))
        lines.append(line(str(n), 290, 800, n))
        pages.append(page(lines, n))
    strip_furniture(pages)
    assert all(any(ln.text == "課長" for ln in p.lines) for p in pages)
    assert all([f.text for f in p.furniture] == [str(p.number)] for p in pages)


def test_a_sentence_opening_two_pages_at_the_same_place_is_not_a_header():
    """Hanging labels pull the text's left edge out to the label column, so an indented paragraph
    that happens to open two pages at the same place (これより討論に入ります。) must not be taken
    for a running header: a header is a name, never a sentence."""
    sentence = "これより討論に入ります。討論はありませんか。"
    pages = []
    for n in (1, 2, 3):
        lines = [line("第3回テスト審議会会議録", 200, 40, n)]
        if n > 1:
            lines.append(line(sentence, BODY_X + S, 80, n))
        lines += body(40, 80 + PITCH, n)
        # short speeches: every fifth row opens with its label, hanging in the left margin
        lines += [line("委員長" if k % 2 else "委員", LABEL_X, 80 + (1 + 5 * k) * PITCH, n) for k in range(8)]
        pages.append(page(lines, n))
    strip_furniture(pages)
    assert all([f.text for f in p.furniture] == ["第3回テスト審議会会議録"] for p in pages)
    assert all(any(ln.text == sentence for ln in p.lines) for p in pages[1:])


# ----------------------------------------------------------------------------- label columns

def test_labels_vertically_centred_without_gaps_or_rules():
    """Rows set solid: each label is centred on its rows, so row boundaries follow from the labels."""
    lines, top = [], 80.0
    for label, n in (("会長", 3), ("委員", 6), ("説明員", 4), ("会長", 1)):
        lines += body(n, top)
        mid = top + (n * PITCH - (PITCH - S)) / 2
        lines.append(line(label, LABEL_X, mid - S / 2))
        top += n * PITCH
    stream = pages_to_stream([page(lines)])
    assert labelled(stream) == [("会長", "あああ"), ("委員", "あああ"), ("説明員", "あああ"), ("会長", "あああ")]
    starts = [i for i, s in enumerate(stream) if s.label]
    assert starts == [0, 3, 9, 13]


def test_labels_top_aligned_rows_set_solid_and_stacked_label():
    lines = body(2, 80) + [line("会長", LABEL_X, 80)]
    lines += body(3, 80 + 2 * PITCH) + [line("委員長（山", LABEL_X, 80 + 2 * PITCH), line("田太郎君）", LABEL_X, 80 + 3 * PITCH)]
    lines += body(2, 80 + 5 * PITCH) + [line("委員", LABEL_X, 80 + 5 * PITCH)]
    stream = pages_to_stream([page(lines)])
    assert [s.label.printed for s in stream if s.label] == ["会長", "委員長（山田太郎君）", "委員"]
    assert [s.brk for s in stream][:3] == [Break.PAGE, Break.WRAP, Break.ROW]


def test_labels_drawn_after_the_body_and_ruled_rows():
    """Content-stream order does not matter, and ruled lines part rows whatever the label height."""
    rows = [("会長", 2), ("委員", 4), ("事務局", 1)]
    lines, rules, top = [], [], 80.0
    for label, n in rows:
        rules.append(Rule(50, top - 4, 545, top - 4))
        lines += body(n, top)
        top += n * PITCH + 8
    rules.append(Rule(50, top - 4, 545, top - 4))
    top = 80.0
    for label, n in rows:  # labels last, centred in their ruled cells
        lines.append(line(label, LABEL_X, top + (n * PITCH - S) / 2 - 3))
        top += n * PITCH + 8
    stream = pages_to_stream([page(lines, rules=rules)])
    assert [s.label.printed for s in stream if s.label] == ["会長", "委員", "事務局"]
    assert [i for i, s in enumerate(stream) if s.label] == [0, 2, 6]


def test_label_alone_at_the_foot_of_a_page_goes_before_the_next_page():
    p1 = body(5, 80, 1) + [line("会長", LABEL_X, 80)] + [line("委員", LABEL_X, 80 + 6 * PITCH, 1)]
    p2 = body(3, 80, 2)
    stream = pages_to_stream([page(p1, 1), page(p2, 2)])
    assert [(s.label.printed, s.page) for s in stream if s.label] == [("会長", 1), ("委員", 1)]
    alone = next(s for s in stream if s.label and s.label.printed == "委員")
    assert alone.text == "" and stream[stream.index(alone) + 1].page == 2


def test_cover_table_is_not_a_label_column():
    lines = [line("日　時", LABEL_X, 100), line("令和6年4月1日（月）午後2時", BODY_X, 100),
             line("場　所", LABEL_X, 130), line("第1会議室", BODY_X, 130),
             line("出席者", LABEL_X, 160), line("会長 山田太郎、委員 佐藤花子、委員 鈴木一郎", BODY_X, 160),
             line("委員 高橋次郎", BODY_X, 160 + PITCH)]
    lay = analyse([page(lines)])[0]
    assert lay.column is None
    texts = [p.line.text for p in lay.placed]
    assert texts[0] == "日　時\u3000令和6年4月1日（月）午後2時"
    assert all(p.line.label is None for p in lay.placed)


def test_inline_labels_are_no_column():
    lines = []
    top = 80.0
    for label in ("○議長（山田太郎君）", "○市長（鈴木一郎君）", "○議長（山田太郎君）"):
        first = line(label, LABEL_X, top)
        lines.append(first)
        lines.append(line("い" * 33 + "、", first.x1 + S, top))
        lines += [line("う" * 45, LABEL_X, top + PITCH), line("え" * 10 + "。", LABEL_X, top + 2 * PITCH)]
        top += 3 * PITCH
    lay = analyse([page(lines)])[0]
    assert lay.column is None
    starts = [p.line for p in lay.placed if p.labelled]
    assert [s.text[:4] for s in starts] == ["○議長（", "○市長（", "○議長（"]
    assert [p.line.brk for p in lay.placed][:4] == [Break.PAGE, Break.WRAP, Break.WRAP, Break.ROW]


def test_speech_across_a_page_break_continues():
    p1 = body(3, 80, 1, last="、") + [line("会長", LABEL_X, 80)]
    p1[-2] = line("あ" * 38, BODY_X, 80 + 2 * PITCH, 1)  # the last line fills the width, mid-sentence
    p2 = body(2, 80, 2)
    stream = pages_to_stream([page(p1, 1), page(p2, 2)])
    first = next(s for s in stream if s.page == 2)
    assert first.brk == Break.WRAP
