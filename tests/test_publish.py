"""Analyst outputs: data dictionary validates, spreadsheet-safe cells, workbook, typed load."""

from __future__ import annotations

import csv
import shutil

import pandas as pd
import pytest
import spacy

import pipeline
from pipeline.schema import TABLES
from pipeline.stages import publish, tokenise
from pipeline.tables import TableWriter, escape_text, open_tables, read_rows, unescape_text

DANGEROUS = ['=HYPERLINK("http://x","y")', "-1+2", "+33 1 23", "@SUM(A1)", "\tx", "'=déjà"]


@pytest.mark.parametrize("text", DANGEROUS + ["Texte normal", "", "l'apostrophe"])
def test_escape_text_is_reversible_and_inert(text):
    escaped = escape_text(text)
    assert unescape_text(escaped) == text
    assert not escaped.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_cells_with_line_breaks_and_quotes_round_trip(tmp_path):
    writer = TableWriter(TABLES["sentences"], tmp_path)
    text = 'Il a dit « oui », puis "non",\nsur deux lignes; =A1'
    writer.write({"doc_id": "a", "sentence_id": "a:s0", "paragraph": 0, "start": 0, "end": 5,
                  "text": text, "is_title": False})
    writer.write({"doc_id": "a", "sentence_id": "a:s1", "paragraph": 0, "start": 6, "end": 9,
                  "text": "=1+1", "is_title": True})
    writer.commit()
    rows = list(read_rows("sentences", tmp_path))
    assert [r["text"] for r in rows] == [text, "=1+1"]
    with (tmp_path / "sentences.csv").open(encoding="utf-8-sig", newline="") as handle:
        raw_cells = [row[5] for row in csv.reader(handle)][1:]
    assert raw_cells[1] == "'=1+1"
    frames = pipeline.load(tmp_path)
    assert frames["sentences"]["text"].tolist() == [text, "=1+1"]
    assert frames["sentences"]["is_title"].tolist() == [False, True]


@pytest.fixture(scope="module")
def injected_run(tmp_path_factory):
    """A tiny corpus whose sentences start with formula characters, run and published."""
    root = tmp_path_factory.mktemp("inject")
    corpus = root / "in"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        'Le texte commence ici.\n=HYPERLINK("http://x","y") est une formule.\n-1+2 aussi.\n',
        encoding="utf-8")
    nlp = spacy.blank("fr")
    nlp.add_pipe("sentencizer")
    tokenise.run(corpus, root / "docs", root / "out", nlp=nlp, progress=False)
    publish.run(root / "out")
    return root / "out"


