"""Name-only labels (○山田太郎君): members printed by name with an honorific, in every way a document
prints them (names holding kana, letter-spaced cells, brackets, no mark and no separator)."""
import pytest

import kaigiroku
from fixtures.splits import load, meeting_path
from fixtures.variety import render_random
from kaigiroku.cleanup.labels import discover, match_label
from kaigiroku.score import score


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(t["speaker"], t.get("name")) for t in kaigiroku.repair(text).to_dict()["turns"] if t["kind"] == "speech"]


@pytest.mark.parametrize("line, person, body", [
    # a given name in kana (三原じゅん子, 森まさこ), printed solid, run into the speech
    ("○森まさこ君お答えします。", "森まさこ", "お答えします。"),
    # spaced out letter by letter as a label cell is, with a colon, a space or a paren after the honorific
    ("◆関 口 ゆ か り君：自治体の立場から伺います。", "関口ゆかり", "自治体の立場から伺います。"),
    ("〇北 村 み ど り君）事業者の立場から申し上げます。", "北村みどり", "事業者の立場から申し上げます。"),
    # a name opening with a character that ends roles (長, 員): the honorific, not 長, ends the head
    ("◆長 谷 川 さ く ら君 外部記録媒体を使わないことや", "長谷川さくら", "外部記録媒体を使わないことや"),
    # a bracketed name holding kana
    ("＜今井さくら君＞　技術的な観点から二点申し上げます。", "今井さくら", "技術的な観点から二点申し上げます。"),
])
def test_a_member_named_with_kana_or_spaced_out(line, person, body):
    m = match_label(line)
    assert m is not None and (m.speaker, m.name) == (person, person)
    assert line[m.end:] == body


def test_members_named_with_kana_keep_their_turns():
    # (tuned kentokai_kasumi@334 with such names, name_only, letter_spaced: 0.81 before)
    text = "\n".join(["〇座 長（東さくら君）　関口委員、お願いします。",
                      "〇関 口 ゆ か り君　自治体の立場から、オンデマンド交通の拡張項目について伺います。",
                      "〇座 長（東さくら君）　今井委員、どうぞ。",
                      "〇今 井 み ど り君　技術的な観点から二点申し上げます。",
                      "〇座 長（東さくら君）　ありがとうございました。"]) + "\n"
    assert [name for _, name in _speakers(text)] == ["東さくら", "関口ゆかり", "東さくら", "今井みどり", "東さくら"]


DOC = ["委員長（東修君）それでは、質疑を行います。三宅委員、どうぞ。",
       "三宅浩二君保護者の費用負担はどうなりますか。経済的な理由で参加できない生徒が出ないようにしていただきたい。",
       "教育長（松浦典子君）国の補助を活用して、負担を抑えるよう努めてまいります。",
       "三宅浩二君熱中症の件ですが、体育館に空調のない学校では、授業中の対策はどうしているのでしょうか。",
       "教育長（松浦典子君）各校に大型の扇風機を配備しております。",
       "委員長（東修君）三宅浩二君。",
       "三宅浩二君学校運営協議会の委員は、どのように選ぶのでしょうか。"]


def test_a_member_by_name_run_into_the_speech_with_no_mark():
    # 三宅浩二君保護者の…: no mark, no separator, while the officers' labels part from their speech by a
    # bracket: a name + honorific at several line starts, going on differently each time, is a label
    roles = discover(DOC)
    m = match_label(DOC[1], roles)
    assert m is not None and (m.speaker, m.name) == ("三宅浩二", "三宅浩二") and DOC[1][m.end:].startswith("保護者")
    assert match_label(DOC[5], roles).speaker == "委員長"  # the chair's call of the member stays speech
    assert [name for _, name in _speakers("\n".join(DOC) + "\n")] == \
        ["東修", "三宅浩二", "松浦典子", "三宅浩二", "松浦典子", "東修", "三宅浩二"]


def test_a_name_once_at_a_line_start_is_no_label():
    # a wrap that leaves a name + honorific at a line start once (…と / 三宅浩二君から伺いました) is speech
    lines = ["委員長（東修君）それでは、質疑を行います。先ほど",
             "三宅浩二君御指摘の件について、教育長から答弁願います。"]
    assert match_label(lines[1], discover(lines)) is None


def test_tuned_name_only_members_run_on_with_no_mark():
    # tuned kyoikuiinkai_midorikawa@201, label_form name_only, mark none, separator none: 0.854 before
    r = render_random(load(meeting_path("kyoikuiinkai_midorikawa")), 201, label_form="name_only")
    assert r.axes["mark"] == "none" and r.axes["separator"] == "none"
    assert score(r.gold, kaigiroku.repair(r.text).to_dict())["attributed"] >= 0.99


