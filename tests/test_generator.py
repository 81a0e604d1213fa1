"""The damage generator (fixtures/generate.py) and our invented minutes (fixtures/minutes)."""
from __future__ import annotations

import random

import json
import re
import string
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[1]  # conftest.py puts it on sys.path for `fixtures`

from fixtures.generate import (
    DAMAGES, WIDTH, all_labels, display_width, is_speech, label_of, letter_space, mark_of,
    minutes_strategy, render,
)

MINUTES = sorted((ROOT / "fixtures" / "minutes").glob("*.json"))
BRIEF_DAMAGES = {
    "clean_inline", "letter_spaced", "colon", "paren_label", "label_own_line", "bracket_label",
    "markdown", "table_tsv", "html_p", "assembly", "label_run_before", "label_run_after",
    "stacked_labels", "page_furniture", "hard_wraps_blank", "fullwidth", "labels_vcentred", "mixed",
}
HIRAGANA = re.compile(r"[\u3041-\u309f]")
PAGE_NUMBER = re.compile(r"^(- \d+ -| \d+ |\d+／\d+|－[０-９]+－)$")


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def norm(s: str) -> str:
    """As the scorer compares: NFKC, whitespace removed."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def gold_stream(minutes: dict) -> str:
    return "".join(norm(t.get("text") or "") for t in minutes["turns"])


def is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


def added_alphabet(minutes: dict) -> set[str]:
    """Every character a rendering may add to the body: labels, title, markup, page numbers."""
    chars = set(norm("".join(all_labels(minutes)) + (minutes["meta"].get("title") or "")))
    return chars | set(string.printable) | set(norm("○◎◆＜＞（）：－／"))


def check_body_kept(minutes: dict, text: str) -> None:
    """Every body character of `minutes` is in `text` in order, and characters a rendering never
    adds (most kana and kanji) occur exactly as often as in the gold after the body starts."""
    gold, rendered = gold_stream(minutes), norm(text)
    assert is_subsequence(gold, rendered), "a body character is lost or out of order"
    start = rendered.find(norm(minutes["turns"][0]["text"]))
    assert start >= 0, "the body's opening heading is missing"
    added = added_alphabet(minutes)
    want = Counter(c for c in gold if c not in added)
    got = Counter(c for c in rendered[start:] if c in want)
    assert got == want, f"characters printed more than once: {(got - want).most_common(5)}"


def lines_of(text: str) -> list[str]:
    return text.split("\n")


def speeches(minutes: dict) -> list[dict]:
    return [t for t in minutes["turns"] if is_speech(t)]


def labels(minutes: dict, **kw) -> set[str]:
    meta = minutes["meta"]
    return {label_of(t, meta, **kw) for t in speeches(minutes)}


def body_lines(minutes: dict, text: str) -> list[str]:
    """The lines from the body's opening heading on."""
    lines = lines_of(text)
    head = norm(minutes["turns"][0]["text"])
    i = next(i for i, line in enumerate(lines) if head in norm(line))
    return lines[i:]


def count_prefixed(lines: list[str], prefixes: set[str]) -> int:
    return sum(any(line.startswith(p) for p in prefixes) for line in lines)


def label_only(line: str, forms: set[str]) -> bool:
    return line.strip() in forms


@pytest.fixture(params=MINUTES, ids=lambda p: p.stem, scope="module")
def minutes(request) -> dict:
    return load(request.param)


# ----------------------------------------------------------------------------- the minutes files

def test_there_are_four_genres():
    assert len(MINUTES) >= 4
    genres = {load(p)["meta"].get("genre") for p in MINUTES}
    assert {"審議会", "市議会本会議", "常任委員会", "教育委員会"} <= genres


