"""The result of a coaching judgement: a 0-100 score made of named, explainable checks."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """A stretch of the user's own text that a check points at (e.g. a defensive phrase)."""

    start: int
    """Index of the first character in the assessed text."""
    end: int
    """Index one past the last character."""
    text: str
    """The words as the user wrote them."""


@dataclass(frozen=True)
class Check:
    """One thing a good answer does, and whether this one does it."""

    name: str
    """Short, stable and readable: "Acknowledges the feedback"."""
    passed: bool
    """Whether the text does it."""
    tip: str
    """One line: what to do (if failed) or what worked (if passed)."""
    points: int = 0
    """Points earned, from 0 to ``max_points``."""
    max_points: int = 0
    """What this check is worth; all checks of an assessment add up to 100."""
    spans: tuple[Span, ...] = ()
    """The phrases in the user's text that made it fail (to highlight), if any."""
    id: str = ""
    """A stable identifier, e.g. "response.acknowledges": saved with each attempt, so history
    survives a change of the ``name`` (which is wording)."""


@dataclass(frozen=True)
class Assessment:
    """A score and the checks behind it."""

    score: int
    """0-100: the points of the checks, less any penalties."""
    checks: tuple[Check, ...]
    """Every check, passed or not, in a fixed order."""
    coached_up_to: int | None = None
    """None when all of the text was coached; else where coaching stopped, as an index in the
    text: only its first ``coach.domain.text.MAX_COACHED_WORDS`` words are read."""

    @property
    def passed(self) -> tuple[Check, ...]:
        """The checks the text passes."""
        return tuple(c for c in self.checks if c.passed)

    @property
    def failed(self) -> tuple[Check, ...]:
        """The checks to work on."""
        return tuple(c for c in self.checks if not c.passed)

    def check(self, key: str) -> Check:
        """The check with this id ("response.acknowledges") or, failing that, this name.

        Raises:
            KeyError: No check has that id or name.
        """
        for check in self.checks:
            if key and check.id == key:
                return check
        for check in self.checks:
            if check.name == key:
                return check
        raise KeyError(key)
