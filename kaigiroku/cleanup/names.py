"""Names OCR misread now and then (佐藤一郎者 for 佐藤一郎君, 藤井慎主 for 藤井慎吾)."""
from __future__ import annotations

import re
from collections import Counter

from rapidfuzz.distance import Levenshtein

from ..charclass import KANJI
from ..model import Turn
from .labels import as_roles, role_prefix

_KUN_MISREAD = set("君者用有看右若居着岩")  # what OCR makes of the 君 after a name
_SEAT = re.compile(r"^[0-9０-９]{1,3}\s*番")
_NAME = re.compile(rf"^[{KANJI}\u3005\u3040-\u30ffー]{{2,8}}$")


def attendee_names(attendees: list[str], roles=None) -> set[str]:
    """The personal names in a cover sheet's list of attendees (会長 岡田 誠一, 7番山本健一, …)."""
    r = as_roles(roles)
    title = re.compile(rf"^[{KANJI}\u3005\u30a0-\u30ffー・]{{0,10}}?(?:" + "|".join(map(re.escape, r.suffixes)) + ")")
    names = set()
    for entry in attendees:
        for item in re.split(r"[、，,]", entry):
            item = re.sub(r"[（(][^）)]*[）)]", "", item).strip()
            parts = item.split()
            if len(parts) >= 2:  # role, then the name (perhaps spaced: 山本 健一)
                item = "".join(parts[1:])
            else:
                item = _SEAT.sub("", item)
                hit = role_prefix(item, r)
                if hit is not None and item.startswith(hit[0]):
                    item = item[len(hit[0]):]
                elif (m := title.match(item)) is not None:  # 市民部長藤井慎吾
                    item = item[m.end():]
            if _NAME.match(item):
                names.add(item)
    return names


def _cover_text(attendees) -> str:
    """The cover's list of attendees, its entries' spaces and line ends gone, the entries kept apart."""
    return "、".join(re.sub(r"[\s\u3000]", "", a) for a in attendees)