def test_minutes_schema(minutes):
    meta, turns = minutes["meta"], minutes["turns"]
    assert minutes["id"]
    for key in ("title", "date_text", "time_text", "place"):
        assert isinstance(meta[key], str) and meta[key]
    assert isinstance(meta["attendees"], list) and meta["attendees"]
    assert "invented" in meta["provenance"]
    assert 40 <= len(turns) <= 80
    assert turns[0]["kind"] == "heading" and re.match(r"^[5５] ", turns[0]["text"])
    for t in turns:
        assert t["kind"] in ("speech", "note", "heading")
        assert t["text"] and t["text"] == t["text"].strip()
        assert all(p and p == p.strip() for p in t["text"].split("\n\n"))
        assert "\n" not in t["text"].replace("\n\n", "")
        assert not set(t["text"]) & set("<>&\t"), "ASCII markup characters would be ambiguous"
        if t["kind"] == "speech":
            assert t["speaker"]
            assert ("seat" not in t) or t["speaker"] == f"{t['seat']}番"
        else:
            assert "speaker" not in t and "name" not in t
    assert not HIRAGANA.search(meta["title"]), "the title is the running header; keep it kana-free"
    # (a name may hold kana, 鬼頭さくら: the axes tests count only the turn texts' characters, moved to
    # the private use area, so a label's kana is never taken for the body's)
    assert all(t.get("name") is None or t["name"] == t["name"].strip() for t in turns)


def test_minutes_are_realistic_enough(minutes):
    turns, texts = minutes["turns"], [t["text"] for t in minutes["turns"]]
    assert any(t["kind"] == "note" for t in turns) and sum(t["kind"] == "heading" for t in turns) >= 3
    assert sum(len(t.split("\n\n")) >= 3 for t in texts) >= 2, "some long multi-paragraph turns"
    assert max(len(t) for t in texts) > 300
    assert re.search(r"[A-Za-z]{2,}", "".join(texts)) and re.search(r"20\d\d年", "".join(texts))
    assert len({t["speaker"] for t in speeches(minutes)}) >= 4


def test_assembly_minutes_have_names_and_seats():
    by_genre = {load(p)["meta"]["genre"]: load(p) for p in MINUTES}
    plenary = by_genre["市議会本会議"]
    assert all(t.get("name") for t in speeches(plenary))
    assert any(t.get("seat") for t in speeches(plenary))
    committee = by_genre["常任委員会"]
    marks = {mark_of(t, committee["meta"]) for t in speeches(committee)}
    assert {"◎", "◆"} <= marks


# ----------------------------------------------------------------------------- the API

def test_damage_list():
    assert BRIEF_DAMAGES <= set(DAMAGES)
    assert len(DAMAGES) == len(set(DAMAGES))


def test_unknown_damage():
    with pytest.raises(ValueError):
        render(load(MINUTES[0]), "no_such_damage")


@pytest.mark.parametrize("damage", DAMAGES)
def test_deterministic_per_seed(minutes, damage):
    assert render(minutes, damage, seed=7) == render(minutes, damage, seed=7)
    assert len({render(minutes, damage, seed=s) for s in range(5)}) > 1, "the seed matters"


def test_letter_space():
    assert letter_space("事務局") == "事 務 局"
    assert letter_space("12番") == "12 番"


def test_label_forms():
    meta = {"label_style": {"marks": {"委員": "◆", "*": "◎"}, "honorific": {"◆": "", "*": "君"}}}
    member = {"kind": "speech", "speaker": "委員", "name": "林花子", "text": "…"}
    chief = {"kind": "speech", "speaker": "総務課長", "name": "佐藤一郎", "text": "…"}
    assert label_of(member, meta, marked=True) == "◆委員（林花子）"
    assert label_of(chief, meta, marked=True) == "◎総務課長（佐藤一郎君）"
    seat = {"kind": "speech", "speaker": "7番", "name": "山本健一", "seat": "7", "text": "…"}
    assert label_of(seat, {}, marked=True) == "○7番（山本健一君）"
    assert label_of({"kind": "speech", "speaker": "会長", "text": "…"}, {}, spaced=True) == "会 長"


# ----------------------------------------------------------------------------- body kept

@pytest.mark.parametrize("damage", DAMAGES)
def test_every_body_character_kept(minutes, damage):
    for seed in (0, 1):
        check_body_kept(minutes, render(minutes, damage, seed))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(minutes_strategy())
def test_every_body_character_kept_random_minutes(random_minutes):
    for damage in DAMAGES:
        check_body_kept(random_minutes, render(random_minutes, damage, seed=len(random_minutes["turns"])))


def test_cover_sheet(minutes):
    text = render(minutes, "clean_inline")
    lines = lines_of(text)
    assert lines[0] == minutes["meta"]["title"]
    assert any(line.startswith("1 日 時　") for line in lines)
    assert any(line.startswith("2 場 所　") for line in lines)
    assert "3 出席者" in lines
    assert text.index("3 出席者") < text.index(minutes["turns"][0]["text"])


