"""Stage ``tokenise``: read, clean and parse every article once.

Writes ``documents.csv``, ``sentences.csv`` and ``tokens.csv``, and the parsed Docs as
DocBin shards for the later stages, which never parse again. Articles are streamed:
only the documents in flight through ``nlp.pipe`` are held in memory.
"""

from __future__ import annotations

import argparse
import bisect
import functools
import logging
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc
from tqdm import tqdm

from pipeline.cache import NO_CACHE, DocumentCache, stage_key
from pipeline.clean import CleanText, clean_text, stated_publication_date
from pipeline.docs import DocRef, ShardWriter, sentence_bounds
from pipeline.nlp import load_model
from pipeline.reading import RawArticle, count_inputs, iter_input, read_metadata
from pipeline.stages import setup_logging
from pipeline.tables import open_tables

log = logging.getLogger(__name__)

#: Parses ``(text, doc_id)`` pairs into ``(Doc, doc_id)`` pairs, in the same order.
DocPipe = Callable[[Iterator[tuple[str, str]]], Iterator[tuple[Doc, str]]]


@dataclass
class Pending:
    """An article on its way through the parser, with its documents.csv row."""

    article: RawArticle
    row: dict[str, Any]
    clean: CleanText | None = None
    doc: Doc | None = None
    done: bool = False
    key: str = ""  # document cache key
    cached: dict[str, Any] | None = None  # this stage's result from the cache


@dataclass
class TokeniseSummary:
    """Counts for the log line and the CLI summary."""

    status: dict[str, int] = field(default_factory=lambda: {"ok": 0, "empty": 0, "error": 0})
    n_sentences: int = 0
    n_tokens: int = 0
    seconds: float = 0.0

    def line(self) -> str:
        """One-line summary for people."""
        s = self.status
        return (f"documents ok {s['ok']} / empty {s['empty']} / error {s['error']}, "
                f"{self.n_sentences} sentences, {self.n_tokens} tokens, {self.seconds:.1f} s")


def document_row(article: RawArticle, metadata: dict[str, str]) -> dict[str, Any]:
    """The documents.csv row of an article before parsing (metadata.csv over the record's)."""
    metadata = {**article.metadata, **{k: v for k, v in metadata.items() if v}}
    published = metadata.get("published", "")
    return {
        "doc_id": article.doc_id,
        "source_path": article.source_path,
        "title": metadata.get("title", ""),
        "published": published,
        "published_source": "metadata" if published else "unknown",
        "n_chars": len(article.text) if article.text is not None else 0,
        "n_sentences": 0,
        "n_tokens": 0,
        "status": article.status,
        "error": article.error,
        "encoding": article.encoding,
        "source_url": metadata.get("source_url", ""),
        "n_boilerplate_lines": 0,
        "boilerplate": "",
    }


#: The document row's fields that cleaning fills, kept in the cache with the parse.
_CLEANED_FIELDS = ("n_boilerplate_lines", "boilerplate", "title", "published",
                   "published_source")


def prepare(article: RawArticle, metadata: dict[str, str], cache: DocumentCache = NO_CACHE,
            model: str = "") -> Pending:
    """Look an article up in the cache; else clean it and fill its row before parsing."""
    pending = Pending(article, document_row(article, metadata))
    if article.status != "ok":
        pending.done = True
        return pending
    row = pending.row
    if cache.enabled:
        # Keyed by the inputs alone (rows carry the doc_id, so two articles with the same
        # text are two entries): a document seen before is neither cleaned nor parsed.
        pending.key = stage_key("tokenise", model, article.doc_id, article.text, row["title"],
                                row["published"], row["published_source"])
        pending.cached = cache.get("tokenise", pending.key)
        if pending.cached is not None:
            row.update(pending.cached["row"])
            pending.done = True
            return pending
    clean = clean_text(article.text)
    row["n_boilerplate_lines"] = len(clean.boilerplate)
    row["boilerplate"] = "|".join(sorted({line.reason for line in clean.boilerplate}))
    if not row["title"]:
        row["title"] = clean.title
    if not row["published"] and (stated := stated_publication_date(article.text, clean.lines)):
        row["published"], row["published_source"] = stated.isoformat(), "inferred"
    if not clean.text.strip():
        row["status"], row["error"] = "empty", "only boilerplate lines"
        pending.done = True
        return pending
    pending.clean = clean
    return pending


