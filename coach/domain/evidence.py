"""Combining evidence in log-odds into a bounded chance, and sharing the result out as points.

Log-odds add, but points on the 0-100 scale do not: the same signal moves a neutral read more
than one that is already near an end. Each signal's points are its share of the move from 50,
split fairly between the signals for and the signals against (the average of counting the
good signs first and the bad signs first; within each side, in proportion to the evidence).
Every good sign then gets plus points, every bad sign minus points, and the points add up to
the score minus 50 exactly.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def logistic(log_odds: float) -> float:
    """The chance that log-odds stand for."""
    if log_odds >= 0:
        return 1.0 / (1.0 + math.exp(-log_odds))
    small = math.exp(log_odds)
    return small / (1.0 + small)


def bounded(chance: float, lowest: float, highest: float) -> float:
    """``chance`` (0-1) squeezed into lowest..highest: no read of an interview is certain.

    Squeezed, not clipped: a strong interview whose evidence is far past any cap still loses
    ground with each week of silence, instead of sitting at the cap until the silence has
    eaten through its spare evidence."""
    return lowest + (highest - lowest) * chance


def share_points(
    evidence: Sequence[float], lowest: float = 0.0, highest: float = 1.0
) -> tuple[float, ...]:
    """Each piece of evidence's points (on 0-100) in the squeezed chance of their sum."""

    def score(log_odds: float) -> float:
        return 100 * bounded(logistic(log_odds), lowest, highest)

    good = sum(e for e in evidence if e > 0)
    bad = sum(e for e in evidence if e < 0)
    start = score(0.0)
    # The average of the two orders: good signs first, then bad; bad first, then good.
    good_points = ((score(good) - start) + (score(good + bad) - score(bad))) / 2
    bad_points = ((score(bad) - start) + (score(good + bad) - score(good))) / 2
    return tuple(
        good_points * e / good if e > 0 else bad_points * e / bad if e < 0 else 0.0
        for e in evidence
    )


def points_alone(log_odds: float) -> float:
    """The points one piece of evidence would move a neutral read, on its own."""
    return 100 * logistic(log_odds) - 50