# ----------------------------------------------------------------------------- each damage's own look

def check_clean_inline(m, text):
    lines = body_lines(m, text)
    assert count_prefixed(lines, {f"{lab}　" for lab in labels(m)}) == len(speeches(m))
    assert max(display_width(line) for line in lines) <= WIDTH + 6
    assert sum(display_width(line) >= WIDTH - 6 for line in lines) > len(lines) / 3, "hard wraps"


def check_letter_spaced(m, text):
    lines = body_lines(m, text)
    assert count_prefixed(lines, {f"{lab} " for lab in labels(m, spaced=True)}
                          | {f"{lab}　" for lab in labels(m, spaced=True)}) == len(speeches(m))
    multi = {label_of(t, m["meta"]) for t in speeches(m) if len(t["speaker"]) > 1}
    assert count_prefixed(lines, {f"{lab}{sep}" for lab in multi for sep in (" ", "　")}) == 0


def check_colon(m, text):
    prefixes = {f"{lab}{c}" for lab in labels(m) for c in "：:"}
    assert count_prefixed(body_lines(m, text), prefixes) == len(speeches(m))


def check_paren_label(m, text):
    assert count_prefixed(body_lines(m, text), {f"{lab}) " for lab in labels(m)}) == len(speeches(m))


def check_label_own_line(m, text):
    lines = body_lines(m, text)
    assert sum(line in labels(m) for line in lines) == len(speeches(m))
    assert count_prefixed(lines, {f"{lab}　" for lab in labels(m)}) == 0


def check_bracket_label(m, text):
    forms = {f"{a}{lab}{b}" for lab in labels(m) for a, b in (("<", ">"), ("＜", "＞"))}
    assert sum(line in forms for line in body_lines(m, text)) == len(speeches(m))


def check_markdown(m, text):
    lines = lines_of(text)
    forms = {f"- {lab} " for lab in labels(m, spaced=True)} | {f"- **{lab}** " for lab in labels(m, spaced=True)}
    assert count_prefixed(lines, forms) == len(speeches(m))
    assert any(line.startswith(("## ", "### ")) for line in lines)
    assert "**" in text
    assert any(line.startswith("  - ") for line in lines)  # nested cover bullets


def check_table_tsv(m, text):
    lines = body_lines(m, text)
    assert count_prefixed(lines, {f"{lab}\t" for lab in labels(m, spaced=True)}) == len(speeches(m))
    assert sum(line.startswith("\t") for line in lines) > len(speeches(m))  # continuation rows
    assert sum("\t" in line for line in lines) > 0.8 * len(lines)


def check_html_p(m, text):
    lines = body_lines(m, text)
    assert any(line.count("<p>") >= 3 for line in lines)
    assert "<u>" in text and "<br>" in text
    cells = sum(text.count(f"<p>{lab}) ") + text.count(f"<p><{lab}></p>") for lab in labels(m))
    assert cells == len(speeches(m))


def check_assembly(m, text):
    meta = m["meta"]
    forms = {f"{label_of(t, meta, marked=True)}　" for t in speeches(m)}
    assert count_prefixed(body_lines(m, text), forms) == len(speeches(m))
    if any(t.get("seat") for t in speeches(m)):
        assert re.search(r"^○\d+番（.+君）　", text, re.M)
    if (meta.get("label_style") or {}).get("marks"):
        assert re.search(r"^◆委員（[^君）]+）　", text, re.M) and re.search(r"^◎.+課長（.+君）　", text, re.M)


def _check_label_run(m, text, before):
    lines = body_lines(m, text) if not before else lines_of(text)
    forms = labels(m) | labels(m, spaced=True)
    only = [i for i, line in enumerate(lines) if label_only(line, forms)]
    assert len(only) == len(speeches(m)), "one label per speech turn"
    text_lines = [line for line in lines if not label_only(line, forms)]
    assert count_prefixed(text_lines, {f"{lab}{sep}" for lab in forms for sep in (" ", "　")}) == 0
    assert any(j == i + 1 for i, j in zip(only, only[1:])), "runs of labels"
    head = next(i for i, line in enumerate(lines) if line == m["turns"][0]["text"])
    assert (only[0] < head) == before


def check_label_run_before(m, text):
    _check_label_run(m, text, before=True)


