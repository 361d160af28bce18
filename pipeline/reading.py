"""Read input articles: decode bytes with a detected encoding, load optional metadata.

Every input file yields exactly one :class:`RawArticle`, whatever happens to it, so
that ``documents.csv`` can list it with a status and a reason a person understands.
"""

from __future__ import annotations

import codecs
import csv
import json
import logging
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from charset_normalizer import from_bytes

log = logging.getLogger(__name__)

#: Byte-order marks, longest first (UTF-32 LE starts with the UTF-16 LE mark).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Single-byte Western encodings that French text comes in when it is not UTF-8.
_WESTERN = ("cp1252", "latin_1", "iso8859_15")
#: Control characters that never occur in text (NUL excluded: handled first).
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f]")
METADATA_COLUMNS = ("doc_id", "published", "source_url", "title")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class RawArticle:
    """One input file as read: its text when decodable, else why not."""

    doc_id: str
    source_path: str
    text: str | None
    encoding: str
    status: str  # ok | empty | error
    error: str = ""
    metadata: dict[str, str] = field(default_factory=dict)  # from an archive record


class DecodingError(ValueError):
    """The bytes are not text in a supported encoding."""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode article bytes, detecting the encoding rather than guessing it.

    Args:
        data (bytes): the file content.

    Returns:
        tuple[str, str]: the text and the name of the encoding it was decoded with.

    Raises:
        DecodingError: for binary data or bytes that no supported encoding decodes.

    Notes:
        Order: a byte-order mark decides (UTF-8, UTF-16, UTF-32); then strict UTF-8;
        then ``charset_normalizer`` detection, accepted only for Western single-byte
        encodings (cp1252, latin-1, ...), the only non-UTF-8 encodings French news
        files come in. Anything else is reported, never decoded into mojibake.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding.replace("-sig", "") + "-bom"
            except UnicodeDecodeError as err:
                raise DecodingError(
                    f"starts with a {encoding} byte-order mark but is not valid {encoding} "
                    f"(byte {err.start})"
                ) from err
    if b"\x00" in data:
        raise DecodingError(
            "binary file: contains NUL bytes and no UTF-16 byte-order mark "
            "(save the article as UTF-8 text)"
        )
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        best = from_bytes(data, cp_isolation=list(_WESTERN)).best()
        if best is None:
            raise DecodingError(
                "not UTF-8 and not text in a Western single-byte encoding "
                "(cp1252, latin-1); save the article as UTF-8"
            ) from None
        text, encoding = str(best), best.encoding.lower()
    if len(_CONTROL.findall(text)) > max(3, len(text) // 1000):
        raise DecodingError("binary file: decodes to control characters, not text")
    return text, encoding


def read_article(path: Path) -> RawArticle:
    """Read one article file into a :class:`RawArticle`; never raises for bad content."""
    doc_id = path.stem
    try:
        data = path.read_bytes()
    except OSError as err:
        return RawArticle(doc_id, str(path), None, "", "error", f"cannot read file: {err}")
    try:
        text, encoding = decode_bytes(data)
    except DecodingError as err:
        return RawArticle(doc_id, str(path), None, "", "error", str(err))
    if not text.strip():
        return RawArticle(doc_id, str(path), text, encoding, "empty", "")
    return RawArticle(doc_id, str(path), text, encoding, "ok", "")


def iter_articles(input_dir: Path) -> Iterator[RawArticle]:
    """Yield every ``*.txt`` file of a folder, sorted by doc_id, one at a time."""
    for path in sorted(input_dir.glob("*.txt"), key=lambda p: p.stem):
        yield read_article(path)


def read_metadata(path: Path | None) -> dict[str, dict[str, str]]:
    """Load the optional ``metadata.csv`` (any column may be missing) by doc_id.

    A missing file gives an empty mapping; a malformed published date is dropped
    with a warning, so the document falls back to the date stated in its text.
    """
    if path is None or not path.exists():
        return {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or "doc_id" not in reader.fieldnames:
            raise ValueError(f"{path}: metadata.csv needs a 'doc_id' column")
        metadata: dict[str, dict[str, str]] = {}
        for row in reader:
            doc_id = (row.get("doc_id") or "").strip()
            if not doc_id:
                continue
            record = {key: (row.get(key) or "").strip() for key in METADATA_COLUMNS}
            if record["published"] and not _ISO_DATE.match(record["published"]):
                log.warning("%s: published %r is not YYYY-MM-DD; ignored", doc_id,
                            record["published"])
                record["published"] = ""
            metadata[doc_id] = record
    return metadata


#: Archive formats: one file holding many articles (``id``, ``text``, optional
#: ``published``, ``url``, ``title``).
ARCHIVE_SUFFIXES = (".jsonl", ".ndjson", ".csv", ".parquet")


def iter_input(source: Path) -> Iterator[RawArticle]:
    """Every article of a folder of ``*.txt`` files or of an archive file, by doc_id.

    Raises:
        ValueError: when ``source`` is neither a folder nor a supported archive.
    """
    source = Path(source)
    if source.is_dir():
        yield from iter_articles(source)
    elif source.is_file() and source.suffix.lower() in ARCHIVE_SUFFIXES:
        yield from iter_archive(source)
    else:
        raise ValueError(f"{source}: not a folder of *.txt articles nor an archive "
                         f"({', '.join(ARCHIVE_SUFFIXES)})")


def count_inputs(source: Path) -> int | None:
    """Number of articles in a folder (None for an archive: counted while reading)."""
    source = Path(source)
    return sum(1 for _ in source.glob("*.txt")) if source.is_dir() else None


def _records(path: Path) -> Iterator[tuple[int, dict | None, str]]:
    """(record number, record or None, why not) for each record of an archive, streamed."""
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        with path.open(encoding="utf-8-sig", errors="replace") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as err:
                    yield number, None, f"line is not valid JSON: {err.msg}"
                    continue
                if not isinstance(record, dict):
                    yield number, None, "line is not a JSON object"
                    continue
                yield number, record, ""
    elif suffix == ".csv":
        csv.field_size_limit(1 << 30)
        with path.open(encoding="utf-8-sig", newline="", errors="replace") as handle:
            for number, record in enumerate(csv.DictReader(handle), start=1):
                yield number, record, ""
    else:
        import pyarrow.parquet as pq

        number = 0
        for batch in pq.ParquetFile(path).iter_batches(batch_size=1000):
            for record in batch.to_pylist():
                number += 1
                yield number, record, ""


def _record_article(path: Path, number: int, record: dict | None, problem: str,
                    doc_id: str) -> RawArticle:
    source = f"{path}#{number}"
    if record is None:
        return RawArticle(doc_id, source, None, "", "error", problem)
    text = record.get("text")
    metadata = {"published": str(record.get("published") or "").strip()[:10],
                "source_url": str(record.get("url") or record.get("source_url") or "").strip(),
                "title": str(record.get("title") or "").strip()}
    if metadata["published"] and not _ISO_DATE.match(metadata["published"]):
        metadata["published"] = ""
    if problem:
        return RawArticle(doc_id, source, None, "", "error", problem, metadata)
    if not isinstance(text, str):
        why = "record has no text" if text is None else f"text is a {type(text).__name__}"
        return RawArticle(doc_id, source, None, "", "error", why, metadata)
    status = "ok" if text.strip() else "empty"
    return RawArticle(doc_id, source, text, "utf-8", status, "", metadata)


def iter_archive(path: Path) -> Iterator[RawArticle]:
    """Stream the records of a JSON Lines, CSV or Parquet archive, sorted by doc_id.

    Notes:
        Two passes keep memory flat: the first copies each record to a temporary JSON
        Lines file and keeps only (doc_id, byte offset); the offsets are sorted by id
        and the second pass reads the records back one at a time. A record without an
        id gets ``record-{n}``; a repeated id gets ``{id}#2``…; both, and records
        without text or not parseable, get a row with status ``error``.
    """
    with tempfile.TemporaryFile("w+b") as spool:
        index: list[tuple[str, int]] = []
        seen: dict[str, int] = {}
        for number, record, problem in _records(path):
            raw_id = record.get("id", record.get("doc_id")) if record else None
            doc_id = str(raw_id).strip() if raw_id not in (None, "") else f"record-{number:07d}"
            if raw_id in (None, "") and not problem:
                problem = "record has no id"
            seen[doc_id] = seen.get(doc_id, 0) + 1
            if seen[doc_id] > 1:
                doc_id, problem = f"{doc_id}#{seen[doc_id]}", problem or "duplicate id"
            index.append((doc_id, spool.tell()))
            line = json.dumps([number, record, problem], ensure_ascii=False, default=str)
            spool.write(line.encode("utf-8") + b"\n")
        index.sort()
        for doc_id, offset in index:
            spool.seek(offset)
            number, record, problem = json.loads(spool.readline())
            yield _record_article(path, number, record, problem, doc_id)
