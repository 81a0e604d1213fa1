"""Command line: a thin layer over the library. Errors become one line and an exit code."""
from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from .errors import ExitCode, KaigirokuError

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn Japanese meeting minutes (会議録) into clean, speaker-ordered turns.")


class Fmt(str, Enum):
    text = "text"
    json = "json"
    md = "md"
    csv = "csv"


class OcrMode(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


def fail(message: str, code: int) -> None:
    typer.echo(f"kaigiroku: error: {message}", err=True)
    raise typer.Exit(int(code))


def write_output(text: str, out: Optional[Path]) -> None:
    """Write to `out` atomically (temporary file then rename), or to stdout."""
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    from .atomic import atomic_write_text

    try:
        atomic_write_text(Path(out), text)
    except OSError as e:
        fail(f"cannot write {out}: {e.strerror or e}", ExitCode.PERMISSION_DENIED)


def _run(produce, fmt: Fmt, out: Optional[Path]) -> None:
    from .writers import render

    try:
        minutes = produce()
    except KaigirokuError as e:
        fail(str(e), e.code)
    except KeyboardInterrupt:
        fail("interrupted", ExitCode.INTERRUPTED)
    for warning in minutes.warnings:  # the tool's self-checks (cover reader …): on stderr, not in the output
        typer.echo(f"kaigiroku: warning: {warning}", err=True)
    write_output(render(minutes, fmt.value), out)


def _roles(path: Optional[Path]):
    if path is None:
        return None
    from .cleanup.labels import load_roles

    try:
        return load_roles(path)
    except KaigirokuError as e:
        fail(str(e), e.code)


@app.command()
def repair(
    file: Path = typer.Argument(..., help="Text already extracted from minutes (UTF-8/16, Shift_JIS, EUC-JP)."),
    format: Fmt = typer.Option(Fmt.text, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Output file (default: stdout)."),
    roles: Optional[Path] = typer.Option(None, "--roles", help="Extra speaker roles, one per line."),
    keep_width: bool = typer.Option(False, "--keep-width", help="Do not normalise character widths."),
    explain: bool = typer.Option(False, "--explain", help="JSON: say why each turn starts and has its speaker."),
):
    """Repair badly extracted minutes text into speaker-ordered turns."""
    from . import repair as _repair

    role_list = _roles(roles)
    _run(lambda: _repair(file, roles=role_list, keep_width=keep_width, explain=explain), format, output)


@app.command()
def ingest(
    file: Path = typer.Argument(..., help="A PDF (text or scanned) or an image file (PNG, TIFF, JPEG)."),
    format: Fmt = typer.Option(Fmt.text, "--format", "-f", help="Output format."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Output file (default: stdout)."),
    ocr: OcrMode = typer.Option(OcrMode.auto, "--ocr", help="auto: OCR only pages without a usable text layer."),
    dpi: int = typer.Option(300, "--dpi", min=72, max=1200, help="Rasterisation resolution for OCR."),
    lang: str = typer.Option("jpn", "--lang", help="Tesseract language(s), e.g. jpn or jpn+eng."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Parallel OCR workers (default: cores)."),
    roles: Optional[Path] = typer.Option(None, "--roles", help="Extra speaker roles, one per line."),
    keep_width: bool = typer.Option(False, "--keep-width", help="Do not normalise character widths."),
    explain: bool = typer.Option(False, "--explain", help="JSON: say why each turn starts and has its speaker."),
):
    """Read minutes from a PDF or image into speaker-ordered turns."""
    from .ingest import ingest as _ingest

    role_list = _roles(roles)
    _run(lambda: _ingest(file, ocr=ocr.value, dpi=dpi, lang=lang, roles=role_list,
                         keep_width=keep_width, jobs=jobs, explain=explain), format, output)


@app.command()
def inspect(
    file: Path = typer.Argument(..., help="A PDF."),
    page: int = typer.Option(1, "--page", "-p", min=1, help="Page number (1-based)."),
    output: Path = typer.Option(Path("page.png"), "--output", "-o", help="PNG to write."),
    ocr: OcrMode = typer.Option(OcrMode.auto, "--ocr"),
    dpi: int = typer.Option(100, "--dpi", min=36, max=600),
    explain: bool = typer.Option(False, "--explain", help="Also write why each turn starts and has its speaker."),
):
    """Draw on a page image what was found: lines, label column, turn starts, furniture."""
    from .inspect import draw_page

    try:
        draw_page(file, page, output, ocr=ocr.value, dpi=dpi, explain=explain)
    except KaigirokuError as e:
        fail(str(e), e.code)
    typer.echo(str(output))


@app.command()
def batch(
    inputs: List[Path] = typer.Argument(..., help="Files and directories (searched recursively)."),
    output: Path = typer.Option(..., "--output", "-o", help="Output directory (mirrors the input tree)."),
    format: List[Fmt] = typer.Option([Fmt.text], "--format", "-f", help="Output format(s); repeat for several."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Parallel workers (default: cores)."),
    timeout: float = typer.Option(600.0, "--timeout", min=1, help="Seconds before a file's worker is killed."),
    force: bool = typer.Option(False, "--force", help="Redo every file, even if done and unchanged."),
    ocr: OcrMode = typer.Option(OcrMode.auto, "--ocr"),
    dpi: int = typer.Option(300, "--dpi", min=72, max=1200),
    lang: str = typer.Option("jpn", "--lang"),
    roles: Optional[Path] = typer.Option(None, "--roles"),
    keep_width: bool = typer.Option(False, "--keep-width"),
    memory_limit: Optional[int] = typer.Option(None, "--memory-limit", min=256,
                                               help="MiB of address space per worker (2048 or more advised)."),
):
    """Convert whole archives: parallel, resumable, atomic, with a report."""
    from .batch import BatchOptions, run_batch

    opts = BatchOptions(formats=[f.value for f in format], jobs=jobs or os.cpu_count() or 1, timeout=timeout,
                        force=force, ocr=ocr.value, dpi=dpi, lang=lang,
                        roles=str(roles) if roles else None, keep_width=keep_width, memory_limit_mb=memory_limit)
    try:
        code = run_batch(inputs, output, opts)
    except KaigirokuError as e:
        fail(str(e), e.code)
    raise typer.Exit(int(code))


@app.command()
def score(gold: Path = typer.Argument(...), pred: Path = typer.Argument(...)):
    """Score a prediction JSON against a gold JSON (attributed, cer, bnd_f)."""
    import json

    from .score import score as _score

    try:
        g = json.loads(gold.read_text(encoding="utf-8"))
        p = json.loads(pred.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        fail(str(e), ExitCode.MISSING_FILE)
    typer.echo(" ".join(f"{k}={v}" for k, v in _score(g, p).items()))


def main() -> None:  # pragma: no cover - entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
