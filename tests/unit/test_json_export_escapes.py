"""The JSON export never prints a character a terminal would act on, nor one UTF-8 cannot hold.

``json.dumps(ensure_ascii=False)`` escapes C0 controls only: a C1 control such as CSI (U+009B,
which starts an escape sequence on many terminals), DEL, a bidirectional override or a lone
surrogate went out raw. They are written as ``\\uXXXX`` escapes now: the same value for
``coach import`` and any JSON reader.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.cli.backup import export, import_file
from coach.domain.models import Interview
from coach.render.safe import json_escaped
from coach.store.opening import open_store
from tests.hostile import CONTROL

ODD = "Ev\x9b[2J\u202eli\x7f\u2028x\x1b]0;PWNED\x07il"


def test_the_json_export_escapes_what_a_terminal_would_run(tmp_path: Path) -> None:
    db = tmp_path / "coach.json"
    store = open_store(db).store
    store.save_interview(Interview(company=ODD, role="Dev", held_at="2026-11-01"))
    store.close()
    out, err = io.StringIO(), io.StringIO()
    assert export(str(db), "json", None, out=out, err=err) == 0, err.getvalue()
    printed = out.getvalue()
    assert CONTROL.search(printed) is None
    assert "\u202e" not in printed and "\u2028" not in printed
    assert "\\u009b[2J\\u202eli\\u007f\\u2028x\\u001b]0;PWNED\\u0007il" in printed
    [interview] = json.loads(printed)["interviews"]
    assert interview["company"] == ODD
    # And it imports back as it was.
    backup = tmp_path / "backup.json"
    backup.write_text(printed, encoding="utf-8")
    assert import_file(str(backup), str(tmp_path / "again.json"), out=io.StringIO()) == 0
    again = open_store(tmp_path / "again.json").store
    assert again.interviews()[0].company == ODD
    again.close()


TEXT = st.text(st.characters(exclude_categories=()))  # lone surrogates too


@pytest.mark.slow  # generated values, each exported
@given(st.recursive(TEXT, lambda inner: st.lists(inner) | st.dictionaries(TEXT, inner)))
def test_escaping_keeps_the_value_and_the_json(value: object) -> None:
    dumped = json_escaped(json.dumps(value, ensure_ascii=False, indent=2))
    assert json.loads(dumped) == value
    assert CONTROL.search(dumped.replace("\n", "")) is None
    dumped.encode("utf-8")
