"""Command line: a thin layer over the library. Errors become one line and an exit code.

Every command reads `-` as stdin and writes `-o -` (or no -o) to stdout, so it fits into pipes; an
output that is the input is refused; outputs are written through kaigiroku.atomic, which never
replaces a device, FIFO or link by a regular file. Library log records (pdfminer, Pillow and
kaigiroku's own warnings) are printed as one `kaigiroku: warning: ...` line each.
"""
from __future__ import annotations

import contextlib
import errno
import logging
import os
import sys
from enum import Enum
from pathlib import Path
from collections.abc import Iterable, Iterator
from typing import List, Optional

import typer
import typer.core

from .errors import ExitCode, KaigirokuError
from .options import DEFAULT_LANG

def _click_used_by_typer():
    """The click typer runs on: its own copy since typer 0.22 (typer._click), click itself before."""
    import typer.core

    vendored = getattr(typer.core, "_click", None)
    if vendored is not None:
        return vendored
    import click

    return click


class _OneLineUsageErrors(typer.core.TyperGroup):
    """Command-line mistakes (unknown option, missing argument, bad value) as one line on stderr and
    exit code USAGE, like every other error, instead of click's multi-line box."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        click = _click_used_by_typer()
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except getattr(click.exceptions, "NoArgsIsHelpError", ()) as e:  # `kaigiroku ingest` alone: its help
            typer.echo(e.ctx.get_help())
            sys.exit(int(ExitCode.USAGE))
        except click.exceptions.UsageError as e:
            where = f"; see `{e.ctx.command_path} --help`" if e.ctx is not None else ""
            message = " ".join(e.format_message().split()).rstrip(".")
            typer.echo(f"kaigiroku: error: {message}{where}", err=True)
            sys.exit(int(ExitCode.USAGE))
        except click.exceptions.ClickException as e:  # e.g. a file argument click could not open
            typer.echo(f"kaigiroku: error: {' '.join(e.format_message().split())}", err=True)
            sys.exit(e.exit_code)
        except (typer.Abort, getattr(click.exceptions, "Abort", typer.Abort)):  # EOF at a prompt
            sys.exit(int(ExitCode.INTERRUPTED))
        sys.exit(code if isinstance(code, int) else 0)  # a command's typer.Exit(code), or 0


app = typer.Typer(cls=_OneLineUsageErrors, add_completion=True, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Turn Japanese meeting minutes (会議録) into clean, speaker-ordered turns.\n\n"
                       "Every FILE may be - for stdin, and -o - writes to stdout, e.g.\n\n"
                       "kaigiroku ingest scan.pdf -o - | grep 議長")

STDIN = "-"
STDOUT_CHUNK = 1 << 16  # characters encoded and written at a time (an archive's output is never encoded whole)
STDIN_NAME = "<stdin>"


class Fmt(str, Enum):
    text = "text"
    json = "json"
    md = "md"
    csv = "csv"
    tei = "tei"
    kokkai = "kokkai"


class OcrMode(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"
    redo = "redo"  # replace OCR layers (invisible text over a page image), keep born-digital text


class BatchExecutor(str, Enum):
    local = "local"
    ray = "ray"


class Reader(str, Enum):  # the PDF character source (kaigiroku/ingest/pdf.py)
    pdfium = "pdfium"
    pdfplumber = "pdfplumber"


# ----------------------------------------------------------------------------- messages

class _Verbosity:
    level = logging.WARNING  # -q: ERROR (warnings hidden), -v: INFO (library warnings too)


class _OneLine(logging.Handler):
    """Each log record as one `kaigiroku: warning: ...` line on stderr; a message repeated (pdfminer
    says the same thing once per object) is printed once. Other libraries' warnings only with -v."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.seen: set[str] = set()

    def emit(self, record: logging.LogRecord) -> None:
        ours = record.name == "kaigiroku" or record.name.startswith("kaigiroku.")
        if record.levelno < _Verbosity.level or (not ours and _Verbosity.level > logging.INFO):
            return
        try:
            message = " ".join(str(record.getMessage()).split())
        except Exception:  # a library's malformed log call must not end the run
            return
        if not ours:
            message = f"{record.name.split('.')[0]}: {message}"
        if message in self.seen:
            return
        self.seen.add(message)
        level = "warning" if record.levelno >= logging.WARNING else "info"
        sys.stderr.write(f"kaigiroku: {level}: {_public(message)[:500]}\n")


