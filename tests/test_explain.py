"""`--explain`: each JSON turn says why it starts there and why it has its speaker; `inspect` draws it."""
from __future__ import annotations

import json
import subprocess
import sys

import kaigiroku

TEXT = """第1回テスト懇談会会議録

午前10時開会
○東座長　ただいまから会議を開きます。
○田中委員　質問します。資料の3ページについて伺います。
（拍手）
"""


def test_explain_says_why_each_turn_starts_and_has_its_speaker():
    m = kaigiroku.repair(TEXT, explain=True)
    turns = m.to_dict()["turns"]
    assert all("explain" in t for t in turns)
    chair = next(t for t in turns if t.get("speaker") == "座長")
    assert chair["name"] == "東"
    assert chair["explain"]["label"] == {"printed": "○東座長", "form": "surname_role", "evidence": "role list"}
    assert chair["explain"]["turn"] == "a label opens it"
    note = next(t for t in turns if t["text"] == "（拍手）")
    assert "note" in note["explain"]["turn"]
    # without explain nothing is added
    assert all("explain" not in t for t in kaigiroku.repair(TEXT).to_dict()["turns"])


def test_explain_on_the_command_line(tmp_path):
    f = tmp_path / "m.txt"
    f.write_text(TEXT, encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "kaigiroku", "repair", str(f), "-f", "json", "--explain"],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    first = json.loads(r.stdout)["turns"][0]
    assert first["explain"]["start"] and "cover" in first["explain"]


def test_inspect_draws_the_explanation(tmp_path):
    from fixtures.render_pdf import render
    from kaigiroku.inspect import draw_page

    gold = {"meta": {"title": "第1回テスト懇談会会議録"}, "turns": [
        {"kind": "speech", "speaker": "座長", "name": "東", "text": "ただいまから会議を開きます。" * 4},
        {"kind": "speech", "speaker": "委員", "name": "田中", "text": "質問します。" * 8}]}
    pdf = render(gold, "inline", tmp_path / "m.pdf")
    plain = draw_page(pdf, 1, tmp_path / "plain.png", ocr="never")
    explained = draw_page(pdf, 1, tmp_path / "why.png", ocr="never", explain=True)
    assert plain.read_bytes() != explained.read_bytes()  # the reasons are written on the page
