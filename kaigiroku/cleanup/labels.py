"""Speaker labels at the start of a line: 会長, 会 長, 会長：, 委員), <説明員>, ○議長（山田太郎君）, ◆委員（林花子）, 7番（山本健一君）, 委員林.

The role list is data (kaigiroku/data/roles.txt), extendable with a user file.
"""
from __future__ import annotations

import functools
from collections import Counter
import re
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from ..charclass import CLOSERS, KANJI, SENTENCE_END, WORD_CLASS, display_width, is_kana_kanji
from ..errors import MissingFileError, UnreadableTextError
from ..model import LabelMatch

MARKS = "○◯〇◎◆◇●□■△▲☆★◉"
_SP = "[ \u3000\t]"  # a space inside a letter-spaced label
_OPEN, _CLOSE = "<＜〈《【[［〔", ">＞〉》】]］〕"
_NAME_SUFFIX = re.compile(r"(君|さん|氏|様|殿)[〕」]?$")
# one-character names after a role (委員林): characters that would make a word instead
_NOT_A_NAME = set("会長等各全中外側方席員補代理職務")
# the letter of an anonymised member (委員Ａ, Ａ委員, 委員（Ａ）)
_LETTER = "A-ZＡ-Ｚ"
# what a surname never ends with: an organisation (総務課, 消費者庁 …) or a word of a title
_ORG_END = "課局室係省庁府県党校班隊署団館院会"  # not 村 部 市 町 所: 北村, 阿部, 古市, 田所
_NOT_SURNAME = {"総務", "企画", "財政", "文教", "建設", "経済", "厚生", "福祉", "予算", "決算", "環境", "市民",
                "産業", "都市", "教育", "保健", "議会", "常任", "特別", "運営", "監査", "選挙", "農業", "消防",
                "水道", "交通", "広報", "人事", "政策", "分科", "代表", "臨時", "専門", "担当", "事務", "副", "指導",
                "各", "全", "前", "元", "新", "旧", "本", "同", "次", "代", "当",
                # (the words that open an office's name, 情報政策課, 税務課, 危機管理課 …)
                "情報", "税務", "危機", "地域", "生活", "健康", "商工", "観光", "会計", "防災", "土木", "道路",
                "住宅", "下水", "国際", "文化", "生涯", "社会", "高齢", "介護", "障害", "収納", "契約", "秘書",
                # (the words that open a compound title: 技術顧問, 総括審議官, 首席監察官, 上席調査官)
                "技術", "統括", "総括", "首席", "上席", "主任", "調整", "審議", "政務", "法務", "財務", "総合", "広域",
                "戦略", "監察"}
# the two-character words of those: where one opens inside a head, a title begins (与謝野 + 特別顧問)
_TITLE_WORD = frozenset(w for w in _NOT_SURNAME if len(w) == 2)
# what opens a title and never ends a surname (東 + 副議長, never 東副 + 議長; 副島 opens with it)
_TITLE_OPENER = "副"
# what opens a title that heads an office after its name (課長, 部長: 総務課長), not one that names a person
_OFFICE_TITLE_HEAD = "課部局室所館園校係セ副担"
# what ends a three-character surname (長谷部) but never opens a title outside the list (部長 is listed)
_OFFICE_HEAD = "部課局室所"
# words of a cover sheet's keys, never in a surname (日時 / 場所 / 出席者 stacked in one cell)
_COVER_WORD = re.compile(r"日時|場所|出席|欠席|会議|議題|資料|傍聴|事務|説明|開催|次第|日程")
# a cover's key over the people present or absent in some role (出席国務大臣, 出席委員, 欠席議員): it
# ends as a role does, but no one speaks as it (出席者 alone is a listed role)
_ATTENDANCE_KEY = re.compile(r"^(?:出席|欠席)(?!者$).")
# roles outside the list mostly end so (企画官, 参与, 特別顧問, 進行役, 主幹, 監理官 …; 地区代表, 利用者代表;
# one acting for a role, 委員長職務代理, 会長代行)
ROLE_END = re.compile(r"(?:官|長|臣|員|事|者|人|問|与|役|幹|監|査|任|士|師|佐|補|ー|代表|代理|代行)$")


# what never follows a label printed with no separator: a particle or 会 (委員会, 議会)
_NOT_AFTER_BARE = set("、。のがをにとはもへでやっ会長）)」』・ ")
# a role, then the word that makes it a group (委員全員が出席しております, 議員各位): a noun phrase, no label
_GROUP = re.compile(r"全員|各位|一同|諸氏")
# what never follows a label even where the document prints that very label: a particle proper
_PARTICLE_AFTER = set("、。のがをにへでやっ会）)」』・ ")  # (and 会: 教育委員 | 会事務局次長)


@dataclass(frozen=True)
class Roles:
    """The role list (a prior), and what one document showed about its labels (see `discover`)."""

    words: tuple[str, ...]  # exact roles, longest first
    suffixes: tuple[str, ...]  # 課長, 部長 ...: any word ending so is a title
    found: tuple[str, ...] = ()  # labels outside the list this document prints again and again
    surname_first: bool = False  # this document prints surname + role (○宮腰大臣, ○東会長)
    bare: tuple[str, ...] = ()  # roles this document prints with no separator (会長皆さん、)
    document: bool = False  # the evidence of one document is in
    standalone: tuple[str, ...] = ()  # roles and titles this document prints as a word of their own (会長 岡田 誠一)
    people: tuple[tuple[str, str], ...] = ()  # (i9doc) (name, role) a list prints (会長 原田 雅人), longest name first
    organisations: frozenset = frozenset()  # (i9lab) names this document prints before 委員会, 省, 庁 (農林水産)
    pairs: frozenset = frozenset()  # two kanji this document prints side by side past its line starts (情報, 税務)


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


@functools.lru_cache(maxsize=64)
def _patterns(roles: Roles):
    # (a seat the document prints alone, 7番, is read by its own rule, never before a chair's call)
    known = sorted(set(roles.words) | {f for f in roles.found if not _SEAT_FOUND.fullmatch(f)}, key=len, reverse=True)
    role = "|".join(_spaced(w) for w in known)
    title = "|".join(_spaced(s) for s in roles.suffixes)
    # (a title may open with a word written in kanji and kana, 子ども家庭課長補佐, but never with a
    # particle after its first kanji: 次に総務課長 is speech)
    # (or a surname before it: 野口子ども家庭課長補佐)
    any_title = rf"(?:[{KANJI}\u3005]{{0,3}}[{KANJI}](?![はがをにでともへのや])[\u3041-\u3096]{{1,2}}(?=[{KANJI}]))?" \
        rf"(?:{WORD_CLASS}{_SP}?){{0,14}}(?:{title})" if title else "(?!)"
    # a name in brackets; OCR may misread the closing bracket (佐藤一郎君） -> 佐藤一郎者), so a name
    # may also end where the space before the speech begins
    paren = (r"[（(](?P<name>[^（()）]{1,16}?)(?:[）)]|(?<=[^\s\u3000])(?=[\s\u3000])"
             r"(?![\s\u3000]*[^\s\u3000（()）]{0,8}[）)]))")
    seat = r"(?P<seat>[0-9０-９]{1,3})" + _SP + r"?番"
    # label followed by what separates it from the body
    sep = rf"(?:{_SP}+|[:：]{_SP}*|[)）]{_SP}*|$)"
    bare = "|".join(re.escape(w) for w in sorted(roles.bare, key=len, reverse=True)) or "(?!)"
    return {
        # <説明員>, 【会長】 alone or before text
        "bracket": re.compile(rf"^{_SP}*[{re.escape(_OPEN)}]{_SP}*[{MARKS}]?{_SP}*(?:{seat}|(?P<role>(?:{role})[{_LETTER}]"
                              rf"|[{_LETTER}]{_SP}{{0,4}}(?:{role})|{role}|{any_title}|{WORD_CLASS}{{1,6}}{any_title}|{WORD_CLASS}{{1,8}}さん"
                              rf"|{WORD_CLASS}{{1,14}}?|{_PERSON_SHORTEST}(?:君|氏))){_SP}*(?:{paren})?{_SP}*[{re.escape(_CLOSE)}]{_SP}*"),
        # ○議長（山田太郎君）, ◎総務課長（佐藤一郎君）, ○7番（山本健一君）, ○山田委員長
        "marked": re.compile(rf"^{_SP}*[{MARKS}]{_SP}*(?:{seat}|(?P<role>[^\s\u3000（()）{MARKS}:：、。]{{1,20}}?))"
                             rf"(?:{paren})?(?:{_SP}+|[:：]{_SP}*|[)）]{_SP}*|$|(?<=[）)]))"),
        # ○宮腰大臣座ったままで: a mark, then the head runs into the speech
        # (a title may open with a word written in kanji and kana: ○子ども家庭課長補佐子ども家庭支援…)
        "marked_bare": re.compile(rf"^{_SP}*[{MARKS}]{_SP}*(?P<head>(?:[{KANJI}](?![はがをにでともへのや])"
                                  rf"[\u3041-\u3096]{{1,2}}(?=[{KANJI}]))?{WORD_CLASS}{{2,14}})"),
        # 7番（山本健一君） without a mark
        "seat": re.compile(rf"^{_SP}*{seat}{_SP}*{paren}{_SP}*[:：]?{_SP}*"),
        # 7番）本文, 7番：本文: a seat closed by a bracket or a colon, as no call of a member is printed
        "seat_closed": re.compile(rf"^{_SP}*(?P<seat>[0-9０-９]{{1,3}}){_SP}?番(?:[)）]|[:：]){_SP}*(?=\S)"),
        # 7 番 本文: a seat letter-spaced as a label cell is (a call in a speech prints 7番 solid)
        "spaced_seat": re.compile(rf"^{_SP}*(?P<seat>[0-9０-９]{{1,3}}){_SP}+番(?:{_SP}+|[:：]{_SP}*|$)"),
        # 委員Ａ 本文, Ａ委員：本文, Ａ 委員 本文: an anonymised member
        "anon": re.compile(rf"^{_SP}*(?P<mark>[{MARKS}])?{_SP}*(?:(?P<role1>{role})(?P<letter1>[{_LETTER}])(?![{_LETTER}A-Za-z0-9])"
                           rf"|(?P<letter2>[{_LETTER}]){_SP}{{0,4}}(?P<role2>{role})(?![{_LETTER}A-Za-z]))(?:{sep}|(?=[^\s]))"),
        # 会長 本文, 会 長, 会長：本文, 委員) 本文, 議長（山田太郎君） 本文, 総務課長 本文
        "plain": re.compile(rf"^{_SP}*(?P<role>{role}|{any_title})(?:{paren}{_SP}*(?:{sep})?|{sep})"),
        # 今井委員　本文: where the document prints surname + role, a surname before any listed role
        "surname_role": re.compile(rf"^{_SP}*(?P<head>{WORD_CLASS}{{1,4}}(?:{role})|{WORD_CLASS}{{3,12}}){sep}")
        if roles.surname_first else re.compile("(?!)"),
        # 特別顧問（北村正志君） 本文: a head outside the list with a name in brackets
        "named": re.compile(rf"^{_SP}*(?P<role>{WORD_CLASS}{{2,12}}){paren}{_SP}*[:：]?{_SP}*"),
        # 林花子君：本文: a member by name, with an honorific, then a colon or a space
        # (a name may hold kana, こやり隆史君, 鈴木さつき君, but holds a kanji and opens with no particle)
        "person": re.compile(rf"^{_SP}*(?P<person>{_PERSON})(?:君|氏)(?:{_SP}*[:：]{_SP}*|[)）]{_SP}*|{_SP}+(?=\S)|{_SP}*$)"),
        # 委員林 本文: a role and a one-character name
        "role_initial": re.compile(rf"^{_SP}*(?P<role>{role})(?P<initial>[{KANJI}]){_SP}*(?:{_SP}|[:：]|$)"),
        # 会長皆さん、: a role this document prints with no separator, then the speech
        # (a speech may open with a reply: 顧問はい。…, never the particle は of 顧問は、)
        "bare": re.compile(rf"^{_SP}*(?P<role>{bare})(?=[^\s\u3000{re.escape(''.join(_NOT_AFTER_BARE))}]|はい[。、，！])"),
    }


def _clean_name(name: str | None) -> str | None:
    if not name:
        return None
    name = re.sub(r"[ \u3000]", "", name)
    name = _NAME_SUFFIX.sub("", name)
    return name or None