#: Cache entries of the parsed Docs' bytes, apart from the rows: a re-run reads them only
#: for a shard it cannot take whole from the previous run.
DOC_BYTES = "tokenise-doc"


def parsed_result(doc: Doc, pending: Pending, writers: dict[str, Any]) -> dict[str, Any]:
    """What the stage keeps of a parsed document: its rendered rows."""
    sentences, tokens = [], []
    for sentence, sentence_tokens in sentence_rows(doc, pending.article.text):
        sentences.append(sentence)
        tokens += sentence_tokens
    return {"n_sentences": len(sentences), "n_tokens": len(tokens),
            "sentences": writers["sentences"].render(sentences),
            "tokens": writers["tokens"].render(tokens)}


def annotate(doc: Doc, pending: Pending) -> Doc:
    """Attach what later stages need to report raw offsets and dates."""
    doc._.pipeline_doc_id = pending.article.doc_id
    doc._.pipeline_published = pending.row["published"]
    doc._.pipeline_offsets = pending.clean.offsets.to_list()
    doc._.pipeline_raw_text = pending.article.text
    doc._.pipeline_key = pending.key
    doc._.pipeline_paragraphs = [list(p) for p in pending.clean.paragraphs]
    doc._.pipeline_sentences = [list(bounds) for bounds in sentence_bounds(doc)]
    doc._.pipeline_has_title = bool(pending.clean.title) and (
        pending.row["title"] == pending.clean.title or not pending.row["title"]
        or _same_text(pending.row["title"], pending.clean.title)
    )
    return doc


