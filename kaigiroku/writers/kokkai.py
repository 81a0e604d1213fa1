"""JSON shaped like the answer of the National Diet Library's minutes API (国会会議録検索システム
検索用API, meeting endpoint, recordPacking=json), so that tools written for that API read our minutes.

One meetingRecord with its speechRecord list, field names as the API spells them:

- speechOrder 0 is the meeting's opening record, as in the API: speaker "会議録情報", its speech the
  cover (date and time, place, attendees, one a line) and any headings or directions before the
  first speech; speechOrder 1, 2, … are the speeches in order.
- speaker: the speaker's name when printed, else the role (or seat) as printed; null when unknown.
- speakerPosition: the role as printed (委員長, 総務課長, 7番); speakerRole: 証人, 参考人 or 公述人
  when the role is one of those, else null; speakerYomi and speakerGroup: null (minutes print no
  reading and rarely a group).
- speech: "○label　text" as the API prints it, the label as the text format prints it
  (議長（山田太郎）); paragraphs joined by CRLF and an indenting full-width space; stage directions
  and headings between speeches are lines of the speech before them, as the API keeps them.
  A speech whose speaker is unknown is a record of its own with speaker null and no ○label; the same
  speaker going on after a direction without a label printed (an inferred turn) stays in the record.
- startPage: the page the speech starts on, 1 for the opening record (null for text input, which
  has no pages).
- speechID: <name of the source>_<speechOrder, 3 digits>; issueID, session, nameOfHouse, issue,
  closing, speechURL, meetingURL, pdfURL: null (they are the Diet's own identifiers and links);
  nameOfMeeting: the cover's title; date: the meeting's date as YYYY-MM-DD when the cover gives it.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from ..model import Minutes
from .common import cover_items, meeting_date, paragraphs, speaker_label

NEWLINE = "\r\n"  # the API's line separator inside a speech
ROLES_OF_RECORD = ("証人", "参考人", "公述人")
OPENING = "会議録情報"


def _record(order: int, base: str) -> dict:
    return {"speechID": f"{base}_{order:03d}", "speechOrder": order, "speaker": None, "speakerYomi": None,
            "speakerGroup": None, "speakerPosition": None, "speakerRole": None, "speech": "",
            "startPage": None, "createTime": None, "updateTime": None, "speechURL": None}


def _append(record: dict, line: str) -> None:
    record["speech"] = f"{record['speech']}{NEWLINE}{line}" if record["speech"] else line


def to_kokkai(m: Minutes) -> str:
    base = re.sub(r"\W", "_", Path(m.source).name) if m.source else "minutes"
    opening = _record(0, base)
    opening["speaker"] = OPENING
    for key, value in cover_items(m.meta):
        _append(opening, f"{key}　{value}")
    records = [opening]
    last = None  # the speech turn the last record opened with
    for t in m.turns:
        if t.kind != "speech":
            _append(records[-1], t.text.replace("\n\n", NEWLINE))
            continue
        if t.inferred and last is not None and (t.speaker, t.name, t.seat) == (last.speaker, last.name, last.seat):
            for p in paragraphs(t.text):  # the same speaker going on after a direction: no label, one record
                _append(records[-1], "\u3000" + p)
            continue
        last = t
        rec = _record(len(records), base)
        rec["speaker"] = t.name or t.speaker
        rec["speakerPosition"] = t.speaker
        rec["speakerRole"] = t.speaker if t.speaker in ROLES_OF_RECORD else None
        rec["startPage"] = t.page
        paras = paragraphs(t.text)
        rec["speech"] = (f"○{speaker_label(t)}\u3000" if t.speaker or t.name else "") + paras[0]
        for p in paras[1:]:
            _append(rec, "\u3000" + p)
        records.append(rec)
    opening["startPage"] = 1 if m.pages else None  # the cover opens the first page
    when = meeting_date(m.meta)
    meeting = {"issueID": None, "imageKind": "会議録", "searchObject": 0, "session": None, "nameOfHouse": None,
               "nameOfMeeting": m.meta.get("title") or None, "issue": None,
               "date": when.isoformat() if when else None, "closing": None, "speechRecord": records,
               "meetingURL": None, "pdfURL": None}
    answer = {"numberOfRecords": 1, "numberOfReturn": 1, "startRecord": 1, "nextRecordPosition": None,
              "meetingRecord": [meeting]}
    return json.dumps(answer, ensure_ascii=False, indent=1) + "\n"
