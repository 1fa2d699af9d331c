"""Where the domain's default content comes from, when a caller passes none.

The domain reads no file and imports nothing of coach outside it: the phrase lists, the kinds of
concern and the posting phrases are arguments of the functions that use them. For a caller who
passes none (``assess_pitch(response, feedback)`` from a script), the package root registers a
provider at ``import coach`` (``coach.content.packaged``, imported on its first use), and the
domain asks it here. Tests may provide their own.
"""

# Not typing.TYPE_CHECKING: this module is imported by ``import coach``, which must stay free
# of typing's import cost; the Protocol exists for the type checker only.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Protocol

    from coach.domain.closing_phrases import ClosingPhrases
    from coach.domain.concerns import ConcernBook
    from coach.domain.posting_phrases import PostingPhrases
    from coach.domain.response_phrases import ResponsePhrases

    class Content(Protocol):
        """What the domain may ask for when it is given none."""

        def closing_phrases(self) -> ClosingPhrases: ...
        def response_phrases(self) -> ResponsePhrases: ...
        def concern_book(self) -> ConcernBook: ...
        def posting_phrases(self) -> PostingPhrases: ...


_content: "Content | None" = None


def provide(content: "Content") -> None:
    """Register where default content comes from (the package root does, at ``import coach``)."""
    global _content
    _content = content


def content() -> "Content":
    """The registered provider.

    Raises:
        LookupError: None was registered (only if ``coach/__init__.py`` did not run).
    """
    if _content is None:
        raise LookupError("no content provider: pass the content, or import coach first")
    return _content
