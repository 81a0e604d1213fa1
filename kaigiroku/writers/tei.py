"""TEI as ParlaMint keeps parliamentary corpora: one component file (<TEI>) per meeting, and its
speakers in a <listPerson> file beside it.

The component file follows the ParlaMint RELAX NG schema (ParlaMint-TEI.rng):
- teiHeader: the cover's title (titleStmt, sourceDesc), date and time as a sub-title, place and
  date in settingDesc (@when is the meeting's date; when the cover gives none that can be read,
  @to is the conversion date: the meeting took place before it), counts in extent and tagsDecl;
- body: a <div type="debateSection"> per part under a heading (<head>), holding per speech a
  <note type="speaker"> with the label as printed (none where no label was printed) and a
  <u who ana> with one <seg> a paragraph;
  stage directions as <note>; <pb n> where the page changes;
- u/@who points to a person of the listPerson file (#id), u/@ana is ParlaMint's speaker type:
  #chair for the chair of the sitting, #regular for members, #guest for officials, secretariat and
  explainers. A speech whose speaker is unknown has no @who.

The listPerson file (ParlaMint.rng's listPerson, as ParlaMint-XX-listPerson.xml) holds the speakers
and the cover's attendees (see people.py): persName as surname/forename where a space printed
between them, otherwise the whole name (or the role) in <term>; the printed roles as affiliations.

The schema requires an http(s) idno and the CC BY licence statement. No URI is known for local
minutes, so the idno is under the reserved domain kaigiroku.invalid (RFC 2606: never resolves),
and a paragraph beside the licence says the source's own rights apply: replace both when
publishing. The publication date is the conversion date (SOURCE_DATE_EPOCH when set).
"""
from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter
from pathlib import Path
from urllib.parse import quote

from lxml import etree

from .. import __version__
from ..model import Minutes
from .common import meeting_date, paragraphs, speaker_label
from .people import People, Person, affiliation_role, ncname

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
LANG = "ja"
LICENCE = "http://creativecommons.org/licenses/by/4.0/"
_BREAKS = re.compile(r"[\t\n\r]")
# Characters XML 1.0 cannot carry (C0 controls but tab and newlines, surrogates, U+FFFE/FFFF): a
# stray form feed or vertical tab from an extraction tool is dropped rather than failing the file.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _t(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


def _el(parent, tag: str, text: str | None = None, lang: str | None = None, **attrs) -> etree._Element:
    e = etree.SubElement(parent, _t(tag)) if parent is not None else etree.Element(_t(tag), nsmap={None: TEI_NS})
    if lang:
        e.set(f"{{{XML_NS}}}lang", lang)
    for k, v in attrs.items():
        e.set(f"{{{XML_NS}}}id" if k == "xml_id" else k, str(v))
    if text is not None:
        e.text = _NOT_XML.sub("", text)
    return e


def _one_line(text: str) -> str:
    """Header strings and heads are one line with ordinary spaces only (the schema's
    normalized-space): line breaks become spaces, and the ends are trimmed."""
    return _BREAKS.sub(" ", _NOT_XML.sub("", text)).strip(" ")


def _today() -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.datetime.now(dt.timezone.utc).date()


def document_id(m: Minutes) -> str:
    """ParlaMint-JP_<date>-<source name>: the component's xml:id and the prefix of its elements' ids."""
    when = meeting_date(m.meta)
    stem = Path(m.source).name if m.source else "minutes"
    stem = re.sub(r"\.(txt|pdf|png|tiff?|jpe?g)$", "", stem, flags=re.I)
    return ncname("ParlaMint-JP_" + (f"{when.isoformat()}-" if when else "") + stem)


def listperson_path(path: Path) -> Path:
    """Where the listPerson file of the component file `path` goes: minutes.xml -> minutes-listPerson.xml."""
    name = path.name[: -len(".xml")] if path.name.lower().endswith(".xml") else path.name
    return path.with_name(f"{name}-listPerson.xml")


