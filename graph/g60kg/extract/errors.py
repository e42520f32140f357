"""Errors raised by the extraction engine (defined with all of g60kg's in `g60kg.errors`).

Every error names the file, what is wrong and how to fix it, so a curator can act on the message
without reading code.
"""

from __future__ import annotations

from g60kg.errors import DecodeError, ExtractError, GoldError

__all__ = ["DecodeError", "ExtractError", "GoldError"]
