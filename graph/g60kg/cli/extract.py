"""CLI commands that grow the graph from articles: `g60kg extract`, `ingest` and `evaluate`."""

from __future__ import annotations

import hashlib
import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..errors import G60Error
from ..project import require_project
from .options import DATA_OPTION

if TYPE_CHECKING:
    from ..extract import Candidates, GazetteerRecord

__all__ = ["evaluate_command", "extract_command", "ingest_command"]

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _source_id(article: Path) -> str:
    """A source id from a file name: anhui-cities.gb18030.txt → anhui-cities-gb18030."""
    return re.sub(r"[^a-z0-9]+", "-", article.stem.lower()).strip("-") or "article"


@click.command("extract")
@click.argument("article", type=click.Path(path_type=Path))
@click.option(
    "--out",
    type=click.Path(path_type=Path),
    required=True,
    help="Candidates file to write (YAML); a folder when ARTICLE is a folder.",
)
@click.option("--url", default=None, help="The article's URL.")
@click.option(
    "--published",
    default=None,
    help="Page date, YYYY-MM-DD (resolves 今年, 去年); default: proposed from the article.",
)
@click.option("--title", default=None, help="The title; default: proposed from the article.")
@click.option("--source-id", default=None, help="Source id (default: from the file name).")
@DATA_OPTION
@click.option(
    "--nlp",
    default=None,
    metavar="NAMES",
    help="Statistical analysers beside the rules (lac, jionlp, or '' for rules only); "
    "default: the adopted set when installed (docs/extract.md).",
)
def extract_command(
    article: Path,
    out: Path,
    url: str | None,
    published: str | None,
    title: str | None,
    source_id: str | None,
    data_dir: Path | None,
    nlp: str | None,
) -> None:
    """Propose entities and statements from ARTICLE (UTF-8, GB18030 or Big5) for review.

    Entities are linked to the registry of data/entities; the output is the same for the same
    input. Nothing is written on an error. ARTICLE may be a folder: every *.txt file in it is
    extracted to OUT/<source id>.yaml, with a progress bar and a summary table; an article that
    fails is listed with its error and written nowhere, and the command then exits with 1.

    \b
    Examples:
      g60kg extract inbox/news.txt --out review/news.yaml --published 2020-11-18 \\
            --title "优图创新基地在洞泾揭牌"
      g60kg extract inbox/ --out review/
    """
    from ..extract import gazetteer_from_entity_files

    if published is not None and not DATE.match(published):
        raise G60Error(f"--published '{published}' is not a date YYYY-MM-DD")
    entities = sorted((require_project(data_dir).data_dir / "entities").rglob("*.yaml"))
    gazetteer = gazetteer_from_entity_files(entities)
    if article.is_dir():
        if source_id or url or title or published:
            raise G60Error(
                "--source-id, --url, --title and --published name one article: "
                "give them only with an article file (a folder's are proposed per article)"
            )
        _extract_folder(article, out, gazetteer, nlp)
        return
    if out.is_dir():
        raise G60Error(f"--out {out} is a folder: give a file name for one article")
    source = source_id or _source_id(article)
    result = _extract_one(article, out, source, gazetteer, nlp, url, published, title)
    click.echo(f"wrote {out}: {_summary(result)}")


def _summary(result: Candidates) -> str:
    statuses = [e["link"]["status"] for e in result.entities]
    counts = ", ".join(f"{statuses.count(s)} {s}" for s in ("linked", "new", "ambiguous"))
    left = f", {len(result.review)} left for review" if result.review else ""
    return f"{len(result.entities)} entities ({counts}), {len(result.statements)} statements{left}"


