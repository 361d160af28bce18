"""The table writer and the streamed join of tables with documents."""

from __future__ import annotations

import pytest

from pipeline.schema import TABLES
from pipeline.tables import (
    RowsByDocument,
    RowSpool,
    SpooledTable,
    TableWriter,
    open_tables,
    render_with_holes,
    write_ordered,
    write_table,
)


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


def test_rows_by_document_reads_only_the_columns_asked_for_unescaped(tmp_path):
    guarded = {**date_row("a", 3), "text": "-2024", "value": "2024"}
    with open_tables(tmp_path, "dates") as writers:
        writers["dates"].write_many([guarded, date_row("b", 0)])
    assert "'-2024" in (tmp_path / "dates.csv").read_text(encoding="utf-8-sig")
    rows = RowsByDocument("dates", tmp_path, ("text", "start"))
    assert rows.rows("a") == [{"doc_id": "a", "text": "-2024", "start": "3"}]
    assert rows.rows("b") == [{"doc_id": "b", "text": "2024", "start": "0"}]
    with pytest.raises(KeyError, match="speaker"):
        RowsByDocument("dates", tmp_path, ("speaker_name",)).rows("a")


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


def _mention(doc: int, start: int) -> dict:
    return {"mention_id": f"d{doc}:{start}-{start + 3}", "doc_id": f"d{doc}",
            "sentence_id": f"d{doc}:s0", "start": start, "end": start + 3,
            "text": "=X" if start == 4 else "Nom", "label": "PER", "local_name": "Nom",
            "entity_id": "PER:nom"}


def test_write_ordered_gives_the_bytes_of_write_table(tmp_path):
    rows = [_mention(d, s) for d, s in ((1, 4), (1, 30), (2, 0), (2, 10))]
    write_table("mentions", list(reversed(rows)), tmp_path / "a")
    write_ordered("mentions", iter(rows), tmp_path / "b")
    a = (tmp_path / "a" / "mentions.csv").read_bytes()
    assert a == (tmp_path / "b" / "mentions.csv").read_bytes()
    assert a.index(b"d1:4-7") < a.index(b"d1:30-33") < a.index(b"d2:0-3")


def test_write_ordered_refuses_rows_out_of_order_and_keeps_the_previous_table(tmp_path):
    write_table("mentions", [_mention(1, 4)], tmp_path)
    before = (tmp_path / "mentions.csv").read_bytes()
    with pytest.raises(ValueError, match="d1:4-7.*out of the table's order"):
        write_ordered("mentions", [_mention(2, 0), _mention(1, 4)], tmp_path)
    assert (tmp_path / "mentions.csv").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["mentions.csv"]


def test_row_spool_gives_back_every_row_in_order_and_leaves_no_file(tmp_path):
    with RowSpool(tmp_path) as spool:
        spool.add([{"a": 1}, {"a": "é"}])
        spool.add([])
        spool.add([{"a": None}])
        assert list(tmp_path.iterdir()) == []  # unnamed: nothing to clean up after a crash
        assert list(spool) == [{"a": 1}, {"a": "é"}, {"a": None}]
        assert list(spool) == [{"a": 1}, {"a": "é"}, {"a": None}]  # read again
        assert spool.n_rows == 3


def test_spooled_table_keeps_columns_in_write_order_and_writes_the_computed_one(tmp_path):
    with SpooledTable("mentions", ("doc_id", "start"), tmp_path) as table:
        table.add([_mention(2, 10), _mention(2, 0)])  # sorted within the document
        table.add([])
        table.add([_mention(3, 4)])
        kept = table.frame()
        assert kept.to_dict("list") == {"doc_id": ["d2", "d2", "d3"], "start": [0, 10, 4]}
        table.write(tmp_path, "entity_id", ["PER:a", "PER:b", "PER:c"])
    rows = list(RowsByDocument("mentions", tmp_path).rows("d2"))
    assert [(r["start"], r["entity_id"]) for r in rows] == [("0", "PER:a"), ("10", "PER:b")]


def _quote(doc_id, start, text, speaker="", name=""):
    return {"quote_id": f"{doc_id}:q{start}", "doc_id": doc_id, "sentence_id": f"{doc_id}:s0",
            "start": start, "end": start + len(text), "text": text, "kind": "direct",
            "speaker_text": "il", "speaker_entity_id": speaker, "speaker_name": name}


def test_rows_rendered_with_holes_give_the_bytes_of_rows_written_whole(tmp_path):
    # Cells that need quoting, formula guards and empty values, in the text and in the holes.
    docs = {"a": [_quote("a", 0, 'Il a dit "oui", puis non'), _quote("a", 40, "=SOMME(A1)")],
            "b": [_quote("b", 5, "Rien\nde plus")]}
    speakers = [("PER:x", "Dupont, Jean"), ("", ""), ("PER:y", '-"Zorro"')]
    duplicates = ["", "a:q0", ""]
    holes = ("speaker_entity_id", "speaker_name", "duplicate_of")
    for name, rendered in (("whole", False), ("holes", True)):
        with SpooledTable("quotes", ("quote_id",), tmp_path, holes=holes) as table:
            i = 0
            for rows in docs.values():
                lines = render_with_holes("quotes", rows, holes) if rendered else None
                rows = [dict(row) for row in rows]
                for row in rows:  # set after rendering, as the corpus-wide step does
                    row["speaker_entity_id"], row["speaker_name"] = speakers[i]
                    i += 1
                table.add(rows, lines)
            table.write(tmp_path / name, "duplicate_of", duplicates)
    whole = (tmp_path / "whole" / "quotes.csv").read_bytes()
    assert (tmp_path / "holes" / "quotes.csv").read_bytes() == whole
    rows = list(RowsByDocument("quotes", tmp_path / "holes").rows("a"))
    assert [(r["speaker_name"], r["text"]) for r in rows] == [
        ("Dupont, Jean", 'Il a dit "oui", puis non'), ("", "=SOMME(A1)")]
    assert '"\'-""Zorro"""' in whole.decode("utf-8-sig")  # guarded, then quoted


def test_rows_holding_the_hole_mark_are_not_rendered_with_holes():
    assert render_with_holes("quotes", [_quote("a", 0, "un \x00 caché")], ("speaker_name",)) is None
    assert render_with_holes("quotes", [_quote("a", 0, "rien")], ("speaker_name",)) is not None
