"""The cover sheet ends where the body begins and never takes speech; what a user checks in meta."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import kaigiroku
from kaigiroku.ingest import ingest

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _real(name: str):
    path = SHARED / "realpdf" / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    return ingest(path, ocr="never")


def test_p1_cover_title_and_attendees():
    m = _real("p1.pdf")
    title = m.meta["title"]
    assert "消費者教育推進会議" in title and "第25回" in title and title != "第25回"
    # the Minister and the agency's staff are not 幹事: they are listed under 消費者庁
    kanji = [a for a in m.meta["attendees"] if a.startswith("幹事")]
    assert kanji and not any(w in a for a in kanji for w in ("宮腰", "伊藤長官", "米山企画官"))
    assert any(a.startswith("消費者庁") and "長官" in a for a in m.meta["attendees"])
    assert m.meta["date_text"] == "令和元年7月26日（金）"  # with its day of the week, as golds keep it
    assert not m.warnings
    # surname + role labels: role and name split the same way for every one of them
    who = {(t.speaker, t.name) for t in m.speeches}
    assert {("大臣", "宮腰"), ("長官", "伊藤"), ("会長", "東"), ("企画官", "米山")} <= who
    assert not any(t.name is None and t.speaker and t.speaker.endswith(("大臣", "長官")) for t in m.speeches)


def test_p2_cover_date_and_place():
    m = _real("p2.pdf")
    assert m.meta["date_text"] == "令和5年6月6日（火）"
    assert m.meta["place"] == "総理大臣官邸2階大ホール"  # not run on into the agenda
    assert "1．開 会" in m.meta["other"]["議事次第"]
    first = m.speeches[0]
    assert (first.speaker, first.name) == ("大臣", "河野") and first.text.startswith("ただいまから")


COVER = """第3回青葉市まちづくり懇談会会議録

１　日　時　令和6年5月13日（月）午後2時から
２　場　所　青葉市役所　3階　会議室
３　出席者
　座長　岡田誠一
　委員　石井健、中川真理
"""
# labels in a form the role list does not know: the cover reader must still stop at the speech
BODY = """進行役　定刻となりましたので、ただいまから第3回青葉市まちづくり懇談会を開会いたします。
本日は、委員の皆様にお集まりいただき、ありがとうございます。
参与　それでは、資料1に基づき、これまでの経過を御説明いたします。
進行役　ありがとうございました。御質問はございますか。
参与　補足いたします。事業費は前回お示しした額から変わっておりません。
"""


def test_cover_never_takes_speech_in_labels_it_does_not_know():
    m = kaigiroku.repair(COVER + BODY)
    meta = json.dumps(m.meta, ensure_ascii=False)
    assert "定刻となりましたので" not in meta and "補足いたします" not in meta
    assert m.meta["date_text"] == "令和6年5月13日（月）" and m.meta["place"].startswith("青葉市役所")
    assert [t.speaker for t in m.speeches] == ["進行役", "参与", "進行役", "参与"]
    assert not m.warnings


def test_meta_that_reads_as_speech_is_reported(tmp_path):
    """When a cover does swallow speech (a key whose value is a long sentence), the tool says so,
    in the JSON and on stderr."""
    text = COVER + "４　結　果　" + "本日は、委員の皆様から多くの御意見をいただきましたので、事務局で整理いたします。" + "\n\n" + BODY
    m = kaigiroku.repair(text)
    assert m.warnings and "speech" in m.warnings[0]
    assert m.to_dict()["warnings"] == m.warnings
    f = tmp_path / "m.txt"
    f.write_text(text, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "kaigiroku", "repair", str(f), "-f", "json"], capture_output=True,
                       text=True)
    assert r.returncode == 0 and "warning: cover" in r.stderr
    assert json.loads(r.stdout)["warnings"] == m.warnings


# found by the property test over every cover style (tests/test_property.py) with random examples:
# the body's first speech, hard-wrapped, right after the cover
WRAPPED_COVER = """第14回青葉市情報公開審議会会議録

1 日 時　令和6年8月14日（水）　午後2時から午後3時30分まで
2 場 所　青葉市役所 5階 第1会議室
3 出席者
　　事務局 総務課長
4 資 料　別紙のとおり

