"""Repair of what pdftotext makes of a two-column minutes table: labels letter-spaced across wide
gaps, one character a line, or wrapped in a narrow label cell (学校教育 / 課長)."""
import json
import shutil
import subprocess
from pathlib import Path

import pytest

import kaigiroku
from fixtures.render_pdf import render
from kaigiroku.score import score

MINUTES = Path(__file__).resolve().parents[1] / "fixtures" / "minutes"
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing")


@pytest.mark.parametrize("name,layout,mode", [
    ("shingikai_aoba", "table_left", "-layout"), ("shingikai_aoba", "table_left", "-raw-order"),
    ("shingikai_aoba", "labels_after_body", "-layout"), ("kyoikuiinkai_midorikawa", "table_left", "-layout"),
    ("kyoikuiinkai_midorikawa", "hanging", "-layout"), ("kyoikuiinkai_midorikawa", "mixed", "-layout"),
    ("shigikai_shinonome_honkaigi", "mixed", "-layout"),
])
def test_pdftotext_of_a_table(name, layout, mode, tmp_path):
    gold = json.loads((MINUTES / f"{name}.json").read_text(encoding="utf-8"))
    pdf = render(gold, layout, tmp_path / "m.pdf", font="mincho")
    args = ["pdftotext", pdf, "-"] if mode == "-raw-order" else ["pdftotext", mode, pdf, "-"]
    text = subprocess.run([str(a) for a in args], capture_output=True, text=True, check=True).stdout
    s = score(gold, kaigiroku.repair(text).to_dict())
    print(f"\npdftotext {mode} {name} {layout}: attributed={s['attributed']} cer={s['cer']}")
    assert s["attributed"] >= 0.98 and s["cer"] <= 0.01


@pytest.mark.parametrize("text,label", [
    ("議長（山　　おはようございます。\n田太郎君）　　本日の会議を開きます。\n", ("議長", "山田太郎")),
    ("学校教育　　試行を予定しております。\n課長　　　　地域の団体から派遣の見込みです。\n", ("学校教育課長", None)),
    ("会\n\n長\n\nそれでは始めます。\n", ("会長", None)),
    ("教育長（　　学校体育館の空調設備について\n高橋和子　　お答えいたします。\n君）　　　　以上です。\n", ("教育長", "高橋和子")),
])
def test_a_label_split_by_the_extraction_is_put_back(text, label):
    m = kaigiroku.repair(text)
    assert (m.turns[0].speaker, m.turns[0].name) == label
