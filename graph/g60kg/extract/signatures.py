"""The signature that closes a notice: the issuing body on a line of its own, the date on the
next. It dates the notice that body issues and the documents the notice names.

Examples
--------
>>> from g60kg.extract.dates import find_dates
>>> from g60kg.extract.mentions import find_mentions
>>> text = ("湖州市人民政府关于印发《湖州市数字经济发展规划》的通知\\n各区县：现印发给你们。\\n"
...         "湖州市人民政府\\n2021年12月16日")
>>> found = find_mentions(text).mentions
>>> for claim in signed_documents(text, found, find_dates(text)):
...     print(claim.subject.name, claim.value)
湖州市人民政府关于印发《湖州市数字经济发展规划》的通知 2021-12-16
湖州市数字经济发展规划 2021-12-16
"""

from __future__ import annotations

from collections.abc import Sequence

from g60kg.extract.claims import ORG_TYPES, Claim
from g60kg.extract.dates import DateMention
from g60kg.extract.mention import Mention
from g60kg.extract.spans import Span

__all__ = ["signed_documents"]


def signed_documents(
    text: str, mentions: Sequence[Mention], dates: Sequence[DateMention]
) -> list[Claim]:
    """Dates for the notices closed by a signature, and for the documents inside them."""
    claims = []
    for date in (d for d in dates if len(d.value) == 10 and _alone_on_line(text, d.span)):
        signer = _signer(text, mentions, date.span.start)
        if signer is None:
            continue
        notices = [
            m for m in mentions if "Document" in m.type and m.name.startswith(signer.name + "关于")
        ]
        inside = [
            m
            for m in mentions
            if "Document" in m.type
            and any(n.span.start <= m.span.start and m.span.end <= n.span.end for n in notices)
            and m not in notices
        ]
        for document in notices + inside:
            claims.append(
                Claim(
                    Span(signer.span.start, date.span.end),
                    predicate="date",
                    subject=document,
                    value=date.value,
                    note=f"Dated by the signature that closes the notice: {signer.name}, "
                    f"{text[date.span.start : date.span.end]}.",
                    date_resolution=date.resolution,
                    confidence=0.8,
                )
            )
    return claims


def _alone_on_line(text: str, span: Span) -> bool:
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    end = len(text) if end < 0 else end
    return not text[start : span.start].strip() and not text[span.end : end].strip()


def _signer(text: str, mentions: Sequence[Mention], start: int) -> Mention | None:
    """The body named alone on the last line before ``start`` that has any text."""
    end = text.rfind("\n", 0, start)
    while end > 0 and not text[text.rfind("\n", 0, end) + 1 : end].strip():
        end = text.rfind("\n", 0, end)
    if end <= 0:
        return None
    line_start = text.rfind("\n", 0, end) + 1
    line = text[line_start:end]
    first = line_start + len(line) - len(line.lstrip())
    last = line_start + len(line.rstrip())
    return next(
        (m for m in mentions if m.span == Span(first, last) and m.type in ORG_TYPES),
        None,
    )
