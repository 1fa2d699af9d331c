"""The demo's job seeker: a data analyst preparing for a final round at a logistics company.

Their strengths, the posting's requirements (three of them gaps), and the card made from what
Northwind said in the interview; ``coach.demo.rehearsals`` and ``coach.demo.interviews`` build
the week around them.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from coach.domain.cards import FeedbackCard, heard_card
from coach.domain.models import Profile, Strength

STRENGTHS = (
    Strength(
        "SQL and data modelling",
        "rebuilt the sales warehouse: 40 tables, reports 6x faster",
    ),
    Strength(
        "Looker dashboards",
        "12 dashboards used weekly by 80 people in operations and finance",
    ),
    Strength(
        "Python automation",
        "pandas scripts cut the monthly close report from 3 days to 4 hours",
    ),
    Strength(
        "Presenting to leadership",
        "my churn analysis changed our pricing; quarterly reviews with the executive team",
    ),
)
DBT = "Hands-on experience with dbt and Airflow"
EXPERIMENTS = "A/B testing and experiment design"
REQUIREMENTS = (
    "5+ years of SQL and data modelling",
    "Building dashboards in Looker or Tableau",
    DBT,
    EXPERIMENTS,
    "Experience with demand forecasting",
    "Presenting findings to leadership",
)
"""A senior data analyst posting at a logistics company; the three in the middle are gaps: five
skills (dbt, Airflow, A/B testing, experiment design, demand forecasting) no strength covers."""

HEARD_COMPANY = "Northwind Freight"
HEARD_FEEDBACK = (
    "Your SQL and dashboards are exactly what we need. Honestly, the other finalists have more "
    "hands-on pipeline work, and we weren't sure you've owned a data pipeline end to end."
)
"""What Northwind said when asked the closing question; it became a card."""


def demo_profile(now: datetime) -> Profile:
    """Four strengths with evidence and six requirements, three of them not covered (five
    skills, so five tailored cards), and the next interview tomorrow: the demo opens on the
    evening before it, the moment Rehearse is for."""
    tomorrow = (now + timedelta(days=1)).date().isoformat()
    return Profile(strengths=STRENGTHS, requirements=REQUIREMENTS, interview_date=tomorrow)


def demo_heard_card(now: datetime) -> FeedbackCard:
    """The card made from Northwind's answer, kept (like the app does) under a time stamp."""
    kept_at = evening(now, 8, 18, 30)
    return heard_card(HEARD_FEEDBACK, kept_at.strftime("%Y%m%d-%H%M%S"), HEARD_COMPANY)


def evening(now: datetime, days_ago: int, hour: int, minute: int) -> datetime:
    """``days_ago`` days before ``now``, at ``hour:minute``: when the demo's rehearsals were."""
    return (now - timedelta(days=days_ago)).replace(
        hour=hour, minute=minute, second=0, microsecond=0
    )
