"""HTTP exchanges with a remote store that end in time, read a bounded body and keep secrets.

`Exchange` sends requests through one httpx client under an overall deadline: each request
runs on a daemon thread and is abandoned when the deadline passes (a server sending one byte
a minute cannot hold the caller), the body is streamed and cut at ``max_bytes``, an error
body at 2,000 bytes. Every message passes through `redact`, which hides the password of a
URL, the values of ``token``-like query parameters, and the given secrets.

>>> redact("http://dba:s3cret@host:8890/sparql?token=abc&graph=g")
'http://dba:***@host:8890/sparql?token=***&graph=g'
>>> redact("login failed for s3cret", secrets=["s3cret"])
'login failed for ***'
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, urlsplit

import httpx

from ..errors import RemoteError

__all__ = ["Exchange", "RemoteError", "redact", "url_secrets"]

_SECRET_PARAM = re.compile(
    r"(?i)^(token|access_token|api[-_]?key|key|password|passwd|pwd|secret|auth|signature|sig)$"
)
_ERROR_BYTES = 2_000


def url_secrets(text: str) -> list[str]:
    """The passwords and token-like query values of the URLs in ``text``."""
    found = []
    for url in re.findall(r"https?://[^\s'\"<>]+", text):
        parts = urlsplit(url)
        if parts.password:
            found.append(parts.password)
        found += [v for k, v in parse_qsl(parts.query) if v and _SECRET_PARAM.match(k)]
    return found


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` with URL passwords, token-like query values and ``secrets`` replaced by ***."""
    for secret in sorted({*url_secrets(text), *secrets}, key=len, reverse=True):
        if len(secret) >= 3:
            text = text.replace(secret, "***")
    return text


@dataclass
class Exchange:
    """Requests to one endpoint under one deadline; ``secrets`` are hidden from messages."""

    client: httpx.Client
    deadline_s: float
    max_bytes: int = 256 * 1024 * 1024
    secrets: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    def fail(self, message: str) -> RemoteError:
        return RemoteError(redact(message, self.secrets))

    def send(self, what: str, request: httpx.Request) -> tuple[httpx.Response, bytes]:
        """The response (status below 300) and its body; RemoteError otherwise."""
        left = self.started + self.deadline_s - time.monotonic()
        target = str(request.url.copy_with(query=None))
        if left <= 0:
            raise self.fail(f"{target} ({what}): past the {self.deadline_s:g} s deadline")
        outcome: dict[str, object] = {}
        worker = threading.Thread(target=self._run, args=(request, outcome), daemon=True)
        worker.start()
        worker.join(left)
        if worker.is_alive():
            raise self.fail(
                f"{target} did not answer {what} within the {self.deadline_s:g} s deadline"
            )
        error = outcome.get("error")
        if isinstance(error, httpx.HTTPError):
            raise self.fail(f"cannot reach {target} ({what}): {error}") from None
        if isinstance(error, BaseException):
            raise error
        response = outcome["response"]
        body = outcome["body"]
        assert isinstance(response, httpx.Response) and isinstance(body, bytes)
        if response.status_code >= 300:
            excerpt = body[:500].decode("utf-8", "replace").strip()
            raise self.fail(f"{target} answered {response.status_code} to {what}: {excerpt}")
        return response, body

    def _run(self, request: httpx.Request, outcome: dict[str, object]) -> None:
        try:
            response = self.client.send(request, stream=True)
            try:
                limit = self.max_bytes if response.status_code < 300 else _ERROR_BYTES
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > limit:
                        if response.status_code >= 300:
                            break
                        raise RemoteError(
                            f"{request.url.copy_with(query=None)} answered more than "
                            f"{limit} bytes; not read further"
                        )
            finally:
                response.close()
            outcome["response"], outcome["body"] = response, bytes(body)
        except BaseException as error:  # handed to the caller's thread
            outcome["error"] = error
