"""Repair what Tesseract's Japanese model typically gets wrong in otherwise right text.

    fix_spacing     drop the spaces Tesseract puts between Japanese characters (and between Japanese
                    and digits or Latin), keep a space between two Latin words or numbers; rejoin
                    full-width letters and digits read one by one (Ｉ Ｃ Ｔ, １ ２) inside Japanese
    fix_brackets    〔 〕 read as [ ] { } or as one half of a mismatched pair
    fix_confusions  look-alike characters whose script the neighbours settle:
                    一 (kanji one) <-> ー (long-vowel mark) <- an ASCII dash, ロ/口, カ/力, エ/工, タ/夕,
                    ニ/二, ハ/八, ト/卜 -- each rule fires only where the other reading is (almost)
                    impossible Japanese
    fix_stray_marks specks read as marks: 、。 opening a line, ASCII marks inside a kana word
    fix_ocr_text    all four, on one line of OCR output
    settle_labels   speaker labels OCR damaged at line starts (look-alike marks, lost, doubled or
                    kana-read brackets, a misread 君 or role, cells wrapped over lines, a member's label
                    by name alone with its 君 or separator lost or wrapped in a cell (○河野敬 / 三君),
                    a stage direction's lost 〔), settled by
                    the document's own clean labels, the chair's calls and directions that name the
                    speaker, names and the role list; body text is never touched

Each rule was checked against 174,000 characters of real and invented minutes (../shared gold,
seeds and Diet minutes, fixtures/minutes): none of them changes a character of correct text
(tests/test_ocr.py keeps that true for the fixtures).
"""
from __future__ import annotations

import re
from collections import Counter

from ..charclass import KANJI, is_japanese, is_kanji


def _is_kanji(c: str) -> bool:
    return is_kanji(c) or c in "々〆ヶ"


def _is_hira(c: str) -> bool:
    return 0x3041 <= ord(c) <= 0x309F


def _is_kata(c: str) -> bool:
    """A katakana letter (not the long-vowel mark, not the middle dot)."""
    o = ord(c)
    return (0x30A1 <= o <= 0x30FA) or (0x31F0 <= o <= 0x31FF) or (0xFF66 <= o <= 0xFF9D and c != "ｰ")


_is_japanese = is_japanese  # kana, kanji, long-vowel mark and full-width punctuation / forms


_SPACES = re.compile(r"[ \t\u3000]+")


def _non_japanese_run(s: str, from_end: bool) -> str:
    """The Latin/digit characters at the end (or start) of `s`, up to a space or a Japanese one."""
    chars = reversed(s) if from_end else iter(s)
    run = []
    for c in chars:
        if c.isspace() or _is_japanese(c):
            break
        run.append(c)
    return "".join(reversed(run) if from_end else run)


def fix_spacing(text: str) -> str:
    """Remove a run of spaces when a Japanese character stands on either side of it; between two
    Latin/digit tokens keep one space, unless one of them is a lone letter or digit in Japanese text."""
    text = text.strip()
    japanese = any(_is_japanese(c) for c in text)

    def repl(m: re.Match) -> str:
        before = text[m.start() - 1] if m.start() else ""
        after = text[m.end()] if m.end() < len(text) else ""
        if _is_japanese(before) or _is_japanese(after):
            return ""
        left = _non_japanese_run(text[: m.start()], from_end=True)
        right = _non_japanese_run(text[m.end():], from_end=False)
        lone = len(left) == 1 or len(right) == 1
        if japanese and (lone or (left[-1].isdigit() and right[0].isdigit())):
            return ""  # Ｉ Ｃ Ｔ -> ICT, １ ２校 -> 12校
        return " "

    return _SPACES.sub(repl, text)


_OPEN, _CLOSE = "[{(【〔［｛（", "]})】〕］｝）"


def fix_brackets(text: str) -> str:
    """[ ] { } next to Japanese are 〔 〕 (ASCII brackets do not occur in Japanese minutes); a pair
    whose halves disagree, like (拍手】, is 〔拍手〕: the tortoise shell is what Tesseract misreads."""
    chars = list(text)
    for i, c in enumerate(chars):
        if c in "[{" and i + 1 < len(chars) and _is_japanese(chars[i + 1]):
            chars[i] = "〔"
        elif c in "]}" and i and _is_japanese(chars[i - 1]):
            chars[i] = "〕"
    out = "".join(chars)
    pair = {o: c for o, c in zip(_OPEN, _CLOSE)}

    def mismatched(m: re.Match) -> str:
        o, body, c = m.group(1), m.group(2), m.group(3)
        if pair[o] == c or not any(_is_japanese(ch) for ch in body):
            return m.group(0)
        return f"〔{body}〕"

    out = re.sub(r"([\[{(【〔［｛（])([^\[\]{}()【】〔〕［］｛｝（）]*)([\]})】〕］｝）])", mismatched, out)
    return _close_lost_direction(out)


def _close_lost_direction(text: str) -> str:
    """A line that opens a bracket, closes none and reads as a stage direction (【片山秀久君登壇、拍手)
    is 〔…〕 whose closing bracket OCR lost: the tortoise shell read as 【 or ［, its close as nothing;
    so is a quoted call that closes one it never opened (「異議なし」と呼ぶ者あり〕)."""
    from .classify import reads_as_direction

    t = text.strip(" \u3000")
    if len(t) < 3 or len(t) > 30:
        return text
    if t[0] in "【〔［" and not any(c in t for c in _CLOSE) and reads_as_direction(t[1:]):
        return "〔" + t[1:] + "〕"
    # or its opening bracket lost before the quoted call: 「異議なし」と呼ぶ者あり〕
    if t[0] in "「『" and t[-1] in "〕］】" and not any(c in t for c in _OPEN) and reads_as_direction(t[:-1]):
        return "〔" + t[:-1] + "〕"
    return text


# Katakana and kanji that look alike. Between two kanji the kanji is meant (人ロ -> 人口, 協カ -> 協力,
# 第ニ回 -> 第二回), except カ before a counter (数カ所, 何カ月); inside a katakana word the katakana
# (ヨー口ッパ, ア力ウント, ユ二ット). 力 after a katakana word is a real suffix (デザイン力), so a kanji
# becomes katakana only with katakana on both sides -- or, for 夕 and 卜, after katakana and not
# before a kanji (デー夕を, ネッ卜), and for 工, at the start before katakana (工ネルギー).
_KANA_TO_KANJI = {"ロ": "口", "カ": "力", "エ": "工", "タ": "夕", "ニ": "二", "ハ": "八", "ト": "卜"}
_KANJI_TO_KANA = {v: k for k, v in _KANA_TO_KANJI.items()}
_COUNTERS = "所月国年条"
_NUMERALS = "一二三四五六七八九十百千万"


def _kata_like(c: str) -> bool:
    return _is_kata(c) or c == "ー"


def _is_kana_kanji(c: str) -> bool:
    return _is_kanji(c) or _is_hira(c) or _kata_like(c)


def _fix_char(c: str, prev: str, nxt: str) -> str:
    kata_before, kata_after = bool(prev) and _kata_like(prev), bool(nxt) and _kata_like(nxt)
    if c == "一":
        # after a katakana letter, before kana or punctuation: the long-vowel mark (サポ一ト, センタ一を);
        # before a kanji it may be one (データ一件), and 一つ is one
        if prev and _is_kata(prev) and (not nxt or kata_after or (_is_hira(nxt) and nxt != "つ")
                                        or not _is_japanese(nxt) or nxt in "、。・」）"):
            return "ー"
    elif c in "-‐－":
        # an ASCII dash between kana/kanji: the long-vowel mark after katakana (タ-ミナル), else one (を-人)
        if prev and nxt and _is_kana_kanji(prev) and _is_kana_kanji(nxt):
            return "ー" if kata_before else "一"
    elif c == "ー":
        # a long-vowel mark after a kanji, or before one and not after katakana: one (第ー回, ー般)
        if (prev and _is_kanji(prev)) or (nxt and _is_kanji(nxt) and not kata_before):
            return "一"
    elif c == ":":
        # an ASCII colon opening a line, before a kanji: 三 of three strokes, which Tesseract reads so
        # where nothing stands to its left (a wrapped label cell's 副議長（ / 三枝和代 / 君）), surely, in
        # any reading of the line alone; Japanese text never opens a line with a colon
        if not prev and nxt and _is_kanji(nxt):
            return "三"
    elif c in _KANA_TO_KANJI:
        if prev and nxt and _is_kanji(prev) and _is_kanji(nxt) and not (c == "カ" and nxt in _COUNTERS):
            return _KANA_TO_KANJI[c]
        # a numeral's last digit at a line's or a word's end (a vote's 反対　九十ニ, 二十ハ名): 二, 八
        if c in "ニハ" and prev and prev in _NUMERALS and not (nxt and (_kata_like(nxt) or _is_hira(nxt))):
            return _KANA_TO_KANJI[c]
    elif c in _KANJI_TO_KANA:
        if kata_before and kata_after:
            return _KANJI_TO_KANA[c]
        if c in "夕卜" and kata_before and not (nxt and _is_kanji(nxt)):
            return _KANJI_TO_KANA[c]
        if c == "工" and not prev and nxt and _is_kata(nxt):
            return "エ"
    return c


