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