def _same_text(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def sentence_rows(doc: Doc, raw: str) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Rows of sentences.csv and tokens.csv for one parsed Doc, in text order."""
    doc_id = doc._.pipeline_doc_id
    offsets = doc._.pipeline_offset_map
    paragraph_starts = [start for start, _ in doc._.pipeline_paragraphs]
    for n, (clean_start, clean_end) in enumerate(sentence_bounds(doc)):
        words = [token for token in doc.char_span(clean_start, clean_end) if not token.is_space]
        start, end = offsets.raw_span(clean_start, clean_end)
        paragraph = bisect.bisect_right(paragraph_starts, clean_start) - 1
        sentence_id = f"{doc_id}:s{n}"
        sentence = {
            "doc_id": doc_id, "sentence_id": sentence_id, "paragraph": paragraph,
            "start": start, "end": end, "text": raw[start:end],
            "is_title": paragraph == 0 and doc._.pipeline_has_title,
        }  # fmt: skip
        tokens = []
        for token in words:
            t_start, t_end = offsets.raw_span(token.idx, token.idx + len(token))
            head = token if token.head.is_space else token.head
            tokens.append({
                "doc_id": doc_id, "sentence_id": sentence_id, "token_id": f"{doc_id}:t{token.i}",
                "start": t_start, "end": t_end, "text": raw[t_start:t_end],
                "lemma": token.lemma_, "pos": token.pos_, "morph": str(token.morph),
                "dep": token.dep_, "head_token_id": f"{doc_id}:t{head.i}",
            })  # fmt: skip
        yield sentence, tokens


def _retry_alone(nlp: Language, pending: Pending) -> None:
    try:
        pending.doc = nlp(pending.clean.text)
    except Exception as err:  # noqa: BLE001 - one broken article must not stop the run
        log.error("%s: parsing failed: %s", pending.article.doc_id, err)
        pending.row["status"] = "error"
        pending.row["error"] = f"parsing failed: {type(err).__name__}: {err}"
    pending.done = True


def run(
    input_dir: Path,
    docs_dir: Path,
    out_dir: Path,
    *,
    metadata_path: Path | None = None,
    model: str = "fr_core_news_md",
    batch_size: int = 64,
    n_process: int = 1,
    shard_size: int = 500,
    progress: bool = True,
    nlp: Language | None = None,
    parse: DocPipe | None = None,
    cache: DocumentCache = NO_CACHE,
) -> TokeniseSummary:
    """Read, clean and parse every article of ``input_dir``; write tables and shards.

    Args:
        input_dir (Path): folder of ``*.txt`` articles, or an archive file (JSON Lines,
            CSV or Parquet with ``id``, ``text`` and optional ``published``, ``url``,
            ``title``).
        docs_dir (Path): folder for the DocBin shards of the parsed articles.
        out_dir (Path): folder for documents.csv, sentences.csv and tokens.csv.
        metadata_path (Path | None): metadata.csv; defaults to ``input_dir/metadata.csv``.
        model (str): spaCy model package. Defaults to "fr_core_news_md".
        batch_size (int): documents per ``nlp.pipe`` batch. Defaults to 64.
        n_process (int): parsing processes. Defaults to 1.
        shard_size (int): documents per DocBin shard. Defaults to 500.
        progress (bool): show a progress bar on stderr. Defaults to True.
        nlp (Language | None): an already loaded pipeline (tests). Defaults to None.
        parse (DocPipe | None): how to parse: a function from ``(text, doc_id)`` pairs to
            ``(Doc, doc_id)`` pairs in the same order (e.g. on a Dask cluster, see
            :mod:`pipeline.dask_engine`); defaults to ``nlp.pipe`` on this machine.
        cache (DocumentCache): results of earlier runs by document; a document found
            there is not parsed again. Defaults to no cache.

    Returns:
        TokeniseSummary: counts by status, sentences, tokens, seconds.
    """
    started = time.perf_counter()
    input_dir = Path(input_dir)
    if not input_dir.exists():
        raise FileNotFoundError(f"{input_dir}: input folder or archive not found")
    default_metadata = input_dir / "metadata.csv" if input_dir.is_dir() else None
    metadata = read_metadata(metadata_path or default_metadata)
    nlp = nlp or load_model(model)
    summary = TokeniseSummary()
    n_files = count_inputs(input_dir)
    log.info("Found %s articles in %s", n_files if n_files is not None else "the", input_dir)
    shards = ShardWriter(Path(docs_dir), shard_size)
    queue: OrderedDict[str, Pending] = OrderedDict()
    try:
        with open_tables(Path(out_dir), "documents", "sentences", "tokens") as writers:
            bar = tqdm(total=n_files, desc="tokenise", unit="doc", disable=not progress)
            pipe = parse or local_pipe(nlp, batch_size, n_process)
            for pending in _stream(input_dir, metadata, nlp, queue, pipe, cache, model):
                row = pending.row
                if pending.cached is None and pending.doc is not None and row["status"] == "ok":
                    pending.cached = parsed_result(annotate(pending.doc, pending), pending,
                                                   writers)
                    pending.cached["row"] = {name: row[name] for name in _CLEANED_FIELDS}
                    if cache.enabled:
                        # Stored before the rows, which a re-run looks up first: a run
                        # killed between the two commits never leaves rows without a parse.
                        # No tensor: the largest part, which no later stage reads (DocBin
                        # drops it too).
                        cache.put(DOC_BYTES, pending.key,
                                  pending.doc.to_bytes(exclude=["tensor"]))
                    cache.put("tokenise", pending.key, pending.cached)
                if pending.cached is not None and row["status"] == "ok":
                    result = pending.cached
                    writers["sentences"].write_rendered(result["sentences"], result["n_sentences"])
                    writers["tokens"].write_rendered(result["tokens"], result["n_tokens"])
                    row["n_sentences"], row["n_tokens"] = result["n_sentences"], result["n_tokens"]
                    shards.add(pending.doc if pending.doc is not None else DocRef(
                        pending.article.doc_id, pending.key,
                        load=functools.partial(_cached_doc, cache, nlp.vocab, pending.key)))
                summary.status[row["status"]] += 1
                summary.n_sentences += row["n_sentences"]
                summary.n_tokens += row["n_tokens"]
                writers["documents"].write(row)
                bar.update(1)
            bar.close()
            shards.commit()  # before the tables: a failing shard leaves no new table
    except BaseException:
        shards.abort()
        raise
    finally:
        cache.commit()
    summary.seconds = time.perf_counter() - started
    log.info("Saved %s", summary.line())
    return summary


def _cached_doc(cache: DocumentCache, vocab, key: str) -> Doc:
    data = cache.get(DOC_BYTES, key, count=False)
    if data is None:
        raise LookupError(f"the document cache has rows but no parse for key {key}")
    return Doc(vocab).from_bytes(data)


def local_pipe(nlp: Language, batch_size: int, n_process: int) -> DocPipe:
    """Parse on this machine: spaCy's ``nlp.pipe`` (with its own worker processes)."""

    def pipe(items: Iterator[tuple[str, str]]) -> Iterator[tuple[Doc, str]]:
        return nlp.pipe(items, as_tuples=True, batch_size=batch_size, n_process=n_process)

    return pipe


def _stream(input_dir: Path, metadata: dict[str, dict[str, str]], nlp: Language,
            queue: OrderedDict[str, Pending], pipe: DocPipe, cache: DocumentCache, model: str
            ) -> Iterator[Pending]:
    """Feed prepared articles into the queue lazily while the parser consumes them."""

    def producer() -> Iterator[tuple[str, str]]:
        for article in iter_input(input_dir):
            pending = prepare(article, metadata.get(article.doc_id, {}), cache, model)
            queue[article.doc_id] = pending
            if not pending.done:
                yield pending.clean.text, article.doc_id

    source = producer()
    while True:
        try:
            for doc, doc_id in pipe(source):
                queue[doc_id].doc, queue[doc_id].done = doc, True
                while queue:
                    head_id, head = next(iter(queue.items()))
                    if not head.done:
                        _retry_alone(nlp, head)  # in a batch that failed before
                    queue.popitem(last=False)
                    yield head
                    if head_id == doc_id:
                        break
            break
        except Exception as err:  # noqa: BLE001 - a failing batch must not stop the run
            # The batch in flight is lost: its documents are still queued, not done; they
            # are retried one by one below, then parsing resumes with the next articles.
            log.warning("parsing a batch failed (%s); retrying its documents one by one", err)
            for pending in queue.values():
                if not pending.done:
                    _retry_alone(nlp, pending)
    while queue:  # trailing empty/error files, or documents of a last failed batch
        _, head = queue.popitem(last=False)
        if not head.done:
            _retry_alone(nlp, head)
        yield head


def main() -> None:
    """Command line: ``python -m pipeline.stages.tokenise INPUT DOCS OUT``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input_dir", type=Path,
                        help="Folder of *.txt articles, or a .jsonl/.csv/.parquet archive.")
    parser.add_argument("docs_dir", type=Path, help="Output folder of DocBin shards.")
    parser.add_argument("out_dir", type=Path, help="Output folder of the CSV tables.")
    parser.add_argument("--metadata", type=Path, default=None,
                        help="metadata.csv (default: INPUT_DIR/metadata.csv if present).")
    parser.add_argument("--model", default="fr_core_news_md", help="spaCy model package.")
    parser.add_argument("--batch-size", type=int, default=64, help="Documents per nlp.pipe batch.")
    parser.add_argument("--processes", type=int, default=1, help="Parsing processes.")
    parser.add_argument("--shard-size", type=int, default=500, help="Documents per DocBin shard.")
    args = parser.parse_args()
    setup_logging()
    run(args.input_dir, args.docs_dir, args.out_dir, metadata_path=args.metadata,
        model=args.model, batch_size=args.batch_size, n_process=args.processes,
        shard_size=args.shard_size)


if __name__ == "__main__":
    main()
