"""The content coach ships, for the domain's defaults (``coach.domain.packaged``): each list is
read from ``data/`` on first use and kept."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coach.domain.closing_phrases import ClosingPhrases
    from coach.domain.concerns import ConcernBook
    from coach.domain.posting_phrases import PostingPhrases
    from coach.domain.response_phrases import ResponsePhrases


class PackagedContent:
    """``coach.domain.packaged.Content`` from the packaged ``data/`` folder."""

    def closing_phrases(self) -> ClosingPhrases:
        from coach.content.loader import load_closing_phrases

        return load_closing_phrases()

    def response_phrases(self) -> ResponsePhrases:
        from coach.content.response_phrases import response_phrases

        return response_phrases()

    def concern_book(self) -> ConcernBook:
        from coach.content.response_phrases import concern_book

        return concern_book()

    def posting_phrases(self) -> PostingPhrases:
        from coach.content.postings import load_posting_phrases

        return load_posting_phrases()
