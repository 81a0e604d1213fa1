"""Bad inputs: each kind gets its own exception class, and from the command line a one-line message
and its own exit code, never a traceback."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from fixtures.render_pdf import render
from kaigiroku.errors import (CorruptPdfError, EmptyDocumentError, EncryptedPdfError, ExitCode, MissingFileError,
                              NoTextLayerError, NotAFileError, NotAPdfError)
from kaigiroku.ingest import ingest

MINUTES = {"meta": {"title": "第1回テスト審議会会議録", "date_text": "令和6年4月1日（月）"},
           "turns": [{"kind": "speech", "speaker": "会長", "text": "ただいまから会議を開きます。" * 20},
                     {"kind": "speech", "speaker": "委員", "text": "質問がございます。" * 10}]}


def pdf_from_objects(objects: list[bytes]) -> bytes:
    """A minimal PDF with a correct cross-reference table (for shapes no writer produces)."""
    out = b"%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def _scan_like_image() -> Image.Image:
    img = np.full((400, 300), 255, np.uint8)
    for y in range(40, 360, 24):  # lines of "text": dark bars
        img[y:y + 10, 30:270] = 0
    return Image.fromarray(img)


@pytest.fixture(scope="module")
def bad(tmp_path_factory) -> dict[str, Path]:
    d = tmp_path_factory.mktemp("bad")
    good = render(MINUTES, "table_left", d / "good.pdf")
    data = good.read_bytes()
    files = {"good": good}
    files["truncated"] = d / "truncated.pdf"
    files["truncated"].write_bytes(data[: len(data) // 2])
    files["garbled"] = d / "garbled.pdf"  # header and trailer intact, the middle overwritten
    files["garbled"].write_bytes(data[:400] + b"\x00garbage" * 200 + data[-200:])
    files["encrypted_user"] = render(MINUTES, "inline", d / "encrypted_user.pdf",
                                     encrypt=StandardEncryption("secret", ownerPassword="owner"))
    files["encrypted_owner_nocopy"] = render(MINUTES, "inline", d / "encrypted_owner.pdf",
                                             encrypt=StandardEncryption("", ownerPassword="owner", canCopy=0))
    files["encrypted_owner_copy"] = render(MINUTES, "inline", d / "encrypted_owner_copy.pdf",
                                           encrypt=StandardEncryption("", ownerPassword="owner"))
    files["zero_pages"] = d / "zero.pdf"
    files["zero_pages"].write_bytes(pdf_from_objects([b"<< /Type /Catalog /Pages 2 0 R >>",
                                                      b"<< /Type /Pages /Kids [] /Count 0 >>"]))
    files["not_pdf"] = d / "notes.pdf"
    files["not_pdf"].write_text("<html><body>会議録</body></html>", encoding="utf-8")
    files["empty_file"] = d / "empty.pdf"
    files["empty_file"].write_bytes(b"")
    scan = d / "scan.pdf"
    c = canvas.Canvas(str(scan), pagesize=(300, 400))
    c.drawImage(ImageReader(_scan_like_image()), 0, 0, 300, 400)
    c.showPage()
    c.save()
    files["image_only"] = scan
    blank = d / "blank.pdf"
    c = canvas.Canvas(str(blank))
    c.showPage()
    c.save()
    files["blank"] = blank
    png = d / "page.png"
    _scan_like_image().save(png)
    files["png"] = png
    files["directory"] = d
    files["missing"] = d / "nope.pdf"
    return files


CASES = {  # name -> (exception, exit code)
    "missing": (MissingFileError, ExitCode.MISSING_FILE),
    "directory": (NotAFileError, ExitCode.NOT_A_FILE),
    "not_pdf": (NotAPdfError, ExitCode.NOT_A_PDF),
    "empty_file": (EmptyDocumentError, ExitCode.EMPTY_DOCUMENT),
    "truncated": (CorruptPdfError, ExitCode.CORRUPT_PDF),
    "garbled": (CorruptPdfError, ExitCode.CORRUPT_PDF),
    "encrypted_user": (EncryptedPdfError, ExitCode.ENCRYPTED_PDF),
    "encrypted_owner_nocopy": (EncryptedPdfError, ExitCode.ENCRYPTED_PDF),
    "zero_pages": (EmptyDocumentError, ExitCode.EMPTY_DOCUMENT),
    "image_only": (NoTextLayerError, ExitCode.NO_TEXT_LAYER),
    "png": (NoTextLayerError, ExitCode.NO_TEXT_LAYER),
    "blank": (EmptyDocumentError, ExitCode.EMPTY_DOCUMENT),
}


@pytest.mark.parametrize("name", list(CASES))
def test_bad_input_raises_its_error(bad, name):
    exc, code = CASES[name]
    with pytest.raises(exc) as info:
        ingest(bad[name], ocr="never")
    assert info.value.code == code
    assert "\n" not in str(info.value)


def test_owner_password_only_reads_when_copying_is_allowed(bad):
    """Encrypted with an owner password only (like ../shared/realpdf/p1.pdf): anyone may open it."""
    minutes = ingest(bad["encrypted_owner_copy"], ocr="never")
    assert [t.speaker for t in minutes.speeches] == ["会長", "委員"]


def _cli() -> list[str]:
    exe = Path(sys.executable).with_name("kaigiroku")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "kaigiroku.cli"]


def test_cli_one_line_and_exit_code(bad):
    procs = {name: subprocess.Popen(_cli() + ["ingest", str(bad[name]), "--ocr", "never"],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for name in CASES}
    procs["good"] = subprocess.Popen(_cli() + ["ingest", str(bad["good"]), "--ocr", "never", "-f", "json"],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for name, p in procs.items():
        out, err = p.communicate(timeout=60)
        if name == "good":
            assert p.returncode == 0, err
            assert '"speaker": "会長"' in out
            continue
        print(f"{name:24} exit {p.returncode}: {err.strip()}")
        assert p.returncode == CASES[name][1], (name, p.returncode, err)
        assert "Traceback" not in err
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("kaigiroku: error: "), (name, err)
        assert out == ""
