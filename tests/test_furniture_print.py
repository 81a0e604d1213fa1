"""A browser's print furniture (date/time + title on top, URL + n/m at the bottom of every page) is
removed from repaired text, on the first page too; bracketed stage directions are notes whatever
their bracket."""
from __future__ import annotations

import json

import pytest

import kaigiroku
from kaigiroku.cleanup.classify import block_kind
from kaigiroku.cleanup.furniture import has_print_stamp

TITLE = "第3回南町総務常任委員会会議録"
SPEECH = [("委員長", "ただいまから委員会を開会いたします。本日の議題は、お手元に配付の日程のとおりです。"),
          ("総務課長", "それでは、資料に基づきまして御説明申し上げます。予算の概要は次のとおりです。"),
          ("委員", "説明のありました事業について、もう少し詳しく伺いたいと思います。"),
          ("総務課長", "お答えいたします。この事業は、来年度から三年間で実施する計画でございます。")]


def _printed(date: str, url: str, pages: int = 4) -> str:
    lines = []
    for n in range(1, pages + 1):
        lines.append(f"{date}{' ' * 20}{TITLE}")
        if n == 1:
            lines += [TITLE, "開催日時：令和6年5月13日（月）午前10時", ""]
        for role, text in SPEECH:
            lines += [f"○{role}", text]
        lines.append(f"{url}{' ' * 12}{n}/{pages}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("date,url", [("2024/05/13 14:05", "https://www.town.minami.example.jp/gikai/r06/0513.html"),
                                      ("2025/1/8 9:41", "http://gikai.example.jp/g07_Shiryo.asp?KAIGI_ID=2024")])
def test_browser_header_and_footer_leave_no_trace(date, url):
    minutes = kaigiroku.repair(_printed(date, url)).to_dict()
    body = "".join(t["text"] for t in minutes["turns"])
    assert "http" not in body and date.split()[0] not in body and "/4" not in body
    assert minutes["meta"]["title"] == TITLE  # the print stamp is not part of the title
    speeches = [t for t in minutes["turns"] if t["kind"] == "speech"]
    assert [(t["speaker"], t["text"]) for t in speeches] == SPEECH * 4


def test_a_repeated_title_without_stamp_stays_the_title():
    text = "\n".join([TITLE, ""] + [l for n in range(3) for l in ([TITLE] if n else []) + [
        f"○{r}\n{t}" for r, t in SPEECH] + [f"- {n + 1} -"]]) + "\n"
    minutes = kaigiroku.repair(text).to_dict()
    assert minutes["meta"]["title"] == TITLE
    assert TITLE not in "".join(t["text"] for t in minutes["turns"])


def test_print_stamps():
    assert has_print_stamp("2024/05/13 14:05            会議録")
    assert has_print_stamp("https://www.city.example.lg.jp/a.html      3/56")
    assert has_print_stamp("令和6年7月2日                      会議録")
    assert not has_print_stamp("第18回青葉市審議会会議録")
    assert not has_print_stamp("令和6年7月2日開催の会議録")


@pytest.mark.parametrize("text", ["［「異議なし」と呼ぶ者あり］", "【拍手】", "[質疑なし]", "〔「異議なし」と呼ぶ者あり〕",
                                  "（説明員退室）", "＜説明員入室＞", "［休憩］"])
def test_bracketed_directions_are_notes_in_every_bracket(text):
    assert block_kind(text) == "note"


@pytest.mark.parametrize("text", ["［報告事項］", "【協議事項】", "＜諮問審議＞", "【その他】", "［日程第１　会議録署名議員の指名］"])
def test_bracketed_item_names_stay_headings(text):
    assert block_kind(text) == "heading"


SHORT = {
    "meta": {"title": "第3回東雲市読者比較審議会会議録", "date_text": "令和6年5月20日（月）",
             "place": "東雲市役所 第2会議室", "attendees": ["会長 山田 太郎", "委員 佐藤 花子"]},
    "turns": [{"kind": "speech", "speaker": "会長", "text": "ただいまから会議を開きます。"},
              {"kind": "note", "text": "（「異議なし」と呼ぶ者あり）"},
              {"kind": "speech", "speaker": "委員", "text": "第2条第3項の改正案について質問します。" * 2}],
}


@pytest.mark.parametrize("layout", ["inline", "table_left", "own_line"])
def test_the_cover_title_over_the_only_body_page_is_a_running_header(layout, tmp_path):
    """A cover page and one body page: the title printed at the head of the body page repeats on no
    other page, yet its place and its equality with the cover's title make it furniture."""
    import pypdfium2 as pdfium

    from fixtures.render_pdf import render
    from kaigiroku.ingest import ingest

    pdf = render(SHORT, layout, tmp_path / f"{layout}.pdf")
    assert len(pdfium.PdfDocument(str(pdf))) == 2
    minutes = ingest(pdf, ocr="never").to_dict()
    assert minutes["meta"]["title"] == SHORT["meta"]["title"]
    assert [(t["kind"], t.get("speaker")) for t in minutes["turns"]] == [("speech", "会長"), ("note", None),
                                                                         ("speech", "委員")]


