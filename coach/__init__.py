"""coach: an offline terminal coach for the end of a job interview and the hour after.

The scripting API, in today's calls::

    from coach import assess_closing_question, assess_pitch, rate_interview

    assess_closing_question("How does my background compare with the other candidates?").score
    assess_pitch(response, "We need more Kubernetes experience").score
    rate_interview({"scheduled_min": 45, "actual_min": 70}).band

Each name is imported on first use (PEP 562), and the content it judges with (the rubric,
the phrase lists) is read on its first call: ``import coach`` costs nothing, and the app,
which imports this file first, starts no slower for it.
"""

# Not typing.TYPE_CHECKING: importing typing is itself some milliseconds, and mypy honours a
# module's own TYPE_CHECKING constant.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from coach.api import rate_interview
    from coach.domain.closing import assess_closing_question
    from coach.domain.pitch import assess_pitch

__version__ = "0.1.0"


class _PackagedOnFirstUse:
    """The domain's default content (``coach.domain.packaged``), importing its reader only
    when the domain first asks: ``import coach`` reads and imports nothing more."""

    def __getattr__(self, name: str) -> object:
        from coach.content.packaged import PackagedContent

        return getattr(PackagedContent(), name)


def _provide_content() -> None:
    from coach.domain import packaged

    packaged.provide(_PackagedOnFirstUse())  # type: ignore[arg-type]


_provide_content()

_API = {
    "assess_closing_question": "coach.domain.closing",
    "assess_pitch": "coach.domain.pitch",
    "rate_interview": "coach.api",
}
"""The scripting API's names and the modules that define them. ``coach.domain`` offers the two
assessors too; its ``rate_interview`` takes the rubric as an argument, and ``coach.api``'s
fills in the packaged one."""

__all__ = ["__version__", "assess_closing_question", "assess_pitch", "rate_interview"]


def __getattr__(name: str) -> object:
    if name in _API:
        import importlib

        value = getattr(importlib.import_module(_API[name]), name)
        globals()[name] = value  # later uses find it at once
        return value
    raise AttributeError(f"module 'coach' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_API})
