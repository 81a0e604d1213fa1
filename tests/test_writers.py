"""Output formats as users open them: text with its cover, CSV in Excel, the Diet API's JSON shape, batch."""
import csv
import io
import json
import subprocess
import sys

import pytest

import kaigiroku
from kaigiroku.model import minutes_from_dict
from kaigiroku.writers import render

MINUTES = ("第3回テスト市情報公開審議会会議録\n"
           "日時　令和5年6月6日（火）午後2時から午後3時まで\n"
           "場所　市役所第2庁舎 302会議室\n"
           "出席者　会長 小室 充孝\n"
           "　　　　委員 本田 耕一、加藤 敏夫\n"
           "\n"
           "会長　それでは開会します。\n"
           "委員　質問します。「個人情報」の扱いは、どうなりますか。\n"
           "（異議なし）\n"
           "会長　以上で閉会します。\n")

# The NDL minutes API's field names (meeting endpoint, recordPacking=json).
API_MEETING_FIELDS = {"issueID", "imageKind", "searchObject", "session", "nameOfHouse", "nameOfMeeting", "issue",
                      "date", "closing", "speechRecord", "meetingURL", "pdfURL"}
API_SPEECH_FIELDS = {"speechID", "speechOrder", "speaker", "speakerYomi", "speakerGroup", "speakerPosition",
                     "speakerRole", "speech", "startPage", "createTime", "updateTime", "speechURL"}


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "kaigiroku", *map(str, args)], capture_output=True, timeout=180,
                          cwd=cwd)


@pytest.fixture
def minutes_file(tmp_path):
    p = tmp_path / "minutes.txt"
    p.write_text(MINUTES, encoding="utf-8")
    return p


def test_text_opens_with_the_cover(minutes_file):
    r = run("repair", minutes_file)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.decode("utf-8").splitlines()
    assert lines[0] == "第3回テスト市情報公開審議会会議録"
    assert lines[1].startswith("日時　令和5年6月6日") and "午後2時から午後3時まで" in lines[1]
    assert lines[2] == "場所　市役所第2庁舎 302会議室"
    assert "会長 小室 充孝" in lines[3] and "加藤 敏夫" in "".join(lines[3:5])
    body = lines[lines.index("") + 1:]
    assert body[:2] == ["会長　それでは開会します。", "委員　質問します。「個人情報」の扱いは、どうなりますか。"]


def test_text_output_repairs_back_to_the_same_cover_and_turns(shared):
    for seed in ("001_18cb0a25c28de497", "004_4a6c5f40ad5b6a3a"):
        m = kaigiroku.repair(shared("seeds", f"{seed}.txt"))
        again = kaigiroku.repair(render(m, "text"))
        for key in ("title", "date_text", "time_text", "place", "attendees"):
            assert again.meta.get(key) == m.meta.get(key), (seed, key)
        assert [(t.kind, t.speaker, t.text) for t in again.turns] == [(t.kind, t.speaker, t.text) for t in m.turns]


def test_csv_opens_in_excel_with_the_cover_in_its_first_rows(minutes_file, tmp_path):
    out = tmp_path / "minutes.csv"
    r = run("repair", minutes_file, "-f", "csv", "-o", out)
    assert r.returncode == 0, r.stderr
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "Excel on Japanese Windows needs the UTF-8 BOM"
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    meta = dict(rows[:5])
    assert meta["#title"] == "第3回テスト市情報公開審議会会議録"
    assert meta["#date_text"].startswith("令和5年6月6日")
    assert meta["#place"] == "市役所第2庁舎 302会議室"
    assert "会長 小室 充孝" in meta["#attendees"]
    header, body = rows[5], rows[6:]
    for column in ("page", "kind", "speaker", "name", "seat", "inferred", "text"):
        assert column in header
    got = [dict(zip(header, row)) for row in body]
    assert [(r["kind"], r["speaker"], r["text"]) for r in got] == [
        ("speech", "会長", "それでは開会します。"), ("speech", "委員", "質問します。「個人情報」の扱いは、どうなりますか。"),
        ("note", "", "（異議なし）"), ("speech", "会長", "以上で閉会します。")]