def _surname_like(s: str, r: Roles) -> bool:
    """A printed surname before a role: one to four kanji or kana, no organisation, no title word."""
    # (a full name may end in 人 as roles do: 原田雅人; a surname alone of one or two never does)
    return (1 <= len(s) <= 4 and not _opens_with_role(s, r) and re.fullmatch(rf"{WORD_CLASS}+|[\u3040-\u309f{KANJI}]+", s) is not None
            and s[-1] not in _ORG_END + _TITLE_OPENER and s not in _NOT_SURNAME and s not in r.words
            and not (ROLE_END.search(s) and not (len(s) >= 3 and s[-1] == "人" and not ROLE_END.search(s[:-1]))
                     and not (re.fullmatch(rf"[{KANJI}]{{2}}", s) and not _two_character_title(s, r)))
            and not (len(s) == 1 and s in _NOT_A_NAME) and not any(s.endswith(x) for x in r.suffixes)
            and not _COVER_WORD.search(s) and s not in r.organisations
            and not (len(s) > 2 and s[:2] in _NOT_SURNAME))  # (都市計画 + 課長 names an office, no person)


# two-character titles outside the list that end as roles do: what a two-kanji head ending so is, unless a
# surname (伊佐, 松長, 土師 before 副大臣, 委員長: a surname ends in 佐, 長, 師 as often as a title does)
_TWO_CHARACTER_TITLES = frozenset("補佐 参与 顧問 主査 主任 主事 参事 監事 技師 講師 医師 職員 社員 会員 係員 次官 大臣 "
                                  "監査 代表 代理 代行 主幹 助役 役員 記者 部長 課長 所長 局長 館長 園長 校長 係長 室長 "
                                  "班長 次長 社長 団長 総長 院長 署長 技監 総監 首長 本人 個人 法人".split())


def _two_character_title(s: str, r: Roles) -> bool:
    return s in _TWO_CHARACTER_TITLES or s in r.words or s in r.found or s in r.standalone or s.endswith(r.suffixes)


def _name_like(s: str, r: Roles) -> bool:
    """A printed surname, or a full name of up to seven (宮本浩一郎, 長谷川美智子, 勅使河原真由美) before a
    role: a surname opens it, and no word of an office or a title is in it (関口特別顧問東 is two cells)."""
    if len(s) <= 4:
        return _surname_like(s, r)
    return len(s) <= 7 and re.fullmatch(rf"[{KANJI}\u3005\u3040-\u309f]+", s) is not None \
        and _surname_like(s[:2], r) and not any(c in _ORG_END + "課局室所" for c in s) \
        and "部" not in s[3:] and not any(role_like(s[:k], r) for k in range(3, len(s) + 1)) \
        and not _COVER_WORD.search(s) and not any(len(w) >= 2 and w in s for w in r.words)


def _opens_with_role(s: str, r: Roles) -> bool:
    """(i9lab) A role the list or the document knows opens `s` (参与柳沢 in ◎参与柳沢議員から…): no surname."""
    return any(s[:n] in r.words or s[:n] in r.found for n in range(2, len(s)))


# (i9lab) a seat, a separator and what follows it; and a chair's call of a member (山本健一議員。)
_SEAT_BEFORE_SPEECH = re.compile(rf"^{_SP}*[{MARKS}]?{_SP}*(?P<seat>[0-9０-９]{{1,3}})番(?:{_SP}+|[:：]{_SP}*)(?P<rest>\S.*)$")
_MARKED_SEAT_RUN_ON = re.compile(rf"^{_SP}*[{MARKS}]{_SP}*(?P<seat>[0-9０-９]{{1,3}}){_SP}?番(?=[\u3041-\u3096\u30a1-\u30fa{KANJI}0-9０-９])")
_SEAT_FOUND = re.compile(r"[0-9]{1,3}番")
# (i9lab) a seat at a line start run into what follows with no separator (7番おはよう…, 12番12番、…), not a
# call (7番 山本健一議員。) nor a seat read out in speech (7番、市民クラブの…)
_SEAT_RUN_ON = re.compile(r"(?P<seat>[0-9０-９]{1,3})番(?=[^\s\u3000、。，,）)]|$)")
_CALL = re.compile(r"^[^\s\u3000。、]{1,10}(?:議員|委員|君|さん)。?$"
                   # (or names the member within the chair's sentence: ４番 今野由香議員及び９番 野田春子議員を指名
                   # いたします。, a wrap leaving the seat at a line start)
                   r"|^[^\s\u3000。、]{1,10}?(?:議員|委員|君|さん)(?:及び|並びに|と|、|，|の|を|に|から|が|は)")


# words of a stage direction, never of a role (＜挙手全員＞, ＜説明員退室＞, 〔起立多数〕)
_DIRECTION = re.compile(r"挙手|起立|拍手|退席|退室|入室|着席|休憩|異議|賛成|反対|多数|少数|全員|なし|あり|入場|退場"
                        r"|質問|質疑|答弁|討論|報告|審議|審査|説明|採決|協議|議事|議題|諮問|開会|閉会")


def is_direction(head: str) -> bool:
    """A stage direction or agenda word (挙手全員, 説明員退室, 議事), not a title that merely holds
    one: a title goes on past its last such word to a role ending (審議官, 説明員, 答弁者, 議事課長)."""
    last = None
    for last in _DIRECTION.finditer(head):
        pass
    if last is None:
        return False
    tail = head[last.end():]
    return not (tail and ROLE_END.search(tail))


def role_like(head: str, r: Roles) -> bool:
    """A role in the list, a title by its suffix, one this document shows, or one ending as roles do."""
    if head in r.words or head in r.found:
        return True
    return not is_direction(head) and (head.endswith(tuple(r.suffixes)) or bool(ROLE_END.search(head)))


def split_head(head: str, r: Roles) -> tuple[str, str | None, str]:
    """(role, name, form) of a printed head with no name in brackets, the same for every label form:
    会長 -> (会長, None), ○東会長 / ○宮腰大臣 -> (会長, 東) / (大臣, 宮腰), 委員Ａ / Ａ委員 -> (委員, Ａ).
    A head that ends in a listed role after a surname is split; one that ends only in a title suffix
    (総務課長, 消費者教育推進課長) is split only where the document prints surname + role."""
    if head in r.words:
        return head, None, "role"
    # (i9doc) 原田雅人会長 where the document lists 会長 原田 雅人: a name it lists, then a role it lists
    # (a list's name cut by a wrap, 原田 浩 / 二, must not cut 原田浩二特別顧問 at 浩). Read before the
    # bodies' names: 上田恵理子教育委員会事務局次長 itself prints 上田恵理子教育 before 委員会
    listed_roles = _roles_of(r.people)
    person = next((p for p, _ in r.people if head.startswith(p) and head[len(p):] in listed_roles), None)
    if person is not None:
        return head[len(person):], person, "surname_role"
    # (a title that a longer one the document prints or lists ends with is no title here: ども家庭課長補佐,
    # a cover's wrap of 子ども家庭課長補佐, in 野口子ども家庭課長補佐; and a head printed whole, 都市整備部長,
    # is cut only before a title a list prints people with, not before 市整備部長 a wrap left)
    # (nor is a name of one character cut where a title the document prints alone follows a name of
    # two: 桑原構成員 is 桑原 + 構成員, though 原構成員 is printed, calling a member 原)
    # (a title a list prints people with goes first: 国務大臣 rather than 本国務大臣, a wrap's remnant, in
    # 森本国務大臣; nor is a listed role with one character before it a title: 口国務大臣 in 関口国務大臣)
    cuts = [n for n in range(1, 5) if head[n:] in r.standalone and len(head) - n >= 4
            and (head not in r.standalone or head[n:] in listed_roles)
            and _known_role(head[n:], r) and _surname_like(head[:n], r)
            and not any(head[k:] in r.standalone or head[k:] in listed_roles or head[k:] in r.words
                        for k in range(1, n))]  # (nor inside a listed title: 岸田 + 内閣総理大臣, never 総理大臣)
    n = next((n for n in cuts if head[n:] in listed_roles), None) or \
        next((n for n in cuts if not any(head[k:] in listed_roles for k in range(n + 1, len(head) - 1))
              and head[n + 1:] not in r.words and not (n == 1 and head[2:] in r.standalone and not _word_at(head, 1, r))),
             None)
    alone = head[n:] if n else None
    if alone is not None:
        # a surname before a title the document prints on its own (岩崎教育委員会事務局次長 where the cover
        # lists 教育委員会事務局次長): the label's own 岩崎教育委員会 names no body the title opens with
        # (a head the document prints whole, 都市整備部長, is a title, whatever 市整備部長 a wrap left)
        return alone, head[:len(head) - len(alone)], "surname_role"
    if r.organisations and any(head[:n] in r.organisations and role_like(head[n:], r)
                               for n in range(2, len(head) - 1)):
        # (i9lab) 農林水産委員長 where the document prints 農林水産委員会: the body's name opens the
        # title (its chair, its minister), no surname does
        return head, None, "title"
    for n in range(1, min(5, len(head) - 3)):
        # (i9lab) 安達義春農林水産委員長: a name, then a title the body's name opens (the name ends
        # where the body's name begins)
        tail = head[n:]
        if any(tail[:k] in r.organisations and role_like(tail[k:], r) for k in range(2, len(tail) - 1)):
            if _LISTED_NAME.fullmatch(head[:n]) and _surname_like(head[:n], r):
                return tail, head[:n], "surname_role"
            break
    # failing the name, a role the list prints before a name ends the head (原田浩二特別顧問, the list's
    # 特別顧問 原田 浩 / 二 cut by a wrap), after two to five characters of a name
    # (the longest such role only: 梶副議長 is 梶 + 副議長, a name of one, never 梶副 + 議長; nor where a longer
    # role word ends it after a surname: 東 + 副議長, not 東副 + 議長)
    role = next((x for x in listed_roles if head.endswith(x)), None)
    if role is not None and not (2 <= len(head) - len(role) <= 5 and _LISTED_NAME.fullmatch(head[: -len(role)])
                                 and _surname_like(head[: -len(role)][:4], r) and not role_like(head[: -len(role)], r)
                                 and not any(len(w) > len(role) and head.endswith(w)
                                             and _surname_like(head[: -len(w)], r) for w in r.words)):
        role = None
    if role is not None and not is_direction(head):
        return role, head[: -len(role)], "surname_role"
    m = re.fullmatch(rf"(?P<a>[{_LETTER}])(?P<role>.+)|(?P<role2>.+?)(?P<b>[{_LETTER}])", head)
    if m:
        role = m.group("role") or m.group("role2")
        if role in r.words or role in r.found:
            return role, m.group("a") or m.group("b"), "anon"
    # a title that names a person after a surname (大臣, 会長, 主幹), never one that heads an office
    # after its name (課長, 部長: 総務課長)
    person = {x for x in r.suffixes if x[0] not in _OFFICE_TITLE_HEAD}
    known = sorted(set(r.words) | set(r.found) | person, key=len, reverse=True)
    # (a full name before a title that names a person, where the document prints surname + role:
    # 勅使河原真由美座長代理)
    splits = [w for w in known if head.endswith(w) and len(head) > len(w) and (
        _surname_like(head[: -len(w)], r)
        or r.surname_first and w[0] not in _OFFICE_TITLE_HEAD and _name_like(head[: -len(w)], r))]
    if splits:
        # 長谷部会長: 会長 after 長谷部 rather than 部会長 after 長谷 where the document prints 会長 on its own
        w = next((w for w in splits if w in r.standalone and len(head) - len(w) <= 3), splits[0])
        return w, head[: -len(w)], "surname_role"
    if r.surname_first and len(head) >= 3 and not (len(head) == 3 and head.endswith(("官", "役"))) \
            and not re.fullmatch(r"[\u30a1-\u30faー]+", head):
        # (a head of three in 官 or 役 is a title of three, 統括官, 進行役, never 統 + 括官: see below; a head all in
        # katakana is a title, アドバイザー, never アド + バイザー: a surname is no katakana)
        for n in range(1, 8):  # 長谷部教育総務課長: the title the document prints on its own decides
            # (after a full name too: 宮本浩一郎政策統括官 where 政策統括官の宮本 is printed)
            if head[n:] in r.standalone and len(head) > n and _name_like(head[:n], r) \
                    and not (n == 1 and head[2:] in r.standalone):  # (桑原 + 構成員, though 原構成員 is printed)
                return head[n:], head[:n], "surname_role"
        n = 2 if len(head) >= 4 else 1
        if n == 2 and (head[1:3] in _NOT_SURNAME or len(head) >= 5 and _word_at(head, 1, r)
                       and head[2:4] not in _NOT_SURNAME):
            # 梶特別顧問, 梶情報政策課長, 東税務課長: a name of one before a title that opens with a word (特別, 政策),
            # or with two characters the document prints together elsewhere where it never prints the
            # first with the name's (情報 in 個人情報, never 梶情) -- unless a word that opens an office's
            # name follows the name of two (古市地域振興課主査: 市地 is printed only in a cover's 楓市地域振興課主査,
            # a city's name before the title, as a surname in 市 ends before it)
            n = 1
        kana = re.match(rf"[{KANJI}\u3005]{{1,4}}(?=[\u30a1-\u30faー]{{2,}}$)", head)
        if kana is not None:
            n = kana.end()  # 梶アドバイザー: a kanji surname never ends in katakana (not 梶ア + ドバイザー), of
            # up to four (勅使河原 + アドバイザー)
        elif head.endswith(("官", "役")) and (len(head) - 3 in (1, 3) or len(head) - 3 >= 4 and _name_like(head[:-3], r)
                                       and head[2:4] not in _NOT_SURNAME) \
                and head[-3:] not in r.words and _name_like(head[:-3], r):
            # a title in 官 outside the list is a word of three (企画官, 統括官, 専門官): the two-character
            # ones are listed (長官) or rare, so 東統括官 is 東 + 統括官, not 東統 + 括官 (and after a
            # full name: 宮本浩一郎調整官, but 浜口 + 政策統括官); so is one in 役 (梶 + 進行役, 相談役)
            n = len(head) - 3
        elif head[-2:] in _TWO_CHARACTER_TITLES and len(head) - 2 in (3, 4) and _name_like(head[:-2], r) \
                and not any(head[k:-2] in _NOT_SURNAME for k in range(1, len(head) - 2)) \
                and not _word_at(head, len(head) - 4, r):
            # a title of two the genre knows (顧問, 参与, 主査) after a surname of three or four (五十嵐 +
            # 顧問, 勅使河原 + 参与), not after a name and a word of the title (梶特別顧問, 東企画参与)
            n = len(head) - 2
        elif n < 3 and head[n] in _OFFICE_HEAD and len(head) - n > 2 and _surname_like(head[:n + 1], r) \
                and role_like(head[n + 1:], r):
            n += 1  # 長谷部教育総務課長: a title outside the list does not open with 部 or 課
        elif n == 2 and head[2:4] not in _NOT_SURNAME and head[2] not in _NOT_SURNAME:
            # 勅使河原特別顧問, 長谷川総務部長: a title of a word titles open with (特別, 総務) and a title the
            # list or the genre knows (顧問, 部長), after a surname of three or four; or the end of a title
            # the document lists (与謝野地域振興課主査 where the cover lists 楓市地域振興課主査; never
            # where the listed title goes on before it: 上下水道局長 holds 下水道局長)
            printed = _roles_of(r.people) + r.standalone
            n = next((k for k in (3, 4) if head[k:k + 2] in _NOT_SURNAME
                      and (head[k + 2:] in r.words or head[k + 2:] in _TWO_CHARACTER_TITLES
                           or any(w.endswith(head[k:]) and not w.endswith(head[k - 1:]) for w in printed))
                      and _surname_like(head[:k], r)), n)
        if kana is None:
            # a word that opens compound titles (特別, 都市, 技術) after a name of any length: the title
            # begins there (与謝野 + 特別顧問, 勅使河原 + 特別顧問, 林 + 技術顧問), never a character later
            opener = next((k for k in range(1, min(len(head) - 2, 8)) if head[k:k + 2] in _TITLE_WORD
                           and _name_like(head[:k], r) and role_like(head[k:], r)), None)
            n = opener or n
        if _name_like(head[:n], r) and role_like(head[n:], r):
            return head[n:], head[:n], "surname_role"
    return head, None, "found" if head in r.found else "title"


