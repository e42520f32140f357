"""`g60kg ask`: a plain question in Chinese or English, answered from the graph with evidence."""

from __future__ import annotations

import json
from pathlib import Path

import click

__all__ = ["ask_command"]


@click.command("ask")
@click.argument("question")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--lang",
    type=click.Choice(["zh", "en"]),
    default=None,
    help="Answer language (default: the question's).",
)
@click.option(
    "--explain", is_flag=True, help="Print the SPARQL query that was run and its bindings."
)
@click.option(
    "--source",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="Data folder, build folder, N-Quads file or Oxigraph store (default: the project's data).",
)
def ask_command(
    question: str, fmt: str, lang: str | None, explain: bool, source: Path | None
) -> None:
    """Answer QUESTION from the graph, each answer with its source and quoted words.

    \b
    Examples:
      g60kg ask 洞泾镇位于哪个区？
      g60kg ask "“三区两翼”包括哪些部分？" --explain
      g60kg ask "Where is Dongjing Town?" --format json
    """
    from ..ask import ask, reply_json
    from ..ask.render import format_reply
    from ..kg import load

    reply = ask(load(source), question, lang)
    if fmt == "json":
        click.echo(json.dumps(reply_json(reply), ensure_ascii=False, indent=2))
    else:
        shown = lang or ("en" if reply.interpretation.isascii() else "zh")
        click.echo(format_reply(reply, shown, explain))