def fix_confusions(text: str) -> str:
    """Look-alikes settled by their neighbours, left to right (a fixed character is the next one's
    left neighbour)."""
    chars = list(text)
    for i, c in enumerate(chars):
        chars[i] = _fix_char(c, chars[i - 1] if i else "", chars[i + 1] if i + 1 < len(chars) else "")
    return "".join(chars)


_KANA_KANJI = rf"\u3041-\u30ff{KANJI}々"
_KANA = r"\u3041-\u309f\u30a1-\u30fa\u30fc"


def fix_stray_marks(text: str) -> str:
    """Marks that are specks or split strokes: 、。 opening a line (Japanese typesetting never
    starts a line with them), a label's ring read as a letter beside the mark (O〇), an ASCII mark
    inside a kana word (タブレッ:ト) or after one or a full stop, before Japanese (のように.扱われる,
    します。"次に: Japanese text sets its marks full-width), a run of ASCII
    dashes between kana/kanji (one 一 or ー read as --; fix_confusions then settles which)."""
    text = re.sub(r"^[、。,.，．]+", "", text)
    # a ring read twice at a line start, as a letter and as the mark (O〇長浜智 / 子君): one mark
    text = re.sub(r"^[OoQCc0０](?=[○◯〇◎])", "", text)
    text = re.sub(f"(?<=[{_KANA}])[.:,'\"`^~_|]+(?=[{_KANA}])", "", text)
    # (not after a kanji: a label's separator read as a speck, 議長.これより, is settle_label's)
    text = re.sub(f"(?<=[{_KANA}、。])[.'\"`^~|]+(?=[{_KANA_KANJI}])", "", text)
    return re.sub(f"(?<=[{_KANA_KANJI}])-{{2,3}}(?=[{_KANA_KANJI}])", "-", text)


_ANGLE_MISREAD = re.compile(r"(?<![ぁ-んァ-ヶ一-龯])[くぐ〈]([^くぐ〈<＜>＞\n]{2,40}?)[>＞〉]")


def fix_angle_brackets(text: str) -> str:
    """く…> is ＜…＞: Tesseract reads the opening angle bracket of a stage direction (＜説明員入室＞)
    as く or ぐ; a hiragana that opens a phrase closed by > settles it."""
    return _ANGLE_MISREAD.sub(lambda m: f"＜{m.group(1)}＞", text)


def fix_ocr_text(text: str) -> str:
    return fix_confusions(fix_angle_brackets(fix_brackets(fix_stray_marks(fix_spacing(text)))))


def carry_confidence(words, text: str) -> tuple[float, ...]:
    """The confidence of each character of `text` (the words' text after fix_ocr_text): each
    character takes its word's; a character the fixes changed or added takes the lowest of the
    words' characters it stands for or beside. `words`: (text, confidence) pairs, in order."""
    from difflib import SequenceMatcher

    raw = "".join(w for w, _ in words)
    conf = [c for w, c in words for _ in w]
    out = [0.0] * len(text)
    for op, a1, a2, b1, b2 in SequenceMatcher(None, raw, text, autojunk=False).get_opcodes():
        if op == "equal":
            out[b1:b2] = conf[a1:a2]
        elif b2 > b1:
            near = conf[max(0, a1 - (a1 == a2)):a2 + (a1 == a2)] or [min(conf, default=0.0)]
            out[b1:b2] = [min(near)] * (b2 - b1)
    return tuple(out)


# ----------------------------------------------------------------------------- labels through OCR damage
#
# A speaker label at a line start (○議長（山田太郎君）, ◆委員（林花子）, ○7番（山本健一君）) comes
# out of Tesseract as O議長(山田太郎者, 「〇議員(山口和夫君　), 〇教育長(加藤正人君庁内…: the mark
# read as a look-alike, stray marks before it, brackets half-width, doubled or lost, the 君 misread.
# The grammar of labels (cleanup/labels.py) knows none of that, so such a label is not seen, and the
# cover reader or the previous speech takes the speech. settle_labels rewrites the label part of a line
# start, and only it, to the printed form, settled by the document's own evidence: the labels OCR read
# cleanly (their marks, roles, names and honorific), and the role list. The body is never touched.

# what OCR makes of a ○ mark at a line start: letters and digits (C: the ring read open), an at sign,
# a circled number (⑯)
MARK_LOOKALIKES = "OoQCc0０ロ口@＠©®" + "".join(map(chr, range(0x2460, 0x2474)))
_WEAK_MARKS = set("@＠©®" + "".join(map(chr, range(0x2460, 0x2474))))  # also what lists number with
_LEAD_JUNK = "「『\"'`.,・、。:;|!！“”‘’-_~*＊"
_OPENS, _CLOSES = "(（〔[［{｛", ")）〕]］}｝"
KUN_MISREADS = "君者用有看右若居着岩"  # what OCR makes of the 君 after a name
SURER = 20.0  # how much surer (confidence 0-100 of its least sure character) one reading of a name must be to win
_ROLE_CHARS = re.compile(rf"[{KANJI}\u3005\u30a1-\u30faー0-9０-９]")
_NAME_CHARS = re.compile(rf"[{KANJI}\u3005\u3041-\u309f\u30a1-\u30faー]")
_NOT_BRACKET = "[^\\s" + re.escape(_OPENS + _CLOSES) + "]"
_CLEAN = re.compile(rf"^([○◯〇◎◆◇●□■△▲]?)({_NOT_BRACKET}{{1,12}})（({_NOT_BRACKET}{{1,8}}?)(君?)）")
# a label whose closing bracket or 君 OCR damaged, but not its opening bracket: 委員長(田野瀬太道者.これより,
# 秋員長(田野瀬太道君).理事 -- a reading that counts as evidence only where it recurs (LabelEvidence.recurs)
_DAMAGED = re.compile(rf"^[{re.escape(_LEAD_JUNK)}]{{0,2}}[○◯〇◎◆◇●□■△▲{MARK_LOOKALIKES}]?[ \u3000]*"
                      rf"([{KANJI}\u3005\u30a1-\u30faー0-9０-９]{{1,12}})[ \u3000]*[(（〔\[［{{｛]+[ \u3000]*"
                      rf"([{KANJI}\u3005\u3041-\u309f\u30a1-\u30faー]{{2,6}}?)[{KUN_MISREADS}]")
# what stands between a label and its speech in OCR output: the separator, or specks and a lost
# closing bracket read as marks (田中直美君).答弁…, 田中直美者一ほかに…)
_AFTER_LABEL = re.compile(r"^[ \u3000]*[.,:;・'`|_\-]{0,2}[ \u3000]*")
_LOST_CLOSE = re.compile(rf"^[一ー\-_|][ \u3000]*(?=[\u3041-\u309f{KANJI}])")


# a name and 君 outside brackets, then what may follow a call, a direction or a label
_CALLED = re.compile(rf"([{KANJI}\u3005\u3041-\u309f\u30a1-\u30faー]{{2,}})君(?=[。、\u3000 〔〕登・.．,，]|$)", re.M)
# what follows a name and 君 in a sentence rather than a label: a particle, a direction's verb
_NOT_AFTER_PERSON = re.compile(r"^(?:[のがはをにでとへやもか、。）〕」]|登壇|退席|着席|発言|から|より)")
_SENTENCE_END = "。」〕）)"
_OPENER = re.compile(rf"^[ \u3000]*[○◯〇◎◆◇●□■△▲]?[ \u3000]*([{KANJI}\u3005\u3041-\u309f\u30a1-\u30faー]{{2,7}}?)君")
_SPLIT_NAME = re.compile(rf"([{KANJI}\u3005\u3041-\u309f\u30a1-\u30faー]{{1,6}})([-:;.,・'`|_~ー一]{{1,2}})"
                         rf"([{KANJI}\u3005\u3041-\u309f\u30a1-\u30faー]{{0,5}}?)君")


def _norm_brackets(s: str) -> str:
    return s.translate(str.maketrans("(){}[]［］｛｝〔〕", "（）（）（）（）（）（）"))


