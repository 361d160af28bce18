"""Who said what: direct, indirect and mixed quotations in French news articles.

The core is :func:`extract_quotes`, a pure function from a parsed ``Doc`` to typed
:class:`Quote` records; ``pipeline.components.quotes`` only stores them on the Doc.
Two helpers work on strings and tables so that the caller can finish the job corpus-wide:
:func:`match_description` (which entity does "le porte-parole de l'Élysée" designate?) and
:func:`find_duplicates` (the same quotation reprinted across articles).

The cue words, markers, pronouns and speaker nouns are data files in ``pipeline/rules/fr``,
loaded once through the versioned registry entry ``pipeline.quote_lexicon.v1``.

Notes:
    The method is rule-based, in the tradition of quotation extractors for news (Pouliquen
    et al., "Automatic detection of quotations in multilingual news", RANLP 2007; the
    Gender Gap Tracker's quote extractors, Asr et al., PLOS ONE 2021):
    quotation marks are paired on the characters, frames are read from the dependency parse
    where it is reliable (subjects, ``que`` clauses, objects) and from token patterns where
    the French parse is not (inverted subjects: "« … », a-t-il déclaré", "estime-t-elle").
    Scope: one record per reported speech act, following ``docs/annotation.md``. A report
    nested in another one's clause is kept when it has its own speaker and clause ("X a
    rappelé que le texte stipule que B", "« Des experts estiment que B »"). Non-goals:
    nominal cues other than "selon laquelle" ("la déclaration de X : …"), other nested
    reports ("X a déclaré que A, qu'il a qualifié de « B »": the outer one is kept),
    dash-introduced interview answers, quotations in headlines, and cross-document
    coreference (see :func:`match_description`).
"""

from pipeline.extract.quotes.descriptions import DescriptionMatcher, match_description
from pipeline.extract.quotes.duplicates import find_duplicates, normalise_quote
from pipeline.extract.quotes.extraction import extract_quotes
from pipeline.extract.quotes.lexicon import (
    QuoteLexicon,
    default_lexicon,
    quote_lexicon_v1,
    reporting_forms,
)
from pipeline.extract.quotes.marks import QuotedSpan, find_quoted_spans
from pipeline.extract.quotes.records import KINDS, SPEAKER_KINDS, EntityDescription, Quote
from pipeline.extract.quotes.speakers import entity_descriptions, normalise_description

__all__ = [
    "KINDS", "SPEAKER_KINDS", "DescriptionMatcher", "EntityDescription", "Quote",
    "QuoteLexicon", "QuotedSpan", "default_lexicon", "entity_descriptions", "extract_quotes",
    "find_duplicates", "find_quoted_spans", "match_description", "normalise_description",
    "normalise_quote", "quote_lexicon_v1", "reporting_forms",
]