def _found_surname_role(head: str, r: Roles) -> bool:
    """`head` is a surname + a role that this document prints after other surnames as labels again and
    again (長田進行役 where 町田進行役 recurs): a label head as whole as those, so a speech run on after it may
    open with a word that begins as a particle does (◎長田進行役もう一点だけ。, ◎伊佐進行役はい。)."""
    role, name, _ = split_head(head, r)
    return name is not None and len(role) >= 2 and any(
        f != head and f.endswith(role) and split_head(f, r)[:2] == (role, f[:-len(role)]) for f in r.found)


def _word_at(head: str, n: int, r: Roles) -> bool:
    """The two characters at head[n:n + 2] are a word the document prints elsewhere, where the character
    before them never goes with the first: a title opens there, not a name's last character (梶情報政策課長,
    東税務課長: 情報 and 税務 are printed in the speeches, 梶情 and 東税 never)."""
    return head[n:n + 2] in r.pairs and head[n - 1:n + 1] not in r.pairs


def _evidence(role: str, r: Roles, marked: bool) -> str:
    if role in r.words:
        return "role list"
    if role in r.found:
        return "recurs at turn starts in this document"
    suffix = next((x for x in r.suffixes if role.endswith(x)), None)
    if suffix:
        return f"role list suffix *{suffix}"
    return "printed with a mark" if marked else "role-like ending"


def _made(text: str, role: str, name, seat, end: int, marked: bool, form: str, r: Roles) -> LabelMatch:
    return LabelMatch(role, name, seat, end, marked, form, text[:end].strip(), _evidence(role, r, marked))


# a head printed letter-spaced (◎委 員 長:, ◯議 長（山田太郎君）, ＜会 長＞, ◎上 田 恵 理 子 教 育 委 員 会 事 務 局 次 長): single characters, one space apart
_SPACED_HEAD = re.compile(rf"^(?P<lead>{_SP}*[{re.escape(_OPEN)}]?{_SP}*[{MARKS}]?{_SP}*)"
                          # (a title may hold a word written in kanji and kana, 子 ど も 家 庭 課 長 補 佐, and a
                          # name a given name in kana, 米 山 み ど り 企 画 官, but no particle after a kanji)
                          rf"(?P<head>(?:{WORD_CLASS}[ \u3000]|(?<=[{KANJI}][ \u3000])(?![はがをにでともへのや])"
                          rf"(?:[\u3041-\u3096][ \u3000]){{1,4}}(?=[{KANJI}\u30a1-\u30fa])){{1,17}}{WORD_CLASS}{{1,2}}(?![^\s\u3000:：（(）)>＞】〕])"
                          # a full name printed solid before its role spaced letter by letter (原田雅人座 長,
                          # 森千秋フ ァ シ リ テ ー タ ー): the role's letters end where the label's separator begins
                          rf"|{WORD_CLASS}{{3,8}}(?:[ \u3000]{WORD_CLASS}){{1,14}}(?=[\u3000\t:：（(]| |$)"
                          rf"|(?:{WORD_CLASS}{{1,4}} ){{1,6}}{WORD_CLASS}{{1,4}}(?=[\u3000\t:：（(]| \S| |$))")


_MEMBER_LETTER = re.compile(rf"[{_LETTER}A-Z](?![{_LETTER}A-Za-z])")

# a member's full name before 君 or 氏: it may hold kana (こやり隆史, 鈴木さつき, 三原じゅん子), but holds a
# kanji and opens with no particle
_PERSON = (rf"(?![はがをにでともへのや])(?=[^\s\u3000]{{0,6}}[{KANJI}])"
           rf"[{KANJI}\u3005\u3041-\u3096\u30a1-\u30faー]{{2,7}}"
           # (a given name in katakana may make it longer: 与謝野アレックス)
           rf"(?:(?<=[\u30a1-\u30faー])[\u30a1-\u30faー・]{{1,4}})?")
# the shortest such name before what follows it (the honorific that ends it)
_PERSON_SHORTEST = (rf"(?![はがをにでともへのや])(?=[^\s\u3000]{{0,6}}[{KANJI}])"
                    rf"[{KANJI}\u3005\u3041-\u3096\u30a1-\u30faー]{{2,7}}?"
                    rf"(?:(?<=[\u30a1-\u30faー])[\u30a1-\u30faー・]{{1,4}})??")
_MARKED_PERSON_RUN_ON = re.compile(rf"^{_SP}*[{MARKS}]{_SP}*(?P<person>{_PERSON_SHORTEST})(?:君|氏)(?=[^\s\u3000（(）):：])")
# the same name spaced out letter by letter, the honorific solid after it (◆関 口 ゆ か り君：…)
_SPACED_PERSON = re.compile(rf"^{_SP}*[{MARKS}]?{_SP}*(?P<head>(?:[{KANJI}\u3005\u3041-\u3096\u30a1-\u30faー]"
                            rf"[ \u3000]){{1,9}}[{KANJI}\u3005\u3041-\u3096\u30a1-\u30faー])(?:君|氏)"
                            rf"(?:[:：)）][ \u3000]*|[ \u3000]+|$|(?=[^\s\u3000（(）)]))")

# a letter-spaced head that runs into the speech with no separator (◇議 長おはようございます), a
# given name in kana spaced out inside it as _SPACED_HEAD reads one (◯佐 伯 さ く ら 部 会 長皆さん、…)
_SPACED_RUN_ON = re.compile(rf"^(?P<lead>{_SP}*[{re.escape(_OPEN)}]?{_SP}*[{MARKS}]?{_SP}*)"
                            rf"(?P<head>(?:{WORD_CLASS}[ \u3000]|(?<=[{KANJI}][ \u3000])(?![はがをにでともへのや])"
                            rf"(?:[\u3041-\u3096][ \u3000]){{1,4}}(?=[{KANJI}\u30a1-\u30fa])){{1,17}}{WORD_CLASS})(?=[^\s\u3000])")


def solid_head(text: str) -> tuple[str, int] | None:
    """(text with its letter-spaced head printed solid, characters removed) or None: 東座 長　… ->
    東座長　…, ◎委 員 長:… -> ◎委員長:…"""
    m = _SPACED_HEAD.match(text) if text else None
    if m is None:
        return None
    solid = m.group("lead") + _despace(m.group("head"))
    return solid + text[m.end():], m.end() - len(solid)


def match_label(text: str, roles=None) -> LabelMatch | None:
    """The speaker label at the start of `text`, or None. A letter-spaced head is read as if printed
    solid (the match's `end` still points into `text`)."""
    spaced = _SPACED_PERSON.match(text) if text else None
    person = _despace(spaced.group("head")) if spaced else ""
    if spaced and re.fullmatch(_PERSON, person) and not any(person.startswith(w) for w in as_roles(roles).words):
        # ◆関 口 ゆ か り君：…, ◆長 谷 川 さ く ら君 …: a member by name spaced out as label cells are,
        # the name holding kana or a character that ends roles (長, 員): the honorific ends it
        marked = spaced.group(0).lstrip(" \u3000\t")[:1] in MARKS
        return _made(text, person, person, None, spaced.end(), marked, "name_only", as_roles(roles))
    m = _SPACED_HEAD.match(text) if text else None
    run_on = _SPACED_RUN_ON.match(text) if m is not None else None
    if run_on is not None and run_on.group("lead").strip() and text[run_on.end():run_on.end() + 1] in ("君", "氏"):
        # (i9lab) ◆佐 久 間 航氏国民連帯の…: a member by name spaced out, the honorific closing the head
        # solid before the speech runs on (read so before any shorter head inside the name)
        person = _despace(run_on.group("head"))
        if re.fullmatch(rf"[{KANJI}\u3005]{{2,6}}", person) and not any(person.startswith(w) for w in as_roles(roles).words):
            end = re.compile(r"[:：)）]?[ \u3000]*").match(text, run_on.end() + 1).end()  # and its separator
            return _made(text, person, person, None, end, True, "name_only", as_roles(roles))
    longer = is_label_only(run_on.group("lead") + _despace(run_on.group("head")), roles) \
        if run_on is not None and run_on.end() > m.end("head") else None
    if longer is not None and (longer.name is None or (longer.name, longer.speaker) in as_roles(roles).people
                               or longer.form == "surname_role" and as_roles(roles).surname_first) \
            and (longer.speaker in as_roles(roles).found or _known_role(longer.speaker, as_roles(roles))):
        # (i9doc: or a person the document lists, before the role it lists them with: ○長 谷 部 美 穂 教 育 長ただ…;
        # or a surname before a role where the document prints its labels so: ◎佐 伯 部 会 長皆さん、…)
        # 〇委 員 長これより…, ◎事 務 局本件は…: the spaced head runs on to a listed role, past the space
        # after its second character; the spacing shows where the head ends
        letter = _MEMBER_LETTER.match(text, run_on.end()) if longer.name is None else None
        if letter:  # 参 加 者Ｂ　…: an anonymised member, the letter printed solid after the spaced role
            longer = LabelMatch(longer.speaker, letter.group(0), None, 0, longer.marked, "anon", "", longer.evidence)
        end = letter.end() if letter else run_on.end()
        longer.end, longer.printed = end, text[:end].strip()
        return longer
    plain = match_plain_label(text, roles) if m is not None and not m.group("lead").strip() else None
    # (a plain reading that ends inside a head spaced letter by letter, 大 槻 大 臣 | 政 務 官：, is read
    # solid instead; words spaced apart, 書記 議事課 野口主事, are no such head)
    # (or a surname printed solid before a role spaced letter by letter, 村上部 会 長 代 理: the plain
    # reading stops at the first role inside it, 部会長)
    letter_spaced = m is not None and (re.fullmatch(r"(?:\S[ \u3000])+\S{1,2}", m.group("head")) is not None
                                       or re.fullmatch(r"[^\s\u3000]{2,4}(?:[ \u3000]\S){2,}", m.group("head")) is not None)
    if m is not None and (m.group("lead").strip() or plain is None
                          or (letter_spaced and plain.end < m.end("head"))):
        solid = m.group("lead") + _despace(m.group("head"))
        hit = match_plain_label(solid + text[m.end():], roles)
        if hit is not None:
            shift = m.end() - len(solid)
            hit.end = hit.end + shift if hit.end >= len(solid) else hit.end
            hit.printed = text[:hit.end].strip()
            return hit
    hit = match_plain_label(text, roles)
    if hit is None:
        # the spacing shows where the head ends, so the head alone must be a whole label
        run_on = _SPACED_RUN_ON.match(text)
        honorific = run_on is not None and text[run_on.end():run_on.end() + 1] in ("君", "氏")
        if honorific:  # ◆杉 本 雅 人君データセンターは…: a member by name, the honorific printed solid
            person = _despace(run_on.group("head"))
            if run_on.group("lead").strip() and re.fullmatch(rf"[{KANJI}\u3005]{{2,6}}", person):
                return _made(text, person, person, None, run_on.end() + 1, True, "name_only", as_roles(roles))
        alone = is_label_only(run_on.group("lead") + _despace(run_on.group("head")), roles) if run_on else None
        if alone is not None:
            letter = _MEMBER_LETTER.match(text, run_on.end()) if alone.name is None else None
            if letter:  # ◆議 員B12番、…: an anonymised member
                alone = LabelMatch(alone.speaker, letter.group(0), None, 0, alone.marked, "anon", "", alone.evidence)
            end = letter.end() if letter else run_on.end()
            alone.end, alone.printed = end, text[:end].strip()
            return alone
    return hit


