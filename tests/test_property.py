"""Property: over generated minutes and every kind of damage, each body character of the input
reaches the output exactly once and in order, and nothing is invented (labels become speaker fields,
markup and furniture go, the cover goes to meta)."""
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kaigiroku
from fixtures.generate import DAMAGES, minutes_strategy, render


def body_stream(turns) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", "".join(t["text"] if isinstance(t, dict) else t.text
                                                                  for t in turns)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(minutes=minutes_strategy(), damage=st.sampled_from(DAMAGES), seed=st.integers(0, 10_000))
def test_every_body_character_once_in_order(minutes, damage, seed):
    text = render(minutes, damage, seed=seed)
    out = kaigiroku.repair(text)
    assert body_stream(out.turns) == body_stream(minutes["turns"])


@settings(max_examples=40, deadline=None)
@given(minutes=minutes_strategy())
def test_inline_labels_are_always_attributed(minutes):
    """With labels printed beside their text, every speech keeps its own speaker."""
    out = kaigiroku.repair(render(minutes, "clean_inline"))
    got = [(t.speaker, body_stream([t])) for t in out.turns if t.kind == "speech"]
    want = [(t["speaker"], body_stream([t])) for t in minutes["turns"] if t["kind"] == "speech"]
    assert got == want