class ReadingConfidence:
    """How surely OCR read a string where it read it most surely: the best, over the OCR'd lines
    that hold it, of its least sure character's confidence (Line.char_conf: a name is as sure as
    its weakest character); None where no line with confidences holds it."""

    def __init__(self, lines=()):
        # the lines as they are now (later stages cut labels off lines' text)
        self.lines = [(ln.text, ln.char_conf) for ln in lines
                      if getattr(ln, "char_conf", None) and len(ln.char_conf) == len(ln.text)]
        self._best: dict[str, float | None] = {}

    def __call__(self, reading: str) -> float | None:
        if reading not in self._best:
            best = None
            for text, conf in self.lines:
                at = text.find(reading)
                while at >= 0:
                    c = min(conf[at:at + len(reading)])
                    best = c if best is None else max(best, c)
                    at = text.find(reading, at + 1)
            self._best[reading] = best
        return self._best[reading]

    def surer(self, other: str, reading: str, margin: float = SURER) -> bool:
        """Whether OCR read `other` surer than `reading` by `margin` (two readings of one name a
        character apart: the label set in another face, blurred, specked, against a clean call)."""
        a, b = self(other), self(reading)
        return a is not None and b is not None and a - b >= margin

    @classmethod
    def of_pages(cls, pages) -> "ReadingConfidence":
        """Over the OCR'd pages' lines and their label cells wrapped over lines, each read joined: a
        name a cell wraps (内閣総理大臣(小 / 野田智子 / 君)) is held by no one line."""
        ocr_pages = [p for p in pages if getattr(p, "source", "") == "ocr"]
        out = cls(ln for p in ocr_pages for ln in p.lines)
        for page in ocr_pages:
            for pieces in _cell_groups(page):
                text, conf = _joined(pieces), _joined_confidence(pieces)
                if conf is not None and len(conf) == len(text):
                    out.lines.append((text, conf))
        return out