def test_formula_cells_are_guarded_in_csv_and_workbook(injected_run):
    from openpyxl import load_workbook

    texts = [r["text"] for r in read_rows("sentences", injected_run)]
    assert '=HYPERLINK("http://x","y") est une formule.' in texts
    assert "-1+2 aussi." in texts
    raw = (injected_run / "sentences.csv").read_text(encoding="utf-8-sig")
    assert """'=HYPERLINK(""http://x"",""y"")""" in raw and "\n-1+2" not in raw
    sheet = load_workbook(injected_run / "tables.xlsx")["sentences"]
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row if c.value == "-1+2 aussi."]
    assert cells and all(c.data_type == "s" for c in cells)
    formulas = [c for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref


def test_load_prefers_parquet_with_types(injected_run):
    frames = pipeline.load(injected_run)
    assert (injected_run / "parquet" / "tokens.parquet").exists()
    docs = frames["documents"]
    assert str(docs["n_tokens"].dtype) == "Int64"
    assert isinstance(docs["status"].dtype, pd.CategoricalDtype)
    assert '=HYPERLINK("http://x","y") est une formule.' in frames["sentences"]["text"].tolist()


@pytest.mark.slow
def test_seeds_outputs_validate_against_datapackage(seeds_run):
    from frictionless import validate

    _, out = seeds_run
    report = validate(out / "datapackage.json")
    errors = report.flatten(["rowNumber", "fieldName", "type", "note"]) if not report.valid else []
    assert report.valid, errors[:10]
    package = (out / "datapackage.json").read_text(encoding="utf-8")
    for name in ("documents", "sentences", "tokens"):
        assert f'"path": "{name}.csv"' in package


def test_datapackage_validation_catches_broken_files(injected_run, tmp_path):
    from frictionless import validate

    broken = tmp_path / "broken"
    shutil.copytree(injected_run, broken)
    lines = (broken / "sentences.csv").read_text(encoding="utf-8-sig").splitlines(True)
    (broken / "sentences.csv").write_text("".join(lines + [lines[1]]), encoding="utf-8-sig")
    assert validate(injected_run / "datapackage.json").valid
    assert not validate(broken / "datapackage.json").valid


def test_workbook_cuts_a_table_over_the_row_limit_and_types_its_cells(injected_run, tmp_path,
                                                                       monkeypatch):
    from openpyxl import load_workbook

    from pipeline import publish as publishing

    monkeypatch.setattr(publishing, "XLSX_MAX_ROWS", 2)
    path = publishing.write_workbook(injected_run, tmp_path / "small.xlsx", skip=("tokens",))
    workbook = load_workbook(path)
    assert "sentences (first rows)" in workbook.sheetnames and "tokens" not in workbook.sheetnames
    sheet = workbook["sentences (first rows)"]
    rows = list(sheet.iter_rows(values_only=True))
    assert len(rows) == 3  # the header and the first two rows
    header = rows[0]
    assert isinstance(rows[1][header.index("start")], int)
    assert rows[1][header.index("text")] == "Le texte commence ici."


def test_workbook_keeps_the_first_rows_of_tables_over_max_rows(injected_run, tmp_path):
    from openpyxl import load_workbook

    from pipeline import publish as publishing

    path = publishing.write_workbook(injected_run, tmp_path / "capped.xlsx", skip=("tokens",),
                                     max_rows=1)
    workbook = load_workbook(path)
    assert "sentences (first rows)" in workbook.sheetnames
    assert len(list(workbook["sentences (first rows)"].iter_rows(values_only=True))) == 2
    whole = load_workbook(publishing.write_workbook(injected_run, tmp_path / "whole.xlsx",
                                                    skip=("tokens",)))
    assert "sentences" in whole.sheetnames


def test_workbook_is_byte_identical_across_runs(injected_run, tmp_path):
    import time

    from pipeline import publish as publishing

    first = publishing.write_workbook(injected_run, tmp_path / "first.xlsx")
    time.sleep(1.1)  # a creation time taken from the clock would differ
    second = publishing.write_workbook(injected_run, tmp_path / "second.xlsx")
    assert first.read_bytes() == second.read_bytes()


def test_workbook_is_not_written_again_when_its_sheets_would_not_change(injected_run,
                                                                         tmp_path):
    import os

    from pipeline import publish as publishing

    out = tmp_path / "out"
    shutil.copytree(injected_run, out)
    path = publishing.write_workbook(out, skip=("tokens",), max_rows=1)
    os.utime(path, (0, 0))
    # Rows past the first one change: the sheets, cut at one row, show the same cells.
    lines = (out / "sentences.csv").read_text(encoding="utf-8-sig").splitlines(True)
    assert len(lines) > 3
    (out / "sentences.csv").write_text("".join(lines[:2] + lines[3:]), encoding="utf-8-sig")
    publishing.write_workbook(out, skip=("tokens",), max_rows=1)
    assert path.stat().st_mtime == 0
    # The first row changes: written again, and the new text is in the sheet.
    header, first = lines[0], lines[1].replace("Le texte commence ici.", "Autre début.")
    (out / "sentences.csv").write_text(header + first, encoding="utf-8-sig")
    publishing.write_workbook(out, skip=("tokens",), max_rows=1)
    assert path.stat().st_mtime > 0
    from openpyxl import load_workbook
    rows = list(load_workbook(path)["sentences"].iter_rows(values_only=True))
    assert "Autre début." in rows[1]


def _assert_parquet_matches_the_csv(out_dir):
    from pipeline.frames import read_csv_table

    for name, table in TABLES.items():
        if (out_dir / table.filename).exists():
            from_parquet = pd.read_parquet(out_dir / "parquet" / f"{name}.parquet")
            pd.testing.assert_frame_equal(from_parquet, read_csv_table(
                out_dir / table.filename, table), check_dtype=True, obj=name)


@pytest.mark.slow
def test_parquet_files_hold_the_typed_values_of_the_csv_tables(seeds_run):
    _, out = seeds_run
    assert (out / "parquet" / "quotes.parquet").exists()
    _assert_parquet_matches_the_csv(out)


def test_parquet_conversion_in_small_blocks_keeps_types_nulls_and_guards(tmp_path,
                                                                         monkeypatch):
    from pipeline import publish as publishing

    with open_tables(tmp_path, "documents", "sentences") as writers:
        for i in range(30):
            writers["documents"].write({
                "doc_id": f"d{i:02d}", "title": ["=titre", "'cité", "", "Normal"][i % 4],
                "published": "2024-02-29" if i % 3 else "", "published_source": "metadata",
                "n_chars": i if i % 5 else None, "status": ["ok", "empty", "error"][i % 3]})
            writers["sentences"].write({
                "doc_id": f"d{i:02d}", "sentence_id": f"d{i:02d}:s0", "paragraph": 0,
                "start": 0, "end": 3, "text": "-1+2" if i % 2 else "Oui",
                "is_title": [True, False, None][i % 3]})
    real = publishing.arrow_batches
    monkeypatch.setattr(publishing, "arrow_batches",
                        lambda path, table, schema: real(path, table, schema, piece_bytes=256))
    publishing.write_parquet(tmp_path)
    _assert_parquet_matches_the_csv(tmp_path)
    frame = pd.read_parquet(tmp_path / "parquet" / "documents.parquet")
    assert frame["title"].tolist()[:4] == ["=titre", "'cité", pd.NA, "Normal"]
    assert frame["published"].isna().sum() == 10 and str(frame["n_chars"].dtype) == "Int64"


def test_csv_pieces_end_at_record_ends_outside_quoted_cells(tmp_path):
    from pipeline import publish as publishing

    texts = ['Il a dit "oui",\r\npuis "non".', "Une ligne\r\nde plus", 'Rien "', "Fin."]
    writer = TableWriter(TABLES["sentences"], tmp_path)
    for i, text in enumerate(texts * 20):
        writer.write({"doc_id": "a", "sentence_id": f"a:s{i}", "paragraph": 0, "start": i,
                      "end": i + 1, "text": text, "is_title": False})
    writer.commit()
    data = (tmp_path / "sentences.csv").read_bytes()
    for size in (7, 50, 1000, 1 << 20):
        pieces = list(publishing.csv_pieces(tmp_path / "sentences.csv", piece_bytes=size))
        assert b"".join(pieces) == data[data.index(b"\r\n") + 2:]
        for piece in pieces:  # each piece is whole records
            rows = list(csv.reader(piece.decode("utf-8").splitlines(keepends=True)))
            assert all(len(row) == len(TABLES["sentences"].columns) for row in rows)


def test_workbook_carries_unchanged_sheets_over_and_matches_a_fresh_write(injected_run,
                                                                          tmp_path, monkeypatch):
    from pipeline import frames
    from pipeline import publish as publishing

    out = tmp_path / "out"
    shutil.copytree(injected_run, out)
    path = publishing.write_workbook(out, skip=("tokens",))
    lines = (out / "sentences.csv").read_text(encoding="utf-8-sig").splitlines(True)
    changed = lines[1].replace("Le texte commence ici.", "Autre début.")
    (out / "sentences.csv").write_text("".join([lines[0], changed, *lines[2:]]),
                                       encoding="utf-8-sig")
    read = []

    def spy(csv_path, table, chunk_rows):
        read.append(csv_path.name)
        return frames.iter_csv_table(csv_path, table, chunk_rows)

    monkeypatch.setattr(publishing, "iter_csv_table", spy)
    publishing.write_workbook(out, skip=("tokens",))
    assert read == ["sentences.csv"]  # the other sheets come from the previous file
    fresh = publishing.write_workbook(out, tmp_path / "fresh.xlsx", skip=("tokens",))
    assert path.read_bytes() == fresh.read_bytes()
    from openpyxl import load_workbook
    assert "Autre début." in list(load_workbook(path)["sentences"].iter_rows(values_only=True))[1]
