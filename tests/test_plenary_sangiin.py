"""Issue 9: a 参議院本会議 of 委員長報告, 討論 and 押しボタン投票 (fixtures/minutes/kokkai_sangiin_iinchohokoku.json).
The chair puts several items of the day on the agenda, committee chairs report at length, members speak
against and for over many paragraphs and pages, and the chair's short procedural turns run between
〔投票開始〕〔投票終了〕 notes and ――――・―――― rules; a speaker's first sentence is greeted by （拍手）.

Each family is checked on a rendered tuned case (scored as a user would check it) and on the small
piece of the document that decides it."""
import json

import kaigiroku
from fixtures.generate import render
from fixtures.splits import meeting_path
from fixtures.variety import render_random
from kaigiroku.cleanup.classify import block_kind
from kaigiroku.score import score

SANGIIN = json.loads(meeting_path("kokkai_sangiin_iinchohokoku").read_text(encoding="utf-8"))


def _attributed(gold: dict, text: str) -> float:
    return score(gold, kaigiroku.repair(text).to_dict())["attributed"]


def _turns(text: str) -> list[dict]:
    return kaigiroku.repair(text).to_dict()["turns"]


def test_a_rule_between_the_items_of_the_day_is_no_ones_words():
    """――――・―――― printed between the items of the day is a note, not the end of the chair's speech
    before it (tuned kokkai_sangiin_iinchohokoku clean_inline: 0.994 before, every rule the chair's)."""
    for rule in ("――――・――――", "―――――――――――――", "――――◇―――――", "━━━━━━━━━"):
        assert block_kind(rule) == "note"
    assert block_kind("――こちらは発言です。") == "speech"
    assert _attributed(SANGIIN, render(SANGIIN, "clean_inline")) == 1.0


def test_the_chair_putting_an_item_on_the_agenda_cut_after_its_name_goes_on():
    """日程第三　…法律案（内閣提出、衆議院送付）を議 / 題といたします。: a wrap inside 議題, after the item's name
    closed, leaves the chair's sentence going on, no heading with the rest of the sentence left to no one
    (tuned kokkai_sangiin_iinchohokoku@228 seat run_after: 0.973 before)."""
    r = render_random(SANGIIN, 228, label_form="seat")
    assert r.axes["layout"] == "run_after"
    assert "）を議\n" in r.text.replace(" \n", "\n")
    out = kaigiroku.repair(r.text).to_dict()
    items = [t for t in out["turns"] if t["text"].startswith("日程第") and "議題といたします" in t["text"]]
    assert len(items) == 3 and all(t["kind"] == "speech" and t.get("speaker") == "議長" for t in items)
    assert score(r.gold, out)["attributed"] >= 0.99


def test_applause_after_a_speakers_first_sentence_does_not_end_the_speech_at_a_page_break():
    """A plenary prints （拍手） after a speaker's opening words (…賛成の立場から討論を行います。（拍手）).
    Where a page ends right there, the next page's run of labels (two of the chair's) belongs to the
    chair's turns further down, not to the top of the page, which goes on with the member's speech
    (found on tuned kokkai_sangiin_iinchohokoku@122 seat run_before: 0.93 before, in the fixture's first
    version)."""
    text = "\n".join([
        "○議長（岩城宗介君）", "○比留間一樹君",
        "比留間一樹君。", "〔比留間一樹君登壇、拍手〕",
        "自由協和党の比留間一樹です。私は、会派を代表し、ただいま議題となりました法律案に賛",
        "成の立場から討論を行います。（拍手）",
        "\f○議長（岩城宗介君）", "○議長（岩城宗介君）",
        "本法律案は、労働安全衛生法の制定以来初めて、保護の対象を労働者以外の働く人にまで広",
        "げるものであり、働き方の多様化に対応した重要な改正です。",
        "以上、本法律案に賛成する理由を申し述べ、私の討論を終わります。（拍手）",
        "これにて討論は終局いたしました。", "〔投票開始〕", "これより採決をいたします。"])
    turns = [t for t in _turns(text) if t["kind"] == "speech"]
    assert [t.get("name") for t in turns] == ["岩城宗介", "比留間一樹", "岩城宗介", "岩城宗介"]
    assert turns[1]["text"].endswith("私の討論を終わります。（拍手）")


