"""Two pure ASGI middlewares: the gate in front of writes, and the security headers.

``WriteGate`` looks at a request that writes (any method but GET, HEAD and
OPTIONS) before anything reads its body: no token, or the wrong one, is refused
at once (403 or 401), so an anonymous client cannot make the server buffer and
parse a large body; a ``Content-Length`` over ``max_body_bytes`` is 413 at once;
and a body sent without a length (chunked) is counted as it streams and refused
with 413 the moment it passes the limit. It is pure ASGI rather than
``BaseHTTPMiddleware`` so that nothing wraps or buffers the body on the way.

``SecurityHeaders`` adds the Content Security Policy and its companions to every
response that passes through it; the handler of unexpected errors, which
Starlette runs outside every middleware, adds them itself (``secure``).
"""

from __future__ import annotations

import hmac
import json
from collections.abc import Callable

from fastapi.exceptions import HTTPException
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "CSP",
    "SAFE_METHODS",
    "SecurityHeaders",
    "WriteGate",
    "secure",
    "security_headers",
    "token_refusal",
]

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

#: Vega compiles its expressions with ``Function``, hence ``'unsafe-eval'``; inline scripts stay forbidden.
CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; font-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def security_headers(csp: str) -> dict[str, str]:
    """The headers every response carries."""
    return {
        "Content-Security-Policy": csp,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
    }


def token_refusal(token: str, authorization: str) -> tuple[int, str, dict[str, str]] | None:
    """Why a write with this ``Authorization`` header is refused (status, message, headers), or None."""
    if not token:
        return 403, "writes are disabled: this server has no api_token setting (STANCEMAP_API_TOKEN)", {}
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
        return (
            401,
            "a write needs the header 'Authorization: Bearer <api_token>'",
            {"WWW-Authenticate": "Bearer"},
        )
    return None


async def _send_json(send: Send, status: int, message: str, headers: dict[str, str]) -> None:
    body = json.dumps({"status": status, "code": f"http_{status}", "error": message}).encode()
    raw = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
    raw += [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    # the body was not read: the connection cannot carry another request
    raw.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


class WriteGate:
    """Refuse writes without the token, and bodies over ``max_body_bytes``, before reading them."""

    def __init__(self, app: ASGIApp, token: str, max_body_bytes: int) -> None:
        self.app = app
        self.token = token
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        refused = token_refusal(self.token, headers.get("authorization", ""))
        if refused is not None:
            await _send_json(send, *refused)
            return
        limit = self.max_body_bytes
        length = headers.get("content-length")
        if length is not None:
            if not length.isdigit():
                await _send_json(send, 400, "the Content-Length header is not a number", {})
                return
            if int(length) > limit:
                await _send_json(send, 413, _too_large(limit), {})
                return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # raised into the route's body reading; the error handler answers 413
                    raise HTTPException(413, _too_large(limit))
            return message

        await self.app(scope, limited, send)


def _too_large(limit: int) -> str:
    return f"the request body is larger than the limit of {limit:,} bytes (max_body_bytes)"


class SecurityHeaders:
    """Add the security headers to every response that does not set its own."""

    def __init__(self, app: ASGIApp, csp: str) -> None:
        self.app = app
        self.headers = [(k.lower().encode(), v.encode()) for k, v in security_headers(csp).items()]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw: list[tuple[bytes, bytes]] = list(message.get("headers", []))
                have = {k.lower() for k, _ in raw}
                raw += [(k, v) for k, v in self.headers if k not in have]
                message = {**message, "headers": raw}
            await send(message)

        await self.app(scope, receive, with_headers)


class CacheHeaders:
    """Set ``Cache-Control`` from ``cache_control(path, query, status)`` (static files only).

    A plain ASGI middleware, like the gate, so that it never touches the request body.
    """

    def __init__(self, app: ASGIApp, cache_control: Callable[[str, str, int], str | None]) -> None:
        self.app = app
        self.cache_control = cache_control

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path, query = scope.get("path", ""), scope.get("query_string", b"").decode("latin-1")

        async def with_cache(message: Message) -> None:
            if message["type"] == "http.response.start":
                value = self.cache_control(path, query, int(message["status"]))
                if value:
                    raw = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"cache-control"]
                    message = {**message, "headers": [*raw, (b"cache-control", value.encode())]}
            await send(message)

        await self.app(scope, receive, with_cache)


def secure(response: Response, csp: str = "") -> Response:
    """``response`` with the security headers set, unless it sets them itself."""
    for k, v in security_headers(csp or CSP).items():
        response.headers.setdefault(k, v)
    return response