@pytest.mark.parametrize("layout", ["inline", "own_line", "table_left"])
def test_a_one_page_browser_print_loses_its_stamps(layout, tmp_path):
    """One page printed from a browser: nothing repeats, yet the date/time header and the URL + 1/1
    footer are furniture by their shape and place."""
    from fixtures.render_pdf import Furniture, Plan, _render
    from kaigiroku.ingest import ingest

    url = "https://www.city.example.lg.jp/gikai/r06/0513.html"
    plan = Plan(layout, furniture=Furniture(header=False, browser=("2024/05/13 14:05", url), number_cover=True,
                                            centre_number=False),
                cover=(SHORT["meta"]["title"], "日時　令和6年5月20日（月）"), cover_page=False)
    flow = _render(SHORT, plan, tmp_path / "one.pdf")
    assert flow.page == 1
    minutes = ingest(tmp_path / "one.pdf", ocr="never").to_dict()
    assert minutes["meta"]["title"] == SHORT["meta"]["title"]
    text = json.dumps(minutes, ensure_ascii=False)
    assert "2024/05/13" not in text and url not in text and "1/1" not in text
    assert [t.get("speaker") for t in minutes["turns"]] == ["会長", None, "委員"]


def test_a_wrapped_line_said_three_times_is_no_running_header():
    """A speech line that recurs next to page numbers (the same sentence said three times, wrapped
    the same way) holds a sentence end: text, not a running header (found by the property test)."""
    from fixtures.generate import render

    said = "2024年度の予算のセキュリティ対策を教えてください。第3条第2項について御説明いたします。"
    speech = lambda text: {"kind": "speech", "speaker": "会長", "name": "山田太郎", "text": text}  # noqa: E731
    minutes = {"id": "random", "meta": {"title": "第1回青葉市情報公開審議会会議録", "date_text": "令和6年1月1日（水）",
                                        "time_text": "午後2時から午後3時30分まで", "place": "青葉市役所 5階 第1会議室",
                                        "attendees": ["会長 岡田誠一"] * 4, "materials": "別紙のとおり"},
               "turns": [{"kind": "heading", "text": "5 会議の概要"},
                         speech("本件について御説明いたします。\n\n" + "本件について御説明いたします。" * 3 + "\n\n" + said),
                         speech("本件について御説明いたします。本件について御説明いたしますか。\n\n"
                                "本件について御説明いたします。本件について御説明いたします。本件を確認いたしましたか。\n\n" + said),
                         speech("本件について御説明いたします。" * 2 + "\n\n" + said)]}
    out = kaigiroku.repair(render(minutes, "page_furniture", seed=13))
    assert "".join(t.text for t in out.turns).replace("\n", "").count(said) == 3


def test_a_one_page_text_print_loses_its_stamps():
    """Text copied from a one-page browser print: the header and the `URL … 1/1` footer go by their
    shape, though nothing repeats."""
    text = _printed("2024/05/13 14:05", "https://www.town.minami.example.jp/gikai/r06/0513.html", pages=1)
    minutes = kaigiroku.repair(text).to_dict()
    assert "http" not in json.dumps(minutes, ensure_ascii=False) and minutes["meta"]["title"] == TITLE
    assert [(t["speaker"], t["text"]) for t in minutes["turns"]] == SPEECH


def test_the_title_and_date_heading_the_second_page_is_furniture():
    """A two-page text: the title with the meeting's date heads page 2 once, after the page number."""
    header = f"{TITLE}　令和6年5月13日（月）"
    lines = [TITLE, "開催日時：令和6年5月13日（月）午前10時", ""]
    lines += [f"○{r}\n{t}" for r, t in SPEECH[:2]] + ["- 1 -", header] + [f"○{r}\n{t}" for r, t in SPEECH[2:]] + ["- 2 -"]
    minutes = kaigiroku.repair("\n".join(lines) + "\n").to_dict()
    assert [(t["speaker"], t["text"]) for t in minutes["turns"]] == SPEECH


def test_a_heading_said_twice_on_a_page_is_no_running_header():
    """議案第１２号 three times, twice on one page: a header is printed once a page."""
    speech = "○会長（森本美穂氏）\tそのため、庁内ネットワークはどのように扱われるのでしょうか。\n"
    text = (f"{TITLE}\n\n１　日時\n　　令和6年4月20日（水）\n\n" + speech + "議案第１２号\n" + speech + "議案第１２号\n報告事項\n"
            "https://www.town.minami.example.jp/gikai/dai3kai.html          1/2\n" + speech + "議案第１２号\n"
            "https://www.town.minami.example.jp/gikai/dai3kai.html          2/2\n")
    body = "".join(t.text for t in kaigiroku.repair(text).turns)
    assert body.count("議案第12号") + body.count("議案第１２号") == 3


