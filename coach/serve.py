"""``coach serve``: the same app in a web browser, through textual-serve (an optional extra).

textual-serve runs a shell command for every browser tab that connects and relays its terminal
over a websocket. The command served here is this Python running coach on the database the
app itself would open, passed explicitly so the served processes can't pick another one.
"""

from __future__ import annotations

import contextlib
import ipaddress
import shlex
import sys
from pathlib import Path

MISSING = "coach: serving in a browser needs textual-serve: pip install 'coach[serve]'"


def served_command(db_path: Path, *, screen: str | None = None) -> str:
    """The shell command textual-serve runs for each browser tab (it runs it through a shell)."""
    # sys.executable rather than the ``coach`` script: the served app is the very coach (and
    # venv) that was asked to serve it, whatever is first on PATH.
    words = [sys.executable, "-m", "coach", "--db", str(db_path)]
    if screen:
        words += ["--screen", screen]
    return shlex.join(words)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable only from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # another host name: assume it may be reachable from elsewhere


def url_for(host: str, port: int) -> str:
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}"


def serve(host: str, port: int, db: str | None, screen: str | None = None) -> int:
    """Serve coach on ``host:port`` until Ctrl+C; returns the exit code."""
    try:
        from textual_serve.server import Server
    except ImportError:
        print(MISSING, file=sys.stderr)
        return 2

    from coach import files
    from coach.locations import resolve_db_path

    path, own_folder = resolve_db_path(db)
    # Absolute: the served processes inherit this working directory today, but the URL may be
    # opened long after the user has forgotten where a relative --db was meant to point.
    path = path.absolute()
    if own_folder:
        # The served app gets an explicit --db, so it would treat coach's own data folder as one
        # the user chose and leave its permissions alone; tighten it here as the app would.
        # An error is left to the served app, which reports it on its screen in a sentence.
        with contextlib.suppress(OSError):
            files.ensure_private_dir(path.parent, tighten=True)

    if not is_loopback(host):
        print(
            f"coach: WARNING: serving on {host}, which other machines may reach. textual-serve "
            "has no authentication: anyone who can open this address can read and change your "
            "interview notes. Use the default --host 127.0.0.1 unless you trust that network.",
            file=sys.stderr,
        )
    url = url_for(host, port)
    print(f"coach: serving {path} at {url} (open it in a browser; Ctrl+C stops)", flush=True)
    # public_url: textual-serve would build the page's websocket address from the bare host,
    # which breaks for an IPv6 address without its brackets.
    server = Server(
        served_command(path, screen=screen), host=host, port=port, title="coach", public_url=url
    )
    try:
        server.serve()
    except OSError as error:  # most often the port is taken
        reason = error.strerror or error
        print(f"coach: could not serve on {url}: {reason}. Try another --port.", file=sys.stderr)
        return 1
    return 0
