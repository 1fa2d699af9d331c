"""``coach serve`` end to end: the real command, served to a real headless Chromium.

textual-serve draws the terminal with xterm.js on a canvas (WebGL, else 2D), so the page's DOM
holds none of the app's text. The test reads xterm's own screen buffer instead, through the
Chrome DevTools protocol, spoken over aiohttp's websocket client (aiohttp comes with
textual-serve). The page's script keeps its xterm ``Terminal`` in a local variable; a script
injected before the page's own catches it when it is assigned to ``.terminal``.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.slow  # a real server and a real Chromium

CHROMIUM = Path("/usr/bin/chromium")
TEST_SECONDS = 60.0
"""The whole test, from starting the server to reading the page (not the chromium install)."""
EXPECTED = ("Rehearse · the evening before the interview", "Ask the closing question")
"""The Rehearse screen's header and the title of its first card's prompt."""

# Before the page's scripts: textual.js does ``this.terminal = new Terminal(...)`` in its
# client's constructor and keeps the client in a local. An accessor on Object.prototype sees
# that first assignment, records the value and turns it back into a plain own property.
CATCH_TERMINAL = """
window.__coachTerminals = [];
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "terminal", {
      value, writable: true, configurable: true, enumerable: true,
    });
    window.__coachTerminals.push(value);
  },
});
"""

# xterm.js's public buffer API: the visible rows as plain text, or null before the terminal
# exists.
READ_SCREEN = """
(() => {
  const term = (window.__coachTerminals || []).find((t) => t && t.buffer && t.buffer.active);
  if (!term) return null;
  const buffer = term.buffer.active;
  const rows = [];
  for (let y = 0; y < term.rows; y++) {
    const line = buffer.getLine(buffer.viewportY + y);
    rows.push(line ? line.translateToString(true) : "");
  }
  return rows.join("\\n");
})()
"""


def _install_chromium() -> None:
    """Debian's chromium, when this machine can install it; otherwise skip with the reason."""
    if CHROMIUM.exists():
        return
    if shutil.which("apt-get") is None:
        pytest.skip(f"{CHROMIUM} is missing and there is no apt-get to install it")
    if os.geteuid() != 0:
        pytest.skip(f"{CHROMIUM} is missing; install Debian's chromium (needs root)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "--no-install-recommends", "chromium"]
    # A fresh machine may have no package lists yet: update only if the first try fails.
    if subprocess.run(install, env=env, capture_output=True, timeout=900).returncode != 0:
        subprocess.run(["apt-get", "update"], env=env, capture_output=True, timeout=300)
        result = subprocess.run(install, env=env, capture_output=True, text=True, timeout=900)
        if result.returncode != 0:
            pytest.skip(f"apt-get could not install chromium: {result.stderr.strip()[-300:]}")
    if not CHROMIUM.exists():
        pytest.skip(f"chromium was installed but {CHROMIUM} is still missing")


@pytest.fixture(scope="session")
def chromium() -> Path:
    pytest.importorskip("textual_serve", reason="textual-serve is not installed (coach[serve])")
    _install_chromium()
    return CHROMIUM


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _stop(process: subprocess.Popen[bytes]) -> None:
    """End a process and everything it started (its own process group)."""
    for sig, grace in ((signal.SIGTERM, 5.0), (signal.SIGKILL, 5.0)):
        if process.poll() is not None:
            break
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(grace)
    # The group may outlive its leader (textual-serve's app processes, chromium's helpers).
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)


@contextlib.contextmanager
def _started(args: list[str], log: Path) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("wb") as out:
        # A new session, so teardown can kill the whole group and nothing is left behind.
        process = subprocess.Popen(
            args, stdin=subprocess.DEVNULL, stdout=out, stderr=out, start_new_session=True
        )
    try:
        yield process
    finally:
        _stop(process)


