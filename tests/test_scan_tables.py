"""Scanned label tables reach the same column finder and label placement as text pages: wrapped
name cells (○議長（大森和夫 / 君）), labels centred against their speech. One page of speech each
(fixtures/scan.make_case), scanned mild; before the zone reading such pages lost most speakers."""
import pytest

from fixtures.scan import make_case
from kaigiroku.ingest import ingest
from kaigiroku.score import score


@pytest.mark.parametrize("layout", ["table_marked", "table_vcentred"])
def test_a_scanned_label_table_keeps_its_speakers(layout, tmp_path):
    gold, _, scan = make_case("seed:4", layout, "mild", tmp_path, dpi=200, seed=5, chars=450)
    m = ingest(scan, dpi=200)
    s = score(gold, m.to_dict())
    print(f"\n{layout}: attributed={s['attributed']} cer={s['cer']} miss={s['miss']} pages={m.pages}")
    assert m.ocr_pages == m.pages >= 2
    assert s["attributed"] >= 0.9 and s["cer"] <= 0.03 and s["miss"] <= 0.02
    speakers = {t.speaker for t in m.speeches}
    assert "議長" in speakers and None not in speakers


def test_the_gutter_splits_label_and_body_columns_only():
    import numpy as np

    from kaigiroku.ingest.ocr import find_gutter

    h = 30  # character height in pixels
    ink = np.zeros((3000, 2000), dtype=bool)
    for r in range(20):  # 20 rows: a label cell (x 100-300) and a body line (x 420-1900)
        y = 200 + r * 120
        ink[y:y + h, 420:1900] = True
        if r % 4 == 0:
            ink[y + 50: y + 50 + h, 100:300] = True  # centred half a line lower
    ink[100:100 + h, 200:1800] = True  # a title running across
    got = find_gutter(ink, h)
    assert got is not None
    a, b, crossing = got
    assert 300 <= a < b <= 420
    assert crossing[100:130].all() and not crossing[200:230].any()
    # labels centred between body lines are read as a zone of their own; labels level with a body
    # line are not (the page is read in one pass and the line split at the gutter)
    from kaigiroku.ingest.ocr import labels_off_rows

    assert labels_off_rows(ink, got, h)
    level = ink.copy()
    level[:, 100:300] = False
    for r in range(0, 20, 4):
        level[200 + r * 120: 200 + r * 120 + h, 100:300] = True
    assert not labels_off_rows(level, find_gutter(level, h), h)
    # inline text: every line runs across, so no gutter
    inline = np.zeros_like(ink)
    for r in range(20):
        inline[200 + r * 60: 200 + r * 60 + h, 100 if r % 3 else 160:1900] = True
    assert find_gutter(inline, h) is None