def _close(a: str, b: str) -> bool:
    """b may be a misreading of a: a character or two changed or added, never cut short."""
    return a != b and len(b) >= len(a) and Levenshtein.distance(a, b) <= max(1, (len(a) + 1) // 3)


def _character_inserted(cover: str, label: str, confidence) -> bool:
    """Whether the label's reading is the cover's name with one character OCR made up inside it
    (小林上恵子 for the cover's 小林恵子), not at its end, where a cover's name cut at a line's end
    would be shorter too; and OCR read the cover's spelling at least as surely (a cover that lost a
    faint character, 山本一 for the label's 山本健一, is the less sure reading)."""
    if len(label) != len(cover) + 1 or label.startswith(cover) or len(cover) < 3:
        return False
    if not any(label[:k] + label[k + 1:] == cover for k in range(1, len(label) - 1)):
        return False
    a, b = (confidence(cover), confidence(label)) if confidence is not None else (None, None)
    return a is None or b is None or a >= b


# how much surer (ocrfix.ReadingConfidence) OCR must have read one of a label's and the cover's spellings
# of a name a character apart for it to hold: the two are read in different places (a narrow cell, a
# long list), so no count of printings is a vote between them (a cell reprinted in one font is misread
# alike every time), and a lesser margin than ocrfix.SURER, which weighs readings of one printing,
# tells them apart (渡辺裕子 at 95 in the cell, 渡辺容子 at 81 on the cover; 山日直美 at 74 in each of the
# chair's cells, 山口直美 at 88 on the cover)
COVER_SURER = 10.0


def _surer(confidence, label: str, cover: str, margin: float | None = None) -> bool:
    """Whether OCR read the label's spelling far more surely than the cover's (吉田裕子 at 83 in the
    label, 吉田容子 at 43 on the cover: by ocrfix.SURER points, or `margin`); False where either is not
    known."""
    if confidence is None:
        return False
    return confidence.surer(label, cover) if margin is None else confidence.surer(label, cover, margin)


def _printed_side(text: str, label: str, cover: str) -> int:
    """Where two readings of a name differ in one character: how many printings of the name in
    `text` (a character off either reading elsewhere) read that character as `label` does, less
    those that read it as `cover` does."""
    diff = [i for i, (a, b) in enumerate(zip(label, cover)) if a != b]
    if len(diff) != 1 or len(label) < 3:
        return 0
    side = 0
    for name, sign in ((label, 1), (cover, -1)):
        seen = set()
        for p in range(len(name)):
            if p != diff[0]:
                for m in re.finditer(re.escape(name[:p]) + "." + re.escape(name[p + 1:]), text):
                    if m.start() not in seen:
                        seen.add(m.start())
                        side += sign
    return side


def _cover_spelling_holds(label_turns: int, cover_turns: int, printed_side: int, label_surer: bool,
                          cover_surer: bool = False) -> bool:
    """Whether the cover's spelling of a name replaces the one a label read, a character apart.
    The speeches' printings of the name (the chair's calls) decide where they side with the cover:
    a label cell reprinted in the same font is misread the same way in every turn (佐々木知 / 子君 in
    both of a member's wrapped cells, 佐々木智子君 in both calls and on the cover), so the labels'
    count is no vote against them. Otherwise the cover gives way to a spelling the labels read in
    more turns than it (and its own turns) or that the printings side with; never to a label
    spelling OCR read far more surely. A label misread the same way each time (廣野正臣 at 20 and 0
    in both of the chair's labels, the cover's 鷹野正臣 at 75) takes the cover's spelling where OCR
    was far surer of that."""
    if cover_surer:
        return True
    if label_surer:
        return False
    if printed_side < 0:
        return True
    return label_turns <= cover_turns + 1 and printed_side <= 0


def settle_misread_names(turns: list[Turn], attendees: list[str] = (), roles=None, confidence=None) -> int:
    """Settle names OCR misread. A rare name close to one printed at least twice as often (山田太郎者
    twice beside 山田太郎 twenty times) is that one; failing that, a name not on the cover's list of
    attendees but close to exactly one name there is that name. Returns how many were settled.
    For OCR'd minutes only: in a text layer a rare name is just a rare name. `confidence` (a
    cleanup.ocrfix.ReadingConfidence over the OCR'd lines) tells how surely OCR read a spelling: the
    cover's does not replace a label's that OCR read more surely."""
    listed = attendee_names(list(attendees), roles)
    names = Counter(t.name for t in turns if t.kind == "speech" and t.name)
    settled = _cover_character_inserted(turns, listed, names, confidence)
    spoken = None
    for t in turns:
        if t.kind != "speech" or not t.name or t.name in listed:
            continue
        pick = {n for n, c in names.items() if c >= max(2, 2 * names[t.name]) and _close(n, t.name)}
        if len(pick) != 1 and names[t.name] > 2:
            # a cell reprinted in one face is misread alike in every turn, so the labels' count is no
            # vote: a character made up inside the name (中村上恵子 in each of the chair's cells, the
            # cover's 中村恵子 read more surely) is the cover's name however often it recurs
            spoken = spoken if spoken is not None else "\n".join(u.text for u in turns)
            pick = {n for n in listed if _character_inserted(n, t.name, confidence)
                    and spoken.count(n) >= spoken.count(t.name)}
            if len(pick) != 1:
                # nor is it for a character changed (山日直美 in each of the chair's cells): the cover's
                # spelling a character off that OCR read far more surely is the name
                pick = {n for n in listed if len(n) == len(t.name) and Levenshtein.distance(n, t.name) == 1
                        and _surer(confidence, n, t.name, COVER_SURER)}
            if len(pick) != 1:
                # nor where the cells read the name both ways, the cover's spelling among them (山日由紀 in
                # five of the chair's cells, 山口由紀 in one and on the cover: a mincho 口 read 日 in most
                # printings of one cell image): the cover sides with one of the cells' readings
                pick = {n for n in listed if names[n] and len(n) == len(t.name) and Levenshtein.distance(n, t.name) == 1}
        elif len(pick) != 1:
            # the cover's list may itself be misread or cut at a line end: only a name read rarely in
            # the speeches, differing by a changed character, by a 君 misread after it (…者, …用) or
            # by a character OCR split in two inside it (吉田上恵子: 田 read as 田上)
            pick = {n for n in listed if _close(n, t.name) and (
                len(n) == len(t.name) or (t.name.startswith(n) and t.name[len(n):] in _KUN_MISREAD)
                or _character_inserted(n, t.name, confidence))}
            # (i10) unless the speeches print the name as read more often than the cover's spelling
            # (宙本健一 on the cover, 山本健一 in the label and twice in the speeches: the cover is misread)
            spoken = spoken if spoken is not None else "\n".join(u.text for u in turns)
            pick = {n for n in pick if spoken.count(n) >= spoken.count(t.name)}
            # a spelling the labels read in more turns than the cover's printing and its own (鷹野正臣
            # in two of the chair's labels, 記野正臣 on the cover), or that the speeches' printings of
            # the name side with where the two differ (the call's 必辻俊一 reads 辻 as the label's
            # 尾辻俊一 does, against the cover's 尾演俊一), is the cover's misreading; the 君 misread
            # after a name (山田太郎者) is always the label's
            pick = {n for n in pick if len(n) < len(t.name) and t.name.startswith(n) or _cover_spelling_holds(
                names[t.name], names[n], _printed_side(spoken, t.name, n), _surer(confidence, t.name, n, COVER_SURER),
                _surer(confidence, n, t.name, COVER_SURER))}
        if len(pick) == 1:
            if t.speaker == t.name:  # a member labelled by name alone (新妻文雄君): the name is the speaker
                t.speaker = next(iter(pick))
            t.name = pick.pop()
            settled += 1
    # then, the others settled, a chair's label misread past one character; or a label read as
    # often as another of its role a character off it, that OCR read far more surely
    for t in turns:
        if t.kind == "speech" and t.name and t.name not in listed and names[t.name] == 1:
            pick = _one_holder(t, turns, attendees, listed) or _surer_reading(t, turns, names, confidence)
            if len(pick) == 1:
                t.name = pick.pop()
                settled += 1
    # last, a label whose name the document prints nowhere else, where the direction or the call just
    # before it names the speaker as the document prints them again and again
    spoken = spoken if spoken is not None else "\n".join(u.text for u in turns)
    cover = _cover_text(attendees)
    for k, t in enumerate(turns):
        if t.kind == "speech" and t.name and t.name not in listed and t.name not in spoken and t.name not in cover:
            pick = _named_before(t.name, turns[max(0, k - 2):k], spoken)
            if len(pick) == 1:
                if t.speaker == t.name:
                    t.speaker = next(iter(pick))
                t.name = pick.pop()
                settled += 1
    return settled


def _cover_character_inserted(turns: list[Turn], listed: set[str], names: Counter, confidence) -> int:
    """A character OCR made up inside a name on the cover (吉田上恵子: a mincho 恵 read 上恵), perhaps
    in a cell too, where another label reads the name without it, read as surely (吉田恵子): that
    label's spelling is the listed person's, not a misreading of another listed name a character off
    it (吉田裕子), and the turns read with the made-up character are that person's. `listed` and
    `names` are updated; returns how many turns were renamed."""
    renamed = 0
    for cover in sorted(listed):
        shorter = {n for n in names if n not in listed and _character_inserted(n, cover, confidence)}
        if len(shorter) != 1:
            continue
        name = shorter.pop()
        listed.discard(cover)
        listed.add(name)
        for t in turns:
            if t.kind == "speech" and t.name == cover:
                if t.speaker == t.name:
                    t.speaker = name
                t.name = name
                renamed += 1
        names[name] += names.pop(cover, 0)
    return renamed


# a name as a direction or a call prints it just before a speech: 〔野々村昌子君登壇〕, …野々村昌子君。
_CALLED = re.compile(rf"([{KANJI}\u3005\u3040-\u30ffー]{{2,12}})君(?:登壇|。|$)")


def _named_before(name: str, before: list[Turn], spoken: str) -> set[str]:
    """{the name} the direction or the chair's call just before a speech gives its speaker, where the
    label's reading of it is OCR's alone: a character split in two or changed (野々村上中子 in a member's
    cell, 〔野々村昌子君登壇〕 before it, and 野々村昌子 printed in the speeches twice more). The name
    must keep the reading's first two characters, be a character or two off it, and be printed at
    least twice in the document (a misread call is printed once)."""
    found = set()
    for u in before:
        for m in _CALLED.finditer(u.text or ""):
            run = m.group(1)
            for size in range(max(3, len(name) - 1), len(name) + 2):
                n = run[-size:]
                if len(n) == size and n != name and n[:2] == name[:2] \
                        and Levenshtein.distance(n, name) <= 2 and spoken.count(n) >= 2:
                    found.add(n)
    return found


def _one_holder(turn: Turn, turns: list[Turn], attendees, listed: set[str]) -> set[str]:
    """{the name} of the one person who holds this turn's role everywhere else, when the cover lists
    them with that role and OCR misread this label's name past one character (委員長（松水際可君）
    beside 委員長（松永隆司君） and the cover's 委員長　松永隆司): a chair's label, read once that way, and a
    name of the same length, its surname's first character kept, that nothing else in the document
    prints. A role many hold (委員, 国務大臣) settles nothing."""
    holders = {u.name for u in turns if u is not turn and u.kind == "speech" and u.speaker == turn.speaker and u.name}
    if len(holders) != 1 or turn.speaker == turn.name:
        return set()
    name = next(iter(holders))
    cover = _cover_text(attendees)
    holds = lambda who: re.search(f"(?<![{KANJI}])" + re.escape(turn.speaker + who), cover)  # noqa: E731
    if name not in listed or not holds(name) or len(name) != len(turn.name) \
            or name[0] != turn.name[0] or turn.name in cover \
            or any(turn.name in (u.text or "") for u in turns):
        return set()
    # the role belongs to that one person: no other listed person holds it on the cover (a longer
    # title that ends in it, 副委員長　石原由紀, is another role)
    if any(holds(other) for other in listed - {name}):
        return set()
    return {name}


def _surer_reading(turn: Turn, turns: list[Turn], names: Counter, confidence) -> set[str]:
    """{the name} another label of the same role reads a character off this one's, as often or more,
    where OCR read that spelling far more surely (事務局（資源特環推進課長） at 58 beside 事務局（資源循環
    推進課長） at 87: two labels, one reading each, no majority to settle them); the one such name only."""
    if confidence is None or turn.speaker == turn.name:
        return set()
    near = {u.name for u in turns if u is not turn and u.kind == "speech" and u.speaker == turn.speaker
            and u.name and u.name != turn.name and len(u.name) == len(turn.name)
            and Levenshtein.distance(u.name, turn.name) == 1}
    near = {n for n in near if names[n] >= names[turn.name] and _surer(confidence, n, turn.name)}
    return near if len(near) == 1 else set()
