"""Speaker labels at the start of a line: 会長, 会 長, 会長：, 委員), <説明員>, ○議長（山田太郎君）, ◆委員（林花子）, 7番（山本健一君）, 委員林.

The role list is data (kaigiroku/data/roles.txt), extendable with a user file.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..errors import MissingFileError, UnreadableTextError

MARKS = "○◯〇◎◆◇●□■△▲☆★◉"
_SP = "[ \u3000\t]"  # a space inside a letter-spaced label
_OPEN, _CLOSE = "<＜〈《【[［〔", ">＞〉》】]］〕"
_NAME_SUFFIX = re.compile(r"(君|さん|氏|様|殿)[〕」]?$")
# one-character names after a role (委員林): characters that would make a word instead
_NOT_A_NAME = set("会長等各全中外側方席員補代理職務")


@dataclass(frozen=True)
class Roles:
    words: tuple[str, ...]  # exact roles, longest first
    suffixes: tuple[str, ...]  # 課長, 部長 ...: any word ending so is a title


@dataclass
class LabelMatch:
    speaker: str  # the role (or title) as printed, spaces removed
    name: str | None
    seat: str | None
    end: int  # index in the text where the body starts
    marked: bool  # printed with a mark (○, ◎, ◆) or in brackets: an unmistakable label

    @property
    def label_only(self) -> bool:
        return False


def _parse_role_lines(lines) -> tuple[list[str], list[str]]:
    words, suffixes = [], []
    for raw in lines:
        s = raw.split("#", 1)[0].strip()
        if not s:
            continue
        (suffixes if s.startswith("*") else words).append(s.lstrip("*"))
    return words, suffixes


def default_role_lines() -> list[str]:
    return resources.files("kaigiroku.data").joinpath("roles.txt").read_text(encoding="utf-8").splitlines()


def load_roles(extra: str | Path | None = None) -> Roles:
    """The default roles plus those in a user's file (one per line, "*suffix" for title patterns)."""
    lines = default_role_lines()
    if extra is not None:
        p = Path(extra)
        if not p.is_file():
            raise MissingFileError(f"roles file not found: {p}")
        try:
            lines += p.read_text(encoding="utf-8-sig").splitlines()
        except UnicodeDecodeError:
            raise UnreadableTextError(f"roles file is not UTF-8 text: {p}") from None
    words, suffixes = _parse_role_lines(lines)
    return Roles(tuple(sorted(set(words), key=len, reverse=True)), tuple(sorted(set(suffixes), key=len, reverse=True)))


def as_roles(roles) -> Roles:
    if roles is None:
        return _default_roles()
    if isinstance(roles, Roles):
        return roles
    if isinstance(roles, (str, Path)):
        return load_roles(roles)
    words, suffixes = _parse_role_lines(list(default_role_lines()) + list(roles))
    return Roles(tuple(sorted(set(words), key=len, reverse=True)), tuple(sorted(set(suffixes), key=len, reverse=True)))


@functools.lru_cache(maxsize=1)
def _default_roles() -> Roles:
    return load_roles()


def _spaced(word: str) -> str:
    return f"{_SP}*".join(re.escape(c) for c in word)  # pdftotext -layout spaces a cell out widely


@functools.lru_cache(maxsize=16)
def _patterns(roles: Roles):
    role = "|".join(_spaced(w) for w in roles.words)
    title = "|".join(_spaced(s) for s in roles.suffixes)
    word_chars = r"[\u4e00-\u9fff\u3005\u30a0-\u30ffー・々ヶ]"
    any_title = rf"(?:{word_chars}{_SP}?){{0,14}}(?:{title})" if title else "(?!)"
    # a name in brackets; OCR may misread the closing bracket (佐藤一郎君） -> 佐藤一郎者), so a name
    # may also end where the space before the speech begins
    paren = (r"[（(](?P<name>[^（()）]{1,16}?)(?:[）)]|(?<=[^\s\u3000])(?=[\s\u3000])"
             r"(?![\s\u3000]*[^\s\u3000（()）]{0,8}[）)]))")
    seat = r"(?P<seat>[0-9０-９]{1,3})" + _SP + r"?番"
    # label followed by what separates it from the body
    sep = rf"(?:{_SP}+|[:：]{_SP}*|[)）]{_SP}*|$)"
    return {
        # <説明員>, 【会長】 alone or before text
        "bracket": re.compile(rf"^{_SP}*[{re.escape(_OPEN)}]{_SP}*(?:{seat}|(?P<role>{role}|{any_title})){_SP}*"
                              rf"(?:{paren})?{_SP}*[{re.escape(_CLOSE)}]{_SP}*"),
        # ○議長（山田太郎君）, ◎総務課長（佐藤一郎君）, ○7番（山本健一君）, ○山田委員長
        "marked": re.compile(rf"^{_SP}*[{MARKS}]{_SP}*(?:{seat}|(?P<role>[^\s\u3000（()）{MARKS}:：、。]{{1,20}}?))"
                             rf"(?:{paren})?(?:{_SP}+|[:：]{_SP}*|$|(?<=[）)]))"),
        # 7番（山本健一君） without a mark
        "seat": re.compile(rf"^{_SP}*{seat}{_SP}*{paren}{_SP}*[:：]?{_SP}*"),
        # 会長 本文, 会 長, 会長：本文, 委員) 本文, 議長（山田太郎君） 本文, 総務課長 本文
        "plain": re.compile(rf"^{_SP}*(?P<role>{role}|{any_title})(?:{paren}{_SP}*(?:{sep})?|{sep})"),
        # 委員林 本文: a role and a one-character name
        "role_initial": re.compile(rf"^{_SP}*(?P<role>{role})(?P<initial>[\u4e00-\u9fff]){_SP}*(?:{_SP}|[:：]|$)"),
    }


