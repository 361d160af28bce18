"""spaCy component that stores the quotations of a Doc on ``doc._.pipeline_quotes``.

The algorithm is :func:`pipeline.extract.quotes.extract_quotes`; this is only the wrapper
that puts it in a pipeline (``nlp.add_pipe("pipeline_quotes")``) after the parser and NER.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.extract.quotes import Quote, QuoteLexicon, default_lexicon, extract_quotes

if not Doc.has_extension("pipeline_quotes"):
    Doc.set_extension("pipeline_quotes", default=None)


class QuoteComponent:
    """Find who said what and store it as ``doc._.pipeline_quotes`` (a list of Quote).

    The attribute is None until the component has run on the Doc. Quote records are
    frozen dataclasses: turn them into rows with ``dataclasses.asdict`` (they are not
    msgpack-serialisable, so keep them out of ``DocBin(store_user_data=True)``).
    """

    def __init__(self, name: str = "pipeline_quotes", *, lexicon: QuoteLexicon | None = None,
                 skip_headlines: bool = True):
        """Set up the component.

        Args:
            name: Component name in the pipeline.
            lexicon: Word lists; defaults to ``pipeline.quote_lexicon.v1``.
            skip_headlines: Leave out short lines without final punctuation (titles).
        """
        self.name = name
        self.lexicon = lexicon or default_lexicon()
        self.skip_headlines = skip_headlines

    def __call__(self, doc: Doc) -> Doc:
        """Extract the quotations of ``doc`` and store them on it."""
        quotes = self.predict(doc)
        self.set_annotations(doc, quotes)
        return doc

    def predict(self, doc: Doc) -> list[Quote]:
        """The quotations of ``doc``, without modifying it."""
        return extract_quotes(doc, lexicon=self.lexicon, skip_headlines=self.skip_headlines)

    def set_annotations(self, doc: Doc, quotes: list[Quote]) -> None:
        """Store ``quotes`` on ``doc._.pipeline_quotes``: the only place the Doc changes."""
        doc._.pipeline_quotes = quotes


@Language.factory(
    "pipeline_quotes",
    requires=["doc.ents", "token.dep"],
    assigns=["doc._.pipeline_quotes"],
    default_config={
        "lexicon": {"@misc": "pipeline.quote_lexicon.v1"},
        "skip_headlines": True,
    },
)
def make_pipeline_quotes(
    nlp: Language, name: str, *, lexicon: QuoteLexicon, skip_headlines: bool
) -> QuoteComponent:
    """Build the quotation component.

    Args:
        nlp: The pipeline (unused; the component needs no vocabulary of its own).
        name: Component name.
        lexicon: Word lists, from ``{"@misc": "pipeline.quote_lexicon.v1"}``.
        skip_headlines: Leave out short lines without final punctuation.

    Returns:
        The component.
    """
    return QuoteComponent(name, lexicon=lexicon, skip_headlines=skip_headlines)
