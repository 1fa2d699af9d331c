"""The gate in front of textual-serve: only the user's own browser tab may drive ``coach serve``.

textual-serve (1.1) starts the app for any websocket that reaches ``/ws``, whoever asks, and a
web page's script may open a websocket to any address, 127.0.0.1 included. So any site open
in the user's browser could start coach and read or type into it. Two checks stop that, both
before any app process starts:

* **A token in the address.** Every run draws a new random token (``secrets.token_urlsafe``)
  and serves textual-serve's whole site under ``/<token>/``; anything else gets 403. The
  address coach prints carries it, and the page builds its websocket and file addresses from
  the router, so they carry it too. Another page cannot guess it.
* **The websocket's Origin.** A browser names the page that opens a websocket in its Origin
  header, and a page's script cannot change it. It must be the served address itself (same
  scheme, host and port); a missing or foreign Origin gets 403. Served on every interface
  (``0.0.0.0`` or ``::``), the address is the one the page was opened at (its Host header),
  on the served port.

textual-serve has no public hook for this: ``GuardedServer`` overrides its ``_make_app`` to put
the app under the token, and its public ``handle_websocket`` for the Origin.
tests/unit/test_serve_guard.py pins both against the installed textual-serve.
"""

from __future__ import annotations

import hmac
import ipaddress
from urllib.parse import urlsplit

from aiohttp import web
from aiohttp.typedefs import Handler
from textual_serve.server import Server

FORBIDDEN = (
    "coach serve: this address needs the token coach printed when it started "
    "(http://HOST:PORT/TOKEN/); open that address instead."
)
FOREIGN = "coach serve: only a page served by this coach may connect."


def _endpoint(url: str) -> tuple[str, str, int] | None:
    """The (scheme, host, port) an origin or address names; None if it names none."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # a port out of range or not a number
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return parts.scheme, parts.hostname, port or (443 if parts.scheme == "https" else 80)


def origin_allowed(origin: str | None, served: str, request_host: str | None) -> bool:
    """Whether a websocket opened from ``origin`` comes from the page this server serves.

    Args:
        origin: The request's Origin header (None if missing: refused).
        served: The served address, such as ``http://127.0.0.1:8000``.
        request_host: The request's Host header. Used only when ``served`` binds every
            interface (``0.0.0.0`` or ``::``), where the page's own address is the one the
            browser opened, on the served port.
    """
    if origin is None:
        return False
    mine, theirs = _endpoint(served), _endpoint(origin)
    if mine is None or theirs is None:
        return False
    if theirs == mine:
        return True
    try:
        everywhere = ipaddress.ip_address(mine[1]).is_unspecified
    except ValueError:
        everywhere = False
    if not everywhere or request_host is None:
        return False
    opened = _endpoint(f"{mine[0]}://{request_host}")
    return opened is not None and theirs == opened and opened[2] == mine[2]


class GuardedServer(Server):
    """textual-serve's Server behind a per-run token and a websocket Origin check."""

    def __init__(self, command: str, *, host: str, port: int, public_url: str, token: str) -> None:
        """
        Args:
            command: The shell command served to each browser tab.
            host: The address to bind.
            port: The port to bind.
            public_url: The served address without the token, e.g. ``http://127.0.0.1:8000``.
            token: The secret path segment every request must start with.
        """
        super().__init__(command, host=host, port=port, title="coach", public_url=public_url)
        self.token = token

    async def _make_app(self) -> web.Application:
        # textual-serve's own app, mounted under /<token>: its page builds the websocket's and
        # the static files' addresses with the router, which now includes the token.
        site = await super()._make_app()
        root = web.Application(middlewares=[self._require_token])
        root.add_subapp(f"/{self.token}", site)
        root.on_response_prepare.append(_private_headers)
        return root

    @web.middleware
    async def _require_token(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """403 for any request whose first path segment is not the token."""
        first, slash, _ = request.path.lstrip("/").partition("/")
        # compare_digest: the time taken says nothing about how much of a guess was right.
        if not hmac.compare_digest(first.encode(), self.token.encode()):
            raise web.HTTPForbidden(text=FORBIDDEN)
        if not slash:  # /<token> without the slash: the page's relative links need it
            raise web.HTTPFound(f"/{self.token}/")
        return await handler(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """Refuse a websocket from any page but ours (403), then serve it as textual-serve
        does."""
        if not origin_allowed(request.headers.get("Origin"), self.public_url, request.host):
            raise web.HTTPForbidden(text=FOREIGN)
        return await super().handle_websocket(request)

    async def on_startup(self, app: web.Application) -> None:
        """Say nothing: textual-serve would print its address without the token, and coach
        has printed the full one already."""


async def _private_headers(request: web.Request, response: web.StreamResponse) -> None:
    # The address holds the token: never send it on to another site (the page links a font
    # stylesheet elsewhere), and keep it out of caches.
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
