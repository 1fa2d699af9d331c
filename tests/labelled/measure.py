"""How coach's judgements agree with public examples labelled by their sources.

    python -m tests.labelled.measure            # the development part (tune on this)
    python -m tests.labelled.measure --heldout  # the held-out part: read the figures only

Figures, each beside a scorer that only counts words:
- closing pairwise: of every (good, bad) pair of closing questions, the share where the good one
  scores higher (a tie counts half);
- response pairwise: the same for (good, weak-or-bad) responses to the same kind of concern;
- medians of each label's scores;
- "made worse": a good example changed in one way a coach would call worse (defensive,
  apologetic, hedging, repeated, evidence removed (every sentence with a number or a concrete
  example of what the speaker did), keyword stuffing; for questions: the
  competition clause dropped, self-undermining, asking for the job appended, filler): the share
  where the score drops.
Contested items (sources disagree) are left out of every figure.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import product
from pathlib import Path

HERE = Path(__file__).resolve().parent / "public"
Scorer = Callable[[str], float]
PitchScorer = Callable[[str, str], float]


@dataclass(frozen=True)
class Item:
    text: str
    label: str
    url: str
    concern: str = ""
    kind: str = ""


def load(name: str, part: str) -> list[Item]:
    """The uncontested items of ``name`` ("closing" or "responses") in ``part``."""
    items = []
    for line in (HERE / f"{name}.{part}.jsonl").read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        if raw.get("contested"):
            continue
        items.append(
            Item(
                text=raw["text"],
                label=raw["label"],
                url=raw["url"],
                concern=raw.get("concern", ""),
                kind=raw.get("kind", ""),
            )
        )
    return items


def words_only(text: str, *_: str) -> float:
    """The trivial baseline: longer is better."""
    return float(len(text.split()))


def share_above(pairs: Iterable[tuple[float, float]]) -> float:
    """Of (better, worse) score pairs, the share where better is higher; a tie counts half."""
    total = wins = 0.0
    for better, worse in pairs:
        total += 1
        wins += 1.0 if better > worse else 0.5 if better == worse else 0.0
    return wins / total if total else float("nan")


def closing_pairs(items: Sequence[Item], score: Scorer) -> float:
    scores = {i: score(i.text) for i in items}
    good = [scores[i] for i in items if i.label == "good"]
    bad = [scores[i] for i in items if i.label == "bad"]
    return share_above(product(good, bad))


def response_pairs(items: Sequence[Item], score: PitchScorer) -> float:
    scores = {i: score(i.text, i.concern) for i in items}
    pairs = [
        (scores[g], scores[b])
        for g, b in product(items, items)
        if g.label == "good" and b.label in ("weak", "bad") and g.kind == b.kind
    ]
    return share_above(pairs)


def medians(items: Sequence[Item], score: Callable[[Item], float]) -> dict[str, float]:
    by_label: dict[str, list[float]] = {}
    for item in items:
        by_label.setdefault(item.label, []).append(score(item))
    out = {label: statistics.median(values) for label, values in by_label.items()}
    weak_bad = by_label.get("weak", []) + by_label.get("bad", [])
    if weak_bad:
        out["weak+bad"] = statistics.median(weak_bad)
    return out


# --- made worse ------------------------------------------------------------------------------

_SENTENCES = re.compile(r"(?<=[.!?])\s+")
_COMPETITION = re.compile(
    r"[^.?!]*\b(other (candidates|applicants|people|finalists)|competition|the field|"
    r"the rest of|others you)\b[^.?!]*[.?!]?",
    re.IGNORECASE,
)


_EVIDENCE = re.compile(
    # A number, in digits or words ...
    r"\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|hundred|thousand|million|dozen|half|double|doubled|tripled|twice|percent)\b"
    # ... or a concrete example: "for example", "when I ...", something I did.
    r"|\bfor (?:example|instance)\b|\bwhen I\b"
    r"|\b(?:I|we)\s+(?:\w+ly\s+)?(?:led|built|managed|completed|trained|ran|created|designed|"
    r"delivered|launched|grew|cut|reduced|increased|improved|saved|raised|won|taught|wrote|"
    r"developed|implemented|organi[sz]ed|started|joined|volunteered|automated|mentored|"
    r"redesigned|reviewed|initiated|resolved|spent|worked)\b"
    r"|\bI(?:'ve|\u2019ve| have)\s+(?:\w+ly\s+)?(?:led|built|managed|completed|trained|spent|"
    r"worked|taught|taken|done|tackled|been)\b",
    re.IGNORECASE,
)
"""A sentence that proves something: a number, or a concrete thing the speaker did."""


def _content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[A-Za-z][A-Za-z'-]{3,}", text)]


def worse_responses(text: str, concern: str) -> dict[str, str | None]:
    """Each way of making a good response worse (None: the way does not apply)."""
    sentences = _SENTENCES.split(text.strip())
    # Every sentence of evidence goes (numbers, and examples of what the speaker did), so the
    # answer keeps only its claims; it applies when something is left.
    plain = [s for s in sentences if not _EVIDENCE.search(s)]
    stuffed_words = _content_words(concern)[:4] or ["experience"]
    return {
        "defensive": "Honestly, I don't think that's a fair concern, and I disagree with it. "
        + text,
        "apologetic": "I'm so sorry, I know that's a real weakness of mine and I apologise for it. "
        + text,
        "hedging": "I guess maybe I kind of think that, um, possibly " + text[0].lower() + text[1:],
        "repeated": " ".join([text] * 4),
        "evidence removed": " ".join(plain) if plain and len(plain) < len(sentences) else None,
        "keyword stuffing": ", ".join(stuffed_words * 3) + ". " + text,
    }


def worse_questions(text: str) -> dict[str, str | None]:
    """Each way of making a good closing question worse (None: the way does not apply)."""
    dropped = _COMPETITION.sub("", text).strip()
    return {
        "competition dropped": dropped if dropped and dropped != text.strip() else None,
        "self-undermining": "I know I'm probably not the strongest candidate, but "
        + text[0].lower()
        + text[1:],
        "asks for the job": text.rstrip() + " So, did I get the job?",
        "filler": "Um, so, like, I was kind of wondering, maybe, "
        + text[0].lower()
        + text[1:]
        + " You know?",
    }


def made_worse(
    items: Sequence[Item],
    score: Callable[[str, Item], float],
    ways: Callable[[Item], dict[str, str | None]],
) -> dict[str, tuple[float, int]]:
    """Per way: the share of good items whose score drops, and how many it applied to."""
    drops: dict[str, list[bool]] = {}
    for item in items:
        if item.label != "good":
            continue
        base = score(item.text, item)
        for way, changed in ways(item).items():
            if changed is None:
                continue
            drops.setdefault(way, []).append(score(changed, item) < base)
    return {way: (sum(d) / len(d), len(d)) for way, d in drops.items()}


# --- the report ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    closing_pairwise: float
    closing_pairwise_words: float
    response_pairwise: float
    response_pairwise_words: float
    closing_medians: dict[str, float]
    response_medians: dict[str, float]
    closing_worse: dict[str, tuple[float, int]]
    response_worse: dict[str, tuple[float, int]]
    counts: dict[str, int]


def figures(part: str) -> Figures:
    from coach.domain import assess_closing_question, assess_pitch

    def question(text: str) -> float:
        return float(assess_closing_question(text).score)

    def pitch(text: str, concern: str) -> float:
        return float(assess_pitch(text, concern).score)

    closing = load("closing", part)
    responses = load("responses", part)
    return Figures(
        closing_pairwise=closing_pairs(closing, question),
        closing_pairwise_words=closing_pairs(closing, words_only),
        response_pairwise=response_pairs(responses, pitch),
        response_pairwise_words=response_pairs(responses, words_only),
        closing_medians=medians(closing, lambda i: question(i.text)),
        response_medians=medians(responses, lambda i: pitch(i.text, i.concern)),
        closing_worse=made_worse(
            closing, lambda t, i: question(t), lambda i: worse_questions(i.text)
        ),
        response_worse=made_worse(
            responses,
            lambda t, i: pitch(t, i.concern),
            lambda i: worse_responses(i.text, i.concern),
        ),
        counts={
            "closing items": len(closing),
            "closing pages": len({i.url for i in closing}),
            "response items": len(responses),
            "response pages": len({i.url for i in responses}),
        },
    )


def report(part: str) -> str:
    f = figures(part)
    lines = [f"coach's judgements on the {part} part of the public corpus", ""]
    lines += [f"  {k}: {v}" for k, v in f.counts.items()]
    lines += [
        "",
        f"  closing pairwise   {f.closing_pairwise:.3f}"
        f"   words only {f.closing_pairwise_words:.3f}",
        f"  response pairwise  {f.response_pairwise:.3f}"
        f"   words only {f.response_pairwise_words:.3f}",
        f"  closing medians    {f.closing_medians}",
        f"  response medians   {f.response_medians}",
        "  made worse, questions: "
        + ", ".join(f"{w} {s:.2f} (n={n})" for w, (s, n) in f.closing_worse.items()),
        "  made worse, responses: "
        + ", ".join(f"{w} {s:.2f} (n={n})" for w, (s, n) in f.response_worse.items()),
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", action="store_true", help="the held-out part (figures only)")
    args = parser.parse_args()
    print(report("heldout" if args.heldout else "dev"))


if __name__ == "__main__":
    main()
