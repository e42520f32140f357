"""Questions in plain Chinese or English, answered from the graph with the evidence.

`ask(kg, question)` finds the entities a question names (`spot`), reads what it asks
(`intents`), runs one read-only SPARQL query with those entities bound as terms (`answer`) and
returns a `Reply`: the interpretation, the SPARQL, and answers with Chinese and English labels,
each with its source, date and quoted words (or the public report it cites).
"""

from .answer import Answer, Reply
from .core import ask, reply_json

__all__ = ["Answer", "Reply", "ask", "reply_json"]
