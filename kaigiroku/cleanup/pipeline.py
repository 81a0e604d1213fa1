"""`repair`: badly extracted minutes text -> Minutes."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain
from pathlib import Path

from ..errors import EmptyDocumentError
from ..model import Minutes, Turn
from .assemble import assemble
from .decode import read_text_pieces
from .labels import discover
from .textlines import Position, text_to_stream
from .windows import WINDOW_CHARS, windows


class StreamedTurns:
    """A document's turns handed on as each window of it is assembled, for a writer that streams
    (writers' `pieces`): read once, never held whole (bounded memory). True: it holds a turn."""

    def __init__(self, turns: Iterable[Turn]):
        self._turns: Iterator[Turn] | None = iter(turns)

    def __iter__(self) -> Iterator[Turn]:
        if self._turns is None:
            raise RuntimeError("streamed turns are read once; repair without stream_turns to keep them")
        turns, self._turns = self._turns, None
        return turns

    def __bool__(self) -> bool:
        return True


def repair(text_or_path, roles=None, keep_width: bool = False, explain: bool = False,
           window: int = WINDOW_CHARS, stream_turns: bool = False) -> Minutes:
    """The minutes in a text (or a text file). A long text is read a window at a time (`window`
    characters, cleanup/windows.py): the cover and meta come from the first window, the turns of
    each window follow in order. With `stream_turns`, Minutes.turns is a StreamedTurns that
    assembles each window as the writer reaches it."""
    source = None
    if isinstance(text_or_path, Path) or (isinstance(text_or_path, str) and "\n" not in text_or_path
                                          and len(text_or_path) < 4096 and Path(text_or_path).suffix
                                          and Path(text_or_path).exists()):
        source = str(text_or_path)
        text = read_text_pieces(Path(text_or_path))  # a large file is never held whole
    else:
        text = str(text_or_path)
    parts = _assembled(text, roles, keep_width, explain, window, source or "input")
    del text  # the windows hold it now
    minutes = next(parts)  # the first window: the cover, meta and their warnings
    first = minutes.turns
    while not first:  # (a window may hold nothing but furniture)
        part = next(parts, None)
        if part is None:
            raise EmptyDocumentError(f"no minutes text found in {source or 'input'}")
        first = part.turns
    rest = (t for part in parts for t in part.turns)
    minutes.turns = StreamedTurns(chain(first, rest)) if stream_turns else first + list(rest)
    minutes.source = source
    return minutes


def _assembled(text: str | Iterable[str], roles, keep_width: bool, explain: bool, window: int,
               name: str) -> Iterator[Minutes]:
    """Minutes of each window in order (only the first has a cover)."""
    position = Position()
    for piece in windows(text, window, roles):
        at_start = position.at_start
        if at_start and not piece.strip():  # (a later window always holds a sentence)
            raise EmptyDocumentError(f"empty document: {name}")
        # (i9doc) the document's own label vocabulary (岩崎和彦教育長 where it prints full name + role) is
        # what lets a label cell wrapped over two lines (岩崎和彦教 / 育長) be joined
        stream = text_to_stream(piece, roles, position, cell_roles=discover(piece.splitlines(), roles))
        del piece  # the stream holds the window's text now; assemble empties the stream (bounded memory)
        yield assemble(stream, roles=roles, keep_width=keep_width, explain=explain, at_start=at_start)