def _extract_one(
    article: Path,
    out: Path,
    source: str,
    gazetteer: list[GazetteerRecord],
    nlp: str | None,
    url: str | None = None,
    published: str | None = None,
    title: str | None = None,
) -> Candidates:
    """Extract one article to ``out`` (written atomically); G60Error on bad input."""
    from ..extract import extract
    from ..extract.decode import MAX_BYTES
    from ..output import write_bytes
    from ..records.read import HANDLE

    if not HANDLE.match(source):
        raise G60Error(f"source id '{source}': use lower-case letters, digits and '-'")
    if not article.is_file():
        raise G60Error(f"{article}: no such file")
    if article.stat().st_size > MAX_BYTES:
        raise G60Error(
            f"{article}: the file is {article.stat().st_size} bytes, over the {MAX_BYTES}-byte "
            "limit (fix: split the document or extract only the article body)"
        )
    raw = article.read_bytes()
    result = extract(
        raw,
        source_id=source,
        url=url,
        published=published,
        title=title,
        gazetteer=gazetteer,
        nlp=nlp,
    )
    result.meta["file"] = Path(os.path.relpath(article.resolve(), out.resolve().parent)).as_posix()
    result.meta["sha256"] = hashlib.sha256(raw).hexdigest()
    write_bytes(out, result.to_yaml().encode("utf-8"))
    return result


def _extract_folder(
    folder: Path, out: Path, gazetteer: list[GazetteerRecord], nlp: str | None
) -> None:
    """Every *.txt article of ``folder`` to ``out``/<source id>.yaml, then a summary table."""
    articles = sorted(p for p in folder.glob("*.txt") if p.is_file())
    if not articles:
        raise G60Error(f"{folder}: no *.txt articles in this folder")
    if out.exists() and not out.is_dir():
        raise G60Error(f"--out {out} is a file: give a folder when ARTICLE is a folder")
    sources = [_source_id(p) for p in articles]
    clashes = sorted({s for s in sources if sources.count(s) > 1})
    if clashes:
        raise G60Error(f"{folder}: several articles give the source id {', '.join(clashes)}")
    out.mkdir(parents=True, exist_ok=True)
    rows: list[tuple[str, ...]] = []
    pairs = list(zip(articles, sources, strict=True))
    with click.progressbar(length=len(pairs), label="extracting", file=sys.stderr) as bar:
        for article, source in pairs:
            rows.append(_batch_row(article, out / f"{source}.yaml", source, gazetteer, nlp))
            bar.update(1)
    failed = sum(1 for row in rows if row[-1].startswith("failed"))
    click.echo(_table(("article", "entities", "statements", "doubts", "result"), rows))
    click.echo(f"{len(articles) - failed} of {len(articles)} articles extracted to {out}")
    if failed:
        raise G60Error(
            f"{failed} of {len(articles)} articles failed (listed above); fix them and run again"
        )


def _batch_row(
    article: Path, target: Path, source: str, gazetteer: list[GazetteerRecord], nlp: str | None
) -> tuple[str, ...]:
    """One row of the summary table: article, entities, statements, doubts, result."""
    try:
        result = _extract_one(article, target, source, gazetteer, nlp)
    except G60Error as exc:
        return (article.name, "-", "-", "-", f"failed: {exc}")
    review = f", {len(result.review)} for review" if result.review else ""
    counts = (len(result.entities), len(result.statements), len(result.doubts))
    return (article.name, *map(str, counts), f"wrote {target}{review}")


