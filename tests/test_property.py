"""Property: over generated minutes and every kind of damage, each body character of the input
reaches the output exactly once and in order, and nothing is invented (labels become speaker fields,
markup and furniture go, the cover goes to meta)."""
import re
import unicodedata

import pytest
from hypothesis import assume, example, HealthCheck, Phase, given, settings
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


# ----------------------------------------------------------------------------- every cover style
# Minutes printed by fixtures.variety with each cover style in turn (every other axis at random):
# the cover must end where the body begins. A body character may go nowhere but the turns.

from rapidfuzz.distance import Levenshtein  # noqa: E402

from fixtures.variety import AXES, render_random  # noqa: E402

NGRAM = 8  # a run this long shared with the body and absent from the cover is body text


def norm(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def meta_strings(meta) -> list[str]:
    if isinstance(meta, str):
        return [meta]
    if isinstance(meta, dict):
        return [s for v in meta.values() for s in meta_strings(v)]
    if isinstance(meta, (list, tuple)):
        return [s for v in meta for s in meta_strings(v)]
    return []


def body_in_meta(meta: dict, body: str, cover: str) -> list[str]:
    """Runs of NGRAM characters of a meta value that are body text and not on the cover."""
    found = []
    for value in meta_strings(meta):
        v = norm(value)
        found += [v[i:i + NGRAM] for i in range(len(v) - NGRAM + 1)
                  if v[i:i + NGRAM] in body and v[i:i + NGRAM] not in cover]
    return found


def body_lost_or_doubled(gold_body: str, out_body: str) -> tuple[list[str], list[str]]:
    """(gold body text missing from the output turns, body text the output holds twice)."""
    lost, doubled = [], []
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(gold_body, out_body):
        if tag in ("delete", "replace"):
            lost.append(gold_body[i1:i2])
        if tag in ("insert", "replace") and j2 - j1 >= NGRAM and out_body[j1:j2] in gold_body:
            doubled.append(out_body[j1:j2])
    return lost, doubled


# a failing example found with fresh random draws: ◆北村顧問委託事業者は… (an unlisted title run into the
# speech's first word) was read as 顧問委託事 and its body lost
RUN_ON_UNLISTED_TITLE = {'id': 'random',
                         'meta': {'title': '第5回青葉市情報公開審議会会議録',
                                  'date_text': '令和6年10月1日（水）',
                                  'time_text': '午後2時から午後3時30分まで',
                                  'place': '青葉市役所 5階 第1会議室',
                                  'attendees': ['会長 岡田誠一', '事務局 総務課長', '委員 石井健', '委員 林花子'],
                                  'materials': '別紙のとおり'},
                         'turns': [{'kind': 'heading', 'text': '5 会議の概要'},
                                   {'kind': 'speech',
                                    'speaker': '議長',
                                    'text': 'ただいまの件ですが、防犯カメラの映像について伺います。また、利用者IDの経過を御報告しますか。2024年度の予算について御説明いたします。なお、本件を検討しているところですか。'},
                                   {'kind': 'speech',
                                    'speaker': '委員長',
                                    'name': '石井健',
                                    'text': 'ただいまの件ですが、委託事業者について御説明いたします。また、当該システムはどのように扱われるのでしょうか。\n\nデータセンターは来年4月から運用を開始しますか。'},
                                   {'kind': 'speech',
                                    'speaker': '議長',
                                    'text': 'また、庁内ネットワークはどのように扱われるのでしょうかか。次に、利用者IDは来年4月から運用を開始しますか。\n'
                                            '\n'
                                            'また、データセンターはどのように扱われるのでしょうか。\n'
                                            '\n'
                                            '委託事業者を確認いたしましたか。'},
                                   {'kind': 'note', 'text': '＜説明員入室＞'},
                                   {'kind': 'speech',
                                    'speaker': '教育長',
                                    'text': 'そのため、利用者IDは適切に管理されております。アンケート調査の経過を御報告します。次に、防犯カメラの映像について御説明いたします。なお、個人情報の取扱いに問題はないと考えますか。'},
                                   {'kind': 'note', 'text': '〔「異議なし」と呼ぶ者あり〕'},
                                   {'kind': 'speech',
                                    'speaker': '総務課長',
                                    'name': '中川真理',
                                    'text': '委託事業者は適切に管理されておりますか。また、庁内ネットワークについて伺いますか。学校図書館を確認いたしました。なお、当該システムについて伺いますか。\n'
                                            '\n'
                                            'なお、データセンターに問題はないと考えます。本件の経過を御報告します。\n'
                                            '\n'
                                            'なお、本件について伺いますか。そのため、本件について伺います。ただいまの件ですが、第3条第2項はどのように扱われるのでしょうか。'},
                                   {'kind': 'speech',
                                    'speaker': '議長',
                                    'text': '利用者IDを検討しているところですか。個人情報の取扱いについて伺いますか。\n'
                                            '\n'
                                            'ただいまの件ですが、個人情報の取扱いの経過を御報告します。また、アンケート調査を検討しているところです。また、アンケート調査を検討しているところです。なお、防犯カメラの映像は適切に管理されておりますか。'},
                                   {'kind': 'heading', 'text': '議案第12号'},
                                   {'kind': 'speech',
                                    'speaker': '教育長',
                                    'text': '学校図書館に問題はないと考えます。そのため、アンケート調査に問題はないと考えますか。\n'
                                            '\n'
                                            'そのため、個人情報の取扱いについて御説明いたします。また、2024年度の予算について御説明いたしますか。次に、防犯カメラの映像の経過を御報告します。\n'
                                            '\n'
                                            'ただいまの件ですが、本件は適切に管理されております。'},
                                   {'kind': 'note', 'text': '（全員賛成）'},
                                   {'kind': 'heading', 'text': '（２） 議事'}]}


# no shrinking: a failing repair is reported as drawn, and the test stays fast while it fails
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True, database=None,
          phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(minutes=minutes_strategy(min_turns=3), seed=st.integers(0, 10**6))
@example(minutes=RUN_ON_UNLISTED_TITLE, seed=133)
@pytest.mark.parametrize("cover", AXES["cover"])
def test_cover_never_takes_the_body(cover, minutes, seed):
    # minutes of headings alone (議案第12号 three times over) are indistinguishable from a running header
    assume(any(t["kind"] == "speech" for t in minutes["turns"]))
    r = render_random(minutes, seed, cover=cover)
    out = kaigiroku.repair(r.text)
    gold_body = norm("".join(t["text"] for t in r.gold["turns"]))
    first_turn = norm(r.gold["turns"][0]["text"])
    printed = norm(r.text)
    cover_text = printed[:printed.find(first_turn)] if first_turn in printed else ""
    in_meta = body_in_meta(out.to_dict().get("meta") or {}, gold_body, cover_text)
    assert not in_meta, f"body text in meta: {in_meta[:3]}"
    lost, doubled = body_lost_or_doubled(gold_body, norm("".join(t.text for t in out.turns)))
    assert not lost, f"body text lost: {lost[:3]}"
    assert not doubled, f"body text twice: {doubled[:3]}"