# ----------------------------------------------------------------------------- full names holding kana

COVER = ["第3回地域公共交通データ連携検討会議事録", "",
         "日　時　令和6年11月20日（水）　10時00分～12時00分",
         "出席委員（5名）",
         "　座長　東　誠一　　　　　　企画官　米山　みどり",
         "　委員　田中　みどり　　　委員　北村　さくら",
         "　アドバイザー　関口　ゆかり", ""]


def test_a_cover_list_of_names_in_kana_is_no_speech():
    # 委員　田中　みどり　　委員　北村　さくら: a list line as kana-heavy as prose, still the cover's
    from kaigiroku.cleanup.cover import find_body_start

    lines = COVER + ["東誠一座長 ただいまから検討会を開催いたします。", "田中みどり委員 一点だけ申し上げます。"]
    assert find_body_start(lines, discover(lines)) == len(COVER)
    assert ("田中みどり", "委員") in discover(lines).people


@pytest.mark.parametrize("label, role, name", [
    ("◆米 山 み ど り 企 画 官：", "企画官", "米山みどり"),  # a given name in kana before a kanji title
    ("◆関 口 ゆ か り ア ド バ イ ザ ー　", "アドバイザー", "関口ゆかり"),  # … before a katakana one
])
def test_a_full_name_holding_kana_spaced_out_before_its_role(label, role, name):
    lines = COVER + [label + "定刻となりましたので、ただいまから開催いたします。",
                     "◆東 誠 一 座 長：ありがとうございました。", label + "資料について御説明いたします。"]
    roles = discover(lines)
    m = match_label(lines[len(COVER)], roles)
    assert m is not None and (m.speaker, m.name) == (role, name)


def test_full_names_in_kana_keep_cover_and_turns():
    # (tuned kentokai_kasumi@59 with such names, fullname_role, stacked, attendees_columns: 0.57 before:
    # the cover's list lines read as speeches of 委員, every turn after them shifted)
    text = "\n".join(COVER + ["東誠一座長 ただいまから検討会を開催いたします。委員の皆様には、御多忙の",
                              "　　　　　　ところ御出席いただき、ありがとうございます。",
                              "田中みどり委員 整理いただいた三点はそのとおりだと思います。",
                              "米山みどり企画官 御指摘ありがとうございます。検討いたします。"]) + "\n"
    assert _speakers(text) == [("座長", "東誠一"), ("委員", "田中みどり"), ("企画官", "米山みどり")]


@pytest.mark.parametrize("line, body", [
    ("○米山みどり企画官定刻となりましたので、ただいまから開催いたします。", "定刻となりましたので、ただいまから開催いたします。"),
    ("［米山みどり企画官］", ""),
    ("＜関口ゆかりアドバイザー＞　御説明いたします。", "御説明いたします。"),
])
def test_a_listed_full_name_holding_kana_after_a_mark_or_in_brackets(line, body):
    # the cover lists 企画官 米山 みどり: after a mark (run into the speech) or in brackets, the list shows
    # where the name ends (tuned kyoikuiinkai_midorikawa@377 and shingikai_aoba@286 with such names,
    # fullname_role: 0.70 and 0.46 before)
    roles = discover(COVER + [line, "◆東 誠 一 座 長：ありがとうございました。", line])
    m = match_label(line, roles)
    assert m is not None and m.name in ("米山みどり", "関口ゆかり") and m.speaker in ("企画官", "アドバイザー")
    assert line[m.end:] == body


# ----------------------------------------------------------------------------- surname + role, one-off titles

def _tuned(meeting: str, seed: int, **axes) -> float:
    r = render_random(load(meeting_path(meeting)), seed, **axes)
    return score(r.gold, kaigiroku.repair(r.text).to_dict())["attributed"]


def test_a_surname_and_role_spaced_out_run_into_the_speech():
    # ◎佐 伯 部 会 長皆さん、…: where the document prints surname + role, the spaced head runs on to the
    # role (tuned bukai_wakaba_junkan@975, surname_role, letter_spaced, separator none: 0.838 before)
    lines = ["◎佐 伯 部 会 長皆さん、こんにちは。部会長の佐伯でございます。", "◎中 島 委 員ごみの減量について伺います。",
             "◎村 上 部 会 長 代 理関連して、私から一点よろしいでしょうか。",
             "◎佐 伯 部 会 長それでは、議事に入ります。"]
    m = match_label(lines[0], discover(lines))
    assert m is not None and (m.speaker, m.name) == ("部会長", "佐伯") and lines[0][m.end:].startswith("皆さん")
    assert _tuned("bukai_wakaba_junkan", 975) >= 0.99


