"""Stage ``dates``: temporal expressions normalised to TimeML TIMEX3.

Reads the Docs of the ``entities`` stage (parsed once by ``tokenise``; the corrected
entities keep names such as "Mai" from being read as months) and runs the
:mod:`pipeline.components.dates` component, which resolves relative expressions
against each article's publication date. Writes ``dates.csv``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

import pipeline.components.dates  # noqa: F401  (registers the factory)
from pipeline.cache import NO_CACHE, DocumentCache, for_each_document
from pipeline.docs import read_doc_refs, sentence_numbers
from pipeline.nlp import load_vocab_pipeline
from pipeline.stages import document_stage_main
from pipeline.tables import open_tables

log = logging.getLogger(__name__)


def date_rows(doc: Doc) -> Iterator[dict[str, Any]]:
    """dates.csv rows of one Doc whose ``doc._.pipeline_dates`` is set, in text order."""
    doc_id = doc._.pipeline_doc_id
    offsets = doc._.pipeline_offset_map
    raw = doc._.pipeline_raw_text
    timexes = doc._.pipeline_dates
    spans = [offsets.raw_span(t.start, t.end) for t in timexes]
    ids = [f"{doc_id}:d{start}-{end}" for start, end in spans]
    numbers = sentence_numbers(doc, [t.start for t in timexes])
    for timex, (start, end), date_id, n in zip(timexes, spans, ids, numbers, strict=True):
        anchor = timex.anchor
        if anchor.startswith("t") and anchor[1:].isdigit():
            anchor = ids[int(anchor[1:])]
        yield {"date_id": date_id, "doc_id": doc_id, "sentence_id": f"{doc_id}:s{n}",
               "start": start, "end": end, "text": raw[start:end], "type": timex.type,
               "value": timex.value, "anchor": anchor, "resolved": timex.resolved}


def run(docs_in: Path, out_dir: Path, *, entities_dir: Path | None = None,
        model: str = "fr_core_news_md",
        nlp: Language | None = None, cache: DocumentCache = NO_CACHE) -> dict[str, Any]:
    """Find and normalise the temporal expressions of every document.

    Args:
        docs_in (Path): DocBin shards of the ``tokenise`` stage.
        entities_dir (Path | None): entity layers of the ``entities`` stage, laid over
            the parsed Docs (None reads the Docs as parsed: tests).
        out_dir (Path): folder of the tables (writes dates.csv).
        model (str): spaCy model whose vocabulary the shards use.
        nlp (Language | None): an already built pipeline (tests).
        cache (DocumentCache): per-document results of earlier runs. Defaults to none.

    Returns:
        dict: counts of documents and expressions, and seconds.
    """
    started = time.perf_counter()
    nlp = nlp or load_vocab_pipeline(model, ("pipeline_dates",))
    n_docs = n_dates = 0
    with open_tables(Path(out_dir), "dates") as writers:
        docs = read_doc_refs(Path(docs_in), nlp.vocab, entities_dir)

        def compute(doc: Doc, key: str) -> dict[str, Any]:
            # Rendered once: a re-run copies a cached document's rows as CSV text.
            rows = list(date_rows(nlp(doc)))
            return {"csv": writers["dates"].render(rows), "n_rows": len(rows)}

        for _, _, result in for_each_document(docs, "dates", compute, cache):
            writers["dates"].write_rendered(result["csv"], result["n_rows"])
            n_dates += result["n_rows"]
            n_docs += 1
    counts = {"documents": n_docs, "dates": n_dates,
              "seconds": round(time.perf_counter() - started, 2)}
    log.info("Saved %(dates)d temporal expressions from %(documents)d documents "
             "(%(seconds)s s)", counts)
    return counts


def main() -> None:
    """Command line: ``python -m pipeline.stages.dates DOCS_IN OUT --entities DIR``."""
    document_stage_main(__doc__, run, "dates")


if __name__ == "__main__":
    main()