_TEMP_NAMES: dict[str, str] = {}  # temporary file holding stdin -> how to name it to the user


def _public(message: str) -> str:
    """What the user may see: stdin's temporary file named <stdin>, no control characters (a damaged
    file's bytes quoted in a message must not drive the terminal)."""
    for temp, name in _TEMP_NAMES.items():
        message = message.replace(temp, name)
    return "".join(c if c.isprintable() else "?" for c in message)


def _route_logging() -> None:
    root = logging.getLogger()
    if not any(isinstance(h, _OneLine) for h in root.handlers):
        root.handlers[:] = [_OneLine()]
    root.setLevel(logging.INFO)
    logging.captureWarnings(True)  # warnings.warn from libraries become records too (py.warnings)


def fail(message: str, code: int) -> None:
    typer.echo(f"kaigiroku: error: {_public(' '.join(str(message).split()))}", err=True)
    raise typer.Exit(int(code))


@contextlib.contextmanager
def _errors():
    """Whatever goes wrong: one line and an exit code, never a traceback."""
    try:
        yield
    except typer.Exit:
        raise
    except KaigirokuError as e:
        fail(str(e), e.code)
    except KeyboardInterrupt:
        fail("interrupted", ExitCode.INTERRUPTED)
    except MemoryError:
        fail("ran out of memory", ExitCode.OUT_OF_MEMORY)
    except RecursionError:
        fail("the input is nested too deeply to read", ExitCode.CORRUPT_PDF)
    except BrokenPipeError:
        _quiet_broken_pipe()
    except Exception as e:  # a bug of ours: still one line, with what a report needs
        fail(f"internal error ({type(e).__name__}: {e}); please report it", ExitCode.INTERNAL_ERROR)