def match_plain_label(text: str, roles=None) -> LabelMatch | None:
    """The speaker label at the start of `text`, or None.

    A match's `end` is where the body starts (after the separator); `text[end:]` is empty for a
    label standing alone on its line.
    """
    if not text:
        return None
    r = as_roles(roles)
    pats = _patterns(r)
    listed = _listed_person(text, r) if r.people else None
    if listed is not None:
        return listed
    m = pats["bracket"].match(text)
    if m:
        if m.group("seat"):
            seat = _ascii_digits(m.group("seat"))
            return _made(text, f"{seat}番", _clean_name(m.group("name")), seat, m.end(), True, "seat", r)
        name = _clean_name(m.group("name"))
        role, form = _despace(m.group("role")), "bracket"
        honorific = _NAME_SUFFIX.search(role) if name is None else None
        if honorific and honorific.start() > 0:  # ＜林花子君＞: a member by name
            person = role[:honorific.start()]
            return _made(text, person, person, None, m.end(), True, "name_only", r)
        if name is None:
            role, name, split = split_head(role, r)
            form = split if name is not None else form
        if name is not None or role_like(role, r):  # not a heading in brackets (＜諮問審議＞)
            return _made(text, role, name, None, m.end(), True, form, r)
    m = pats["marked"].match(text)
    if m:
        name = _clean_name(m.group("name"))
        if m.group("seat"):
            seat = _ascii_digits(m.group("seat"))
            return _made(text, f"{seat}番", name, seat, m.end(), True, "seat", r)
        role = _despace(m.group("role"))
        form = "marked"
        honorific = _NAME_SUFFIX.search(role) if name is None else None
        if honorific and honorific.start() > 0:  # ○山田太郎君, ○林花子氏: a member by name
            person = role[:honorific.start()]
            return _made(text, person, person, None, m.end(), True, "name_only", r)
        if name is None and role not in r.words:
            head = role
            role, name, form = split_head(head, r)
            if name is None and not role_like(role, r) and not (len(role) <= 12 and head in r.found):
                m = None
            elif name and name.endswith("君"):
                name = _clean_name(name)
        if m is not None:
            return _made(text, role, name, None, m.end(), True, form, r)
    m = _MARKED_SEAT_RUN_ON.match(text)
    if m:  # (i9lab) ○7番おはようございます。: a marked seat, the speech run on after it
        seat = _ascii_digits(m.group("seat"))
        return _made(text, f"{seat}番", None, seat, m.end(), True, "seat", r)
    m = _MARKED_PERSON_RUN_ON.match(text)
    if m and not any(m.group("person").startswith(w) for w in r.words):
        # ◆沢井浩二君部活動について…: a member by name, the speech run on after the honorific
        return _made(text, m.group("person"), m.group("person"), None, m.end(), True, "name_only", r)
    m = pats["marked_bare"].match(text)
    if m:
        head = m.group("head")
        # (a head never runs into a particle or a sentence end: ◆大槻議長市長。: 市長 is said)
        cuts = [n for n in range(len(head), 1, -1) if text[m.start("head") + n:][:1] not in _NOT_AFTER_BARE
                or (head[:n] in r.found or head[:n] in r.words or _found_surname_role(head[:n], r))
                and text[m.start("head") + n:][:1] not in _PARTICLE_AFTER
                and not (n < len(head) and _known_role(head[:n + 1], r))  # (委員長 goes on past 委員; 委員はい。 ends)
                or head[:n] in _listed_heads(r.people) and text[m.start("head") + n:][:1] not in "、。のがを"]
        # (i9lab) a title this document prints as its labels runs into speech that opens with kana or a
        # name as any does (◎ファシリテーターもう一点、…, ◎構成員長谷川でございます。): only a particle proper
        # (構成員の皆様) or a longer title (委員長) goes on with the head
        heads = [(n, split_head(head[:n], r)) for n in cuts]
        # the longest head that ends in a role the list or the document knows: 委員長 rather than 委員
        # in ○委員長それでは; else the longest title by a listed suffix standing alone (○総務部長時間外…),
        # never past a listed role (◎大臣政務官文部科学大臣政務官の…) nor after a surname (◯宮腰参与文部科学大臣…)
        # (i9lab) a person the document lists with that role first (進行役 杉浦隆之: ◎杉浦隆之進行役柳沢…)
        known = [(n, h) for n, h in heads if h[1] and (h[1], h[0]) in r.people] or \
                [(n, h) for n, h in heads if h[0] in r.words or h[0] in r.found] or \
                [(n, h) for n, h in heads if h[1] is None and _known_role(h[0], r)]
        # else the shortest that ends as a title does after a surname, one of two characters first
        # (most are): 顧問 in ◆北村顧問委託事業者は…, not 顧問委託事; 監理官 in ◆小西監理官山本…, not
        # 小 + 西監 (an unknown title runs on into the speech as easily)
        titled = [(n, h) for n, h in reversed(heads) if h[1] and role_like(h[0], r)]
        titled = [(n, h) for n, h in titled if len(h[1]) == 2] + [(n, h) for n, h in titled if len(h[1]) != 2]
        # (i9lab) else a title ending as roles do, its word ending where the speech's kana begin
        # (◎審議官ただいま議題となりました…): a title printed once, for a guest who speaks once
        whole = len(head)
        alone = [(n, h) for n, h in heads if n == whole and h[1] is None and 2 <= n <= 8
                 and "\u3041" <= text[m.start("head") + n:][:1] <= "\u3096" and ROLE_END.search(h[0])
                 and not is_direction(h[0])]
        if known or titled or alone:
            n, (role, name, form) = (known or titled or alone)[0]
            end = m.start("head") + n
            letter = _MEMBER_LETTER.match(text, end) if name is None else None
            if letter:  # ◆議員B12番、…: an anonymised member, the speech run on after the letter
                return _made(text, role, letter.group(0), None, letter.end(), True, "anon", r)
            return _made(text, role, name, None, end, True, form, r)
    m = pats["seat"].match(text)
    if m:
        seat = _ascii_digits(m.group("seat"))
        return _made(text, f"{seat}番", _clean_name(m.group("name")), seat, m.end(), False, "seat", r)
    m = pats["seat_closed"].match(text)
    if m:
        seat = _ascii_digits(m.group("seat"))
        return _made(text, f"{seat}番", None, seat, m.end(), False, "seat", r)
    m = _SEAT_BEFORE_SPEECH.match(text) if r.found else None
    if m and f"{_ascii_digits(m.group('seat'))}番" in r.found and not _CALL.match(m.group("rest")):
        seat = _ascii_digits(m.group("seat"))  # (i9lab) 7番　おはよう…: a seat this document prints alone
        return _made(text, f"{seat}番", None, seat, m.start("rest"), False, "seat", r)
    m = pats["spaced_seat"].match(text)
    if m and (not text[m.end():].strip() or _prose(text[m.end():][:40])):  # speech, not a list of members
        seat = _ascii_digits(m.group("seat"))
        return _made(text, f"{seat}番", None, seat, m.end(), False, "seat", r)
    m = pats["anon"].match(text)
    if m:
        role = _despace(m.group("role1") or m.group("role2"))
        return _made(text, role, m.group("letter1") or m.group("letter2"), None, m.end(), bool(m.group("mark")),
                     "anon", r)
    m = pats["plain"].match(text)
    if m and _ATTENDANCE_KEY.match(_despace(m.group("role"))):
        m = None  # 出席国務大臣　内閣総理大臣 杉浦 隆之、…: a cover's key over the people present, no speaker
    if m:
        name = _clean_name(m.group("name"))
        role, form = _despace(m.group("role")), "plain"
        if name is None and role not in r.words:
            role, name, form = split_head(role, r)
        # a closing paren right after the role belongs to the label (委員) 本文), but an opening
        # paren with no closing one is the body's
        return _made(text, role, name, None, m.end(), False, form, r)
    m = pats["named"].match(text)
    if m and (role_like(m.group("role"), r) or _NAME_SUFFIX.search(m.group("name") or "")) \
            and not is_direction(m.group("role")):
        return _made(text, m.group("role"), _clean_name(m.group("name")), None, m.end(), False, "named", r)
    for name, role in r.people:  # (i9doc) 原田智子委員 where a list prints 委員 原田 智子: that person, that role
        if text.startswith(name + role):
            sep = re.compile(r"(?:[ \u3000\t]+|[:：][ \u3000]*|$)").match(text, len(name) + len(role))
            if sep is not None:
                return _made(text, role, name, None, sep.end(), False, "surname_role", r)
    listed = _listed_surname(text, r) if r.people else None
    if listed is not None:
        return listed
    m = pats["surname_role"].match(text)
    if m:
        role, name, form = split_head(_despace(m.group("head")), r)
        if name is not None and role_like(role, r):
            return _made(text, role, name, None, m.end(), False, form, r)
    m = pats["person"].match(text)
    if m:
        return _made(text, m.group("person"), m.group("person"), None, m.end(), False, "name_only", r)
    m = pats["role_initial"].match(text)
    if m and m.group("initial") not in _NOT_A_NAME:
        return _made(text, _despace(m.group("role")), m.group("initial"), None, m.end(), False, "role_initial", r)
    m = pats["bare"].match(text)
    if m and _reads_on(text[m.end():]) and not _GROUP.match(text, m.end()):  # 教育長報告 alone is a heading
        person = _NAME_SUFFIX.search(m.group("role"))
        if person and person.start() > 0:  # 三宅浩二君保護者の…: a member by name (see discover)
            name = m.group("role")[:person.start()]
            return _made(text, name, name, None, m.end(), False, "name_only", r)
        seat = _SEAT_RUN_ON.fullmatch(m.group("role"))
        if seat:  # 7番おはようございます。 where the document runs its labels into the speech
            number = _ascii_digits(seat.group("seat"))
            return _made(text, f"{number}番", None, number, m.end(), False, "no_separator", r)
        role, name, form = split_head(m.group("role"), r)
        return _made(text, role, name, None, m.end(), False, "no_separator", r)
    return None


_LEAD = re.compile(rf"{_SP}*(?:(?P<open>[{re.escape(_OPEN)}]){_SP}*)?(?P<mark>[{MARKS}])?{_SP}*")


