"""``coach serve``: the same app in a web browser, through textual-serve (an optional extra).

textual-serve runs a shell command for every browser tab that connects and relays its terminal
over a websocket. The command served here is this Python running coach on the database the
app itself would open, passed explicitly so the served processes can't pick another one.
"""

from __future__ import annotations

import contextlib
import ipaddress
import re
import secrets
import shlex
import socket
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


_NUMERIC = re.compile(r"[0-9A-Fa-fXx.]+")
"""What a numeric IPv4 address may be written with, short forms included (127.1, 0x7f.1)."""


def canonical_host(host: str) -> str:
    """``host`` as the browser will name it: an IP address in its usual form, else unchanged.

    Browsers (and the C library) read IPv4 short forms: ``127.1`` is 127.0.0.1 and
    ``0x7f.0.0.1`` too. ``ipaddress`` rejects them, so they are read here as ``inet_aton``
    reads them; only a host made of digits, dots and hex marks, never a name, is tried.
    """
    bare = host.strip("[]")
    try:
        return str(ipaddress.ip_address(bare))
    except ValueError:
        pass
    if _NUMERIC.fullmatch(bare) and any(c.isdigit() for c in bare):
        with contextlib.suppress(OSError):
            return str(ipaddress.IPv4Address(socket.inet_aton(bare)))
    return host


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable only from this machine."""
    host = canonical_host(host)
    if host.lower() == "localhost":
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False  # another host name: assume it may be reachable from elsewhere
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped  # ::ffff:127.0.0.1 is loopback too
    return address.is_loopback


def url_for(host: str, port: int) -> str:
    """The served address, without the token: ``http://HOST:PORT``."""
    shown = f"[{host}]" if ":" in host and not host.startswith("[") else host
    return f"http://{shown}:{port}"


def serve(host: str, port: int, db: str | None, screen: str | None = None) -> int:
    """Serve coach on ``host:port`` until Ctrl+C; returns the exit code."""
    if not host.strip() or any(c.isspace() for c in host):
        print("coach: --host needs an address, such as 127.0.0.1.", file=sys.stderr)
        return 2
    if not 1 <= port <= 65535:
        print(f"coach: --port must be from 1 to 65535, not {port}.", file=sys.stderr)
        return 2
    try:
        import textual_serve.server  # noqa: F401 - the optional extra; its absence is a sentence
    except ImportError:
        print(MISSING, file=sys.stderr)
        return 2
    from coach.cli import serve_guard
    from coach.store import files
    from coach.store.locations import resolve_db_path

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

    # As the browser will name it: the websocket's Origin is checked against this address.
    host = canonical_host(host)
    if not is_loopback(host):
        print(
            f"coach: WARNING: serving on {host}, which other machines may reach. Anyone who "
            "can open this address, with its token, can read and change your interview "
            "notes, and the token travels unencrypted. Use the default --host 127.0.0.1 "
            "unless you trust that network.",
            file=sys.stderr,
        )
    # A new token every run: a page in the browser cannot guess it, so it cannot connect.
    token = secrets.token_urlsafe(24)
    url = url_for(host, port)
    from coach.render.safe import visible

    print(  # a path, an address: shown as data
        visible(f"coach: serving {path} at {url}/{token}/ (open it in a browser; Ctrl+C stops)"),
        flush=True,
    )
    # public_url: textual-serve would build the page's websocket address from the bare host,
    # which breaks for an IPv6 address without its brackets.
    server = serve_guard.GuardedServer(
        served_command(path, screen=screen), host=host, port=port, public_url=url, token=token
    )
    try:
        server.serve()
    except OSError as error:  # most often the port is taken
        reason = error.strerror or error
        print(f"coach: could not serve on {url}: {reason}. Try another --port.", file=sys.stderr)
        return 1
    return 0
