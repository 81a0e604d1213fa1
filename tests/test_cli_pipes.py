"""The command line in scripts and pipes: `-` for stdin and stdout, `convert`, the hint to use the
other command, --version, -q/-v, shell completion, --pages, --ocr-timeout, the progress bar on a
terminal only, and help for every batch option."""
import os
from pathlib import Path
import pty
import re
import select
import subprocess
import sys
import time

import pytest

from kaigiroku.errors import ExitCode
from test_batch_hostile import MINUTES_TEXT, SPEECH, scanned_pdf, text_pdf


def run(*args, stdin=None, **kw):
    return subprocess.run([sys.executable, "-m", "kaigiroku", *map(str, args)], capture_output=True,
                          input=stdin, timeout=180, **kw)


def out(r) -> str:
    return r.stdout.decode("utf-8")


def err(r) -> str:
    return r.stderr.decode("utf-8")


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    return text_pdf(tmp_path_factory.mktemp("pdf") / "minutes.pdf")


@pytest.fixture(scope="module")
def three_pages(tmp_path_factory):
    """Page n says 第n頁の発言です."""
    from test_batch_hostile import _canvas

    path = tmp_path_factory.mktemp("pdf3") / "three.pdf"
    c = _canvas(path)
    for n in (1, 2, 3):
        c.setFont("IPAexM", 11)
        c.drawString(60, 600, f"○議長（山田太郎君）　第{n}頁の発言です。")
        c.drawString(60, 582, "○１番（佐藤花子君）　質問いたします。")
        c.showPage()
    c.save()
    return path


def test_text_from_stdin_to_stdout():
    r = run("repair", "-", stdin=MINUTES_TEXT.encode("utf-8"))
    assert r.returncode == 0, err(r)
    assert "ただいまから本日の会議を開きます。" in out(r) and "議長" in out(r)


def test_shift_jis_from_stdin():
    r = run("repair", "-", "-f", "json", "-o", "-", stdin=MINUTES_TEXT.encode("shift_jis"))
    assert r.returncode == 0 and '"source": "<stdin>"' in out(r)


def test_a_pdf_from_stdin_to_a_pipe(pdf):
    proc = subprocess.run(f"cat '{pdf}' | '{sys.executable}' -m kaigiroku ingest - -o - | grep 議長", shell=True,
                          capture_output=True, timeout=180)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.decode().startswith("議長")


def test_stdin_errors_name_stdin_not_a_temporary_file():
    r = run("ingest", "-", stdin=b"%PDF-1.4\n" + bytes(range(256)) * 12 + b"\n%%EOF\n")
    assert r.returncode == ExitCode.CORRUPT_PDF
    assert "<stdin>" in err(r) and "/tmp" not in err(r)


def test_convert_judges_any_input_by_content(pdf, tmp_path):
    txt = tmp_path / "minutes.txt"
    txt.write_text(MINUTES_TEXT, encoding="utf-8")
    disguised = tmp_path / "minutes.dat"  # a PDF under a name that says nothing
    disguised.write_bytes(pdf.read_bytes())
    for source in (txt, pdf, disguised):
        r = run("convert", source, "-f", "json")
        assert r.returncode == 0, err(r)
        assert "ただいまから本日の会議を開きます。" in out(r)


def test_repair_given_a_pdf_names_ingest_and_ingest_given_text_names_repair(pdf, tmp_path):
    r = run("repair", pdf)
    assert r.returncode == ExitCode.UNREADABLE_TEXT and f"kaigiroku ingest {pdf}" in err(r)
    txt = tmp_path / "minutes.txt"
    txt.write_text(MINUTES_TEXT, encoding="utf-8")
    r = run("ingest", txt)
    assert r.returncode == ExitCode.NOT_A_PDF and f"kaigiroku repair {txt}" in err(r)


def test_version():
    from kaigiroku import __version__

    r = run("--version")
    assert r.returncode == 0 and out(r).strip() == f"kaigiroku {__version__}"


def test_quiet_hides_warnings_and_verbose_shows_more(tmp_path):
    lines = MINUTES_TEXT.splitlines(keepends=True)
    mixed = tmp_path / "mixed.txt"
    mixed.write_bytes(lines[0].encode("utf-8") + "".join(lines[1:]).encode("cp932"))
    assert "mixes encodings" in err(run("repair", mixed))
    assert err(run("repair", mixed, "-q")) == ""
    assert err(run("-q", "repair", mixed)) == ""


def test_shell_completion_is_offered():
    r = run("--help")
    assert "--install-completion" in out(r) and "--show-completion" in out(r)
    # what the installed completion script asks the command for, as bash does at each <TAB>
    exe = Path(sys.executable).with_name("kaigiroku")
    env = {k: v for k, v in os.environ.items() if not k.endswith("_COMPLETE")}
    r = subprocess.run([str(exe)], capture_output=True, text=True, timeout=60,
                       env={**env, "_KAIGIROKU_COMPLETE": "source_bash"})
    assert r.returncode == 0 and "complete -o default" in r.stdout, (r.returncode, r.stderr)


def test_pages_reads_only_those_pages(three_pages):
    r = run("ingest", three_pages, "--pages", "1,3")
    assert r.returncode == 0, err(r)
    assert "第1頁" in out(r) and "第3頁" in out(r) and "第2頁" not in out(r)
    r = run("ingest", three_pages, "--pages", "2-3", "-f", "json")
    assert '"page": 2' in out(r) and "第1頁" not in out(r)
    bad = run("ingest", three_pages, "--pages", "3-1")
    assert bad.returncode == ExitCode.USAGE and "3-1" in err(bad)


