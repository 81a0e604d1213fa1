"""A prefecture's 審議会 部会 (fixtures/minutes/bukai_wakaba_junkan.json): agenda headings on three
levels (（１）, ①, ア), a 部会長代理, and the secretariat labelled by its office (事務局（…課長）).
What a user checks: the turns' kinds and speakers, and the body kept whole."""
from __future__ import annotations

import json

import kaigiroku
from fixtures.generate import render
from fixtures.splits import MINUTES_DIR
from fixtures.variety import render_random
from kaigiroku.score import score

MINUTES = json.loads((MINUTES_DIR / "bukai_wakaba_junkan.json").read_text(encoding="utf-8"))

KATAKANA_ITEMS = """○部会長　まず、一般廃棄物の減量目標について、事務局から説明をお願いします。
ア　家庭系ごみ
○事務局　家庭系ごみの排出量は、令和5年度で512グラムとなりました。
○委員　目標は据え置くのでしょうか。
イ　事業系ごみ
○事務局　続いて事業系ごみでございます。
（ウ）　災害廃棄物
○事務局　仮置場の候補地を定めております。
"""


def test_katakana_agenda_items_are_headings():
    """ア　家庭系ごみ, the third level of an agenda (１ → （１） → ア), is a heading between speeches,
    never a speech of its own or the end of the one before."""
    m = kaigiroku.repair(KATAKANA_ITEMS)
    kinds = [(t.kind, t.text) for t in m.turns]
    assert ("heading", "ア　家庭系ごみ") in kinds and ("heading", "イ　事業系ごみ") in kinds
    assert ("heading", "（ウ）　災害廃棄物") in kinds
    assert [t.speaker for t in m.turns if t.kind == "speech"] == ["部会長", "事務局", "委員", "事務局", "事務局"]


def test_vice_chair_of_a_subcommittee_is_one_role():
    """部会長代理 (the 部会's vice chair), printed alone or after a surname, is a role of its own: not
    部会長 with 代理 left in the speech, nor 会長代理 with the name 部."""
    r = render_random(MINUTES, 198, label_form="role", roles="listed")
    out = kaigiroku.repair(r.text).to_dict()
    vice = [t for t in out["turns"] if t["text"].startswith(("関連して、私から", "三つ目の柱の"))]
    assert len(vice) == 2 and all(t["speaker"] == "部会長代理" for t in vice)
    r = render_random(MINUTES, 198, label_form="surname_role", roles="listed")
    out = kaigiroku.repair(r.text).to_dict()
    vice = [t for t in out["turns"] if t["text"].startswith(("関連して、私から", "三つ目の柱の"))]
    assert len(vice) == 2 and all((t["speaker"], t.get("name")) == ("部会長代理", "村上") for t in vice)


def test_letter_spaced_label_cells_after_the_covers_list_are_the_bodys():
    """Label cells dumped before the body's opening heading (事 務 局（資源循環推進課長）, letter-spaced) under
    a cover whose last item is a list (資料1～資料3、参考資料1・2): the first character 事 is no tail of a
    word the list's wrap cut, so the cells stay in the body and the page's first speeches keep them."""
    text = render(MINUTES, "label_run_before", 0)
    out = kaigiroku.repair(text).to_dict()
    speeches = [t for t in out["turns"] if t["kind"] == "speech"][:3]
    assert [(t["speaker"], t.get("name")) for t in speeches] == [
        ("事務局", "資源循環推進課長"), ("事務局", "資源循環推進課長"), ("部会長", "佐伯")]
    assert score(MINUTES, out)["attributed"] >= 0.99