def _listed_person(text: str, r: Roles) -> LabelMatch | None:
    """(i9doc) A person the document lists, then the role it lists them with, after a mark or in brackets
    (○本田さくら教育長ただいまから…, ［米山みどり審議官］): the list shows where the name ends, whatever it
    is written in; a bracket closes the head, a mark's head may run into the speech."""
    lead = _LEAD.match(text)
    if not (lead.group("open") or lead.group("mark")):
        return None  # (unmarked, the list's heads are read by the patterns and as bare heads)
    at = lead.end()
    for name, role in r.people:
        if not text.startswith(name + role, at):
            continue
        end = at + len(name) + len(role)
        if lead.group("open"):
            close = re.compile(rf"{_SP}*[{re.escape(_CLOSE)}]{_SP}*").match(text, end)
            if close is None:
                continue
            end = close.end()
        else:
            sep = re.compile(rf"{_SP}+|[:：]{_SP}*|$").match(text, end)
            if sep is None and (text[end] in _NOT_AFTER_BARE or any(
                    text.startswith(w, end - len(role)) and len(w) > len(role) for w in r.words)):
                continue  # (a particle after it, or a longer title: 教育長 in 教育長職務代理者)
            end = sep.end() if sep else end
        return _made(text, role, name, None, end, True, "surname_role", r)
    return None


def _listed_surname(text: str, r: Roles) -> LabelMatch | None:
    """A listed person's surname, then the role the list prints them with, alone or before a space or
    a colon (米山企画官 where the cover lists 企画官 米山 隆之, OCR having lost the cover's spaces: the
    document need print no other surname + role label, and the list's title need not be a known one):
    the list shows the role; the surname is the longest head of the name the label prints."""
    sep = re.compile(r"[ \u3000\t]+|[:：][ \u3000]*|$")
    for name, role in r.people:
        for k in range(len(name) - 1, 0, -1):
            if text.startswith(name[:k] + role) and (m := sep.match(text, k + len(role))) is not None:
                return _made(text, role, name[:k], None, m.end(), False, "surname_role", r)
    return None


def _known_role(role: str, r: Roles) -> bool:
    return role in r.words or any(role.endswith(s) for s in r.suffixes)


def _despace(s: str) -> str:
    return re.sub(r"[ \u3000\t]", "", s)


def _ascii_digits(s: str) -> str:
    return s.translate(str.maketrans("０１２３４５６７８９", "0123456789"))


def ends_as_role(piece: str, roles=None) -> bool:
    """A label cell's piece ends as a role does (参与, 委員長), and is no name the document lists
    (鷹野正臣 ends in 臣, but the cover lists 議長 鷹野正臣: ◇鷹野正臣 / 議長 is one cell, i9lab)."""
    head = _despace(piece).lstrip(MARKS)
    return ROLE_END.search(head) is not None and head not in {p for p, _ in as_roles(roles).people}


def wraps_into(piece: str, rest: str, roles=None) -> bool:
    """`piece` and `rest` are one label cell wrapped over two lines (危機管理 / 課長, ◯堀内国務 / 大臣),
    not two cells: a role after a role stands alone (参与 / 委員長), and so does any whole label after
    a whole label (会長 / 委員（Ａ）): a cell is wrapped only where a piece alone is no label."""
    r = as_roles(roles)
    if rest.strip() in r.words and ends_as_role(piece, r):
        return False
    joined = is_label_only(piece.strip() + rest.strip(), r)
    if joined is None:
        return False
    # a head that reads as a role by itself may be a role the list does not know yet (進行役): the
    # document's vocabulary is discovered only once cells are whole
    alone = is_label_only(piece.strip(), r) is not None or role_like(_despace(piece).lstrip(MARKS), r)
    return joined.speaker in r.words or not (alone and is_label_only(rest.strip(), r) is not None)


# (i9runs) what ends a word (委員会, 議会) and opens no title outside the role list: a cell's piece that
# opens so goes on with the cell above (教育委員 / 会事務局次長（…）), unless it is a listed role (会長)
NEVER_OPENS_TITLE = "会"


def continues_word(piece: str, roles=None) -> bool:
    """A label column's piece that can only go on with the word above it: it opens with a character
    no title opens with outside the role list, and is no listed role itself (会事務局次長, not 会長)."""
    r = as_roles(roles)
    head = _despace(piece).lstrip(MARKS)
    if head[:1] not in NEVER_OPENS_TITLE:
        return False
    alone = is_label_only(head, r)
    return alone is None or alone.speaker not in r.words


def whole_cell(piece: str, roles=None) -> bool:
    """`piece` is a whole label cell that the next line of a label column never goes on: a listed
    role, alone or after a surname (東教育長, 藤川委員), or a name closed by its honorific (三宅直樹君). So
    東教育長 / 藤川委員 / 滝沢学校教育課 / 長 are three cells, and 三宅直樹君 / 審議官 two."""
    r = as_roles(roles)
    head = _despace(piece).lstrip(MARKS)
    if not head or "（" in head or "(" in head:
        return False  # a bracketed name closes its own cell (議長（山 / 田太郎君）)
    if _NAME_SUFFIX.search(head) and len(head) >= 3:
        return True
    if head in r.words:
        return True  # a listed role alone (教育長 / 教育総務課 / 長 are two cells)
    if _found_title_alone(head, r):
        return True  # a title of the document's own, alone (専門官 / アドバイザー / 顧問 are three cells)
    role, name, _ = split_head(head, r)
    return name is not None and role in r.words


def _found_title_alone(head: str, r: Roles) -> bool:
    """`head` is a title the role list lacks that this document prints again and again at turn
    starts (専門官, アドバイザー where the roles are its own), which no longer such title opens with
    (教育委員 where 教育委員会事務局長 is printed too is a piece): a cell of its own, as a listed role
    alone is."""
    return head in r.found and ROLE_END.search(head) is not None and not _SEAT_FOUND.fullmatch(head) \
        and not any(f != head and f.startswith(head) for f in (*r.found, *r.words))


def is_label_only(text: str, roles=None) -> LabelMatch | None:
    """The label if `text` is nothing but a speaker label (a label cell on its own line)."""
    m = match_label(text.strip(), roles)
    if m and not text.strip()[m.end:].strip():
        return m
    return None


_SEAT_ALONE = re.compile(rf"^{_SP}*[{MARKS}]?{_SP}*(?P<seat>[0-9０-９]{{1,3}}){_SP}?番{_SP}*$")


def label_cell(text: str, roles=None) -> LabelMatch | None:
    """The label in a cell the table's structure shows to be a label cell (the first cell of a row
    whose second holds the speech): any whole label, and also a seat alone (7番), which at a line
    start of running text is as likely a chair's call (7番 山本健一議員。) as a label."""
    m = is_label_only(text, roles)
    if m is not None:
        return m
    seat = _SEAT_ALONE.match(text)
    if seat is None:
        return None
    number = _ascii_digits(seat.group("seat"))
    return LabelMatch(f"{number}番", None, number, len(text), False, "seat", text.strip(),
                      "the label cell of a table row")


_TITLE_HEAD = re.compile(rf"[{KANJI}\u3005\u30a0-\u30ffー・]+")
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


# ----------------------------------------------------------------------------- a document's own labels

# a short head at a line start, then a separator and more text: a label candidate
_CANDIDATE = re.compile(rf"^{_SP}*(?P<mark>[{MARKS}])?{_SP}*(?P<head>{WORD_CLASS}{{2,12}})"
                        rf"(?:{_SP}+|[:：]{_SP}*|[)）]{_SP}*)(?P<rest>\S.*)$")


_KATAKANA_END = re.compile(r"[\u30a1-\u30faー]$")
_KATAKANA_WORD = re.compile(r"[\u30a1-\u30faー]{1,6}")

_MARKED_RUN_ON = re.compile(rf"^{_SP}*[{MARKS}](?P<head>{WORD_CLASS}{{3,14}})")

_ALONE = re.compile(rf"^[{MARKS}]?{_SP}*(?:{WORD_CLASS}{_SP}?){{2,12}}$")


_HIRAGANA = re.compile("[\u3040-\u309f]")
# a member's name and honorific at a line start, run into the speech with no mark and no separator
# (三宅浩二君保護者の費用負担は…), not a call of them in a speech (三宅浩二君。, 三宅浩二君の御指摘)
_PERSON_RUN_ON = re.compile(rf"^(?P<head>{_PERSON_SHORTEST}(?:君|氏))(?=[^\s\u3000{re.escape(''.join(_NOT_AFTER_BARE))}"
                            rf"はもから:：（(])")
_WORD_RUN = re.compile(f"{WORD_CLASS}+")


def spaced_words(text: str) -> bool:
    """Three or more short words spaced apart, no sentence: a list of roles and names, however many of
    the names are written in kana (委員　田中　みどり　　委員　北村　さくら), never prose."""
    words = text.split()
    return len(words) >= 3 and all(len(w) <= 7 for w in words) and not text.rstrip().endswith(tuple(SENTENCE_END))


def _prose(text: str) -> bool:
    """Japanese prose (a fifth of it hiragana), not a list of names or offices (nor a list's entry of a
    title and a name in kana, 議長 鈴木さつき: two short words, the first with no kana)."""
    words = text.split()
    if len(words) == 2 and all(len(w) <= 7 for w in words) and not _HIRAGANA.search(words[0]) \
            and not text.rstrip().endswith(tuple(SENTENCE_END)):
        return False
    if _kana_name_list(text):
        return False
    return not spaced_words(text) and len(_HIRAGANA.findall(text)) >= 0.2 * max(1, len(text.strip()))


def _kana_name_list(text: str) -> bool:
    """A list's line of titles and names, some names in kana (委員 五十嵐ゆかり、副会長 鬼頭さくら、委 / …):
    items parted by commas, two of them at least a title and a name (the name in one word or, surname
    and given name spaced apart, two: 委員 市川 理恵、生涯学習課長 山田 じゅん子; or a wrap's name alone,
    会田 ゆかり), none more than three short words (the line's first and last may be a wrap's pieces), no
    sentence end. Prose parts its clauses by commas too, but puts no space inside them."""
    t = text.strip()
    items = [i.split() for i in re.split(r"[、，,]", t) if i.strip()]
    return len(items) >= 2 and not t.endswith(tuple(SENTENCE_END)) \
        and sum(len(i) in (2, 3) and not _HIRAGANA.search(i[0]) for i in items) >= 2 \
        and all(len(i) <= 3 and all(len(w) <= 8 for w in i) for i in items)


def _listed_prefix(text: str, words: frozenset, lengths: tuple[int, ...]) -> str | None:
    """The longest of `words` (whose lengths are `lengths`, longest first) that `text` starts with:
    a set lookup per length, not a scan of the list (discover asks it of every line)."""
    for n in lengths:
        if n <= len(text) and text[:n] in words:
            return text[:n]
    return None


def _reads_on(rest: str) -> bool:
    """Text after a candidate label that reads as the start of a speech, not a list item."""
    rest = rest.strip()
    return len(rest) >= 8 or rest.endswith(("。", "？", "?"))