def check_label_run_after(m, text):
    _check_label_run(m, text, before=False)


def check_stacked_labels(m, text):
    lines = body_lines(m, text)
    forms = labels(m) | labels(m, spaced=True)
    texts = {t["text"] for t in speeches(m)}
    stacks = [i for i in range(len(lines) - 3)
              if label_only(lines[i], forms) and label_only(lines[i + 1], forms)
              and lines[i + 2] in texts and lines[i + 3] in texts]
    assert stacks
    inline = count_prefixed(lines, {f"{lab}　" for lab in forms})
    assert inline + 2 * len(stacks) == len(speeches(m))


def check_page_furniture(m, text):
    lines = lines_of(text)
    title = m["meta"]["title"]
    numbers = [i for i, line in enumerate(lines) if PAGE_NUMBER.match(line)]
    assert len(numbers) >= 3
    assert sum(line.strip() == title for line in lines) >= 3  # cover + running headers
    assert len({PAGE_NUMBER.match(lines[i]).group(1)[0] for i in numbers}) >= 2, "several styles"
    mid = [i for i in numbers[:-1] if not lines[i - 1].endswith(("。", "）", "〕", "＞"))]
    assert mid, "a page break in the middle of a sentence"


def check_hard_wraps_blank(m, text):
    lines = lines_of(text.rstrip("\n"))
    assert all(line == "" for line in lines[1::2])
    assert all(line.endswith(" ") for line in lines[0::2] if line)


def check_fullwidth(m, text):
    prefixes = {f"{lab}　" for lab in labels(m)}
    body = [line for line in body_lines(m, text)[1:]]
    unlabelled = "\n".join(next((line[len(p):] for p in prefixes if line.startswith(p)), line)
                           for line in body)
    assert re.search(r"[Ａ-Ｚ]{2,}", unlabelled) and re.search(r"[０-９]{2,}", unlabelled)
    assert re.search(r"[ｦ-ﾟ]{2,}", unlabelled)
    assert not re.search(r"[A-Za-z0-9]", unlabelled), "ASCII letters and digits all widened"


def check_labels_vcentred(m, text):
    lines = body_lines(m, text)
    forms = {f"{lab}　" for lab in labels(m)}
    assert count_prefixed(lines, forms) == len(speeches(m))
    longest = max(speeches(m), key=lambda t: len(t["text"]))
    start = next(i for i, line in enumerate(lines) if line.startswith(longest["text"].split("\n\n")[0][:20]))
    label = f"{label_of(longest, m['meta'])}　"
    nxt = next(i for i in range(start + 1, len(lines)) if any(lines[i].startswith(f) for f in forms))
    assert lines[nxt].startswith(label) and nxt - start >= 3, "label on a middle line of its turn"


def check_mixed(m, text):
    check_hard_wraps_blank(m, text)
    lines = [line.rstrip(" ") for line in lines_of(text)]
    assert sum(bool(PAGE_NUMBER.match(line + " ") or PAGE_NUMBER.match(line)) for line in lines) >= 3
    assert re.search(r"[Ａ-Ｚ０-９]", text)
    spaced = {lab for lab in labels(m, spaced=True) if " " in lab}
    assert count_prefixed(lines, spaced) > 0


SIGNATURES = {name[len("check_"):]: fn for name, fn in globals().items() if name.startswith("check_")
              and name[len("check_"):] in BRIEF_DAMAGES}


def test_every_damage_has_a_signature_check():
    assert set(SIGNATURES) == BRIEF_DAMAGES


@pytest.mark.parametrize("damage", sorted(BRIEF_DAMAGES))
def test_damage_looks_like_itself(minutes, damage):
    text = render(minutes, damage, seed=0)
    assert text != render(minutes, "clean_inline", seed=0) or damage == "clean_inline"
    SIGNATURES[damage](minutes, text)


# ----------------------------------------------------------------------------- every axis at random

from fixtures import render_pdf, variety  # noqa: E402
from fixtures.splits import HELDOUT, TUNED, available, meeting_path  # noqa: E402

PUA = 0xE000


def meetings_for_axes() -> list[dict]:
    """Every meeting of both splits that is present (the real ones only with ../shared)."""
    return [load(meeting_path(m)) for m in available("tuned") + available("heldout")]


