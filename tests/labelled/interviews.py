"""How coach's interview rating agrees with public first-hand accounts labelled by what the
interview showed (``public/interviews.*.jsonl``; see ``public/README.md``).

    python -m tests.labelled.interviews            # the development part (tune on this)
    python -m tests.labelled.interviews --heldout  # the held-out part: read the figures only

Figures: band accuracy, gross errors (went well read as went poorly, or the reverse), and the
same for two trivial raters beside it: "always mixed", and counting signs (each observed signal
+1 or -1 by the direction of its evidence, whatever its strength). Each account is rated from
its signals alone (as the form records them, without the eventual outcome, which labels
nothing); ``--with-outcome`` adds the outcome where the account gives it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from coach.content.rubric import load_rubric
from coach.domain.rating import rate_interview
from coach.domain.rubric import Rubric

HERE = Path(__file__).resolve().parent / "public"
BANDS = ("went well", "mixed", "went poorly")


@dataclass(frozen=True)
class Account:
    signals: dict[str, object]
    band: str
    url: str
    outcome: str | None
    clear: bool


def held_out(url: str) -> bool:
    """The one split, by page: a page whose address hashes to 0 or 1 modulo 5 is held out."""
    return int(hashlib.sha256(url.encode()).hexdigest(), 16) % 5 in (0, 1)


def load(part: str) -> list[Account]:
    """The accounts of ``part`` ("dev" or "heldout")."""
    accounts = []
    for line in (HERE / f"interviews.{part}.jsonl").read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        accounts.append(
            Account(raw["signals"], raw["band"], raw["url"], raw.get("outcome"), raw["clear"])
        )
    return accounts


Rater = Callable[[dict[str, object]], str]


def coach_rater(rubric: Rubric) -> Rater:
    return lambda signals: rate_interview(signals, rubric).band


def always_mixed(_: dict[str, object]) -> str:
    return "mixed"


def sign_counter(rubric: Rubric) -> Rater:
    """+1 for each signal whose evidence is positive, -1 for each negative: strength ignored."""

    def rate(signals: dict[str, object]) -> str:
        read = rate_interview(signals, rubric)
        total = sum((c.evidence > 0) - (c.evidence < 0) for c in read.contributions if c.observed)
        return "went well" if total >= 2 else "went poorly" if total <= -2 else "mixed"

    return rate


@dataclass(frozen=True)
class Figures:
    accounts: int
    pages: int
    accuracy: float
    gross: int
    confusion: dict[tuple[str, str], int]


def figures(accounts: Sequence[Account], rater: Rater, *, with_outcome: bool = False) -> Figures:
    confusion: Counter[tuple[str, str]] = Counter()
    for account in accounts:
        signals = dict(account.signals)
        if with_outcome and account.outcome:
            signals["outcome"] = account.outcome
        confusion[(account.band, rater(signals))] += 1
    right = sum(n for (label, read), n in confusion.items() if label == read)
    gross = confusion[("went well", "went poorly")] + confusion[("went poorly", "went well")]
    return Figures(
        len(accounts),
        len({a.url for a in accounts}),
        right / len(accounts) if accounts else 0.0,
        gross,
        dict(confusion),
    )


def report(part: str, *, with_outcome: bool = False, show_items: bool = False) -> str:
    rubric = load_rubric()
    accounts = load(part)
    lines = [
        f"interviews.{part}: {len(accounts)} accounts from {len({a.url for a in accounts})} pages"
    ]
    lines.append(
        "  bands: " + ", ".join(f"{b} {sum(a.band == b for a in accounts)}" for b in BANDS)
    )
    for name, rater in (
        ("coach", coach_rater(rubric)),
        ("counting signs", sign_counter(rubric)),
        ("always mixed", always_mixed),
    ):
        result = figures(accounts, rater, with_outcome=with_outcome)
        lines.append(f"  {name:<15} accuracy {result.accuracy:.3f}, gross errors {result.gross}")
        if name == "coach":
            for label in BANDS:
                row = [result.confusion.get((label, read), 0) for read in BANDS]
                lines.append(f"    {label:<12} read as well/mixed/poorly: {row}")
            clear = [a for a in accounts if a.clear]
            lines.append(
                f"    clear accounts only: {figures(clear, rater).accuracy:.3f} of {len(clear)}"
            )
    if show_items and part == "dev":
        for a in accounts:
            read = rate_interview(a.signals, rubric)
            if read.band != a.band:
                lines.append(f"  MISS {a.band:>11} read {read.band:<11} {read.score} {a.signals}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", action="store_true", help="the held-out part (figures only)")
    parser.add_argument("--with-outcome", action="store_true", help="rate with the outcome too")
    parser.add_argument("--misses", action="store_true", help="list development misses")
    args = parser.parse_args()
    part = "heldout" if args.heldout else "dev"
    print(report(part, with_outcome=args.with_outcome, show_items=args.misses))


if __name__ == "__main__":
    main()
