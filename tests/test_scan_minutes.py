"""Scanned minutes end to end: our own minutes rendered to a PDF table (label column at the left),
scanned with mild or rough damage (fixtures/scan.py), then `ingest` with OCR and the same turn
assembly as text pages. Six pages each; OCR runs on both cores."""
import json
from pathlib import Path

import pytest

from fixtures.render_pdf import render
from fixtures.scan import scan_pdf
from kaigiroku.ingest import ingest
from kaigiroku.score import score

MINUTES = Path(__file__).resolve().parents[1] / "fixtures" / "minutes" / "shingikai_aoba.json"
LIMITS = {"mild": 0.04, "rough": 0.07}


@pytest.fixture(scope="module")
def gold():
    return json.loads(MINUTES.read_text(encoding="utf-8"))


@pytest.mark.parametrize("level", ["mild", "rough"])
@pytest.mark.parametrize("font", ["mincho", "gothic"])
def test_scanned_minutes(gold, font, level, tmp_path):
    pdf = render(gold, "table_left", tmp_path / "minutes.pdf", font=font)
    scan = tmp_path / f"scan_{level}.pdf"
    scan_pdf(pdf, scan, level, dpi=200, seed={"mild": 1, "rough": 2}[level])
    m = ingest(scan, dpi=200)
    s = score(gold, m.to_dict())
    print(f"\nscan {font} {level}: attributed={s['attributed']} cer={s['cer']} bnd_f={s['bnd_f']} "
          f"pages={m.pages} ocr={m.ocr_pages}")
    assert m.ocr_pages == m.pages == 6
    assert s["cer"] <= LIMITS[level]
    if level == "mild":
        assert s["attributed"] >= 0.93