def test_the_opening_heading_said_again_mid_page_is_no_title_header():
    """No cover: the first line is a heading, not the title; said again mid-page it is text."""
    text = ("　会議録署名議員の指名\n午前１１時１５分開議\n◎会長:本件について御説明いたします。\n　　〔質疑なし〕\n"
            "　　会議録署名議員の指名\n◎委員:マイナンバーについて御説明いたします。\n◎会長:ほかにございますか。\n"
            "◎委員:ございません。\n◎会長:では次に移ります。\n　　　１\n"
            "◎会長:本件について御説明いたします。\n　　　２\n")
    body = "".join(t.text for t in kaigiroku.repair(text).turns)
    assert body.count("会議録署名議員の指名") == 2


def test_record_title_heading_page_two_goes_even_once():
    """A two-page record with no title page: the title (with the meeting's date) printed at the head
    of page 2, after page 1's number, is furniture though it appears only once; a heading after a
    page number stays."""
    text = "\n".join([
        "○委員長　ただいまから委員会を開会いたします。",
        "○委員　説明のありました事業について伺います。",
        "- 1 -",
        "第212回国会 衆議院 文部科学委員会 第1号　令和五年十一月一日（水曜日）",
        "○委員長　次に、副大臣から発言を求められております。",
        "- 2 -",
        "会議録署名議員の指名",
        "○委員長　以上で本日の日程は終了いたしました。",
    ]) + "\n"
    turns = kaigiroku.repair(text).to_dict()["turns"]
    body = "".join(t["text"] for t in turns)
    assert "第212回国会" not in body and "令和五年" not in body
    assert any(t["kind"] == "heading" and t["text"] == "会議録署名議員の指名" for t in turns)
    assert [t["speaker"] for t in turns if t["kind"] == "speech"] == ["委員長", "委員", "委員長", "委員長"]


def test_a_direction_in_a_table_cell_is_no_running_header():
    """|  | 〔「なし」と呼ぶ者あり〕 | said on every page of a pipe table stays, as a note."""
    rows = []
    for n in range(1, 5):
        rows += ["| ◎委員長 | ほかに質疑はありませんか。 |", "|  | 〔「なし」と呼ぶ者あり〕 |",
                 "| ◎委員長 | 質疑を終結いたします。 |", f"- {n} -"]
    turns = kaigiroku.repair("\n".join(rows) + "\n").to_dict()["turns"]
    assert sum(t["kind"] == "note" and "なし" in t["text"] for t in turns) == 4


def test_numbered_headings_that_differ_only_in_their_number_are_no_running_header():
    """日程第１　諮問審議 and 日程第２　諮問審議 on a one-page document (pdftotext: a form feed, a page
    number): a list's items number on, a running header does not; both headings stay."""
    text = ("　日程第１　諮問審議\n　　　午前１１時４５分開会\n　　日程第２　諮問審議\n"
            "田中和彦会長　本件に問題はないと考えます。\n　　午後２時１０分終了\n１\n\f")
    m = kaigiroku.repair(text)
    assert [t.text for t in m.turns if t.kind == "heading"] == ["日程第1\u3000諮問審議", "日程第2\u3000諮問審議"]


def test_a_numbered_heading_opening_a_document_with_no_cover_is_no_title():
    """第１　会議の概要 at the head of a document with no cover sheet opens the body."""
    m = kaigiroku.repair("第１　会議の概要\n午前10時開会\n第２　会議録署名議員の指名\n○事務局　学校図書館について伺います。\n")
    assert m.meta["title"] == "" and m.turns[0].kind == "heading" and m.turns[0].text.startswith("第1")


def test_a_letter_set_apart_at_a_line_head_is_no_page_counter():
    """Ｃ   委 員　… (an anonymised member's letter-spaced label): the letter apart is no page counter
    (roman C), and reading the line does not fail."""
    text = "第3回検討会議事録\n\n" + "".join(f"Ｃ   委 員\u3000質問{n}があります。よろしくお願いします。\n○座長　お答えします。\n"
                                      for n in range(3))
    m = kaigiroku.repair(text)
    assert [t.speaker for t in m.turns if t.kind == "speech"][:2] == ["委員", "座長"]


@pytest.mark.parametrize("misread", ["第3回東雲市読者比較審議会会議録”", "第3回東雲市読者比較審議会会議緑", "第3同東雲市読者比較審議会会議録・"])
def test_the_cover_title_over_the_only_body_page_is_a_running_header_through_ocr(misread, tmp_path):
    """The same on scanned pages: OCR reads the title at the head of the body page with a speck read
    as a mark or a character misread; it is still the title printed again, not a heading."""
    from fixtures.render_pdf import render
    from kaigiroku.cleanup.assemble import assemble
    from kaigiroku.ingest import read_pages, read_stream

    pdf = render(SHORT, "inline", tmp_path / "inline.pdf")
    pages, _ = read_pages(pdf, "never")
    for page in pages:
        page.source = "ocr"
        for ln in page.lines:
            ln.conf = 90.0
    header = next(ln for ln in pages[1].lines if ln.text.replace("　", "") == SHORT["meta"]["title"])
    header.text = misread
    stream, vocabulary = read_stream(pages)
    minutes = assemble(stream, roles=vocabulary).to_dict()
    assert [(t["kind"], t.get("speaker")) for t in minutes["turns"]] == [("speech", "会長"), ("note", None),
                                                                         ("speech", "委員")]
