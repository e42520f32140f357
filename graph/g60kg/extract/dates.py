"""Find dates and resolve relative ones from clues in the document itself.

Absolute dates (2020年11月18日, 2020-11-18, 2020年10月) are ``explicit``. Relative ones
(今天(11月18日), 昨天（7月30日）, 今天, 截至今年十月, 今年, 去年11月18日) need the document's
current year; 同日 and 当天 take the day of the last full date before them. The year comes, in
order, from

1. a sentence that dates a year-named event relatively (今天举办的…2020…大会, 去年…2020…大会):
   ``year-from-text``, the clue being the event name;
2. the published date passed in: ``from-page-date`` (a full date further down the body is more
   often background, 2019年11月1日揭牌以来, than the article's own year);
3. an explicit full date in the body (2020年6月6日, 2020-11-09): ``year-from-text``;
4. a date printed in page furniture: ``from-page-date``.

Dates without a year (6月6日, a dateline's 6月7日电) take the year last named before them, else
the page's year, else the year above; a day alone (9日, 本月3日) takes the month and year of the
article's day, which is the dateline or the page date (``from-dateline``); 昨日, 前天 and 明天
count from that day, and 年内, 当年 name its year.

Examples
--------
>>> text = "今天(11月18日)下午，2020洞泾人工智能投资推介大会举行。截至今年十月，招商2300户。"
>>> [(text[d.span.start:d.span.end], d.value, d.resolution) for d in find_dates(text)]
... # doctest: +NORMALIZE_WHITESPACE
[('今天(11月18日)', '2020-11-18', 'year-from-text'),
 ('截至今年十月', '2020-10', 'year-from-text')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

import cn2an

from g60kg.extract.spans import Span, inside

__all__ = ["NAMED_YEAR", "DateMention", "find_dates"]

_CN = "[一二三四五六七八九十]{1,3}"
# 6月6号 is 6月6日; 11月16至17日: the first day of a range may go without its 日
_DAY_END = r"(?:日|号(?![线楼院馆门厅库位])|(?=\s*(?:至|到|—|–|~|～)\s*(?:\d{1,2}|" + _CN + r")日))"
_MD = r"(?P<month>\d{1,2}|" + _CN + r")月(?:(?P<day>\d{1,2}|" + _CN + r")" + _DAY_END + r")?"
# a full date may be spaced out (2020 年 6 月 6 日, as some portals print it)
_MD_SPACED = (
    r"(?P<month>\d{1,2}|" + _CN + r") ?月(?: ?(?P<day>\d{1,2}|" + _CN + r") ?" + _DAY_END + r")?"
)
_EXPLICIT = re.compile(
    r"(?P<year>(?:19|20)\d{2}) ?年 ?"
    + _MD_SPACED
    + r"|(?P<iy>(?:19|20)\d{2})(?P<sep>[-/.])(?P<im>\d{1,2})(?P=sep)(?P<id>\d{1,2})(?![\d.])"
)
_RELATIVE = re.compile(
    r"(?P<until>截至|截止到?|到)?(?P<rel>今天|今日|昨天|昨日|前天|明天|明日|今年|去年|明年|前年)"
    r"(?:[(（]?(?:" + _MD + r")[)）]?)?"
)
_YEAR_ONLY = re.compile(r"(?P<year>(?:19|20)\d{2})年(?![\d一二三四五六七八九十]{1,3}月)")
# a year naming an event (2020洞泾…大会), not an amount or a count (2040亿元, 2020家)
_YEAR_NAME = re.compile(
    r"(?<![\d年.])(?P<year>20\d{2})(?=[\u4e00-\u9fffA-Za-z])"
    r"(?![年亿万千百元多余个家人名户项台套件座栋所条次倍亩米吨辆])"
)
_OFFSET = {"今年": 0, "去年": -1, "明年": 1, "前年": -2}
_DAYS = ("今天", "今日", "昨天", "昨日", "前天", "明天", "明日")
_DAY_SHIFT = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "明天": 1, "明日": 1}
_SAME_DAY = re.compile(r"同日|当日|当天|同一天|(?P<next>次日|翌日|第二天)")
_MONTH_DAY = re.compile(r"(?<![\d年月/.])(?<!\d-)" + _MD + r"(?P<wire>电)?")
_DAY_ONLY = re.compile(
    r"(?<![\d月/.-])(?P<this>本月|当月|上月|上个月)?(?P<day>\d{1,2}|[一二三四五六七八九十]{1,3})日(?!本)"
)
_THIS_YEAR = re.compile(r"年内|当年|本年度|本年")
_THIS_MONTH = re.compile(
    r"(?P<which>本月|当月|上月|上个月)(?P<part>底|初|末)?(?![\d一二三四五六七八九十])"
)
_DAY_SHIFT = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "明天": 1, "明日": 1}
_YEAR_NAMED = re.compile(r"((?:19|20)\d{2})年")
# the year an event's name gives (2021长三角G60科创走廊联席会议, 2023年世界互联网大会…)
NAMED_YEAR = re.compile(r"(?:19|20)\d{2}(?=年?[^\d])")
_FUTURE = re.compile(r"预计|计划|将于|将在|拟于|拟在|力争|争取|有望|预期")


@dataclass(frozen=True)
class DateMention:
    """A date found in the text: its span, ISO value, how it was resolved and from what clue."""

    span: Span
    value: str
    resolution: str
    clue: str
    until: bool = False


@dataclass(frozen=True)
class _Anchor:
    year: int
    resolution: str
    clue: str


def find_dates(
    text: str,
    *,
    published: str | None = None,
    furniture: Sequence[Span] = (),
    sentences: Sequence[Span] = (),
) -> list[DateMention]:
    """Return the dates in ``text`` (outside furniture) in order, relative ones resolved.

    ``published`` is an ISO date (the page date) used when the text gives no year of its own.
    """
    sentences = sentences or [Span(0, len(text))]
    explicit = [m for m in _EXPLICIT.finditer(text) if not inside(_mspan(m), furniture)]
    anchor = _anchor(text, explicit, published, furniture, sentences)
    found = [_explicit(m) for m in explicit]
    found += _written_out(text, furniture, found)
    relative = [m for m in _RELATIVE.finditer(text) if not inside(_mspan(m), furniture) and anchor]
    today = _today(relative, anchor, published, _wire_day(text, furniture, anchor))
    for match in relative:
        mention = _relative(match, anchor, today) if anchor else None
        if mention is not None:
            found.append(mention)
    found.extend(_same_year(text, furniture, found))
    found.extend(_month_days(text, furniture, found, anchor, published))
    day = _article_day(found, published)
    found.extend(_days_only(text, furniture, found, day))
    found.extend(_shifted_days(text, furniture, found, day))
    found.extend(_this_year_month(text, furniture, found, anchor, day))
    found.extend(_same_day(text, furniture, sorted(found, key=lambda d: d.span)))
    for match in _YEAR_END.finditer(text):
        if _free(_mspan(match), furniture, found):  # 2025年底: its last month
            value = f"{match.group('year')}-12"
            found.append(DateMention(_mspan(match), value, "explicit", match.group()))
    for match in _YEAR_ONLY.finditer(text):
        if not inside(_mspan(match), furniture) and not inside(
            _mspan(match), [d.span for d in found]
        ):
            found.append(DateMention(_mspan(match), match.group("year"), "explicit", match.group()))
    found += _ranges(text, furniture, sorted(found, key=lambda d: d.span))
    return sorted(found, key=lambda d: d.span)


def _ranges(text: str, furniture: Sequence[Span], found: list[DateMention]) -> list[DateMention]:
    """1月7日至8日, 2024—2026年: the interval the two ends make (ISO start/end), beside them.

    >>> [d.value for d in find_dates("会议于2021年1月7日至8日举行，规划期为2024—2026年。")]
    ['2021-01-07', '2021-01-07/2021-01-08', '2021-01-08', '2024/2026', '2026']
    """
    result = []
    for first, second in pairwise(found):
        joined = _RANGE.match(text, first.span.end, second.span.start)
        same_shape = len(first.value) == len(second.value) and first.value < second.value
        if joined and same_shape and "/" not in first.value + second.value:
            span = Span(first.span.start, second.span.end)
            value = f"{first.value}/{second.value}"
            result.append(DateMention(span, value, first.resolution, text[span.start : span.end]))
    for match in _YEARS.finditer(text):
        span = _mspan(match)
        taken = any(d.span == span for d in result)
        if not taken and not inside(span, furniture) and match.group("first") < match.group("last"):
            value = f"{match.group('first')}/{match.group('last')}"
            result.append(DateMention(span, value, "explicit", match.group()))
    return result


_YEARS = re.compile(
    r"(?<!\d)(?P<first>(?:19|20)\d{2})(?!\d)年?\s*(?:至|到|—|–|-|~|～)\s*(?P<last>(?:19|20)\d{2})年"
)
_YEAR_END = re.compile(r"(?P<year>(?:19|20)\d{2})年(?:底|末)")


_CN_YEAR = re.compile(
    r"(?P<year>[〇○零一二三四五六七八九]{4})年(?:(?P<month>[一二三四五六七八九十]{1,2})月"
    r"(?:(?P<day>[一二三四五六七八九十]{1,3})日)?)?"
)
_COMPACT = re.compile(
    r"^\s*(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])\s*$", re.M
)
_CN_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")


def _written_out(
    text: str, furniture: Sequence[Span], found: list[DateMention]
) -> list[DateMention]:
    """二〇二五年十二月二十四日 (a notice's signature date) and a line that is only 20251224.

    >>> [d.value for d in find_dates("特此通知。\\n二〇二五年十二月二十四日\\n20251224")]
    ['2025-12-24', '2025-12-24']
    """
    result = []
    for match in _CN_YEAR.finditer(text):
        span = _mspan(match)
        if not _free(span, furniture, found):
            continue
        year = int(match.group("year").translate(_CN_DIGITS))
        value = (
            _iso(year, match.group("month"), match.group("day"))
            if match.group("month")
            else str(year)
        )
        result.append(DateMention(span, value, "explicit", match.group()))
    for match in _COMPACT.finditer(text):
        span = Span(match.start("y"), match.end("d"))
        if _free(span, furniture, found):
            value = f"{match.group('y')}-{match.group('m')}-{match.group('d')}"
            result.append(DateMention(span, value, "explicit", match.group().strip()))
    return result


def _free(span: Span, furniture: Sequence[Span], found: Sequence[DateMention]) -> bool:
    taken = [d.span for d in found]
    overlaps = any(t.start < span.end and span.start < t.end for t in taken)
    return not overlaps and not inside(span, furniture)


_SAME_YEAR = re.compile(r"(?P<which>同年|当年|次年|翌年|第二年)(?:" + _MD + r")?")


def _same_year(text: str, furniture: Sequence[Span], found: list[DateMention]) -> list[DateMention]:
    """同年5月, 次年: the year last named before them (the next one for 次年, 翌年, 第二年).

    >>> [d.value for d in find_dates("2016年，走廊提出。次年7月，走廊更名；同年，联盟成立。")]
    ['2016', '2017-07', '2017']
    """
    result: list[DateMention] = []
    for match in _SAME_YEAR.finditer(text):
        span = _mspan(match)
        named = [(m.end(), int(m.group(1))) for m in _YEAR_NAMED.finditer(text, 0, span.start)]
        named += [(d.span.end, int(d.value[:4])) for d in result]
        if not named or not _free(span, furniture, found):
            continue
        last = max(named)[1]
        year = last + (0 if match.group("which") in ("同年", "当年") else 1)
        month, day = match.group("month"), match.group("day")
        value = _iso(year, month, day) if month else str(year)
        clue = f"{match.group()}: after the year {last}"
        result.append(DateMention(span, value, "year-from-text", clue))
    return result


def _month_days(
    text: str,
    furniture: Sequence[Span],
    found: list[DateMention],
    anchor: _Anchor | None,
    published: str | None = None,
) -> list[DateMention]:
    """6月6日 and a dateline's 6月7日电: the year last named before them, else the anchor's."""
    result = []
    for match in _MONTH_DAY.finditer(text):
        span = Span(match.start(), match.end() - (1 if match.group("wire") else 0))
        if not _free(span, furniture, found):
            continue
        named = [m for m in _YEAR_NAMED.finditer(text, 0, match.start()) if m.end() < span.start]
        later = _YEAR_NAMED.search(text, match.end())
        page_year = int(published[:4]) if published else anchor.year if anchor else None
        future = _FUTURE.search(text, max(0, match.start() - 6), match.start())
        if published and _page_day(published, match.group("month"), match.group("day")):
            # 6月16日 on a page dated 2023-06-16: the report's own day, whatever year came before
            # (天马…2024年起释放产能 in the headline)
            year, clue, how = int(published[:4]), f"the page date {published}", "from-page-date"
        elif named and future and page_year is not None and page_year > int(named[-1].group(1)):
            # 2019年11月1日揭牌以来…预计12月开工: a plan, in the article's year
            year, how = page_year, "from-page-date" if published else "year-from-text"
            clue = f"{future.group()}…: a plan, in the article's year {page_year}"
        elif named:
            year, clue, how = int(named[-1].group(1)), named[-1].group(), "year-from-text"
        elif published:
            # no year before it: the page's year, not a later (background) date's
            year, clue, how = int(published[:4]), f"the page date {published}", "from-page-date"
        elif anchor is not None:
            year, clue, how = anchor.year, anchor.clue, anchor.resolution
        elif later is not None:
            year, clue, how = int(later.group(1)), later.group(), "year-from-text"
        else:
            continue
        value = _iso(year, match.group("month"), match.group("day"))
        kind = "dateline " if match.group("wire") else ""
        clue = f"{kind}{text[span.start : span.end]}: {clue}"
        result.append(DateMention(span, value, how, clue))
    return result


def _page_day(published: str | None, month: str | None, day: str | None) -> bool:
    """Whether 6月16日 is the page date's month and day.

    >>> _page_day("2023-06-16", "6", "16"), _page_day("2023-06-16", "6", "15")
    (True, False)
    """
    if not published or len(published) < 10 or not month or not day:
        return False
    return (int(published[5:7]), int(published[8:10])) == (_int(month), _int(day))


def _article_day(found: list[DateMention], published: str | None) -> DateMention | None:
    """The article's own day: a dateline (…电) or the page date, else its first full date."""
    wires = [d for d in found if d.clue.startswith("dateline") and len(d.value) == 10]
    if wires:
        return wires[0]
    if published and len(published) >= 10:
        return DateMention(Span(0, 0), published[:10], "from-page-date", "the page date")
    full = [d for d in sorted(found, key=lambda d: d.span) if len(d.value) == 10]
    return full[0] if full else None


def _days_only(
    text: str, furniture: Sequence[Span], found: list[DateMention], day: DateMention | None
) -> list[DateMention]:
    """9日, 本月3日: the month and year of the article's day."""
    result: list[DateMention] = []
    for match in _DAY_ONLY.finditer(text):
        span = _mspan(match)
        if not _free(span, furniture, found) or _int(match.group("day")) > 31:
            continue
        start = _range_start(text, span, found)
        if start is not None:  # 6月6日至8日: the month of the range's first day
            value = f"{start.value[:7]}-{_int(match.group('day')):02d}"
            clue = f"{match.group()}: the month of {start.value}, where the range starts"
            result.append(DateMention(span, value, start.resolution, clue))
            continue
        if day is None:
            continue
        month = date.fromisoformat(day.value[:7] + "-01")
        if (match.group("this") or "").startswith("上"):
            month = (month - timedelta(days=1)).replace(day=1)  # 上月20日
        value = f"{month.isoformat()[:7]}-{_int(match.group('day')):02d}"
        clue = f"{match.group()}: the month of {month.isoformat()[:7]} ({day.clue})"
        result.append(DateMention(span, value, "from-dateline", clue))
    return result


_RANGE = re.compile(r"\s*(?:至|到|—|–|-|~|～)\s*$")


def _range_start(text: str, span: Span, found: list[DateMention]) -> DateMention | None:
    """The full date a day alone ends a range from (6月6日至8日), if any."""
    for date_ in found:
        close = len(date_.value) == 10 and 0 < span.start - date_.span.end <= 3
        if close and _RANGE.match(text, date_.span.end, span.start):
            return date_
    return None


def _shifted_days(
    text: str, furniture: Sequence[Span], found: list[DateMention], day: DateMention | None
) -> list[DateMention]:
    """昨日, 前天, 明天 (without a date of their own): counted from the article's day."""
    if day is None:
        return []
    result = []
    for match in re.finditer("|".join(_DAY_SHIFT), text):
        span = _mspan(match)
        shift = _DAY_SHIFT[match.group()]
        if not shift or not _free(span, furniture, found):
            continue
        value = (date.fromisoformat(day.value) + timedelta(days=shift)).isoformat()
        clue = f"{match.group()}: {shift:+d} day from {day.value} ({day.clue})"
        result.append(DateMention(span, value, "from-dateline", clue))
    return result


def _this_year_month(
    text: str,
    furniture: Sequence[Span],
    found: list[DateMention],
    anchor: _Anchor | None,
    day: DateMention | None,
) -> list[DateMention]:
    """年内, 当年 (the anchor's year) and 本月, 当月底, 上月 (the article's month)."""
    result = []
    for match in _THIS_YEAR.finditer(text):
        span = _mspan(match)
        if not _free(span, furniture, found):
            continue
        if anchor is not None:
            clue = f"{match.group()}: {anchor.clue}"
            result.append(DateMention(span, str(anchor.year), anchor.resolution, clue))
        elif day is not None:
            clue = f"{match.group()}: the year of {day.value} ({day.clue})"
            result.append(DateMention(span, day.value[:4], "from-dateline", clue))
    for match in _THIS_MONTH.finditer(text):
        span = _mspan(match)
        if day is None or not _free(span, furniture, found + result):
            continue
        month = date.fromisoformat(day.value[:7] + "-01")
        if match.group("which").startswith("上"):
            month = (month - timedelta(days=1)).replace(day=1)
        clue = f"{match.group()}: the month of {day.value} ({day.clue})"
        result.append(DateMention(span, month.isoformat()[:7], "from-dateline", clue))
    return result


def _same_day(text: str, furniture: Sequence[Span], found: list[DateMention]) -> list[DateMention]:
    """同日, 当天: the day of the last full date before it; 次日, 翌日: the day after it.

    >>> [d.value for d in find_dates("2023年5月31日晚，大会开幕。次日，论坛举行。")]
    ['2023-05-31', '2023-06-01']
    """
    same = []
    for match in _SAME_DAY.finditer(text):
        if inside(_mspan(match), furniture):
            continue
        before = [d for d in found if d.span.end <= match.start() and len(d.value) == 10]
        if before:
            day = before[-1]
            value = day.value
            written = text[day.span.start : day.span.end]
            clue = f"{match.group()}: the same day as {written}"
            if match.group("next"):
                value = (date.fromisoformat(value) + timedelta(days=1)).isoformat()
                clue = f"{match.group()}: the day after {written}"
            same.append(DateMention(_mspan(match), value, day.resolution, clue))
    return same


def _anchor(
    text: str,
    explicit: list[re.Match[str]],
    published: str | None,
    furniture: Sequence[Span],
    sentences: Sequence[Span],
) -> _Anchor | None:
    for sentence in sentences:
        if inside(sentence, furniture):
            continue
        chunk = text[sentence.start : sentence.end]
        relative = _RELATIVE.search(chunk)
        named = _YEAR_NAME.search(chunk)
        if relative and named and not relative.group("until"):
            year = int(named.group("year")) - _OFFSET.get(relative.group("rel"), 0)
            clue = chunk[named.start() : named.start() + 30].split("，")[0]
            return _Anchor(year, "year-from-text", f"the year {named.group('year')} in {clue}")
    if published:
        return _Anchor(int(published[:4]), "from-page-date", f"the page date {published}")
    for match in explicit:
        if (match.group("year") and match.group("day")) or match.group("iy"):
            year = int(match.group("year") or match.group("iy"))
            return _Anchor(year, "year-from-text", f"the date {match.group()}")
    for span in furniture:
        page = re.search(r"((?:19|20)\d{2})[-年/]\d{1,2}[-月/]\d{1,2}", text[span.start : span.end])
        if page:
            return _Anchor(int(page.group(1)), "from-page-date", f"the page date {page.group()}")
    return None


def _explicit(match: re.Match[str]) -> DateMention:
    if match.group("iy"):
        value = f"{match.group('iy')}-{int(match.group('im')):02d}-{int(match.group('id')):02d}"
    else:
        value = _iso(int(match.group("year")), match.group("month"), match.group("day"))
    return DateMention(_mspan(match), value, "explicit", match.group())


_WIRE = re.compile(r"(?P<month>\d{1,2})月(?P<day>\d{1,2})日电")


def _wire_day(text: str, furniture: Sequence[Span], anchor: _Anchor | None) -> DateMention | None:
    """The day of a wire dateline (本报上海11月8日电), in the year the text or page gives."""
    match = next((m for m in _WIRE.finditer(text) if not inside(_mspan(m), furniture)), None)
    if match is None or anchor is None:
        return None
    value = _iso(anchor.year, match.group("month"), match.group("day"))
    return DateMention(_mspan(match), value, anchor.resolution, f"the dateline {match.group()}")


def _today(
    relative: list[re.Match[str]],
    anchor: _Anchor | None,
    published: str | None,
    wire: DateMention | None = None,
) -> DateMention | None:
    """今天 is the day the text gives for it (今天(11月18日)), else the day of a wire dateline
    (11月8日电: the story's day, which a next-morning page date is not), else the page date."""
    for match in relative:
        if match.group("rel") in ("今天", "今日") and match.group("day") and anchor:
            return _relative(match, anchor, None)
    if wire is not None:
        return wire
    if published and len(published) >= 10:
        return DateMention(Span(0, 0), published[:10], "from-page-date", "the page date")
    return None


def _relative(
    match: re.Match[str], anchor: _Anchor, today: DateMention | None
) -> DateMention | None:
    rel = match.group("rel")
    year = anchor.year + _OFFSET.get(rel, 0)
    until = bool(match.group("until"))
    clue = f"{match.group()}: {anchor.clue}"
    if match.group("month"):
        value = _iso(year, match.group("month"), match.group("day"))
        return DateMention(_mspan(match), value, anchor.resolution, clue, until)
    if rel in _DAYS:
        if today is None:
            return None
        shift = _DAY_SHIFT[rel]
        value = (date.fromisoformat(today.value) + timedelta(days=shift)).isoformat()
        clue = f"{match.group()}: {shift:+d} day(s) from {today.value}, {today.clue}"
        return DateMention(_mspan(match), value, today.resolution, clue)
    return DateMention(_mspan(match), str(year), anchor.resolution, clue, until)


def _iso(year: int, month: str, day: str | None) -> str:
    value = f"{year}-{_int(month):02d}"
    return f"{value}-{_int(day):02d}" if day else value


def _int(raw: str) -> int:
    return int(raw) if raw.isdigit() else int(cn2an.cn2an(raw, "smart"))


def _mspan(match: re.Match[str]) -> Span:
    return Span(match.start(), match.end())
