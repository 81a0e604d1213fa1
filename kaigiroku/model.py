"""The one data model that flows through every stage.

pages of positioned lines (ingest) -> a stream of lines in reading order -> turns (Minutes).
"""
from __future__ import annotations

import enum
from dataclasses import asdict, dataclass, field


@dataclass(slots=True)
class Line:
    """A line of text found on a page, with its box in PDF points (origin top-left)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    page: int = 1
    size: float = 0.0  # font size (or OCR line height) in points
    conf: float | None = None  # OCR confidence 0-100, None for text layers
    # OCR confidence of each character of `text` (its word's, carried through ocrfix), None for text
    # layers: which of two readings of a name to believe (cleanup/ocrfix.LabelEvidence.confidence)
    char_conf: tuple[float, ...] | None = None

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass
class Page:
    number: int  # 1-based
    width: float
    height: float
    lines: list[Line] = field(default_factory=list)
    source: str = "text"  # "text" (text layer) or "ocr"
    furniture: list[Line] = field(default_factory=list)  # removed page numbers, headers (kept for `inspect`)


class Break(enum.IntEnum):
    """How strongly a stream line is separated from the one before it."""

    WRAP = 0  # soft wrap: same paragraph, the line simply continued
    LINE = 1  # a plain line break whose meaning is unknown
    PARA = 2  # a paragraph break (blank line, short last line)
    ROW = 3  # a table row / cell boundary (ruled line, spacer row, new <p> cell)
    PAGE = 4  # a page boundary


@dataclass(slots=True)
class LabelMatch:
    """A speaker label, parsed once by the label grammar (cleanup/labels.py) and handed on as is."""

    speaker: str  # the role (or title) as printed, spaces removed
    name: str | None
    seat: str | None
    end: int  # index in the text where the body starts (0 for a label handed on apart from its text)
    marked: bool  # printed with a mark (○, ◎, ◆) or in brackets: an unmistakable label
    form: str = ""  # which form of the grammar read it (marked, plain, anon, surname_role, …)
    printed: str = ""  # the label as printed
    evidence: str = ""  # why it is a label in this document (role list, suffix, seen N times …)

    @property
    def label_only(self) -> bool:
        return False

    def moved(self, how: str) -> "LabelMatch":
        """The same label handed on apart from its text (end 0), noting how it was placed."""
        return LabelMatch(self.speaker, self.name, self.seat, 0, self.marked, self.form, self.printed,
                          f"{self.evidence}; {how}" if self.evidence else how)


@dataclass(slots=True)
class StreamLine:
    """A line of the reading-order stream handed to turn assembly.

    Speaker labels sit inline at the start of the text (``会長　本文``) or alone on a line;
    `label` carries a label layout analysis already separated from the text (parsed: never re-read).
    `origin` says where the break before the line came from (blank line, rule, gap, indent, page …);
    `settled` is True when layout decided the break from geometry: assembly does not judge it again.
    """

    text: str
    page: int | None = None
    brk: Break = Break.LINE
    label: LabelMatch | None = None
    hint: str | None = None  # "heading" when markup said so (markdown #); "cont" for a row with an empty label cell
    gap: int = 0  # separator lines (spacer rows) before this line: keeps a dumped label column's spacing
    origin: str = ""
    settled: bool = False
    indent: int = 0  # leading indent in characters (or text-height units), when the source shows it
    # layout set the line in the body column of a page whose label column it found: its start is
    # speech, never a label (理事に / 尾身朝子君　永岡桂子君: the chair names members, no member speaks)
    in_body: bool = False
    narrowed: float = 0.0  # display width normalisation took off the line (full-width digits made ASCII)
    # layout saw the line go on with a word or entry of a list the line above cut (a hanging indent
    # under a full line, or half a word after a comma): the two lines are one line of a cover's list
    cut_above: bool = False


@dataclass(slots=True)
class Turn:
    kind: str  # "speech" | "note" | "heading"
    text: str
    speaker: str | None = None
    name: str | None = None
    seat: str | None = None
    page: int | None = None
    inferred: bool = False  # speaker not printed next to this text: guessed or unknown
    why: dict | None = None  # with explain=True: why the turn starts here and has its speaker

    def to_dict(self) -> dict:
        d = {"kind": self.kind, "speaker": self.speaker, "text": self.text}
        if self.name:
            d["name"] = self.name
        if self.seat:
            d["seat"] = self.seat
        if self.page is not None:
            d["page"] = self.page
        if self.inferred:
            d["inferred"] = True
        if self.why is not None:
            d["explain"] = self.why
        return d


@dataclass(slots=True)
class Minutes:
    meta: dict = field(default_factory=dict)
    turns: list[Turn] = field(default_factory=list)
    source: str | None = None
    pages: int | None = None
    ocr_pages: int = 0
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        d = {"meta": self.meta, "turns": [t.to_dict() for t in self.turns]}
        if self.source:
            d["source"] = self.source
        if self.pages is not None:
            d["pages"] = self.pages
        if self.warnings:
            d["warnings"] = list(self.warnings)
        return d

    @property
    def speeches(self) -> list[Turn]:
        return [t for t in self.turns if t.kind == "speech"]


def turn_from_dict(d: dict) -> Turn:
    return Turn(kind=d.get("kind") or "speech", text=d.get("text") or "", speaker=d.get("speaker"),
                name=d.get("name"), seat=d.get("seat"), page=d.get("page"), inferred=bool(d.get("inferred")))


def minutes_from_dict(d: dict) -> Minutes:
    turns = d.get("turns") if d.get("turns") is not None else d.get("speeches", [])
    return Minutes(meta=dict(d.get("meta") or {}), turns=[turn_from_dict(t) for t in turns])


__all__ = ["Line", "Page", "Break", "LabelMatch", "StreamLine", "Turn", "Minutes", "asdict", "minutes_from_dict"]
