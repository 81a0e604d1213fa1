"""Windows of a long text: bounded runs of lines that `repair` reads one at a time (issue 14).

An archive concatenation may run to hundreds of megabytes; one line object per line of it is already
several times the input. So the text is read in windows of about `WINDOW_CHARS` characters, each
cut where no turn can go on across the cut: before a line that opens with a speaker label and its
speech, after a line that ends a sentence, with blank lines or a page break between. A text shorter
than one window is one window: ordinary minutes are read whole, by the same code.

What a window cannot see for itself is decided once, at the document's start, and carried on: the
cover (only the first window has one) and the page count (`textlines.Position`).
"""
from __future__ import annotations

from collections.abc import Iterator

from .blocks import ends_sentence
from .furniture import is_page_number
from .labels import as_roles, is_label_only, match_label

# characters of text a window holds: about 1 MB of UTF-8 Japanese. Minutes are rarely longer; a
# window's working set (lines, stream, blocks) is ~15x its size, so this bounds repair's memory
WINDOW_CHARS = 400_000
# how far past its size a window may run looking for its best cut
REACH = 2


def windows(text: str, size: int = WINDOW_CHARS, roles=None) -> Iterator[str]:
    """The text in windows of about `size` characters, in order; joined they are the text."""
    r = as_roles(roles)
    start = 0
    while len(text) - start > size:
        cut = _cut(text, start + size, min(len(text), start + REACH * size), r)
        if cut is None:
            break
        yield text[start:cut]
        start = cut
    yield text[start:]


def _cut(text: str, low: int, high: int, roles) -> int | None:
    """Where a window may end, at or after `low` and before `high`: the end of a line that ends a
    sentence (nothing before it goes on past it), followed by, in order of preference:
    - blank lines, then a line opening with a label and its speech (a turn starts there), or a page
      break (a form feed, a page number: a dumped label column labels its own page's texts);
    - a label standing alone: a label column dumped before its page's texts (its labels go to the
      texts after it, in the next window);
    - blank lines before anything else (a paragraph break that may fall inside a turn).
    None where the text offers none of these (the rest is one window)."""
    found: dict[int, int] = {}  # preference -> the first cut of that preference
    pos = text.find("\n", low)
    while pos != -1 and pos < high and 0 not in found:
        before = text[text.rfind("\n", 0, pos) + 1:pos].strip()
        if before and ends_sentence(before):
            kind = _after_sentence(text, pos + 1, roles)
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
        if "\f" in line or (line.strip() and is_page_number(line)):
            return 0
        if line.strip(" \u3000\t\r"):
            break
        if end == -1:
            return None
        blank, at = True, end + 1
    line = line.strip()
    if is_label_only(line, roles) is not None:
        return 1
    if blank:
        m = match_label(line, roles)
        return 0 if m is not None and line[m.end:].strip() else 2
    return None
