"""`repair`: badly extracted minutes text -> Minutes."""
from __future__ import annotations

from pathlib import Path

from ..errors import EmptyDocumentError
from ..model import Minutes
from .assemble import assemble
from .decode import read_text_file
from .textlines import text_to_stream


def repair(text_or_path, roles=None, keep_width: bool = False, explain: bool = False) -> Minutes:
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
    stream = text_to_stream(text, roles)
    del text  # the stream holds the text now; assemble empties the stream (bounded memory)
    minutes = assemble(stream, roles=roles, keep_width=keep_width, explain=explain)
    minutes.source = source
    if not minutes.turns:
        raise EmptyDocumentError(f"no minutes text found in {source or 'input'}")
    return minutes
