from extract_helpers import EVAL
from g60kg.extract.furniture import find_furniture


def _lines(text: str) -> list[str]:
    return [text[s:e] for s, e in find_furniture(text)]


def test_noisy_page_furniture_is_found() -> None:
    text = (EVAL / "articles" / "g60-weekly-noisy.txt").read_text(encoding="utf-8")
    lines = _lines(text)
    assert any(line.startswith("首页") for line in lines)
    assert any("【广告】" in line for line in lines)
    assert any(line.startswith("点击关注") for line in lines)
    assert any(line.startswith("责任编辑") for line in lines)
    assert any(line.startswith("Copyright") for line in lines)
    assert not any("投资推介大会" in line for line in lines)


def test_seed_footer_and_metadata_are_furniture_but_policy_text_is_not() -> None:
    text = (EVAL / "articles" / "dongjing-ai-town.txt").read_text(encoding="utf-8")
    lines = _lines(text)
    assert any(line.startswith("Copyright ©") for line in lines)
    assert any("www.robotxin.com" in line for line in lines)
    assert not any("优惠产业政策" in line for line in lines)


def test_a_table_row_is_content_but_a_menu_row_is_furniture() -> None:
    text = "首页 | 新闻 | 政务 | 服务\n| 现场签约项目 | 74个 |\n| 签约总投资额 | 876亿元 |"
    assert _lines(text) == ["首页 | 新闻 | 政务 | 服务"]


def test_bracketed_editor_lines_link_lists_and_related_files_are_furniture() -> None:
    text = "正文。\n（编辑：吴晓岚）\n相关文件：\n· 关于印发《绿色园区三年计划》的通知\n友情链接：宛陵在线 | 敬亭论坛"
    assert _lines(text) == text.splitlines()[1:]
