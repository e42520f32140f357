"""A typed mention, and the set of mentions and posts found in one article.

Examples
--------
>>> from g60kg.extract.spans import Span
>>> Mention(Span(0, 3), "洞泾镇", "Town").proper
True
"""

from __future__ import annotations

from dataclasses import dataclass, field

from g60kg.extract.people import Post
from g60kg.extract.spans import Span

__all__ = ["Mention", "MentionSet", "text_order"]


@dataclass(frozen=True)
class Mention:
    """A typed mention: span into the text, matching name (simplified), ontology class."""

    span: Span
    name: str
    type: str
    proper: bool = True
    nested: bool = False
    code: str | None = None
    implied: bool = False
    components: tuple[str, ...] = field(default=(), compare=False)


def text_order(mention: Mention) -> tuple[int, int, str]:
    """Sort key: by start, the longer of two at one start first, then by name."""
    return (mention.span.start, -mention.span.end, mention.name)


@dataclass
class MentionSet:
    """Everything ``find_mentions`` found: mentions in text order, people's posts, and pairs
    naming one thing twice."""

    mentions: list[Mention]
    posts: list[Post]
    same: list[tuple[Mention, Mention]] = field(default_factory=list)
