"""Read input articles: decode bytes with a detected encoding, load optional metadata.

Every input file yields exactly one :class:`RawArticle`, whatever happens to it, so
that ``documents.csv`` can list it with a status and a reason a person understands.
"""

from __future__ import annotations

import codecs
import csv
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
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
