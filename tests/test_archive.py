"""Archive inputs: JSON Lines, CSV and Parquet files of articles, streamed and sorted."""

from __future__ import annotations

import csv
import json

import pandas as pd
import pytest
import spacy

from pipeline.reading import iter_input
from pipeline.stages import tokenise
from pipeline.tables import read_rows

RECORDS = [
    {"id": "b", "text": "Le maire a parlé. Il a souri.", "published": "2024-03-01", "title": "T"},
    {"id": "a", "text": "La ministre a répondu lundi."},
    {"text": "Un article sans identifiant."},
    {"id": "a", "text": "Un doublon de a."},
    {"id": "c", "text": None},
    {"id": "d", "text": "  "},
]


def write_archive(folder, suffix):
    path = folder / f"archive{suffix}"
    if suffix == ".jsonl":
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in RECORDS)
                        + "{pas du json\n", encoding="utf-8")
    elif suffix == ".csv":
        pd.DataFrame(RECORDS).to_csv(path, index=False, quoting=csv.QUOTE_ALL)
    else:
        pd.DataFrame(RECORDS).to_parquet(path)
    return path


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_archive_records_sorted_by_id_with_a_status_each(tmp_path, suffix):
    articles = list(iter_input(write_archive(tmp_path, suffix)))
    ids = [a.doc_id for a in articles]
    assert ids == sorted(ids)
    status = {a.doc_id: (a.status, a.error) for a in articles}
    assert status["a"] == ("ok", "")
    assert status["a#2"] == ("error", "duplicate id")
    assert status["record-0000003"] == ("error", "record has no id")
    assert status["d"][0] == "empty"
    assert status["c"][0] in {"error", "empty"}  # CSV cannot tell a missing text from ""
    assert next(a for a in articles if a.doc_id == "b").metadata["published"] == "2024-03-01"


def test_broken_json_line_gets_an_error_row(tmp_path):
    articles = list(iter_input(write_archive(tmp_path, ".jsonl")))
    broken = [a for a in articles if a.error.startswith("line is not valid JSON")]
    assert len(broken) == 1 and broken[0].doc_id == "record-0000007"


def test_unsupported_input_is_a_clear_error(tmp_path):
    path = tmp_path / "articles.xml"
    path.write_text("<a/>", encoding="utf-8")
    with pytest.raises(ValueError, match="not a folder of \\*.txt articles nor an archive"):
        list(iter_input(path))


def test_archive_and_folder_give_the_same_tables(tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    for record in RECORDS[:2]:
        (folder / f"{record['id']}.txt").write_text(record["text"], encoding="utf-8")
    archive = tmp_path / "two.jsonl"
    archive.write_text("".join(json.dumps({"id": r["id"], "text": r["text"]}) + "\n"
                               for r in RECORDS[:2]), encoding="utf-8")
    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    tokenise.run(folder, tmp_path / "d1", tmp_path / "o1", nlp=nlp, progress=False)
    tokenise.run(archive, tmp_path / "d2", tmp_path / "o2", nlp=nlp, progress=False)
    for name in ("sentences", "tokens"):
        assert (tmp_path / "o1" / f"{name}.csv").read_bytes() == \
            (tmp_path / "o2" / f"{name}.csv").read_bytes()
    documents = list(read_rows("documents", tmp_path / "o2"))
    assert [d["source_path"].rsplit("#", 1)[-1] for d in documents] == ["2", "1"]
