"""Errors raised by the extraction engine.

Every error names the file, what is wrong and how to fix it, so a curator can act on the message
without reading code.

Examples
--------
>>> err = ExtractError("a.txt", "the file is empty", "pass the article text")
>>> str(err)
'a.txt: the file is empty (fix: pass the article text)'
"""

from __future__ import annotations

__all__ = ["DecodeError", "ExtractError", "GoldError"]


class ExtractError(Exception):
    """Base class: anything that goes wrong while extracting from an article."""

    def __init__(self, file: str, problem: str, fix: str) -> None:
        self.file = file
        self.problem = problem
        self.fix = fix
        super().__init__(f"{file}: {problem} (fix: {fix})")


class DecodeError(ExtractError):
    """The article's bytes cannot be read as text (empty, binary, too large, unknown encoding)."""


class GoldError(ExtractError):
    """A gold annotation file for evaluation is malformed."""
