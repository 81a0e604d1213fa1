"""Issue 9: a 参議院本会議 of 決算概要報告 and its 質疑 (fixtures/minutes/kokkai_sangiin_kessan.json). The
order of the day lists a year's accounts as items whose names wrap over lines, the chair reads them out
with a bracketed remark (（いずれも概要報告）), the finance minister and the 会計検査院長 report at
length, and members' long questions are answered by the Prime Minister and several ministers in a row,
only 〔…君登壇、拍手〕 notes between them.

Each family is checked on a rendered tuned case (scored as a user would check it) and on the small
piece of the document that decides it."""
import json

import kaigiroku
from fixtures.splits import meeting_path
from fixtures.variety import render_random
from kaigiroku.cleanup.blocks import Block, Break, _line_break, resolve_breaks
from kaigiroku.cleanup.centred import _cuts_sentence
from kaigiroku.cleanup.classify import block_kind, from_the_floor, items_remark
from kaigiroku.cleanup.labels import match_label
from kaigiroku.cleanup.runs import _CALL_ONLY, _next_question, column_dumped, find_runs
from kaigiroku.cleanup.textlines import join_wrapped_label_cells
from kaigiroku.model import StreamLine
from kaigiroku.score import score

KESSAN = json.loads(meeting_path("kokkai_sangiin_kessan").read_text(encoding="utf-8"))


# the sitting's opening (the order of the day, both reports, the first question and its answers): a third
# of the sitting, enough for the families of its first pages and quick to read
OPENING = dict(KESSAN, turns=KESSAN["turns"][:30])


def _attributed(seed: int, minutes: dict = OPENING, **axes) -> float:
    r = render_random(minutes, seed, **axes)
    return score(r.gold, kaigiroku.repair(r.text).to_dict())["attributed"]


def test_an_order_of_the_day_whose_item_names_wrap_takes_no_dumped_label():
    """The 議事日程 at the top of the body, its items' names wrapping over lines (第一　…決算、…決算、…
    決算書（概要報告） / 第四　…法律の一部を / 改正する法律案（内閣提出、衆議院送付）) and then 本日の会議に付した
    案件 and a rule: headings and notes, never rows for the page's dumped labels, which belong to the
    chair's これより会議を開きます。 and the minister's report below.
    (tuned kokkai_sangiin_kessan@5 surname_role run_before: 0.885 before; its opening 0.978)"""
    listed = ("第一　令和十一年度一般会計歳入歳出決算、令和十一年度特別会計歳入歳出決算、"
              "令和十一年度政府関係機関決算書（概要報告）")
    assert block_kind(listed) == "heading"
    assert block_kind("第二　令和十一年度国有財産増減及び現在額総計算書") == "heading"
    assert block_kind("第一に、予備費について伺います。") == "speech"
    assert block_kind("本日の会議に付した案件") == "heading"
    item = "第四　預金保険法及び金融機関等の更生手続の特例等に関する法律の一部を改正する法律案（内閣提出、衆議院送付）"
    assert _line_break("改正する法律案（内閣提出、衆議院送付）", "本日の会議に付した案件", 70.0,
                       "第", item) == Break.LINE
    assert _line_break("一、日程第一より第四まで", "――――・――――", 70.0, "一", "一、日程第一より第四まで") == Break.LINE
    assert _line_break("――――・――――", "これより会議を開きます。", 70.0, "―", "――――・――――") == Break.LINE
    assert _line_break("第一に、予備費の在り方について、総理の見解を伺いたいと思いますが、まずは", "予算の", 70.0,
                       "第", "第一に、予備費の在り方について、総理の見解を伺いたいと思いますが、まずは") == Break.WRAP
    assert _attributed(5, label_form="surname_role", layout="run_before") >= 0.999


def test_a_remark_on_the_items_read_out_below_a_pages_cell_is_no_name_in_brackets():
    """（いずれも概要報告）, the chair's remark after the items read out, at a page's top right under the page's
    one label cell (◎森本国務大 / 臣, dumped before the body): words of the proceedings, never the cell's
    name wrapped below it (森本国務大臣 named いずれも概要報告), and the chair's speech goes on after it.
    (tuned kokkai_sangiin_kessan@29 surname_role run_before: 0.893 before; its opening 0.994)"""
    lines = [StreamLine(t, 2, Break.LINE) for t in ("◎森本国務大", "臣", "（いずれも概要報告）", "以上三件を一括して議題といたします。")]
    assert [s.text for s in join_wrapped_label_cells(lines)] == ["◎森本国務大臣", "（いずれも概要報告）",
                                                                 "以上三件を一括して議題といたします。"]
    assert block_kind("２．第一　令和十一年度一般会計歳入歳出決算、令和十一年度政府関係機関決算書（概要報告）") == "heading"
    assert _attributed(29, label_form="surname_role", layout="run_before") >= 0.999


def _stream(rows: list[str]) -> list[StreamLine]:
    """Lines as a plain text prints them: a paragraph inside a speech indented by one full-width space."""
    return [StreamLine(r.lstrip("\u3000"), 1, Break.LINE, indent=len(r) - len(r.lstrip("\u3000"))) for r in rows]


