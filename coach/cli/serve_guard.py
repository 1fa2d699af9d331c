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
  scheme, host and port); a missing or foreign Origin gets 403.
* **The Host of every request.** It must name the served address. Served on every interface
  (``0.0.0.0`` or ``::``), the page's address is the one it was opened at (its Host header),
  on the served port, and only an IP address or ``localhost`` is taken: a DNS name could be
  an attacker's, rebound to this machine (DNS rebinding), and its pages would then be "the
  page's own address". The page builds its websocket and file addresses from that Host, so
  the Origin check holds there too.

textual-serve has no public hook for this: ``GuardedServer`` overrides its ``_make_app`` to put
the app under the token and the Host check, its public ``handle_websocket`` for the Origin,
and ``handle_index`` for the page's addresses (textual-serve builds them from ``public_url``,
``http://0.0.0.0:PORT`` when served everywhere, which no browser can open).
tests/unit/test_serve_guard.py pins these against the installed textual-serve.

textual-serve logs through a Rich console on stdout, with a line per request: a reader of
coach's output that went away (``coach serve | head -1``) ended the server. Its console is on
stderr here, and goes quiet if that is closed too; the access log is off (each line would
carry the token).
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
from typing import Any
from urllib.parse import urlsplit

import aiohttp_jinja2
from aiohttp import web
from aiohttp.typedefs import Handler
from textual_serve.server import Server, to_int

from coach.cli.console import CliConsole

FORBIDDEN = (
    "coach serve: this address needs the token coach printed when it started "
    "(http://HOST:PORT/TOKEN/); open that address instead."
)
FOREIGN = "coach serve: only a page served by this coach may connect."
MISNAMED = (
    "coach serve: open the address coach printed; served on every interface, use this "
    "machine's IP address or localhost (a host name is refused: a web page could use one to "
    "reach coach)."
)

Endpoint = tuple[str, str, int]


def _endpoint(url: str) -> Endpoint | None:
    """The (scheme, host, port) an origin or address names; None if it names none."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # a port out of range or not a number
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    return parts.scheme, parts.hostname, port or (443 if parts.scheme == "https" else 80)


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def page_address(served: str, request_host: str | None) -> Endpoint | None:
    """The address the browser opened this server at, from a request's Host header; None if
    this server does not answer to that name.

    Args:
        served: The served address, such as ``http://127.0.0.1:8000``.
        request_host: The request's Host header (None if missing: refused).

    Returns:
        ``served``'s endpoint when the Host names it. Served on every interface (``0.0.0.0``
        or ``::``): the Host's, if it is an IP address or ``localhost``, on the served port.
    """
    mine = _endpoint(served)
    if mine is None or request_host is None:
        return None
    opened = _endpoint(f"{mine[0]}://{request_host}")
    if opened is None or opened[2] != mine[2]:
        return None
    if opened == mine:
        return mine
    if not _is_address(mine[1]) or not ipaddress.ip_address(mine[1]).is_unspecified:
        return None
    # An IP address or localhost: DNS rebinding needs a name that the attacker's DNS answers.
    return opened if opened[1] == "localhost" or _is_address(opened[1]) else None


def origin_allowed(origin: str | None, served: str, request_host: str | None) -> bool:
    """Whether a websocket opened from ``origin`` comes from the page this server serves.

    Args:
        origin: The request's Origin header (None if missing: refused).
        served: The served address, such as ``http://127.0.0.1:8000``.
        request_host: The request's Host header. It decides only when ``served`` binds every
            interface (``page_address``); otherwise the Origin must be ``served`` itself.
    """
    theirs = None if origin is None else _endpoint(origin)
    mine = _endpoint(served)
    if theirs is None or mine is None:
        return False
    if theirs == mine:
        return True
    return theirs == page_address(served, request_host)


def _url(endpoint: Endpoint) -> str:
    scheme, host, port = endpoint
    shown = f"[{host}]" if ":" in host else host
    return f"{scheme}://{shown}:{port}"


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
        # On stderr, and quiet once that is closed: never the end of the server.
        self.console = CliConsole(stderr=True)

    def initialize_logging(self) -> None:
        """textual-serve's logging, without its line per request (which holds the token)."""
        super().initialize_logging()
        logging.getLogger("aiohttp.access").setLevel(logging.WARNING)

    async def _make_app(self) -> web.Application:
        # textual-serve's own app, mounted under /<token>: its page builds the websocket's and
        # the static files' addresses with the router, which now includes the token.
        site = await super()._make_app()
        root = web.Application(middlewares=[self._guard])
        root.add_subapp(f"/{self.token}", site)
        root.on_response_prepare.append(_private_headers)
        return root

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """403 for a request whose Host is not this server's, or whose first path segment is
        not the token."""
        if page_address(self.public_url, request.headers.get("Host")) is None:
            raise web.HTTPForbidden(text=MISNAMED)
        first, slash, _ = request.path.lstrip("/").partition("/")
        # compare_digest: the time taken says nothing about how much of a guess was right.
        if not hmac.compare_digest(first.encode(), self.token.encode()):
            raise web.HTTPForbidden(text=FORBIDDEN)
        if not slash:  # /<token> without the slash: the page's relative links need it
            raise web.HTTPFound(f"/{self.token}/")
        return await handler(request)

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        """textual-serve's page, its websocket and files at the address it was opened at.

        The same context as textual-serve's own ``handle_index``, whose addresses start with
        ``public_url``: served on every interface, that is ``http://0.0.0.0:PORT``.
        """
        opened = page_address(self.public_url, request.headers.get("Host"))
        base = _url(opened) if opened is not None else self.public_url
        router = request.app.router
        websocket = f"{base}{router['websocket'].url_for()}"
        static = f"{base}{router['static'].url_for(filename='/')}"
        return {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            # ws://, or wss:// for https://
            "app_websocket_url": "ws" + websocket.removeprefix("http"),
            "config": {"static": {"url": static.rstrip("/") + "/"}},
            "application": {"name": self.title},
        }

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """Refuse a websocket from any page but ours (403), then serve it as textual-serve
        does."""
        if not origin_allowed(
            request.headers.get("Origin"), self.public_url, request.headers.get("Host")
        ):
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