async def _served_address(server: subprocess.Popen[bytes], log: Path) -> str:
    """The address ``coach serve`` printed, with its per-run token."""
    while True:
        if server.poll() is not None:
            pytest.fail(f"coach serve exited ({server.returncode}): {log.read_text()}")
        if found := re.search(r" at (http://\S+/) \(open it", log.read_text(errors="replace")):
            return found[1]
        await asyncio.sleep(0.1)


async def _wait_for_port(port: int, server: subprocess.Popen[bytes], log: Path) -> None:
    while True:
        if server.poll() is not None:
            pytest.fail(f"coach serve exited ({server.returncode}): {log.read_text()}")
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.1)
            continue
        writer.close()
        await writer.wait_closed()
        return


async def _devtools_port(profile: Path, browser: subprocess.Popen[bytes], log: Path) -> int:
    """The port Chromium chose, from the file it writes once DevTools listens."""
    active = profile / "DevToolsActivePort"
    while True:
        if browser.poll() is not None:
            pytest.fail(f"chromium exited ({browser.returncode}): {log.read_text()[-2000:]}")
        if active.exists() and (lines := active.read_text().splitlines()):
            return int(lines[0])
        await asyncio.sleep(0.1)


class DevTools:
    """Just enough of the DevTools protocol: send a command, wait for its answer."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.ids = itertools.count(1)
        self.events: list[dict[str, Any]] = []
        """Every event received so far (those of the domains enabled)."""

    async def call(self, method: str, **params: Any) -> dict[str, Any]:
        message_id = next(self.ids)
        await self.ws.send_json({"id": message_id, "method": method, "params": params})
        while True:
            message = json.loads((await self.ws.receive()).data)
            if "method" in message:
                self.events.append(message)
            if message.get("id") == message_id:
                if "error" in message:
                    raise AssertionError(f"{method}: {message['error']}")
                result: dict[str, Any] = message["result"]
                return result


async def _screen_text(tmp_path: Path, chromium: Path, last: list[str]) -> float:
    """Serve coach, open it in Chromium, and poll the terminal until the expected text shows.

    Returns how long the app took to show it; ``last`` keeps the latest screen read, for the
    failure message.
    """
    import aiohttp

    port = _free_port()
    server_log = tmp_path / "serve.log"
    browser_log = tmp_path / "chromium.log"
    profile = tmp_path / "chromium-profile"
    profile.mkdir()
    # COACH_DB points at tmp_path (tests/conftest.py); the child inherits it.
    serve = [sys.executable, "-m", "coach", "serve", "--port", str(port)]
    browser_args = [
        str(chromium),
        "--headless",
        # Root in a container has no sandbox to offer; the page is our own, on loopback.
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        # textual-serve's page links a Google Fonts stylesheet, and window.onload (which
        # connects the terminal) waits for it: fail every outside name at once, offline.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
        "--window-size=1400,1000",
        f"--user-data-dir={profile}",
        "--remote-debugging-address=127.0.0.1",
        "--remote-debugging-port=0",
        "about:blank",
    ]
    with (
        _started(serve, server_log) as server,
        _started(browser_args, browser_log) as browser,
    ):
        address = await _served_address(server, server_log)
        assert address.startswith(f"http://127.0.0.1:{port}/")
        await _wait_for_port(port, server, server_log)
        devtools_port = await _devtools_port(profile, browser, browser_log)
        async with aiohttp.ClientSession() as session:
            base = f"http://127.0.0.1:{devtools_port}"
            while True:  # the first tab may take a moment to be listed
                async with session.get(f"{base}/json/list") as response:
                    pages = [t for t in await response.json() if t["type"] == "page"]
                if pages:
                    break
                await asyncio.sleep(0.1)
            async with session.ws_connect(pages[0]["webSocketDebuggerUrl"], max_msg_size=0) as ws:
                tab = DevTools(ws)
                # Without the Page domain enabled, Chromium 156 ignores the script below.
                await tab.call("Page.enable")
                await tab.call("Page.addScriptToEvaluateOnNewDocument", source=CATCH_TERMINAL)
                await tab.call("Page.navigate", url=address)
                started = time.monotonic()
                while True:
                    answer = await tab.call(
                        "Runtime.evaluate", expression=READ_SCREEN, returnByValue=True
                    )
                    text = answer["result"].get("value")
                    if text is not None:
                        last[:] = [text]
                        if all(expected in text for expected in EXPECTED):
                            seconds = time.monotonic() - started
                            await _only_our_page_connects(tab, address)
                            return seconds
                    await asyncio.sleep(0.25)


# How a page's script fares opening a websocket: "open", or "closed" when the server refuses.
KNOCK = """
new Promise((done) => {
  const ws = new WebSocket(%s);
  ws.onopen = () => { ws.close(); done("open"); };
  ws.onclose = () => done("closed");
})
"""
REFUSED = re.compile(r"Unexpected response code: (\d+)")
"""How Chromium's DevTools reports a websocket handshake the server answered with an error."""