def private(minutes: dict) -> dict:
    """The minutes with every kanji and hiragana of the turn texts moved to the private use area:
    characters no label, cover, heading decoration or furniture can contain, so that counting them
    in a rendering counts body characters exactly."""
    table = {}

    def mapped(text):
        out = []
        for ch in text:
            if "\u3041" <= ch <= "\u309f" or "\u4e00" <= ch <= "\u9fff":
                table.setdefault(ch, chr(PUA + len(table)))
                out.append(table[ch])
            else:
                out.append(ch)
        return "".join(out)

    return {**minutes, "turns": [dict(t, text=mapped(t["text"])) for t in minutes["turns"]]}


def private_chars(s: str) -> str:
    return "".join(ch for ch in s if PUA <= ord(ch) < PUA + 0x1900)


def check_random_rendering(source: dict, text: str, gold: dict) -> None:
    """The rendering holds each body character of its gold once and in order, and the gold holds
    every body character of the source (only heading/note decorations and time notes differ)."""
    gold_body = "".join(norm(t["text"]) for t in gold["turns"])
    assert is_subsequence(gold_body, norm(text)), "a body character is lost or out of order"
    assert private_chars(text) == private_chars("".join(t["text"] for t in gold["turns"])), \
        "a body character printed twice, or one lost"
    src = private_chars("".join(t["text"] for t in source["turns"]))
    kept = private_chars("".join(t["text"] for t in gold["turns"]))
    # the same, but for the opening heading when the rendering drops it (axis `opening`)
    assert kept == src or src.endswith(kept), "the gold lost body text"


def test_every_text_axis_value_is_produced():
    seen = {name: set() for name in variety.AXES}
    small = {"id": "small", "meta": {"title": "第1回会議録", "date_text": "令和6年4月1日", "place": "会議室",
                                     "attendees": ["会長 山田 太郎", "委員 林 花子"]},
             "turns": [{"kind": "heading", "text": "5 会議の経過"},
                       {"kind": "speech", "speaker": "会長", "text": "開会します。"},
                       {"kind": "heading", "text": "（１）議事"},
                       {"kind": "speech", "speaker": "委員", "text": "質問です。\n\n二点目です。"},
                       {"kind": "note", "text": "（異議なし）"},
                       {"kind": "speech", "speaker": "説明員", "text": "お答えします。"}]}
    for seed in range(300):
        r = variety.render_random(small, seed)
        for name, value in r.axes.items():
            seen[name].add(value)
    for name, values in variety.AXES.items():
        assert set(values) <= seen[name], f"{name}: never produced {set(values) - seen[name]}"


def test_every_pdf_axis_value_is_drawn():
    import random

    seen = {name: set() for name in render_pdf.PDF_AXES}
    for seed in range(300):
        for name, value in render_pdf.draw_pdf_axes(random.Random(seed)).items():
            if name in seen:
                seen[name].add(value)
    for name, values in render_pdf.PDF_AXES.items():
        assert set(values) <= seen[name], f"{name}: never drawn {set(values) - seen[name]}"


def test_splits_hold_out_whole_meetings():
    assert not set(TUNED) & set(HELDOUT)
    assert "real:d2" in HELDOUT and any(not m.startswith("real:") for m in HELDOUT)
    assert all((ROOT / "fixtures" / "minutes" / "heldout" / f"{m}.json").exists()
               for m in HELDOUT if not m.startswith("real:"))


@pytest.mark.parametrize("kind", ["text", "pdf"])
def test_covering_sample_draws_every_axis_value(kind):
    """The held-out test's sample (splits.covering) draws every value of every reported axis and
    every meeting of the split, twice when asked, from the split's own seeds."""
    from fixtures.report import axis_names
    from fixtures.splits import SEED_BASE, _axis_values, covering, drawn_axes

    sample = covering("heldout", kind, times=2)
    assert all(c.seed >= SEED_BASE["heldout"] for c in sample)
    drawn = Counter()
    for c in sample:
        axes = drawn_axes(kind, c.seed)
        drawn.update((a, str(axes.get(a))) for a in axis_names(kind))
        drawn[("meeting", c.meeting)] += 1
    wanted = [(a, str(v)) for a in axis_names(kind) for v in _axis_values(kind, a)]
    wanted += [("meeting", m) for m in available("heldout")]
    assert all(drawn[w] >= 2 for w in wanted), [w for w in wanted if drawn[w] < 2]
    assert len(sample) < 80  # a sample, not the whole split


