"""``coach serve`` without a browser: the command it serves, the host warning, a missing extra.

tests/browser/test_serve.py runs the real thing in Chromium; these stand textual-serve's Server
in with a recorder, so they run in milliseconds.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path
from typing import Any, ClassVar

import pytest

from coach.__main__ import main
from coach.cli.serve import is_loopback, served_command

# Only ever a string here: the recorder below binds nothing.
ALL_INTERFACES = "0.0.0.0"  # noqa: S104


class RecordingServer:
    """Stands in for coach's GuardedServer: records what it was given, serves nothing."""

    made: ClassVar[list[dict[str, Any]]] = []
    fail: ClassVar[OSError | None] = None

    def __init__(self, command: str, **options: Any) -> None:
        RecordingServer.made.append({"command": command, **options})

    def serve(self) -> None:
        if RecordingServer.fail is not None:
            raise RecordingServer.fail


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> type[RecordingServer]:
    pytest.importorskip("textual_serve.server")
    from coach.cli import serve_guard

    monkeypatch.setattr(serve_guard, "GuardedServer", RecordingServer)
    monkeypatch.setattr(RecordingServer, "made", [])
    monkeypatch.setattr(RecordingServer, "fail", None)
    return RecordingServer


def test_the_served_command_survives_the_shell_whatever_the_path() -> None:
    path = Path("/tmp/it's a folder; rm -rf ~/coach.json")
    words = shlex.split(served_command(path, screen="rate"))
    assert words == [sys.executable, "-m", "coach", "--db", str(path), "--screen", "rate"]


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("127.1", True),  # short forms, as browsers and inet_aton read them
        ("0x7f.1", True),
        ("2130706433", True),
        ("::ffff:127.0.0.1", True),
        ("[::1]", True),
        ("localhost", True),
        ("::1", True),
        (ALL_INTERFACES, False),
        ("192.168.1.20", False),
        ("::", False),
        ("myhost.example", False),
        ("10.1", False),
        ("127.example", False),
    ],
)
def test_only_loopback_hosts_count_as_private(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_serves_the_database_the_app_would_open(
    recorder: type[RecordingServer], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--port", "8123"]) == 0
    [made] = recorder.made
    words = shlex.split(made["command"])
    assert words[:5] == [sys.executable, "-m", "coach", "--db", str(tmp_path / "env-db/coach.json")]
    assert (made["host"], made["port"]) == ("127.0.0.1", 8123)
    out, err = capsys.readouterr()
    token = made["token"]
    assert len(token) >= 32  # 24 random bytes
    assert made["public_url"] == "http://127.0.0.1:8123"
    assert f"http://127.0.0.1:8123/{token}/ (open it in a browser" in out
    assert err == ""


def test_every_run_draws_a_new_token(recorder: type[RecordingServer]) -> None:
    assert main(["serve"]) == main(["serve"]) == 0
    first, second = (made["token"] for made in recorder.made)
    assert first != second


def test_a_short_loopback_address_is_served_as_the_browser_names_it(
    recorder: type[RecordingServer], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--host", "127.1", "--port", "8125"]) == 0
    [made] = recorder.made
    assert made["host"] == "127.0.0.1"
    assert made["public_url"] == "http://127.0.0.1:8125"  # the Origin the browser will send
    assert capsys.readouterr().err == ""  # no false "other machines may reach" warning


@pytest.mark.parametrize(
    ("args", "sentence"),
    [
        (["--host", ""], "coach: --host needs an address, such as 127.0.0.1."),
        (["--host", " "], "coach: --host needs an address, such as 127.0.0.1."),
        (["--port", "0"], "coach: --port must be from 1 to 65535, not 0."),
        (["--port", "70000"], "coach: --port must be from 1 to 65535, not 70000."),
    ],
)
def test_an_address_that_cannot_be_served_is_one_sentence_and_status_2(
    recorder: type[RecordingServer],
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    sentence: str,
) -> None:
    assert main(["serve", *args]) == 2
    out, err = capsys.readouterr()
    assert (out, err.strip()) == ("", sentence)
    assert recorder.made == []


def test_db_option_wins_and_is_made_absolute(
    recorder: type[RecordingServer], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["--db", "mine.json", "serve"]) == 0
    words = shlex.split(recorder.made[0]["command"])
    assert words[words.index("--db") + 1] == str(tmp_path / "mine.json")


def test_own_data_folder_is_made_private_as_the_app_would(
    recorder: type[RecordingServer], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COACH_DB")
    assert main(["serve"]) == 0
    folder = tmp_path / "xdg-data" / "coach"
    assert folder.is_dir()
    assert folder.stat().st_mode & 0o777 == 0o700
    assert str(folder / "coach.json") in recorder.made[0]["command"]


def test_a_non_loopback_host_is_warned_about(
    recorder: type[RecordingServer], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["serve", "--host", ALL_INTERFACES]) == 0
    err = capsys.readouterr().err
    assert "WARNING" in err
    assert "other machines may reach" in err


def test_a_taken_port_is_a_sentence(
    recorder: type[RecordingServer], capsys: pytest.CaptureFixture[str]
) -> None:
    recorder.fail = OSError(98, "Address already in use")
    assert main(["serve", "--port", "8000"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == (
        "coach: could not serve on http://127.0.0.1:8000: Address already in use. "
        "Try another --port."
    )


def test_without_textual_serve_one_sentence_and_status_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # None in sys.modules makes the import fail as if the package were not installed.
    monkeypatch.setitem(sys.modules, "textual_serve.server", None)
    assert main(["serve"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert (
        err.strip() == "coach: serving in a browser needs textual-serve: pip install 'coach[serve]'"
    )
    assert "Traceback" not in err