def _table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    """A plain table, columns padded to their widest cell (CJK counted as two).

    >>> print(_table(("a", "n"), [("洞泾", "2")]))
    a     n
    ----  -
    洞泾  2
    """

    def width(text: str) -> int:
        return sum(
            2 if "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" else 1 for ch in text
        )

    sizes = [max(width(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: tuple[str, ...]) -> str:
        parts = [c + " " * (sizes[i] - width(c)) for i, c in enumerate(cells)]
        return "  ".join(parts).rstrip()

    return "\n".join([line(header), line(tuple("-" * n for n in sizes)), *map(line, rows)])


@click.command("ingest")
@click.argument("candidates", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@DATA_OPTION
@click.option(
    "--article",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="The article file (default: the one the candidates name).",
)
@click.option(
    "--accept-suggestions",
    is_flag=True,
    help="Link each ambiguous entity to its top suggestion (and each new entity named like an "
    "existing one to it) instead of stopping; every decision is printed for review.",
)
def ingest_command(
    candidates: Path, data_dir: Path | None, article: Path | None, accept_suggestions: bool
) -> None:
    """Validate reviewed CANDIDATES with the build's checks and add them to data/.

    Adds the source (text byte for byte and metadata), its new entities and its statements;
    writes nothing unless all of it validates. Ingesting the same file again changes nothing.

    \b
    Example:
      g60kg ingest review/news.yaml && g60kg build
    """
    from ..ingest.apply import ingest

    target = require_project(data_dir).data_dir
    click.echo(f"adding to {target}", err=True)
    result = ingest(candidates, target, article, accept_suggestions)
    click.echo(result.summary())


@click.command("evaluate")
@click.argument("gold", type=click.Path(dir_okay=False, path_type=Path), required=False)
@click.option(
    "--pred",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="Candidates file to score against GOLD.",
)
@click.option(
    "--all",
    "root",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="Evaluation folder (articles/, gold/): extract and score every article.",
)
@click.option("--brief", is_flag=True, help="With --all: the tables only, no lists.")
@click.option(
    "--totals",
    "totals_only",
    is_flag=True,
    help="With --all: the totals only (no per-article rows; use it on a blind set).",
)
@click.option(
    "--curated",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    default=None,
    help="Curated statements of the same source: agreement of --pred with them.",
)
@click.option(
    "--nlp",
    default=None,
    metavar="NAMES",
    help="With --all: statistical analysers beside the rules (lac, jionlp, 'lac,jionlp', or '' "
    "for rules only); default: the adopted set (docs/extract.md).",
)
@click.option(
    "--graph-names",
    type=click.Choice(["none", "leave-source-out", "plain"]),
    default="none",
    show_default=True,
    help="With --all: the graph's entities (of --data) as a lexicon; leave-source-out leaves "
    "out those whose only sources are the article's own (gold 'sources'), plain uses all.",
)
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    default=None,
    help="With --graph-names: the data folder (default: the project's).",
)
def evaluate_command(
    gold: Path | None,
    pred: Path | None,
    root: Path | None,
    brief: bool,
    totals_only: bool,
    curated: Path | None,
    nlp: str | None,
    graph_names: str,
    data_dir: Path | None,
) -> None:
    """Precision, recall and F1 of candidates against gold annotations, with misses and false
    positives; or their agreement with curated statements (--curated).

    \b
    Examples:
      g60kg evaluate data/eval/gold/youtu-base.json --pred review/youtu-base.yaml
      g60kg evaluate --all data/eval      # the whole evaluation table
      g60kg evaluate --curated data/statements/youtu-base.yaml --pred review/youtu-base.yaml
      g60kg evaluate --all data/eval/blind --totals   # totals only
      g60kg evaluate --all data/eval/blind --totals --graph-names leave-source-out
    """
    from ..extract.evaluate import GraphNamesUse, evaluate, evaluate_directory, load_gold
    from ..extract.score_report import report, report_one

    if curated is not None:
        if pred is None or gold is not None or root is not None:
            raise G60Error("give --curated STATEMENTS with --pred CANDIDATES only")
        click.echo(_agreement(curated, pred))
        return
    if root is not None:
        if gold is not None or pred is not None:
            raise G60Error("give either --all DIR or GOLD --pred CANDIDATES, not both")
        use = GraphNamesUse()
        data = require_project(data_dir).data_dir if graph_names != "none" else None
        results = evaluate_directory(root, nlp, graph_names, data, use)
        click.echo(use.summary(), err=True)
        click.echo(report(results, not brief, totals_only))
        return
    if gold is None or pred is None:
        raise G60Error("give GOLD --pred CANDIDATES, or --all DIR")
    gold_data = load_gold(gold)
    click.echo(report_one(evaluate(gold_data, _read_mapping(pred, "candidates"))))


def _read_mapping(path: Path, what: str) -> dict[str, Any]:
    """A YAML file holding a mapping, or an error naming the file."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        found = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except (YAMLError, UnicodeDecodeError) as exc:
        raise G60Error(f"{path}: not a {what} YAML file ({exc})") from exc
    if not isinstance(found, dict):
        raise G60Error(f"{path}: not a {what} YAML file (expected a mapping)")
    return found


def _agreement(curated: Path, pred: Path) -> str:
    """How far candidates agree with the curated statements of the same source."""
    from ..extract.curated_agreement import agreement

    candidates, statements = _read_mapping(pred, "candidates"), _read_mapping(curated, "statements")
    (precision, recall, f1), missed, extra = agreement(candidates, statements)
    lines = [f"agreement with curated statements: P {precision} R {recall} F1 {f1}"]
    lines += [f"  not proposed: {m}" for m in missed] + [f"  extra: {e}" for e in extra]
    return "\n".join(lines)