@pytest.mark.parametrize("layout", variety.AXES["layout"])
def test_random_rendering_keeps_the_body(layout):
    for k, minutes in enumerate(meetings_for_axes()):
        source = private(minutes)
        r = variety.render_random(source, 31 * k + len(layout), layout=layout)
        check_random_rendering(source, r.text, r.gold)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(minutes_strategy(), st.integers(0, 10**6))
def test_random_rendering_keeps_the_body_of_random_minutes(random_minutes, seed):
    source = private(random_minutes)
    r = variety.render_random(source, seed)
    check_random_rendering(source, r.text, r.gold)


def gold_labels(gold: dict) -> list[tuple]:
    return [(t["speaker"], t.get("name"), t.get("seat")) for t in gold["turns"] if t["kind"] == "speech"]


@pytest.mark.parametrize("form", variety.AXES["label_form"])
def test_label_form_printed_and_gold_follows(form):
    """The label printed and the gold's speaker/name agree, in the documented convention."""
    plenary = load(ROOT / "fixtures" / "minutes" / "shigikai_shinonome_honkaigi.json")
    r = variety.render_random(plenary, 5, label_form=form, layout="inline", mark="none",
                              separator="fullwidth_space", roles="listed", fullwidth=False, blank_lines=False)
    lines = r.text.split("\n")
    for speaker, name, seat in gold_labels(r.gold):
        if form == "surname_role" and name:
            assert any(line.startswith(f"{name}{speaker}　") for line in lines)
        elif form == "anon" and name:
            assert speaker in ("委員", "議員") and name in variety.LETTERS
        elif form == "seat" and seat:
            assert speaker == f"{seat}番" and any(line.startswith(f"{seat}番（{name}") for line in lines)
        elif form == "role":
            assert name is None
        elif name:
            assert any(line.startswith(f"{speaker}（{name}") or line.startswith(f"{name}君")
                       or line.startswith(name) for line in lines)


@pytest.mark.parametrize("style", variety.AXES["anon_style"])
def test_anonymised_label_styles(style):
    town = load(meeting_path("jumin_kyogikai_minamidai"))
    r = variety.render_random(town, 2, label_form="anon", anon_style=style, layout="inline", mark="none",
                              separator="fullwidth_space", fullwidth=False, blank_lines=False)
    want = {"role_letter": r"^委員[Ａ-Ｈ]　", "letter_role": r"^[Ａ-Ｈ]委員　", "role_paren": r"^委員（[Ａ-Ｈ]）　",
            "letter_space_role": r"^[Ａ-Ｈ] 委員　"}[style]
    assert re.search(want, r.text, re.M)
    assert {(s, n) for s, n, _ in gold_labels(r.gold) if s == "委員"} <= {("委員", c) for c in variety.LETTERS}


@pytest.mark.parametrize("cover", variety.AXES["cover"])
def test_cover_styles_look_like_themselves(cover):
    plenary = load(ROOT / "fixtures" / "minutes" / "shigikai_shinonome_honkaigi.json")
    r = variety.render_random(plenary, 3, cover=cover, fullwidth=False, blank_lines=False, furniture="none")
    signature = {"kv_numbered": "1 日 時　", "kv_colon": "開催日時", "kv_bracket": r"(?:【|〔|■)日時",
                 "values_below": "１　日時", "attendees_columns": "出席委員（", "giji_nittei": "議事日程（第",
                 "giji_shidai": "議事次第", "town_assembly": "出席議員"}
    text = norm(r.text)
    if cover == "none":
        assert not r.text.startswith(plenary["meta"]["title"])
    else:
        first_body = norm(r.gold["turns"][0]["text"])[:8]
        pattern = signature[cover] if cover == "kv_bracket" else re.escape(norm(signature[cover]))
        found = re.search(pattern, text)
        assert found and found.start() < text.index(first_body)


def test_furniture_forms():
    aoba = load(ROOT / "fixtures" / "minutes" / "shingikai_aoba.json")
    browser = variety.render_random(aoba, 4, furniture="browser", layout="inline", blank_lines=False)
    assert re.search(r"^https?://\S+ +\d+/\d+$", browser.text, re.M)
    assert re.search(r"^(20\d\d/\d+/\d+ \d+:\d+|令和)", browser.text, re.M)
    for style, pattern in [("-n-", r"^ *-\d+-$"), ("p.n", r"^ *p\.\d+$"), ("n/total", r"^ *\d+/\d+$"),
                           ("n_full", r"^ *[０-９]+$")]:
        r = variety.render_random(aoba, 4, furniture="page_numbers", page_number=style, layout="inline",
                                  blank_lines=False)
        assert len(re.findall(pattern, r.text, re.M)) >= 2, style


