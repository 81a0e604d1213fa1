"""`repair` reads a long text in windows (cleanup/windows.py, issue 14: memory bounded by a few
times the input). A window ends only where no turn goes on past it, so an archive read in small
windows gives the turns it gives read whole; a text shorter than one window is read whole."""
from pathlib import Path

import pytest

from fixtures.splits import load, meeting_path
from fixtures.variety import render_random
from kaigiroku.cleanup.blocks import ends_sentence
from kaigiroku.cleanup.labels import is_label_only, match_label
from kaigiroku.cleanup.pipeline import repair
from kaigiroku.cleanup.windows import windows
from kaigiroku.score import score

SAMPLE = Path(__file__).resolve().parent.parent / "kaigiroku" / "samples" / "sample.txt"


def sample_archive(copies: int = 6) -> str:
    """The sample minutes (a label column dumped before each page's texts) one after another."""
    return "\n\n".join([SAMPLE.read_text(encoding="utf-8")] * copies)


def inline_archive(meetings: list[str], seed: int) -> str:
    """Meetings rendered with their labels inline (○議長　…), one after another as an archive holds
    them (different meetings: the same one over and over would make its headings recur like running
    headers)."""
    return "\n\n".join(render_random(load(meeting_path(m)), seed, layout="inline").text for m in meetings)


MEETINGS = ["shigikai_shinonome_honkaigi", "kentokai_kasumi", "iinkai_shinonome_somu", "shingikai_aoba",
            "kyoikuiinkai_midorikawa"]


def turns(minutes) -> list[tuple]:
    return [(t.kind, t.speaker, t.name, t.seat, t.text, t.page) for t in minutes.turns]


@pytest.mark.parametrize("text", [sample_archive(), inline_archive(MEETINGS, 1)])
def test_windows_are_the_text_cut_after_a_sentence_before_a_label(text):
    parts = list(windows(text, 4000))
    assert len(parts) > 3 and "".join(parts) == text
    for part, after in zip(parts, parts[1:]):
        last = part.rstrip().rsplit("\n", 1)[-1].strip()
        first = after.strip().split("\n", 1)[0].strip()
        assert ends_sentence(last), last
        m = match_label(first)
        assert is_label_only(first) is not None or (m is not None and first[m.end:].strip()), first


def test_a_text_shorter_than_a_window_is_one_window():
    text = sample_archive(2)
    assert list(windows(text, len(text))) == [text]


@pytest.mark.parametrize("size", [3000, 9000])
def test_an_archive_in_windows_gives_the_turns_it_gives_whole(size):
    text = sample_archive()
    whole, windowed = repair(text, window=len(text)), repair(text, window=size)
    assert len(list(windows(text, size))) > 2
    assert turns(windowed) == turns(whole)
    assert windowed.meta == whole.meta and windowed.warnings == whole.warnings


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_an_archive_of_meetings_in_windows_loses_no_text_and_hardly_any_attribution(seed):
    """Windows decide what they decide from their own lines (label vocabulary, running headers,
    layout), so on an archive of different meetings they may differ from one whole reading; here
    windows of about one meeting, the smallest that still holds what a decision needs."""
    meetings = MEETINGS[seed % 5:] + MEETINGS[:seed % 5]
    rendered = [render_random(load(meeting_path(m)), seed, layout="inline") for m in meetings]
    text = "\n\n".join(r.text for r in rendered)
    gold = {**rendered[0].gold, "turns": [t for r in rendered for t in r.gold["turns"]]}
    size = len(text) // 4
    assert len(list(windows(text, size))) >= 3
    whole = score(gold, repair(text, window=len(text)).to_dict())
    windowed = score(gold, repair(text, window=size).to_dict())
    assert windowed["miss"] == 0 and windowed["cer"] <= whole["cer"] + 1e-9
    assert windowed["attributed"] >= whole["attributed"] - 0.05


def test_explain_reads_windows_too():
    text = sample_archive(3)
    windowed = repair(text, window=3000, explain=True)
    assert all(t.why and t.why.get("start") for t in windowed.turns)
    assert windowed.turns[0].why.get("cover")  # the cover is decided in the first window only
    assert not any(t.why.get("cover") for t in windowed.turns[1:])


def test_the_command_line_streams_an_archive_in_windows_as_one_json_document(tmp_path):
    """Past one window, `kaigiroku repair` hands the turns to the writer window by window: the JSON
    is still one valid document, with the turns the API returns (held as a list there)."""
    import json
    import subprocess
    import sys

    from kaigiroku.cleanup.windows import WINDOW_CHARS

    copies = WINDOW_CHARS // len(SAMPLE.read_text(encoding="utf-8")) + 10
    path = tmp_path / "archive.txt"
    path.write_text(sample_archive(copies), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    assert len(list(windows(text))) == 2
    done = subprocess.run([sys.executable, "-m", "kaigiroku", "repair", str(path), "-f", "json"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    written = json.loads(done.stdout)
    assert written["turns"] == repair(path).to_dict()["turns"]
    assert written["meta"] and len(written["turns"]) > 90 * copies


def test_a_large_utf8_file_is_decoded_in_pieces_that_join_to_the_text(tmp_path):
    from kaigiroku.cleanup.decode import PIECE_BYTES, STREAM_BYTES, read_text_file, read_text_pieces

    text = sample_archive(STREAM_BYTES // len(SAMPLE.read_bytes()) + 2)
    path = tmp_path / "archive.txt"
    path.write_text(text, encoding="utf-8")
    pieces = list(read_text_pieces(path))
    assert len(pieces) > 2 and max(map(len, pieces)) <= PIECE_BYTES
    assert "".join(pieces) == read_text_file(path) == text
    assert "".join(windows(iter(pieces))) == text
    path.write_bytes(text.encode("cp932"))  # Shift_JIS: judged on the whole file, read whole
    assert list(read_text_pieces(path)) == [text]