class LabelEvidence:
    """What the document's cleanly read labels say: marks, roles, names with their roles, and
    whether names carry 君."""

    def __init__(self, texts, roles=None, lines=()):
        from .labels import as_roles

        self.roles = as_roles(roles)
        # the OCR'd lines, whose characters' confidences tell two readings of a name apart
        self.confidence = ReadingConfidence(lines)
        self.marks: Counter = Counter()
        self.role_count: Counter = Counter()
        self.name_roles: dict[str, Counter] = {}
        self.kun = Counter()
        texts = list(texts)
        self.text = "\n".join(texts)
        clean = set()
        for i, text in enumerate(texts):
            m = _CLEAN.match(_norm_brackets(text.lstrip(" \u3000")))
            if m is None:
                continue
            mark, role, name, kun = m.groups()
            if not all(_ROLE_CHARS.match(c) for c in role) or not self._role_ok(role) or len(name) < 2 \
                    or not (mark or kun) \
                    or not all(_NAME_CHARS.match(c) for c in name):
                continue
            clean.add(i)
            if mark:
                self.marks[mark] += 1
            self.role_count[role] += 1
            self.name_roles.setdefault(name, Counter())[role] += 1
            self.kun[bool(kun)] += 1
        # labels read with their brackets or 君 damaged: who recurs, and how each name is spelled
        # most often (one OCR reading of a name is as likely misread as another: the majority wins)
        self.readings: Counter = Counter()
        for i, text in enumerate(texts):
            m = _DAMAGED.match(_norm_brackets(text.lstrip(" \u3000")))
            if m is not None and i not in clean:
                self.readings[m.groups()] += 1
        self.clean_names = {name: Counter(roles) for name, roles in self.name_roles.items()}
        # names printed with 君 and no role in brackets: a chair's call (…委員長新妻秀規君。), a stage
        # direction (〔新妻秀規君登壇〕), a member's own label; each run's every ending counts, since
        # where a call's role stops and the name starts is not known here
        self.called: Counter = Counter()
        for m in _CALLED.finditer(self.text):
            run = m.group(1)
            for k in range(2, min(7, len(run)) + 1):
                self.called[run[-k:]] += 1
        # members' labels by name alone as read at line starts (河野敬三君防犯…): each a reading of a
        # name as good as a call's
        self.openers: Counter = Counter()
        for text in texts:
            m = _OPENER.match(text)
            if m is not None and not _NOT_AFTER_PERSON.match(text[m.end():]) and not _CALLED.match(text, m.start(1)):
                # (a 君 before a space or a mark is counted as a call already)
                self.openers[m.group(1)] += 1
        # names a list prints (the cover's 伊藤博行、加藤さつき、尾辻俊一、): a line of three or more
        # items apart by 、, each item's last word a name (not a role)
        from .labels import role_like
        from .names import attendee_names

        self.listed_names: set[str] = set()
        for text in texts:
            parts = [re.split(r"[ \u3000.・:：]+", x.strip(" \u3000"))[-1] for x in text.split("、")]
            items = [self._unroled(x) for x in parts]
            names = {x for x in items if 2 <= len(x) <= 7 and all(_NAME_CHARS.match(c) for c in x)
                     and not role_like(x, self.roles)}
            # (and after a title no list knows, which the cover's names list parts off as the cover does:
            # 企画課長山口裕子, the wrapped 総務 / 部長加藤正人)
            names |= {x for x in attendee_names(parts, self.roles) if 3 <= len(x) <= 7
                      and all(_NAME_CHARS.match(c) for c in x) and not role_like(x, self.roles)}
            if len(names) >= 3:
                self.listed_names.update(names)
        spelled = [(role, self.spelling(name, role), n) for (role, name), n in self.readings.items()
                   if self.recurs(role, name)]
        for role, name, n in spelled:
            self.name_roles.setdefault(name, Counter())[role] += n

    def _unroled(self, item: str) -> str:
        """A list item's name where OCR kept no space after its role (副市長吉田由紀 for 副市長　吉田由紀):
        the rest after a role the role list or the document's clean labels know, when that is a name
        of two characters or more; else the item."""
        for role in sorted(set(self.roles.words) | set(self.role_count), key=len, reverse=True):
            if len(role) >= 2 and item.startswith(role) and len(item) - len(role) >= 2:
                return item[len(role):]
        return item

    def _role_ok(self, role: str) -> bool:
        from .labels import match_label

        m = match_label("○" + role + "　", self.roles)
        return m is not None and m.speaker == role or re.fullmatch(r"[0-9０-９]{1,3}番", role) is not None

    def recurs(self, role: str, name: str) -> bool:
        """Whether a role and name read with damaged brackets recur at line starts: twice or more,
        each a character off at most (a body line opening 役(名前君 twice is not a thing minutes print)."""
        from rapidfuzz.distance import Levenshtein

        if len(name) < 3:
            return False
        near = lambda r, nm: len(nm) == len(name) and Levenshtein.distance(nm, name) <= 1 \
            and Levenshtein.distance(r, role) <= 1  # noqa: E731
        return (sum(n for (r, nm), n in self.readings.items() if near(r, nm))
                + sum(c for nm, roles in self.clean_names.items() for r, c in roles.items() if near(r, nm))) >= 2

    def listed_with(self, role: str, name: str) -> bool:
        """Whether the document prints this role right before this name outside a label, as a
        cover's list of attendees does (議員　吉田裕子、 教育長.山口和夫)."""
        return len(name) >= 2 and re.search(re.escape(role) + r"[ \u3000.・:：]{0,2}" + re.escape(name), self.text) is not None

    def spelling(self, name: str, role: str | None = None) -> str:
        """The document's spelling of `name` (_spelling), unless the cover's list prints the two as two
        people: two members a character apart (吉田恵子 and 吉田裕子, 議員 both) are no misreading of each
        other, however many more labels one of them has."""
        spelled = self._spelling(name, role)
        return name if spelled != name and self._listed_apart(name, spelled) else spelled

    def _listed_apart(self, name: str, other: str) -> bool:
        """Whether the cover's list prints `other` and, as another entry, `name`: as read, or with a
        character OCR made up inside it (吉田上恵子 for 吉田恵子, on the cover and in a cell alike)."""
        def listed(nm: str) -> set[str]:
            return {n for n in self.listed_names if n == nm or len(n) == len(nm) + 1
                    and any(n[:k] + n[k + 1:] == nm for k in range(1, len(nm)))}

        return bool(listed(other)) and bool(listed(name) - listed(other))

    def _spelling(self, name: str, role: str | None = None) -> str:
        """The spelling of `name` most often read in the document's labels and the chair's calls and
        directions that name a speaker, a character off at most (田野瀬大道 once beside 田野瀬太道
        twice is 田野瀬太道); a tie keeps the reading. With `role`, only labels whose role is a
        character off at most vote: 議員（加藤恵子君） and 市長（加藤裕子君） are two people. The cover's
        list and the speeches only break a tie: OCR misreads a glyph the same way there (大 for 太),
        and their printings outnumber a speaker's few labels."""
        from rapidfuzz.distance import Levenshtein

        if len(name) < 3:
            return name
        near = lambda nm, r: len(nm) == len(name) and Levenshtein.distance(nm, name) <= 1 and (  # noqa: E731
            role is None or Levenshtein.distance(r, role) <= 1)
        votes: Counter = Counter()
        for (r, nm), n in self.readings.items():
            if near(nm, r):
                votes[nm] += n
        for nm, roles in self.clean_names.items():  # the damaged readings were counted above
            votes[nm] += sum(c for r, c in roles.items() if near(nm, r))
        for nm, c in self.called.items():
            if len(nm) == len(name) and Levenshtein.distance(nm, name) <= 1:
                votes[nm] += c
        if role is None:
            for nm, c in self.openers.items():
                if len(nm) == len(name) and Levenshtein.distance(nm, name) <= 1:
                    votes[nm] += c
        best, top = votes.most_common(1)[0] if votes else (name, 0)
        if top > votes[name]:
            return best
        tied = [nm for nm, c in votes.items() if c == top > 0 and nm != name]
        if len(tied) == 1 and (self.surer(tied[0], name) or self.surer(name, tied[0])):
            # as often read each way: the reading OCR was far surer of (a label in a blurred face
            # against the chair's call in the text's)
            return tied[0] if self.surer(tied[0], name) else name
        if len(tied) == 1:
            # a label against a call, one each: the other printings (the cover's list, the speeches)
            # break the tie
            printed = Counter(m.group() for nm in (name, tied[0]) for m in re.finditer(re.escape(nm), self.text))
            if printed[tied[0]] > printed[name]:
                return tied[0]
        other = {nm for nm, roles in self.name_roles.items()
                 if role is not None and not any(Levenshtein.distance(r, role) <= 1 for r in roles)}
        # a character OCR dropped inside the name (山和夫 for 山口和夫: a 口 read as nothing): the
        # longer spelling printed as often wins, since OCR drops a character far more often than it
        # invents one; a printing that holds the name as read is no such spelling (the call's
        # 委員長長谷川早苗君: the role's 長 before 長谷川早苗)
        # (but not a character beside it read again, 井上上恵子 for 井上恵子: one glyph read twice is what
        # OCR does invent, and a name prints a kanji repeated as 々)
        longer = Counter(m.group() for p in range(1, len(name)) for m in re.finditer(
            re.escape(name[:p]) + f"[{KANJI}\u3005]" + re.escape(name[p:]), self.text)
            if m.group() not in other and name not in m.group() and m.group()[p] not in (name[p - 1], name[p]))
        if longer:
            best, top = longer.most_common(1)[0]
            # (unless the cover lists the name a character changed, not the longer spelling: 井ト和夫 and
            # 井ト上和夫 in a member's two cells, the cover's 井上和夫: a mincho 上 read ト, or ト上)
            misread = any(len(n) == len(name) and Levenshtein.distance(n, name) == 1 for n in self.listed_names)
            if top >= max(votes[name], 1) and len(longer) == 1 and not (misread and best not in self.listed_names):
                return best
        return name

    def surer(self, other: str, reading: str) -> bool:
        return self.confidence.surer(other, reading)

    def consensus(self, read: str, other: str) -> str:
        """Of two readings of one name a character apart (a label's and a call's), the one the
        document's printings of the name (the calls, the labels by name alone, the cover's list)
        side with at the character where they differ; `other` on a tie."""
        from rapidfuzz.distance import Levenshtein

        at = next(i for i, (a, b) in enumerate(zip(read, other)) if a != b)
        printed: Counter = Counter()
        for source in (self.called, self.openers, Counter(self.listed_names)):
            for nm, c in source.items():
                if len(nm) == len(read) and min(Levenshtein.distance(nm, read), Levenshtein.distance(nm, other)) <= 1:
                    printed[nm] += c
        printed[read] = max(printed[read], 1)  # the label itself
        votes: Counter = Counter()
        for nm, c in printed.items():
            votes[nm[at]] += c
        return read if votes[read[at]] > votes[other[at]] else other

    @property
    def mark(self) -> str:
        return self.marks.most_common(1)[0][0] if self.marks else "○"

    def role(self, role: str, name: str | None) -> str | None:
        """The role as printed: as read when the role list or the clean labels know it, else the
        role this name is printed with (one or two characters off), else one character off a role
        seen cleanly; None when nothing settles it."""
        from rapidfuzz.distance import Levenshtein

        from .labels import fuzzy_role

        listed_word = role in self.roles.words
        if self.role_count[role] >= 2 or (self.role_count[role] and listed_word):
            return role
        if name and name in self.name_roles:
            # the role this name is printed with most, a role of the list before a word the grammar
            # merely accepts (秋員長 read once beside 委員長)
            best = max(self.name_roles[name].items(), key=lambda rc: (rc[0] in self.roles.words, rc[1]))[0]
            if Levenshtein.distance(best, role) <= min(2, len(best) - 1):
                return best
        # a role the grammar accepts (any *長 is a title) but the document never prints cleanly: the
        # role this person is printed with elsewhere wins (各市長 read for the cover's 副市長)
        listed = self._role_ok(role)
        if name and self.text:
            # the role printed before this name elsewhere (the cover's 副市長　加藤裕子, a call 加藤裕子副市長)
            near = set()
            for m in re.finditer(re.escape(name), self.text):
                # (a speck read between them as listed_with allows: 議員.小林正人)
                before = self.text[max(0, m.start() - 8): m.start()].rstrip(" \u3000.・:：")
                after = self.text[m.end(): m.end() + 8]
                for k in range(1, len(before) + 1):
                    if self._role_ok(before[-k:]) and Levenshtein.distance(before[-k:], role) <= 1:
                        near.add(before[-k:])
                for k in range(1, len(after) + 1):
                    if self._role_ok(after[:k]) and Levenshtein.distance(after[:k], role) <= 1:
                        near.add(after[:k])
            near = {r for r in near if not any(r != o and o.endswith(r) for o in near)}  # 副市長 over 市長
            if len(near) == 1:
                return near.pop()
        if listed:
            return role
        seen = [r for r, c in self.role_count.items() if c >= 2]
        return fuzzy_role(role, self.roles, seen) if len(role) >= 2 else None

    def name_end(self, inner: str) -> tuple[str, int] | None:
        """(name, characters used) at the start of `inner` (the text after the opening bracket, its
        closing one lost): a name seen in clean labels, or a name of 2-6 characters ended by a 君
        or what OCR makes of it."""
        for name in sorted(self.name_roles, key=len, reverse=True):
            if inner.startswith(name):
                n = len(name)
                if n < len(inner) and (inner[n] in KUN_MISREADS or (  # 田中直美莉: the labels carry 君
                        _is_kanji(inner[n]) and self.kun[True] > self.kun[False])):
                    n += 1
                return name, n
        # a speck read as a character inside a name the clean labels print (林上早苗 for 林早苗), the
        # 君 after it misread or not
        for name in sorted(self.name_roles, key=len, reverse=True):
            n = len(name)
            if n >= 3 and len(inner) > n and any(inner[:p] + inner[p + 1:n + 1] == name for p in range(1, n)):
                used = n + 1
                if used < len(inner) and (inner[used] in KUN_MISREADS or inner[used] == "君" or (
                        _is_kanji(inner[used]) and self.kun[True] > self.kun[False])):
                    used += 1
                return name, used
        for k in range(2, min(6, len(inner) - 1) + 1):
            if inner[k] in KUN_MISREADS and all(_NAME_CHARS.match(c) for c in inner[:k]):
                return inner[:k], k + 1
        # a character of a name the chair calls misread (長谷川和子腹 for the call's 長谷川智子君), its
        # 君 read as OCR misreads it, in a document whose labels carry 君
        from rapidfuzz.distance import Levenshtein

        for name in sorted(self.called, key=len, reverse=True):
            n = len(name)
            if n >= 4 and len(inner) > n and (inner[n] in KUN_MISREADS or inner[n] == "君" or (
                    _is_kanji(inner[n]) and self.kun[True] > self.kun[False])) \
                    and all(_NAME_CHARS.match(c) for c in inner[:n]) and Levenshtein.distance(inner[:n], name) == 1 \
                    and not any(name.startswith(r) for r in self.roles.words):
                return inner[:n], n + 1
        # the 君 misread as a kanji no list foresees (高橋直美攻): the longest start the document prints
        # elsewhere too (the cover's 市長　高橋直美), in a document whose labels carry 君
        if self.kun[True] > self.kun[False]:
            for k in range(min(6, len(inner) - 1), 1, -1):
                if _is_kanji(inner[k]) and all(_NAME_CHARS.match(c) for c in inner[:k]) \
                        and self.text.count(inner[:k]) > self.text.count(inner[:k + 1]) >= 1:
                    return inner[:k], k + 1
        return None

    def mended_name(self, inner: str) -> str | None:
        """A name with a character OCR split into marks (山I」和夫 for 山口和夫): the one name the
        document prints elsewhere with a single character in their place."""
        inner = re.sub(r"[ \u3000]", "", inner)
        if inner[-1:] in KUN_MISREADS:  # the 君 after it is kept, as read
            name = self.mended_name(inner[:-1])
            return name + inner[-1] if name else None
        m = re.fullmatch(rf"([^\s]*?)([^\u3041-\u309f\u30a1-\u30fa{KANJI}\u3005ー]{{1,2}})([^\s]*)", inner)
        if m is None or not all(_NAME_CHARS.match(c) for c in m.group(1) + m.group(3)) \
                or len(m.group(1) + m.group(3)) < 2:
            return None
        pattern = re.escape(m.group(1)) + f"[{KANJI}\u3005]" + re.escape(m.group(3))
        found = set(re.findall(pattern, self.text))
        return found.pop() if len(found) == 1 else None

    def name_to_space(self, rest: str) -> tuple[str, int] | None:
        """(name, characters used) when the name runs to a space and the document's labels carry
        君: its last character is the 君, however misread (加藤健一妊　マイナンバー…)."""
        m = re.match(r"([^ \u3000]{3,7})[ \u3000]", rest)
        if m is None or not all(_NAME_CHARS.match(c) for c in m.group(1)) or self.kun[True] <= self.kun[False]:
            return None
        return m.group(1)[:-1], len(m.group(1))


