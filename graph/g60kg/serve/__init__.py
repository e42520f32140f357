"""Serve the graph over HTTP as a SPARQL 1.1 Protocol endpoint with a query page.

Example:

>>> from g60kg.serve import serve
>>> serve("build/g60kg.nq", port=7878, queries_dir="ontology/queries")  # doctest: +SKIP
"""

from g60kg.serve.app import create_app
from g60kg.serve.server import load_store, serve

__all__ = ["create_app", "load_store", "serve"]
