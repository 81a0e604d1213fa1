"""Configuration travels as one typed value: kaigiroku.Options, built once, frozen, handed through
convert, repair, ingest and the batch workers; the old keyword arguments still build it."""
import dataclasses
from pathlib import Path

import pytest

import kaigiroku
from kaigiroku import Options
from kaigiroku.batch import BatchOptions, run_batch
from kaigiroku.cleanup import labels
from kaigiroku.errors import ExitCode, KaigirokuError
from kaigiroku.options import parse_pages
from test_batch_hostile import MINUTES_TEXT, text_pdf

TEXT = "書記長　報告します。\n会長　ありがとうございました。\n"


def test_options_are_frozen_and_documented():
    opts = Options()
    with pytest.raises(dataclasses.FrozenInstanceError):
        opts.dpi = 600
    source = Path(kaigiroku.options.__file__).read_text(encoding="utf-8")
    for f in dataclasses.fields(Options):
        line = next(ln for ln in source.splitlines() if ln.strip().startswith(f"{f.name}:"))
        assert "#" in line, f"field {f.name} has no comment saying what it tunes"


def test_roles_are_loaded_once_not_on_every_label(tmp_path, monkeypatch):
    roles = tmp_path / "roles.txt"
    roles.write_text("書記長\n", encoding="utf-8")
    calls = []
    real = labels.load_roles
    monkeypatch.setattr(labels, "load_roles", lambda *a, **k: calls.append(a) or real(*a, **k))
    opts = Options.build(roles=roles)
    assert isinstance(opts.roles, labels.Roles) and "書記長" in opts.roles.words
    text = tmp_path / "m.txt"
    text.write_text(TEXT * 50, encoding="utf-8")
    minutes = kaigiroku.convert(text, options=opts)
    assert [t.speaker for t in minutes.turns[:2]] == ["書記長", "会長"]
    assert len(calls) == 1  # by Options.build, never again while 100 labels are matched


def test_a_roles_list_is_resolved_once_too(tmp_path, monkeypatch):
    calls = []
    real = labels.as_roles
    monkeypatch.setattr(labels, "as_roles", lambda r: calls.append(type(r)) or real(r))
    minutes = kaigiroku.repair(TEXT * 50, roles=["書記長"])
    assert minutes.turns[0].speaker == "書記長"
    assert calls.count(list) == 1


def test_old_keywords_still_work_and_unknown_ones_are_refused(tmp_path):
    pdf = text_pdf(tmp_path / "m.pdf")
    assert kaigiroku.convert(pdf, ocr="never", dpi=200, keep_width=True).turns
    from kaigiroku.ingest import ingest

    assert ingest(pdf, ocr="never").turns
    with pytest.raises(TypeError, match="unknown option 'dip'"):
        kaigiroku.convert(pdf, dip=200)


def test_the_same_options_give_the_same_result_through_every_door(tmp_path):
    pdf = text_pdf(tmp_path / "m.pdf")
    opts = Options.build(ocr="never", keep_width=True)
    from kaigiroku.ingest import ingest
    from kaigiroku.writers import render

    assert render(kaigiroku.convert(pdf, options=opts), "json") == render(ingest(pdf, options=opts), "json")


def test_batch_workers_receive_one_options_object(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        (src / f"{i}.txt").write_text(MINUTES_TEXT, encoding="utf-8")
    code = run_batch([src], tmp_path / "out", BatchOptions(jobs=2, timeout=60, dpi=200, keep_width=True),
                     convert=record_options)
    assert code == ExitCode.OK
    seen = {p.read_text(encoding="utf-8") for p in (tmp_path / "out").glob("*.txt.txt")}
    assert len(seen) == 1  # the same value for every file
    assert "Options(" in seen.pop() and "dpi=200" in next(iter((tmp_path / "out").glob("*.txt.txt"))).read_text()


def record_options(path, options=None):
    from kaigiroku.model import Minutes, Turn

    assert isinstance(options, Options) and options.jobs == 1 and options.keep_width
    return Minutes(turns=[Turn(kind="note", text=repr(options))], pages=1)


@pytest.mark.parametrize("spec,pages", [("3-7,12", {3, 4, 5, 6, 7, 12}), ("1", {1}), (" 2 - 3 , 5", {2, 3, 5})])
def test_pages_spec(spec, pages):
    assert parse_pages(spec) == pages


@pytest.mark.parametrize("spec", ["0", "7-3", "a", "3-", ""])
def test_bad_pages_spec_is_a_usage_error(spec):
    with pytest.raises(KaigirokuError) as e:
        parse_pages(spec)
    assert e.value.code == ExitCode.USAGE
