"""Covers of a town assembly's record and of a ministry's 議事次第 (issue 9: a cover that ends where the
body begins and never takes speech; meta values are short key/value items).

The town assembly's cover lists the members summoned (応招), present and absent in columns with
their seats and names spaced out (１番　小野寺　美咲), the executive called under 地方自治法第121条,
the assembly's staff, and the day's agenda (議事日程 日程第1 …) as its last item, right before the
body; a 議事次第 has sub-items under its items (２．議 事 / （1）…について) and a list of materials."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

import kaigiroku
from fixtures.splits import load, meeting_path
from fixtures.variety import render_random
from kaigiroku.score import score

TOWN = load(meeting_path("chogikai_nanase_teireikai"))
P2 = Path(__file__).resolve().parents[2] / "shared" / "realpdf" / "p2.pdf"


@pytest.mark.parametrize("seed", [1, 58])
def test_town_assembly_cover_is_read_whole_and_the_body_starts_after_its_agenda(seed):
    r = render_random(TOWN, seed, cover="town_assembly", layout="inline", label_form="role_name", mark="assembly")
    out = kaigiroku.repair(r.text)
    meta = out.meta
    assert meta["place"] == "七瀬町役場議場" and meta["date_text"] == "令和6年6月11日（火）"
    assert "町長 田村 浩一" in meta["attendees"] and "書記 中野 沙也加" in meta["attendees"]
    assert "12番 大橋 正人" in meta["attendees"] and meta["absent"] == ["6番 関 和夫"]
    assert "日程第6" in meta["other"]["議事日程"]
    # the agenda stays on the cover: the body's headings are the gold's, once each
    headings = [t.text for t in out.turns if t.kind == "heading"]
    assert len(headings) == sum(t["kind"] == "heading" for t in r.gold["turns"])
    s = score(r.gold, out.to_dict())
    assert s["attributed"] >= 0.99 and s["cer"] == 0


def test_attendee_columns_keep_each_entry_to_its_own_role():
    """A row of attendees in columns, the role then the name: a long title (子ども家庭課長補佐), or one the
    grammar would part as surname + role (健康福祉部長), is its entry's role, never a name under the role of
    the entry before it (委員 子ども家庭課長補佐 三浦一樹)."""
    text = "\n".join([
        "令和6年白鷺区議会決算特別委員会会議録（第3号）",
        "日　　時　令和6年10月1日（火）　午前10時開会",
        "場　　所　白鷺区役所 第1委員会室",
        "出席委員",
        "　委員長　松永隆司　　　　　健康福祉部長　森田光代　　　委員　岡本健",
        "　委員　久保田真理　　　　　子ども家庭課長補佐　三浦一樹　　委員　西川拓也",
        "",
        "○委員長（松永隆司君）　ただいまから決算特別委員会を開会いたします。",
        "○子ども家庭課長補佐（三浦一樹君）　相談件数は２,８４６件でございます。",
        "○委員長（松永隆司君）　以上で本日の審査を終わります。",
    ])
    out = kaigiroku.repair(text)
    assert out.meta["attendees"] == ["委員長 松永隆司", "健康福祉部長 森田光代", "委員 岡本健", "委員 久保田真理",
                                     "子ども家庭課長補佐 三浦一樹", "委員 西川拓也"]
    assert [t.speaker for t in out.turns] == ["委員長", "子ども家庭課長補佐", "委員長"]


def test_agenda_sub_items_and_materials_stay_on_the_cover():
    """２．議 事 / （1）…について / （2）その他 / ３．閉 会 and a 資料 list: the agenda and the materials are
    the cover's (meta), never the body's first headings and notes."""
    text = "\n".join([
        "第4回デジタル社会推進会議 議事録",
        "１　開催日時",
        "令和5年6月6日（火）8:45～8:55",
        "２　場所",
        "総理大臣官邸2階大ホール",
        "３　議事次第",
        "　１．開　会",
        "　２．議　事",
        "　（1）「デジタル社会の実現に向けた重点計画」について",
        "　（2）その他",
        "　３．閉　会",
        "４　資料",
        "資料1-1：重点計画（案）説明資料",
        "資料1-2：重点計画（案）概要資料",
        "",
        "○河野大臣　ただいまから、第4回「デジタル社会推進会議」を開催いたします。",
        "○岸田内閣総理大臣　本日は、重点計画の改定案を取りまとめました。",
    ])
    out = kaigiroku.repair(text)
    agenda = out.meta["other"]["議事次第"]
    assert "（1）" in agenda and "（2）その他" in agenda and agenda.endswith("3．閉 会")
    assert "資料1-2" in out.meta["other"]["資料"]
    assert [t.kind for t in out.turns] == ["speech", "speech"]


def test_generated_agenda_with_sub_items_stays_in_meta():
    """The generator's 議事次第 with sub-items and a 資料 list (drawn at random): no agenda line in the body."""
    for seed in (34, 41):
        r = render_random(TOWN, seed, cover="giji_shidai")
        out = kaigiroku.repair(r.text)
        s = score(r.gold, out.to_dict())
        assert s["cer"] == 0, (seed, [t.text for t in out.turns[:3]])


