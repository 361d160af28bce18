"""spaCy component that stores the temporal expressions of a Doc in ``doc._.pipeline_dates``.

The algorithm is :func:`pipeline.extract.dates.extract_timexes`; this wrapper reads the
publication date from ``doc._.pipeline_published`` and compiles the grammar once.
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from pipeline.extract.dates import (
    DateGrammar,
    Timex,
    build_grammar,
    default_grammar,
    extract_timexes,
)

if not Doc.has_extension("pipeline_published"):
    Doc.set_extension("pipeline_published", default="")
if not Doc.has_extension("pipeline_dates"):
    Doc.set_extension("pipeline_dates", default=[])


@registry.misc("pipeline.dates_grammar.v1")
def make_dates_grammar() -> DateGrammar:
    """The date grammar built from the package's ``rules/fr/dates_*`` files."""
    return build_grammar()


def parse_dct(published: str) -> dt.date | None:
    """Read a publication date ("2025-11-04", or "" when unknown).

    Raises:
        ValueError: If ``published`` is neither empty nor an ISO date (YYYY-MM-DD).
    """
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        raise ValueError(
            f"doc._.pipeline_published is {published!r}; expected an ISO date YYYY-MM-DD or ''"
        ) from None


class DatesComponent:
    """Find the TIMEX3 expressions of a Doc and store them in ``doc._.pipeline_dates``.

    Args:
        name (str): Component name. Defaults to "pipeline_dates".
        grammar (DateGrammar | None): Compiled grammar; defaults to the package's rules
            (``pipeline.dates_grammar.v1``), compiled once here, not per Doc.
    """

    def __init__(self, name: str = "pipeline_dates", *, grammar: DateGrammar | None = None):
        self.name = name
        self.grammar = grammar if grammar is not None else default_grammar()

    def __call__(self, doc: Doc) -> Doc:
        timexes = self.predict(doc)
        self.set_annotations(doc, timexes)
        return doc

    def predict(self, doc: Doc) -> list[Timex]:
        """Compute the expressions of ``doc`` without modifying it."""
        return extract_timexes(doc, parse_dct(doc._.pipeline_published), grammar=self.grammar)

    def set_annotations(self, doc: Doc, timexes: list[Timex]) -> None:
        """Store the expressions on the Doc (the only place that mutates it)."""
        doc._.pipeline_dates = list(timexes)


@Language.factory(
    "pipeline_dates",
    requires=["token.pos", "token.morph", "token.dep"],
    assigns=["doc._.pipeline_dates"],
    default_config={"grammar": {"@misc": "pipeline.dates_grammar.v1"}},
)
def make_pipeline_dates(nlp: Language, name: str, *, grammar: DateGrammar) -> DatesComponent:
    """Build the dates component (see :class:`DatesComponent`)."""
    return DatesComponent(name, grammar=grammar)