"""


@pytest.mark.parametrize("first", [
    # a marked head the role grammar does not split (a surname before a title suffix), a colon, prose
    "◎柏原総務課長：また、マイナンバーについ\n　　　　　　　　て伺います。ただいまの件\n　　　　　　　　ですが、当該システムの経\n"
    "　　　　　　　　過を御報告します。\n",
    # a known label whose wrapped prose is cut at its commas into pieces as short as names
    "〇委員　そのため、防犯カメラの映像に\nついて御説明いたします。次\nに、条例の改正はどのように\n扱われるのでしょうか。\n",
])
def test_the_first_wrapped_speech_is_no_cover_item(first):
    rest = "○会長：ありがとうございました。ほかに御質問はございますか。\n○委員：ございません。\n"
    m = kaigiroku.repair(WRAPPED_COVER + first + rest)
    meta = json.dumps(m.meta, ensure_ascii=False)
    assert "について" not in meta and "映像" not in meta and "伺います" not in meta
    assert m.meta["place"].startswith("青葉市役所") and m.meta["other"] == {"資料": "別紙のとおり"}
    body = "".join(t.text for t in m.turns)
    assert "当該システム" in body or "防犯カメラ" in body


def test_a_role_key_before_wrapped_speech_is_no_cover_item():
    """事務局 is a cover key (its staff) and a speaker's role: followed by prose cut by a wrap, it opens
    the body (found by the property test, cover style 議事日程)."""
    text = ("第17回青葉市情報公開審議会会議録\n\n議事日程（第８号）\n　令和6年3月18日（水）　午後2時から\n"
            "第１　会議録署名議員の指名\n\n出席議員（2名）\n　会長 岡田誠一　委員 石井健\n"
            "会議場所　青葉市役所 5階 第1会議室\n\n"
            "事務局 防犯カメラの映像について御説明いたしますか。当該システムはどのように扱われるのでしょ\n"
            "うか。そのため、防犯カメラの映像はどのように扱われるのでしょうか。\n"
            "会長 ありがとうございました。御質問はございますか。\n事務局 ございません。\n")
    m = kaigiroku.repair(text)
    meta = json.dumps(m.meta, ensure_ascii=False)
    assert "防犯カメラ" not in meta and m.meta["place"] == "青葉市役所 5階 第1会議室"
    assert [t.speaker for t in m.speeches][:2] == ["事務局", "会長"]


def test_the_body_headings_numbered_from_one_again_are_body():
    """１ 日時 … ４ 資料 / 別紙のとおり, then the body's own headings １ 開会, ２ 議事: where the numbering
    starts again the cover has ended (a tuned PDF case, cover style values_below)."""
    text = ("第18回青葉市情報公開審議会会議録\n１　日時\n令和６年７月１０日（水）　午後２時から\n２　場所\n青葉市役所 ５階 第２委員会室\n"
            "３出席者\n会長 岡田 誠一　委員 石井 健\n４資料\n別紙のとおり\n"
            "　　　　　　１　開会\n　　　　　　２　議事\n　要旨は次の＜諮問審議＞のとおり\n　　　　　　３　諮問審議\n"
            "◆会長（関口直樹氏）　それでは、議事に入ります。事務局から説明をお願いします。\n"
            "◆事務局　本件は、条例の規定に基づき、審議会の御意見をお聴きするものです。\n")
    m = kaigiroku.repair(text)
    assert [t.text for t in m.turns[:2]] == ["１　開会", "２　議事"] or [t.text for t in m.turns[:2]] == ["1　開会", "2　議事"]
    assert "要旨" not in json.dumps(m.meta, ensure_ascii=False) and m.meta["other"] == {"資料": "別紙のとおり"}


def test_the_count_closing_a_list_of_attendees_is_cover():
    """（ほか15名） closes a list of attendees; it is no stage direction opening the body."""
    text = ("令和6年第3回東雲市議会定例会会議録（第2号）\n\n1 日 時　令和6年9月10日（火）　午前10時開議\n2 場 所　東雲市議会議場\n"
            "3 出席者\n　　議長 山田 太郎\n　　3番 松田 翔\n　　（ほか15名）\n　　説明のため出席した者　市長 北村 正志、副市長 遠藤 隆\n"
            "4 資 料　議事日程第2号のとおり\n\n5 議事の経過\n"
            "議長（山田太郎君）　おはようございます。ただいまから本日の会議を開きます。\n市長（北村正志君）　お答えいたします。\n")
    m = kaigiroku.repair(text)
    body = "".join(t.text for t in m.turns)
    assert "ほか15名" not in body and "北村 正志" not in body and "議事日程第2号" not in body
    assert [t.speaker for t in m.speeches] == ["議長", "市長"]


def test_attendees_set_in_columns_are_one_entry_each():
    text = ("第3回東雲市議会定例会会議録\n\n1 日 時　令和6年9月10日（火）\n2 出席者\n　　議長 山田 太郎　副議長 井上 美和\n"
            "　　3番 松田 翔　　5番 石田 美咲\n　　委員 小林 大輔　委員 近藤 彩\n3 場 所　東雲市議会議場\n\n"
            "議長（山田太郎君）　おはようございます。ただいまから本日の会議を開きます。\n")
    m = kaigiroku.repair(text)
    assert m.meta["attendees"] == ["議長 山田 太郎", "副議長 井上 美和", "3番 松田 翔", "5番 石田 美咲", "委員 小林 大輔",
                                   "委員 近藤 彩"]


def test_a_list_of_headings_opening_at_one_under_unnumbered_items_is_body():
    """会議場所　… then （１）開会 （２）議事 …: the place does not run on into the body's headings."""
    text = ("第18回青葉市情報公開審議会会議録\n\n出席議員（2名）\n　会長 岡田 誠一　　　　委員 石井 健\n"
            "会議場所　青葉市役所 5階 第2委員会室\n\n　　（１）開会\n　　　（２）議事\n　　要旨は次の＜諮問審議＞のとおり\n"
            "　　　（３）諮問審議\n◎会長（梶典子君）\nそれでは、議事に入ります。事務局から説明をお願いします。\n"
            "◎事務局\n本件は、審議会の御意見をお聴きするものです。\n")
    m = kaigiroku.repair(text)
    assert m.meta["place"] == "青葉市役所 5階 第2委員会室"
    assert [t.kind for t in m.turns[:4]] == ["heading", "heading", "note", "heading"]


