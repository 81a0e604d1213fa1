"""Bad and hostile inputs through a real batch (kaigiroku.convert): each one recorded with a clear
reason and its exit-code name, and none of them changes what the good files beside it become.

One batch over all of them runs once for the module; each test then checks one input.
"""
from __future__ import annotations

import io
import json
import os
import struct
import time
import zlib
from pathlib import Path

import pytest

from kaigiroku.batch import BatchOptions, run_batch
from kaigiroku.errors import ExitCode

FONT = "/usr/share/fonts/opentype/ipaexfont-mincho/ipaexm.ttf"
SPEECH = ["○議長（山田太郎君）　ただいまから本日の会議を開きます。",
          "○１番（佐藤花子君）　質問いたします。図書館の開館時間について伺います。",
          "○教育長（鈴木一郎君）　お答えいたします。来年度から延長いたします。"]
MINUTES_TEXT = "\n".join(SPEECH) + "\n"
TIMEOUT = 45.0  # the safety net for the huge inputs; ingest should refuse them long before
MEMORY_LIMIT_MB = 3072


# ----------------------------------------------------------------------------- making inputs

def _canvas(path: Path, size=(595, 842), **kw):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "IPAexM" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("IPAexM", FONT))
    return canvas.Canvas(str(path), pagesize=size, invariant=1, **kw)


def text_pdf(path: Path, lines=SPEECH, size=(595, 842), **kw) -> Path:
    c = _canvas(path, size, **kw)
    c.setFont("IPAexM", 11)
    top = size[1] - min(80, size[1] / 2)
    for i, line in enumerate(lines):
        c.drawString(min(60, size[0] / 10), top - 18 * i, line)
    c.showPage()
    c.save()
    return path


def scanned_pdf(path: Path, lines=SPEECH[:1], dpi=200) -> Path:
    """A page that is only a picture of text, like a scanner's output: small, to keep OCR quick."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader

    width_pt, height_pt = 420, 40 + 30 * len(lines)
    scale = dpi / 72
    image = Image.new("L", (int(width_pt * scale), int(height_pt * scale)), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, int(14 * scale))
    for i, line in enumerate(lines):
        draw.text((int(15 * scale), int((20 + 30 * i) * scale)), line, font=font, fill=0)
    c = _canvas(path, (width_pt, height_pt))
    c.drawImage(ImageReader(image), 0, 0, width_pt, height_pt)
    c.showPage()
    c.save()
    return path


def pdf_without_unicode_map(path: Path) -> Path:
    """Text drawn in a font with no ToUnicode map: the text layer reads as (cid:N) garbage.

    Renaming the key to one of the same length keeps every byte offset, so the PDF stays valid.
    """
    text_pdf(path, lines=SPEECH[:1], size=(440, 60))
    data = path.read_bytes()
    assert data.count(b"/ToUnicode") == 1
    path.write_bytes(data.replace(b"/ToUnicode", b"/ToUnicodX"))
    return path


def zero_page_pdf(path: Path) -> Path:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def huge_page_pdf(path: Path) -> Path:
    """A 20000×20000 pt page with no text layer: OCR under auto would rasterise 83333² pixels."""
    c = _canvas(path, (20000, 20000))
    c.rect(100, 100, 500, 500, fill=1)
    c.showPage()
    c.save()
    return path


def enormous_png(path: Path, side: int = 100_000) -> Path:
    """A PNG that declares 100000×100000 pixels (10 GB decoded) in a few hundred bytes."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 4096))
                     + chunk(b"IEND", b""))
    return path