def test_applause_wrapped_onto_its_own_line_stays_in_the_speech():
    """…質問いたします。 / （拍手）: the applause after a full line is the speech's, wrapped, not a direction
    after which a row may open: the paragraph below goes on with the speech and the labels go to the turns
    further down (tuned kokkai_sangiin_iinchohokoku@123 seat run_before: 0.983 before; in the fixture's
    first version @831 surname_role 0.89, the member's question given to the 副議長)."""
    r = render_random(SANGIIN, 123, label_form="seat")
    assert r.axes["layout"] == "run_before"
    assert "します。\n（拍手）\n" in r.text.replace(" \n", "\n")
    out = kaigiroku.repair(r.text).to_dict()
    assert not any(t["text"] in ("（拍手）", "〔拍手〕") for t in out["turns"])
    assert score(r.gold, out)["attributed"] >= 0.99


def test_a_call_at_a_pages_end_hands_over_past_the_dumped_labels():
    """A page that ends in the chair's call (…順次これを許します。盛山文部科学大臣。) and a run of the chair's
    labels dumped after it: the next page opens with the called minister's speech, and the minister's
    label, dumped after that page, goes to its top rather than to a flush row further down where a wrap
    fell at a sentence end (tuned real:d1@124 seat and surname_role run_after: 0.849 before, the first
    1,200 characters of the minister's address given to the chair)."""
    d1 = meeting_path("real:d1")
    if not d1.exists():
        import pytest
        pytest.skip("../shared is absent")
    gold = json.loads(d1.read_text(encoding="utf-8"))
    # (surname_role prints other names in the labels than the body calls, 関口大臣 for 盛山文部科学大臣。: the
    # call's shape, a name and a title and nothing else, is the cue then)
    for form in ("seat", "surname_role"):
        r = render_random(gold, 124, label_form=form)
        assert r.axes["layout"] == "run_after"
        out = kaigiroku.repair(r.text).to_dict()
        minister = next(t for t in out["turns"] if t.get("speaker") == "国務大臣")
        assert minister["text"].startswith("第二百十二回国会において各般の課題を御審議いただくに当たり")
        assert score(r.gold, out)["attributed"] >= 0.99


def test_several_items_the_chair_reads_out_in_a_row_stay_in_the_speech():
    """日程第一　… / 日程第二　… / 以上両案を一括して議題とすることに御異議ございませんか。: the chair reads
    several items of the day out one after another (a page, and the labels dumped there, may fall between
    them) before the sentence that puts them on the agenda; all of it is the chair's speech, no headings
    that cut the speech and leave its last sentence with no speaker (tuned
    kokkai_sangiin_iinchohokoku@831 surname_role run_before, @44 seat run_after)."""
    for seed, form in ((831, "surname_role"), (44, "seat")):
        r = render_random(SANGIIN, seed, label_form=form)
        out = kaigiroku.repair(r.text).to_dict()
        opening = next(t for t in out["turns"] if t["text"].startswith("これより会議を開きます。"))
        assert "日程第二　地方交付税法" in opening["text"]
        assert opening["text"].endswith("以上両案を一括して議題とすることに御異議ございませんか。")


def test_the_order_of_the_day_printed_at_the_start_is_a_heading_not_a_row():
    """議事日程　第八号 / 令和十二年十一月二十九日　午前十時開議 / 第一　… printed before the chair opens the
    sitting: the title of the order of the day stands alone, a heading, not a row of speech that takes
    the first of the chair's labels dumped before the page (tuned kokkai_sangiin_iinchohokoku@831
    surname_role run_before: 0.89 before, 0.98 with the applause fixed)."""
    assert block_kind("議事日程　第八号") == "heading" and block_kind("議事日程") == "heading"
    assert block_kind("議事日程第八号のとおり") == "speech"
    r = render_random(SANGIIN, 831, label_form="surname_role")
    out = kaigiroku.repair(r.text).to_dict()
    assert next(t for t in out["turns"] if t["text"].startswith("議事日程"))["kind"] != "speech"
    assert score(r.gold, out)["attributed"] >= 0.99