def test_wrapped_label_cells_in_dumped_columns():
    plenary = load(ROOT / "fixtures" / "minutes" / "shigikai_shinonome_honkaigi.json")
    r = variety.render_random(plenary, 8, layout="run_after", label_form="role_name", mark="○",
                              blank_lines=False, fullwidth=False)
    lines = r.text.split("\n")
    # a label cell wrapped: ○議長（山田 / 太郎君） on two lines, the second closing the bracket
    assert any(line.startswith("○") and "（" in line and "）" not in line and lines[i + 1].endswith("）")
               for i, line in enumerate(lines[:-1]))


def test_unlisted_roles_are_not_in_the_role_list():
    listed = {line.strip() for line in (ROOT / "kaigiroku" / "data" / "roles.txt").read_text(encoding="utf-8").splitlines()}
    assert not set(variety.UNLISTED_ROLES) - {"主幹"} & listed
    aoba = load(ROOT / "fixtures" / "minutes" / "shingikai_aoba.json")
    r = variety.render_random(aoba, 1, roles="unlisted", label_form="role")
    assert {s for s, _, _ in gold_labels(r.gold)} & set(variety.UNLISTED_ROLES)


# ----------------------------------------------------------------------------- PDFs at random

def pdf_body_stream(log) -> str:
    """The body strings a rendering drew, in reading order (page, line top, x)."""
    return norm("".join(s for page, top, x, s, body in sorted(log, key=lambda e: e[:3]) if body))


@pytest.mark.parametrize("seed", range(6))
def test_random_pdf_keeps_the_body(seed, tmp_path):
    ms = meetings_for_axes()
    minutes = ms[seed % len(ms)]
    layout = list(render_pdf.LAYOUTS)[seed * 3 % len(render_pdf.LAYOUTS)]
    r = render_pdf.render_random(minutes, seed, tmp_path / "r.pdf", layout=layout)
    assert pdf_body_stream(r.log) == "".join(norm(t["text"]) for t in r.gold["turns"])
    assert r.path.exists() and r.path.stat().st_size > 1000
    labels = [s for _, _, _, s, body in r.log if not body]
    assert labels, "labels and cover drawn apart from the body"


def test_random_pdf_text_layer_holds_the_body(tmp_path):
    """Read back by pdftotext -layout, a rendering holds its gold's body in order."""
    import shutil
    import subprocess

    assert shutil.which("pdftotext"), "poppler-utils (Makefile sysdeps)"
    aoba = load(ROOT / "fixtures" / "minutes" / "shingikai_aoba.json")
    for seed, layout in [(1, "table_vcentred"), (2, "labels_after_body"), (3, "inline")]:
        r = render_pdf.render_random(aoba, seed, tmp_path / f"{seed}.pdf", layout=layout)
        text = subprocess.run(["pdftotext", "-layout", str(r.path), "-"], capture_output=True, text=True).stdout
        assert is_subsequence("".join(norm(t["text"]) for t in r.gold["turns"]), norm(text)), layout


def test_council_record_is_a_long_browser_print_with_labels_alone(tmp_path):
    """render_council_record: the meeting again and again, labels alone on their line above their
    speech, the browser's date and URL + n/m on every page; the gold holds every copy's turns."""
    import pypdfium2 as pdfium

    aoba = load(ROOT / "fixtures" / "minutes" / "iinkai_shinonome_somu.json")
    r = render_pdf.render_council_record(aoba, 3, tmp_path / "record.pdf", pages=10)
    assert r.axes["pages"] >= 10 and r.axes["copies"] >= 2
    assert pdf_body_stream(r.log) == "".join(norm(t["text"]) for t in r.gold["turns"])
    doc = pdfium.PdfDocument(str(r.path))
    assert len(doc) == r.axes["pages"]
    date, url = None, None
    for k, page in enumerate(doc, 1):
        text = page.get_textpage().get_text_range()
        assert re.search(rf"{k}/{len(doc)}\s*$", text.strip()) or f"{k}/{len(doc)}" in text
        assert "http" in text and re.search(r"\d{4}/\d{1,2}/\d{1,2}|令和", text)
    # every label drawn alone: nothing of the body on its line
    by_line = Counter((page, round(top, 1)) for page, top, x, s, body in r.log)
    labels = [(page, round(top, 1)) for page, top, x, s, body in r.log if not body and s[:1] in "○◯〇◎◆◇"]
    assert labels and all(by_line[at] == 1 for at in labels)