def test_a_wrapped_line_of_speech_under_the_attendees_is_body():
    """A speech whose label stands further down (labels dumped after the body), its first line cut
    by a wrap before any sentence end: prose, not an attendee."""
    text = ("第15回青葉市情報公開審議会会議録\n\n日時：令和6年7月8日（水）　午後2時から\n場所：青葉市役所 5階 第1会議室\n\n"
            "出席者\n　委員 林花子　　会長 岡田誠一\n\n"
            "ただいまの件ですが、利用者ＩＤについて御説明いたしま\nすか。\n\n委託事業者はどのように扱われるのでしょうか。\n")
    m = kaigiroku.repair(text)
    assert "利用者" not in json.dumps(m.meta, ensure_ascii=False)
    assert "利用者IDについて" in "".join(t.text for t in m.turns)


def test_the_opening_run_of_headings_after_the_place_is_body():
    """会議場所　… then 開会 / 議事 / 要旨は次の…のとおり / 諮問審議 and the first speech (its label further
    down, wrapped mid-sentence): the place takes none of them."""
    text = ("第18回青葉市情報公開審議会会議録\n\n出席議員（2名）\n　会長 岡田 誠一　　　　委員 石井 健\n"
            "会議場所　青葉市役所 5階 第2委員会室\n\n開会\n\n議事\n\n要旨は次の＜諮問審議＞のとおり\n\n諮問審議\n\n"
            "それでは、議事に入ります。諮問事項ア「児童手当等ｼｽﾃﾑのクラウドサービス\nへの移行について」を審議いたします。\n\n"
            "本件は、審議会の御意見をお聴きするものです。\n")
    m = kaigiroku.repair(text)
    assert m.meta["place"] == "青葉市役所 5階 第2委員会室"
    assert [t.text for t in m.turns[:4]] == ["開会", "議事", "要旨は次の＜諮問審議＞のとおり", "諮問審議"]