def test_csv_with_no_bom(minutes_file, tmp_path):
    out = tmp_path / "minutes.csv"
    r = run("repair", minutes_file, "-f", "csv", "--no-bom", "-o", out)
    assert r.returncode == 0, r.stderr
    data = out.read_bytes()
    assert not data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8").startswith("#title,第3回テスト市情報公開審議会会議録")


def test_csv_keeps_newlines_and_commas_in_a_cell():
    m = kaigiroku.repair("委員　一つ目、二つ目です。\n\n続けて、三つ目です。\n会長　はい。\n")
    rows = list(csv.reader(io.StringIO(render(m, "csv", bom=False), newline="")))
    assert rows[6][-1] == "一つ目、二つ目です。\n\n続けて、三つ目です。"


@pytest.mark.parametrize("real,date", [("d1", "2023-11-01"), ("d2", "2023-12-01")])
def test_kokkai_records_follow_the_diet_api(shared, real, date):
    """A real Diet meeting in the official segmentation: our speechOrder is the API's, record 0 is
    the meeting's opening (会議録情報), a direction stays in the speech it interrupts."""
    d1 = json.loads(shared("real", f"{real}.json").read_text(encoding="utf-8"))
    m = minutes_from_dict(d1)
    answer = json.loads(render(m, "kokkai"))
    meeting = answer["meetingRecord"][0]
    assert set(meeting) == API_MEETING_FIELDS
    records = meeting["speechRecord"]
    assert all(set(r) == API_SPEECH_FIELDS for r in records)
    assert [r["speechOrder"] for r in records] == list(range(len(records)))
    assert records[0]["speaker"] == "会議録情報"
    assert meeting["date"] == date and meeting["nameOfMeeting"] == d1["meta"]["title"]
    speeches = [t for t in d1["turns"] if t["kind"] == "speech"]
    assert [t["speechOrder"] for t in speeches] == [r["speechOrder"] for r in records[1:]]
    for t, r in zip(speeches, records[1:]):
        assert r["speaker"] == t["name"] and r["speakerPosition"] == t["speaker"]
        assert r["speech"].startswith(f"○{t['speaker']}（{t['name']}）\u3000" + t["text"].split("\n\n")[0])
    by_order = {r["speechOrder"]: r for r in records}
    for note in (t for t in d1["turns"] if t["kind"] == "note"):
        assert note["text"] in by_order[note["speechOrder"]]["speech"]


def test_kokkai_from_the_command_line(minutes_file):
    r = run("repair", minutes_file, "-f", "kokkai")
    assert r.returncode == 0, r.stderr
    records = json.loads(r.stdout)["meetingRecord"][0]["speechRecord"]
    assert [r["speechOrder"] for r in records] == [0, 1, 2, 3]
    assert "市役所第2庁舎 302会議室" in records[0]["speech"] and "会長 小室 充孝" in records[0]["speech"]
    assert [(r["speaker"], r["speakerPosition"]) for r in records[1:]] == [("会長", "会長"), ("委員", "委員"),
                                                                          ("会長", "会長")]
    assert records[1]["speech"] == "○会長\u3000それでは開会します。"
    assert records[2]["speech"].endswith("（異議なし）")
    assert json.loads(r.stdout)["meetingRecord"][0]["date"] == "2023-06-06"


def test_kokkai_keeps_a_speech_going_on_after_a_direction_in_one_record():
    m = kaigiroku.repair("○議長（山田太郎君）　お諮りいたします。御異議ありませんか。\n　　〔「異議なし」と呼ぶ者あり〕\n"
                         "　御異議なしと認めます。\n○7番（山本健一君）　質問します。\n")
    records = json.loads(render(m, "kokkai"))["meetingRecord"][0]["speechRecord"]
    assert [r["speaker"] for r in records] == ["会議録情報", "山田太郎", "山本健一"]
    assert records[1]["speech"] == ("○議長（山田太郎）\u3000お諮りいたします。御異議ありませんか。\r\n"
                                    "〔「異議なし」と呼ぶ者あり〕\r\n\u3000御異議なしと認めます。")
    assert records[2]["speech"] == "○7番（山本健一）\u3000質問します。"