@pytest.mark.skipif(not P2.exists(), reason="../shared/realpdf is not here")
def test_real_p2_agenda_and_materials_are_meta():
    from kaigiroku.ingest import ingest

    out = ingest(P2, ocr="never")
    meta = out.to_dict()["meta"]
    assert meta["date_text"] == "令和5年6月6日（火）" and meta["place"] == "総理大臣官邸2階大ホール"
    assert "（1）" in meta["other"]["議事次第"] and "閉 会" in meta["other"]["議事次第"]
    assert "資料2-2" in meta["other"]["資料"]
    assert out.turns[0].kind == "speech" and out.turns[0].speaker == "大臣"



def test_the_executive_called_to_explain_are_attendees_each_with_their_role():
    """説明のため出席した者　健康福祉部長 森田 光代、…: a key of the cover whose value lists the executive, each
    entry the role then the person, as the other attendees are listed, though the document's labels
    (〇立 花 健 康 福 祉 部 長) teach the grammar to read 健康福祉部長 as surname + role (tuned kessan@226)."""
    r = render_random(load(meeting_path("kessan_iinkai_shirasagi")), 226)
    out = kaigiroku.repair(r.text)
    assert r.axes["cover"] == "giji_nittei" and r.axes["label_form"] == "surname_role"
    attendees = out.meta["attendees"]
    assert "健康福祉部長 森田 光代" in attendees and "子ども家庭課長補佐 三浦 一樹" in attendees
    assert "教育委員会事務局次長 上田 恵理子" in attendees and not any("説明のため" in a for a in attendees)
    assert out.meta["place"] == "白鷺区役所 本庁舎6階 第1委員会室"


def test_a_covers_last_names_are_not_pieces_of_the_first_label_cell():
    """A cover listing bare names one a line, indented under its key, right before the body's first
    label alone on its line at the margin (　　本田顕子 / 　　中村清 / 三宅委員長): the names stay the
    cover's, never pieces of a wrapped label cell (tuned real:d1@132 read 伸夫本田顕子中村清三宅委員長)."""
    text = "\n".join([
        "第212回国会 衆議院 文部科学委員会 第1号",
        "",
        "1 日 時　令和五年十一月一日（水曜日）　午後零時十一分開議",
        "2 出席者",
        "　　田野瀬太道",
        "　　池田佳隆",
        "　　安江伸夫",
        "　　本田顕子",
        "　　中村清",
        "",
        "三宅委員長",
        "これより会議を開きます。",
        "　この際、一言御挨拶を申し上げます。",
        "盛山大臣",
        "第二百十二回国会において各般の課題を御審議いただくに当たり、御挨拶申し上げます。",
        "三宅委員長",
        "これにて散会いたします。",
    ])
    out = kaigiroku.repair(text)
    assert out.meta["attendees"][-3:] == ["安江伸夫", "本田顕子", "中村清"]
    assert [(t.speaker, t.name) for t in out.turns] == [("委員長", "三宅"), ("大臣", "盛山"), ("委員長", "三宅")]


def test_an_unlisted_title_in_a_list_heads_its_own_entry():
    """委員 北村 春香、進行役 梶 修: a title the role list does not know (進行役), which the document's labels
    (○梶進行役) teach the grammar to part as 進 + 行役, heads its own entry, not a name under 委員."""
    text = "\n".join([
        "第3回地域交通検討会議事録",
        "開催日時：令和6年7月2日（火）午後2時",
        "開催場所：霞が丘合同庁舎",
        "出席者：座長 東 健一、委員 田中 由美、委員 北村 春香、進行役 梶 修、委員 今井 誠",
        "",
        "○東座長　ただいまから会議を開きます。進行役からお願いします。",
        "○梶進行役　それでは、資料1について御説明いたします。本日は三つの論点がございます。",
        "○田中委員　質問です。よろしいでしょうか。",
        "○梶進行役　どうぞ、お願いいたします。",
    ])
    out = kaigiroku.repair(text)
    assert out.meta["attendees"] == ["座長 東 健一", "委員 田中 由美", "委員 北村 春香", "進行役 梶 修", "委員 今井 誠"]
    assert [(t.speaker, t.name) for t in out.turns] == [("座長", "東"), ("進行役", "梶"), ("委員", "田中"), ("進行役", "梶")]


