"""The database layout check and the migration machinery."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from coach.store import schema

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


def test_empty_is_valid_and_current() -> None:
    raw = schema.check_shape(schema.empty())
    assert schema.schema_of(raw) == schema.SCHEMA_VERSION


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ([], "top level is a list"),
        ({"attempts": []}, "table 'attempts' is a list"),
        ({"attempts": {"x": {}}}, "not a number"),
        ({"attempts": {"1": "text"}}, "not an object"),
        ({"_meta": {"1": {"schema": "two"}}}, "not a whole number"),
        ({"_meta": {"1": {"schema": True}}}, "not a whole number"),
        ({"_meta": {"1": {"schema": -1}}}, "negative"),
    ],
)
def test_wrong_shapes_are_named(raw: Any, message: str) -> None:
    with pytest.raises(schema.ShapeError, match=message):
        schema.check_shape(raw)


@given(json_values)
def test_check_shape_accepts_or_raises_shape_error_only(value: Any) -> None:
    try:
        checked = schema.check_shape(json.loads(json.dumps(value)))
    except schema.ShapeError:
        return
    assert isinstance(checked, dict)


def test_unversioned_file_is_stamped() -> None:
    raw: schema.Raw = {"attempts": {"1": {"text": "hi"}}}
    migrated = schema.migrate(raw)
    assert schema.schema_of(migrated) == schema.SCHEMA_VERSION
    assert migrated["attempts"]["1"] == {"text": "hi"}


def test_migration_steps_run_in_order_up_to_target() -> None:
    def rename_text(raw: schema.Raw) -> schema.Raw:
        for doc in raw.get("attempts", {}).values():
            doc["body"] = doc.pop("text")
        return raw

    def add_flag(raw: schema.Raw) -> schema.Raw:
        for doc in raw.get("attempts", {}).values():
            doc["flag"] = doc["body"].upper()
        return raw

    steps = {**schema.MIGRATIONS, 1: rename_text, 2: add_flag}
    migrated = schema.migrate({"attempts": {"1": {"text": "hi"}}}, target=3, steps=steps)
    assert migrated["attempts"]["1"] == {"body": "hi", "flag": "HI"}
    assert schema.schema_of(migrated) == 3


def test_newer_file_is_refused() -> None:
    with pytest.raises(ValueError, match="newer"):
        schema.migrate({"_meta": {"1": {"schema": schema.SCHEMA_VERSION + 1}}})


def test_missing_step_is_refused() -> None:
    current = schema.SCHEMA_VERSION
    with pytest.raises(ValueError, match=f"no migration from schema {current}"):
        schema.migrate(schema.empty(), target=current + 1)


def test_a_migration_keeps_the_high_water_marks() -> None:
    # The stamp's document also holds the ids handed out: a step must not reset them, or an
    # id freed by a delete could be handed out again.
    current = schema.SCHEMA_VERSION
    raw = schema.empty()
    raw[schema.META_TABLE][schema.META_ID]["last_ids"] = {"attempts": 9}
    steps = {**schema.MIGRATIONS, current: lambda r: r}
    migrated = schema.migrate(raw, target=current + 1, steps=steps)
    assert migrated[schema.META_TABLE][schema.META_ID] == {
        "schema": current + 1,
        "last_ids": {"attempts": 9},
    }