def write_bytes(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def good_inputs(folder: Path) -> None:
    write_bytes(folder / "good/本会議 第1回.txt", MINUTES_TEXT.encode("utf-8"))
    write_bytes(folder / "good/utf8.md", ("# 委員会\n\n" + MINUTES_TEXT).encode("utf-8"))
    text_pdf(folder / "good" / "本会議 第2回.pdf")


def hostile_inputs(folder: Path) -> None:
    bad = folder / "bad"
    bad.mkdir(parents=True)
    write_bytes(bad / "shift_jis.txt", MINUTES_TEXT.encode("shift_jis"))
    write_bytes(bad / "euc_jp.txt", MINUTES_TEXT.encode("euc_jp"))
    write_bytes(bad / "utf16.txt", MINUTES_TEXT.encode("utf-16"))  # with a byte-order mark
    write_bytes(bad / "undecodable.txt", bytes(range(256)) * 8)
    write_bytes(bad / "empty.txt", b"")
    write_bytes(bad / "empty.pdf", b"")
    good_pdf = text_pdf(bad / "whole.pdf").read_bytes()
    (bad / "whole.pdf").unlink()
    write_bytes(bad / "truncated.pdf", good_pdf[: len(good_pdf) // 2])
    text_pdf(bad / "encrypted.pdf", encrypt="secret")
    zero_page_pdf(bad / "zero_pages.pdf")
    write_bytes(bad / "not_a_pdf.pdf", b"PK\x03\x04" + bytes(range(200)) * 4)  # a zip named .pdf
    write_bytes(bad / "error_page.pdf", "<!DOCTYPE html><title>404</title>ページが見つかりません".encode())
    write_bytes(bad / "garbage_body.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 12 + b"\n%%EOF\n")
    huge_page_pdf(bad / "huge_page.pdf")
    enormous_png(bad / "enormous.png")
    pdf_without_unicode_map(bad / "no_unicode_map.pdf")
    scanned_pdf(bad / "scanned.pdf")
    (bad / "link to good.txt").symlink_to(folder / "good/本会議 第1回.txt")
    (bad / "broken link.txt").symlink_to(folder / "gone.txt")
    os.mkfifo(bad / "pipe.txt")  # opening it to read would block the batch forever


def outputs(out: Path, under: str) -> dict[str, bytes]:
    return {p.relative_to(out / under).as_posix(): p.read_bytes() for p in sorted((out / under).rglob("*"))
            if p.is_file()}


@pytest.fixture(scope="module")
def hostile_batch(tmp_path_factory):
    """(code, report, manifest, out, seconds) of one batch over good and hostile inputs together."""
    root = tmp_path_factory.mktemp("hostile")
    good_inputs(root / "in")
    hostile_inputs(root / "in")
    out = root / "out"
    options = BatchOptions(formats=["text", "json"], jobs=2, timeout=TIMEOUT, dpi=200,
                           memory_limit_mb=MEMORY_LIMIT_MB)
    started = time.monotonic()
    code = run_batch([root / "in"], out, options, stream=io.StringIO())
    seconds = time.monotonic() - started
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    manifest = json.loads((out / "kaigiroku-manifest.json").read_text(encoding="utf-8"))["files"]
    return code, report, manifest, out, seconds


def outcome(hostile_batch, key):
    entry = hostile_batch[2][key]
    return entry["outcome"], entry.get("code"), entry.get("reason") or ""


# ----------------------------------------------------------------------------- the tests

def test_good_files_are_unaffected_by_their_hostile_neighbours(hostile_batch, tmp_path):
    code, report, _, out, seconds = hostile_batch
    assert code == ExitCode.SOME_FAILED
    alone = tmp_path / "out"  # the same good files (same paths: JSON output names its source), alone
    assert run_batch([out.parent / "in" / "good"], alone, BatchOptions(formats=["text", "json"], jobs=2),
                     stream=io.StringIO()) == ExitCode.OK
    assert outputs(out, "good") == {k: v for k, v in outputs(alone, ".").items()
                                    if k not in ("kaigiroku-manifest.json", "report.json", ".kaigiroku.lock")}
    assert set(outputs(out, "good")) == {f"{name}.{fmt}" for name in
                                         ("本会議 第1回.txt", "utf8.md", "本会議 第2回.pdf") for fmt in ("txt", "json")}
    assert "佐藤花子" in (out / "good/本会議 第2回.pdf.txt").read_text(encoding="utf-8")
    assert not list(out.rglob("*.part"))
    assert seconds < TIMEOUT + 30


@pytest.mark.parametrize("key", ["bad/shift_jis.txt", "bad/euc_jp.txt", "bad/utf16.txt"])
def test_legacy_encodings_are_decoded(hostile_batch, key):
    assert outcome(hostile_batch, key)[0] == "done"
    text = (hostile_batch[3] / (key + ".txt")).read_text(encoding="utf-8")
    assert "図書館の開館時間" in text and "鈴木" in text


@pytest.mark.parametrize("key, codes", [
    ("bad/undecodable.txt", {"UNREADABLE_TEXT"}),
    ("bad/empty.txt", {"EMPTY_DOCUMENT"}),
    ("bad/empty.pdf", {"EMPTY_DOCUMENT", "CORRUPT_PDF", "NOT_A_PDF"}),
    ("bad/truncated.pdf", {"CORRUPT_PDF"}),
    ("bad/encrypted.pdf", {"ENCRYPTED_PDF"}),
    ("bad/zero_pages.pdf", {"EMPTY_DOCUMENT", "CORRUPT_PDF"}),
    ("bad/not_a_pdf.pdf", {"NOT_A_PDF", "CORRUPT_PDF"}),
    ("bad/error_page.pdf", {"NOT_A_PDF"}),  # what a scraper saves when the server said 404
    ("bad/garbage_body.pdf", {"CORRUPT_PDF"}),
    ("bad/broken link.txt", {"MISSING_FILE"}),
    ("bad/pipe.txt", {"NOT_A_FILE"}),
])
def test_bad_inputs_fail_with_a_clear_reason(hostile_batch, key, codes):
    state, code, reason = outcome(hostile_batch, key)
    assert state == "failed" and code in codes, (code, reason)
    assert reason and "\n" not in reason and "Traceback" not in reason and len(reason) <= 300
    assert {"input": key, "source": str(hostile_batch[3].parent / "in" / key), "code": code,
            "reason": reason} in hostile_batch[1]["failed"]
    assert not (hostile_batch[3] / (key + ".txt")).exists()


@pytest.mark.parametrize("key", ["bad/huge_page.pdf", "bad/enormous.png"])
def test_huge_inputs_are_refused_within_bounded_time_and_memory(hostile_batch, key):
    state, code, reason = outcome(hostile_batch, key)
    # TOO_LARGE from the ingest layer's own checks; the batch's timeout and memory limit catch the rest.
    assert state == "failed" and code in {"TOO_LARGE", "TIMEOUT", "OUT_OF_MEMORY"}, (code, reason)
    assert hostile_batch[2][key]["peak_rss_kb"] < MEMORY_LIMIT_MB * 1024


def test_a_font_without_unicode_map_falls_back_to_ocr(hostile_batch):
    state, code, reason = outcome(hostile_batch, "bad/no_unicode_map.pdf")
    assert state == "done", (code, reason)
    assert hostile_batch[2]["bad/no_unicode_map.pdf"]["ocr_pages"] == 1
    assert "cid:" not in (hostile_batch[3] / "bad/no_unicode_map.pdf.txt").read_text(encoding="utf-8")


def test_a_scanned_page_is_read_by_ocr(hostile_batch):
    state, code, reason = outcome(hostile_batch, "bad/scanned.pdf")
    assert state == "done", (code, reason)
    entry = hostile_batch[2]["bad/scanned.pdf"]
    assert (entry["pages"], entry["ocr_pages"]) == (1, 1)
    assert "会議" in (hostile_batch[3] / "bad/scanned.pdf.txt").read_text(encoding="utf-8")
    assert hostile_batch[1]["summary"]["ocr_pages"] >= 2


def test_a_symbolic_link_to_a_file_is_followed_under_its_own_name(hostile_batch):
    out = hostile_batch[3]
    assert outcome(hostile_batch, "bad/link to good.txt")[0] == "done"
    assert (out / "bad/link to good.txt.txt").read_bytes() == (out / "good/本会議 第1回.txt.txt").read_bytes()


def test_the_report_counts_everything(hostile_batch):
    summary = hostile_batch[1]["summary"]
    assert summary["files"] == 3 + 19
    assert summary["done"] + summary["failed"] == summary["files"] and summary["skipped"] == 0
    assert summary["failed"] == len(hostile_batch[1]["failed"]) == 13
    assert summary["pages"] >= 3
