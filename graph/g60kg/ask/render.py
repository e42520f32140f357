"""A reply as people read it: the interpretation, then each answer with its evidence."""

from __future__ import annotations

from .answer import Reply

__all__ = ["format_reply"]

QUOTE_WIDTH = 80


def _short(text: str, width: int = QUOTE_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def format_reply(reply: Reply, lang: str = "zh", explain: bool = False) -> str:
    """Plain text: what was understood, the answers with both labels, and where each comes from."""
    zh = lang == "zh"
    lines = [("问题：" if zh else "Question: ") + reply.question]
    lines.append(("理解为：" if zh else "Understood as: ") + reply.interpretation)
    if reply.message:
        lines.append(reply.message)
    for n, answer in enumerate(reply.answers, 1):
        first, second = (answer.label, answer.label_en) if zh else (answer.label_en, answer.label)
        head = f"{n}. {first}" + (f" ({second})" if second and second != first else "")
        if answer.value:
            head += f": {answer.value}"
        if answer.note:
            head += f" — {answer.note}"
        lines.append(head)
        for item in answer.evidence:
            where = " ".join(str(item[k]) for k in ("publisher", "date") if item.get(k)) or str(
                item.get("source")
            )
            title = f"《{item['title']}》" if item.get("title") else ""
            if item.get("quote"):
                lines.append(f"   “{_short(str(item['quote']))}” — {title}{where}")
            else:
                lines.append(f"   {title}{where} {item.get('url') or ''}".rstrip())
    if not reply.answers and not reply.message:
        lines.append("（无结果）" if zh else "(no answer)")
    if explain and reply.sparql:
        lines += ["", "SPARQL:", reply.sparql]
        lines += [f"  bound ?{k} = <{v}>" for k, v in reply.bindings.items()]
    return "\n".join(lines)