def settle_person_label(text: str, ev: LabelEvidence, after_end: bool) -> str:
    """`text` with a member's label by name alone (○新妻秀規君, as Diet minutes print members) written
    as printed when OCR damaged it: the 君 misread (新妻秀規用), the separator lost (新妻秀規君なお、),
    a character of the name misread (新雪秀規). The name must be one the document prints with 君
    elsewhere (a chair's call, a direction) and, without a mark, the line must open after a
    sentence end: a body line opening with a name is a sentence about that person."""
    from rapidfuzz.distance import Levenshtein

    from .labels import role_like

    s = text.lstrip(" \u3000")
    i = 0
    while i < min(2, len(s)) and s[i] in _LEAD_JUNK:
        i += 1
    mark = ""
    if i < len(s) and (s[i] in MARK_LOOKALIKES or s[i] in "○◯〇◎◆◇●□■△▲"):
        mark, i = s[i], i + 1
    elif i + 1 < len(s) and not _is_kanji(s[i]) and not s[i].isspace() and s[i] not in _OPENS + "【＜<" and any(
            len(nm) >= 3 and s.startswith(nm + "君", i + 1) for nm in ev.called):
        # a mark read as a kana or a symbol no list foresees (び長谷川早苗君): a name the document
        # calls follows it, with its 君 (an opening bracket is a direction's: 〔小野田沙織君登壇、拍手〕
        # with its 登壇 misread)
        mark, i = s[i], i + 1
    elif i and not after_end:
        return text  # a speck before a name mid-paragraph
    if not (mark or after_end):
        return text
    while i < len(s) and s[i] in " \u3000":
        i += 1
    if mark and mark not in _WEAK_MARKS and _called_as_printed(s[i:].rstrip(" \u3000"), ev):
        # a marked cell of a name the chair calls, and no more: its 君 on the line below lost (○林芳正 / 君)
        return ev.mark + s[i:].rstrip(" \u3000") + "君"
    # a character of the name OCR split into marks (吉川敬:君 for 吉川敬三君): the one called name
    # with a single character in their place
    split = _SPLIT_NAME.match(s, i)
    if split:
        head, marks, tail = split.groups()
        # (each mark may stand for a character, 河野克:君 for 河野敬三君, and a character beside the
        # marks may be misread too, when the surname stays whole)
        found = {nm for nm in ev.called if len(nm) in (len(head) + 1 + len(tail), len(head) + len(marks) + len(tail))
                 and len(nm) >= 3 and (nm.startswith(head) or len(head) >= 3 and nm[:2] == head[:2]
                                       and Levenshtein.distance(nm[:len(head)], head) == 1)
                 and nm.endswith(tail) and not any(nm.startswith(r) for r in ev.roles.words)}
        found = {nm for nm in found if not any(o != nm and o.endswith(nm) for o in found)}
        if len(found) == 1:
            body = s[split.end():]
            body = body[_AFTER_LABEL.match(body).end():]
            if body and not _NOT_AFTER_PERSON.match(body):
                return (ev.mark if mark else "") + found.pop() + "君\u3000" + body
    for exact_kun in (True, False):
        for n in range(7, 2, -1):
            read, slot = s[i:i + n], s[i + n:i + n + 1]
            if len(read) < n or not slot or not all(_NAME_CHARS.match(c) for c in read):
                continue
            if not (slot == "君" if exact_kun else (slot in KUN_MISREADS or _is_kanji(slot) or _is_kata(slot))):
                continue
            if slot != "君" and (slot in "氏様殿" or _role_start(s[i + n:], ev)
                                 or any(role_like(s[i + n:i + n + k], ev.roles) for k in range(2, 6))):
                continue  # 伊藤博行大臣は…, 伊藤博行氏の…: a sentence about the person
            # a misread 君 or name needs more than a weak mark (⑫): a true mark, a 君 misread as OCR
            # misreads it, a paragraph opening with it, or a name called twice
            sure = mark and mark not in _WEAK_MARKS or slot in KUN_MISREADS or after_end
            if ev.called[read] >= 1 and (slot == "君" or sure or ev.called[read] >= 2):
                name = ev.spelling(read)
            elif read in ev.listed_names and len(read) >= 3 and (slot == "君" or slot in KUN_MISREADS) \
                    and (after_end or mark and mark not in _WEAK_MARKS):
                # a name the cover lists, opening a paragraph with its 君 (the chair's call misread:
                # 次に、伊藤博行用 at a line's end)
                name = read
            elif slot == "君" and any(len(nm) == n >= 4 and Levenshtein.distance(nm, read) == 1 for nm in ev.called):
                # read cleanly, its 君 too: as good a reading as the call's, unless OCR was far surer
                # of the call's (新雪文雄君 in a blurred label, 新妻文雄君 read surely in the chair's call)
                surer = [nm for nm in ev.called if len(nm) == n and Levenshtein.distance(nm, read) == 1
                         and ev.surer(nm, read)]
                name = surer[0] if len(surer) == 1 else read
            elif slot == "君" and mark and mark not in _WEAK_MARKS and ev.text.count(read) >= 2 and not _role_start(read, ev):
                # a true mark, then a name the document prints elsewhere (the cover, a call whose 君 OCR
                # lost: …委員長長浜勝信), and its 君: a member's label, however its speech opens
                name = read
            elif slot == "君" and after_end and any(
                    len(nm) >= 3 and nm[:2] == read[:2] and abs(len(nm) - n) <= 1 and Levenshtein.distance(nm, read) <= 2
                    and not any(nm.startswith(r) for r in ev.roles.words) for nm in ev.called):
                # a paragraph opening with a name and its 君, read cleanly, whose call OCR misread
                # otherwise (河野敬三君 after the chair's 河野散君。): the call names its surname
                name = ev.spelling(read)
            else:
                near = [nm for nm in ev.called if len(nm) == n >= 4 and ev.called[nm] >= (1 if sure else 2)
                        and Levenshtein.distance(nm, read) == 1]
                if len(near) != 1:
                    continue
                # the call's reading, unless the document prints the label's more often (the cover's
                # list read 尾辻俊一 as the label did, the call 尾党俊一), or its printings agree with
                # the label's character by character (the cover's 尾演俊一 and the call's 必辻俊一
                # against the label's 尾辻俊一)
                name = read if read in ev.listed_names and ev.text.count(read) > ev.text.count(near[0]) \
                    or ev.consensus(read, near[0]) == read else near[0]
            body = s[i + n + 1:]
            if slot != "君" and body[:1] == slot:
                body = body[1:]  # the 君 read as two characters (伊藤博行有有なお、)
            body = body[_AFTER_LABEL.match(body).end():]
            if not body or _NOT_AFTER_PERSON.match(body) or any(name.startswith(r) for r in ev.roles.words):
                continue
            if mark in _WEAK_MARKS and ev.called[name] < 2:
                continue  # ⑫ is a list's number as often as a misread ○
            return (ev.mark if mark else "") + name + "君\u3000" + body
    return text


def _role_start(s: str, ev: LabelEvidence) -> bool:
    """Whether `s` opens with a role the role list knows or the document's clean labels print."""
    return any(s.startswith(r) for r in ev.roles.words) or any(s.startswith(r) for r in ev.role_count)


