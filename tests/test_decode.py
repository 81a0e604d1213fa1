"""Input encodings people actually have: UTF-8 (with or without BOM), UTF-16, Shift_JIS/CP932, EUC-JP."""
import pytest

import kaigiroku
from kaigiroku.cleanup.decode import decode_text, sniff_kind
from kaigiroku.errors import EmptyDocumentError, UnreadableTextError

TEXT = ("第３回ＡＢＣ審議会会議録\n\n会長　それでは開会します。①の資料を御覧ください。\n"
        "委員　髙橋です。ﾃｽﾄの件で質問します。\n説明員　お答えします。～以上です。\n")


@pytest.mark.parametrize("codec", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp932", "euc_jp",
                                   "shift_jis_2004"])
def test_encodings_are_detected(codec):
    text = TEXT if codec not in ("shift_jis_2004", "euc_jp") else TEXT.replace("髙", "高").replace("～", "ー").replace("①", "1")
    data = text.encode(codec)
    assert decode_text(data) == text


def test_repair_reads_a_shift_jis_file(tmp_path):
    p = tmp_path / "minutes_sjis.txt"
    p.write_bytes(TEXT.encode("cp932"))
    m = kaigiroku.repair(p)
    assert [t.speaker for t in m.turns] == ["会長", "委員", "説明員"]
    assert m.turns[1].text == "髙橋です。テストの件で質問します。"


def test_binary_data_is_refused():
    with pytest.raises(UnreadableTextError):
        decode_text(bytes(range(256)) * 20)


def test_undecodable_bytes_are_refused():
    with pytest.raises(UnreadableTextError):
        decode_text(b"\x81\x20\xff\xfe\x80\x80\x9f" * 50 + b"abc")


def test_empty_is_its_own_error():
    with pytest.raises(EmptyDocumentError):
        decode_text(b"  \n\n ")


def test_kind_is_sniffed_from_content_not_name(tmp_path):
    pdf = tmp_path / "a.txt"
    pdf.write_bytes(b"%PDF-1.4\n...")
    png = tmp_path / "scan.pdf.bak"
    png.write_bytes(b"\x89PNG\r\n\x1a\n....")
    txt = tmp_path / "b.pdf"
    txt.write_text("会長　本文", encoding="utf-8")
    assert sniff_kind(pdf) == "pdf"
    assert sniff_kind(png) == "image"
    assert sniff_kind(txt) == "pdf"  # named .pdf: the PDF reader says what is wrong with it