def test_an_item_named_plain_is_no_row_when_counting_a_pages_rows_against_its_labels():
    """A page whose five labels (議長, 内閣総理大臣, 議長, 副議長, 農林水産委員長) were dumped before its body,
    where the row right after the run may or may not open a turn: the rows are counted against the
    labels, and an agenda item printed plain (食料安全保障基本法の一部を改正する法律案（内閣提出、衆議院送付）),
    long as it is, is a heading, not a row, so the chair's call right after the run opens the first turn
    (tuned kokkai_sangiin_honkaigi@215 seat run_before: 0.928 before, each label one turn late)."""
    honkaigi = json.loads(meeting_path("kokkai_sangiin_honkaigi").read_text(encoding="utf-8"))
    r = render_random(honkaigi, 215, label_form="seat")
    assert r.axes["layout"] == "run_before" and r.axes["headings"] == "plain"
    out = kaigiroku.repair(r.text).to_dict()
    answer = next(t for t in out["turns"] if t["text"].startswith("佐久間航議員の御質問にお答えいたします。"))
    assert answer.get("speaker") == "内閣総理大臣"
    assert score(r.gold, out)["attributed"] >= 0.99


def test_a_vote_note_below_a_dumped_label_is_no_piece_of_its_name():
    """東審議官 the last of a run of labels dumped before the page, （投票開始） the first line of the body: the
    Diet's vote note is a direction, not the bracketed name of a label cell wrapped onto the next line
    (東審議官（投票開始）), which would take the note into a label and give the report to a person named
    投票開始 (tuned kokkai_sangiin_iinchohokoku@824 surname_role run_before: 0.950 before)."""
    r = render_random(SANGIIN, 824, label_form="surname_role")
    assert r.axes["layout"] == "run_before" and "審議官\n（投票開始）\n" in r.text
    out = kaigiroku.repair(r.text).to_dict()
    assert not any(t.get("name") == "投票開始" for t in out["turns"])
    assert sum(t["text"] == "（投票開始）" and t["kind"] == "note" for t in out["turns"]) == 3
    assert score(r.gold, out)["attributed"] >= 0.99


def test_a_long_item_of_the_order_of_the_day_is_a_heading():
    """第三　労働者の安全と健康の確保のための労働安全衛生法等の一部を改正する法律案（内閣提出、衆議院送付）: a numbered
    item of the 議事日程, longer than a line, is a heading however long, not a speech with no speaker
    (tuned kokkai_sangiin_iinchohokoku@920 surname_role run_before narrow: 0.954 before)."""
    assert block_kind("第三　労働者の安全と健康の確保のための労働安全衛生法等の一部を改正する法律案（内閣提出、衆議院送付）") \
        == "heading"
    assert block_kind("第三に、地方の減収の補填について、政府の考えを伺いたいと存じます。") == "speech"
    r = render_random(SANGIIN, 920, label_form="surname_role")
    out = kaigiroku.repair(r.text).to_dict()
    item = next(t for t in out["turns"] if t["text"].startswith("第三　労働者の安全"))
    assert item["kind"] == "heading"
    assert score(r.gold, out)["attributed"] >= 0.98


def test_an_item_cut_inside_a_verb_and_an_item_named_after_a_direction():
    """In a narrow column the chair's 日程第二　食料安全保障基本法の一部を改正 / する法律案（内閣提出、衆議院送付）を議題
    / といたします。 is cut inside 改正する: the line goes on, no heading; and an item named plain right after
    〔副議長退席、議長着席〕 at a page's end (地域公共交通の…法案（内閣提出）の趣旨説明) is a heading, not the words
    of the chair who just left (tuned kokkai_sangiin_honkaigi@920 seat run_before narrow: 0.977 before)."""
    honkaigi = json.loads(meeting_path("kokkai_sangiin_honkaigi").read_text(encoding="utf-8"))
    r = render_random(honkaigi, 920, label_form="seat")
    assert r.axes["layout"] == "run_before" and r.axes["width"] == "narrow"
    assert "一部を改正\nする法律案" in r.text.replace(" \n", "\n")
    out = kaigiroku.repair(r.text).to_dict()
    item = next(t for t in out["turns"] if t["text"].startswith("日程第二　食料安全保障基本法"))
    assert item.get("speaker") == "副議長" and "を議題といたします。" in item["text"]
    plain = next(t for t in out["turns"] if "特別措置法案（内閣提出）の趣旨説明" in t["text"])
    assert plain["kind"] == "heading"
    assert score(r.gold, out)["attributed"] >= 0.99
