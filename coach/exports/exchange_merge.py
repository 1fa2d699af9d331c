"""Importing mock exchanges: each with the attempts of its turns, as one unit.

Plain records merge by id (``coach.exports.backup``). An exchange cannot: its turns point to
attempts and its attempts back to it, so skipping one half as a conflict would tie the other
to a stranger's record. So an exchange is recognised by what it holds, not by its ids: the
same exchange (the same times, reply and turns, each turn with the same attempt) is "already
there" whatever ids it has, so importing a file twice adds nothing the second time. A new one
is added under its own ids where they are free, and under the next free ids where they are
taken, its turns' ``attempt_id`` and its attempts' ``exchange_id`` renumbered to match.
Nothing is ever overwritten.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from coach.domain.models import Attempt, Exchange
from coach.store import records, schema
from coach.store.exchanges import TABLE, exchange_doc, exchange_from


def split(
    attempts: Iterable[Attempt], exchanges: Iterable[Exchange]
) -> tuple[tuple[Attempt, ...], tuple[Attempt, ...]]:
    """The attempts merged by id (of no exchange in the file: one whose exchange is not in it,
    a hand edit, loses the link rather than joining whatever exchange holds that id here), and
    those imported with their exchange."""
    ids = {exchange.id for exchange in exchanges}
    plain, linked = [], []
    for attempt in attempts:
        if attempt.exchange_id in ids:
            linked.append(attempt)
        else:
            plain.append(replace(attempt, exchange_id=None))
    return tuple(plain), tuple(linked)


def _key(exchange: Exchange, attempt: Callable[[int], Attempt | None]) -> str:
    """What an exchange holds, without any id: its document, each turn's attempt in place of
    the attempt's id (None for a turn without one, or whose attempt is gone)."""
    doc = exchange_doc(exchange)
    for turn in doc["turns"]:
        found = attempt(turn["attempt_id"]) if turn["attempt_id"] is not None else None
        turn["attempt_id"] = records.doc_of(replace(found, exchange_id=None)) if found else None
    return json.dumps(doc, sort_keys=True)


@dataclass
class _Ids:
    """The ids a table holds, and the highest it ever handed out (or holds)."""

    taken: set[int]
    top: int

    @classmethod
    def of(cls, raw: schema.Raw, table: str) -> _Ids:
        taken = {number for number, _, _, _ in schema.rows(raw.get(table, {}))}
        return cls(taken, max([schema.last_id(raw, table), *taken]))

    def claim(self, wanted: int | None) -> int:
        """``wanted`` if it is free, else the next id above every one there."""
        if wanted is None or wanted in self.taken:
            self.top += 1
            wanted = self.top
        self.taken.add(wanted)
        self.top = max(self.top, wanted)
        return wanted


def merge(
    raw: schema.Raw, exchanges: Iterable[Exchange], linked: Iterable[Attempt]
) -> tuple[tuple[int, int], tuple[int, int]]:
    """Add each exchange the database does not hold yet, with its attempts (``linked``: those
    whose ``exchange_id`` names it), to a database's raw content (new documents only).

    Returns:
        (added, already there) for the exchanges, then the same for their attempts.
    """
    attempts_table = raw.setdefault("attempts", {})
    table = raw.setdefault(TABLE, {})
    held = {n: records.attempt_from(doc, n) for n, _, doc, _ in schema.rows(attempts_table)}
    known = {_key(exchange_from(doc, n), held.get) for n, _, doc, _ in schema.rows(table)}
    groups: defaultdict[int | None, dict[int | None, Attempt]] = defaultdict(dict)
    for attempt in linked:
        groups[attempt.exchange_id][attempt.id] = attempt
    attempt_ids, exchange_ids = _Ids.of(raw, "attempts"), _Ids.of(raw, TABLE)
    exchanges_done, attempts_done = [0, 0], [0, 0]
    for exchange in exchanges:
        group = groups[exchange.id]
        key = _key(exchange, group.get)
        if key in known:
            exchanges_done[1] += 1
            attempts_done[1] += len(group)
            continue
        number = exchange_ids.claim(exchange.id)
        new_ids = {old: attempt_ids.claim(old) for old in group}
        for old, attempt in group.items():
            saved = replace(attempt, id=new_ids[old], exchange_id=number)
            attempts_table[str(new_ids[old])] = records.doc_of(saved)
        turns = tuple(replace(t, attempt_id=new_ids.get(t.attempt_id)) for t in exchange.turns)
        table[str(number)] = exchange_doc(replace(exchange, turns=turns))
        known.add(key)
        exchanges_done[0] += 1
        attempts_done[0] += len(group)
    for name, ids in (("attempts", attempt_ids), (TABLE, exchange_ids)):
        if ids.top > schema.last_id(raw, name):
            schema.raise_mark(raw, name, ids.top)
    return (exchanges_done[0], exchanges_done[1]), (attempts_done[0], attempts_done[1])
