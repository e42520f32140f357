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

__all__ = ["Mention", "MentionSet"]


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


@dataclass
class MentionSet:
    """Everything ``find_mentions`` found: mentions in text order, people's posts, and pairs
    naming one thing twice."""

    mentions: list[Mention]
    posts: list[Post]
    same: list[tuple[Mention, Mention]] = field(default_factory=list)