_KANA_MARK = re.compile(rf"^[\u3041-\u309f][{KANJI}\u30a1-\u30faー0-9０-９]{{1,12}}[(（]")
# what OCR makes of a label's opening bracket on a rough scan: a kana of the same stroke (委員長て田野瀬
_OPEN_LOOKALIKES = "てくぐ〈<cC"


def _bracket_mended(s: str, i: int, j: int, k: int, ev: LabelEvidence) -> str | None:
    """`s` with the opening bracket of a label at `i` written back where OCR misread or lost it, when
    the rest of the label shows it: a name and its 君 (as read, or a misreading of it) then the closing
    bracket. Misread: 委員長て田野瀬大道莉) (a role the role list or the clean labels know before the
    kana); lost: 国務大区林正弘君) (role and name run together: a prefix that settles as a role, the
    rest a name the document prints elsewhere, in a call, a direction or the cover's list). None when
    nothing is to mend."""
    if k < len(s) and s[k] in _OPEN_LOOKALIKES and j - i >= 2 and ev.role(s[i:j], None) is not None:
        rest = s[k + 1: k + 14]
        close = next((n for n, c in enumerate(rest) if c in _CLOSES), None)
        if close is not None and close >= 3 and all(_NAME_CHARS.match(c) for c in rest[:close]) \
                and not _NOT_AFTER_PERSON.match(rest[close + 1:]):
            return s[:k] + "（" + s[k + 1:]
    run = s[i:j]
    if j < len(s) and s[j] in _CLOSES and len(run) >= 5 and run[-1] in KUN_MISREADS \
            and not _NOT_AFTER_PERSON.match(s[j + 1:]):  # 国務大臣林正弘君)の答弁: a quote
        for p in range(2, len(run) - 2):
            role, name = run[:p], run[p:-1]
            if not (ev.called[name] or name in ev.listed_names or name in ev.name_roles):
                continue
            settled = ev.role(role, name)
            if settled is not None and len(settled) == len(role) and (settled in ev.roles.words
                                                                      or ev.role_count[settled]):
                return s[:i] + role + "（" + s[i + p:]
    return None


def settle_label(text: str, ev: LabelEvidence, opens_paragraph: bool = False, mended: bool = False) -> str:
    """`text` with a speaker label OCR damaged at its start written as printed (see above); any
    other text comes back unchanged. A speck before an unmarked label is dropped only on a line
    that opens a paragraph (-議長(伊藤紀美君).これより…)."""
    s = text.lstrip(" \u3000")
    i = 0
    while i < min(2, len(s)) and s[i] in _LEAD_JUNK:
        i += 1
    if i >= len(s):
        return text
    mark = ""
    if s[i] in MARK_LOOKALIKES or s[i] in "○◯〇◎◆◇●□■△▲":
        mark, i = s[i], i + 1
        if i < len(s) and s[i] in "○◯〇◎◆◇●□■△▲" and mark in MARK_LOOKALIKES:  # O〇議長: a speck and the mark
            mark, i = s[i], i + 1
        elif i < len(s) and s[i] in MARK_LOOKALIKES and mark in MARK_LOOKALIKES and _role_start(s[i + 1:], ev):
            i += 1  # OO議員: the ring read as two letters
        elif i + 1 < len(s) and (s[i] in "くぐ〈<・" or s[i] in _LEAD_JUNK) and _role_start(s[i + 1:], ev):
            i += 1  # ⑨ぐ委員長: the inner ring of a ◎ read as a character of its own
    elif i == 0 and ev.marks and _KANA_MARK.match(s) and _role_start(s[1:], ev):
        mark, i = s[0], 1  # the mark read as a kana (で議長(渡辺健一君)) in a document whose labels are marked
    elif i and not opens_paragraph:
        return text  # junk before anything but a mark is text
    while i < len(s) and s[i] in " \u3000":
        i += 1
    j = i
    while j < len(s) and j - i < 12 and _ROLE_CHARS.match(s[j]):
        j += 1
    k = j
    while k < len(s) and s[k] in " \u3000":
        k += 1
    if k + 1 < len(s) and s[k] in ".,・:'`\"“”" and s[k + 1] in _OPENS:  # a speck before the bracket: 市長.(, 国務大臣"(
        k += 1
    role_read = s[i:j]
    if not role_read:
        return text
    if not mended and (repaired := _bracket_mended(s, i, j, k, ev)) is not None:
        fixed = settle_label(repaired, ev, opens_paragraph, mended=True)
        return fixed if fixed != repaired else text
    if k < len(s) and s[k] in _OPENS:
        while k < len(s) and (s[k] in _OPENS or s[k] in " \u3000"):
            k += 1
        rest = s[k:]
        close = next((n for n, c in enumerate(rest[:12]) if c in _CLOSES), None)
        mended = None
        if close is not None and close >= 1 and (
                all(_NAME_CHARS.match(c) or c in " \u3000" for c in rest[:close])
                or (mended := ev.mended_name(rest[:close]))):
            inner = mended or re.sub(r"[ \u3000]", "", rest[:close])
            end = close
            while end < len(rest) and (rest[end] in _CLOSES or rest[end] in " \u3000"):
                end += 1
            kun = inner[-1:] in KUN_MISREADS and len(inner) >= 3
            name = inner[:-1] if kun else inner
            if not kun and (got := ev.name_end(inner)) is not None and got[1] == len(inner) > len(got[0]):
                name, kun = got[0], True  # the 君 misread as a kanji no list foresees, after a name the document prints
        else:
            got = ev.name_end(re.sub(r"[ \u3000]", "", rest[:12])) or ev.name_to_space(rest)
            if got is None:
                # the first line of a wrapped label cell (○議長（大森和 / 夫君）): mark and bracket only
                inner = rest.strip(" \u3000")
                role = ev.role(role_read, None) if mark else None
                if role is not None and len(inner) <= 8 and all(_NAME_CHARS.match(c) for c in inner):
                    return ev.mark + role + "（" + inner
                return text
            name, used = got
            kun = used > len(name)
            tail = re.sub(r"[ \u3000]", "", rest)
            if not kun and len(tail) == used:
                # the first line of a wrapped cell ending at the name (○議長（大森和夫 / 君）)
                role = ev.role(role_read, name) if mark else None
                return ev.mark + role + "（" + tail if role else text
            # the characters used, counted again in the text as read (spaces skipped)
            end, seen = 0, 0
            while end < len(rest) and seen < used:
                seen += rest[end] not in " \u3000"
                end += 1
            while end < len(rest) and (rest[end] in _CLOSES or rest[end] in " \u3000"):
                end += 1
            if end < len(rest) and rest[end - 1] not in _CLOSES and (lost := _LOST_CLOSE.match(rest[end:])):
                end += lost.end()
        # (a name misread in the label is known by its spelling elsewhere: the call's 国務大臣長谷川智子君
        # for the label's 国務大臣(長谷川和子)
        known = bool(name) and (ev.name_roles.get(name, {}).get(role_read, 0) >= 2 or ev.recurs(role_read, name)
                                or ev.listed_with(role_read, name) or ev.listed_with(role_read, ev.spelling(name, role_read)))
        name = ev.spelling(name, role_read) if name else name
        if mark in _WEAK_MARKS and not (kun or known):
            return text  # ①市長(北村正志)の答弁: a list item, unless the label is whole with its 君
        if not mark and not kun and ev.kun[True] > ev.kun[False]:
            return text  # 市長(小川恵子)の発言: the document's labels carry 君
        if not mark and not (close is not None and kun) and not known:
            # without a mark, only a whole 役（名前君）, or a role and name the clean labels print
            # together again and again, reads as a label
            return text
        if not mark and s[:i].strip() and not (opens_paragraph and close is not None and kun):
            return text  # a speck before an unmarked label: only before a whole 役（名前君） opening a paragraph
        role = ev.role(role_read, name)
        if role is None or not name:
            return text
        honorific = "君" if kun and (ev.kun[True] >= ev.kun[False] or not ev.kun) else ""
        label = (ev.mark if mark else "") + role + "（" + name + honorific + "）"
        body = rest[end:]
        body = body[_AFTER_LABEL.match(body).end():]
        if not mark and s[:i].strip() and _NOT_AFTER_PERSON.match(body):
            return text  # 「議長(伊藤紀美君)」と: quoted, not a label
        return label + ("\u3000" + body if body else "")
    # a mark and a role without a name: ○委員長　本文 (a look-alike mark only before a role the
    # clean labels or the role list know, followed by a space or nothing)
    spaced = k == len(s) or k > j
    if not mark or (mark in MARK_LOOKALIKES and not spaced) or (s[k:k + 1] in "のがはをにでとへや"):
        return text  # O議長の発言: a word, not a label
    role = ev.role(role_read, None)
    if role is None or role != role_read or "君" in role:
        return text  # (長浜勝信君利用者: a member's name and 君 run into the speech, settle_person_label's)
    body = s[k:]
    return ev.mark + role + ("\u3000" + body if body else "")


