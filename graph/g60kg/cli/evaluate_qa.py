"""`g60kg evaluate-qa`: accuracy of `g60kg ask` per question type on the dev and blind sets."""

from __future__ import annotations

from pathlib import Path

import click

__all__ = ["evaluate_qa_command"]


@click.command("evaluate-qa")
@click.argument("sets", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--misses", "show_misses", is_flag=True, help="List wrong answers (dev sets only!).")
@click.option(
    "--source",
    type=click.Path(exists=True, path_type=Path),
    default=None,
    help="Data folder, build folder, N-Quads file or Oxigraph store (default: the project's data).",
)
def evaluate_qa_command(sets: tuple[Path, ...], show_misses: bool, source: Path | None) -> None:
    """Score `ask` on question sets (default: data/eval/qa/dev*.yaml and blind.yaml).

    Example: g60kg evaluate-qa
    """
    from ..ask.evaluate import evaluate_questions, format_results, misses
    from ..kg import load
    from ..project import require_project

    qa = require_project().data_dir / "eval" / "qa"
    chosen = list(sets) or [
        p for p in qa.glob("*.yaml") if p.stem == "blind" or p.stem.startswith("dev")
    ]
    kg = load(source)
    results = {path.stem: evaluate_questions(kg, path) for path in sorted(chosen)}
    click.echo(format_results(results))
    if show_misses:
        for name, found in results.items():
            if name != "blind":
                click.echo("\n".join(misses(found)))