def test_fullname_role_labels_and_a_cover_that_lists_the_people():
    """○原田雅人会長: the gold is (会長, 原田雅人), and the cover lists each person so named (会長 原田 雅人);
    the family is drawn with a cover."""
    plenary = load(ROOT / "fixtures" / "minutes" / "shigikai_shinonome_honkaigi.json")
    r = variety.render_random(plenary, 5, label_form="fullname_role", layout="inline", mark="none", cover="kv_colon",
                              separator="fullwidth_space", roles="listed", fullwidth=False, blank_lines=False)
    lines = r.text.split("\n")
    cover = " ".join(lines[:lines.index("")] if "" in lines else lines[:8]).replace(" ", "").replace("　", "")
    people = {(s, n) for s, n, _ in gold_labels(r.gold) if n}
    assert len(people) >= 3
    for speaker, name in people:
        assert any(line.startswith(f"{name}{speaker}　") for line in lines), (speaker, name)
        assert f"{speaker}{name}" in cover, (speaker, name)
    drawn = [variety.draw_axes(random.Random(s)) for s in range(400)]
    assert all(a["cover"] != "none" for a in drawn if a["label_form"] == "fullname_role")


def test_a_member_named_with_no_role_is_printed_as_the_diet_prints_members():
    """A Diet plenary's record gives members no role: the turn names its speaker alone. The renderers
    print such a member as the Diet does (○林正弘君), never as a bracket with nothing before it
    (（林正弘君）, a form no minutes print) nor as a bare name (林正弘)."""
    turn = {"kind": "speech", "speaker": "", "name": "林正弘", "text": "質問いたします。"}
    assert label_of(turn, {}) == "林正弘君"
    assert label_of(turn, {}, marked=True) == "○林正弘君"
    for form in ("surname_role", "fullname_role", "anon", "name_only"):
        assert label_of(turn, {"label_style": {"form": form}}) == "林正弘君"
    assert label_of({**turn, "speaker": "林正弘"}, {}, marked=True) == "○林正弘君"  # the name as speaker too


def test_the_text_generator_reads_a_member_named_with_no_role_as_a_member():
    from fixtures.variety import render_random

    minutes = json.loads((ROOT / "fixtures" / "minutes" / "kokkai_sangiin_honkaigi.json").read_text(encoding="utf-8"))
    minutes["turns"] = [{**t, "speaker": "" if k % 2 else t["name"]} if t.get("speaker") == "議員" else t
                        for k, t in enumerate(minutes["turns"])]
    for seed in range(6):
        r = render_random(minutes, seed, label_form="role")
        speakers = {t.get("speaker") for t in r.gold["turns"] if t["kind"] == "speech"}
        assert "" not in speakers and "議員" in speakers
        assert not any(t.get("speaker") == t.get("name") for t in r.gold["turns"] if t["kind"] == "speech")


def test_names_axis_is_pinned_and_wide_names_read_back():
    """names=wide casts people from every shape real names take (﨑山, 五十嵐, 伊佐 …) without moving any other
    draw of a seed; printed surname + role, each reads back split into role and surname."""
    import kaigiroku
    from kaigiroku.score import score

    plenary = load(ROOT / "fixtures" / "minutes" / "shigikai_shinonome_honkaigi.json")
    assert variety.render_random(plenary, 7).text == variety.render_random(plenary, 7, names="common").text
    r = variety.render_random(plenary, 7, names="wide", label_form="surname_role", layout="inline", mark="○",
                              separator="fullwidth_space", roles="listed", blank_lines=False)
    names = {name for _, name, _ in gold_labels(r.gold) if name}
    assert names <= set(variety.WIDE_SURNAMES) and names - set(variety.SURNAMES)
    assert score(r.gold, kaigiroku.repair(r.text).to_dict())["attributed"] >= 0.99