QUESTION = ["公正改革クラブの鳴海千尋です。私は、会派を代表し、令和", "十一年度決算について、総理及び関係大臣に質問いたします。",
            "（拍手）", "\u3000まず、社会保障について伺います。", "\u3000令和十一年度の社会保障関係費は三十八兆円を超え、一般",
            "会計の歳出の三分の一以上を占めています。高齢化の進展に", "より、この経費は今後も増え続けることが見込まれます。",
            "\u3000政府は、全世代型社会保障の構築を掲げ、給付と負担の見", "直しを進めるとしてきました。しかし、令和十一年度の決算",
            "を見る限り、負担の在り方に関する改革は先送りが続いてい", "ます。", "\u3000改革の工程表に掲げられた項目のうち、令和十一年度中に",
            "実施されたものは幾つあるのでしょうか。総理に明確な答弁"]


def test_the_applause_a_wrap_left_alone_after_a_speakers_first_sentence_opens_no_turn():
    """…総理及び関係大臣に質問いたします。 / （拍手）: the applause that greets a member's first sentence, left
    alone on a line by the wrap, where the speech's other paragraphs are indented: it goes on with the
    sentence (no soft row a turn could open at), so a label printed level with the speech's middle
    (vcentred) keeps the member's first paragraph, never giving it to the chair who called them.
    (tuned kokkai_sangiin_kessan@11 seat vcentred: 0.954 before, with the next three)"""
    resolved = resolve_breaks(_stream(QUESTION))
    assert resolved[2][0].text == "（拍手）" and resolved[2][1] == Break.WRAP


def test_a_speech_whose_label_is_printed_level_with_its_middle_keeps_its_heckles_and_items_read_out():
    """A label printed level with its speech's middle: nothing that may stand inside a speech parts the
    stretch before the label from it: a call from the floor (〔「場当たり的だ」と呼ぶ者あり〕) after a
    member's paragraphs, the items the chair reads out (日程第一　… / （いずれも概要報告）) after
    これより会議を開きます。; a speech's closing applause (…お願い申し上げます。（拍手）) ends its turn
    where the middles alone tie; and the tail of an item's name (…現在額総 / 議長　計算書), or the particle
    after its closing bracket (…（内閣提出、衆議院送付） / 副議長　を議題といたします。), on the label's line
    goes on with the line before. (tuned kokkai_sangiin_kessan@11 seat vcentred: 0.954 before)"""
    assert from_the_floor("〔「場当たり的だ」と呼ぶ者あり〕") and from_the_floor("〔発言する者あり〕")
    assert not from_the_floor("〔国務大臣久我直哉君登壇、拍手〕")
    assert items_remark("（いずれも概要報告）") and not items_remark("（拍手）")
    assert _cuts_sentence("日程第二\u3000令和十一年度国有財産増減及び現在額総", "計算書", 24.0)
    assert _cuts_sentence("関する法律の一部を改正する法律案（内閣提出、衆議院送付）", "を議題といたします。", 27.0)
    assert _attributed(11, label_form="seat", layout="vcentred") >= 0.999  # (its opening: 0.990 before)


def test_a_pages_dumped_labels_skip_an_answers_next_question_and_give_a_call_to_the_chair():
    """A page's labels dumped before its body, every row parted by a blank line (no spacing to go by):
    the chair's remark on the items read out (（いずれも概要報告）) cues no turn after it; a minister's answer
    taking up its next question without naming who asked (地方公共団体の…標準化についてお尋ねがありました。),
    or right after naming one, goes on; and a row that only calls someone (国務大臣若狭友里君。) is the
    chair's, so the minister called back for an answer left out keeps their one line.
    (tuned kokkai_sangiin_kessan@7 surname_role run_before: 0.976 before)"""
    assert _next_question(Block("地方公共団体の基幹業務のシステムの標準化についてお尋ねがありました。標準化の移行については、", Break.LINE, 1))
    assert not _next_question(Block("桐谷議員から、マイナンバーの制度に関連した誤った登録の再発の防止についてお尋ねがありました。", Break.LINE, 1))
    assert _CALL_ONLY.match("国務大臣若狭友里君。") and not _CALL_ONLY.match("これにて質疑は終了いたしました。")
    assert _attributed(7, KESSAN, label_form="surname_role", layout="run_before", width="medium") >= 0.999


