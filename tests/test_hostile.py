"""Bad and hostile inputs through the real command line, as a user or a script meets them.

For every input of issue 14 and of the batch issue before it: exactly one line on stderr, the
exit code documented for that kind of input (README's table, kaigiroku.errors.ExitCode), no
traceback, no output file (not even a temporary one), and bounded time and memory. Each command
runs as a subprocess; the bounds are generous so that a busy shared machine does not make them flaky.
"""
from __future__ import annotations

import os
import re
import struct
import subprocess
import sys
import threading
import time
import zlib
from pathlib import Path

import pytest

from kaigiroku.errors import ExitCode
from test_batch_hostile import (MINUTES_TEXT, enormous_png, huge_page_pdf, scanned_pdf, text_pdf,
                                zero_page_pdf)

ROOT = Path(__file__).resolve().parents[1]
SECONDS = 90  # a refusal takes about a second; this only catches runaway work
PEAK_RSS_MB = 700  # imports take ~100 MB; decoding a 30000² image would take 900 MB and more


def run_bounded(args, stdin: bytes | None = None) -> tuple[subprocess.CompletedProcess, float, float]:
    """`python -m kaigiroku ARGS` with its wall time (s) and its own peak resident memory (MB, wait4)."""
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "kaigiroku", *map(str, args)],
                            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    killer = threading.Timer(SECONDS, proc.kill)
    killer.start()
    out: dict[str, bytes] = {}
    readers = [threading.Thread(target=lambda n=n, f=f: out.__setitem__(n, f.read()))
               for n, f in (("out", proc.stdout), ("err", proc.stderr))]
    for t in readers:
        t.start()
    if stdin is not None:
        proc.stdin.write(stdin)
        proc.stdin.close()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    killer.cancel()
    for t in readers:
        t.join()
    seconds = time.monotonic() - started
    assert seconds < SECONDS, f"kaigiroku {' '.join(map(str, args))} ran longer than {SECONDS} s"
    return (subprocess.CompletedProcess(proc.args, proc.returncode, out["out"].decode("utf-8", "replace"),
                                        out["err"].decode("utf-8", "replace")), seconds, usage.ru_maxrss / 1024)


# ----------------------------------------------------------------------------- inputs

def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF from object bodies (ids 1, 2, ...), with a correct xref table and trailer."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


