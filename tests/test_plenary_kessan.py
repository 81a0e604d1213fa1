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
from kaigiroku.cleanup.blocks import Break, _line_break
from kaigiroku.cleanup.classify import block_kind
from kaigiroku.score import score

KESSAN = json.loads(meeting_path("kokkai_sangiin_kessan").read_text(encoding="utf-8"))


def _attributed(seed: int, **axes) -> float:
    r = render_random(KESSAN, seed, **axes)
    return score(r.gold, kaigiroku.repair(r.text).to_dict())["attributed"]


def test_an_order_of_the_day_whose_item_names_wrap_takes_no_dumped_label():
    """The 議事日程 at the top of the body, its items' names wrapping over lines (第一　…決算、…決算、…
    決算書（概要報告） / 第四　…法律の一部を / 改正する法律案（内閣提出、衆議院送付）) and then 本日の会議に付した
    案件 and a rule: headings and notes, never rows for the page's dumped labels, which belong to the
    chair's これより会議を開きます。 and the minister's report below.
    (tuned kokkai_sangiin_kessan@5 surname_role run_before: 0.885 before)"""
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
    assert _attributed(5, label_form="surname_role", layout="run_before") >= 0.99