def test_a_long_plenarys_column_dumped_one_label_a_page_is_read_as_dumped():
    """Long speeches run over whole pages, so most pages of a plenary hold one label, its column dumped
    after the page's body (run_after): a label cell alone at a page's foot, below all its page's text,
    is a dumped column's, as runs of cells are, never a label standing before the next page's text
    (the chair's 次に、会計検査院長の報告を求めます。 then given to the minister, every turn after shifted).
    (tuned kokkai_sangiin_kessan@56 seat run_after: 0.77 before)"""
    chair = match_label("◎議長（御子柴宗典君）")
    pages = [Block("財務大臣久我直哉君。", Break.LINE, 1), Block("", Break.LINE, 1, chair, True),
             Block("令和十一年度一般会計歳入歳出決算の概要を御報告申し上げます。", Break.PAGE, 2), Block("", Break.LINE, 2, chair, True),
             Block("歳入決算額は百十六兆円余であります。", Break.PAGE, 3), Block("", Break.LINE, 3, chair, True),
             Block("次に、会計検査院長の報告を求めます。", Break.PAGE, 4)]
    assert column_dumped(pages, [])
    inline = [Block("財務大臣久我直哉君。", Break.LINE, 1), Block("", Break.LINE, 1, chair, True),
              Block("令和十一年度一般会計歳入歳出決算の概要を御報告申し上げます。", Break.LINE, 1)] * 3
    assert not column_dumped(inline, [])
    assert _attributed(56, KESSAN, label_form="seat", layout="run_after") >= 0.999


def test_a_long_plenarys_column_dumped_before_each_page_is_read_as_dumped():
    """The same column dumped before each page's body (run_before): a label cell alone at a page's top
    over text that goes on with the sentence the page before cut stands inside that sentence, which a
    label above its own text never does (tuned kokkai_sangiin_kessan@52 seat run_before: 0.90 before)"""
    chair = match_label("◎議長（御子柴宗典君）")
    pages = [Block("令和十一年度一般会計歳入歳出決算の概要を御報告申し", Break.LINE, 1),
             Block("", Break.PAGE, 2, chair, True), Block("上げます。歳入決算額は百十六兆円余であり", Break.LINE, 2),
             Block("", Break.PAGE, 3, chair, True), Block("ます。次に、会計検査院長の報告を求めます。", Break.LINE, 3)]
    assert column_dumped(pages, [])
    own_line = [Block("令和十一年度一般会計歳入歳出決算の概要を御報告申し上げます。", Break.LINE, 1),
                Block("", Break.PAGE, 2, chair, True), Block("次に、会計検査院長の報告を求めます。", Break.LINE, 2)] * 2
    assert not column_dumped(own_line, [])
    assert _attributed(52, KESSAN, label_form="seat", layout="run_before") >= 0.999


def test_a_dumped_label_atop_a_page_over_a_sentence_joined_on_still_counts_as_dumped():
    """The page before cut a sentence (…予算の執行の透明性を高める / ○議長（…君） / ため、基金の残高…): the
    blocks join the sentence's end on to the text before the label cell, so that text's whole sentence
    ends, but as printed before the label it was cut, which a label above its own text never is. Read
    as a label above its text, the chair's label took the page's first row, the minister's sentence going
    on (tuned kokkai_sangiin_kessan@56 seat run_before: 0.85 before; its opening @32: 0.885)"""
    chair = match_label("◎議長（御子柴宗典君）")
    cut = [Block("また、予算の執行の透明性を高める", Break.LINE, 1, tail="ため、基金の残高を公表いたしました。"),
           Block("", Break.PAGE, 2, chair, True),
           Block("ため、基金の残高を公表いたしました。", Break.WRAP, 2, cont=True),
           Block("次に、会計検査院長の報告を求めます。", Break.LINE, 2)] * 2
    assert column_dumped(cut, [])
    assert _attributed(32, label_form="seat", layout="run_before") >= 0.99


def test_labels_standing_inside_sentences_show_a_column_dumped_where_no_furniture_marks_the_pages(monkeypatch):
    """A long plenary's column dumped before each page's body, with no page numbers, headers or form feeds:
    short pages hold one label or none, so under half the labels stand in runs, and no page top is known.
    A label cell standing alone where the sentence before it goes on after it (…予算の執行の効果に対 /
    ○議長（…君） / する国民の関心が…) is the dumped column's: a label above its own text never stands inside
    a sentence. Read as labels above their texts, each took the row that went on with the sentence
    (tuned kokkai_sangiin_kessan opening @6 seat run_before, pages 0.6 as long: 0.86 before)"""
    import fixtures.variety as variety
    drawn = variety.page_lengths
    monkeypatch.setattr(variety, "page_lengths", lambda rng: tuple(max(8, int(n * 0.6)) for n in drawn(rng)))
    r = render_random(OPENING, 6, layout="run_before", label_form="seat")
    assert r.axes["furniture"] == "none"
    assert score(r.gold, kaigiroku.repair(r.text).to_dict())["attributed"] >= 0.99
    chair = match_label("◎議長（御子柴宗典君）")
    pages = [Block("令和十一年度の決算の概要を御報告申し上げます。", Break.LINE, 1),
             Block("", Break.LINE, 1, chair, True), Block("", Break.LINE, 1, chair, True),
             Block("次に、会計検査院長の報告を求めます。", Break.LINE, 1)] + \
            [Block("予算の執行の効果に対", Break.LINE, 1, tail="する国民の関心が高まっております。"),
             Block("", Break.LINE, 1, chair, True),
             Block("する国民の関心が高まっております。", Break.WRAP, 1, cont=True),
             Block("次に、会計検査院長の報告を求めます。", Break.LINE, 1)] * 3
    assert column_dumped(pages, find_runs(pages))
