"""``coach serve`` answers only the user's own browser tab: a per-run token and the Origin.

The guarded textual-serve app runs on 127.0.0.1, on a free port, and an aiohttp client knocks
at it as another web page would. The app it serves creates a file STARTED, then tells
textual-serve it has exited (which closes the websocket): the file shows whether an app
process was started, so a refusal can be seen to come before it.
"""

from __future__ import annotations

import asyncio
import gc
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest

pytest.importorskip("textual_serve", reason="textual-serve is not installed (coach[serve])")

import aiohttp  # after the skip: aiohttp comes with textual-serve
from aiohttp.test_utils import TestServer

from coach.cli.serve_guard import GuardedServer, origin_allowed

TOKEN = "Zq3k9-hT0pVw_4mN8xYcB2rLs6dEfGaJ"  # noqa: S105 - a test token, not a secret
APP = """
import json, pathlib, sys
pathlib.Path(sys.argv[1]).touch()
exit = json.dumps({"type": "exit"}).encode()
# textual-serve's protocol: a prelude line, then packets (type, 4-byte size, payload).
sys.stdout.buffer.write(b"__GANGLION__\\n" + b"M" + len(exit).to_bytes(4, "big") + exit)
"""


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Served:
    url: str
    """The served address, without the token."""
    started: Path
    """Created by the served command: an app process was started."""


@pytest.fixture
async def served(tmp_path: Path) -> AsyncIterator[Served]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    started = tmp_path / "STARTED"
    guarded = GuardedServer(
        shlex.join([sys.executable, "-c", APP, str(started)]),
        host="127.0.0.1",
        port=port,
        public_url=url,
        token=TOKEN,
    )
    server = TestServer(await guarded._make_app(), host="127.0.0.1", port=port)
    await server.start_server()
    try:
        yield Served(url, started)
    finally:
        await server.close()
        # textual-serve leaves the finished app's subprocess transport to the collector: let it
        # go while this test's event loop is still open to close it.
        gc.collect()


async def _handshake(url: str, origin: str | None, host: str | None = None) -> int:
    """The status a websocket handshake to ``url`` from ``origin`` gets (101: connected);
    ``host`` is the Host header a browser would send for the name it used."""
    headers = {"Host": host} if host else {}
    async with aiohttp.ClientSession() as session:
        try:
            async with session.ws_connect(url, origin=origin, headers=headers) as ws:
                # The served app says it has exited; textual-serve then closes the socket.
                async with asyncio.timeout(30):
                    while not ws.closed:
                        await ws.receive()
                return 101
        except aiohttp.WSServerHandshakeError as error:
            return error.status


async def test_the_right_token_and_origin_get_through(served: Served) -> None:
    assert await _handshake(f"{served.url}/{TOKEN}/ws", served.url) == 101
    assert served.started.exists()


@pytest.mark.parametrize(
    "origin",
    [
        "http://evil.example",
        "http://evil.example:80",
        "null",
        "https://127.0.0.1",  # another scheme
        "http://localhost",  # another host name, another port
        None,  # no Origin at all: not a browser tab of ours
    ],
)
async def test_a_foreign_or_missing_origin_is_refused_before_any_app_starts(
    served: Served, origin: str | None
) -> None:
    assert await _handshake(f"{served.url}/{TOKEN}/ws", origin) == 403
    assert not served.started.exists()


@pytest.mark.parametrize(
    "path", ["/ws", f"/{TOKEN[:-1]}/ws", f"/{TOKEN}x/ws", f"/{TOKEN.upper()}/ws", "//ws"]
)
async def test_a_missing_or_wrong_token_is_refused_before_any_app_starts(
    served: Served, path: str
) -> None:
    assert await _handshake(f"{served.url}{path}", served.url) == 403
    assert not served.started.exists()


async def test_the_page_carries_the_token_into_its_websocket_and_files(served: Served) -> None:
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{served.url}/") as response:
            assert response.status == 403
            assert "the token coach printed" in await response.text()
        async with session.get(f"{served.url}/{TOKEN}", allow_redirects=False) as response:
            assert response.status == 302
            assert response.headers["Location"] == f"/{TOKEN}/"
        async with session.get(f"{served.url}/{TOKEN}/") as response:
            assert response.status == 200
            assert response.headers["Referrer-Policy"] == "no-referrer"
            page = await response.text()
        host = served.url.removeprefix("http://")
        assert f'data-session-websocket-url="ws://{host}/{TOKEN}/ws"' in page
        scripts = re.findall(r'<script src="([^"]+)"', page)
        assert scripts == [f"{served.url}/{TOKEN}/static/js/textual.js"]
        async with session.get(scripts[0]) as response:
            assert response.status == 200
        async with session.get(f"{served.url}/static/js/textual.js") as response:
            assert response.status == 403


