"""SPARQL: guarded query text (`text`, `safety`), named queries (`named`), result shaping
(`results`) and remote endpoints (`remote`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:
    from .named import NamedQuery, bind_params, get_query, named_queries, queries_dir, run_named
    from .remote import RemoteError, push, query_endpoint
    from .results import (
        choose_language,
        format_rows,
        normalise_term,
        records,
        rows,
        to_dataframe,
        to_sparql_json,
    )

__all__ = [
    "NamedQuery",
    "RemoteError",
    "bind_params",
    "choose_language",
    "format_rows",
    "get_query",
    "named_queries",
    "normalise_term",
    "push",
    "queries_dir",
    "query_endpoint",
    "records",
    "rows",
    "run_named",
    "to_dataframe",
    "to_sparql_json",
]

__getattr__ = lazy_exports(
    __name__,
    {
        "NamedQuery": "named",
        "bind_params": "named",
        "get_query": "named",
        "named_queries": "named",
        "queries_dir": "named",
        "run_named": "named",
        "choose_language": "results",
        "format_rows": "results",
        "normalise_term": "results",
        "records": "results",
        "rows": "results",
        "to_dataframe": "results",
        "to_sparql_json": "results",
        "RemoteError": "remote",
        "push": "remote",
        "query_endpoint": "remote",
    },
)
