"""The table writer and the streamed join of tables with documents."""

from __future__ import annotations

import pytest

from pipeline.schema import TABLES
from pipeline.tables import RowsByDocument, TableWriter, open_tables, write_table


def date_row(doc_id, start):
    return {"date_id": f"{doc_id}:d{start}-{start + 4}", "doc_id": doc_id,
            "sentence_id": f"{doc_id}:s0", "start": start, "end": start + 4, "text": "2024",
            "type": "DATE", "value": "2024", "anchor": "", "resolved": True}


def test_rows_by_document_joins_in_written_order_and_skips_documents_without_rows(tmp_path):
    with open_tables(tmp_path, "dates") as writers:
        writers["dates"].write_many([date_row("b", 0), date_row("b", 9), date_row("a", 3)])
    rows = RowsByDocument("dates", tmp_path)
    assert [r["start"] for r in rows.rows("b")] == ["0", "9"]
    assert rows.rows("z") == []
    assert [r["start"] for r in rows.rows("a")] == ["3"]
    assert rows.rows("c") == []


def test_rows_by_document_of_an_absent_table_is_empty(tmp_path):
    assert RowsByDocument("quotes", tmp_path).rows("a") == []


def test_write_table_sorts_rows_by_document_then_start(tmp_path):
    write_table("dates", [date_row("b", 0), date_row("a", 9), date_row("a", 3)], tmp_path)
    starts = [(r["doc_id"], r["start"]) for r in RowsByDocument("dates", tmp_path).rows("a")]
    assert starts == [("a", "3"), ("a", "9")]


def test_aborted_tables_leave_no_file_behind(tmp_path):
    with pytest.raises(RuntimeError):
        with open_tables(tmp_path, "dates", "quotes") as writers:
            writers["dates"].write(date_row("a", 0))
            raise RuntimeError("stage failed")
    assert list(tmp_path.iterdir()) == []


def test_writer_renders_missing_values_and_booleans(tmp_path):
    writer = TableWriter(TABLES["dates"], tmp_path)
    writer.write({**date_row("a", 0), "anchor": None, "resolved": False})
    writer.commit()
    line = (tmp_path / "dates.csv").read_text(encoding="utf-8-sig").splitlines()[1]
    assert line.endswith(",2024,,false")


def test_write_frame_gives_the_bytes_of_write_table(tmp_path):
    import pandas as pd

    from pipeline.tables import write_frame

    rows = [{"mention_id": f"d{d}:{s}-{s + 3}", "doc_id": f"d{d}", "sentence_id": f"d{d}:s0",
             "start": s, "end": s + 3, "text": "=X" if s == 4 else "Nom", "label": "PER",
             "local_name": "Nom", "entity_id": "PER:nom"}
            for d, s in ((2, 10), (1, 4), (1, 30), (2, 0))]
    write_table("mentions", rows, tmp_path / "a")
    write_frame("mentions", pd.DataFrame(rows), tmp_path / "b")
    a = (tmp_path / "a" / "mentions.csv").read_bytes()
    assert a == (tmp_path / "b" / "mentions.csv").read_bytes()
    assert a.index(b"d1:4-7") < a.index(b"d1:30-33") < a.index(b"d2:0-3")