def _quiet_broken_pipe() -> None:
    """`kaigiroku ... | head`: the reader left; stop without a message, as cat does."""
    with contextlib.suppress(OSError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    raise typer.Exit(0)


# ----------------------------------------------------------------------------- inputs and outputs

@contextlib.contextmanager
def _input(file: str):
    """The input as a path: `-` is stdin, copied to a temporary file that is removed afterwards."""
    if file != STDIN:
        yield Path(file)
        return
    from .files import stdin_to_file

    if sys.stdin is None or sys.stdin.isatty():
        fail("- reads the input from stdin, but stdin is a terminal; pipe a file in (cat f.txt | kaigiroku repair -)",
             ExitCode.USAGE)
    path = stdin_to_file()
    _TEMP_NAMES[str(path)] = STDIN_NAME
    try:
        yield path
    finally:
        with contextlib.suppress(OSError):
            path.unlink()


def _check_output(output: Optional[str], source: Path, stdin: bool) -> None:
    """Refuse, before any work, an output that cannot or must not be written."""
    if output is None or output == STDIN:
        return
    out = Path(output)
    if os.path.isdir(out):  # (False for a name too long: the write below says so)
        fail(f"-o names a folder, not a file: {output}; give a file name (or - for stdout)", ExitCode.NOT_A_FILE)
    from .files import same_file

    if not stdin and same_file(source, out):
        fail(f"the output is the input: {output}; give another -o (nothing was written)", ExitCode.OUTPUT_IS_INPUT)


def write_output(text: str | Iterable[str], out: Optional[str]) -> None:
    """To stdout (no -o, or -o -), else through kaigiroku.atomic (atomic for regular files only).
    `text` may come a piece at a time (writers.render_chunks): it is encoded and written in pieces of
    about STDOUT_CHUNK characters, never whole."""
    pieces = _grouped([text] if isinstance(text, str) else text)
    if out is None or out == STDIN:
        try:
            for piece in pieces:
                sys.stdout.write(piece)
            sys.stdout.flush()
        except BrokenPipeError:
            _quiet_broken_pipe()
        return
    from .atomic import atomic_write_chunks

    try:
        atomic_write_chunks(Path(out), (piece.encode("utf-8") for piece in pieces))
    except IsADirectoryError:
        fail(f"-o names a folder, not a file: {out}", ExitCode.NOT_A_FILE)
    except PermissionError:
        fail(f"cannot write {out}: permission denied", ExitCode.PERMISSION_DENIED)
    except OSError as e:
        if e.errno == errno.ELOOP:
            fail(f"cannot write {out}: symbolic link loop", ExitCode.NOT_A_FILE)
        fail(f"cannot write {out}: {e.strerror or e}", ExitCode.PERMISSION_DENIED)


def _grouped(chunks: Iterable[str]) -> Iterator[str]:
    """Small chunks gathered and large ones cut, to pieces of about STDOUT_CHUNK characters."""
    held: list[str] = []
    size = 0
    for chunk in chunks:
        for start in range(0, len(chunk), STDOUT_CHUNK):
            piece = chunk[start:start + STDOUT_CHUNK] if len(chunk) > STDOUT_CHUNK else chunk
            held.append(piece)
            size += len(piece)
            if size >= STDOUT_CHUNK:
                yield "".join(held)
                held, size = [], 0
    if held:
        yield "".join(held)


def _set_verbosity(quiet: bool, verbose: bool) -> None:
    if quiet:
        _Verbosity.level = logging.ERROR
    elif verbose:
        _Verbosity.level = logging.INFO


def _options(*, roles: Optional[Path] = None, **kw):
    """The one kaigiroku.Options of this command, roles loaded once."""
    from .options import Options

    return Options.build(roles=_roles(roles), **kw)


def _roles(path: Optional[Path]):
    if path is None:
        return None
    from .cleanup.labels import load_roles

    return load_roles(path)


def _convert(kind_wanted: str, file: str, fmt: Fmt, output: Optional[str], make_options, progress: bool = False):
    """Read `file` (judged by content), convert it as `kind_wanted` ('text', 'scan' or 'any'), write it."""
    from . import convert
    from .files import sniff
    from .writers import REGISTRY, companion_files, render_chunks

    with _errors(), _input(file) as path:
        _check_output(output, path, file == STDIN)
        # a writer that streams takes the repaired turns as they are assembled (bounded memory)
        opts = make_options().with_(stream_turns=REGISTRY[fmt.value].pieces is not None)
        name = STDIN_NAME if file == STDIN else file
        kind = sniff(path, check_pixels=False, warn=False).kind
        if kind_wanted == "text" and kind != "text":
            fail(f"{name} is {'a PDF' if kind == 'pdf' else 'an image'}, not text; use `kaigiroku ingest {file}` "
                 f"(or `kaigiroku convert`, which takes any input)", ExitCode.UNREADABLE_TEXT)
        if kind_wanted == "scan" and kind == "text":
            fail(f"{name} is a text file, not a PDF or image; use `kaigiroku repair {file}` "
                 f"(or `kaigiroku convert`, which takes any input)", ExitCode.NOT_A_PDF)
        with _progress_bar(progress and kind != "text") as on_page:
            if on_page:
                opts = opts.with_(progress=on_page)
            minutes = convert(path, options=opts)
        if file == STDIN:
            minutes.source = STDIN_NAME
        for note in minutes.warnings:  # e.g. pages whose OCR layer was read again, a cover that took speech
            logging.getLogger("kaigiroku").warning(note)
        write_output(render_chunks(minutes, fmt.value, bom=opts.bom), output)
        for companion, text in companion_files(minutes, fmt.value, output).items():  # TEI's listPerson
            write_output(text, str(companion))
        if fmt is Fmt.tei and (output is None or output == STDIN):
            typer.echo("kaigiroku: note: TEI on stdout has no listPerson; -o FILE.xml writes FILE-listPerson.xml",
                       err=True)


@contextlib.contextmanager
def _progress_bar(wanted: bool):
    """A rich progress bar on stderr for a terminal: pages read, pages OCR'd, rate and time left.
    Silent when stderr is no terminal (a script, a log file) or with -q."""
    if not wanted or _Verbosity.level > logging.WARNING or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)
    from rich.text import Text

    class Rate(ProgressColumn):
        """Pages a second over the whole run so far (rich's own speed needs several updates)."""

        def render(self, task):
            if not task.elapsed or not task.completed:
                return Text("    … pages/s")
            return Text(f"{task.completed / task.elapsed:5.1f} pages/s")

    bar = Progress(TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(), Rate(),
                   TimeElapsedColumn(), TextColumn("eta"), TimeRemainingColumn(),
                   console=Console(stderr=True), transient=True)
    tasks: dict[str, int] = {}
    labels = {"read": "pages read", "ocr": "OCR"}

    def on_page(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(labels.get(stage, stage), total=total)
        bar.update(tasks[stage], completed=done, total=total)

    with bar:
        yield on_page


# ----------------------------------------------------------------------------- options shared by commands

FILE_HELP = "- reads stdin."
OUTPUT = typer.Option(None, "--output", "-o", help="Output file; - or none: stdout. Never the input itself.")
FORMAT = typer.Option(Fmt.text, "--format", "-f", help="Output format.")
ROLES = typer.Option(None, "--roles", help="Extra speaker roles, one per line (\"*課長\" for title patterns).")
READER = typer.Option(Reader.pdfium, "--reader", help="How text PDFs are read: pdfium (fast) or pdfplumber (same output).")
EXPLAIN = typer.Option(False, "--explain", help="JSON: say why each turn starts there and why it has its speaker.")
NO_BOM = typer.Option(False, "--no-bom", help="No UTF-8 BOM at the start of csv output (Excel on Windows needs it).")
KEEP_WIDTH = typer.Option(False, "--keep-width", help="Keep full-/half-width characters as printed.")
QUIET = typer.Option(False, "--quiet", "-q", help="Print errors only (no warnings, no progress bar).")
VERBOSE = typer.Option(False, "--verbose", "-v", help="Print more: also the PDF and image libraries' warnings.")
OCR = typer.Option(OcrMode.auto, "--ocr", help="auto: OCR pages without a usable text layer or with a poor OCR "
                                               "layer; redo: also replace every OCR layer, keeping born-digital "
                                               "text; always: OCR every page; never: fail on a page that needs OCR.")
DPI = typer.Option(300, "--dpi", min=72, max=1200, help="Resolution PDF pages are rasterised at for OCR; "
                                                       "an image file is taken to be scanned at it.")
LANG = typer.Option(DEFAULT_LANG, "--lang", help="Tesseract language(s), e.g. jpn or jpn+eng; +Japanese "
                                                  "(the default's) adds the script model, which second-guesses "
                                                  "unsure words.")
JOBS = typer.Option(None, "--jobs", "-j", min=1, help="Parallel OCR workers (default: cores).")
PAGES = typer.Option(None, "--pages", help="Only these pages, e.g. 3-7,12 (counting from 1).")
OCR_TIMEOUT = typer.Option(None, "--ocr-timeout", min=0.001,
                           help="Seconds Tesseract may spend on one page before the run fails (default 180).")


def _version(value: bool) -> None:
    if value:
        from . import __version__

        typer.echo(f"kaigiroku {__version__}")
        raise typer.Exit(0)


@app.callback()
def main_options(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
    quiet: bool = QUIET,
    verbose: bool = VERBOSE,
):
    """Turn Japanese meeting minutes (会議録) into clean, speaker-ordered turns."""
    _route_logging()
    _set_verbosity(quiet, verbose)


# ----------------------------------------------------------------------------- commands

@app.command()
def repair(
    file: str = typer.Argument(..., metavar="FILE", help="Text already extracted from minutes (UTF-8/16, Shift_JIS, EUC-JP). "
                               + FILE_HELP),
    format: Fmt = FORMAT,
    output: Optional[str] = OUTPUT,
    roles: Optional[Path] = ROLES,
    keep_width: bool = KEEP_WIDTH,
    no_bom: bool = NO_BOM,
    explain: bool = EXPLAIN,
    quiet: bool = QUIET,
    verbose: bool = VERBOSE,
):
    """Repair badly extracted minutes text into speaker-ordered turns.

    Example: cat minutes.txt | kaigiroku repair - -f csv -o minutes.csv
    """
    _set_verbosity(quiet, verbose)
    _convert("text", file, format, output, lambda: _options(roles=roles, keep_width=keep_width, bom=not no_bom, explain=explain))


def _reading_command(kind_wanted: str, file_help: str):
    """The `ingest` and `convert` commands: one option list, one body; they differ in what input they
    accept (`kind_wanted`, see _convert)."""

    def command(
        file: str = typer.Argument(..., metavar="FILE", help=file_help + " " + FILE_HELP),
        format: Fmt = FORMAT,
        output: Optional[str] = OUTPUT,
        ocr: OcrMode = OCR,
        dpi: int = DPI,
        lang: str = LANG,
        jobs: Optional[int] = JOBS,
        pages: Optional[str] = PAGES,
        ocr_timeout: Optional[float] = OCR_TIMEOUT,
        roles: Optional[Path] = ROLES,
        keep_width: bool = KEEP_WIDTH,
        no_bom: bool = NO_BOM,
        explain: bool = EXPLAIN,
        reader: Reader = READER,
        quiet: bool = QUIET,
        verbose: bool = VERBOSE,
    ):
        _set_verbosity(quiet, verbose)
        _convert(kind_wanted, file, format, output,
                 lambda: _options(roles=roles, keep_width=keep_width, bom=not no_bom, ocr=ocr.value, dpi=dpi,
                                  lang=lang, jobs=jobs, pages=pages, page_timeout=ocr_timeout, reader=reader.value,
                                  explain=explain), progress=True)

    return command


ingest = app.command("ingest", help="""Read minutes from a PDF or image into speaker-ordered turns.

    Shows a progress bar on a terminal. Example: kaigiroku ingest scan.pdf -o - | grep 議長
    """)(_reading_command("scan", "A PDF (text or scanned) or an image file (PNG, TIFF, JPEG)."))

convert = app.command("convert", help="Any input into speaker-ordered turns: text is repaired, PDFs and images are "
                                      "ingested.")(_reading_command("any", "Any input: text, PDF or image, judged by "
                                                                           "its content."))


@app.command()
def inspect(
    file: Path = typer.Argument(..., help="A PDF."),
    page: int = typer.Option(1, "--page", "-p", min=1, help="Page number (1-based)."),
    output: Path = typer.Option(Path("page.png"), "--output", "-o", help="PNG to write."),
    ocr: OcrMode = typer.Option(OcrMode.auto, "--ocr", help="As for ingest."),
    dpi: int = typer.Option(100, "--dpi", min=36, max=600, help="Resolution of the drawing."),
    explain: bool = typer.Option(False, "--explain", help="Also write why each turn starts and has its speaker."),
):
    """Draw on a page image what was found: lines, label column, turn starts, furniture."""
    from .inspect import draw_page

    with _errors():
        if output.is_dir():
            fail(f"-o names a folder, not a file: {output}", ExitCode.NOT_A_FILE)
        draw_page(file, page, output, ocr=ocr.value, dpi=dpi, explain=explain)
    typer.echo(str(output))


@app.command()
def batch(
    inputs: List[Path] = typer.Argument(..., help="Files and directories (searched recursively)."),
    output: Path = typer.Option(..., "--output", "-o", help="Output directory (mirrors the input tree)."),
    format: List[Fmt] = typer.Option([Fmt.text], "--format", "-f", help="Output format(s); repeat for several."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Parallel workers (default: cores)."),
    timeout: float = typer.Option(600.0, "--timeout", min=1, help="Seconds before a file's worker is killed."),
    force: bool = typer.Option(False, "--force", help="Redo every file, even if done and unchanged."),
    ocr: OcrMode = OCR,
    dpi: int = DPI,
    lang: str = LANG,
    roles: Optional[Path] = ROLES,
    keep_width: bool = KEEP_WIDTH,
    no_bom: bool = NO_BOM,
    memory_limit: Optional[int] = typer.Option(None, "--memory-limit", min=256,
                                               help="MiB of address space per worker (2048 or more advised)."),
    reader: Reader = READER,
    executor: BatchExecutor = typer.Option(BatchExecutor.local, "--executor",
                                           help="local: processes on this machine; ray: a Ray cluster (pip install "
                                                "'kaigiroku\\[ray]')."),  # \[: else rich reads [ray] as markup
    ray_address: Optional[str] = typer.Option(None, "--ray-address", help="auto or HOST:PORT of the Ray head (with --executor ray)."),
    quiet: bool = QUIET,
    verbose: bool = VERBOSE,
):
    """Convert whole archives: parallel, resumable, atomic, with a report."""
    from .batch import BatchOptions, run_batch

    _set_verbosity(quiet, verbose)
    with _errors():
        opts = BatchOptions(formats=[f.value for f in format], jobs=jobs or os.cpu_count() or 1, timeout=timeout,
                            force=force, ocr=ocr.value, dpi=dpi, lang=lang,
                            roles=str(roles) if roles else None, keep_width=keep_width, bom=not no_bom, reader=reader.value,
                            memory_limit_mb=memory_limit)
        runner = None
        if executor is BatchExecutor.ray:
            from .batch.ray_executor import RayExecutor

            runner = RayExecutor(ray_address, jobs, timeout, memory_limit)
        elif ray_address:
            fail("--ray-address needs --executor ray", ExitCode.USAGE)
        code = run_batch(inputs, output, opts, executor=runner)
    raise typer.Exit(int(code))


@app.command()
def score(gold: Path = typer.Argument(..., help="Gold minutes JSON."),
          pred: Path = typer.Argument(..., help="Predicted minutes JSON (kaigiroku ... -f json).")):
    """Score a prediction JSON against a gold JSON (attributed, cer, bnd_f)."""
    import json

    from .files import read_head
    from .score import score as _score

    with _errors():
        loaded = []
        for path in (gold, pred):
            data = read_head(path, None)  # missing, folder, loop: their own messages and codes
            try:
                value = json.loads(data.decode("utf-8-sig"))
            except UnicodeDecodeError:
                fail(f"not a JSON file (not UTF-8 text): {path}", ExitCode.NOT_JSON)
            except ValueError as e:
                fail(f"not a JSON file ({e.msg} at line {e.lineno}): {path}", ExitCode.NOT_JSON)
            if not isinstance(value, dict) or not isinstance(value.get("turns"), list):
                fail(f"JSON without minutes (no \"turns\" list): {path}", ExitCode.NOT_JSON)
            loaded.append(value)
        typer.echo(" ".join(f"{k}={v}" for k, v in _score(*loaded).items()))


def main() -> None:
    """The `kaigiroku` command. A Ctrl-C while typer is still building the command (the first tenth
    of a second) is outside every command's error handling: one line and INTERRUPTED all the same."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("kaigiroku: error: interrupted", err=True)
        sys.exit(int(ExitCode.INTERRUPTED))


if __name__ == "__main__":  # pragma: no cover
    main()
