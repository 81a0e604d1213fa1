"""A stage direction after a speech's last sentence, wrapped over two lines by a hard-wrapped text
(…申し上げます。（拍 / 手）), closes the paragraph as it does on one line."""
import kaigiroku
from kaigiroku.cleanup.blocks import ends_sentence

FULL = "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへ。"  # a full line: 30 wide characters


def minutes(closing: str, wrapped_tail: str, then: str = "なお、次回の会議は来週の月曜日に開きますので、よろしくお願い") -> str:
    """A hard-wrapped speech (30 characters a line) whose last line wraps at `closing` / `wrapped_tail`,
    then a line of the same speaker with no label (`then`), then the next speaker."""
    return "\n".join(["第1回テスト市議会会議録", "",
                      "○議長（山田太郎君）　ただいまから本日の会議を開きます。",
                      *[FULL] * 12,
                      closing, wrapped_tail,
                      then,
                      "いたします。",
                      "○市長（鈴木一郎君）　ありがとうございました。"]) + "\n"


def test_a_direction_wrapped_after_a_sentence_end_closes_the_paragraph():
    text = minutes("の議事は全て終了いたしました。御協力に感謝申し上げます。（拍", "手）")
    chair = kaigiroku.repair(text).turns[0]
    assert chair.speaker == "議長"
    assert "感謝申し上げます。（拍手）\n\nなお、次回の会議は" in chair.text


def test_a_bracket_wrapped_inside_a_sentence_goes_on():
    # the bracket closes at the line's end, but after no sentence end: the sentence goes on
    text = minutes("の議事について、お手元の資料を御覧ください。表の数字（資", "料１）",
                   "について、事務局から説明を")
    chair = kaigiroku.repair(text).turns[0]
    assert "表の数字（資料1）について、事務局から説明をいたします。" in chair.text


def test_the_paragraph_so_far_is_judged_where_the_line_alone_does_not_say():
    assert not ends_sentence("手）")
    assert ends_sentence("手）", paragraph="御協力に感謝申し上げます。（拍手）")
    assert ends_sentence("手）（笑声）", paragraph="申し上げます。（拍手）（笑声）")
    assert not ends_sentence("１）", paragraph="お手元の表の数字（資料１）")
    assert not ends_sentence("手）", paragraph="")
