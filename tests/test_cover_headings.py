"""Where the cover ends and the body's headings begin, and headings printed with no number or
bracket: what a user checks in the turns (kinds) and in meta."""
from __future__ import annotations

import kaigiroku
from kaigiroku.cleanup.classify import bare_heading, block_kind

NUMBERED_COVER = """第5回青葉市環境審議会会議録

１　日時
　　令和6年7月10日（水）　午後2時から
２　場所
　　青葉市役所 5階 第2委員会室
３　資料
　　別紙のとおり

　　日程第1　開会
　日程第2　議事
要旨は次のとおり
　　日程第3　諮問審議
○会長　それでは、議事に入ります。事務局から説明をお願いします。
○事務局　資料1に基づき御説明いたします。
"""


def test_body_headings_numbered_again_are_not_the_covers_values():
    """日程第1 under a cover numbered １…３: its numbering starts again, so the body starts there and
    the last item (資料) keeps only its own value."""
    m = kaigiroku.repair(NUMBERED_COVER)
    kinds = [(t.kind, t.text) for t in m.turns[:4]]
    assert kinds[0] == ("heading", "日程第1　開会") and kinds[1] == ("heading", "日程第2　議事")
    assert "日程" not in str(m.meta) and m.meta["other"]["資料"] == "別紙のとおり"
    assert m.meta["place"] == "青葉市役所 5階 第2委員会室"


AGENDA_ON_COVER = """第3回東雲市議会定例会会議録

議事日程（第２号）
日程第1　会議録署名議員の指名
日程第2　会期の決定

日程第1　会議録署名議員の指名
○議長　日程第1、会議録署名議員の指名を行います。
"""


def test_agenda_listed_on_the_cover_stays_there():
    """A 議事日程 on the cover lists 日程第1, 日程第2: the body begins where 日程第1 comes again."""
    m = kaigiroku.repair(AGENDA_ON_COVER)
    assert m.turns[0].kind == "heading" and m.turns[0].text.startswith("日程第1")
    assert m.turns[1].speaker == "議長"
    assert "会期の決定" in str(m.meta) and "会議録署名議員の指名を行います" not in str(m.meta)


def test_an_agenda_item_in_brackets_is_a_heading_however_long():
    assert block_kind("＜議案第55号 東雲市職員の勤務時間、休暇等に関する条例の一部を改正する条例＞") == "heading"
    assert block_kind("（議案第5号について説明員入室）") == "note"  # an act of the room stays a direction


BARE_HEADINGS = """教育長　ただいまから、定例会を開会いたします。
　会議録署名委員の指名
教育長　日程第1、会議録署名委員の指名を行います。
　教育長報告
教育長　日程第2、教育長報告を行います。
委員　部活動の地域移行について伺います。
　以上です
教育長　ほかにございますか。
"""


def test_bare_headings_between_speeches():
    """A short unpunctuated line naming a thing, between a sentence's end and the next label, is a
    heading; a speech's last words that end in kana (以上です) are not."""
    m = kaigiroku.repair(BARE_HEADINGS)
    headings = [t.text for t in m.turns if t.kind == "heading"]
    assert headings == ["会議録署名委員の指名", "教育長報告"]
    assert any("以上です" in t.text for t in m.speeches)
    assert all(t.speaker == "教育長" for t in m.speeches if "日程第" in t.text)


def test_bare_heading_needs_its_place():
    assert bare_heading("教育長報告", between_turns=True)
    assert not bare_heading("教育長報告", between_turns=False)
    assert not bare_heading("よろしくお願いします", between_turns=True)
    assert not bare_heading("それでは、採決いたします", between_turns=True)


BRACKET_KEYS = """第2回青葉市景観審議会会議録

{o}日　時{c}令和6年7月10日（水）　午後2時から
{o}場　所{c}青葉市役所 5階 第2委員会室
{o}出席者{c}
　会長 岡田 誠一　　　委員 石井 健
　委員 中川 真理
{o}配付資料{c}別紙のとおり

○会長　それでは、議事に入ります。事務局から説明をお願いします。
○事務局　資料1に基づき御説明いたします。
"""


