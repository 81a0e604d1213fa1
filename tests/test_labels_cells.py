"""Label-column cells as text extraction leaves them: which lines are one wrapped cell, which are
cells of their own, and which body lines cannot open a turn."""
import pytest

from kaigiroku.charclass import opens_mid_sentence
from kaigiroku.cleanup.textlines import join_wrapped_label_cells
from kaigiroku.model import Break, StreamLine


def _cells(*texts):
    return [s.text for s in join_wrapped_label_cells([StreamLine(t, 1, Break.LINE) for t in texts])]


def test_whole_cells_are_not_joined_into_a_wrapped_one():
    """A narrow label column dumped after the body: surname + listed role is a whole cell, and only
    the cell that does not fit (滝沢学校教育課 / 長) is joined."""
    assert _cells("東教育長", "藤川委員", "滝沢学校教育課", "長", "千葉アドバイザー") == \
        ["東教育長", "藤川委員", "滝沢学校教育課長", "千葉アドバイザー"]


def test_a_name_closed_by_its_honorific_is_a_cell_of_its_own():
    assert _cells("三宅直樹君", "審議官", "三宅直樹君") == ["三宅直樹君", "審議官", "三宅直樹君"]


def test_wrapped_cells_are_still_joined():
    assert _cells("◯堀内国務", "大臣") == ["◯堀内国務大臣"]
    assert _cells("危機管理", "課長") == ["危機管理課長"]
    assert _cells("◆柏原委員", "長", "◆柏原委員") == ["◆柏原委員長", "◆柏原委員"]  # a longer listed role goes on
    assert _cells("教育長", "教育総務課", "長") == ["教育長", "教育総務課長"]  # a listed role alone is a cell
    assert _cells("◆学校教育課長", "（米山由美）", "◆1番（梶美穂）") == ["◆学校教育課長（米山由美）", "◆1番（梶美穂）"]


@pytest.mark.parametrize("line,mid", [
    ("し、バッテリーの劣化や故障が増えております。", True),  # a verb's ending cut off by a page break
    ("て、引き続き取り組みます。", True),
    ("、地域の団体から", True),
    ("っております。", True),
    ("あ、すみません。訂正いたします。", False),  # an interjection may open a speech
    ("はい、お答えいたします。", False),
    ("ただいまの報告について、御質問等はございますか。", False),
])
def test_a_line_that_cannot_open_a_sentence(line, mid):
    assert opens_mid_sentence(line) is mid
