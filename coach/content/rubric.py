"""Reads ``data/rubric.json`` into a ``coach.domain.rubric.Rubric``, checking every field.

The app and the CLI load it once and hand it to the rater; the domain never reads it.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from coach.content.loader import ContentError, data_dir, field_number, field_text, load_json
from coach.domain.rubric import (
    FOLLOW_UP_STATES,
    Advice,
    Level,
    Rubric,
    SignalRule,
    Silence,
)
from coach.domain.signals import CHOICE_KEYS, YES_NO_KEYS

STEP_KINDS = {"duration": "ratios", "questions_asked": "counts", "follow_up_questions": "counts"}
EVIDENCE_RANGE = 6.0
"""The largest log-odds one level may carry either way (a likelihood ratio of about 400)."""


def _level(item: object, where: str) -> Level:
    if not isinstance(item, dict):
        raise ContentError(f"{where}: must be an object with an 'evidence'")
    return Level(
        evidence=field_number(item, "evidence", where, -EVIDENCE_RANGE, EVIDENCE_RANGE),
        green=field_text(item, "green", where, required=False),
        red=field_text(item, "red", where, required=False),
    )


def _steps(key: str, item: dict[str, Any], where: str) -> tuple[tuple[float, Level], ...]:
    rows = item.get(STEP_KINDS[key])
    if not isinstance(rows, list) or not rows:
        raise ContentError(f"{where}: {STEP_KINDS[key]!r} must be a non-empty list")
    steps: list[tuple[float, Level]] = []
    for n, row in enumerate(rows):
        at = f"{where}, row {n + 1}"
        if not isinstance(row, dict):
            raise ContentError(f"{at}: must be an object")
        steps.append((field_number(row, "at_least", at, 0, 1e6), _level(row, at)))
    if [s[0] for s in steps] != sorted((s[0] for s in steps), reverse=True):
        raise ContentError(f"{where}: rows must go from the highest 'at_least' down")
    if steps[-1][0] != 0:
        raise ContentError(f"{where}: the last row must start 'at_least' 0")
    return tuple(steps)


def _levels(key: str, item: dict[str, Any], where: str) -> dict[str, Level]:
    if key in CHOICE_KEYS:
        choices = item.get("choices")
        if not isinstance(choices, dict) or set(choices) != set(CHOICE_KEYS[key]):
            raise ContentError(f"{where}: 'choices' must give each of {list(CHOICE_KEYS[key])}")
        return {str(k): _level(v, f"{where}, choice {k!r}") for k, v in choices.items()}
    if key in YES_NO_KEYS:
        # A timeline is read three ways: with a date (timeline_days), without one, or none.
        answers = ("dated", "yes", "no") if key == "gave_timeline" else ("yes", "no")
        return {answer: _level(item.get(answer), f"{where}, {answer!r}") for answer in answers}
    if key == "follow_up":
        # Silence's evidence is the silence clock's (the rubric's "silence"): "overdue" gives
        # only its wording here, and is filled in by _with_silence.
        return {
            state: _level({"evidence": 0, **item.get(state, {})}, f"{where}, {state!r}")
            if state == "overdue" and isinstance(item.get(state), dict)
            else _level(item.get(state), f"{where}, {state!r}")
            for state in FOLLOW_UP_STATES
        }
    raise ContentError(f"{where}: unknown signal")


def _rule(key: str, item: object) -> SignalRule:
    where = f"rubric.json, signal {key!r}"
    if not isinstance(item, dict):
        raise ContentError(f"{where}: must be an object")
    advice_item = item.get("advice")
    advice = None
    if advice_item is not None:
        if not isinstance(advice_item, dict):
            raise ContentError(f"{where}: 'advice' must be an object")
        advice = Advice(
            field_text(advice_item, "text", f"{where}, advice"),
            field_text(advice_item, "category", f"{where}, advice"),
        )
    return SignalRule(
        key=key,
        label=field_text(item, "label", where),
        why=field_text(item, "why", where),
        steps=_steps(key, item, where) if key in STEP_KINDS else (),
        levels={} if key in STEP_KINDS else _levels(key, item, where),
        advice=advice,
    )


def _silence(raw: dict[str, Any]) -> Silence:
    where = "rubric.json, silence"
    silence = Silence(
        grace_business_days=int(field_number(raw, "grace_business_days", where, 0, 30)),
        days_without_timeline=int(field_number(raw, "days_without_timeline", where, 0, 90)),
        prompt_reply_days=int(field_number(raw, "prompt_reply_days", where, 0, 30)),
        overdue=field_number(raw, "overdue", where, -EVIDENCE_RANGE, -0.01),
        most=field_number(raw, "most", where, -EVIDENCE_RANGE, -0.01),
        full_after_days=int(field_number(raw, "full_after_days", where, 1, 365)),
    )
    if silence.most > silence.overdue:
        raise ContentError(f"{where}: 'most' must not be above 'overdue' (silence only grows)")
    # Silence must have room to grow after the grace ends (the grace's calendar span: its
    # working days and a weekend for every five), or it would fall all at once.
    grace = silence.grace_business_days
    if silence.full_after_days <= grace + 2 * -(-grace // 5) + 1:
        raise ContentError(
            f"{where}: 'full_after_days' must be longer than the grace of {grace} business days"
        )
    return silence


def _with_silence(rules: tuple[SignalRule, ...], silence: Silence) -> tuple[SignalRule, ...]:
    """The follow-up's "overdue" level carries silence at its longest (its strength)."""
    return tuple(
        replace(
            rule,
            levels={
                **rule.levels,
                "overdue": replace(rule.levels["overdue"], evidence=silence.most),
            },
        )
        if rule.key == "follow_up"
        else rule
        for rule in rules
    )


