"""Sentence boundaries at paragraph breaks, set before the parser so that it respects them."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


def paragraph_starts(doc: Doc) -> list[int]:
    """Indices of the tokens that open a paragraph (they follow a line break)."""
    return [token.i for token in doc[1:] if "\n" in doc[token.i - 1].text_with_ws]


class ParagraphBreaks:
    """Mark the first token of every paragraph as a sentence start, the second as not.

    The cleaned text separates paragraphs (and the title line) with a blank line; the
    parser otherwise runs sentences across them.
    """

    def __init__(self, name: str = "pipeline_paragraph_breaks"):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        """Set the sentence starts of one Doc."""
        for i in paragraph_starts(doc):
            if doc[i].is_space:
                continue
            doc[i].is_sent_start = True
            # After a paragraph without final punctuation (a headline) the parser tends
            # to cut the next paragraph's first word off as a sentence of its own.
            following = doc[i + 1] if i + 1 < len(doc) else None
            if following is not None and not (following.is_space or following.is_punct):
                following.is_sent_start = False
        return doc


@Language.factory("pipeline_paragraph_breaks", assigns=["token.is_sent_start"])
def make_pipeline_paragraph_breaks(nlp: Language, name: str) -> ParagraphBreaks:
    """Build the component that starts a sentence at each paragraph."""
    return ParagraphBreaks(name)
