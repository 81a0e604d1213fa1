"""Scanned Diet plenaries in label tables: what their openings hold that a council's minutes do not
(a chair's long role wrapped in a narrow cell, 副議長（ / 三枝和代 / 君）; members and a committee
chair by name alone; 〔…登壇、拍手〕 notes; a cover with the 議事日程 and no list of attendees).
A few small rendered pages each, scanned mild."""
from fixtures.scan import render_case, scan_pdf
from kaigiroku.ingest import ingest
from kaigiroku.score import score

CHAIR = "三枝和代"  # a name opening with 三, which a narrow cell wraps to the start of a row


def _plenary() -> dict:
    say = lambda who, name, text: {"kind": "speech", "speaker": who, "name": name, "text": text}  # noqa: E731
    return {
        "meta": {"title": "第二百十回国会参議院会議録第五号", "date_text": "令和五年三月八日（水曜日）",
                 "time_text": "午前十時一分開議", "materials": "議事日程第五号のとおり"},
        "turns": [
            say("副議長", CHAIR, "これより会議を開きます。\n\n日程第一　地方税法の一部を改正する法律案を議題といたします。"
                "まず、委員長の報告を求めます。総務委員長森本晴彦君。"),
            {"kind": "note", "text": "〔森本晴彦君登壇、拍手〕"},
            say("", "森本晴彦", "ただいま議題となりました法律案につきまして、委員会における審査の経過と結果を御報告申し上げます。"
                "本法律案は、地域の財政の基盤を強くするため、税の仕組みを改めるものであります。"
                "委員会におきましては、地方の税収の見通し、住民の負担などについて質疑が行われました。"),
            {"kind": "note", "text": "〔拍手〕"},
            say("副議長", CHAIR, "これより採決をいたします。本案の賛否について、投票ボタンをお押し願います。"),
            {"kind": "note", "text": "〔投票開始〕"},
            say("副議長", CHAIR, "投票の結果を報告いたします。\n\n投票総数　二百三十八\n\n賛成　百四十六\n\n反対　九十二\n\n"
                "よって、本案は可決されました。"),
        ],
    }


def test_a_chairs_name_wrapped_to_a_rows_start_keeps_its_first_kanji(tmp_path):
    # Read where nothing stands to its left, the 三 of 三枝和代 came back as ':' in every cell of the
    # chair's, surely: three of the chair's turns went to a ':枝和代' the gold does not know
    gold = _plenary()
    pdf = render_case(gold, "table_ruled", tmp_path / "plenary.pdf", "gothic")
    scan = tmp_path / "plenary_mild.pdf"
    scan_pdf(pdf, scan, "mild", dpi=300, seed=8617)
    m = ingest(scan, dpi=300)
    s = score(gold, m.to_dict())
    print(f"\nplenary table_ruled gothic: attributed={s['attributed']} miss={s['miss']}")
    chairs = {t.name for t in m.speeches if t.speaker == "副議長"}
    assert chairs == {CHAIR}
    assert s["attributed"] >= 0.95


def _turns(label_name: str):
    from kaigiroku.model import Turn

    return [
        Turn("speech", "日程第一、国務大臣の演説に対する質疑に入ります。順次これを許します。野々村中子君。", "議長", "高森宗一郎"),
        Turn("note", "〔野々村昌子君登壇〕"),
        Turn("speech", "民主改革党の野々村昌子です。会派を代表して質問いたします。", label_name, label_name),
        Turn("speech", "内閣総理大臣桐生康弘君。", "議長", "高森宗一郎"),
        Turn("note", "〔内閣総理大臣桐生康弘君登壇〕"),
        Turn("speech", "野々村昌子議員の御質問にお答えいたします。", "内閣総理大臣", "桐生康弘"),
    ]


def test_a_members_label_misread_alone_takes_the_name_the_direction_before_it_prints():
    # 〇野々村昌子君 in a member's cell read 野々村上中子 (昌 split in two), the chair's call 野々村中子;
    # the direction before the speech and two speeches print 野々村昌子, and no cover lists the members
    from kaigiroku.cleanup.names import settle_misread_names

    turns = _turns("野々村上中子")
    settle_misread_names(turns, [])
    assert (turns[2].speaker, turns[2].name) == ("野々村昌子", "野々村昌子")
    assert turns[5].name == "桐生康弘"


def test_a_name_the_document_prints_once_does_not_rename_a_label():
    from kaigiroku.cleanup.names import settle_misread_names

    turns = _turns("野々村上中子")
    # 野々村昌子 printed once, in the direction: one reading against another, nothing to settle them
    turns[2].text = "民主改革党の者です。会派を代表して質問いたします。"
    turns[5].text = "御質問にお答えいたします。"
    settle_misread_names(turns, [])
    assert turns[2].name == "野々村上中子"


def test_a_rostrum_direction_whose_brackets_ocr_misread_stays_a_note():
    # 〔内閣総理大臣桐生康弘君登壇〕 (a 衆議院 plenary's, no 拍手 after it) read with its 〔 as 【 and its 〕
    # lost was no direction, and went into the chair's call before it
    from kaigiroku.cleanup.classify import block_kind
    from kaigiroku.cleanup.ocrfix import fix_ocr_text

    line = fix_ocr_text("【内閣総理大臣桐生康弘君登壇")
    assert line == "〔内閣総理大臣桐生康弘君登壇〕"
    assert block_kind(line) == "note"
    assert block_kind("【野々村昌子君登壇】") == "note"