def test_keys_in_brackets_or_after_a_bullet():
    """【日時】, 〔場所〕, ■出席者: a cover's keys set off by brackets or a bullet are keys; the first
    speech is body, and the date keeps its day of the week."""
    for o, c in [("【", "】"), ("〔", "〕"), ("■", "　"), ("■ ", "：")]:
        m = kaigiroku.repair(BRACKET_KEYS.format(o=o, c=c))
        assert m.meta["date_text"] == "令和6年7月10日（水）", o
        assert m.meta["place"] == "青葉市役所 5階 第2委員会室", o
        assert "会長 岡田 誠一" in " ".join(m.meta["attendees"]), o
        assert m.turns[0].speaker == "会長" and m.turns[0].text.startswith("それでは"), o


def test_date_alone_under_the_order_of_business():
    m = kaigiroku.repair(AGENDA_ON_COVER.replace("議事日程（第２号）\n", "議事日程（第２号）\n　令和6年9月10日（火）午前10時開議\n"))
    assert m.meta["date_text"] == "令和6年9月10日（火）" and m.meta["time_text"] == "午前10時開議"


GIJI_NITTEI = """令和6年第3回東雲市議会定例会会議録（第2号）

議事日程（第２号）
　令和6年9月10日（火）午前10時開議
第１　会議録署名議員の指名
第２　会期の決定

出席議員（2名）
　議長　山田　太郎　　　副議長　井上　美和

第１　開会
○議長　ただいまから本日の会議を開きます。
"""


def test_numbered_order_of_business_under_its_date_is_the_covers():
    """第１, 第２ under 議事日程 and its date are the key's value; 第１ again after the cover opens the body."""
    m = kaigiroku.repair(GIJI_NITTEI)
    assert (m.turns[0].kind, m.turns[0].text) == ("heading", "第1　開会")  # widths folded, as in all output
    assert m.turns[1].speaker == "議長"
    assert "会期の決定" in str(m.meta) and m.meta["date_text"] == "令和6年9月10日（火）"


def test_staff_rows_inside_a_list_of_attendees_are_people():
    """事務局 教育総務課長 岡本 久美子 set in columns under 出席議員: one attendee per column, not a new
    事務局 item whose value runs on into the next rows."""
    text = GIJI_NITTEI.replace("　議長　山田　太郎　　　副議長　井上　美和\n",
                               "　議長 山田 太郎\n　事務局 総務課長 岡本 久美子　事務局 議事係長 熊谷 学\n"
                               "　書記 議事課 野口主事\n")
    m = kaigiroku.repair(text)
    assert m.meta["attendees"] == ["議長 山田 太郎", "事務局 総務課長 岡本 久美子", "事務局 議事係長 熊谷 学",
                                   "書記 議事課 野口主事"]
    assert m.meta["other"]["議事日程"].startswith("第1")


def test_the_last_name_of_a_list_alone_on_its_row_is_the_covers():
    """Names set two a row with single spaces (as a PDF's text layer gives them), the last one alone:
    still an attendee, not a heading of the body; a step of the proceedings there opens the body."""
    cover = "第1回会議録\n\n１　出席者\n　安江伸夫　本田顕子\n　青山周平　今枝宗一郎\n　中村清\n"
    m = kaigiroku.repair(cover + "○委員長　これより会議を開きます。\n")
    assert "中村清" in " ".join(m.meta["attendees"]) and m.turns[0].speaker == "委員長"
    m = kaigiroku.repair(cover.replace("　中村清\n", "諮問審議\n") + "○委員長　これより会議を開きます。\n")
    assert m.turns[0].text == "諮問審議" and "諮問審議" not in str(m.meta)