def _serialise(root) -> str:
    etree.indent(root, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + etree.tostring(root, encoding="unicode") + "\n"


def to_tei(m: Minutes) -> str:
    """The ParlaMint component file (<TEI>) of the minutes."""
    doc_id = document_id(m)
    people = People(m)
    title = _one_line(m.meta.get("title") or "") or _one_line(Path(m.source).name if m.source else "") or "会議録"
    when = meeting_date(m.meta)
    today = _today()
    source_uri = "https://kaigiroku.invalid/source/" + quote(Path(m.source).name if m.source else doc_id)

    root = _el(None, "TEI", lang=LANG, xml_id=doc_id, ana="#parla.sitting #reference")
    header = _el(root, "teiHeader")
    file_desc = _el(header, "fileDesc")
    title_stmt = _el(file_desc, "titleStmt")
    _el(title_stmt, "title", title, lang=LANG, type="main")
    sub = _one_line(" ".join(v for v in (m.meta.get("date_text"), m.meta.get("time_text"), m.meta.get("place")) if v))
    if sub:
        _el(title_stmt, "title", sub, lang=LANG, type="sub")
    _el(title_stmt, "meeting", title, lang=LANG, ana="#parla.sitting")
    _el(_el(file_desc, "editionStmt"), "edition", f"kaigiroku {__version__}")
    extent = _el(file_desc, "extent")
    n_speeches = len(m.speeches)
    _el(extent, "measure", f"{n_speeches} 発言", lang=LANG, unit="speeches", quantity=n_speeches)
    pub = _el(file_desc, "publicationStmt")
    _el(pub, "publisher", "kaigiroku")
    _el(pub, "idno", source_uri + "/tei", type="URI")
    avail = _el(pub, "availability", status="free")
    _el(avail, "licence", LICENCE)
    _el(avail, "p", "The licence element is required by the ParlaMint schema. The minutes keep the rights "
                    "their publisher gives them: check those before publishing this file.", lang="en")
    _el(pub, "date", today.isoformat(), when=today.isoformat())
    bibl = _el(_el(file_desc, "sourceDesc"), "bibl")
    _el(bibl, "title", title, lang=LANG, type="main")
    _el(bibl, "idno", source_uri, type="URI")
    if when:
        _el(bibl, "date", _one_line(m.meta.get("date_text") or "") or when.isoformat(), when=when.isoformat())

    encoding = _el(header, "encodingDesc")
    _el(_el(encoding, "projectDesc"), "p", "Converted by kaigiroku from Japanese meeting minutes (会議録) "
                                           "into speaker-ordered turns, encoded after the ParlaMint schema.",
        lang="en")
    tags_decl = _el(encoding, "tagsDecl")
    profile = _el(header, "profileDesc")
    setting = _el(_el(profile, "settingDesc"), "setting")
    place = _one_line(m.meta.get("place") or "")
    if place:
        _el(setting, "name", place, lang=LANG, type="place")
    _el(setting, "name", "日本", lang=LANG, type="country", key="JP")
    date_text = _one_line(" ".join(v for v in (m.meta.get("date_text"), m.meta.get("time_text")) if v))
    if when:
        _el(setting, "date", date_text or when.isoformat(), ana="#parla.sitting", when=when.isoformat())
    else:
        _el(setting, "date", date_text or None, ana="#parla.sitting", to=today.isoformat())

    text = _el(root, "text", ana="#reference")
    _write_body(_el(text, "body"), m, people, doc_id)
    _tags_decl(tags_decl, text)
    return _serialise(root)


def _sections(m: Minutes) -> list[tuple[list[int], list[int]]]:
    """(heading turns, other turns) of each part: a heading opens a part unless the part before
    has nothing but headings yet (headings in a row head one part). A heading with nothing after it
    stays in the part before, as a note, for the schema wants content under every heading."""
    sections: list[tuple[list[int], list[int]]] = []
    for i, t in enumerate(m.turns):
        if t.kind == "heading" and not (sections and not sections[-1][1]):
            sections.append(([i], []))
        elif t.kind == "heading":
            sections[-1][0].append(i)
        elif sections:
            sections[-1][1].append(i)
        else:
            sections.append(([], [i]))
    if len(sections) > 1 and not sections[-1][1]:
        sections[-2][1].extend(sections.pop()[0])
    return sections


def _write_body(body, m: Minutes, people: People, doc_id: str) -> None:
    page, n_u = None, 0

    def page_break(parent, i):
        nonlocal page
        p = m.turns[i].page
        if p is not None and p != page:
            _el(parent, "pb", n=p)
            page = p

    for heads, items in _sections(m) or [([], [])]:
        div = _el(body, "div", xml_id=f"{doc_id}.d{len(body) + 1}")
        for i in heads:
            _el(div, "head", _one_line(m.turns[i].text) or "—")
        for i in heads[:1]:
            page_break(div, i)
        for i in items:
            t = m.turns[i]
            page_break(div, i)
            if t.kind == "heading":
                _el(div, "note", t.text, type="heading")
            elif t.kind == "note":
                _el(div, "note", t.text)
            else:
                n_u += 1
                who = people.of(i)
                if not t.inferred and (t.speaker or t.name):  # the label as printed, as ParlaMint keeps it
                    _el(div, "note", speaker_label(t), type="speaker")
                u = _el(div, "u", xml_id=f"{doc_id}.u{n_u}", ana="#" + people.speaker_type(t))
                if who is not None:
                    u.set("who", "#" + who.id)
                for p in paragraphs(t.text):
                    _el(u, "seg", p)
        has_u = any(c.tag == _t("u") for c in div)
        div.set("type", "debateSection" if has_u else "commentSection")
        if all(c.tag == _t("head") for c in div):  # nothing at all to encode
            _el(_el(div, "gap", reason="editorial"), "desc", "no text", lang="en")


def _tags_decl(tags_decl, text) -> None:
    counts = Counter(etree.QName(e).localname for e in text.iter(etree.Element))
    ns = _el(tags_decl, "namespace", name=TEI_NS)
    for gi in sorted(counts):
        _el(ns, "tagUsage", gi=gi, occurs=counts[gi])


def to_listperson(m: Minutes) -> str:
    """The <listPerson> file of the minutes' speakers and attendees."""
    people = People(m)
    root = _el(None, "listPerson", lang=LANG, xml_id=document_id(m) + "-listPerson")
    _el(root, "head", "発言者・出席者一覧", lang=LANG)
    persons = list(people.persons.values())
    if not persons:  # the schema wants one person at least: the unknown speaker
        persons = [Person(id="unknown", roles=["不明"])]
    for p in persons:
        person = _el(root, "person", xml_id=p.id)
        pers_name = _el(person, "persName")
        surname, forename = _one_line(p.surname or ""), _one_line(p.forename or "")
        if surname and forename:
            _el(pers_name, "surname", surname)
            _el(pers_name, "forename", forename)
        else:
            _el(pers_name, "term", _one_line(p.name or (p.roles[0] if p.roles else "")) or p.id)
        for role in p.roles:
            ref = affiliation_role(role)
            if ref and _one_line(role):
                aff = _el(person, "affiliation", role=ref)
                _el(aff, "roleName", _one_line(role), lang=LANG)
    return _serialise(root)
