"""Input decoding: every file gets a status and a reason a person understands."""

from __future__ import annotations

import pytest

from pipeline.reading import DecodingError, decode_bytes, read_article, read_metadata

TEXT = "Le ministre a déclaré « C'était prévu » à Besançon, où l'été fut chaud. Ça coûte 5 €."


@pytest.mark.parametrize(
    "data, expected_encoding",
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-bom"),
        (TEXT.encode("utf-16"), "utf-16-bom"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_decode_bytes_detects_supported_encodings(data, expected_encoding):
    text, encoding = decode_bytes(data)
    assert text == TEXT
    assert encoding == expected_encoding


def test_decode_bytes_latin1_text_is_not_garbled():
    data = "Élève à l'école, déçu et ému ; où est l'hôpital ?".encode("latin-1")
    text, _ = decode_bytes(data)
    assert text == "Élève à l'école, déçu et ému ; où est l'hôpital ?"


@pytest.mark.parametrize(
    "data",
    [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", bytes(range(256)) * 4],
)
def test_decode_bytes_rejects_binary_with_reason(data):
    with pytest.raises(DecodingError, match="binary|not UTF-8"):
        decode_bytes(data)


def test_read_article_statuses(tmp_path):
    (tmp_path / "ok.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "blank.txt").write_text(" \n\u00a0\n\t\n", encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\x03binary")
    assert read_article(tmp_path / "ok.txt").status == "ok"
    blank = read_article(tmp_path / "blank.txt")
    assert blank.status == "empty"
    broken = read_article(tmp_path / "bin.txt")
    assert broken.status == "error"
    assert "binary" in broken.error


def test_read_metadata_accepts_missing_columns_and_bad_dates(tmp_path):
    path = tmp_path / "metadata.csv"
    path.write_text("doc_id,published\na,2024-03-01\nb,hier\n", encoding="utf-8")
    metadata = read_metadata(path)
    assert metadata["a"]["published"] == "2024-03-01"
    assert metadata["a"]["title"] == ""
    assert metadata["b"]["published"] == ""
    assert read_metadata(tmp_path / "absent.csv") == {}