async def _handshake_status(tab: DevTools, url: str) -> int:
    """The HTTP status the server answered the tab's latest websocket to ``url`` with, from
    the DevTools network events (a script only ever sees "closed", whatever the cause)."""
    while True:
        created = [
            e["params"]["requestId"]
            for e in tab.events
            if e["method"] == "Network.webSocketCreated" and e["params"]["url"] == url
        ]
        for event in tab.events:
            if not created or event["params"].get("requestId") != created[-1]:
                continue
            if event["method"] == "Network.webSocketHandshakeResponseReceived":
                status: int = event["params"]["response"]["status"]
                return status
            if event["method"] == "Network.webSocketFrameError":
                found = REFUSED.search(event["params"]["errorMessage"])
                assert found, f"the websocket failed, not refused: {event['params']}"
                return int(found[1])
        await tab.call("Runtime.evaluate", expression="0")  # let the events arrive


async def _only_our_page_connects(tab: DevTools, address: str) -> None:
    """A script on coach's page may open its websocket; the same script on another origin
    (localhost instead of 127.0.0.1: another site, to the browser) is refused for its Origin."""
    url = "ws" + address.removeprefix("http") + "ws"

    async def knock() -> str:
        answer = await tab.call(
            "Runtime.evaluate",
            expression=KNOCK % json.dumps(url),
            awaitPromise=True,
            returnByValue=True,
        )
        result: str = answer["result"]["value"]
        return result

    await tab.call("Network.enable")
    assert await knock() == "open"
    assert await _handshake_status(tab, url) == 101
    await tab.call("Page.navigate", url=address.replace("127.0.0.1", "localhost", 1))
    # The page itself is refused under another name (its Host is not the served address)...
    loaded = "location.hostname === 'localhost' && document.readyState === 'complete'"
    while True:
        answer = await tab.call(
            "Runtime.evaluate",
            expression=f"{loaded} ? document.body.innerText : null",
            returnByValue=True,
        )
        if (text := answer["result"].get("value")) is not None:
            break
    assert "open the address coach printed" in text
    # ... and a script on that origin, knocking at the very address that let ours in (same
    # token, same Host), is answered 403: the Origin alone made the difference.
    assert await knock() == "closed"
    assert await _handshake_status(tab, url) == 403


async def test_coach_serve_shows_the_rehearse_screen_in_chromium(
    tmp_path: Path, chromium: Path
) -> None:
    last: list[str] = []
    try:
        async with asyncio.timeout(TEST_SECONDS):
            seconds = await _screen_text(tmp_path, chromium, last)
    except TimeoutError:
        logs = "\n".join(
            f"--- {name}:\n{(tmp_path / name).read_text(errors='replace')[-1500:]}"
            for name in ("serve.log", "chromium.log")
            if (tmp_path / name).exists()
        )
        pytest.fail(
            f"the Rehearse screen did not appear in the browser within {TEST_SECONDS:.0f} s; "
            f"expected {EXPECTED}. Last screen read:\n{''.join(last) or '(no terminal)'}\n{logs}"
        )
    print(f"coach serve: the Rehearse screen showed {seconds:.1f} s after the page was opened")
