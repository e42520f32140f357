"""Traditional to simplified conversion for matching: lives in `g60kg.text`, shared with `ask`
and the registry's duplicate check."""

from g60kg.text import to_simplified

__all__ = ["to_simplified"]