def discover(texts, roles=None) -> Roles:
    """The document's own label vocabulary, from evidence at its line starts (the role list is a
    prior, not a gate):
    - a head outside the list that ends as roles do (企画官, 参与, 特別顧問) and recurs at line starts,
      followed by a separator and speech, is a label in this document; a one-off is not;
    - where labels are printed surname + role (○宮腰大臣, ○東会長) more often than as a bare role, every
      head is split so, even one whose role the list does not know (○米山企画官 -> 企画官, 米山);
    - where roles are printed with no separator (会長皆さん、) at three or more line starts and
      labels read otherwise (with a separator, or standing alone on their line) are fewer, those roles
      are labels with no separator.
    """
    r = as_roles(roles)
    if r.document:
        return r
    from .cover import KEY_LINE  # the cover's keys (日時, 場所 …) are no labels

    def ends_as_title(h: str) -> bool:  # a listed role, or a head that ends as roles do
        return h in r.words or h.endswith(tuple(r.suffixes)) or ROLE_END.search(h) is not None

    def a_role(w: str) -> bool:
        return w in r.words or (len(w) <= 12 and any(w.endswith(x) for x in r.suffixes)
                                and _WORD_RUN.fullmatch(w) is not None)

    surname, pure, labelled = set(), set(), 0
    # the labels read that part from their speech by a space, a colon or a line break: a label closed by
    # its own bracket and run into the speech (部会長（佐伯典子君）皆さん、) is printed as a bare head is
    parted = 0
    heads_seen: set = set()  # heads with no name read off yet (○森本企画官, ○北村企画官)
    offices_after_close: set = set()  # a listed office (事務局) run into a line after a sentence's end
    split_heads: set = set()  # surname + role heads as printed (梶危機管理課長)
    marked_run_on: dict = {}  # a role-like head after a mark, run into the speech -> what followed it
    unknown: Counter = Counter()
    separators: Counter = Counter()  # how the labels read so far part from their speech (　, ：, 2 spaces)
    one_off: dict = {}  # a candidate head -> the separators it was printed with
    announced: set = set()  # candidate heads alone on their line right after a call or a 登壇 note
    bare: Counter = Counter()
    bare_unlisted: dict = {}  # a role-like line start outside the list -> the characters after it
    raw = [x or "" for x in texts]  # (as printed: the indents the stripped lines lose)
    texts = [x.strip() for x in raw]
    texts = [x for x in texts if x]
    people = _people_listed(texts, a_role, r)  # (i9doc) (name, role) a list prints
    # (a title the document's own list prints before a person, 政策統括官 宮本 浩一郎, is a role of its labels
    # as a listed one is: 政策統括官政策統括官の宮本でございます。 runs it into the speech)
    listed = frozenset(r.words) | {role for _, role in people if a_role(role) or len(role) >= 3 and role_like(role, r)
                                   and not is_direction(role)}
    listed_lengths = tuple(sorted({len(w) for w in listed}, reverse=True))
    after_close: set = set()  # unlisted heads run into a line that follows a sentence's end or a direction
    seats: Counter = Counter()  # (i9lab) seats printed alone before speech (7番　おはようございます。)
    katakana_tail = -1  # a line that ended a katakana word (ファシリテー / ター) or a column's cell cut by a wrap, read already
    persons_run_on: dict = {}  # a name + honorific at a line start, run into the speech -> what followed it
    persons_after_close: set = set()  # … at a line start after a sentence's end (a turn's start)
    in_column: set = set()  # heads standing in a label column dumped apart from the body
    columns = _label_columns(texts, r)
    for n, t in enumerate(texts):
        own_line = False  # a head alone on its line, its speech below: the line break parts them
        if n == katakana_tail:
            continue
        after = n + 1  # the line after this one (past a katakana title's tail)
        if _ALONE.match(t) and after < len(texts) and _KATAKANA_END.search(t) and _KATAKANA_WORD.fullmatch(texts[after]):
            # (i9lab) a katakana title cut by a narrow label cell (ファシリテー / ター): one head, never two
            # (no title is a katakana piece of a few letters)
            t, katakana_tail, after = t + texts[after], after, after + 1
        if _ALONE.match(t) and match_label(t, r) is None:
            near = [texts[k] for k in (n - 1, after) if 0 <= k < len(texts)]
            wrapped = after < len(texts) and wraps_into(t, texts[after], r)  # 危機管理 / 課長（…）
            column = n in columns and not _goes_on_above(texts, n, r)
            if not wrapped and (column or any(is_label_only(x, r) for x in near)):  # in a run: 委員長 / 参与 / 委員長
                head = re.sub(r"[\s\u3000]", "", t).lstrip(MARKS)
                if column and not role_like(head, r) and after < len(texts) and len(texts[after]) <= 2 \
                        and texts[after][:1] not in MARKS and match_label(texts[after], r) is None \
                        and role_like(head + texts[after].strip(), r):
                    head += texts[after].strip()  # a cell's short tail wrapped in the column (大橋正人議 / 長)
                    katakana_tail = after  # (its tail, 長 or 整官, is read already)
                unknown[(head, False)] += 1
                if column:
                    in_column.add(head)
                if column and split_head(head, r)[2] == "surname_role":
                    surname.add(head)  # (a dumped column of 東座長 / 原田顧問: surname + role cells)
                continue
            if after < len(texts):
                t = t + "\u3000" + texts[after]  # a label on its own line, its speech below
                own_line = True
        m = match_label(t, r)
        if m is not None:
            if m.form in ("title", "marked", "bracket") and m.name is None:
                heads_seen.add(m.speaker)
            if m.form == "surname_role":
                surname.add(m.printed)
                split_heads.add(m.name + m.speaker)
            elif m.name is None and m.speaker in r.words and _reads_on(t[m.end:]) and _prose(t[m.end:]):
                pure.add(m.speaker)  # a bare role before speech, not before a cover's list of names
            labelled += 1
            if t[m.end:].strip():
                separators["\n" if own_line else _separator(t[:m.end])] += 1
                if own_line or _separator(t[:m.end]) and _prose(t[m.end:]):
                    parted += 1  # (a cover's list, 委員　藤原　隆之, parts no speech)
            elif n + 1 < len(texts):
                # a label alone on its line, its speech below, or in a run of labels a column dumped
                # apart (the column's labels outnumber a chair's calls run on from a role, 内閣総理大臣…君。)
                parted += 1
                if match_label(texts[n + 1], r) is None:
                    separators["\n"] += 1  # a listed role alone on its line, its speech below
            continue
        run_on = _MARKED_RUN_ON.match(t)
        if run_on:
            # a marked head run into its speech with a title the list does not know (◯須藤特別顧問文部…):
            # where it ends is not known yet, so each cut goes to the heads whose tails are compared
            # below (特別顧問 after 須藤 and after 千葉: surname + role)
            head = run_on.group("head")
            heads_seen.update(head[:n] for n in range(3, min(len(head), 8) + 1))
            for n in range(2, min(len(head), 8) + 1):  # ◎企画官定刻となりました…: the title alone (ファシリテーター)
                after = t[run_on.start("head") + n:][:1]
                if after and after not in _NOT_AFTER_BARE and role_like(head[:n], r):
                    marked_run_on.setdefault(head[:n], set()).add(after)
        solid = (solid_head(t) or (t, 0))[0]
        c = _CANDIDATE.match(solid)
        if c and not KEY_LINE.match(t) and _reads_on(c.group("rest")):
            unknown[(c.group("head"), bool(c.group("mark")))] += 1
            parted += own_line  # (三宅議長 / 内閣総理大臣杉浦隆之君。: a head alone, its speech below)
            # (the separator as printed after the head read solid: 統 括 官<TAB>… parts by a tab)
            one_off.setdefault(c.group("head"), set()).add("\n" if own_line else _separator(solid[:c.start("rest")]))
            if own_line and n > 0 and _gives_floor(texts[n - 1], r):
                announced.add(c.group("head"))
            if split_head(c.group("head"), r)[2] == "surname_role":
                surname.add(c.group("head"))
        person = _PERSON_RUN_ON.match(t)
        if person and _reads_on(t[person.end():]):
            persons_run_on.setdefault(person.group("head"), set()).add(t[person.end():][:4])
            if n > 0 and texts[n - 1][-1:] in SENTENCE_END + CLOSERS:
                persons_after_close.add(person.group("head"))
        seat = _SEAT_BEFORE_SPEECH.match(t)
        if seat and _prose(seat.group("rest")) and _reads_on(seat.group("rest")) and not _CALL.match(seat.group("rest")):
            seats[f"{_ascii_digits(seat.group('seat'))}番"] += 1
        w = _listed_prefix(t, listed, listed_lengths)
        seat_run_on = _SEAT_RUN_ON.match(t) if w is None else None
        if seat_run_on and _prose(t[seat_run_on.end():]) and _reads_on(t[seat_run_on.end():]):
            bare[seat_run_on.group(0)] += 1  # (7番おはようございます。: a seat run into its speech, as the roles are)
        if w and len(t) > len(w) + 3 and t[len(w)] not in _NOT_AFTER_BARE and not _GROUP.match(t, len(w)):
            bare[w] += 1
            if w[-1] == "局" and n > 0 and texts[n - 1][-1:] in SENTENCE_END + CLOSERS:
                offices_after_close.add(w)
        elif w is None:
            longest = None
            for k in range(2, 10):  # a head outside the list run into its speech (参与議案第15号…, 関口内閣総理大臣…)
                if len(t) > k + 3 and t[k] not in _NOT_AFTER_BARE and _WORD_RUN.fullmatch(t, 0, k) \
                        and role_like(t[:k], r) and not (person and k > person.end()):
                    # (never past a name's honorific: 長谷部浩二氏データセンターは…, 村瀬直樹氏個人番号を…)
                    bare_unlisted.setdefault(t[:k], set()).add(t[k])
                    longest = t[:k]
            if longest and n > 0 and texts[n - 1][-1:] in SENTENCE_END + CLOSERS:
                # (not past a surname + role the speech opens with: 東参与 in 東参与柳沢議員から、…)
                after_close.add(next((longest[:k] for k in range(3, len(longest) - 2) if role_like(longest[:k], r)
                                      and split_head(longest[k:], r)[1] is not None), longest))
    heads: Counter = Counter()
    for (head, _marked), n in unknown.items():
        heads[head] += n
    # (a head that only opens a title the document's own list prints people with, ファシリテー where the cover
    # lists ファシリテーター 森 千秋, is that title's cell cut by a narrow column, not a title of its own)
    listed_roles = set(_roles_of(people))
    found = tuple(sorted(h for h, n in heads.items() if n >= 2 and role_like(h, r)
                         and not any(t != h and t.startswith(h) for t in listed_roles)))
    # (i9runs) a head printed once in a label column whose other heads recur (a guest's 田村浩一調整官
    # among 大橋正人議長 ×5): a cell of that column too
    if sum(1 for h in found if h in in_column) >= 2:
        found += tuple(sorted(h for h in in_column if heads[h] == 1 and role_like(h, r) and not is_direction(h)))
    # a head seen once is a label too where it is printed exactly as this document's labels are (the
    # same separator, used by most of them) and ends as roles do (特別顧問　国土交通基盤大臣の…): a
    # title printed once, for a guest who speaks once
    usual = separators.most_common(1)[0] if separators else ("", 0)
    whole_text = "\n".join(texts)
    if usual[1] >= 3 and usual[1] >= 0.6 * sum(separators.values()):
        # (where paragraphs are indented by a full-width space, a label printed level with an inner paragraph,
        # a centred cell's, keeps that indent after its separator: 参与:　委員会におきましては… among 議長:これにて…;
        # the indents show in the lines as printed, or in other labels printed so)
        indented = usual[0] + "\u3000"
        as_usual = {usual[0]} | ({indented} if usual[0] and not usual[0].endswith("\u3000") and (
            separators[indented] >= 2 or sum(1 for x in raw if x.startswith("\u3000")) >= 3) else set())
        found += tuple(sorted(h for h, n in heads.items() if n == 1 and h not in found and h in one_off
                              and len(one_off[h]) == 1 and one_off[h] <= as_usual and not is_direction(h)
                              and ends_as_title(h)
                              and _word_count(whole_text, h) <= 1 and split_head(h, r)[1] is None))  # (letter-spaced: 0)
    # a title printed once alone on its line, its speech below, right after the floor is given (a chair's
    # call, 副町長。, or a note of the speaker going up, （長谷部恵美君登壇、拍手）): a label however the
    # document's other labels are parted (統括官 / ただいま議題となりました…, for a guest who speaks once)
    found += tuple(sorted(h for h in announced if heads[h] == 1 and h not in found and one_off.get(h) == {"\n"}
                          and not is_direction(h) and split_head(h, r)[1] is None
                          and ends_as_title(h)
                          and _word_count(whole_text, h) <= 2))
    # a title the document's own list prints before a person (企画官 米山 隆之), printed once at a line
    # start before speech (企 画 官 国土交通基盤大臣の…): a label, however it is spaced or parted
    found += tuple(sorted(h for h in heads if h in listed_roles and h not in found and h not in r.words
                          and role_like(h, r) and not is_direction(h)))
    # (i9lab) a seat alone before speech, at two line starts or more, is this document's label for
    # its members (7番　おはよう… / 12番　12番、川口です…); a chair's call (7番 山本健一議員。) is not
    if sum(seats.values()) >= 2:
        found += tuple(sorted(seats))
    # a title after a mark, run into speeches that go on differently each time (◎企画官定刻… /
    # ◎企画官ありがとう…), is a label of this document; a surname + role head is split instead
    found += tuple(sorted(h for h, after in marked_run_on.items() if len(after) >= 2 and h not in found
                          and split_head(h, r)[2] != "surname_role"))
    # one role after several surnames (森本企画官, 北村企画官): those heads are surname + role too (after
    # a surname of one as well, 南参与 beside 岡部参与, where the role is a word the genre knows: never 務課長
    # after 総 in 総務課長 beside 教務課長)
    tails: dict = {}
    for head in heads_seen | set(heads):
        for n in (1, 2, 3):
            tail = head[n:]
            if len(tail) >= 2 and tail[0] not in _ORG_END + "部所市町" and role_like(tail, r) and \
                    _surname_like(head[:n], r) and (n > 1 or _two_character_title(tail, r) or tail in heads):
                tails.setdefault(tail, set()).add(head)
    surname |= {h for hs in tails.values() if len(hs) >= 2 for h in hs}
    # an unlisted head counts where it recurs with different speech after it, and stands at line
    # starts more often than inside the text (国立大学法人 is a topic of the speeches, not a speaker)
    if bare_unlisted:
        whole = "\n".join(texts)
        lengths = {len(h) for h in bare_unlisted}  # a line starts with a head: its first len(head) characters
        starts = Counter(t[:n] for t in texts for n in lengths)
        bare.update({h: len(after) for h, after in bare_unlisted.items()
                     if len(after) >= 2 and starts[h] > whole.count(h) - starts[h]})
        if sum(bare.values()) >= 3 and parted + len(columns) < sum(bare.values()):
            # (i9lab) where labels run into their speech, a title of three or more printed once, at a
            # turn's start (after a sentence's end or a direction), for a guest who speaks once
            # (審議官ただいま議題となりました…)
            # (or of two the genre knows as titles: 参与勅使河原でございます。, the speech opening with a name)
            bare.update({h: 1 for h in after_close if h not in bare and (len(h) >= 3 or h in _TWO_CHARACTER_TITLES)
                         and whole.count(h) == 1 and ROLE_END.search(h) and not is_direction(h)})
        # a head that runs on past one recurring so is that head, its speech opening with a title or a
        # name (梶議長国務大臣早瀬光彦君。, 関口内閣総理大臣佐久間航議員の…): no title of its own
        recurring = [h for h in bare if h in bare_unlisted and bare[h] >= 2]
        for h in [h for h in bare if h in bare_unlisted or h in after_close]:
            if any(len(p) >= 2 and len(h) > len(p) and h.startswith(p) for p in recurring):
                del bare[h]
    # (i9lab) a person the cover lists, run into their role and speech (柳沢美穂議員未来創生の会の…): the
    # name and role as one head with no separator
    by_start: dict = {}
    for name, role in people:
        by_start.setdefault(name[:2], []).append(name + role)
    for t in texts:
        for head in by_start.get(t[:2], ()):
            if t.startswith(head) and len(t) > len(head) + 3 and t[len(head)] not in _NOT_AFTER_BARE:
                bare[head] += 1
    # (labels apart from their speech, in a dumped column too, outnumber line starts run on from a role:
    # those are the body's own words, a chair's call of 内閣総理大臣杉浦隆之君。, no label form)
    bare_roles = tuple(w for w, n in bare.items() if n >= 1) if sum(bare.values()) >= 3 and parted + len(
        columns) < sum(bare.values()) else ()
    # (an office that speaks under its own name, 事務局, printed bare once and run into its speech at a
    # turn's start (事務局次回の懇談会は…), where this document's labels part from their speech by nothing
    # (座長（原田雅人君）皆さん…): a label printed as the others are)
    if usual[0] == "" and usual[1] >= 3 and usual[1] >= 0.6 * sum(separators.values()):
        bare_roles += tuple(sorted(w for w in offices_after_close if w not in bare_roles))
    # heads run into their speech are evidence of the label form too (梶委員長ただいまから…, 関口委員…):
    # where most are surname + a role, the titles the list lacks are split so (三宅審議官それでは…)
    for head in bare_roles:
        form = split_head(head, r)[2]
        if form == "surname_role":
            surname.add(head)
        elif head in r.words:
            pure.add(head)
    surname_first = len(surname) >= 2 and len(surname) >= len(pure)
    # a member by name run into the speech (三宅浩二君保護者の…) at two line starts or more, each going on
    # differently, and printed so at line starts more often than inside the text, is a label of this
    # document, however many of its other labels read with a separator (委員長（東修君）…)
    if persons_run_on:
        whole = "\n".join(texts)
        starts = Counter(t[:n] for t in texts for n in {len(h) for h in persons_run_on})
        recurring = [h for h, after in persons_run_on.items() if len(after) >= 2 and starts[h] > whole.count(h) - starts[h]]
        # where two members or more are printed so, one who speaks once is too: at a turn's start (after a
        # sentence's end), printed nowhere else
        once = [h for h in persons_after_close if h not in recurring and whole.count(h) == 1] if len(recurring) >= 2 else []
        # (and where three members or more are printed so at turns' starts, each may speak once, called by
        # name and announced before (佐久間航君。 / ［佐久間航君登壇、拍手］ / 佐久間航君国民連帯の…): a plenary's
        # speakers, each printed at a line start after a sentence's end or a direction)
        if len(persons_after_close) >= 3:
            once += [h for h in persons_after_close if h not in recurring and h not in once]
        bare_roles += tuple(h for h in recurring + once if h not in bare_roles)
    # a word of its own in a list (a cover's 出席者), not in prose, nor a label (a marked or bracketed
    # head is the very label to be split)
    # (the first piece of a line that a wrapped line of running text runs into is no word of its
    # own: …青山文部科学副 / 大臣、今枝文部科学副大臣、… prints no 大臣 alone)
    standalone = {w for n, t in enumerate(texts) if not _prose(t)
                  for k, w in enumerate(re.split(r"[\s\u3000、，,・]+", t))
                  if a_role(w) and not (k == 0 and n and _runs_on(texts[n - 1]))}
    standalone |= _titles_printed_alone(split_heads | heads_seen | set(heads), texts, r, set(standalone))
    standalone |= _titles_introduced(split_heads | heads_seen | set(heads), texts, r)
    return Roles(r.words, r.suffixes, found, surname_first, bare_roles, True, tuple(sorted(standalone)),
                 people, _organisations(texts), _pairs(texts))


