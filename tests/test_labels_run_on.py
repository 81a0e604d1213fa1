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


@pytest.mark.parametrize("meeting, form", [
    ("kentokai_kasumi", "seat"), ("kessan_iinkai_shirasagi", "name_only"), ("kondankai_kasumi_koritsu", "name_only")])
def test_headings_that_fill_a_narrow_line_are_no_centred_labels(meeting, form):
    # a narrow page's headings printed plain between turns (前回の議論の整理, 標準データ形式の案について) fill
    # its line by chance: a label after one cuts no sentence, so the labels are not read as centred in
    # their speech and moved (tuned @390, letter_spaced, narrow: 0.66 / 0.68 / 0.79 before)
    r = render_random(load(meeting_path(meeting)), 390, label_form=form)
    assert r.axes["headings"] == "plain" and r.axes["width"] == "narrow"
    assert score(r.gold, kaigiroku.repair(r.text).to_dict())["attributed"] >= 0.98


def test_a_name_of_one_before_a_title_that_opens_with_a_word():
    # surname + role labels where a name of one character (梶, 東) stands before a title whose first two
    # characters are a word: 特別顧問 (a title word), 税務課長 (税務 printed in the speeches, 東税 never)
    text = "\n".join(["◎米山議長　ただいまから会議を開きます。東税務課長。",
                      "◎東税務課長　町税の収納対策についての御質問にお答えいたします。",
                      "◎関口議員　税務の窓口の体制についてもう一点伺います。",
                      "◎梶特別顧問　顧問の立場から申し上げます。",
                      "◎東税務課長　お答えいたします。税務課では、窓口の人員を増やしております。",
                      "◎米山議長　以上で質疑を終わります。"]) + "\n"
    assert _speakers(text) == [("議長", "米山"), ("税務課長", "東"), ("議員", "関口"), ("特別顧問", "梶"),
                               ("税務課長", "東"), ("議長", "米山")]


def test_a_speech_opening_with_the_committees_name_is_no_label():
    # 農林水産委員会における審査の経過…: a line of speech may open with a body's name; the chair of that body
    # (野口農林水産委員長) is the body's name + 委員長, never 野口農林水産 + 委員長
    text = "\n".join(["＜三宅議長＞", "まず、委員長の報告を求めます。",
                      "＜野口農林水産委員長＞", "ただいま議題となりました法律案につきまして、",
                      "　農林水産委員会における審査の経過と結果を御報告申し上げます。",
                      "＜三宅議長＞", "これより採決いたします。",
                      "＜沢井議員＞", "反対の立場から討論いたします。"]) + "\n"
    assert _speakers(text) == [("議長", "三宅"), ("農林水産委員長", "野口"), ("議長", "三宅"), ("議員", "沢井")]


def test_a_chairs_call_below_a_label_printed_alone_is_its_speech():
    # labels printed alone on their line (三宅議長), the chair's call below (内閣総理大臣杉浦隆之君。): the
    # heads alone are labels parted from their speech, so a role opening a call is no label run into it
    text = "\n".join(["三宅議長", "これより会議を開きます。", "［拍手］", "三宅議長", "内閣総理大臣杉浦隆之君。",
                      "須藤審議官", "柳沢議員の御質問にお答えいたします。", "三宅議長", "国務大臣早瀬光彦君。",
                      "古賀特別顧問", "防衛費の財源についてお尋ねがありました。", "三宅議長", "国務大臣榊原由紀子君。",
                      "浜口顧問", "柳沢議員にお答えいたします。", "三宅議長", "内閣総理大臣杉浦隆之君。",
                      "須藤審議官", "お答えいたします。", "三宅議長", "国務大臣早瀬光彦君。",
                      "古賀特別顧問", "重ねてお答えいたします。", "三宅議長", "国務大臣榊原由紀子君。",
                      "浜口顧問", "補足いたします。", "三宅議長", "これにて質疑は終了いたしました。"]) + "\n"
    turns = [t for t in kaigiroku.repair(text).to_dict()["turns"] if t["kind"] == "speech"]
    chair = [t["text"] for t in turns if t["speaker"] == "議長"]
    assert chair == ["これより会議を開きます。", "内閣総理大臣杉浦隆之君。", "国務大臣早瀬光彦君。", "国務大臣榊原由紀子君。",
                     "内閣総理大臣杉浦隆之君。", "国務大臣早瀬光彦君。", "国務大臣榊原由紀子君。",
                     "これにて質疑は終了いたしました。"]
    assert not any(t["speaker"] in ("内閣総理大臣", "国務大臣") for t in turns)


