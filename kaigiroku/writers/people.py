"""The people of one meeting, for the corpus formats: who spoke and who the cover lists.

One person per printed name (spaces removed). A speaker printed by surname alone (○東委員) is the
attendee of that surname when the cover lists exactly one (委員 東 珠実). A speaker printed by role
or seat alone is a person of that role, unless the cover lists exactly one attendee with that role
(会長 小室 充孝), who is then that person: the cover says so, nothing is guessed. The
surname/forename split is taken from a printed space (小室 充孝 on the cover); a name never printed
with one is left whole.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

from ..model import Minutes, Turn

_SPACES = re.compile(r"[\s\u3000]+")
_BRACKETED = re.compile(r"[（(][^）)]*[）)]")

# Speaker types as ParlaMint names them (its speaker_types taxonomy): the chair of the sitting,
# regular members, and guests (officials, secretariat, explainers, witnesses).
_CHAIR = re.compile(r"^(?:議長|委員長|会長|座長|部会長|分科会長|小委員長|理事長)(?:代理|職務代理(?:者)?)?$")
_DEPUTY = re.compile(r"^副(?:議長|委員長|会長|座長|部会長)$")
_MEMBER = re.compile(r"(?:委員|議員|構成員|理事|[0-9０-９]+番)$")
_MINISTER = re.compile(r"大臣$")  # ministers are members of the house (or the council) they speak in


def speaker_type(role: str | None, seat: str | None = None) -> str:
    """chair, regular or guest, from the role as printed."""
    if role and (_CHAIR.match(role) or _DEPUTY.match(role)):
        return "chair"
    if seat or (role and (_MEMBER.search(role) or _MINISTER.search(role))):
        return "regular"
    return "guest" if role else "regular"


def affiliation_role(role: str) -> str | None:
    """The ParlaMint affiliation/@role for a printed role; None when none of its values fits."""
    if _CHAIR.match(role):
        return "head"
    if _DEPUTY.match(role):
        return "deputyHead"
    if role.endswith("副大臣"):
        return "deputyMinister"
    if _MINISTER.search(role):
        return "minister"
    if _MEMBER.search(role):
        return "member"
    return None


@dataclass
class Person:
    id: str
    name: str | None = None  # as printed, spaces removed
    surname: str | None = None
    forename: str | None = None
    roles: list[str] = field(default_factory=list)  # as printed, in order of appearance

    def add_role(self, role: str | None) -> None:
        if role and role not in self.roles:
            self.roles.append(role)


# xml:id characters that every XML processor takes: libxml2 (lxml, the RELAX NG validator) checks
# names by the XML 1.0 4th-edition letter tables, which lack CJK extension A, compatibility
# ideographs and full-width forms. NFKC folds many of those (神 -> 神, ７ -> 7); the rest become _.
_ID_START = "A-Za-z_\u3007\u3041-\u3094\u30a1-\u30fa\u4e00-\u9fa5"
_ID_CHAR = re.compile(f"[{_ID_START}0-9.\\-\u3005\u309d\u309e\u30fc-\u30fe]")


def ncname(text: str) -> str:
    """`text` as an xml:id, readable (山田太郎, 会長) and the same for the same text in every file;
    characters an id cannot hold become _, and a short hash of the text then keeps it distinct."""
    folded = unicodedata.normalize("NFKC", text)
    out = "".join(c if _ID_CHAR.fullmatch(c) else "_" for c in folded)
    if not re.match(f"[{_ID_START}]", out):
        out = "_" + out
    if out.strip("_") != folded:
        out += "." + hashlib.sha1(text.encode("utf-8")).hexdigest()[:6]
    return out


def _is_role(word: str) -> bool:
    """A cover entry's first word is a role (会長, 事務局, 出席委員, 7番) rather than a surname."""
    from ..cleanup.labels import as_roles

    r = as_roles(None)
    return (word in r.words or word.endswith(r.suffixes) or word.endswith(("委員", "員", "者"))
            or re.fullmatch(r"[0-9０-９]+番", word) is not None)


def _attendees(meta: dict) -> list[tuple[list[str], str]]:
    """(roles, name as printed) for each attendee of the cover: 会長 小室 充孝 -> ([会長], 小室 充孝);
    委員 本田 耕一、加藤 敏夫 -> two members; 竹前 榮二委員（会長） -> ([会長], 竹前 榮二): a role in
    brackets after a name is that person's, a role word printed after a name is dropped from it."""
    out = []
    for entry in meta.get("attendees") or []:
        group: list[str] = []
        head, _, rest = _SPACES.sub(" ", entry).strip().partition(" ")
        if rest and _is_role(head):
            group, entry = [head], rest
        for item in re.split(r"[、，,・]", entry):
            roles = group + [b.strip("（()） ") for b in _BRACKETED.findall(item) if _is_role(b.strip("（()） "))]
            name = _SPACES.sub(" ", _BRACKETED.sub(" ", item)).strip()
            name = re.sub(r"(?<=\S)\s?(?:委員|議員|君)$", "", name)
            if name:
                out.append((roles, name))
    return out


class People:
    """The persons of a meeting and the person each speech turn points to."""

    def __init__(self, m: Minutes):
        self.persons: dict[str, Person] = {}  # by key: the name (spaces removed) or role:ROLE
        self._by_turn: dict[int, Person] = {}
        listed = _attendees(m.meta)
        sole_by_role: dict[str, str] = {}
        role_count: dict[str, int] = {}
        for roles, printed in listed:
            person = self._named(printed)
            for role in roles:
                person.add_role(role)
                role_count[role] = role_count.get(role, 0) + 1
                sole_by_role[role] = person.name or ""
        surnames = [p.surname for p in self.persons.values() if p.surname]
        by_surname = {p.surname: p for p in self.persons.values() if p.surname and surnames.count(p.surname) == 1}
        for i, t in enumerate(m.turns):
            if t.kind != "speech" or not (t.speaker or t.name):
                continue
            if t.name and _SPACES.sub("", t.name) not in self.persons and t.name in by_surname:
                person = by_surname[t.name]  # ○東委員: the one attendee surnamed 東
            elif t.name:
                person = self._named(t.name)
            elif t.speaker and role_count.get(t.speaker) == 1:
                person = self.persons[sole_by_role[t.speaker]]
            else:
                person = self._role_only(t.speaker)
            person.add_role(t.speaker)
            self._by_turn[i] = person

    def _named(self, printed: str) -> Person:
        key = _SPACES.sub("", printed)
        person = self.persons.get(key)
        if person is None:
            person = self.persons[key] = Person(id=self._new_id(key), name=key)
        parts = _SPACES.split(printed.strip())
        if person.surname is None and len(parts) == 2:
            person.surname, person.forename = parts
        return person

    def _role_only(self, role: str) -> Person:
        key = "role:" + role
        if key not in self.persons:
            self.persons[key] = Person(id=self._new_id(role))
        return self.persons[key]

    def _new_id(self, base: str) -> str:
        taken = {p.id for p in self.persons.values()}
        pid, n = ncname(base), 1
        while pid in taken:
            n += 1
            pid = f"{ncname(base)}.{n}"
        return pid

    def of(self, index: int) -> Person | None:
        """The person who speaks turn number `index`; None for a speech whose speaker is unknown."""
        return self._by_turn.get(index)

    def speaker_type(self, t: Turn) -> str:
        return speaker_type(t.speaker, t.seat)