_KANJI_PAIR = re.compile(rf"(?=([{KANJI}\u3005]{{2}}))")


def _pairs(texts: list[str]) -> frozenset:
    """Two kanji side by side in the document's text, past the first characters of each line where
    labels stand (a label's surname + title, 梶情報政策課長, must not vouch for 梶情)."""
    return frozenset(m.group(1) for t in texts for m in _KANJI_PAIR.finditer(t, 10))


_CELL_TAIL = re.compile(f"{WORD_CLASS}")


def _goes_on_above(texts: list[str], n: int, r: Roles) -> bool:
    """(i9runs) Line n of a label column is a piece of the cell above, no head of its own: the cell above
    wraps into it (◎田野瀬太道委 / 員長), or is a piece that reads as no title (宮腰選挙管 / 理委員会事 / 務局長)."""
    if n == 0 or _ALONE.match(texts[n - 1]) is None or texts[n][:1] in MARKS:
        return False
    above = re.sub(r"[\s\u3000]", "", texts[n - 1]).lstrip(MARKS)
    return wraps_into(texts[n - 1], texts[n], r) or (match_label(texts[n - 1], r) is None and not role_like(above, r))


def _label_columns(texts: list[str], r: Roles) -> set:
    """(i9runs) The lines that stand in a label column an extractor dumped apart from the body: three or
    more short heads alone on consecutive lines, two of them besides the line itself reading as roles do
    (進行役 / 進行役 / 調整官 / 座長, 東座長 / 原田顧問), though the role list may know none of them."""
    def cell(t: str) -> bool:  # (a wrapped cell's one-character tail, 長, stands in the column too)
        return _ALONE.match(t) is not None or _CELL_TAIL.fullmatch(t) is not None

    def reads_as_role(t: str) -> bool:
        h = re.sub(r"[\s\u3000]", "", t).lstrip(MARKS)
        return len(h) >= 2 and (is_label_only(h, r) is not None or role_like(h, r))

    out, a = set(), 0
    while a < len(texts):
        if not cell(texts[a]):
            a += 1
            continue
        b = a
        while b + 1 < len(texts) and cell(texts[b + 1]):
            b += 1
        if b - a >= 2:
            good = [reads_as_role(texts[k]) for k in range(a, b + 1)]
            out |= {a + k for k, g in enumerate(good) if sum(good) - g >= 2}
        a = b + 1
    return out


# (i9lab) a body's name before what it is (農林水産委員会, 厚生労働省, 消費者庁): its name heads titles
# too (農林水産委員長, 厚生労働大臣), never as a surname
_ORGANISATION = re.compile(rf"([{KANJI}\u3005]{{2,8}})(?:委員会|審議会|協議会|省|庁)")


def _organisations(texts: list[str]) -> frozenset:
    """(i9lab) The names this document prints before 委員会, 省 or 庁, each with every tail of two
    characters or more (本日農林水産委員会: 農林水産 is among them)."""
    out = set()
    texts = [t.strip() for t in texts if t and t.strip()]
    heads, at = set(), 0  # where each line's first word starts (past a mark or an open bracket)
    for t in texts:
        heads.add(at + len(t) - len(t.lstrip(MARKS + _OPEN + " \u3000")))
        at += len(t)
    for t in ("".join(texts),):  # a name cut by a wrap (農林水産委員 / 会) is read whole
        for m in _ORGANISATION.finditer(t):
            if any(h in heads for h in range(m.start(), m.end(1))) and t[m.end():m.end() + 1] not in "のにがをはでともへや、。":
                # a label's own head (◎沢井教育委員会事務局次長): the surname is no body's name (but a line of
                # speech may open with the body's name: 農林水産委員会における審査の経過…); also where the
                # lines before run into it, a dumped column's cells (杉本副委員長 / 沢井教育委員 / 会事務局次長)
                continue
            run = m.group(1)
            out.update(run[k:] for k in range(len(run) - 1))
    return frozenset(out)


def with_people(texts, roles=None, body: str = "") -> Roles:
    """(i9lab) The role list with the people a list of the document prints (会長 原田 雅人) and the bodies
    its text names (農林水産委員会), before the whole vocabulary is discovered: enough to join a label
    cell that names one of them and wrapped (鷹野正臣議 / 長, ◎農林水産委員 / 長（安達義春君）) while
    lines are still being read. The document's evidence is still to come."""
    r = as_roles(roles)
    if r.document or r.people:
        return r
    if body:
        r = replace(r, organisations=_organisations(body.split("\n")))

    def a_role(w: str) -> bool:
        return w in r.words or (len(w) <= 12 and any(w.endswith(x) for x in r.suffixes)
                                and _WORD_RUN.fullmatch(w) is not None)
    texts = [x.strip() for x in texts if x and x.strip()]
    people = _people_listed(texts, a_role, r)
    return replace(r, people=people) if people else r


_LISTED_NAME = re.compile(rf"[{KANJI}\u3005\u3040-\u30ffー]{{1,5}}")


# a long full name printed solid in a list (長谷川美智子, 勅使河原真由美): one word of six to eight
_SOLID_FULL_NAME = re.compile(rf"[{KANJI}\u3005\u3040-\u30ffー]{{6,8}}")


def _solid_full_name(words: list[str], r: Roles) -> bool:
    """(i9doc) One word that is a long full name printed solid, not an office or a title (青葉市立図書館,
    地域福祉推進課長 end as offices and titles do)."""
    return len(words) == 1 and _SOLID_FULL_NAME.fullmatch(words[0]) is not None \
        and words[0][-1] not in _ORG_END and not role_like(words[0], r) and not _COVER_WORD.search(words[0])


@functools.lru_cache(maxsize=16)
def _listed_heads(people: tuple) -> frozenset:
    """(i9doc) Each person a list prints with the role it prints them with, as one head (古賀雅人進行役)."""
    return frozenset(name + role for name, role in people)


@functools.lru_cache(maxsize=16)
def _roles_of(people: tuple) -> tuple[str, ...]:
    """(i9doc) The roles a list prints before its people, longest first (decided once a document)."""
    return tuple(sorted({role for _, role in people}, key=len, reverse=True))


