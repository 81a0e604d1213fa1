"""Labels printed with no separator, run into their speech (梶委員長ただいまから…, 部会長（佐伯典子君）皆さん、):
the heads that open lines are the document's evidence of its label form, as labels with a separator are."""
import pytest

import kaigiroku
from fixtures.splits import load, meeting_path
from fixtures.variety import render_random
from kaigiroku.score import score


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(t["speaker"], t.get("name")) for t in kaigiroku.repair(text).to_dict()["turns"] if t["kind"] == "speech"]


def test_surname_and_a_title_the_list_lacks_run_into_the_speech():
    # where the labels are surname + role run into the speech (梶委員長…, 関口委員…), a title the role list
    # lacks (審議官, 専門官, 参与) is split so too, not read as one title 三宅審議官
    text = "\n".join(["梶委員長ただいまから総務常任委員会を開会いたします。当局の説明を求めます。",
                      "三宅審議官それでは、議案第55号について御説明いたします。",
                      "関口委員フレックスタイム制を全職員に拡大するということですが、どのように運用するのでしょうか。",
                      "三宅審議官御指摘のとおり、窓口職場では一定の人数の確保が必要になります。",
                      "東委員関連して伺います。昨年度、時間外勤務が月80時間を超えた職員は何人いましたか。",
                      "小西専門官時間外勤務の縮減につきましては、業務の見直しに努めてまいります。",
                      "今井参与勤務時間の管理につきましては、本年10月から新しい仕組みを稼働させる予定でございます。",
                      "関口委員今回の改正によって、職員の給与に影響は生じますか。",
                      "今井参与給与への影響はございません。",
                      "梶委員長ほかに質疑はありませんか。"]) + "\n"
    assert _speakers(text) == [("委員長", "梶"), ("審議官", "三宅"), ("委員", "関口"), ("審議官", "三宅"), ("委員", "東"),
                               ("専門官", "小西"), ("参与", "今井"), ("委員", "関口"), ("参与", "今井"), ("委員長", "梶")]


def test_a_chairs_call_run_on_after_the_chairs_label_is_speech():
    # the chair's call opens with a title or a name (梶議長国務大臣早瀬光彦君。, 関口内閣総理大臣佐久間航議員の…):
    # the head is the chair's (or the minister's) label that recurs, not a longer title of its own
    text = "\n".join(["梶議長これより会議を開きます。",
                      "梶議長内閣総理大臣杉浦隆之君。",
                      "関口内閣総理大臣柳沢美穂議員の御質問にお答えいたします。",
                      "梶議長国務大臣早瀬光彦君。",
                      "東参与柳沢議員から、防衛費の財源についてお尋ねがありました。",
                      "梶議長佐久間航君。",
                      "田中議員国民連帯の佐久間航でございます。総理に伺います。",
                      "梶議長内閣総理大臣杉浦隆之君。",
                      "関口内閣総理大臣佐久間航議員の御質問にお答えいたします。",
                      "梶議長これにて質疑は終了いたしました。"]) + "\n"
    turns = [t for t in kaigiroku.repair(text).to_dict()["turns"] if t["kind"] == "speech"]
    assert [(t["speaker"], t.get("name")) for t in turns] == [
        ("議長", "梶"), ("議長", "梶"), ("内閣総理大臣", "関口"), ("議長", "梶"), ("参与", "東"), ("議長", "梶"),
        ("議員", "田中"), ("議長", "梶"), ("内閣総理大臣", "関口"), ("議長", "梶")]
    assert turns[3]["text"] == "国務大臣早瀬光彦君。" and turns[4]["text"].startswith("柳沢議員から")


def test_labels_closed_by_their_bracket_count_as_run_on_ones():
    # 部会長（佐伯典子君）皆さん、: a label closed by its own bracket and run into the speech is printed
    # as the bare heads are (事務局定刻となりましたので…); and a cover's list (委員　藤原　隆之) parts no
    # speech, so it is no evidence of labels printed with a separator
    text = "\n".join(["出席委員", "　会長　岡田　誠一　　　　　委員　石井　健", "　委員　中川　真理　　　　　委員　大野　直子",
                      "　事務局　小池総務課長　　　事務局　森副課長", "",
                      "事務局定刻となりましたので、ただいまから部会を開会いたします。",
                      "部会長（佐伯典子君）皆さん、こんにちは。部会長の佐伯でございます。",
                      "事務局続きまして、資料の確認をさせていただきます。",
                      "1番（中島健一君）ありがとうございました。目標は据え置くという理解でよろしいでしょうか。",
                      "事務局そのとおりでございます。",
                      "部会長（佐伯典子君）ほかにございますか。"]) + "\n"
    assert _speakers(text) == [("事務局", None), ("部会長", "佐伯典子"), ("事務局", None), ("1番", "中島健一"),
                               ("事務局", None), ("部会長", "佐伯典子")]


@pytest.mark.parametrize("meeting, form", [
    ("iinkai_shinonome_somu", "surname_role"), ("kokkai_sangiin_honkaigi", "surname_role"),
    ("bukai_wakaba_junkan", "seat"), ("shingikai_aoba", "name_only")])
def test_tuned_minutes_with_labels_run_into_the_speech(meeting, form):
    # (tuned @201, inline, no separator, unlisted roles: 0.52 / 0.58 / 0.51 / 0.84 before)
    r = render_random(load(meeting_path(meeting)), 201, label_form=form)
    assert r.axes["separator"] == "none" and r.axes["layout"] == "inline"
    assert score(r.gold, kaigiroku.repair(r.text).to_dict())["attributed"] >= 0.95
