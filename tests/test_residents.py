"""A residents' 地区まちづくり協議会 (fixtures/minutes/kyogikai_kaededai_machizukuri.json) and a city's 住民説明会
(fixtures/minutes/setsumeikai_shirakaba_doro.json), both tuned, and the families of documents they stand
for: people whose names are written in kana (鬼頭さくら, 比嘉ちひろ, 廣瀬エミ) listed on the cover and
printed before their role, and staff reading a numbered list out inside a speech on a narrow page."""
import kaigiroku
from fixtures.splits import load, meeting_path
from fixtures.variety import render_random
from kaigiroku.cleanup.labels import discover, match_label
from kaigiroku.score import score

KYOGIKAI = load(meeting_path("kyogikai_kaededai_machizukuri"))
SETSUMEIKAI = load(meeting_path("setsumeikai_shirakaba_doro"))


def _repaired(text: str) -> dict:
    return kaigiroku.repair(text).to_dict()


def test_a_cover_list_of_names_in_kana_is_no_prose():
    # 出席者 …、副会長 鬼頭さくら、…: a list line whose names hold hiragana (a fifth of the line and more)
    # still lists people, so a label printing the name before the role splits there
    lines = ["出席者　委員 髙野みどり、会長 小此木正道、委員 五十嵐",
             "　　　　ゆかり、委員 勅使河原登、道路維持係長 比嘉ちひろ、副会長 鬼頭さくら、委",
             "　　　　員 東海林晴臣、委員 廣瀬エミ、委員 小鳥遊しずか",
             "",
             "＜鬼頭さくら副会長＞",
             "副会長の鬼頭です。関連して一点よろしいですか。",
             "＜比嘉ちひろ道路維持係長＞",
             "道路維持係の比嘉です。料金につきましては、まだ決まっておりません。"]
    roles = discover(lines)
    assert ("鬼頭さくら", "副会長") in roles.people and ("比嘉ちひろ", "道路維持係長") in roles.people
    m = match_label("＜鬼頭さくら副会長＞", roles)
    assert (m.speaker, m.name) == ("副会長", "鬼頭さくら")
    turns = [t for t in _repaired("\n".join(lines) + "\n")["turns"] if t["kind"] == "speech"]
    assert [(t["speaker"], t.get("name")) for t in turns] == [("副会長", "鬼頭さくら"), ("道路維持係長", "比嘉ちひろ")]


def test_kana_names_before_their_roles_in_a_residents_council():
    # a narrow page, labels in brackets printing the full name before the role (＜五十嵐ゆかり委員＞)
    r = render_random(KYOGIKAI, 86)
    assert r.axes["label_form"] == "fullname_role" and r.axes["layout"] == "bracket" and r.axes["width"] == "narrow"
    out = _repaired(r.text)
    speakers = {(t["speaker"], t.get("name")) for t in out["turns"] if t["kind"] == "speech"}
    assert ("委員", "五十嵐ゆかり") in speakers and ("副会長", "鬼頭さくら") in speakers
    assert score(r.gold, out)["attributed"] >= 0.99


def test_a_numbered_list_read_out_in_a_speech_stays_in_it():
    # 今後の手続を申し上げます。/ １　都市計画の案の縦覧　令和７年２月上旬から２週間、都市計画 / 課の窓口で…:
    # an item's title and its text after a second gap, wrapped at a full narrow line, is the speech's
    # text, no heading (and what follows it no note)
    lines = ["○都市計画課長（百瀬康弘君）　今後の手続を申し上げま",
             "す。資料の最後のページを御覧ください。",
             "１　都市計画の案の縦覧　令和７年２月上旬から２週",
             "間、都市計画課の窓口で案を縦覧に供します。",
             "２　意見書の提出　縦覧の期間中、どなたでも意見書",
             "を提出していただけます。",
             "３　都市計画審議会　提出された意見書の要旨と市の",
             "見解を添えて、審議会にお諮りいたします。",
             "○参加者（沢井誠君）　ありがとうございました。"] + \
            ["○司会（水無瀬彩君）　ほかに御質問のある方はいらっし", "ゃいますか。"] * 4
    turns = _repaired("\n".join(lines) + "\n")["turns"]
    assert [t["kind"] for t in turns[:2]] == ["speech", "speech"]
    assert turns[0]["speaker"] == "都市計画課長" and "3\u3000都市計画審議会" in turns[0]["text"]
    r = render_random(SETSUMEIKAI, 2, label_form="name_only", layout="inline", width="narrow")
    assert score(r.gold, _repaired(r.text))["attributed"] >= 0.99