def test_a_plain_heading_right_after_the_last_cover_item_is_body():
    text = ("第18回青葉市情報公開審議会会議録\n開催日時：令和6年5月26日（水）　午後2時から\n開催場所：青葉市役所 5階 第1会議室\n"
            "配付資料：別紙のとおり\n\n　　諮問審議\n　　　午前１０時１５分開議\n◎小西教育部長:庁内ネットワークについて御説明いたします。\n")
    m = kaigiroku.repair(text)
    assert m.meta["other"] == {"配付資料": "別紙のとおり"} and m.turns[0].text == "諮問審議"


def test_wrapped_attendee_after_a_comma_stays_in_the_cover():
    # the list's last name wraps onto a line of its own and reads like a surname + role label
    # (浅野主任); the comma ending the line above says the list goes on
    from kaigiroku.cleanup.cover import find_body_start
    lines = ["第18回青葉市審議会会議録", "", "日時　令和6年7月10日（水）", "場所　市役所 第2委員会室",
             "出席者　会長 岡田 誠一、委員 石井 健、説明員 谷口副課長、", "　　浅野主任",
             "（１）開会", "◯会長　それでは、議事に入ります。", "◯浅野主任　御説明いたします。"]
    assert find_body_start(lines) == 6


def test_attendees_on_the_key_line_wrapped_inside_titles_are_one_entry_each():
    """pdftotext's reading of a cover table: the list starts on the key's line and the wraps cut
    titles before their commas (高田行政情報係 / 長、…). Each person is one entry under their role."""
    m = kaigiroku.repair("第18回青葉市審議会会議録\n\n日時　令和6年7月10日（水）\n"
                         "出席者　会長 岡田 誠一、委員 石井 健、委員 中川 真理、\n"
                         "　　　　委員 西村 典子、事務局 小池総務課長、事務局 高田行政情報係\n"
                         "　　　　長、説明員 （防災安全課）谷口副\n"
                         "　　　　課長、浅野主任\n\n"
                         "（１）開会\n◯会長　それでは、議事に入ります。\n◯浅野主任　御説明いたします。\n")
    assert m.meta["attendees"] == ["会長 岡田 誠一", "委員 石井 健", "委員 中川 真理", "委員 西村 典子",
                                   "事務局 小池総務課長", "事務局 高田行政情報係長",
                                   "説明員 （防災安全課）谷口副課長", "説明員 浅野主任"]
    assert [t.speaker for t in m.turns if t.kind == "speech"] == ["会長", "主任"]


DIET_HEAD = "第212回国会 衆議院\n文部科学委員会議録 第1号\n令和五年十一月一日（水曜日）\n午前十時一分開議\n"
DIET_BODY = "\n○委員長（田中花子君）　これより会議を開きます。\n○鈴木さつき君　質問いたします。よろしくお願いします。\n"


@pytest.mark.parametrize("key", ["出席者。\n", "出 席 者。 ", "出席者．\n"])
def test_a_speck_read_after_a_key_on_a_scan_is_its_separator(key):
    """OCR reads a speck after 出席者 as a stop: the key still opens the attendees, which stay out of
    the time and out of the body."""
    m = kaigiroku.repair(DIET_HEAD + key + "鈴木さつき、山田太郎、佐藤一郎\n" + DIET_BODY)
    assert m.meta["time_text"] == "午前十時一分開議"
    assert "鈴木さつき" in " ".join(m.meta["attendees"]) and "山田太郎" in " ".join(m.meta["attendees"])
    assert m.turns[0].speaker == "委員長" and all("出席" not in t.text for t in m.turns)


def test_an_entry_with_its_own_role_after_a_comma_heads_its_group():
    """議長 渡辺健一、教育長.山口和夫 (a speck between role and name, as a scan reads it): the
    second entry is the 教育長's, not a second 議長."""
    m = kaigiroku.repair("第1回会議録\n\n出席者\n　議長 渡辺健一、教育長.山口和夫\n\n○議長　開会します。\n")
    assert m.meta["attendees"] == ["議長 渡辺健一", "教育長 山口和夫"]


def test_a_role_word_cut_at_a_list_lines_end_is_read_whole():
    """委員 青木 秀子、東 珠実、委 / 員 西村 典子: the wrap cut the role 委員, not the list."""
    m = kaigiroku.repair("第1回会議録\n\n出席者\n　委員 青木 秀子、東 珠実、委\n員 西村 典子\n\n○委員長　開会します。\n")
    assert m.meta["attendees"] == ["委員 青木 秀子", "委員 東 珠実", "委員 西村 典子"]


