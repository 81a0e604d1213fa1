"""`--format tei`: ParlaMint component files that validate against the ParlaMint RELAX NG schema,
with their speakers and attendees in a listPerson file beside them."""
import os
import subprocess
import sys

import pytest
from lxml import etree

import kaigiroku
from kaigiroku.writers import companion_files, render

TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SEEDS = ["000_0d5ac7a99f65d7b8", "001_18cb0a25c28de497", "002_716d3d1b3dcf98d6", "003_2489abd23889b2e9",
         "004_4a6c5f40ad5b6a3a"]


@pytest.fixture(scope="module")
def component_schema():
    from conftest import shared_path

    return etree.RelaxNG(file=str(shared_path("tei", "ParlaMint-TEI.rng")))


@pytest.fixture(scope="module")
def listperson_schema(tmp_path_factory):
    """ParlaMint.rng defines listPerson but has no start: a two-line grammar starts there."""
    from conftest import shared_path

    rng = tmp_path_factory.mktemp("rng") / "listPerson.rng"
    rng.write_text('<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="http://www.tei-c.org/ns/1.0">'
                   f'<include href="{shared_path("tei", "ParlaMint.rng").resolve().as_uri()}"/>'
                   '<start><ref name="listPerson"/></start></grammar>', encoding="utf-8")
    return etree.RelaxNG(file=str(rng))


def valid(schema, doc) -> bool:
    ok = schema.validate(doc)
    assert ok, "\n".join(f"{e.line}: {e.message}" for e in schema.error_log)
    return ok


def check_pair(m, tei_doc, persons_doc):
    """What a corpus user checks: every @who resolves to a listPerson person, the speakers of the
    minutes are there, and every speech character is in the <u>s once, in order."""
    ids = {p.get(XML_ID) for p in persons_doc.iter(f"{TEI}person")}
    whos = [u.get("who") for u in tei_doc.iter(f"{TEI}u") if u.get("who")]
    assert whos and all(w.startswith("#") and w[1:] in ids for w in whos)
    named = {t.name for t in m.speeches if t.name}
    names = {"".join(p.itertext()).replace(" ", "").replace("\n", "") for p in persons_doc.iter(f"{TEI}persName")}
    assert named <= names
    said = "".join(p for t in m.speeches for p in t.text.split("\n\n"))
    in_u = "".join("".join(s.itertext()) for u in tei_doc.iter(f"{TEI}u") for s in u.iter(f"{TEI}seg"))
    assert in_u == said
    assert len(list(tei_doc.iter(f"{TEI}u"))) == len(m.speeches)
    assert {u.get("ana") for u in tei_doc.iter(f"{TEI}u")} <= {"#chair", "#regular", "#guest"}


@pytest.mark.parametrize("seed", SEEDS)
def test_seed_minutes_validate_as_parlamint(seed, shared, component_schema, listperson_schema):
    m = kaigiroku.repair(shared("seeds", f"{seed}.txt"))
    tei_doc = etree.fromstring(render(m, "tei").encode("utf-8"))
    (path, persons), = companion_files(m, "tei", f"{seed}.xml").items()
    assert path.name == f"{seed}-listPerson.xml"
    persons_doc = etree.fromstring(persons.encode("utf-8"))
    valid(component_schema, tei_doc)
    valid(listperson_schema, persons_doc)
    check_pair(m, tei_doc, persons_doc)
    assert tei_doc.get("{http://www.w3.org/XML/1998/namespace}lang") == "ja"
    assert tei_doc.find(f".//{TEI}titleStmt/{TEI}title").text == m.meta["title"]
    heads = [h.text for h in tei_doc.iter(f"{TEI}head")]
    assert heads[:1] == [t.text for t in m.turns if t.kind == "heading"][:1]


def test_the_chair_on_the_cover_is_the_speaker_printed_by_role(shared):
    """会長 speaks by role alone; the cover lists one 会長 (小室 充孝): u/@who is that person."""
    m = kaigiroku.repair(shared("seeds", "004_4a6c5f40ad5b6a3a.txt"))
    tei_doc = etree.fromstring(render(m, "tei").encode("utf-8"))
    persons_doc = etree.fromstring(next(iter(companion_files(m, "tei", "x.xml").values())).encode("utf-8"))
    chair = [u for u in tei_doc.iter(f"{TEI}u") if u.get("ana") == "#chair"]
    assert chair and {u.get("who") for u in chair} == {"#小室充孝"}
    person = next(p for p in persons_doc.iter(f"{TEI}person") if p.get(XML_ID) == "小室充孝")
    assert [person.find(f".//{TEI}surname").text, person.find(f".//{TEI}forename").text] == ["小室", "充孝"]
    assert person.find(f".//{TEI}roleName").text == "会長"