CATALOG = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>"]
PAGE = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> /XObject << /X0 6 0 R >> >> >>")
FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def circular_form_pdf(path: Path) -> Path:
    """A form XObject that draws itself: pdfminer refuses the loop and logs a warning."""
    path.write_bytes(raw_pdf(CATALOG + [
        PAGE, stream(b"BT /F1 12 Tf 72 720 Td (Minutes of the meeting) Tj ET /X0 Do"), FONT,
        stream(b"/X0 Do", b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X0 6 0 R >> >>")]))
    return path


def bad_dictionary_pdf(path: Path) -> Path:
    """A stream dictionary with a stray key: pdfminer's error quotes its object dump."""
    path.write_bytes(raw_pdf(CATALOG + [
        PAGE, b"<< /Length 20 /Filter [/FlateDecode] /\x01 >>\nstream\n" + b"x" * 20 + b"\nendstream", FONT]))
    return path


def bad_ascii85_pdf(path: Path) -> Path:
    """A content stream whose ASCII85 data holds terminal control bytes, which the error quotes."""
    path.write_bytes(raw_pdf(CATALOG + [PAGE, stream(b"\x07\x1b[31m garbage \x00", b"/Filter /ASCII85Decode"), FONT]))
    return path


def png_declaring(path: Path, side: int) -> Path:
    """A white PNG of side² pixels, really encoded (zlib keeps it small on disk)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    packer = zlib.compressobj(9)
    row = b"\0" + b"\xff" * side
    body = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0))
                     + chunk(b"IDAT", body) + chunk(b"IEND", b""))
    return path


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def link(path: Path, target) -> Path:
    path.symlink_to(target)
    return path


def fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def good_pdf(path: Path) -> Path:
    return text_pdf(path)


# (id, command, make the input in a folder, expected code, words the message must have, words it must not)
CASES = [
    ("missing", "repair", lambda d: d / "missing.txt", ExitCode.MISSING_FILE, "no such file", ()),
    ("folder", "repair", lambda d: d, ExitCode.NOT_A_FILE, "folder", ()),
    ("binary", "repair", lambda d: write(d / "bin.txt", bytes(range(256)) * 40), ExitCode.UNREADABLE_TEXT, "binary", ()),
    ("undecodable", "repair", lambda d: write(d / "bad.txt", b"\x81\x20\xff\xfe\x80\x80\x9f" * 60),
     ExitCode.UNREADABLE_TEXT, "encoding", ()),
    ("empty text", "repair", lambda d: write(d / "empty.txt", b""), ExitCode.EMPTY_DOCUMENT, "empty", ()),
    ("fifo", "repair", lambda d: fifo(d / "pipe.txt"), ExitCode.NOT_A_FILE, "FIFO", ()),
    ("symlink loop", "repair", lambda d: link(d / "loop.txt", d / "loop.txt"), ExitCode.NOT_A_FILE, "loop",
     ("no such file",)),
    ("broken symlink", "repair", lambda d: link(d / "broken.txt", d / "gone.txt"), ExitCode.MISSING_FILE,
     "broken symbolic link", ()),
    ("pdf to repair", "repair", lambda d: good_pdf(d / "m.pdf"), ExitCode.UNREADABLE_TEXT, "kaigiroku ingest", ()),
    ("text to ingest", "ingest", lambda d: write(d / "m.txt", MINUTES_TEXT.encode()), ExitCode.NOT_A_PDF,
     "kaigiroku repair", ()),
    ("empty pdf", "ingest", lambda d: write(d / "empty.pdf", b""), ExitCode.EMPTY_DOCUMENT, "empty", ()),
    ("truncated pdf", "ingest", lambda d: write(d / "cut.pdf", good_pdf(d / "whole.pdf").read_bytes()[:1500]),
     ExitCode.CORRUPT_PDF, "truncated", ()),
    ("garbage body", "ingest", lambda d: write(d / "g.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 12 + b"\n%%EOF\n"),
     ExitCode.CORRUPT_PDF, "PDF", ()),
    ("bad dictionary", "ingest", lambda d: bad_dictionary_pdf(d / "dict.pdf"), ExitCode.CORRUPT_PDF, "damaged PDF",
     ("PDFObjRef", "/'", "[/")),
    ("bad ascii85", "ingest", lambda d: bad_ascii85_pdf(d / "a85.pdf"), ExitCode.CORRUPT_PDF, "damaged PDF", ("\x07",)),
    ("encrypted", "ingest", lambda d: text_pdf(d / "enc.pdf", encrypt="secret"), ExitCode.ENCRYPTED_PDF, "encrypted", ()),
    ("zero pages", "ingest", lambda d: zero_page_pdf(d / "zero.pdf"), ExitCode.EMPTY_DOCUMENT, "no pages", ()),
    ("zip named pdf", "ingest", lambda d: write(d / "z.pdf", b"PK\x03\x04" + bytes(range(200)) * 4),
     ExitCode.NOT_A_PDF, "not a PDF", ()),
    ("html named pdf", "ingest", lambda d: write(d / "h.pdf", "<!DOCTYPE html><title>404</title>ページが見つかりません".encode()),
     ExitCode.NOT_A_PDF, "not a PDF", ()),
    ("huge page", "ingest", lambda d: huge_page_pdf(d / "huge.pdf"), ExitCode.TOO_LARGE, "megapixels", ()),
    ("png declaring 100000²", "ingest", lambda d: enormous_png(d / "enormous.png"), ExitCode.TOO_LARGE, "megapixels", ()),
    ("png of 30000²", "ingest", lambda d: png_declaring(d / "big.png", 30000), ExitCode.TOO_LARGE, "30000×30000", ()),
    ("pages beyond the end", "ingest --pages 4-5", lambda d: good_pdf(d / "m.pdf"), ExitCode.USAGE, "has 1", ()),
    ("unknown language", "ingest --ocr always --lang xyz", lambda d: good_pdf(d / "m.pdf"), ExitCode.OCR_UNAVAILABLE,
     "not a Tesseract language", ("tesseract-ocr-xyz",)),
    ("text score", "score", lambda d: write(d / "gold.txt", MINUTES_TEXT.encode()), ExitCode.NOT_JSON, "not a JSON",
     ("not found",)),
]


@pytest.mark.parametrize("name,command,make,code,says,never", CASES, ids=[c[0] for c in CASES])
def test_hostile_input_gets_one_line_its_code_and_no_output(tmp_path, name, command, make, code, says, never):
    folder = tmp_path / "in"
    folder.mkdir()
    source = make(folder)
    out = tmp_path / "out" / "result.txt"
    args = [*command.split(), source] + ([source] if command == "score" else ["-o", out])
    r, seconds, rss = run_bounded(args)
    assert r.returncode == code, (name, r.returncode, r.stderr)
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("kaigiroku: error: "), r.stderr
    assert "Traceback" not in r.stderr and says in lines[0], lines[0]
    assert not any(word in lines[0] for word in never), lines[0]
    assert lines[0].isprintable()
    assert not out.exists() and not (out.parent.exists() and any(out.parent.iterdir())), "partial output"
    assert r.stdout == ""
    assert seconds < SECONDS and rss < PEAK_RSS_MB, (seconds, rss)


def test_every_code_the_suite_expects_is_documented_in_the_readme():
    table = (ROOT / "README.md").read_text(encoding="utf-8")
    documented = {int(m) for m in re.findall(r"^\| (\d+) \|", table, flags=re.M)}
    assert {int(c[3]) for c in CASES} <= documented
    assert {int(c) for c in ExitCode.__members__.values()} <= documented


def test_output_that_is_the_input_is_refused_and_the_input_kept(tmp_path):
    src = write(tmp_path / "minutes.txt", MINUTES_TEXT.encode())
    link(tmp_path / "alias.txt", src)
    for target in (src, tmp_path / "alias.txt"):
        r, _, _ = run_bounded(["repair", src, "-o", target])
        assert r.returncode == ExitCode.OUTPUT_IS_INPUT and len(r.stderr.splitlines()) == 1, r.stderr
        assert src.read_bytes() == MINUTES_TEXT.encode()


def test_output_naming_a_folder_is_not_called_permission_denied(tmp_path):
    src = write(tmp_path / "minutes.txt", MINUTES_TEXT.encode())
    r, _, _ = run_bounded(["repair", src, "-o", tmp_path])
    assert r.returncode == ExitCode.NOT_A_FILE and "folder" in r.stderr and "permission" not in r.stderr


def test_library_warnings_never_reach_stderr_raw(tmp_path):
    """pdfminer's 'Refusing to execute circular reference…' is formatted, and shown only with -v."""
    pdf = circular_form_pdf(tmp_path / "loop.pdf")
    r, _, _ = run_bounded(["ingest", pdf])
    assert r.returncode == 0 and "Minutes of the meeting" in r.stdout
    assert r.stderr == ""
    r, _, _ = run_bounded(["ingest", pdf, "-v", "--reader", "pdfplumber"])  # pdfminer's own warning
    assert r.returncode == 0
    assert r.stderr.splitlines() and all(line.startswith("kaigiroku: ") for line in r.stderr.splitlines()), r.stderr
    assert "circular reference" in r.stderr


def test_a_png_named_pdf_is_read_as_an_image_with_a_warning(tmp_path):
    from PIL import Image

    scanned = scanned_pdf(tmp_path / "scan.pdf")
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(scanned))
    pdf[0].render(scale=300 / 72, grayscale=True).to_pil().save(tmp_path / "photo.png")
    pdf.close()
    (tmp_path / "photo.png").rename(tmp_path / "minutes.pdf")
    assert Image.open(tmp_path / "minutes.pdf").format == "PNG"
    r, _, _ = run_bounded(["ingest", tmp_path / "minutes.pdf"])
    assert r.returncode == 0, r.stderr
    assert "named .pdf but is a PNG image" in r.stderr
    assert "議長" in r.stdout  # read as the image it is, not garbage


def test_an_image_too_coarse_for_ocr_gets_a_hint_about_resolution(tmp_path):
    from PIL import Image, ImageDraw, ImageFont

    from test_batch_hostile import FONT as FONT_FILE

    image = Image.new("L", (827, 300), 255)  # A4 width at 100 dpi
    ImageDraw.Draw(image).text((40, 40), "○議長（山田太郎君）　ただいまから会議を開きます。",
                               font=ImageFont.truetype(FONT_FILE, 6), fill=0)
    image.save(tmp_path / "coarse.png", dpi=(100, 100))
    r, _, _ = run_bounded(["ingest", tmp_path / "coarse.png", "-o", tmp_path / "out.txt"])
    assert r.returncode == ExitCode.EMPTY_DOCUMENT, r.stderr
    assert "100 dpi" in r.stderr and "300 dpi" in r.stderr and len(r.stderr.splitlines()) == 1, r.stderr
    assert not (tmp_path / "out.txt").exists()


def test_ocr_output_of_very_low_confidence_warns(tmp_path):
    """Scribbles that are no script: Tesseract still returns characters, which must not pass silently."""
    import random

    from PIL import Image, ImageDraw

    rng = random.Random(0)
    image = Image.new("L", (900, 260), 255)
    draw = ImageDraw.Draw(image)
    for row in range(3):
        x = 60
        while x < 820:
            width = rng.randint(20, 40)
            for _ in range(6):
                x0, y0 = x + rng.randint(0, width - 8), 60 + row * 60 + rng.randint(0, 30)
                draw.line((x0, y0, x0 + rng.randint(-10, 10), y0 + rng.randint(5, 20)), fill=0, width=3)
            x += width + 8
    image.save(tmp_path / "scribble.png", dpi=(300, 300))
    r, _, _ = run_bounded(["ingest", tmp_path / "scribble.png", "-j", "1"])
    assert r.returncode == 0, r.stderr
    assert "OCR confidence is low" in r.stderr and len(r.stderr.splitlines()) == 1, r.stderr


def test_mixed_utf8_and_shift_jis_is_decoded_line_by_line_with_a_warning(tmp_path):
    half = len(MINUTES_TEXT.splitlines()) // 2
    lines = MINUTES_TEXT.splitlines(keepends=True)
    data = "".join(lines[:half]).encode("utf-8") + "".join(lines[half:]).encode("shift_jis")
    r, _, _ = run_bounded(["repair", write(tmp_path / "mixed.txt", data)])
    assert r.returncode == 0, r.stderr
    assert "教育長" in r.stdout and "山田太郎" in r.stdout or "議長" in r.stdout
    assert "お答えいたします" in r.stdout  # the Shift_JIS half, decoded
    assert "mixes encodings" in r.stderr and len(r.stderr.splitlines()) == 1


@pytest.mark.parametrize("codec", ["shift_jis", "euc_jp", "utf-16", "utf-8-sig"])
def test_legacy_encodings_are_converted_not_refused(tmp_path, codec):
    src = write(tmp_path / f"{codec}.txt", MINUTES_TEXT.encode(codec))
    r, _, _ = run_bounded(["repair", src])
    assert r.returncode == 0 and r.stderr == "", r.stderr
    assert "ただいまから本日の会議を開きます。" in r.stdout


def test_a_symbolic_link_to_a_file_is_followed(tmp_path):
    src = write(tmp_path / "本会議 第1回.txt", MINUTES_TEXT.encode())
    r, _, _ = run_bounded(["convert", link(tmp_path / "link.txt", src)])
    assert r.returncode == 0 and "ただいまから" in r.stdout


def test_an_output_name_too_long_is_one_line_and_nothing_written(tmp_path):
    src = write(tmp_path / "m.txt", MINUTES_TEXT.encode())
    r, _, _ = run_bounded(["repair", src, "-o", tmp_path / ("長" * 200 + ".txt")])
    assert r.returncode == ExitCode.PERMISSION_DENIED and "too long" in r.stderr
    assert len(r.stderr.splitlines()) == 1 and "Traceback" not in r.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.txt"]


USAGE_MISTAKES = [  # (what the user typed wrong, arguments after `kaigiroku`, what the line must name)
    ("unknown option", ["ingest", "--bogus", "{src}"], "--bogus"),
    ("missing argument", ["repair"], "FILE"),
    ("bad format", ["repair", "{src}", "-f", "bogus"], "--format"),
    ("dpi out of range", ["ingest", "{src}", "--dpi", "5"], "--dpi"),
    ("batch without -o", ["batch", "{src}"], "--output"),
]


@pytest.mark.parametrize("name,args,names", USAGE_MISTAKES, ids=[m[0] for m in USAGE_MISTAKES])
def test_a_command_line_mistake_is_one_line_and_the_usage_code(tmp_path, name, args, names):
    """typer/click print usage errors in a multi-line box; a script wants one line and exit code 2."""
    src = write(tmp_path / "minutes.txt", MINUTES_TEXT.encode())
    r, _, _ = run_bounded([a.replace("{src}", str(src)) for a in args])
    assert r.returncode == ExitCode.USAGE, (name, r.returncode, r.stderr)
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("kaigiroku: error: "), r.stderr
    assert names in lines[0] and "--help" in lines[0], lines[0]
    assert "Traceback" not in r.stderr and r.stdout == ""