def test_a_full_name_run_into_the_role_is_split_where_the_cover_lists_the_person():
    """○原田雅人会長 where the cover lists 会長 原田 雅人: speaker 会長, name 原田雅人 (not 雅人会長 / 原田);
    the same for a role outside the list (参与 杉本 智子) and for a name the cover's wrap cut (原田 浩 / 二)."""
    text = ("第1回会議録\n\n出席者　会長 原田 雅人、参与 杉本 智子、委員 大槻 雅人、特別顧問 原田 浩\n　二\n\n"
            "○原田雅人会長　ただいまから会議を開きます。よろしくお願いします。\n"
            "○杉本智子参与　御説明いたします。資料を御覧ください。\n"
            "○大槻雅人委員　質問いたします。費用はいかがでしょうか。\n"
            "○原田浩二特別顧問　お答えいたします。費用は約百万円です。\n"
            "○原田雅人会長　以上で本日の会議を閉じます。\n")
    m = kaigiroku.repair(text)
    assert [(t.speaker, t.name) for t in m.turns] == [
        ("会長", "原田雅人"), ("参与", "杉本智子"), ("委員", "大槻雅人"), ("特別顧問", "原田浩二"), ("会長", "原田雅人")]


def test_an_attendee_word_cut_by_the_wrap_stays_in_the_cover():
    """…、書記 教育総務 / 課 野口主事: the wrap cut 教育総務課; the line is the list's tail, not the label
    of the first speech (which is ◯教育長's)."""
    m = kaigiroku.repair("第8回教育委員会定例会会議録\n\n日　時　令和6年8月27日（火）午後1時30分\n"
                         "出 席 者\n　教育長 吉村 博、委員 山本 和子、書記 教育総務\n　課 野口主事\n\n"
                         "◯教育長\nただいまから会議を開きます。\n◯委員\n質問します。よろしいでしょうか。\n")
    assert m.meta["attendees"][-1] == "書記 教育総務課 野口主事"
    assert [t.speaker for t in m.turns] == ["教育長", "委員"]


NARROW_MARKED_FIRST_LABEL = """第212回国会 衆議院 文部科学委員会 第1号

■日時　令和五年十一月一日（水曜日）　午後零時十一分開議
■出席者
　田野瀬太道　　　池田佳隆
　尾身朝子　　　　中村裕之
　中村清

◯委 員 長（田野瀬太道氏）：これより会議
　　　　　　　　　　　　　　を開きます。
　この際、一言御挨拶を申し上げます。
◯国 務 大 臣（盛山正仁氏）：文部科学大臣
　　　　　　　　　　　　　　の盛山正仁で
　　　　　　　　　　　　　　ございます。
"""


def test_a_marked_label_cut_short_by_a_narrow_wrap_opens_the_body():
    """Under a list of attendees, ◯委 員 長（田野瀬太道氏）：これより会議 (a narrow column cut the speech
    after six characters) is a speech's first line, not one more attendee: a cover marks no speaker
    and lists no prose after a name. The first turn keeps its label and its first sentence."""
    m = kaigiroku.repair(NARROW_MARKED_FIRST_LABEL)
    assert not any("◯" in a or "会議" in a for a in m.meta["attendees"])
    first = m.turns[0]
    assert (first.kind, first.speaker, first.name) == ("speech", "委員長", "田野瀬太道")
    assert first.text.startswith("これより会議を開きます。")


def test_a_label_column_dumped_under_the_covers_last_item_is_neither_its_value_nor_joined_to_it():
    """A page's label column dumped before its body (pypdf), the cells wrapped over two lines
    (岩崎和彦教 / 育長, once per turn), right under the cover's last item (■配付資料 / 別紙のとおり): the
    item keeps its one value; its key is never the head of a wrapped label cell, and the repeated
    pieces are no continuation of its value (a cover repeats no line)."""
    from fixtures.splits import meeting_path
    from fixtures.variety import render_random

    minutes = json.loads(meeting_path("kyoikuiinkai_midorikawa").read_text(encoding="utf-8"))
    r = render_random(minutes, 1116)
    assert r.axes["layout"] == "run_before" and r.axes["cover"] == "kv_bracket"
    m = kaigiroku.repair(r.text)
    assert m.meta["other"]["配付資料"] == "別紙のとおり"
    assert not any("配付資料" in (t.speaker or "") or "配付資料" in t.text for t in m.turns)