def _people_listed(texts: list[str], a_role, r: Roles) -> tuple[tuple[str, str], ...]:
    """(i9doc) (name, role) of the people a list prints after a role (出席者 会長 原田 雅人、委員 松浦 恵子):
    the role, then one or two name words, in a line that is no prose. Longest name first."""
    people = set()
    # a list line cut by a wrap inside a word (…、総 / 務部長 小池誠, 原田 浩 / 二: a lone character on one
    # side of the cut) is read joined to the next one too
    def lone_at_cut(a: str, b: str) -> bool:
        tail, head = re.split(r"[、，,\s\u3000]", a.strip())[-1], re.split(r"[、，,\s\u3000]", b.strip())[0]
        return len(tail) == 1 or len(head) == 1
    def name_cut(a: str, b: str) -> bool:
        # (i9lab) 統括官 原田 / 美穂、委員 …: a role and the first word of a name, the name's second
        # word opening the next line
        last, first = re.split(r"[、，,]", a.strip())[-1].split(), re.split(r"[、，,]", b.strip())[0].split()
        # (or a name printed solid, cut inside it: 委員 五十 / 嵐ゆかり、…)
        return len(last) == 2 and (a_role(last[0]) or role_like(last[0], r)) and len(first) == 1 \
            and (len(first[0]) <= 3 or len(last[1]) + len(first[0]) <= 8 and not role_like(first[0], r)) \
            and not a_role(first[0])
    def role_cut(a: str, b: str) -> bool:
        # (i9lab) …、参与 / 安達義春、議員 …: a role closing one line, its person's name opening the next
        last, first = re.split(r"[、，,]", a.strip())[-1].split(), re.split(r"[、，,]", b.strip())[0].split()
        # (the role closes a list's line: a line of one word, 森本構成員 / 柏原ファシリ, is a label column's cell)
        return len(last) == 1 and len(last[0]) >= 2 and (a_role(last[0]) or role_like(last[0], r)) \
            and len(first) in (1, 2) and not a_role(first[0]) and not role_like(first[0], r) \
            and re.search(r"[、，,\s\u3000]", a.strip()) is not None
    def title_cut(a: str, b: str) -> bool:
        # …、アド / バイザー 高松直子、…: a title cut by a wrap into two pieces neither of which is one,
        # its person's name after it on the next line
        last, first = re.split(r"[、，,]", a.strip())[-1].split(), re.split(r"[、，,]", b.strip())[0].split()
        return len(last) == 1 and len(first) in (2, 3) and not (a_role(last[0]) or role_like(last[0], r)) \
            and role_like(last[0] + first[0], r) and not a_role(first[1])
    joined = [a.rstrip() + b.strip() for a, b in zip(texts, texts[1:])
              if a.rstrip()[-1:] not in "、，,。" and not _prose(a) and not _prose(b)
              and (lone_at_cut(a, b) or name_cut(a, b) or title_cut(a, b))]
    joined += [a.rstrip() + " " + b.strip() for a, b in zip(texts, texts[1:])
               if a.rstrip()[-1:] not in "、，,。" and not _prose(a) and not _prose(b) and role_cut(a, b)]
    for t in [*texts, *joined]:
        if _prose(t):
            continue
        for item in re.split(r"[、，,:：]|[\u3000 ]{2,}", t):
            words = item.split()
            for k in range(len(words) - 1):
                if len(words[k]) < 2 or not (a_role(words[k]) or role_like(words[k], r)) or a_role(words[k + 1]):
                    continue  # (a role's last character alone, 委 / 員 福田茂, is no role)
                # the name in one word or two (原田雅人, 原田 雅人); which, the labels show: both are kept
                # (a name of two is one only printed as two words of one, 城 監: surname and given name)
                for rest in (words[k + 1:k + 2], words[k + 1:k + 3]):
                    name = "".join(rest)
                    if (3 <= len(name) <= 8 or len(rest) == 2 == len(name) and not a_role(name)) and (all(_LISTED_NAME.fullmatch(w) for w in rest) or _solid_full_name(rest, r)):
                        people.add((name, words[k]))
    people |= _people_listed_solid(texts, a_role, r)
    return tuple(sorted(people, key=lambda p: (-len(p[0]), p)))


_SOLID_NAME = re.compile(rf"[{KANJI}\u3005\u3040-\u30ffー]{{2,8}}")


def _people_listed_solid(texts: list[str], a_role, r: Roles) -> set[tuple[str, str]]:
    """(name, role) of list items printed with no space between role and name (政策統括官宮本浩一郎: a
    scan's list, whose spaces OCR does not keep), where a label of the document prints the same two
    parts the other way round (○宮本浩一郎政策統括官), or the name's surname before the role, opening
    a line (○米山企画官 for 企画官米山隆之): only the label tells where the role ends."""
    whole = "\n".join(texts)

    def printed_reversed(name: str, role: str) -> bool:
        return name + role in whole or any(
            re.search(rf"(?:^|[{MARKS}])[ \u3000]*{re.escape(name[:k] + role)}(?![{KANJI}])", whole, re.M)
            for k in range(2, len(name)))
    people = set()
    for t in texts:
        if _prose(t):
            continue
        for item in re.split(r"[、，,:：]|[\u3000 ]{2,}", t):
            for word in item.split():
                for n in range(2, len(word) - 1):
                    role, name = word[:n], word[n:]
                    if (a_role(role) or role_like(role, r)) and _SOLID_NAME.fullmatch(name) \
                            and not a_role(name) and printed_reversed(name, role):
                        people.add((name, role))
    return people


def _word_count(text: str, word: str) -> int:
    """How often `text` prints `word` as a word of its own, not as the end of a longer title (顧問 in
    特別顧問 is no mention of 顧問)."""
    return len(re.findall(rf"(?<!{WORD_CLASS}){re.escape(word)}", text))


# a line that gives the floor: a note of a speaker going up (（長谷部恵美君登壇、拍手）), or a chair's call of
# one sentence naming a title or a person (副町長。, 厚生労働委員長長谷部恵美君。)
_FLOOR_NOTE = re.compile(rf"^[{re.escape(_OPEN)}（(].{{0,30}}登壇.{{0,8}}[{re.escape(_CLOSE)}）)]$")
_FLOOR_CALL = re.compile(r"^(?P<who>[^\s\u3000。、]{2,20})。$")


def _gives_floor(line: str, r: Roles) -> bool:
    line = line.strip()
    if _FLOOR_NOTE.match(line):
        return True
    call = _FLOOR_CALL.match(line)
    return call is not None and (call.group("who").endswith(("君", "さん")) or role_like(call.group("who"), r))


def _separator(printed: str) -> str:
    """What parts a label from its speech, as printed: the spaces, colon or bracket it ends with. A
    bracket closing one the label opened (委員（Ａ）:) is the label's own, not its separator."""
    sep = printed[len(printed.rstrip(" \u3000\t:：)）")):]
    head = printed[:len(printed) - len(sep)]
    while sep[:1] in (")", "）") and head.count("（") + head.count("(") > head.count("）") + head.count(")"):
        head, sep = head + sep[0], sep[1:]
    return sep


def _runs_on(line: str) -> bool:
    """A line of running text cut by a wrap: long, at most one space inside (a label's; a list has
    more), and stopping on a word character rather than on punctuation."""
    return display_width(line) >= 15 and len(re.findall(r"[\s\u3000]+", line)) <= 1 \
        and is_kana_kanji(line[-1:] or " ")


def _titles_printed_alone(heads, texts: list[str], r: Roles, listed=frozenset()) -> set:
    """Titles outside the list that end a surname + role head and that the document also prints
    after something else (a chair's call 。危機管理課長。, a list 、危機管理課長): where a surname ends
    is shown by the title printed on its own (梶危機管理課長 -> 梶 + 危機管理課長, not 梶危 + 機管理課長).
    The end of a longer title a list prints as a word of its own (`listed`: 市都市計画課長 in 白樺市都市計画課長,
    which a surname ending in 市 leaves of 古市都市計画課長) is no title printed alone."""
    whole = "\n".join(texts)
    out = set()
    heads = set(heads)

    def in_a_head(at: int, tail: str, words=heads) -> bool:
        return any(len(h) > len(tail) and h.endswith(tail) and whole[max(0, at - len(h) + len(tail)):at + len(tail)] == h
                   for h in words)

    for head in heads:
        for n in range(1, 8):  # (a full name too: 宮本浩一郎 / 政策統括官の宮本でございます)
            tail = head[n:]
            if len(tail) < 3 or tail in r.words or not role_like(tail, r) or not _name_like(head[:n], r) \
                    or _name_end_and_title(tail, r):
                continue
            # inside other labels, after two different characters at least (田中特別顧問, 宮腰特別顧問 and
            # 東特別顧問): one other label's name may end as this one's cut does (子構成員 in 長谷川美智子構成員)
            after_heads = set()
            at = whole.find(tail)
            while at >= 0:
                before = whole[:at].rstrip(" \u3000\n")[-1:]
                # (past a wrap: 米 / 山企画官 is 米山企画官 cut, not 山企画官 printed alone)
                inside = in_a_head(at, tail)
                if at and in_a_head(at, tail, listed):
                    pass
                # (nor is a tail run on from a longer word of the text printed alone: 市都市計画課長 in a list's
                # 白樺市都市計画課長 is no title of 古市都市計画課長's; one after a space or at a line start is)
                elif at == 0 or (before != head[n - 1] and not inside and not re.fullmatch(rf"[{KANJI}\u3005]", whole[at - 1])):
                    out.add(tail)
                    break
                elif before != head[n - 1] and inside:
                    after_heads.add(before)
                at = whole.find(tail, at + 1)
            if len(after_heads) >= 2:
                out.add(tail)
    return out


def _name_end_and_title(tail: str, r: Roles) -> bool:
    """`tail` is a name's last character and a title of its own, as heads share it when their surnames end
    alike (町田顧問, 吉田顧問: 田 + 顧問) or a surname of one is another's last (原専門官 beside 勅使河原専門官),
    not a title: the title after its first character is one the genre knows (a two-character one, a listed
    one, or one of three in 官 or 役, 企画官, 進行役, where the tail opens with no word of a title: 事務次官 is a
    title; nor does 副 end a name: 副議長)."""
    rest = tail[1:]
    if tail[:1] in _TITLE_OPENER:
        return False
    return rest in _TWO_CHARACTER_TITLES or rest in r.words \
        or len(rest) == 3 and rest[-1] in "官役" and tail[:2] not in _TITLE_WORD


def _titles_introduced(heads, texts: list[str], r: Roles) -> set:
    """Listed titles ending a surname + role head that the document prints opening a sentence before
    の, as a speaker names themselves (会長の小此木でございます), where no other listed title ending that
    head is printed so: where a surname ends is shown by the title its speakers go by (長谷部会長 ->
    長谷部 + 会長, not 長谷 + 部会長, though 部会長 is listed too)."""
    whole = "".join(t.strip() for t in texts)  # (a wrap may fall between 。 and the title)
    opening = set(re.findall(r"(?:^|[。」])([^\s。、「」の]{2,10})の", whole))
    out = set()
    for head in heads:
        said = [w for w in r.words if head.endswith(w) and len(head) > len(w) and w in opening]
        if len(said) == 1:
            out.add(said[0])
    return out


_ACTING = "代理|代行|職務代理"  # what makes a role the title of one acting for it (座長代理)


def calls(sentence: str, label: LabelMatch) -> bool:
    """`sentence` names the speaker of `label`, as a chair calls the next speaker: by role or full
    name (大臣、よろしくお願いいたします。, 東座長にお願いいたします。), or by the surname of a full name
    printed in the label, before a title or an honorific (原構成員、どうぞ。 for 原健太郎; 原因 is no call)."""
    # (a role inside the title of one acting for it is another's: 座長 in 勅使河原座長代理、どうぞ。, and
    # so is one inside its deputy's: 議長 in 副議長)
    if any(w and len(w) >= 2 and re.search(rf"(?<!副){re.escape(w)}(?!{_ACTING})", sentence)
           for w in (label.name, label.speaker)):
        return True
    name = label.name or ""
    if len(name) < 3 or not re.fullmatch(rf"[{KANJI}\u3005]+", name[:2]):
        return False
    for n in range(1, min(5, len(name) - 1)):  # (a surname of four: 勅使河原座長代理、どうぞ。)
        for m in re.finditer(rf"(?<![{KANJI}\u3005\u30a0-\u30ff]){re.escape(name[:n])}(?P<title>{WORD_CLASS}{{0,8}})"
                             r"(?P<honorific>さん|様|君|氏|先生)?", sentence):
            title = re.sub(rf"(?:{_ACTING})$", "", m.group("title"))  # (one acting for a role: 座長代理)
            if m.group("honorific") or (len(title) >= 2 and ROLE_END.search(title)):
                return True
    return False


def introduces(sentence: str, label: LabelMatch) -> bool:
    """`sentence` is the label's speaker naming themselves, as one opens a first turn (事務局の今泉でござい
    ます。, 座長の原田です。, 原でございます。 for 原健太郎): the name or its surname, then でございます or です."""
    name = label.name or ""
    if not re.fullmatch(rf"[{KANJI}\u3005]{{2,}}", name[:2]):
        return False
    heads = "|".join(re.escape(name[:n]) for n in range(len(name), 0, -1))
    return re.search(rf"(?<![{KANJI}\u3005\u30a0-\u30ff])(?:{heads})(?:でございます|です|と申します)", sentence) is not None


def with_document(label: LabelMatch, roles: Roles) -> LabelMatch:
    """A label parsed before the whole document was seen (a label-column cell), with the document's
    evidence applied to its head: where the document prints surname + role, ○宮腰特別顧問 is
    (特別顧問, 宮腰). The head is not parsed again from text; only its split is settled."""
    if label.name is not None or label.seat is not None or not roles.surname_first:
        return label
    role, name, form = split_head(label.speaker, roles)
    if name is None or not role_like(role, roles):
        return label
    return LabelMatch(role, name, None, label.end, label.marked, form, label.printed,
                      f"{label.evidence}; surname + role, as this document prints its labels")