def test_members_by_name_run_into_their_speech_each_once():
    # a plenary's members, each called by name, announced, and printed once by name run into the speech
    # (佐久間航君。 / ［佐久間航君登壇、拍手］ / 佐久間航君国民連帯の…): three or more printed so at turns'
    # starts are labels, though none recurs (tuned kokkai@944 name_only inline: 0.64 before)
    text = "\n".join(["議長（鷹野正臣）これより会議を開きます。柳沢美穂君。", "［柳沢美穂君登壇、拍手］",
                      "柳沢美穂君未来創生の会の柳沢美穂です。会派を代表して質問いたします。",
                      "議長（鷹野正臣）佐久間航君。", "［佐久間航君登壇、拍手］",
                      "佐久間航君国民連帯の佐久間航でございます。物価高について伺います。",
                      "議長（鷹野正臣）津田沙織君。", "［津田沙織君登壇、拍手］",
                      "津田沙織君未来創生の会の津田沙織です。交通政策について伺います。",
                      "議長（鷹野正臣）これにて質疑は終了いたしました。"]) + "\n"
    assert [name for _, name in _speakers(text)] == ["鷹野正臣", "柳沢美穂", "鷹野正臣", "佐久間航", "鷹野正臣", "津田沙織",
                                                     "鷹野正臣"]


def test_tuned_plenary_with_members_by_name_run_on():
    r = render_random(load(meeting_path("kokkai_sangiin_honkaigi")), 944, label_form="name_only", layout="inline")
    assert score(r.gold, kaigiroku.repair(r.text).to_dict())["attributed"] >= 0.97


def test_tuned_minutes_with_names_and_honorific_run_into_the_speech():
    # (tuned shingikai_aoba@393 name_only inline, no separator: 長谷部浩二氏データセンターは… read as a title
    # 長谷部浩二氏デー before the head stopped at the honorific)
    r = render_random(load(meeting_path("shingikai_aoba")), 393, label_form="name_only", layout="inline")
    assert r.axes["separator"] == "none"
    assert score(r.gold, kaigiroku.repair(r.text).to_dict())["attributed"] >= 0.99


def test_a_role_that_opens_a_group_is_no_label():
    # 委員全員が出席しておりますので…: a wrapped line may open with a role that names a group (委員全員,
    # 議員各位); where the labels run into their speech, it is still no label (tuned kyoikuiinkai@702)
    text = "\n".join(["杉本教育長ただいまから、定例会を開会いたします。本日は、",
                      "委員全員が出席しておりますので、会議は成立しております。",
                      "森本委員部活動の地域移行について伺います。",
                      "東教育部長費用につきましては、月額2,000円程度を想定しております。",
                      "沢井委員保護者の費用負担はどうなりますか。",
                      "東教育部長就学援助を受けている世帯には補助を行います。",
                      "森本委員指導者の確保について、もう一点伺います。",
                      "東教育部長地域の団体と協議を進めております。",
                      "杉本教育長ほかに御質問はございますか。"]) + "\n"
    turns = [t for t in kaigiroku.repair(text).to_dict()["turns"] if t["kind"] == "speech"]
    assert [(t["speaker"], t.get("name")) for t in turns][:2] == [("教育長", "杉本"), ("委員", "森本")]
    assert "委員全員が出席" in turns[0]["text"]


def test_an_office_printed_bare_once_run_into_its_speech_where_labels_part_by_nothing():
    # 事務局 speaks once, its label run into its speech (事務局次回の…), in a document whose labels part
    # from their speech by nothing (座長（原田雅人君）皆さん…): a label as the others are, not the chair's
    # words going on (tuned kondankai@944, @702 name_only inline, separator none: 0.978 -> 1.0)
    import kaigiroku
    lines = ["座長（原田雅人君）皆さん、おはようございます。本日は議題が二つございます。",
             "課長補佐（今泉翔太君）資料の確認をいたします。資料1から資料4までございます。",
             "座長（原田雅人君）ありがとうございました。最後に、事務局から何かありますか。",
             "事務局次回の懇談会は、3月中旬の開催を予定しております。",
             "座長（原田雅人君）それでは、本日の懇談会を閉会いたします。"]
    turns = [t for t in kaigiroku.repair("\n".join(lines) + "\n").to_dict()["turns"] if t["kind"] == "speech"]
    assert [(t["speaker"], t["text"]) for t in turns][2:4] == [
        ("座長", "ありがとうございました。最後に、事務局から何かありますか。"),
        ("事務局", "次回の懇談会は、3月中旬の開催を予定しております。")]