def test_residents_anonymised_by_a_letter_after_a_spaced_role():
    # 参 加 者Ｂ　…: a role spaced out as label cells are, the letter that anonymises the resident printed
    # solid after it (参加者, 質問者: the roles a 住民説明会 prints its residents with)
    m = match_label("参 加 者Ｂ　南町の者です。今でも朝夕は抜け道にトラックが入ってきます。")
    assert (m.speaker, m.name) == ("参加者", "Ｂ")
    lines = ["司 会　ほかに御質問のある方はいらっしゃいますか。", "参 加 者Ａ　北町の者です。幅員について伺います。",
             "都 市 計 画 課 長　幅員は16メートルに狭めます。", "質 問 者Ｂ　南町の者です。工事の時期を伺います。"]
    turns = [t for t in _repaired("\n".join(lines) + "\n")["turns"] if t["kind"] == "speech"]
    assert [(t["speaker"], t.get("name")) for t in turns] == [("司会", None), ("参加者", "A"), ("都市計画課長", None),
                                                              ("質問者", "B")]  # NFKC, as the scorer compares


def test_a_count_of_people_of_a_kind_closes_the_attendees():
    # 出席者 … （ほか委員9名） / 楓市都市計画課長 真鍋 健太郎: the count names the kind of people left out; the
    # list goes on after it, and none of it is speech
    out = _repaired("\n".join([
        "令和6年度第4回楓台地区住民自治協議会会議録", "",
        "1 日 時　令和6年11月6日（水）　午後7時00分から午後8時52分まで", "2 場 所　楓台地区センター 2階 大会議室",
        "3 出席者", "　　会長 小此木 正道", "　　委員 五十嵐 ゆかり", "　　（ほか委員9名）", "　　楓市都市計画課長 真鍋 健太郎",
        "　　事務局 楓台地区センター", "4 資 料　次第、資料1～資料3", "", "5 議事の経過",
        "会長（小此木正道）　改めまして、こんばんは。会長の小此木でございます。",
        "委員（五十嵐ゆかり）　五十嵐です。3丁目に住んでおります。"]) + "\n")
    assert [t["kind"] for t in out["turns"]] == ["heading", "speech", "speech"]
    assert any("真鍋" in a for a in out["meta"]["attendees"])


def test_a_quantity_with_a_decimal_point_opening_a_line_is_no_item():
    # …中央公園までの約 / 1.1キロメートルは…残る約 / 1.3キロメートルが未整備のままです。: a wrap put the
    # quantity at the line start; no numbered heading opens there, and the speech goes on
    lines = ["○都市計画課長　白樺通線は、白樺駅前の交差点から北町を経て国道までを結",
             "ぶ道路として計画されております。このうち、駅前から中央公園までの約",
             "1.1キロメートルは整備を終えておりますが、残る約",
             "1.3キロメートルが未整備のままです。",
             "○司会　続いて、事業の進め方について御説明いたします。"]
    turns = _repaired("\n".join(lines) + "\n")["turns"]
    assert [(t["kind"], t.get("speaker")) for t in turns] == [("speech", "都市計画課長"), ("speech", "司会")]


def test_a_list_item_whose_title_fills_a_narrow_cell_stays_in_the_speech():
    # | | 1　都市計画の案の縦覧　 | / | | 令和7年（2025年）2月上旬 |: the item's title alone on a narrow
    # table row, the speaker's own sentences after it with no label: a paragraph of the speech, no
    # heading, and the sentences no notes
    r = render_random(SETSUMEIKAI, 222)
    assert r.axes["layout"] == "pipe" and r.axes["width"] == "narrow"
    out = _repaired(r.text)
    assert not any(t["kind"] == "note" and t["text"].endswith("供します。") for t in out["turns"])
    assert score(r.gold, out)["attributed"] >= 0.99


def test_a_dumped_cell_cut_inside_a_name_in_kana_is_no_running_header():
    # 五十嵐ゆか / り委員 in the label column dumped after each page's body: the tail recurs on every page
    # as a header would, but completes a person the cover lists with their role
    r = render_random(KYOGIKAI, 23, layout="run_after")
    assert "\n五十嵐ゆか\nり委員\n" in r.text
    out = _repaired(r.text)
    assert not any("ゆか" in (t.get("speaker") or "") for t in out["turns"])
    assert score(r.gold, out)["attributed"] >= 0.99


def test_thanks_for_a_remark_opens_a_row_of_a_dumped_column():
    # a page of the label column dumped after its body, one row more than labels: the row that opens
    # 御指摘ありがとうございます。 is an answer's first words, not the speech before going on
    r = render_random(KYOGIKAI, 75)
    assert r.axes["layout"] == "run_after"
    assert score(r.gold, _repaired(r.text))["attributed"] >= 0.99


def test_a_centred_label_on_the_tail_of_a_word_an_item_read_out_cut():
    # labels printed level with the middle of their speech on a narrow page: 一、国道と…確保するた /
    # 調整官　め。: the numbered item read out looks like a heading until the label's line goes on with
    # the word the wrap cut, so the label stands inside the speech and is moved to its start
    r = render_random(SETSUMEIKAI, 190)
    assert r.axes["layout"] == "vcentred" and r.axes["width"] == "narrow"
    out = _repaired(r.text)
    assert not any(t["kind"] == "heading" and t["text"].startswith("一、") for t in out["turns"])
    assert score(r.gold, out)["attributed"] >= 0.99
