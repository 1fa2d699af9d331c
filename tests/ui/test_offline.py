"""Interview notes are personal: a whole app session must not touch the network."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

from coach.app import CoachApp
from coach.domain import Attempt, Interview
from coach.store.opening import open_store

NETWORK_FAMILIES = {socket.AF_INET, socket.AF_INET6}
_recording: list[list[tuple[str, str]]] = []


def _hook(event: str, args: tuple[object, ...]) -> None:
    """Record network activity while a test is listening.

    Audit hooks see C-level socket use too, which monkeypatching ``socket`` would miss. Local
    AF_UNIX sockets (asyncio's self-pipe) are not network traffic and are not recorded.
    """
    if not _recording:
        return
    if event == "socket.__new__":
        family = args[1]
        if family in NETWORK_FAMILIES:
            _recording[-1].append((event, repr(args[1:])))
    elif event in {"socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg"}:
        sock = args[0]
        if getattr(sock, "family", None) in NETWORK_FAMILIES:
            _recording[-1].append((event, repr(args[1:])))
    elif event in {"socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr"}:
        _recording[-1].append((event, repr(args)))


sys.addaudithook(_hook)


def test_the_hook_really_sees_network_use() -> None:
    _recording.append([])
    try:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.close()
        socket.getaddrinfo("127.0.0.1", 9)
    finally:
        seen = _recording.pop()
    assert [event for event, _ in seen] == ["socket.__new__", "socket.getaddrinfo"]


async def test_a_full_session_opens_no_network_socket(db_path: Path) -> None:
    _recording.append([])
    try:
        store = open_store(db_path).store
        store.add_attempt(Attempt(kind="question", text="How do I measure up?"))
        store.save_interview(Interview(company="Acme", role="Engineer"))
        app = CoachApp(store)
        async with app.run_test(size=(120, 36)) as pilot:
            for key in ("f3", "f1", "escape", "f2", "f1", "escape", "ctrl+p", "escape"):
                await pilot.press(key)
                await pilot.pause()
            await pilot.press("ctrl+q")
    finally:
        seen = _recording.pop()
    assert seen == []