def _clean_name(name: str | None) -> str | None:
    if not name:
        return None
    name = re.sub(r"[ \u3000]", "", name)
    name = _NAME_SUFFIX.sub("", name)
    return name or None


def _split_role(head: str, roles: Roles) -> tuple[str, str | None]:
    """○山田委員長 -> (委員長, 山田): a printed "name + role" head."""
    for w in roles.words:
        if head.endswith(w) and len(head) > len(w):
            return w, head[: -len(w)]
    return head, None


def match_label(text: str, roles=None) -> LabelMatch | None:
    """The speaker label at the start of `text`, or None.

    A match's `end` is where the body starts (after the separator); `text[end:]` is empty for a
    label standing alone on its line.
    """
    if not text:
        return None
    r = as_roles(roles)
    pats = _patterns(r)
    m = pats["bracket"].match(text)
    if m:
        if m.group("seat"):
            seat = _ascii_digits(m.group("seat"))
            return LabelMatch(f"{seat}番", _clean_name(m.group("name")), seat, m.end(), True)
        return LabelMatch(_despace(m.group("role")), _clean_name(m.group("name")), None, m.end(), True)
    m = pats["marked"].match(text)
    if m:
        name = _clean_name(m.group("name"))
        if m.group("seat"):
            seat = _ascii_digits(m.group("seat"))
            return LabelMatch(f"{seat}番", name, seat, m.end(), True)
        role = _despace(m.group("role"))
        if name is None and role.endswith("君") and len(role) > 1:  # ○山田太郎君: a member by name
            return LabelMatch(role[:-1], role[:-1], None, m.end(), True)
        if name is None and role not in r.words:
            role, name = _split_role(role, r)
            if name is None and not _known_role(role, r) and not (
                    len(role) <= 12 and re.search(r"君$|長$|員$|者$|官$|人$", role)):
                return None
            if name and name.endswith("君"):
                name = _clean_name(name)
        return LabelMatch(role, name, None, m.end(), True)
    m = pats["seat"].match(text)
    if m:
        seat = _ascii_digits(m.group("seat"))
        return LabelMatch(f"{seat}番", _clean_name(m.group("name")), seat, m.end(), False)
    m = pats["plain"].match(text)
    if m:
        name = _clean_name(m.group("name"))
        end = m.end()
        # a closing paren right after the role belongs to the label (委員) 本文), but an opening
        # paren with no closing one is the body's
        return LabelMatch(_despace(m.group("role")), name, None, end, False)
    m = pats["role_initial"].match(text)
    if m and m.group("initial") not in _NOT_A_NAME:
        return LabelMatch(_despace(m.group("role")), m.group("initial"), None, m.end(), False)
    return None


def _known_role(role: str, r: Roles) -> bool:
    return role in r.words or any(role.endswith(s) for s in r.suffixes)


def _despace(s: str) -> str:
    return re.sub(r"[ \u3000\t]", "", s)


def _ascii_digits(s: str) -> str:
    return s.translate(str.maketrans("０１２３４５６７８９", "0123456789"))


def is_label_only(text: str, roles=None) -> LabelMatch | None:
    """The label if `text` is nothing but a speaker label (a label cell on its own line)."""
    m = match_label(text.strip(), roles)
    if m and not text.strip()[m.end:].strip():
        return m
    return None


_TITLE_HEAD = re.compile(r"[\u4e00-\u9fff\u3005\u30a0-\u30ffー・]+")
_CELL_NOISE = re.compile(r"[\s\u3000。、・.,:：'\"`_|¦丨]")


def fuzzy_role(text: str, roles=None, seen=()) -> str | None:
    """The role a short label cell most likely reads, allowing one misread character (OCR: 委。員,
    説明上員, 委貝). Only for text already known to stand in a label column: a sentence never gets here.
    None when no role is that close, or two are."""
    from rapidfuzz.distance import Levenshtein

    t = _CELL_NOISE.sub("", text)
    if len(t) == 1:
        # one character left of a cell (委 of 委　員): the one label read cleanly that holds it
        near = {w for w in seen if t in w}
        return near.pop() if len(near) == 1 else None
    if not 2 <= len(t) <= 10:
        return None
    r = as_roles(roles)
    near = set()
    for w in r.words:
        if abs(len(w) - len(t)) > 1:
            continue
        d = Levenshtein.distance(t, w)
        if d == 0:
            return w
        if d == 1 and len(w) >= 2:
            near.add(w)
    if not near:
        # a title with its suffix misread: 教育総務中長 -> 教育総務課長
        for suffix in r.suffixes:
            head = t[: len(t) - len(suffix)]
            if len(head) >= 2 and _TITLE_HEAD.fullmatch(head) and \
                    Levenshtein.distance(t[len(head):], suffix) == 1:
                near.add(head + suffix)
    if len(near) > 1:
        near &= set(seen)
    return near.pop() if len(near) == 1 else None


def role_prefix(text: str, roles=None) -> tuple[str, int] | None:
    """(role, length) of a role word that opens `text` with no separator, exact or one character
    misread: a label cell that OCR ran into the body line beside it (説明員現行システムから…)."""
    r = as_roles(roles)
    for w in r.words:  # longest first
        if len(w) >= 2 and text.startswith(w):
            return w, len(w)
    for n in (4, 3, 2):
        role = fuzzy_role(text[:n], r) if len(text) > n else None
        if role is not None and len(role) >= 2:
            return role, n
    return None