def test_pdf_ingest_writes_tei_and_listperson_beside_it(shared, tmp_path, component_schema, listperson_schema):
    out = tmp_path / "p2.xml"
    r = subprocess.run([sys.executable, "-m", "kaigiroku", "ingest", str(shared("realpdf", "p2.pdf")), "--ocr", "never",
                        "-f", "tei", "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    tei_doc = etree.parse(str(out)).getroot()
    persons_doc = etree.parse(str(tmp_path / "p2-listPerson.xml")).getroot()
    valid(component_schema, tei_doc)
    valid(listperson_schema, persons_doc)
    m = kaigiroku.convert(shared("realpdf", "p2.pdf"), ocr="never")
    check_pair(m, tei_doc, persons_doc)
    pages = [int(pb.get("n")) for pb in tei_doc.iter(f"{TEI}pb")]
    assert pages == sorted(pages) and len(pages) > 1, "page breaks follow the PDF's pages"
    assert tei_doc.find(f".//{TEI}setting/{TEI}date").get("when") == "2023-06-06"


def test_tei_on_stdout_is_one_document_and_says_where_listperson_went(tmp_path):
    src = tmp_path / "m.txt"
    src.write_text("第1回テスト審議会会議録\n\n○議長（山田太郎君）　開会します。\n〔拍手〕\n○7番（山本健一君）　質問します。\n",
                   encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "kaigiroku", "repair", str(src), "-f", "tei"], capture_output=True,
                       text=True, timeout=120, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    doc = etree.fromstring(r.stdout.encode("utf-8"))
    assert [u.get("who") for u in doc.iter(f"{TEI}u")] == ["#山田太郎", "#山本健一"]
    assert [u.get("ana") for u in doc.iter(f"{TEI}u")] == ["#chair", "#regular"]
    assert [n.text for n in doc.iter(f"{TEI}note") if n.get("type") is None] == ["〔拍手〕"]
    assert "listPerson" in r.stderr and len(r.stderr.splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.txt"], "nothing written beside on stdout output"


def _minutes_strategy():
    from hypothesis import strategies as st

    from kaigiroku.model import Minutes, Turn

    text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
    label = st.one_of(st.none(), st.sampled_from(["会長", "委員", "議長", "事務局", "7番", "参考人", "山﨑委員"]), text)
    turn = st.builds(Turn, kind=st.sampled_from(["speech", "speech", "note", "heading"]), text=text, speaker=label,
                     name=st.one_of(st.none(), st.sampled_from(["山田太郎", "𠮷田花子", "佐々木"]), text),
                     seat=st.one_of(st.none(), st.sampled_from(["7", "12"])),
                     page=st.one_of(st.none(), st.integers(1, 9)), inferred=st.booleans())
    meta = st.fixed_dictionaries({"title": text, "date_text": text, "time_text": text, "place": text,
                                  "attendees": st.lists(text, max_size=4)})
    return st.builds(Minutes, meta=meta, turns=st.lists(turn, max_size=12),
                     source=st.one_of(st.none(), st.sampled_from(["会議録 第１回.pdf", "-", "x.txt"])))


def test_any_minutes_give_valid_tei(component_schema, listperson_schema):
    """Whatever the turns (headings in a row or last, no speech at all, odd characters in names and
    text, pages or none), both files validate and no speech character is lost but what XML cannot carry."""
    import re

    from hypothesis import given, settings

    @settings(max_examples=int(os.environ.get("TEI_EXAMPLES", 60)), deadline=None)
    @given(_minutes_strategy())
    def check(m):
        tei_doc = etree.fromstring(render(m, "tei").encode("utf-8"))
        persons_doc = etree.fromstring(next(iter(companion_files(m, "tei", "o.xml").values())).encode("utf-8"))
        valid(component_schema, tei_doc)
        valid(listperson_schema, persons_doc)
        ids = {p.get(XML_ID) for p in persons_doc.iter(f"{TEI}person")}
        assert all(u.get("who")[1:] in ids for u in tei_doc.iter(f"{TEI}u") if u.get("who"))
        kept = re.compile(r"[\s\x00-\x1f\ufffe\uffff]")
        said = kept.sub("", "".join(t.text for t in m.speeches))
        assert kept.sub("", "".join("".join(u.itertext()) for u in tei_doc.iter(f"{TEI}u"))) == said

    check()


def test_a_speaker_printed_by_surname_is_the_attendee_of_that_surname():
    m = kaigiroku.repair("第1回テスト会議\n出席者　委員 東 珠実、青木 秀子、青木 一郎\n\n"
                         "○東委員　質問します。\n○青木委員　はい。\n○東委員　続けます。\n")
    doc = etree.fromstring(render(m, "tei").encode("utf-8"))
    persons = etree.fromstring(next(iter(companion_files(m, "tei", "x.xml").values())).encode("utf-8"))
    whos = [u.get("who") for u in doc.iter(f"{TEI}u")]
    assert whos[0] == whos[2] == "#東珠実", "東 is the one attendee surnamed 東"
    assert whos[1] == "#青木", "two attendees are surnamed 青木: nothing is guessed"
    assert {p.get(XML_ID) for p in persons.iter(f"{TEI}person")} == {"東珠実", "青木秀子", "青木一郎", "青木"}


@pytest.mark.parametrize("meeting", ["d1", "d2"])
def test_real_diet_meetings_validate_with_their_chair(meeting, shared, component_schema, listperson_schema):
    import json

    from kaigiroku.model import minutes_from_dict

    m = minutes_from_dict(json.loads(shared("real", f"{meeting}.json").read_text(encoding="utf-8")))
    tei_doc = etree.fromstring(render(m, "tei").encode("utf-8"))
    persons_doc = etree.fromstring(next(iter(companion_files(m, "tei", "x.xml").values())).encode("utf-8"))
    valid(component_schema, tei_doc)
    valid(listperson_schema, persons_doc)
    check_pair(m, tei_doc, persons_doc)
    chair = {t.name for t in m.speeches if t.speaker in ("委員長", "議長")}
    assert {u.get("who")[1:] for u in tei_doc.iter(f"{TEI}u") if u.get("ana") == "#chair"} == chair
