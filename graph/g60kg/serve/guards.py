"""What the endpoint checks before reading a request: Host, Origin, and slow or idle clients.

`host_allowed` defends against DNS rebinding: a page on another site that points its own
host name at 127.0.0.1 sends that name as ``Host``; only IP literals, ``localhost`` and the
name the server was bound to are accepted. `cross_site` spots a browser sending a form from
another site (``Sec-Fetch-Site``, ``Origin``), refused for updates.

`GuardedH11Protocol` is uvicorn's HTTP/1.1 protocol with three limits uvicorn lacks: a
connection must send its request headers within ``header_timeout_s`` (again after each
answer), at most ``max_connections`` are open at once, and the process may open as many
files as its hard limit allows.

>>> host_allowed("127.0.0.1:7878", "127.0.0.1"), host_allowed("evil.example:7878", "127.0.0.1")
(True, False)
>>> host_allowed("[::1]:7878", "::1"), host_allowed("localhost", "0.0.0.0")
(True, True)
>>> cross_site({"sec-fetch-site": "cross-site"}, "127.0.0.1:7878")
True
>>> cross_site({"origin": "http://127.0.0.1:7878"}, "127.0.0.1:7878")
False
>>> cross_site({"origin": "null"}, "127.0.0.1:7878")
True
"""

from __future__ import annotations

import asyncio
import ipaddress
import resource
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from uvicorn.protocols.http.h11_impl import H11Protocol

__all__ = ["GuardedH11Protocol", "cross_site", "host_allowed", "raise_file_limit"]


def _hostname(host_header: str) -> str:
    """The host part of a Host header, without port or IPv6 brackets, lowercased."""
    value = host_header.strip().lower()
    if value.startswith("["):
        return value[1 : value.find("]")] if "]" in value else value
    return value.rsplit(":", 1)[0] if value.count(":") == 1 else value


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def host_allowed(host_header: str, bound: str) -> bool:
    """Whether a request's Host header may reach a server bound to ``bound``."""
    name = _hostname(host_header)
    if not name:
        return False
    return _is_ip(name) or name in ("localhost", bound.strip("[]").lower())


def cross_site(headers: Mapping[str, str], host_header: str) -> bool:
    """Whether a browser sent this request from another site (a form, a fetch)."""
    fetch_site = headers.get("sec-fetch-site", "").lower()
    if fetch_site and fetch_site not in ("same-origin", "none"):
        return True
    origin = headers.get("origin")
    if origin is None:
        return False
    if origin == "null":
        return True
    return urlsplit(origin).netloc.lower() != host_header.strip().lower()


def raise_file_limit() -> None:
    """Let the process open as many files (sockets) as its hard limit allows."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft != hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, closing clients too slow to send headers and extra connections."""

    header_timeout_s = 10.0
    max_connections = 1000

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header_timer: asyncio.TimerHandle | None = None
        self._timed_cycle: object = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        if len(self.connections) > self.max_connections:
            transport.close()
            return
        self._arm()

    def _arm(self) -> None:
        self._disarm()
        self._header_timer = self.loop.call_later(self.header_timeout_s, self._too_slow)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _too_slow(self) -> None:
        self._header_timer = None
        if self.cycle is None or self.cycle.response_complete:
            self.transport.close()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.cycle is not None and self.cycle is not self._timed_cycle:
            self._timed_cycle = self.cycle  # a request's headers are in: stop the clock
            self._disarm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)
