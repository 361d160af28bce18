"""Per-document attributes on spaCy Docs, and DocBin shards that carry them between stages.

The ``tokenise`` stage parses each cleaned article once; later stages read the
serialised Docs back from shards instead of parsing again. Everything a later stage
needs to report raw offsets travels on the Doc as ``doc._.pipeline_*`` attributes.
"""

from __future__ import annotations

import bisect
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.vocab import Vocab

from pipeline.clean import OffsetMap

#: Custom Doc attributes, all stored in ``doc.user_data`` so that DocBin keeps them.
DOC_EXTENSIONS = {
    "pipeline_doc_id": "",
    "pipeline_published": "",  # ISO date or ""
    "pipeline_offsets": None,  # OffsetMap.to_list()
    "pipeline_paragraphs": None,  # [[start, end], ...] in the cleaned text
    "pipeline_has_title": False,  # paragraph 0 is the headline line
    "pipeline_raw_text": "",  # the article as decoded: tables report raw[start:end]
    "pipeline_descriptions": None,  # roles next to names, set by the entities stage
    "pipeline_key": "",  # document cache key of the last stage that wrote the Doc
}
for _name, _default in DOC_EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
if not Doc.has_extension("pipeline_offset_map"):
    Doc.set_extension(
        "pipeline_offset_map", getter=lambda doc: OffsetMap.from_list(doc._.pipeline_offsets)
    )

SHARD_GLOB = "shard-*.spacy"


class ShardWriter:
    """Write Docs into numbered DocBin shards of ``shard_size`` docs, in a fresh folder.

    The folder is built under a temporary name and renamed into place by
    :meth:`commit`, so a failed run never leaves a half-written set of shards.
    """

    def __init__(self, out_dir: Path, shard_size: int):
        if shard_size < 1:
            raise ValueError(f"shard_size must be at least 1, got {shard_size}")
        self.out_dir = Path(out_dir)
        self.tmp_dir = self.out_dir.with_name(f".{self.out_dir.name}.{os.getpid()}.tmp")
        shutil.rmtree(self.tmp_dir, ignore_errors=True)
        self.tmp_dir.mkdir(parents=True)
        self.shard_size = shard_size
        self._bin = DocBin(store_user_data=True)
        self._n_shards = 0
        self.n_docs = 0

    def add(self, doc: Doc) -> None:
        """Add one Doc; a full shard is written to disk at once."""
        self._bin.add(doc)
        self.n_docs += 1
        if len(self._bin) >= self.shard_size:
            self._flush()

    def _flush(self) -> None:
        if len(self._bin):
            self._bin.to_disk(self.tmp_dir / f"shard-{self._n_shards:05d}.spacy")
            self._n_shards += 1
            self._bin = DocBin(store_user_data=True)

    def commit(self) -> Path:
        """Write the last shard and move the folder into place."""
        self._flush()
        shutil.rmtree(self.out_dir, ignore_errors=True)
        os.replace(self.tmp_dir, self.out_dir)
        return self.out_dir

    def abort(self) -> None:
        """Drop everything written; the previous folder stays."""
        shutil.rmtree(self.tmp_dir, ignore_errors=True)


def read_docs(docs_dir: Path, vocab: Vocab) -> Iterator[Doc]:
    """Stream the Docs of a shard folder in the order they were written."""
    shards = sorted(Path(docs_dir).glob(SHARD_GLOB))
    if not shards and not Path(docs_dir).is_dir():
        raise FileNotFoundError(f"{docs_dir}: no such folder of DocBin shards")
    for shard in shards:
        yield from DocBin().from_disk(shard).get_docs(vocab)


def raw_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Raw-text offsets of the cleaned-text span ``[start, end)`` of a Doc."""
    return doc._.pipeline_offset_map.raw_span(start, end)


_OPENING = {"«", "“", "‹", "(", "[", "—", "–", "-", '"', "‘"}


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Cleaned-text ``(start, end)`` of the sentences reported in the tables.

    The parser's sentences, whitespace trimmed, with its stray fragments mended: a
    sentence of opening punctuation alone ("«") joins the next one, one of closing
    punctuation alone ("»", ".") joins the previous one, never across a paragraph.
    Every stage numbers sentences with this function, so ``sentence_id`` agrees.
    """
    spans: list[list[int]] = []
    glue_next = False
    for sent in doc.sents:
        words = [token for token in sent if not token.is_space]
        if not words:
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        only_punct = all(token.is_punct for token in words)
        same_paragraph = bool(spans) and "\n" not in doc.text[spans[-1][1] : start]
        if glue_next and same_paragraph:
            spans[-1][1] = end
        elif only_punct and same_paragraph and words[0].text not in _OPENING:
            spans[-1][1] = end
        else:
            spans.append([start, end])
        glue_next = only_punct and words[-1].text in _OPENING
    return [(start, end) for start, end in spans]


def sentence_numbers(doc: Doc, offsets: list[int]) -> list[int]:
    """Sentence number of each cleaned-text offset (the sentence it falls in or before)."""
    starts = [start for start, _ in sentence_bounds(doc)]
    return [max(bisect.bisect_right(starts, offset) - 1, 0) for offset in offsets]