@pytest.mark.parametrize(
    ("origin", "served", "host", "allowed"),
    [
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000", "127.0.0.1:8000", True),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000", "evil.example:8000", True),
        ("http://[::1]:8000", "http://[::1]:8000", "[::1]:8000", True),
        ("HTTP://LOCALHOST:8000", "http://localhost:8000", None, True),
        ("http://127.0.0.1:8001", "http://127.0.0.1:8000", "127.0.0.1:8000", False),
        ("http://127.0.0.1", "http://127.0.0.1:8000", "127.0.0.1:8000", False),
        ("http://127.0.0.1:99999", "http://127.0.0.1:8000", None, False),
        ("file://", "http://127.0.0.1:8000", None, False),
        ("", "http://127.0.0.1:8000", None, False),
        (None, "http://127.0.0.1:8000", "127.0.0.1:8000", False),
        # Served on every interface: the page's own address (its Host), on the served port, as
        # the page now builds its websocket's address from the Host it was opened at.
        ("http://192.168.1.5:8000", "http://0.0.0.0:8000", "192.168.1.5:8000", True),
        ("http://[fe80::1]:8000", "http://[::]:8000", "[fe80::1]:8000", True),
        ("http://localhost:8000", "http://0.0.0.0:8000", "localhost:8000", True),
        # ... but never a host name: DNS rebinding (evil.example now resolving to this machine).
        ("http://evil.example:8000", "http://0.0.0.0:8000", "evil.example:8000", False),
        ("http://evil.example:8000", "http://[::]:8000", "evil.example:8000", False),
        ("http://evil.example:8000", "http://0.0.0.0:8000", "192.168.1.5:8000", False),
        ("http://192.168.1.5:9000", "http://0.0.0.0:8000", "192.168.1.5:9000", False),
        ("http://192.168.1.5:8000", "http://0.0.0.0:8000", None, False),
        # Not every interface: the Host header is never what decides.
        ("http://evil.example:8000", "http://127.0.0.1:8000", "evil.example:8000", False),
    ],
)
def test_only_the_served_address_is_an_allowed_origin(
    origin: str | None, served: str, host: str | None, allowed: bool
) -> None:
    assert origin_allowed(origin, served, host) is allowed


# --- served on every interface, and DNS rebinding ------------------------------------------------


@pytest.fixture
async def everywhere(tmp_path: Path) -> AsyncIterator[Served]:
    """The guard as ``coach serve --host 0.0.0.0`` makes it, reached on 127.0.0.1 (the Host
    header says which name the browser used)."""
    port = _free_port()
    started = tmp_path / "STARTED"
    guarded = GuardedServer(
        shlex.join([sys.executable, "-c", APP, str(started)]),
        host="0.0.0.0",  # noqa: S104 - only a string here: the test server binds 127.0.0.1
        port=port,
        public_url=f"http://0.0.0.0:{port}",
        token=TOKEN,
    )
    server = TestServer(await guarded._make_app(), host="127.0.0.1", port=port)
    await server.start_server()
    try:
        yield Served(f"http://127.0.0.1:{port}", started)
    finally:
        await server.close()
        gc.collect()


async def test_a_rebound_host_name_gets_neither_the_page_nor_the_websocket(
    everywhere: Served,
) -> None:
    # evil.example's DNS now answers 127.0.0.1: its page's Origin and Host agree, and the
    # check that compared them let the websocket through (101).
    port = everywhere.url.rsplit(":", 1)[1]
    evil = f"evil.example:{port}"
    ws = f"{everywhere.url}/{TOKEN}/ws"
    assert await _handshake(ws, f"http://{evil}", host=evil) == 403
    assert not everywhere.started.exists()
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"{everywhere.url}/{TOKEN}/", headers={"Host": evil}) as response,
    ):
        assert response.status == 403
        assert "a host name is refused" in await response.text()


@pytest.mark.parametrize("name", ["127.0.0.1", "localhost"])
async def test_the_page_opened_by_address_connects_at_that_address(
    everywhere: Served, name: str
) -> None:
    # Its addresses were built from public_url (http://0.0.0.0:PORT/...): never the page's own.
    port = everywhere.url.rsplit(":", 1)[1]
    opened = f"{name}:{port}"
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"{everywhere.url}/{TOKEN}/", headers={"Host": opened}) as response,
    ):
        assert response.status == 200
        page = await response.text()
    [websocket] = re.findall(r'data-session-websocket-url="([^"]+)"', page)
    assert websocket == f"ws://{opened}/{TOKEN}/ws"
    assert re.findall(r'<script src="([^"]+)"', page) == [
        f"http://{opened}/{TOKEN}/static/js/textual.js"
    ]
    # The page's script opens that websocket: Origin the page, Host its name.
    assert await _handshake(f"{everywhere.url}/{TOKEN}/ws", f"http://{opened}", host=opened) == 101
    assert everywhere.started.exists()


async def test_a_request_under_another_name_is_refused_on_loopback_too(served: Served) -> None:
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"{served.url}/{TOKEN}/", headers={"Host": "evil.example"}) as response,
    ):
        assert response.status == 403


# --- a reader of coach serve's output that goes away --------------------------------------------


def _get(url: str) -> int:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our own server
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_serve_outlives_the_reader_of_its_output(tmp_path: Path) -> None:
    # coach serve 2>&1 | head -1: the next request's access log line, written by a Rich
    # console on stdout, ended the server with SystemExit(1).
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "coach", "serve", "--port", str(port)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        assert server.stdout is not None
        first = server.stdout.readline().decode()
        server.stdout.close()  # head -1 has what it wanted, and exits
        address = re.search(r" at (http://\S+/) \(open it", first)
        assert address, first
        while True:  # until it listens (or has died)
            assert server.poll() is None, "coach serve exited"
            try:
                socket.create_connection(("127.0.0.1", port), timeout=5).close()
                break
            except OSError:
                time.sleep(0.05)
        for _ in range(3):
            assert _get(address[1]) == 200
            assert _get(f"http://127.0.0.1:{port}/") == 403
        assert server.poll() is None
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)
