"""`repair`: badly extracted minutes text -> Minutes."""
from __future__ import annotations

from pathlib import Path

from ..errors import EmptyDocumentError
from ..model import Minutes
from .assemble import assemble
from .decode import read_text_file
from .textlines import Position, text_to_stream
from .windows import WINDOW_CHARS, windows


def repair(text_or_path, roles=None, keep_width: bool = False, explain: bool = False,
           window: int = WINDOW_CHARS) -> Minutes:
    """The minutes in a text (or a text file). A long text is read a window at a time (`window`
    characters, cleanup/windows.py): the cover and meta come from the first window, the turns of
    each window follow in order."""
    source = None
    if isinstance(text_or_path, Path) or (isinstance(text_or_path, str) and "\n" not in text_or_path
                                          and len(text_or_path) < 4096 and Path(text_or_path).suffix
                                          and Path(text_or_path).exists()):
        source = str(text_or_path)
        text = read_text_file(Path(text_or_path))
    else:
        text = str(text_or_path)
    if not text.strip():
        raise EmptyDocumentError(f"empty document: {source or 'input'}")
    position = Position()
    minutes = None
    for piece in windows(text, window, roles):
        at_start = position.at_start
        stream = text_to_stream(piece, roles, position)
        del piece  # the stream holds the window's text now; assemble empties the stream (bounded memory)
        part = assemble(stream, roles=roles, keep_width=keep_width, explain=explain, at_start=at_start)
        if minutes is None:
            minutes = part
        else:
            minutes.turns += part.turns
    minutes.source = source
    if not minutes.turns:
        raise EmptyDocumentError(f"no minutes text found in {source or 'input'}")
    return minutes