def settle_labels(pages, roles=None) -> int:
    """Rewrite OCR-damaged labels at the starts of the lines of OCR'd pages, in place, settled by
    the labels read cleanly anywhere in the document. Returns how many lines changed."""
    ocr_pages = [p for p in pages if getattr(p, "source", "") == "ocr"]
    groups = {id(p): _cell_groups(p) for p in ocr_pages}
    texts = [ln.text for p in ocr_pages for ln in p.lines] + [_joined(g) for gs in groups.values() for g in gs]
    ev = LabelEvidence(texts, roles, [ln for p in ocr_pages for ln in p.lines])
    # how surely a name was read counts in its wrapped cells too, each read joined (山田賢 / 可君, 可 at
    # 68, against the chair's call 山田賢司君。 at 93): a cell's reading is held by no one line
    ev.confidence = ReadingConfidence.of_pages(ocr_pages)
    changed = 0
    for page in ocr_pages:
        cells: set[int] = set()  # the lines that hold a wrapped cell settled whole: settled once
        changed += _settle_wrapped_cells(page, ev, groups[id(page)], cells)
        right = _right_edge(page.lines)
        for ln in page.lines:
            if id(ln) in cells:
                continue
            opens = _opens_paragraph(ln, page.lines, right)
            fixed = settle_label(ln.text, ev, opens)
            if fixed == ln.text:
                fixed = settle_person_label(ln.text, ev, opens)
            if fixed == ln.text and opens:
                above = _line_above(ln, page.lines)
                fixed = direction_opened(ln.text, above.text if above is not None else "")
            if fixed == ln.text:
                continue
            if fixed.endswith("）") and not re.search(f"[{re.escape(_CLOSES)}]", ln.text):
                _drop_split_close(ln, page.lines)
            _rewrite(ln, fixed)
            changed += 1
        for ln in page.lines:
            if _OPEN_CELL.match(ln.text):
                changed += _close_wrapped_cell(ln, page.lines)
    return changed


MAX_DIRECTION = 30  # a stage direction standing alone is short


def direction_opened(text: str, above: str = "") -> str:
    """A stage direction standing alone whose opening 〔 OCR lost (「異議なし」と呼ぶ者あり〕) with it
    written back: a short line opening a paragraph that closes with 〕 and opens no bracket, under a
    line (`above`) that leaves no bracket open (not the second line of a wrapped direction:
    〔西村博行君登壇、 / 拍手〕)."""
    t = text.strip(" \u3000")
    if not 2 <= len(t) <= MAX_DIRECTION or not t.endswith("〕") or any(c in _OPENS for c in t) \
            or "。" in t or t.count("〕") > 1 or sum(c in _OPENS for c in above) > sum(c in _CLOSES for c in above):
        return text
    return "〔" + t


def _rewrite(line, text: str) -> None:
    """Set a line's text, its characters' confidences carried over to the new text."""
    if getattr(line, "char_conf", None) is not None and len(line.char_conf) == len(line.text):
        line.char_conf = carry_confidence(list(zip(line.text, line.char_conf)), text)
    line.text = text


def _right_edge(lines) -> float:
    """Where the page's full lines end (most lines of running text reach it)."""
    ends = sorted(ln.x1 for ln in lines)
    return ends[int(0.8 * (len(ends) - 1))] if ends else 0.0


def _line_above(line, lines):
    """The nearest line above `line` in its column, or None."""
    h = max(line.bottom - line.top, 1.0)
    above = [ln for ln in lines if ln.bottom <= line.top + 0.3 * h and ln.x0 < line.x1 and line.x0 < ln.x1
             and ln is not line]
    return max(above, key=lambda ln: ln.bottom, default=None)


def _opens_paragraph(line, lines, right: float) -> bool:
    """Whether `line` opens a paragraph: the nearest line above it in its column ends a sentence or
    stops short of the column's right edge (or there is none)."""
    h = max(line.bottom - line.top, 1.0)
    prev = _line_above(line, lines)
    return prev is None or prev.text.rstrip(" \u3000")[-1:] in _SENTENCE_END or prev.x1 < right - 2 * h


# a label cell's first line: a mark, or (unmarked minutes) a role and an opening bracket: 議長(山
_CELL_START = re.compile(rf"^(?:[{re.escape(_LEAD_JUNK)}]?[○◯〇◎◆◇●□■△▲{MARK_LOOKALIKES}]"
                         rf"|[{KANJI}\u30a1-\u30faー0-9０-９]{{1,8}}[(（〔［])")
_MARKED_START = re.compile(rf"^[{re.escape(_LEAD_JUNK)}]?[○◯〇◎◆◇●□■△▲{MARK_LOOKALIKES}]")
_ROLE_ALONE = re.compile(rf"^[{KANJI}\u30a1-\u30faー]{{2,8}}$")
# a long role and a full name in a narrow label column take four lines (〇内閣総 / 理大臣( / 長谷川太 / 郎君))
MAX_CELL_LINES = 4
_COMPLETE = re.compile(r"^[○◯〇◎◆◇●□■△▲]?[^（）]{1,12}（[^（）]{1,9}）$")


def _cell_groups(page) -> list[list]:
    """The lines of each label cell wrapped over two to four lines of the label column
    (O副市長 / (加藤健 / 一妊), top to bottom: a line opening with a mark (or, unmarked, with a role
    and a bracket: 議長(山 / 田太郎者), and the short lines right
    under it at the same left edge, up to a closing bracket."""
    lines = sorted(page.lines, key=lambda ln: ln.top)
    groups = []
    for i, first in enumerate(lines):
        # a role alone on the cell's first line wraps before its bracket (企画課長 / (山口健 / 一君)):
        # a cell only if the next piece opens with that bracket
        role_alone = bool(_ROLE_ALONE.match(first.text))
        if not (_CELL_START.match(first.text) or role_alone) or len(first.text) > 12 or "。" in first.text \
                or re.search(f"[{re.escape(_CLOSES)}]", first.text):
            continue
        h = max(first.bottom - first.top, 1.0)
        pieces, last = [first], first
        for ln in lines[i + 1:]:
            if ln.top - last.bottom > 1.0 * h or len(pieces) == MAX_CELL_LINES:
                break
            if abs(ln.x0 - first.x0) < 1.5 * h and len(ln.text) <= 8 and "。" not in ln.text \
                    and not _MARKED_START.match(ln.text):  # 長(佐藤 under ⑥総務課 is the cell's middle
                pieces.append(ln)
                last = ln
                if re.search(f"[{re.escape(_CLOSES)}]", ln.text):
                    break
        # (or, its bracket lost, the cell closes with one: 委員長 / 田野瀬太 / 道君), settled below)
        if len(pieces) >= 2 and not (role_alone and pieces[1].text.lstrip(" \u3000")[:1] not in _OPENS
                                     and not re.search(f"[{re.escape(_CLOSES)}]$", pieces[-1].text)):
            groups.append(pieces)
    return groups


def _joined(pieces) -> str:
    return "".join(re.sub(r"[ \u3000]", "", p.text) for p in pieces)


def _joined_confidence(pieces) -> tuple[float, ...] | None:
    """The confidence of each character of _joined(pieces)."""
    out = []
    for p in pieces:
        conf = p.char_conf if getattr(p, "char_conf", None) and len(p.char_conf) == len(p.text) else None
        if conf is None and p.conf is None:
            return None
        out += [conf[k] if conf else p.conf for k, c in enumerate(p.text) if c not in " \u3000"]
    return tuple(out)


