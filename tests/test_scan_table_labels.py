"""Unmarked label tables (the scan layouts table_wrapped, table_vcentred, table_ruled): label cells
printed with no mark, so nothing but the document's vocabulary tells a cell is a label. Lines are as
Tesseract gave them on the tuned scans (bench/bench_ocr.py --split tuned --layouts table_wrapped)."""
from test_scan_marked import _table_page, _turns


def test_an_unmarked_surname_and_role_cell_is_the_person_the_covers_list_read_without_spaces_names():
    """米山企画 / 官 (surname + an unlisted title, wrapped, no mark) beside a cover listing 企画官　米山隆之,
    read by OCR without spaces (企画官米山隆之), in a document whose only other label is 宮腰大臣 (the scan misread the cell's second printing): too few
    surname + role heads to take the document for one printing them, so 米山企画官 was no label and its
    speeches were lost as notes (tuned kentokai_kasumi table_wrapped 0.65)."""
    cover = ["出席者　座長東雅人、委員田中恵子、委員北村直樹、大臣宮腰誠、企画官米山隆之、事務局地域交通室長原田和彦"]
    rows = [(["米山企画", "官"], ["定刻となりましたので、ただいまから第3回検討会を開催い", "たします。"]),
            (["宮腰大臣"], ["国土交通基盤大臣の宮腰でございます。委員の皆様には、日頃から", "心から感謝申し上げます。"])]
    turns = _turns([_table_page(rows, number=1, cover=cover)])
    speeches = [(t.get("speaker"), t.get("name")) for t in turns if t["kind"] == "speech"]
    assert speeches == [("企画官", "米山"), ("大臣", "宮腰")]
    assert turns[0]["text"].startswith("定刻となりましたので")


def test_the_lone_tail_of_a_wrapped_unmarked_cell_is_read_as_its_words_end(tmp_path):
    """米山企画 / 官 centred against its speech: the lone 官 read alone came back as ーー, 上 or レーリ, so
    the cell was no label and the speeches of both speakers went to notes (tuned kentokai_kasumi
    table_vcentred 0.29). Set after the piece above it, it is read as the end of 米山企画官."""
    from fixtures.scan import make_case
    from kaigiroku.ingest import ingest
    from kaigiroku.score import score

    gold, _, scan = make_case("fixture:kentokai_kasumi", "table_vcentred", "mild", tmp_path, seed=121, chars=500)
    m = ingest(scan)
    s = score(gold, m.to_dict())
    print(f"\nkentokai table_vcentred: attributed={s['attributed']} cer={s['cer']}")
    assert [(t.speaker, t.name) for t in m.speeches] == [("企画官", "米山"), ("大臣", "宮腰"), ("企画官", "米山")]
    assert s["attributed"] >= 0.95