def test_ocr_timeout_per_page_stops_a_slow_page(tmp_path):
    scan = scanned_pdf(tmp_path / "scan.pdf", lines=SPEECH)
    r = run("ingest", scan, "--ocr-timeout", "0.01", "--dpi", "600", "-o", tmp_path / "out.txt")
    assert r.returncode == ExitCode.OCR_FAILED, err(r)
    assert "longer than 0.01 s" in err(r) and len(err(r).splitlines()) == 1
    assert not (tmp_path / "out.txt").exists()


def _run_on_a_terminal(args, seconds=180) -> tuple[int, str]:
    """Run with stderr on a pseudo-terminal, as a user at a shell would; what the terminal showed."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "kaigiroku", *map(str, args)], stdout=subprocess.DEVNULL,
                            stderr=slave, env={**os.environ, "COLUMNS": "120", "TERM": "xterm"})
    os.close(slave)
    shown = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
        elif proc.poll() is not None:
            break
    proc.wait(timeout=30)
    os.close(master)
    return proc.returncode, re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", shown.decode("utf-8", "replace"))


def test_a_progress_bar_on_a_terminal_and_silence_in_a_script(tmp_path):
    scan = scanned_pdf(tmp_path / "scan.pdf")
    code, shown = _run_on_a_terminal(["ingest", scan, "--dpi", "150", "-j", "1"])
    assert code == 0
    assert "OCR" in shown and "1/1" in shown and "pages/s" in shown, shown
    r = run("ingest", scan, "--dpi", "150", "-j", "1")
    assert r.returncode == 0 and err(r) == ""


def test_batch_help_describes_every_option():
    r = subprocess.run([sys.executable, "-m", "kaigiroku", "batch", "--help"], capture_output=True, text=True,
                       timeout=60, env={**os.environ, "COLUMNS": "200", "TERM": "dumb", "NO_COLOR": "1"})
    assert r.returncode == 0
    options = re.findall(r"(--[a-z-]+)(?:[^\n]*?)(\S.*)?$", r.stdout, flags=re.M)
    described = {}
    for line in r.stdout.splitlines():
        m = re.search(r"(--[a-z][a-z-]+)", line)
        if m:
            rest = re.sub(r"^.*?--[a-z][a-z-]+(\s*,?\s*-\w)?\s*(\w+|\[[^\]]*\]|TEXT|INTEGER|FLOAT|PATH)?", "", line)
            described[m.group(1)] = re.sub(r"[│\s]+", " ", rest).strip()
    for option in ("--ocr", "--dpi", "--lang", "--roles", "--keep-width", "--jobs", "--timeout", "--force",
                   "--memory-limit", "--format", "--output"):
        assert len(described.get(option, "")) > 10, (option, described.get(option))
    assert options
    assert "pip install 'kaigiroku[ray]'" in r.stdout  # the extra's name, not eaten as rich markup


def test_what_batch_finds_ingest_reads_a_bmp_scan(tmp_path):
    """One sniffer: batch picks up .bmp files, so ingest must read them (it refused them as 'not a PDF')."""
    import pypdfium2 as pdfium

    from kaigiroku.batch.scan import find_sources

    pdf = pdfium.PdfDocument(str(scanned_pdf(tmp_path / "scan.pdf")))
    pdf[0].render(scale=300 / 72, grayscale=True).to_pil().save(tmp_path / "scan.bmp")
    pdf.close()
    assert "scan.bmp" in {s.key for s in find_sources([tmp_path], tmp_path / "out")}
    r = run("ingest", tmp_path / "scan.bmp", "-j", "1")
    assert r.returncode == 0, err(r)
    assert "ただいまから" in out(r)


def test_pages_of_a_multi_page_tiff_ocrs_only_those_frames(tmp_path, monkeypatch):
    """`--pages 2` on a three-page TIFF reads page 2 alone: the other frames are never OCR'd."""
    from PIL import Image, ImageDraw, ImageFont

    from kaigiroku import Options, convert
    from kaigiroku.ingest import raster
    from test_batch_hostile import FONT

    frames = []
    for n in (1, 2, 3):
        frame = Image.new("L", (1240, 300), 255)  # A4 width at 150 dpi
        ImageDraw.Draw(frame).text((60, 100), f"○議長（山田太郎君）　第{n}頁の発言です。",
                                   font=ImageFont.truetype(FONT, 36), fill=0)
        frames.append(frame)
    tif = tmp_path / "three.tif"
    frames[0].save(tif, save_all=True, append_images=frames[1:], dpi=(150, 150))

    loaded = []
    load_image = raster.load_image
    monkeypatch.setattr(raster, "load_image", lambda path, frame=0, **kw: loaded.append(frame) or
                        load_image(path, frame, **kw))
    minutes = convert(tif, options=Options.build(pages="2", jobs=1, dpi=150))
    assert loaded == [1]  # frame 1 (0-based) is page 2
    text = "".join(t.text for t in minutes.turns)
    assert "第2" in text and "第1" not in text and "第3" not in text
    assert {t.page for t in minutes.turns} == {2}

    beyond = run("ingest", tif, "--pages", "4")  # refused before any OCR
    assert beyond.returncode == ExitCode.USAGE and "has 3" in err(beyond), err(beyond)
