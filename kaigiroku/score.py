"""Score predicted minutes against gold, as ../shared/eval/score.py defines it.

Both sides become a character stream (NFKC, whitespace removed); each character is tagged with
its speaker ("#note" for stage directions and headings, "?" when unattributed) and turn starts
are marked. The streams are aligned with Levenshtein opcodes.

  attributed  gold characters present and given the right speaker / gold characters
              (characters of gold turns marked `inferred` count neither way)
  cer         edit distance / gold characters
  bnd_f       turn-start F1
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

NOTE = "#note"
ROLE_ALIASES = {"説明者": "説明員"}
NOTE_KINDS = {"note", "heading", "direction", "stage"}


def _norm_text(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def _norm_speaker(sp):
    if sp is None:
        return None
    sp = re.sub(r"^[○◯〇◆◎●□■△▲]", "", _norm_text(sp))
    return ROLE_ALIASES.get(sp, sp)


def _norm_name(name):
    if not name:
        return None
    return re.sub(r"(君|さん|氏|委員|議員)$", "", _norm_text(name)) or None


@dataclass
class _Stream:
    chars: str
    who: list  # (role, name) per character
    starts: set
    known: list  # False for characters of turns marked inferred


def _turns_of(doc: dict) -> list:
    turns = doc.get("speeches")
    return doc.get("turns", []) if turns is None else turns


def _stream(doc: dict) -> _Stream:
    chars, who, starts, known = [], [], set(), []
    for t in _turns_of(doc):
        text = _norm_text(t.get("text") or "")
        if not text:
            continue
        if (t.get("kind") or "speech") in NOTE_KINDS:
            role, name = NOTE, None
        else:
            role = _norm_speaker(t.get("speaker")) or "?"
            name = _norm_name(t.get("name"))
        starts.add(len(chars))
        chars.extend(text)
        who.extend([(role, name)] * len(text))
        known.extend([not t.get("inferred")] * len(text))
    return _Stream("".join(chars), who, starts, known)


def _same_speaker(g, p) -> bool:
    if g[0] == NOTE or p[0] == NOTE:
        return g[0] == p[0]
    if g[1]:
        return g[1] == p[1]
    return g[0] == p[0]


def score(gold: dict, pred: dict) -> dict:
    """Scores of `pred` against `gold`; both are dicts in the gold schema (`turns` or `speeches`)."""
    g, p = _stream(gold), _stream(pred)
    matched = correct = correct_known = named = named_ok = 0
    p2g = {}
    for tag, i1, i2, j1, _ in Levenshtein.opcodes(g.chars, p.chars):
        if tag != "equal":
            continue
        for k in range(i2 - i1):
            gi, pj = i1 + k, j1 + k
            p2g[pj] = gi
            matched += 1
            if _same_speaker(g.who[gi], p.who[pj]):
                correct += 1
                correct_known += g.known[gi]
            if g.who[gi][1] and g.who[gi][0] != NOTE:
                named += 1
                named_ok += g.who[gi][1] == p.who[pj][1]
    tp = len({p2g[j] for j in p.starts if j in p2g} & g.starts)
    bp = tp / len(p.starts) if p.starts else 0.0
    br = tp / len(g.starts) if g.starts else 0.0
    n = len(g.chars) or 1
    return {
        "gold_chars": len(g.chars), "pred_chars": len(p.chars),
        "cer": round(Levenshtein.distance(g.chars, p.chars) / n, 4),
        "miss": round(1 - matched / n, 4),
        "spk_acc": round(correct / matched, 4) if matched else 0.0,
        "attributed": round(correct_known / (sum(g.known) or 1), 4),
        "attributed_all": round(correct / n, 4),
        "bnd_p": round(bp, 4), "bnd_r": round(br, 4),
        "bnd_f": round(2 * bp * br / (bp + br), 4) if bp + br else 0.0,
        "gold_turns": len(g.starts), "pred_turns": len(p.starts),
        "name_acc": round(named_ok / named, 4) if named else None,
    }


def format_scores(s: dict, keys=("attributed", "cer", "bnd_f", "name_acc")) -> str:
    return " ".join(f"{k}={s[k]}" for k in keys if k in s)
