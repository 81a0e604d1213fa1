"""Windows of a long text: bounded runs of lines that `repair` reads one at a time (issue 14).

An archive concatenation may run to hundreds of megabytes; one line object per line of it is already
several times the input. So the text is read in windows of about `WINDOW_CHARS` characters, each
cut where no turn can go on across the cut: after a line that ends a sentence, before a line that
opens with a speaker label and its speech (or, where a dumped label column leads its texts, a label
standing alone). A text shorter
than one window is one window: ordinary minutes are read whole, by the same code.

What a window cannot see for itself is decided once, at the document's start, and carried on: the
cover (only the first window has one) and the page count (`textlines.Position`).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from .blocks import ends_sentence
from .furniture import is_page_number
from .labels import MARKS, as_roles, is_label_only, match_label

# characters of text a window holds: about 1 MB of UTF-8 Japanese. Minutes are rarely longer; a
# window's working set (lines, stream, blocks) is ~15x its size, so this bounds repair's memory
WINDOW_CHARS = 400_000
# how far past its size a window may run looking for its best cut
REACH = 2
LOOKAHEAD = 65536  # characters read past a window's reach: the lines a cut looks at after it


def windows(text: str | Iterable[str], size: int = WINDOW_CHARS, roles=None) -> Iterator[str]:
    """The text (a str, or its pieces in order, cleanup/decode.read_text_pieces) in windows of about
    `size` characters, in order; joined they are the text. Of pieces, no more than a few windows'
    worth are held at a time."""
    r = as_roles(roles)
    pieces = iter([text] if isinstance(text, str) else text)
    held, ended = "", False  # the text read but not yet handed on
    runs_lead = None  # whether dumped label runs stand before their texts: judged once, if ever needed
    while True:
        while not ended and len(held) < REACH * size + LOOKAHEAD:
            piece = next(pieces, None)
            if piece is None:
                ended = True
            else:
                held += piece
        if len(held) <= size:
            break
        if runs_lead is None:
            runs_lead = _runs_lead(held, r)
        cut = _cut(held, size, min(len(held), REACH * size), r, runs_lead)
        if cut is None:  # no cut within reach: the rest is one window
            held += "".join(pieces)
            break
        yield held[:cut]
        held = held[cut:]
    yield held


def _runs_lead(text: str, roles, reach: int = 2000) -> bool:
    """Whether a label column dumped apart is printed before its page's texts: the document's first
    label standing alone (of a run of two) comes before its first sentence of speech (a cover's
    lines end in no 。). Read from the document's first `reach` lines."""
    lines, pos = [], 0
    while pos != -1 and len(lines) < reach:
        end = text.find("\n", pos)
        lines.append(text[pos:end if end != -1 else len(text)].strip())
        pos = end + 1 if end != -1 else -1
    for n, line in enumerate(lines):
        if line.endswith("。") and match_label(line, roles) is None and not _alone(line, roles):
            return False
        if _alone(line, roles) and n + 1 < len(lines) and _alone(lines[n + 1], roles):
            return True
    return False


def _alone(line: str, roles) -> bool:
    return bool(line) and is_label_only(line, roles) is not None


def _cut(text: str, low: int, high: int, roles, runs_lead: bool = True) -> int | None:
    """Where a window may end, at or after `low` and before `high`: the end of a line that ends a
    sentence (nothing before it goes on past it), followed by, in order of preference (the first of
    the first two, where a turn starts, is taken):
    - a line opening with a speaker mark, a label and its speech, or an unmarked label and its
      speech after blank lines or a page break (a turn starts there);
    - a label standing alone, where the document prints its dumped label columns before their
      texts (`runs_lead`: the labels go to the texts after them, in the next window);
    - blank lines before anything else (a paragraph break that may fall inside a turn).
    None where the text offers none of these (the rest is one window)."""
    found: dict[int, int] = {}  # preference -> the first cut of that preference
    pos = text.find("\n", low)
    while pos != -1 and pos < high and not (found.keys() & {0, 1}):  # a turn starts at either
        before = text[text.rfind("\n", 0, pos) + 1:pos].strip()
        if before and ends_sentence(before):
            kind = _after_sentence(text, pos + 1, roles)
            if kind == 1 and not runs_lead:
                kind = None  # a run printed after its texts: cutting before it parts it from them
            if kind is not None:
                found.setdefault(kind, pos + 1)
        pos = text.find("\n", pos + 1)
    return found[min(found)] if found else None


def _after_sentence(text: str, at: int, roles) -> int | None:
    """What follows a sentence's end at `at`, as a cut's preference (0 best), or None: no cut here."""
    blank = False
    while True:
        end = text.find("\n", at)
        line = text[at:end if end != -1 else len(text)]
        if line.strip(" \u3000\t\r\f") and not is_page_number(line):
            break  # (a page break alone says nothing: the speech before may go on on the next page)
        if end == -1:
            return None
        blank, at = True, end + 1
    line = line.strip()
    if is_label_only(line, roles) is not None:
        return 1
    m = match_label(line, roles)
    if m is not None and line[m.end:].strip() and (blank or line[:1] in MARKS):
        return 0  # (a speaker mark opens a turn wherever it stands; an unmarked label, after a blank)
    return 2 if blank else None