def test_a_surname_before_a_longer_role_than_the_list_prints():
    # ◎東副議長 where the cover lists 議長 with a person: 東 + 副議長, not 東副 + 議長 (tuned
    # kokkai_sangiin_honkaigi@401 and @610, surname_role: 0.924 before)
    lines = ["議事日程", "　議長　立花　健一", "◎立花議長　これより会議を開きます。", "◎東副議長　本案に対し、討論の通告がございます。",
             "◎東副議長　これにて討論は終局いたしました。"]
    m = match_label(lines[3], discover(lines))
    assert m is not None and (m.speaker, m.name) == ("副議長", "東")
    assert _tuned("kokkai_sangiin_honkaigi", 401) >= 0.99


def test_a_title_the_cover_lists_printed_once():
    # 企画官 米山 隆之 on the cover, 企 画 官 国土交通基盤大臣の… once in the body (its speaker speaks once):
    # a label, not a line of the speech before it (tuned kentokai_kasumi@290, anon, markdown: 0.922 before)
    lines = ["出席者", "　座長 東 雅人　　　　　企画官 米山 隆之",
             "調 整 官 定刻となりましたので、ただいまから開催いたします。", "なお、冒頭に御挨拶をいただきます。",
             "企 画 官 国土交通基盤大臣の宮腰でございます。よろしくお願いいたします。",
             "調整官 ありがとうございました。", "調 整 官 それでは、議事に入ります。"]
    m = match_label(lines[4], discover(lines))
    assert m is not None and m.speaker == "企画官" and lines[4][m.end:].startswith("国土交通")
    assert _tuned("kentokai_kasumi", 290) >= 0.99


def test_a_two_character_full_name_in_the_cover_list():
    # 教育長　城　監: a full name of two, printed as surname and given name, is a listed person too
    lines = ["出席者", "　教育長　城　監　　　委員　田中　真理子",
             "◎城監教育長　ただいまから会議を開きます。", "◎城監教育長　それでは、報告をお願いします。"]
    m = match_label(lines[2], discover(lines))
    assert m is not None and (m.speaker, m.name) == ("教育長", "城監")


@pytest.mark.parametrize("role", ["地区代表", "委員長職務代理", "会長代行"])
def test_a_full_name_before_a_representative_or_an_acting_title(role):
    # titles outside the list that end in 代表, 代理 or 代行 (a residents' council's 地区代表, one acting for
    # the chair): the cover lists the person with it, the labels print name + title (stress-cast tuned
    # kondankai_kasumi_koritsu@97 and @174, fullname_role: 0.77 before)
    lines = ["出席者", f"　座長　原田　雅人　　　{role}　梶　真一",
             "原田雅人座長：ただいまから開会いたします。",
             f"梶真一{role}：整理いただいた三点はそのとおりだと思います。",
             "原田雅人座長：ありがとうございました。",
             f"梶真一{role}：関連してもう一点申し上げます。"]
    m = match_label(lines[3], discover(lines))
    assert m is not None and (m.speaker, m.name) == (role, "梶真一")
    assert _speakers("\n".join(lines) + "\n")[1] == (role, "梶真一")


def test_a_member_by_name_run_into_the_speech_who_speaks_once():
    # where two members or more are printed name + 君 run into their speech, one who speaks once, at a
    # turn's start, is a label too; a name once at a line start inside a turn (a wrap) is not
    doc = DOC + ["教育長（松浦典子君）学校ごとに選考しております。", "北村直樹君部活動の指導者はどう確保するのですか。",
                 "教育長（松浦典子君）地域の団体と調整しております。", "大川真一君通学路の安全対策について伺います。",
                 "教育長（松浦典子君）点検を進めております。", "大川真一君よろしくお願いします。",
                 "委員長（東修君）ほかにありませんか。"]
    roles = discover(doc)
    m = match_label(doc[8], roles)
    assert m is not None and m.name == "北村直樹" and doc[8][m.end:].startswith("部活動")
    lines = ["委員長（東修君）それでは、質疑を行います。先ほど", "三宅浩二君御指摘の件について、教育長から答弁願います。"]
    assert match_label(lines[1], discover(lines)) is None