def test_a_date_alone_then_the_time_is_the_covers():
    """A Diet-style cover: the date alone on its line, the opening time under it, then 出 席 者: the
    time belongs to the cover (time_text), not to the body as a time note, and the cover reads on."""
    text = ("第212回国会 衆議院 文部科学委員会 第1号\n令和五年十一月一日（水曜日）\n    午前十時一分開議\n"
            " 出 席 者\n   鈴木さつき君　山田太郎君\n\n○委員長（山田太郎君）　これより会議を開きます。\n")
    m = kaigiroku.repair(text)
    assert m.meta["date_text"] == "令和五年十一月一日（水曜日）" and m.meta["time_text"] == "午前十時一分開議"
    assert m.meta["attendees"] == ["鈴木さつき君", "山田太郎君"]  # one entry a column
    assert [t.speaker for t in m.turns] == ["委員長"]


def test_a_time_note_after_a_cover_dated_with_its_time_stays_in_the_body():
    text = "第1回会議録\n\n１　日時\n　令和6年7月10日（水）　午後2時から\n午後2時開会\n○会長　ただいまから開会します。\n"
    m = kaigiroku.repair(text)
    assert (m.turns[0].kind, m.turns[0].text) == ("note", "午後2時開会") and m.meta["time_text"] == "午後2時から"


def test_self_check_warns_when_a_cover_item_is_left_in_the_body():
    text = ("第1回会議録\n\n日時：令和6年7月10日（水）\nこれは説明のための長い文章でございまして、会議の前に配布されました。\n"
            "場所：会議室\n○会長　ただいまから開会します。\n")
    m = kaigiroku.repair(text)
    assert any("cover item" in w and "場所" in w for w in m.warnings)
    assert not kaigiroku.repair(NUMBERED_COVER).warnings  # a cover read whole leaves nothing behind


def test_a_chairs_call_of_an_item_cut_at_its_line_end_is_no_heading():
    """議案第55号、東雲市職員の…に関 (the chair's call, cut where a centred label starts the next line) is
    speech; the printed heading sets the item's name apart with a space."""
    assert block_kind("議案第５５号、東雲市職員の勤務時間、休暇等に関") == "speech"
    assert block_kind("日程第３、教育長報告を行い") == "speech"
    assert block_kind("議案第５５号　東雲市職員の勤務時間、休暇等に関する条例") == "heading"
    assert block_kind("日程第３　教育長報告") == "heading"


def test_the_records_caption_is_a_note_not_a_speech_for_a_dumped_label():
    """要旨は次の＜諮問審議＞のとおり between the body's headings is the record's caption: a dumped label
    run (labels after the page body, as pypdf gives them) does not place its first label on it."""
    assert block_kind("要旨は次の＜諮問審議＞のとおり") == "note"
    assert block_kind("概要は次のとおりです。") == "speech"
    text = ("（１）開会\n要旨は次の＜諮問審議＞のとおり\n（２）諮問審議\nそれでは、議事に入ります。事務局から説明をお願いします。\n"
            "本件は、審議会の御意見をお聴きするものです。よろしくお願いいたします。\n"
            "ありがとうございました。御質問はございますか。\n◯会長\n◯事務局\n◯会長\n")
    m = kaigiroku.repair(text)
    assert [(t.kind, t.speaker) for t in m.turns if t.kind == "speech"] == [
        ("speech", "会長"), ("speech", "事務局"), ("speech", "会長")]
    assert any(t.text == "要旨は次の＜諮問審議＞のとおり" and t.speaker is None for t in m.turns)


def test_a_bare_heading_before_a_time_note_and_the_next_label_is_a_heading():
    """…閉会いたします。 / 審査の経過 / 午前10時開会 / ○委員長: a record printed twice over (a browser's
    long record) repeats its heading after the last speech; the time note between it and the next
    label does not make it the last speech's words."""
    once = "審査の経過\n\n午前10時開会\n\n○委員長\nただいまから委員会を開会いたします。\n\n○委員\n質問があります。" \
           "よろしいでしょうか。\n\n○委員長\n以上で本日の委員会を閉会いたします。\n\n"
    m = kaigiroku.repair("東雲市議会総務常任委員会会議録\n\n" + once + once)
    second = [t for t in m.turns if t.text == "審査の経過"][1:]
    assert [t.kind for t in second] == ["heading"]
    assert all("審査の経過" not in t.text for t in m.turns if t.kind == "speech")


