"""Output writers: Minutes -> text in each format users ask for, one module a format.

The registry (`REGISTRY`) is the one place that knows the formats: their names, the suffix batch
gives their files, and the files some of them write beside the main one (TEI's listPerson). The CLI
and batch both write through `render` (or `render_chunks`, which hands the output on a piece at a
time for formats that can: an archive's output is never held whole) and `companion_files`.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..model import Minutes
from .csvtable import iter_csv, to_csv
from .jsondoc import iter_json, to_json
from .kokkai import to_kokkai
from .markdown import iter_markdown, to_markdown
from .text import iter_text, to_text

BOM = "\ufeff"


def to_tei(m: Minutes) -> str:
    from .tei import to_tei as write  # lxml is loaded only when TEI is asked for

    return write(m)


def to_listperson(m: Minutes) -> str:
    """The <listPerson> file that goes with `to_tei` (its speakers and the cover's attendees)."""
    from .tei import to_listperson as write

    return write(m)


def _tei_companion_paths(path: Path) -> list[Path]:
    from .tei import listperson_path

    return [listperson_path(path)]


def _tei_companions(m: Minutes, path: Path) -> dict[Path, str]:
    return dict.fromkeys(_tei_companion_paths(path), to_listperson(m))


@dataclass(frozen=True)
class Writer:
    name: str
    write: Callable[[Minutes], str]
    suffix: str  # of batch outputs: x.pdf -> x.pdf.txt
    description: str
    bom: bool = False  # starts with a UTF-8 BOM unless the user turns it off
    companions: Callable[[Minutes, Path], dict[Path, str]] | None = None  # files written beside the output
    # where those files go, known before conversion (batch's manifest tracks them as outputs)
    companion_paths: Callable[[Path], list[Path]] | None = None
    pieces: Callable[[Minutes], Iterable[str]] | None = None  # `write` a piece at a time, where it can be


REGISTRY: dict[str, Writer] = {w.name: w for w in (
    Writer("text", to_text, ".txt", "the cover as a short header, then one turn a line", pieces=iter_text),
    Writer("json", to_json, ".json", "meta (the cover) and turns, the gold schema", pieces=iter_json),
    Writer("md", to_markdown, ".md", "Markdown: the cover as a title and list, speakers in bold",
           pieces=iter_markdown),
    Writer("csv", to_csv, ".csv", "the cover in the first rows, then one row a turn; UTF-8 with a BOM for Excel",
           bom=True, pieces=iter_csv),
    Writer("tei", to_tei, ".xml", "a ParlaMint TEI component file, with its speakers in FILE-listPerson.xml",
           companions=_tei_companions, companion_paths=_tei_companion_paths),
    Writer("kokkai", to_kokkai, ".kokkai.json", "JSON shaped like the National Diet Library's minutes API"),
)}

FORMATS = tuple(REGISTRY)
WRITERS = {name: w.write for name, w in REGISTRY.items()}
SUFFIX = {name: w.suffix for name, w in REGISTRY.items()}


def _writer(fmt: str) -> Writer:
    try:
        return REGISTRY[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}") from None


def render(m: Minutes, fmt: str = "text", bom: bool = True) -> str:
    """The minutes in format `fmt`. Formats read by spreadsheets (csv) start with a UTF-8 BOM unless
    `bom` is False."""
    w = _writer(fmt)
    text = w.write(m)
    return BOM + text if w.bom and bom else text


def render_chunks(m: Minutes, fmt: str = "text", bom: bool = True) -> Iterator[str]:
    """`render` a piece at a time (the whole text at once for formats that build a tree: TEI, kokkai)."""
    w = _writer(fmt)
    if w.bom and bom:
        yield BOM
    if w.pieces is None:
        yield w.write(m)
    else:
        yield from w.pieces(m)


def companion_paths(fmt: str, path: Path | str) -> list[Path]:
    """Where the files written beside an output `path` of format `fmt` go (none for most formats)."""
    w = _writer(fmt)
    return w.companion_paths(Path(path)) if w.companion_paths is not None else []


def companion_files(m: Minutes, fmt: str, path: Path | str | None) -> dict[Path, str]:
    """Files written beside the output `path` of format `fmt` (TEI: its listPerson file). None for
    output to stdout (no path, or `-`): the companions are then not written."""
    w = _writer(fmt)
    if w.companions is None or path is None or str(path) == "-":
        return {}
    return w.companions(m, Path(path))


__all__ = ["FORMATS", "REGISTRY", "SUFFIX", "WRITERS", "Writer", "companion_files", "companion_paths",
           "render", "render_chunks", "to_csv",
           "to_json", "to_kokkai", "to_listperson", "to_markdown", "to_tei", "to_text"]
