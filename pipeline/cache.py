"""Per-document cache: what each stage computed for a document, keyed by what it depends on.

A stage's key for a document hashes the document's upstream key (for ``tokenise``:
the raw text and its metadata), the stage's code (the source and rule files it reads)
and the parameters that change its output. Re-running on an archive where a few
articles were added or changed recomputes only those; changing one stage's code
recomputes that stage and the stages after it, nothing before.

The store is one SQLite file (WAL journal): every batch of results is committed, so a
run killed mid-way resumes from the last commit and never leaves a half-written entry.
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc

from pipeline.docs import DocRef

PACKAGE = Path(__file__).resolve().parent

#: Files whose content defines each stage's per-document output (globs, package-relative).
STAGE_SOURCES: dict[str, tuple[str, ...]] = {
    "tokenise": ("stages/tokenise.py", "reading.py", "clean.py", "docs.py", "nlp.py",
                 "schema.py", "tables.py", "components/paragraphs.py",
                 "rules/fr/clean_boilerplate.tsv"),
    "entities": ("stages/entities.py", "components/entities.py", "extract/entities.py",
                 "resolve.py", "rules/fr/entities_*"),
    "quotes": ("stages/quotes.py", "components/quotes.py", "extract/quotes/*.py",
               "rules/fr/speech_*", "rules/fr/speaker_*", "rules/fr/quote_*",
               "rules/fr/marker_*", "rules/fr/title_nouns.txt", "rules/fr/source_nouns.txt"),
    "dates": ("stages/dates.py", "components/dates.py", "extract/dates.py", "rules/fr/dates_*"),
    "relations": ("stages/relations.py", "extract/relations.py", "rules/fr/relations_*",
                  "rules/fr/speech_verbs.txt"),
}


@cache
def code_version(stage: str) -> str:
    """Hash of the source and rule files of a stage (changes when any of them does)."""
    digest = hashlib.blake2b(digest_size=16)
    for pattern in STAGE_SOURCES[stage]:
        for path in sorted(PACKAGE.glob(pattern)):
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def stage_key(stage: str, *parts: Any) -> str:
    """The cache key of one document for one stage."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update(stage.encode())
    digest.update(code_version(stage).encode())
    for part in parts:
        digest.update(b"\x1f")
        digest.update(part if isinstance(part, bytes) else repr(part).encode())
    return digest.hexdigest()


class DocumentCache:
    """Stage results by (stage, key), in a SQLite file; ``path=None`` disables caching.

    Args:
        path (Path | None): the SQLite file, created if absent.
        commit_every (int): results written between two commits. Defaults to 200.
    """

    def __init__(self, path: Path | None, commit_every: int = 200):
        self.path = Path(path) if path else None
        self.commit_every = commit_every
        self.hits = self.misses = 0
        self._pending = 0
        self._db: sqlite3.Connection | None = None
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("CREATE TABLE IF NOT EXISTS results (stage TEXT, key TEXT, "
                             "value BLOB, PRIMARY KEY (stage, key)) WITHOUT ROWID")

    @property
    def enabled(self) -> bool:
        """Whether results are stored at all."""
        return self._db is not None

    def get(self, stage: str, key: str, count: bool = True) -> Any | None:
        """The stored result, or None.

        ``count=False`` for a lookup that is not a stage result reused or missed (the
        parsed Doc of a cached document): :attr:`hits` and :attr:`misses` stay as they are.
        """
        if self._db is None:
            return None
        row = self._db.execute("SELECT value FROM results WHERE stage = ? AND key = ?",
                               (stage, key)).fetchone()
        if count:
            self.hits += row is not None
            self.misses += row is None
        return pickle.loads(row[0]) if row is not None else None

    def put(self, stage: str, key: str, value: Any) -> None:
        """Store a result; committed with the next batch."""
        if self._db is None:
            return
        self._db.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?)",
                         (stage, key, pickle.dumps(value, protocol=5)))
        self._pending += 1
        if self._pending >= self.commit_every:
            self.commit()

    def commit(self) -> None:
        """Make the stored results durable."""
        if self._db is not None:
            self._db.commit()
            self._pending = 0

    def close(self) -> None:
        """Commit and close."""
        if self._db is not None:
            self.commit()
            self._db.close()
            self._db = None

    def __enter__(self) -> DocumentCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


NO_CACHE = DocumentCache(None)


def for_each_document(
    docs: Iterable[DocRef],
    stage: str,
    compute: Callable[[Doc, str], dict[str, Any]],
    cache: DocumentCache = NO_CACHE,
    key_parts: Callable[[DocRef], tuple[Any, ...]] = lambda ref: (ref.key,),
) -> Iterator[tuple[DocRef, str, dict[str, Any]]]:
    """Run a stage's per-document step, or take its result from the cache.

    Args:
        docs: references to the Docs the stage reads (each carries its upstream key); a
            Doc is decoded only if its result is not in the cache.
        stage: the stage name (a key of :data:`STAGE_SOURCES`).
        compute: ``(doc, key) -> result``, a dict of picklable values.
        cache: where results are looked up and stored.
        key_parts: what the result depends on besides the stage's code.

    Yields:
        ``(ref, key, result)`` in the order of ``docs``.
    """
    for ref in docs:
        key = stage_key(stage, *key_parts(ref)) if cache.enabled else ""
        result = cache.get(stage, key) if cache.enabled else None
        if result is None:
            result = compute(ref.doc, key)
            cache.put(stage, key, result)
        yield ref, key, result