def test_kokkai_names_witnesses_and_pages():
    m = kaigiroku.repair("○委員長（山田太郎君）　証人に伺います。\n○参考人（鈴木花子君）　お答えします。\n")
    for t in m.turns:
        t.page = 4
    records = json.loads(render(m, "kokkai"))["meetingRecord"][0]["speechRecord"]
    assert [(r["speaker"], r["speakerPosition"], r["speakerRole"]) for r in records[1:]] == [
        ("山田太郎", "委員長", None), ("鈴木花子", "参考人", "参考人")]
    assert [r["startPage"] for r in records[1:]] == [4, 4]
    assert records[1]["speech"] == "○委員長（山田太郎）\u3000証人に伺います。"


def test_batch_writes_every_format_asked_for(minutes_file, tmp_path):
    out = tmp_path / "out"
    r = run("batch", minutes_file, "-o", out, "-f", "csv", "-f", "tei", "-f", "kokkai", "--jobs", "1")
    assert r.returncode == 0, r.stderr
    assert (out / "minutes.txt.csv").read_bytes().startswith(b"\xef\xbb\xbf#title,")
    assert json.loads((out / "minutes.txt.kokkai.json").read_text(encoding="utf-8"))["meetingRecord"]
    assert (out / "minutes.txt.xml").read_text(encoding="utf-8").split("\n")[1].startswith("<TEI ")
    assert "<listPerson" in (out / "minutes.txt-listPerson.xml").read_text(encoding="utf-8")


def test_any_minutes_survive_csv_and_kokkai():
    """Odd text (commas, quotes, CR/LF, a BOM, controls) comes back from the CSV cell for cell, and
    kokkai numbers its records 0, 1, 2 … with every speech in the record of its own."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from kaigiroku.model import Minutes, Turn

    text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=25)
    turn = st.builds(Turn, kind=st.sampled_from(["speech", "note", "heading"]), text=text,
                     speaker=st.one_of(st.none(), text), name=st.one_of(st.none(), text),
                     page=st.one_of(st.none(), st.integers(1, 5)), inferred=st.booleans())
    minutes = st.builds(Minutes, meta=st.fixed_dictionaries({"title": text, "attendees": st.lists(text, max_size=3)}),
                        turns=st.lists(turn, max_size=10))

    @settings(max_examples=80, deadline=None)
    @given(minutes)
    def check(m):
        rows = list(csv.reader(io.StringIO(render(m, "csv")[1:], newline="")))
        assert rows[0] == ["#title", m.meta["title"]] and rows[5][0] == "index"
        assert [r[-1] for r in rows[6:]] == [t.text for t in m.turns]
        records = json.loads(render(m, "kokkai"))["meetingRecord"][0]["speechRecord"]
        said = m.speeches
        who = [(t.speaker, t.name, t.seat) for t in said]
        # a record a printed label; an inferred turn of the speaker before goes on in that record
        opening = [t for k, t in enumerate(said) if not (t.inferred and k and who[k - 1] == who[k])]
        assert [r["speechOrder"] for r in records] == list(range(len(opening) + 1))
        for t, r in zip(opening, records[1:]):
            assert r["speaker"] == (t.name or t.speaker)
        everything = "".join(r["speech"] for r in records)
        assert all(p in everything for t in said for p in t.text.split("\n\n") if p.strip())  # blank ones dropped

    check()


@pytest.mark.parametrize("fmt", ["text", "json", "md", "csv"])
def test_a_format_written_in_pieces_is_the_whole_output(fmt):
    """The CLI writes an archive's output a piece at a time (bounded memory): the pieces must make
    exactly what `render` returns, and JSON exactly what json.dumps makes of the minutes, for full
    minutes (cover, explain records, warnings) and for minutes with no cover and no turns."""
    from dataclasses import replace

    from kaigiroku.writers import render_chunks

    full = kaigiroku.repair(MINUTES, explain=True)
    full.warnings.append("a warning")
    full.pages = 3
    for m in (full, replace(full, meta={}, turns=[], warnings=[]), replace(full, meta={})):
        pieces = list(render_chunks(m, fmt))
        assert len(pieces) >= (3 if m.turns and fmt != "csv" else 0)
        assert "".join(pieces) == render(m, fmt)
        if fmt == "json":
            assert "".join(pieces) == json.dumps(m.to_dict(), ensure_ascii=False, indent=1) + "\n"