def test_a_role_led_list_wrapped_inside_an_entry_keeps_the_entry_whole():
    """出席者　…、総務部長 / 井上裕子、…、議員井 / 上恵子 (a list of role-led entries, wrapped at the measure
    inside an entry, as OCR reads a cover set solid): the cut parts were entries of their own (総務部長,
    井上裕子, 議員井, 上恵子), 井上恵子 was no one on the cover, and the label 議員(井上恵子君), read right,
    was respelled as the listed 井上裕子 a character off (tuned seed:66 table_wrapped sweep 0.91 -> 1.0)."""
    from kaigiroku.cleanup.names import settle_misread_names
    from kaigiroku.model import Turn

    text = ("令和4年第3回東雲市議会定例会会議録\n日　時　令和6年8月10日午前10時開議\n"
            "出席者　議長小川誠、市長小林由紀、副市長加藤誠、教育長高橋直美、総務部長\n"
            "井上裕子、企画課長田中裕子、議員吉田健一、議員井上直美、議員井\n上恵子\n場　所　東雲市議会議場\n\n"
            "議長（小川誠君）　ただいまから本日の会議を開きます。\n"
            "総務部長（井上裕子君）　当該システムの経過を御報告します。\n"
            "議員（井上恵子君）　第3条第2項を検討しているところです。\n")
    m = kaigiroku.repair(text)
    assert m.meta["attendees"][4:] == ["総務部長井上裕子", "企画課長田中裕子", "議員吉田健一", "議員井上直美", "議員井上恵子"]
    turns = [Turn("speech", t.text, t.speaker, t.name) for t in m.speeches]
    settle_misread_names(turns, m.meta["attendees"])
    assert [(t.speaker, t.name) for t in turns] == [("議長", "小川誠"), ("総務部長", "井上裕子"), ("議員", "井上恵子")]


def test_a_role_led_list_keeps_an_entry_whole_wherever_the_wrap_cut_its_name():
    # (the names stage no longer joins the cover's pieces: the cover hands on whole entries)
    for cut in ["議員井上\n恵子", "議員井上恵\n子", "議員\n井上恵子", "議員長谷川\n由美子"]:
        text = ("令和4年第3回東雲市議会定例会会議録\n"
                f"出席者　議長小川誠、市長小林由紀、議員井上直美、{cut}、議員山田太郎\n場　所　東雲市議会議場\n\n"
                "議長（小川誠君）　ただいまから本日の会議を開きます。\n")
        whole = "議員" + cut.removeprefix("議員").replace("\n", "")
        assert kaigiroku.repair(text).meta["attendees"][2:] == ["議員井上直美", whole, "議員山田太郎"], cut


def test_a_cover_list_whose_last_wrapped_line_is_a_name_alone_keeps_it():
    """The attendees' list wrapped so that its last line is a name alone (…、教育長 / 高橋直美, …、井上裕子、 /
    高橋直美, …、高橋 / 直美), the body right after it: the name read as the body's heading or a note,
    and the cover lost the person (sweep family, text and OCR paths alike)."""
    for above, last, listed in [("議長小川誠、市長小林由紀、副市長加藤誠、教育長", "高橋直美", "教育長高橋直美"),
                                ("議長小川誠、市長小林由紀、副市長加藤誠、教育長高橋", "直美", "教育長高橋直美"),
                                ("小川誠、小林由紀、加藤誠、井上裕子、", "高橋直美", "高橋直美"),
                                ("小川誠、小林由紀、加藤誠、井上裕子、高橋", "直美", "高橋直美"),
                                ("議長小川誠、市長小林由紀、副市長加藤誠、", "教育長高橋直美", "教育長高橋直美")]:
        text = ("令和4年第3回東雲市議会定例会会議録\n日　時　令和6年8月10日午前10時開議\n"
                f"出席者　{above}\n{last}\n\n"
                "議長（小川誠君）　ただいまから本日の会議を開きます。\n"
                "教育長（高橋直美君）　お答えします。\n")
        m = kaigiroku.repair(text)
        assert m.meta["attendees"][-1] == listed, (above, last)
        assert [t.kind for t in m.turns] == ["speech", "speech"], (above, last)
