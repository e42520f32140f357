"""Offline Chinese extraction engine: articles to candidate statements."""
