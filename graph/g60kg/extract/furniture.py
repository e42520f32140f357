"""Find page furniture: navigation, metadata, share buttons, editor lines, footers and adverts.

Furniture is returned as spans; the text is never edited. Nothing inside a furniture span may
become an entity. A line is judged as a whole: a long content line that merely mentions 优惠
(preferential policies) is not an advert, a short line with 扫码 or 广告 is.

Examples
--------
>>> text = "正文。\\n【广告】扫码加微信，领取优惠\\n责任编辑：周某"
>>> [text[s:e] for s, e in find_furniture(text)]
['【广告】扫码加微信，领取优惠', '责任编辑：周某']
>>> text = "正文。\\n相关阅读：\\n某某产业园开园\\n某某大会举行\\n\\n网友评论\\n网友小王：好"
>>> [text[s:e] for s, e in find_furniture(text)]
['相关阅读：', '某某产业园开园', '某某大会举行', '网友评论', '网友小王：好']
>>> text = "正文。\\n上一篇：某某大会举行  下一篇：某某产业园开园\\n标签：人工智能 松江"
>>> [text[s:e] for s, e in find_furniture(text)]
['上一篇：某某大会举行  下一篇：某某产业园开园', '标签：人工智能 松江']
>>> text = "正文。\\n来源 | 某某日报\\n一审：王某\\n主办：某某市人民政府办公室\\n现场 某某办供图"
>>> [text[s:e] for s, e in find_furniture(text)]
['来源 | 某某日报', '一审：王某', '主办：某某市人民政府办公室', '现场 某某办供图']
"""

from __future__ import annotations

import re

from g60kg.extract.spans import Span

__all__ = ["find_furniture"]

_FOOTER = re.compile(
    r"Copyright|©|版权所有|ICP备|Power(ed)? by|All Rights Reserved|主办单位|承办单位|技术支持|"
    r"网站标识码|公网安备|联系我们|网站地图|关于我们|联系电话[:：]|版权归|友情链接|"
    r"^\s*(网站)?(主办|承办|协办|指导单位|出品单位)[:：]",
    re.I,
)
_PAGE = re.compile(r"打印本页|关闭窗口|^\s*字号|【打印】|【关闭】|【收藏】|^\s*收藏\s|我要纠错")
_COMMENTS = re.compile(
    r"^\s*(网友评论|发表评论|我要评论|评论区|全部评论|热门评论|留言板|用户留言)|^\s*网友\S{0,12}[:：]"
)
_NAV = re.compile(r"当前位置|的位置[:：]|^\s*(网站)?首页\s*[|>｜/]")
_SHARE = re.compile(r"分享到|^\s*分享[:：]|QQ空间|微信\s*微博")
_EDITOR = re.compile(
    r"责任编辑|^\s*(编辑|校对|审核|作者)[:：]|"
    # 来源 | 金华日报, 编辑丨张三, 文/李四, 一审：王五: the credit lines of reposts and accounts
    r"^\s*[（(【]?\s*(来源|编辑|责编|作者|撰文|文字?|图片?|摄影|视频|审核|校对|监制|统筹|策划|排版|美编|"
    r"[一二三]审|初审|复审|终审|编审)\s*[|｜丨/:：]"
)
_RELATED = re.compile(
    r"^\s*【?(相关阅读|延伸阅读|推荐阅读|相关新闻|相关链接|相关报道|上一篇|下一篇|热点推荐|热门推荐|"
    r"猜你喜欢|精彩推荐|为你推荐|往期回顾|热门文章|阅读排行|点击排行|相关文章|更多阅读|大家都在看|"
    r"热点新闻|新闻排行|特别推荐|最新文章|最新资讯|最新新闻|今日热点|热门搜索|排行榜|24小时|"
    r"往期精彩|往期推荐|精彩回顾|热文推荐|相关文件|相关政策|相关推荐)"
)
# page tools and notices anywhere in a line: 上一篇：… 下一篇：…, 标签：, 免责声明, 打开APP
_TOOLS = re.compile(
    r"[上下]一篇[:：]|^\s*(标签|关键词|关键字|TAG)[:：]|免责声明|转载请注明|本文来源[:：]|"
    r"阅读原文|打开APP|下载APP|返回顶部|返回首页|查看更多|点击查看|^\s*【?声明】?[:：]",
    re.I,
)
_HEADER_ONLY = re.compile(r"^\s*【?[\u4e00-\u9fff]{2,6}】?[:：]?\s*$")
_LINK_LINE = 48
_META = re.compile(
    r"发布时间|浏览次数|阅读量|点击量|来源[:：]|稿源[:：]|转载自|供稿[)）]?$|供图[)）]?$"
)
_URL = re.compile(r"(https?://|www\.)[\w.-]+")
_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")
_AD_STRONG = re.compile(
    r"广告|扫码|扫一扫|加微信|微信号|点击|公众号|热线|客服|咨询电话|二维码|长按识别|客户端|更多精彩|\d{3}-\d{3}-\d{4}"
)
_AD_WEAK = re.compile(r"推广|优惠|免费|领取|限时|报名|关注")
_MAX_AD_LINE = 120
_TABLE_ROW = re.compile(r"^\s*[|｜].*[|｜]\s*$")
_NUMBER_CELL = re.compile(r"[|｜]\s*[-−]?\d+(?:\.\d+)?\s*[%％]?\s*(?:[|｜]|$)")


def find_furniture(text: str) -> list[Span]:
    """Return the spans of ``text`` (whole lines, without their newline) that are page furniture."""
    spans: list[Span] = []
    start = 0
    links = False  # inside a list of links under a 相关阅读 header
    for line in text.split("\n"):
        end = start + len(line)
        if not line.strip():
            links = False
        elif _is_furniture(line):
            spans.append(Span(start, end))
            links = bool(_RELATED.search(line) and _HEADER_ONLY.match(line)) or (
                links and len(line.strip()) <= _LINK_LINE
            )
        elif links and len(line.strip()) <= _LINK_LINE and not line.rstrip().endswith("。"):
            spans.append(Span(start, end))
        else:
            links = False
        start = end + 1
    return spans


def _is_furniture(line: str) -> bool:
    if _FOOTER.search(line) or _NAV.search(line) or _SHARE.search(line):
        return True
    if _EDITOR.search(line) or _META.search(line) or _RELATED.search(line):
        return True
    if _PAGE.search(line) or _COMMENTS.search(line) or _TOOLS.search(line):
        return True
    if _URL.search(line) and _DATE.search(line):
        return True
    if line.count("|") + line.count("｜") >= 3 and not _TABLE_ROW.match(line):
        # a menu (首页 | 新闻 | 政务), not a table row (| 签约项目 | 74个 |, GDP | 亿元 | 913.0)
        return not _NUMBER_CELL.search(line)
    if len(line) > _MAX_AD_LINE:
        return False
    weak = len(set(_AD_WEAK.findall(line)))
    return bool(_AD_STRONG.search(line)) or weak >= 2