VALUE_BELOW_THEN_PLAIN_HEADINGS = """第18回青葉市情報公開・個人情報保護審議会会議録

１　日時
　　令和6年7月10日（水）　午後2時から午後3時45分まで
２　場所
　　青葉市役所 5階 第2委員会室
３　出席者
　　会長 岡田 誠一　　　　　委員 石井 健
４　資料
　　別紙のとおり
　　開会
　　議事
要旨は次の＜諮問審議＞のとおり
　　　諮問審議
◎会 長：それでは、議事に入ります。諮問事項アを審議いたします。事務局から説明をお願いします。
◎事 務 局：本件は、条例第12条第2項の規定に基づき、審議会の御意見をお聴きするものです。
"""


def test_a_value_below_its_key_ends_the_cover_before_the_bodys_plain_headings():
    """４　資料 / 別紙のとおり, then the body's opening lines with no number (開会 / 議事 / the caption /
    諮問審議): the key's value is its one line; the rest are the body's headings and caption, each a
    turn of its own, never one note nor the 資料 value."""
    m = kaigiroku.repair(VALUE_BELOW_THEN_PLAIN_HEADINGS)
    assert m.meta["other"]["資料"] == "別紙のとおり"
    kinds = [(t.kind, t.text) for t in m.turns[:4]]
    assert kinds == [("heading", "開会"), ("heading", "議事"), ("note", "要旨は次の＜諮問審議＞のとおり"),
                     ("heading", "諮問審議")]
    assert [t.speaker for t in m.turns[4:]] == ["会長", "事務局"]


def test_a_heading_row_in_a_narrow_table_column_is_no_sentence_a_label_cuts():
    """A markdown table with a narrow text column prints a heading (標準データ形式の案について) whole,
    wider than the column's wrapped lines: the label on the row below does not cut a sentence, so the
    document is not read as one with vertically centred labels (every label moved up a paragraph)."""
    import json

    from fixtures.splits import meeting_path
    from fixtures.variety import render_random
    from kaigiroku.score import score

    minutes = json.loads(meeting_path("kentokai_kasumi").read_text(encoding="utf-8"))
    r = render_random(minutes, 221, cover="giji_shidai")
    assert r.axes["layout"] == "pipe" and r.axes["width"] == "narrow"
    assert score(r.gold, kaigiroku.repair(r.text).to_dict())["attributed"] >= 0.98


AGENDA_ITEMS_ABOUT = """○座長　ありがとうございました。それでは、次の議題に移ります。
標準データ形式の案について
○企画官　資料2、標準データ形式の案について御説明いたします。
○座長　ありがとうございました。御質問をお願いします。
導入手引きの骨子について
○室長　資料3、導入手引きの骨子案でございます。
"""


def test_an_agenda_item_named_for_what_it_is_about_is_a_heading_between_speeches():
    """標準データ形式の案について, alone between one speech's last sentence and the next label, is the
    agenda item's name (a heading), not the end of the speech before it."""
    m = kaigiroku.repair(AGENDA_ITEMS_ABOUT)
    kinds = [(t.kind, t.speaker) for t in m.turns]
    assert kinds == [("speech", "座長"), ("heading", None), ("speech", "企画官"), ("speech", "座長"),
                     ("heading", None), ("speech", "室長")]
    assert m.turns[1].text == "標準データ形式の案について" and m.turns[0].text.endswith("議題に移ります。")


NUMBERED_HEADING_THEN_TIME = """第3回東雲市議会定例会会議録
１．議事の経過
午前10時開議
○議長（森本健一君）　ただいまから本日の会議を開きます。
２．会議録署名議員の指名
○議長（森本健一君）　日程第1、会議録署名議員の指名を行います。
"""


def test_a_time_note_under_a_numbered_heading_stands_alone():
    """１．議事の経過 / 午前10時開議: the time note is a line of its own (a note), never the heading's
    wrapped tail."""
    m = kaigiroku.repair(NUMBERED_HEADING_THEN_TIME)
    assert [(t.kind, t.text) for t in m.turns[:2]] == [("heading", "1．議事の経過"), ("note", "午前10時開議")]