def _check_answers(rules: tuple[SignalRule, ...]) -> None:
    """A rejection or no reply must be the worst the follow-up can be (no better than the
    longest silence), so that recording one never raises a rating; an offer or a next round
    the best, and good news."""
    levels = next(rule for rule in rules if rule.key == "follow_up").levels
    worst = min(level.evidence for level in levels.values())
    best = max(level.evidence for level in levels.values())
    for state in ("rejected", "no reply"):
        if levels[state].evidence > worst:
            raise ContentError(
                f"rubric.json, follow_up {state!r}: must be the lowest evidence, "
                f"at most {worst} (silence's 'most' included)"
            )
    for state in ("offer", "next round"):
        if levels[state].evidence < best or levels[state].evidence <= 0:
            raise ContentError(
                f"rubric.json, follow_up {state!r}: must be the highest evidence, above 0"
            )


def _percent(raw: dict[str, Any], key: str, where: str, low: float, high: float) -> float:
    """A band's edge: a whole percent strictly inside low..high (the band is read from the
    score, a whole percent, so an edge between two would misread an offer)."""
    value = field_number(raw, key, where, low, high)
    if abs(value * 100 - round(value * 100)) > 1e-9 or not low < value < high:
        raise ContentError(f"{where}: {key!r} must be a whole percent between {low} and {high}")
    return round(value * 100) / 100


def load_rubric(folder: Path | None = None) -> Rubric:
    """The interview rubric from ``rubric.json`` (cached: it is read once per process).

    Raises:
        ContentError: The file is missing or a field is wrong, naming it.
    """
    return _load_rubric(folder or data_dir())


@lru_cache(maxsize=4)
def _load_rubric(folder: Path) -> Rubric:
    raw = load_json("rubric.json", folder)
    read, chance, bands = raw.get("read"), raw.get("chance"), raw.get("bands")
    silence, signals = raw.get("silence"), raw.get("signals")
    if not all(isinstance(part, dict) for part in (read, chance, bands, silence, signals)):
        raise ContentError(
            "rubric.json: 'read', 'chance', 'bands', 'silence' and 'signals' must be objects"
        )
    assert isinstance(read, dict) and isinstance(chance, dict)  # for mypy: checked above
    assert isinstance(bands, dict)
    assert isinstance(silence, dict) and isinstance(signals, dict)
    expected = {*STEP_KINDS, *CHOICE_KEYS, *YES_NO_KEYS, "follow_up"}
    given = {key for key in signals if not key.startswith("$")}
    if given != expected:
        missing, extra = expected - given, given - expected
        raise ContentError(
            f"rubric.json: signals missing {sorted(missing)}, unknown {sorted(extra)}"
        )
    # Within 1-99 so the score, a whole percent, is never 0 or 100.
    low = field_number(read, "lowest", "rubric.json, read", 0.01, 0.49)
    high = field_number(read, "highest", "rubric.json, read", 0.51, 0.99)
    well = _percent(bands, "went well", "rubric.json, bands", low, high)
    poorly = _percent(bands, "went poorly", "rubric.json, bands", low, high)
    if poorly > well:
        raise ContentError("rubric.json, bands: 'went poorly' must not be above 'went well'")
    timing = _silence(silence)
    rules = _with_silence(
        tuple(_rule(key, signals[key]) for key in signals if key in given), timing
    )
    _check_answers(rules)
    return Rubric(
        lowest_read=low,
        highest_read=high,
        lowest_chance=field_number(chance, "lowest", "rubric.json, chance", 0.001, 0.49),
        highest_chance=field_number(chance, "highest", "rubric.json, chance", 0.51, 0.999),
        well_at=well,
        poorly_below=poorly,
        unseen=field_number(raw, "unseen", "rubric.json", 0.1, 100),
        silence=timing,
        rules=rules,
    )