def _settle_wrapped_cells(page, ev: LabelEvidence, groups, cells: set | None = None) -> int:
    """Each wrapped label cell settled as one: the pieces joined and settled, the cell written on its
    first line (whose box is the row the label opens), the other pieces dropped; the id of each line
    so written is added to `cells`."""
    gone: set[int] = set()
    kept: set[int] = set()  # pieces of a cell read cleanly: in `gone` to be passed over, not dropped
    changed = 0
    for pieces in groups:
        if any(id(p) in gone for p in pieces):
            continue
        first = pieces[0]
        if len(pieces) < 2:
            continue
        joined = _joined(pieces)
        if _ROLE_ALONE.match(first.text) and not any(c in _OPENS for c in joined):
            # a role alone on the first line, the bracket after it lost: a role the document's labels
            # or the role list know, then the name (a bracket further on means the role wraps on:
            # 政府参考 / 人（片山 / 秀久君）)
            if ev.role(first.text, None) != first.text:
                continue
            joined = first.text + "（" + joined[len(first.text):]
        fixed = settle_label(joined, ev)
        if _OPEN_CELL.match(fixed):  # the name's end lost with the last line: a name the document prints
            name = fixed[fixed.index("（") + 1:]
            if name in ev.name_roles:
                fixed += ("君" if ev.kun[True] > ev.kun[False] else "") + "）"
            elif 3 <= len(name) <= 7 and ev.kun[True] >= 2 and not ev.kun[False]:
                fixed = fixed[:-1] + "君）"  # every clean label ends in 君: so does this cell, misread
        if fixed == joined and (member := _member_cell(joined, ev)) is not None:
            fixed = member
        elif not _COMPLETE.match(fixed):
            continue
        if not _MARKED_START.match(first.text) and _marked_document(ev):
            # the document marks its labels: a cell with none is one whose ring OCR lost (副市長 /
            # (加藤直 / 美君) at a page top): written whole with the document's mark, as its others are
            fixed = ev.mark + fixed
        elif not _MARKED_START.match(first.text) and _norm_brackets(_joined(pieces)) == fixed:
            # an unmarked cell read cleanly stays in pieces: layout places it as it would a text page's;
            # its lower pieces open no cell of their own (人（片山 / 秀久君） under 政府参考), nor are they
            # labels by name alone to settle line by line: 本正人君) under 議員(松 is no misreading
            # of the 田正人君) under the chair's 議長(吉
            gone.update(id(p) for p in pieces[1:])
            kept.update(id(p) for p in pieces[1:])
            if cells is not None:
                cells.update(id(p) for p in pieces[1:])
            continue
        # the cell's text and its characters' confidences are all its pieces' (a name misread on the
        # second line keeps its own low confidence, not the first line's mark's and role's)
        conf = _joined_confidence(pieces)
        if conf is not None and len(conf) != len(joined):  # (a lost bracket written in: 委員長（田野瀬太…)
            conf = carry_confidence(list(zip(_joined(pieces), conf)), joined)
        first.text, first.char_conf = joined, conf
        _rewrite(first, fixed)  # its box stays the first line's: the row the label opens
        if cells is not None:
            cells.add(id(first))
        gone.update(id(p) for p in pieces[1:])
        changed += 1
    gone -= kept
    if gone:
        page.lines = [ln for ln in page.lines if id(ln) not in gone]
    return changed


def _marked_document(ev: LabelEvidence) -> bool:
    """Whether the document's cleanly read labels carry a mark, most of them (○議長（…君）)."""
    marked = sum(ev.marks.values())
    return marked >= 3 and marked >= 0.6 * sum(ev.role_count.values())


_OPEN_CELL = re.compile(r"^[○◯〇◎◆◇●□■△▲][^（）]{1,12}（[^）]{0,8}$")
_MEMBER_CELL = re.compile(rf"^([○◯〇◎◆◇●□■△▲])([{KANJI}\u3005\u3041-\u309f\u30a1-\u30faー]{{2,7}})"
                          rf"([{KANJI}\u3041-\u309f])$")


def _member_cell(joined: str, ev: LabelEvidence) -> str | None:
    """A member's label by name alone wrapped in a marked cell (○林紀美 / 君, ○河野敬 / 三君, as Diet
    minutes print members), written as printed where OCR damaged it: its lone 君 misread (林紀美妊) or
    a character of the name misread or lost (河野区君 for 河野敬三君). The name must be the one name the
    chair calls (…林紀美君。) that reads so: the same, or a character or two off, the surname's first
    two characters kept (a cell of a role and no name, ○国務大 / 臣, is none: no call opens so)."""
    from rapidfuzz.distance import Levenshtein

    if len(joined) > 2 and all(c in MARK_LOOKALIKES and c not in _WEAK_MARKS for c in joined[:2]) \
            and re.match(rf"[{KANJI}\u30a1-\u30fa]", joined[2]):
        joined = "〇" + joined[2:]  # its ring read as two look-alikes, its open side and the rest (CO田野瀬 / 太道君)
    elif joined[:1] in MARK_LOOKALIKES and joined[:1] not in _WEAK_MARKS:
        joined = "〇" + joined[1:]  # its mark read as a look-alike (O井出庫 / 生君)
    if joined[:1] in "○◯〇◎◆◇●□■△▲" and _called_as_printed(joined[1:], ev):
        return ev.mark + joined[1:] + "君"  # its lone 君 lost with the cell's last line (○斎藤ア / レックス)
    # (a character read as marks, 三 as : in 〇岸田敬 / :君, is a character lost)
    m = _MEMBER_CELL.match(re.sub(rf"(?<=[{KANJI}])[-:;.,・'`|_~]{{1,2}}(?=君$)", "", joined))
    if m is None or _role_start(m.group(2) + m.group(3), ev):
        return None
    _, read, last = m.groups()
    # (a call or a direction, …河野敬三君。 〔河野敬三君登壇〕: not another cell's reading)
    called = {nm for nm, n in ev.called.items() if n and len(nm) >= 3 and nm[:2] == read[:2]
              and not any(nm.startswith(r) for r in ev.roles.words) and re.search(re.escape(nm) + "君[。登]", ev.text)}
    if last == "君":
        # read with its 君 (the cell's own reading counts as a call once): a character lost, another
        # perhaps misread beside it (OCR drops a faint 三 far more often than it invents one), or a
        # character misread that OCR was far surer of in the call
        if ev.called[read] >= 2:
            return ev.mark + read + "君"  # read right: the cell is one label all the same
        if read in ev.listed_names:
            return None
        # (or printed more often so: the chair's call and a direction against the one cell, 森山洗 / 行君
        # beside 森山浩行君。 and 〔森山浩行君登壇〕)
        found = {nm for nm in called if len(nm) == len(read) + 1 and Levenshtein.distance(nm, read) <= 2
                 or len(nm) == len(read) and Levenshtein.distance(nm, read) == 1
                 and (ev.surer(nm, read) or ev.called[nm] > ev.called[read])}
    elif last in KUN_MISREADS or _is_kanji(last):
        # its 君 misread: the name as called, or a character off it
        found = {read} if ev.called[read] else {
            nm for nm in called if abs(len(nm) - len(read)) <= 1 and Levenshtein.distance(nm, read) == 1}
    else:
        return None
    found = {nm for nm in found if not any(o != nm and o.endswith(nm) for o in found)}
    if len(found) != 1:
        return None
    return ev.mark + found.pop() + "君"


def _called_as_printed(name: str, ev: LabelEvidence) -> bool:
    """Whether the document prints `name` whole with its 君 in a chair's call or a direction (…次に、
    林芳正君。 〔林芳正君登壇〕): after a role (厚生労働委員長林芳正君。) or a character no name holds, so
    that 芳正 is not taken from 林芳正君. A marked cell that reads as such a name and no more is that
    member's label, whose 君 OCR lost: alone on the cell's last line (○林芳正 / 君), it is often not read
    at all."""
    if len(name) < 3 or not all(_NAME_CHARS.match(c) for c in name) or _role_start(name, ev):
        return False
    roles = set(ev.roles.words) | set(ev.role_count)
    for m in re.finditer(re.escape(name) + "君[。登]", ev.text):
        before = ev.text[:m.start()]
        if not before or not _NAME_CHARS.match(before[-1]) or any(before.endswith(r) for r in roles if r):
            return True
    return False


def _close_wrapped_cell(first, lines) -> int:
    """The last line of a wrapped label cell (〇議長（渡辺 / 誠君) closes the bracket the first
    opened; OCR often drops that closing bracket or misreads its 君."""
    h = max(first.bottom - first.top, 1.0)
    below = sorted((ln for ln in lines if ln is not first and abs(ln.x0 - first.x0) < 1.5 * h
                    and 0 <= ln.top - first.bottom < 1.2 * h), key=lambda ln: ln.top)
    if not below:
        return 0
    nxt = below[0]
    t = nxt.text.strip(" \u3000")
    if not 1 <= len(t) <= 8 or t[-1:] in _CLOSES and t[-2:-1] == "君":
        return 0
    body = t.rstrip(_CLOSES)
    if body and body[-1] in KUN_MISREADS and all(_NAME_CHARS.match(c) for c in body):
        _rewrite(nxt, body[:-1] + "君）")
        return 1
    return 0


def _drop_split_close(label, lines) -> None:
    """The closing bracket of a label that OCR put in the next piece of the same row (山口和夫君　)デー…)."""
    h = max(label.bottom - label.top, 1.0)
    mid = (label.top + label.bottom) / 2
    for ln in lines:
        if ln is not label and abs((ln.top + ln.bottom) / 2 - mid) < 0.5 * h and \
                0 <= ln.x0 - label.x1 < 4 * h and ln.text[:1] in _CLOSES:
            _rewrite(ln, ln.text[1:].lstrip(" \u3000"))
            return
