"""Per-document attributes on spaCy Docs, and DocBin shards that carry them between stages.

The ``tokenise`` stage parses each cleaned article once; later stages read the
serialised Docs back from shards instead of parsing again. Everything a later stage
needs to report raw offsets travels on the Doc as ``doc._.pipeline_*`` attributes.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import itertools
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import catalogue
import srsly
import srsly.msgpack
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, ORTH, SENT_START
from spacy.tokens import Doc, DocBin, Span
from spacy.vocab import Vocab

from pipeline.clean import OffsetMap

#: Custom Doc attributes, all stored in ``doc.user_data`` so that DocBin keeps them.
DOC_EXTENSIONS = {
    "pipeline_doc_id": "",
    "pipeline_published": "",  # ISO date or ""
    "pipeline_offsets": None,  # OffsetMap.to_list()
    "pipeline_paragraphs": None,  # [[start, end], ...] in the cleaned text
    "pipeline_sentences": None,  # [[start, end], ...] of sentence_bounds, set by tokenise
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


class _RegistryLookup:
    """``registry.get_all`` remembered until the global catalogue registry changes size.

    srsly reads its msgpack registries once per (un)pack, and ``get_all`` walks every
    function that spaCy and its plugins registered (about 0.6 ms, once per Doc read). The
    answer can only change when something is registered, which grows the registry.
    """

    def __init__(self, get_all):
        self._get_all = get_all
        self._size = -1
        self._value: dict = {}

    def __call__(self) -> dict:
        size = len(catalogue.REGISTRY)
        if size != self._size:
            self._value, self._size = self._get_all(), size
        return self._value


def _skip_empty_msgpack_plugin_lookup() -> None:
    """Stop srsly looking up its msgpack extensions again on every (un)pack.

    srsly looks for msgpack extensions registered by other packages each time it
    packs or unpacks (about 1.4 ms, once per Doc read or written: as much as the rest of
    a stage's work on a short article). When no package registers any, the answer
    cannot change during a run, so the lookup is switched off; a registered one keeps it.
    The in-process registrations are then remembered (:class:`_RegistryLookup`).
    """
    for registry in (srsly.msgpack.msgpack_encoders, srsly.msgpack.msgpack_decoders):
        if registry.entry_points and not registry.get_entry_points():
            registry.entry_points = False
        if not registry.entry_points and not isinstance(registry.get_all, _RegistryLookup):
            registry.get_all = _RegistryLookup(registry.get_all)


_skip_empty_msgpack_plugin_lookup()


class _FolderWriter:
    """A folder of numbered shards of ``shard_size`` items, built under a temporary name.

    :meth:`commit` renames it into place, so a failed run never leaves a half-written
    set of shards; :meth:`abort` drops it and the previous folder stays. Subclasses say
    how items are buffered (:meth:`_append`) and how a shard is written (:meth:`_write`).
    """

    def __init__(self, out_dir: Path, shard_size: int):
        if shard_size < 1:
            raise ValueError(f"shard_size must be at least 1, got {shard_size}")
        self.out_dir = Path(out_dir)
        self.tmp_dir = self.out_dir.with_name(f".{self.out_dir.name}.{os.getpid()}.tmp")
        shutil.rmtree(self.tmp_dir, ignore_errors=True)
        self.tmp_dir.mkdir(parents=True)
        self.shard_size = shard_size
        self._n_shards = 0
        self._pending = 0
        self.n_docs = 0

    def add(self, item) -> None:
        """Add one document's item; a full shard is written to disk at once."""
        self._append(item)
        self._pending += 1
        self.n_docs += 1
        if self._pending >= self.shard_size:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._write(self._n_shards)
            self._n_shards += 1
            self._pending = 0

    def _append(self, item) -> None:
        raise NotImplementedError

    def _write(self, number: int) -> None:
        raise NotImplementedError

    def commit(self) -> Path:
        """Write the last shard and move the folder into place."""
        self._flush()
        shutil.rmtree(self.out_dir, ignore_errors=True)
        os.replace(self.tmp_dir, self.out_dir)
        return self.out_dir

    def abort(self) -> None:
        """Drop everything written; the previous folder stays."""
        shutil.rmtree(self.tmp_dir, ignore_errors=True)


class DocRef:
    """A document of a shard: its id and cache key at hand, its Doc decoded on demand.

    Later stages look a document's results up in the cache by its key; the Doc itself is
    only decoded for the documents they compute again. An incremental run over an archive
    where 1% changed thus decodes 1% of the Docs, not all of them.
    """

    __slots__ = ("doc_id", "key", "_doc", "_load")

    def __init__(self, doc_id: str, key: str, load: Callable[[], Doc] | None = None,
                 doc: Doc | None = None):
        if doc is None and load is None:
            raise ValueError("a DocRef needs a Doc or a way to load it")
        self.doc_id, self.key, self._doc, self._load = doc_id, key, doc, load

    @classmethod
    def of(cls, doc: Doc) -> DocRef:
        """A reference to a Doc in memory (id and key from its attributes)."""
        return cls(doc._.pipeline_doc_id, doc._.pipeline_key, doc=doc)

    @property
    def loaded(self) -> bool:
        """Whether the Doc is in memory already."""
        return self._doc is not None

    @property
    def doc(self) -> Doc:
        """The Doc, decoded at the first access."""
        if self._doc is None:
            self._doc = self._load()
            self._load = None
        return self._doc


INDEX_SUFFIX = ".index.msgpack"


def _index_path(shard: Path) -> Path:
    return shard.with_name(shard.name.removesuffix(".spacy") + INDEX_SUFFIX)


def _signature(entries: list[tuple[str, str]]) -> str:
    digest = hashlib.blake2b(digest_size=20)
    for doc_id, key in entries:
        digest.update(f"{doc_id}\x1f{key}\x1e".encode())
    return digest.hexdigest()


class ShardWriter(_FolderWriter):
    """Write Docs into numbered DocBin shards of ``shard_size`` docs, in a fresh folder.

    Beside each shard, an index lists the ``(doc_id, key)`` of its Docs, so that later
    stages find a document's cached results without decoding the shard. A shard whose
    documents all come from the cache with the same keys, in the same order, as a shard
    of the folder being replaced is that shard: its file is linked, not encoded again
    (the documents are never decoded), which is what keeps an incremental run short.
    """

    def __init__(self, out_dir: Path, shard_size: int):
        super().__init__(out_dir, shard_size)
        self._previous = _previous_shards(self.out_dir)
        self._bin = DocBin(store_user_data=True)
        self._entries: list[tuple[str, str]] = []
        # Cached documents not encoded yet (None once the shard is being encoded).
        self._deferred: list[DocRef] | None = []
        self.n_reused = 0

    def _append(self, item: Doc | DocRef) -> None:
        ref = item if isinstance(item, DocRef) else DocRef.of(item)
        self._entries.append((ref.doc_id, ref.key))
        if self._deferred is not None and ref.key and not ref.loaded:
            self._deferred.append(ref)
            return
        self._encode_deferred()
        self._bin.add(ref.doc)

    def _encode_deferred(self) -> None:
        for ref in self._deferred or ():
            self._bin.add(ref.doc)
        self._deferred = None

    def _write(self, number: int) -> None:
        path = self.tmp_dir / f"shard-{number:05d}.spacy"
        previous = (self._previous.get(_signature(self._entries))
                    if self._deferred is not None else None)
        if previous is not None and _link_or_copy(previous, path):
            self.n_reused += 1
        else:
            self._encode_deferred()
            self._bin.to_disk(path)
        srsly.write_msgpack(_index_path(path), [list(entry) for entry in self._entries])
        self._bin = DocBin(store_user_data=True)
        self._entries, self._deferred = [], []


def _previous_shards(folder: Path) -> dict[str, Path]:
    """Signature of the documents of each indexed shard of a folder -> the shard."""
    found = {}
    for shard in sorted(folder.glob(SHARD_GLOB)) if folder.is_dir() else ():
        try:
            entries = [tuple(entry) for entry in srsly.read_msgpack(_index_path(shard))]
        except (OSError, ValueError):
            continue  # no index (older run): the shard is encoded again
        if entries and all(key for _, key in entries):
            found[_signature(entries)] = shard
    return found


def _link_or_copy(source: Path, target: Path) -> bool:
    try:
        os.link(source, target)
    except OSError:
        try:
            shutil.copyfile(source, target)
        except OSError:
            return False
    return True


class _LazyShard:
    """A DocBin shard read from disk at the first Doc asked for, decoded Doc by Doc."""

    def __init__(self, path: Path, vocab: Vocab):
        self.path, self.vocab = path, vocab
        self._bin: DocBin | None = None

    def doc(self, i: int) -> Doc:
        if self._bin is None:
            self._bin = DocBin().from_disk(self.path)
            for string in self._bin.strings:  # what get_docs does first, once per shard
                self.vocab[string]
        one = DocBin(store_user_data=self._bin.store_user_data)
        one.attrs = self._bin.attrs
        for name in ("tokens", "spaces", "cats", "span_groups", "flags", "user_data"):
            values = getattr(self._bin, name)
            setattr(one, name, values[i:i + 1])
        return next(one.get_docs(self.vocab))

    def all_docs(self) -> Iterator[Doc]:
        return DocBin().from_disk(self.path).get_docs(self.vocab)


def read_doc_refs(docs_dir: Path, vocab: Vocab, entities_dir: Path | None = None
                  ) -> Iterator[DocRef]:
    """Stream references to the Docs of a shard folder, in the order they were written.

    A shard with an index is decoded only if a Doc of it is asked for, and then only that
    Doc; one without (written by an older version) is decoded whole. With
    ``entities_dir``, each Doc gets the corrected entities and descriptions that the
    ``entities`` stage wrote there (:class:`EntityLayerWriter`), and its reference the
    ``entities`` stage's key.
    """
    shards = sorted(Path(docs_dir).glob(SHARD_GLOB))
    if not shards and not Path(docs_dir).is_dir():
        raise FileNotFoundError(f"{docs_dir}: no such folder of DocBin shards")
    refs = (ref for shard in shards for ref in _shard_refs(shard, vocab))
    if entities_dir is None:
        yield from refs
        return
    layers = read_entity_layers(entities_dir)
    for ref in refs:
        record = next(layers, None)
        if record is None or record["doc_id"] != ref.doc_id:
            raise ValueError(f"{entities_dir}: the entity layer does not match the parsed "
                             f"documents of {docs_dir} at {ref.doc_id!r}; re-run "
                             "the entities stage")
        yield _layered(ref, record)
    if next(layers, None) is not None:
        raise ValueError(f"{entities_dir}: more entity records than parsed documents in "
                         f"{docs_dir}; re-run the entities stage")


def _shard_refs(shard: Path, vocab: Vocab) -> Iterator[DocRef]:
    lazy = _LazyShard(shard, vocab)
    try:
        entries = srsly.read_msgpack(_index_path(shard))
    except (OSError, ValueError):
        yield from (DocRef.of(doc) for doc in lazy.all_docs())
        return
    for i, (doc_id, key) in enumerate(entries):
        yield DocRef(doc_id, key, load=functools.partial(lazy.doc, i))


def _layered(ref: DocRef, record: dict) -> DocRef:
    if ref.loaded:
        return DocRef(ref.doc_id, record["key"], doc=apply_entity_layer(ref.doc, record))
    return DocRef(ref.doc_id, record["key"],
                  load=lambda: apply_entity_layer(ref.doc, record))


def read_docs(docs_dir: Path, vocab: Vocab, entities_dir: Path | None = None) -> Iterator[Doc]:
    """Stream the Docs of a shard folder in the order they were written (all decoded).

    With ``entities_dir``, each Doc gets the corrected entities and descriptions that the
    ``entities`` stage wrote there (:class:`EntityLayerWriter`), in the same order.
    """
    return (ref.doc for ref in read_doc_refs(docs_dir, vocab, entities_dir))


# The entities stage stores what it changes on a Doc, not the whole Doc again: the
# corrected entities, the descriptions and its cache key (a few hundred bytes, where a
# serialised Doc takes tens of kilobytes to write and read back).
LAYER_GLOB = "entities-*.msgpack"


def entity_layer(doc: Doc) -> dict:
    """What the ``entities`` stage adds to a parsed Doc, as plain data."""
    return {"doc_id": doc._.pipeline_doc_id, "key": doc._.pipeline_key,
            "ents": [[e.start, e.end, e.label_] for e in doc.ents],
            "descriptions": [list(d) for d in doc._.pipeline_descriptions or []]}


def apply_entity_layer(doc: Doc, record: dict) -> Doc:
    """Set the corrected entities, descriptions and cache key of :func:`entity_layer`."""
    doc.set_ents([Span(doc, start, end, label=label) for start, end, label in record["ents"]],
                 default="outside")
    doc._.pipeline_descriptions = record["descriptions"]
    doc._.pipeline_key = record["key"]
    return doc


class EntityLayerWriter(_FolderWriter):
    """Write :func:`entity_layer` records into numbered msgpack shards, in a fresh folder."""

    def __init__(self, out_dir: Path, shard_size: int):
        super().__init__(out_dir, shard_size)
        self._records: list[dict] = []

    def _append(self, record: dict) -> None:
        self._records.append(record)

    def _write(self, number: int) -> None:
        srsly.write_msgpack(self.tmp_dir / f"entities-{number:05d}.msgpack", self._records)
        self._records = []


def read_entity_layers(entities_dir: Path) -> Iterator[dict]:
    """Stream the records of :class:`EntityLayerWriter` in the order they were written."""
    if not Path(entities_dir).is_dir():
        raise FileNotFoundError(f"{entities_dir}: no such folder of entity layers")
    for shard in sorted(Path(entities_dir).glob(LAYER_GLOB)):
        yield from srsly.read_msgpack(shard)


def raw_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Raw-text offsets of the cleaned-text span ``[start, end)`` of a Doc."""
    return doc._.pipeline_offset_map.raw_span(start, end)


_OPENING = {"«", "“", "‹", "(", "[", "—", "–", "-", '"', "‘"}


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Cleaned-text ``(start, end)`` of the sentences reported in the tables.

    The parser's sentences, whitespace trimmed, with its stray fragments mended: a
    sentence of opening punctuation alone ("«") joins the next one, one of closing
    punctuation alone ("»", ".") joins the previous one, never across a paragraph.
    Every stage numbers sentences with this function, so ``sentence_id`` agrees; the
    ``tokenise`` stage stores them on the Doc, and later stages read them back.
    """
    if doc._.pipeline_sentences is not None:
        return [(start, end) for start, end in doc._.pipeline_sentences]
    if not len(doc):
        return []
    # Token attributes as one array: Doc.sents, Doc.text and Token objects cost more
    # than the rest.
    rows = doc.to_array([SENT_START, IDX, LENGTH, IS_SPACE, IS_PUNCT, ORTH]).tolist()
    strings = doc.vocab.strings
    # Line breaks only occur in whitespace tokens (a token's trailing space is " ").
    breaks = [i for i, row in enumerate(rows) if row[3] and "\n" in strings[row[5]]]
    cuts = [i for i, row in enumerate(rows) if i == 0 or row[0] == 1] + [len(rows)]
    spans: list[list[int]] = []  # [start, end, index of the last word]
    glue_next = False
    for lo, hi in itertools.pairwise(cuts):
        words = [i for i in range(lo, hi) if not rows[i][3]]
        if not words:
            continue
        first, last = rows[words[0]], rows[words[-1]]
        start, end = first[1], last[1] + last[2]
        only_punct = all(rows[i][4] for i in words)
        same_paragraph = bool(spans) and (bisect.bisect_left(breaks, spans[-1][2])
                                          == bisect.bisect_left(breaks, words[0]))
        if glue_next and same_paragraph:
            spans[-1][1:] = end, words[-1]
        elif only_punct and same_paragraph and strings[first[5]] not in _OPENING:
            spans[-1][1:] = end, words[-1]
        else:
            spans.append([start, end, words[-1]])
        glue_next = only_punct and strings[last[5]] in _OPENING
    return [(start, end) for start, end, _ in spans]


def sentence_numbers(doc: Doc, offsets: list[int]) -> list[int]:
    """Sentence number of each cleaned-text offset (the sentence it falls in or before)."""
    starts = [start for start, _ in sentence_bounds(doc)]
    return [max(bisect.bisect_right(starts, offset) - 1, 0) for offset in offsets]