def test_names_alone_after_the_key_are_entries_and_a_name_cut_by_the_wrap_is_joined():
    """出席者:田野瀬太道、池田佳隆、…、山 / 　　田賢司、…、井出 / 　　庸生、…: names alone are entries from the
    key's own line on, and a name the wrap cut (a lone character, or two and two) reads whole."""
    text = "\n".join([
        "第212回国会 衆議院 文部科学委員会 第1号",
        "開催日時:令和五年十一月一日（水曜日）　午後零時十一分開議",
        "出席者:田野瀬太道、池田佳隆、尾身朝子、中村裕之、永岡桂子、根本幸典、山",
        "　　　　田賢司、森山浩行、柚木道義、金村龍那、堀場幸子、浮島智子、鰐淵洋子、井出",
        "　　　　庸生、上杉謙太郎、勝目康",
        "",
        "〇原田委員長：これより会議を開きます。",
    ])
    out = kaigiroku.repair(text)
    assert out.meta["attendees"] == ["田野瀬太道", "池田佳隆", "尾身朝子", "中村裕之", "永岡桂子", "根本幸典", "山田賢司",
                                     "森山浩行", "柚木道義", "金村龍那", "堀場幸子", "浮島智子", "鰐淵洋子", "井出庸生",
                                     "上杉謙太郎", "勝目康"]


def test_the_bodys_first_heading_after_the_covers_agenda_is_the_bodys():
    """議事日程 / 日程第1 … / 日程第2 … as the cover's last item, then the body's own first heading in another
    numbering (（１） 開会): the agenda ends where its numbering stops going on (the property test's case)."""
    text = "\n".join([
        "第7回青葉市情報公開審議会会議録",
        "招集年月日　令和6年9月22日（水）",
        "招集の場所　青葉市役所 5階 第1会議室",
        "出席議員（3名）",
        "　委員　石井健　　会長　岡田誠一　委員　林花子",
        "欠席議員",
        "　な　し",
        "議事日程（第２号）",
        "　日程第1　会議録署名議員の指名",
        "　日程第2　会期の決定",
        "",
        "（１） 開会",
        "午前9時30分開始",
        "◯会長（佐藤一郎君）　そのため、アンケート調査に問題はないと考えます。",
    ])
    out = kaigiroku.repair(text)
    assert out.meta["other"]["議事日程"] == "日程第1 会議録署名議員の指名 日程第2 会期の決定"
    assert out.meta["absent"] == [] and out.meta["attendees"] == ["委員 石井健", "会長 岡田誠一", "委員 林花子"]
    assert [t.kind for t in out.turns] == ["heading", "note", "speech"]


def test_an_archive_holding_the_same_minutes_three_times_keeps_every_line():
    """The same minutes three times in one file, page numbers at each page's foot: every line of the body
    recurs three times, once a copy, near the page number of the same value; that is no running header
    (a header goes on from page to page), so no wrapped piece of speech is dropped as one."""
    from fixtures.splits import meeting_path as path

    r = render_random(load(path("shingikai_aoba")), 1, layout="inline", furniture="page_numbers", blank_lines=False,
                      cover="none", label_form="role_name")
    text = "\n".join([r.text] * 3)
    out = kaigiroku.repair(text)
    s = score(dict(r.gold, turns=r.gold["turns"] * 3), out.to_dict())
    assert s["cer"] < 0.002 and s["attributed"] > 0.99
    line = "LGWANは、全国の地方公共団体を相互に結ぶ行政専用のネットワークで"
    assert sum(line in re.sub(r"\s", "", unicodedata.normalize("NFKC", t.text)) for t in out.turns) == 3


def test_an_office_wrapped_over_two_lines_of_the_list_is_one_entry():
    """幹事：… / 文部科学省総合教育政策局 / (indented) 男女共同参画共生社会学習・安全課：田中課長補佐 (real p1's cover):
    an office alone on a line, its section and person indented under it, is one entry, not two."""
    from kaigiroku.cleanup.cover import read_cover

    lines = ["4 出席者（敬称略・50音順）",
             "幹事：金融庁総合政策局総合政策課：佐藤総合政策管理官",
             "法務省大臣官房司法法制部司法法制課：川副官房付【代理出席】",
             "文部科学省総合教育政策局",
             "男女共同参画共生社会学習・安全課：田中課長補佐【代理出席】",
             "農林水産省消費・安全局消費者行政・食育課：髙橋課長"]
    meta = read_cover(lines, None, [0, 0, 3, 3, 12, 3])
    assert meta["attendees"][1:] == ["幹事 法務省大臣官房司法法制部司法法制課：川副官房付【代理出席】",
                                     "幹事 文部科学省総合教育政策局男女共同参画共生社会学習・安全課：田中課長補佐【代理出席】",
                                     "幹事 農林水産省消費・安全局消費者行政・食育課：髙橋課長"]
