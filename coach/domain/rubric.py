"""The interview rubric as values: how strongly each observed signal speaks for or against "it
went well". ``data/rubric.json`` holds the numbers and the reason for each; ``coach.content.rubric``
reads it into these types, and the caller hands the result to ``rate_interview`` (the domain
reads no files).

Evidence is in log-odds (natural log of a likelihood ratio): +1.0 means "this is about 2.7
times as likely to be seen in an interview that went well as in one that went poorly". Adding
log-odds is how independent pieces of evidence combine, so one decisive signal can carry the
read and many weak ones add up.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

FOLLOW_UP_STATES = (
    "prompt_reply",
    "reply",
    "late_reply",
    "overdue",
    "offer",
    "next round",
    "rejected",
    "no reply",
)
"""What the follow-up can be: a reply (by its timing, when its content was not recorded), the
silence once overdue, or what they answered."""


@dataclass(frozen=True)
class Level:
    """What one observed value means."""

    evidence: float
    """Log-odds for "it went well": positive is a good sign, negative a bad one."""
    green: str = ""
    """A green flag to show, in plain words, if any."""
    red: str = ""
    """A red flag to show, in plain words, if any."""


@dataclass(frozen=True)
class Advice:
    """What to practise next, and the Rehearse card category that practises it."""

    text: str
    category: str


@dataclass(frozen=True)
class SignalRule:
    """How one signal is read."""

    key: str
    """"duration", "follow_up" or a signal key."""
    label: str
    why: str
    """Why it weighs what it weighs (shown by ``coach rate`` and in the docs)."""
    steps: tuple[tuple[float, Level], ...] = ()
    """For ratios and counts: (at least, level), highest first."""
    levels: Mapping[str, Level] = field(default_factory=dict)
    """For yes/no ("yes", "no"), choices, and follow-up states."""
    advice: Advice | None = None
    """Shown when the signal counts against the interview."""

    @property
    def strength(self) -> float:
        """The most this signal can say either way (its largest evidence, in log-odds)."""
        levels = [level for _, level in self.steps] + list(self.levels.values())
        return max((abs(level.evidence) for level in levels), default=0.0)


@dataclass(frozen=True)
class Silence:
    """The silence clock: when a reply is due, and how much its absence says."""

    grace_business_days: int
    """Working days after the promised date before silence counts."""
    days_without_timeline: int
    """Days after the interview before silence counts, when no date was promised."""
    prompt_reply_days: int
    """A reply within this many days is prompt."""
    overdue: float
    """Log-odds of silence on the first day it is overdue (negative)."""
    most: float
    """Log-odds of silence at its longest (negative; reached ``full_after_days`` after the
    promised date)."""
    full_after_days: int
    """Days after the promised date (a week after the interview when none was given) at which
    silence says all it can; from then on the read is at most mixed."""

    def evidence(self, share: float) -> float:
        """Silence ``share`` of the way from overdue (0) to all it can say (1)."""
        return self.overdue + (self.most - self.overdue) * min(1.0, max(0.0, share))


@dataclass(frozen=True)
class Rubric:
    """The whole rubric; see ``data/rubric.json``."""

    lowest_read: float
    """No read of an interview is certain: how likely it went well stays within
    lowest_read..highest_read (the score is that, in percent)."""
    highest_read: float
    lowest_chance: float
    """The chance of a positive outcome (an offer or a next round) at the worst read: above 0,
    because a read can be wrong."""
    highest_chance: float
    """The chance of a positive outcome at the best read: well below 1, because the other
    candidates count too (the seed article: it is never just about you)."""
    well_at: float
    """A read at or above this is "went well"."""
    poorly_below: float
    """A read below this is "went poorly"; "mixed" in between."""

    def chance(self, read: float) -> float:
        """The chance of a positive outcome for a read: the read's range mapped onto the
        chance's, so the best read gives ``highest_chance`` and the worst ``lowest_chance``."""
        share = (read - self.lowest_read) / (self.highest_read - self.lowest_read)
        return self.lowest_chance + (self.highest_chance - self.lowest_chance) * share

    unseen: float
    """Evidence no form can record (the other candidates, the budget): it keeps the
    confidence below 100% even when every field is filled."""
    silence: Silence
    rules: tuple[SignalRule, ...]

    @property
    def total_strength(self) -> float:
        return sum(rule.strength for rule in self.rules)

    def rule(self, key: str) -> SignalRule:
        return next(rule for rule in self.rules if rule.key == key)
