"""Analyst outputs made from the CSV tables: data dictionary, Parquet files, workbook.

Everything here is derived from ``pipeline/schema.py``, the definition the writer uses,
so the data dictionary cannot drift from the files.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import itertools
import json
import os
import re
import shutil
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline import __version__
from pipeline.frames import PARQUET_DIR, iter_csv_table
from pipeline.schema import TABLES, Table
from pipeline.tables import ENCODING, ESCAPE

#: Excel's limits: rows per sheet and characters per cell.
XLSX_MAX_ROWS = 1_048_575
XLSX_MAX_CELL = 32_767


def table_schema(table: Table) -> dict[str, Any]:
    """Frictionless Table Schema of one table."""
    fields = []
    for column in table.columns:
        field: dict[str, Any] = {"name": column.name, "type": column.type,
                                 "description": column.description}
        if column.type == "date":
            field["format"] = "%Y-%m-%d"
        if column.type == "boolean":
            field["trueValues"], field["falseValues"] = ["true"], ["false"]
        constraints: dict[str, Any] = {}
        if column.enum:
            constraints["enum"] = list(column.enum)
        if column.required or column.name == table.primary_key:
            constraints["required"] = True
        if column.name == table.primary_key:
            constraints["unique"] = True
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    schema: dict[str, Any] = {"fields": fields, "primaryKey": [table.primary_key],
                              "missingValues": [""]}
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": [fk.fields],
             "reference": {"resource": "" if fk.reference_table == table.name
                           else fk.reference_table, "fields": [fk.reference_fields]}}
            for fk in table.foreign_keys
        ]
    return schema


def datapackage(out_dir: Path) -> dict[str, Any]:
    """Frictionless Data Package describing the tables present in ``out_dir``."""
    resources = []
    for name, table in TABLES.items():
        if not (out_dir / table.filename).exists():
            continue
        resources.append({
            "name": name, "path": table.filename, "profile": "tabular-data-resource",
            "description": table.description, "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8-sig",
            "dialect": {"delimiter": ",", "quoteChar": '"', "doubleQuote": True,
                        "lineTerminator": "\r\n", "header": True},
            "schema": table_schema(table),
        })
    present = {r["name"] for r in resources}
    for resource in resources:  # keys to absent tables would fail validation
        keys = resource["schema"].get("foreignKeys", [])
        resource["schema"]["foreignKeys"] = [
            k for k in keys if k["reference"]["resource"] in present | {""}]
        if not resource["schema"]["foreignKeys"]:
            del resource["schema"]["foreignKeys"]
    return {
        "name": "french-news-extraction", "profile": "tabular-data-package",
        "title": "Mentions, entities, quotations, dates and relations from French news",
        "version": __version__,
        "description": "Written by the pipeline's publish stage from pipeline/schema.py. Text "
        "cells starting with = + - @ tab or CR carry a leading apostrophe (formula guard); "
        "pipeline.load() and the Parquet files give the exact text.",
        "resources": resources,
    }


def write_datapackage(out_dir: Path) -> Path:
    """Write ``datapackage.json`` atomically."""
    path = out_dir / "datapackage.json"
    tmp = path.with_name(".datapackage.json.tmp")
    tmp.write_text(json.dumps(datapackage(out_dir), indent=2, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    os.replace(tmp, path)
    return path


def write_parquet(out_dir: Path) -> list[Path]:
    """One typed Parquet file per table, under ``out_dir/parquet``, converted in blocks.

    Arrow reads and converts the CSV (multi-threaded, a block at a time, so a table of
    any size fits in memory) into the types :func:`pipeline.frames.typed` gives: the
    files hold the same schema, pandas metadata and values as a conversion through
    pandas, several times faster (``tokens`` is most of an archive's tables).
    """
    import pyarrow.parquet as pq

    folder = out_dir / PARQUET_DIR
    folder.mkdir(exist_ok=True)
    written = []
    for name, table in TABLES.items():
        if not (out_dir / table.filename).exists():
            continue
        path = folder / f"{name}.parquet"
        tmp = folder / f".{name}.parquet.tmp"
        schema = arrow_schema(table)
        with pq.ParquetWriter(tmp, schema) as writer:
            for batch in arrow_batches(out_dir / table.filename, table, schema):
                writer.write_table(batch)
        os.replace(tmp, path)
        written.append(path)
    return written


def arrow_schema(table: Table):
    """The Arrow schema (with pandas metadata) of a table's typed frame."""
    import pyarrow as pa

    from pipeline.frames import typed

    return pa.Schema.from_pandas(typed(pd.DataFrame(columns=table.column_names), table),
                                 preserve_index=False)


def csv_pieces(path: Path, piece_bytes: int = 1 << 24) -> Iterator[bytes]:
    """The records of a CSV table after its header, in pieces of about ``piece_bytes``.

    A piece ends at a line break outside any quoted cell: a quotation mark opens or closes
    a quoted cell (a doubled one inside a cell does both), so a line break is a record's
    end where the marks before it are even in number. Arrow's own streaming reader reads
    the whole file ahead of its consumer, so that its memory grows with the table; this
    reads one piece at a time.
    """
    with path.open("rb") as handle:
        handle.readline()  # the header (no quoted line ends in column names)
        rest, odd = b"", False  # odd: the text before ``rest`` leaves a quoted cell open
        while True:
            block = handle.read(piece_bytes)
            data = rest + block
            if not block:
                if data:
                    yield data
                return
            end = data.rfind(b"\n")
            marks = data.count(b'"', 0, end) if end >= 0 else 0  # before ``end``
            while end >= 0 and (odd ^ (marks % 2 == 1)):
                earlier = data.rfind(b"\n", 0, end)
                marks -= data.count(b'"', max(earlier, 0), end)
                end = earlier
            if end < 0:  # no record ends in this piece: read on
                rest = data
                continue
            piece, rest = data[:end + 1], data[end + 1:]
            odd ^= marks % 2 == 1
            yield piece


def arrow_batches(path: Path, table: Table, schema, piece_bytes: int = 1 << 24):
    """Typed Arrow tables of a CSV table, piece by piece, text cells unescaped."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pa_csv

    read_options = pa_csv.ReadOptions(column_names=table.column_names)
    convert_options = pa_csv.ConvertOptions(
        column_types={name: pa.large_string() for name in table.column_names},
        strings_can_be_null=True, null_values=[""], quoted_strings_can_be_null=True)
    for piece in csv_pieces(path, piece_bytes):
        batch = pa_csv.read_csv(pa.py_buffer(piece), read_options=read_options,
                                convert_options=convert_options)
        columns = []
        for column, field in zip(table.columns, schema, strict=True):
            values = batch.column(column.name)
            if column.type == "string" and not column.enum:
                guarded = pc.starts_with(values, ESCAPE)
                if pc.any(guarded).as_py():  # rare: most pieces have no guarded cell
                    values = pc.if_else(guarded, pc.utf8_slice_codeunits(values, 1), values)
            elif column.enum:
                indices = pc.index_in(values, value_set=pa.array(column.enum, pa.string()))
                values = pa.DictionaryArray.from_arrays(
                    indices.combine_chunks().cast(field.type.index_type),
                    pa.array(column.enum, pa.string()))
            elif column.type == "date":
                values = pc.strptime(values, format="%Y-%m-%d", unit=field.type.unit,
                                     error_is_null=True)
            elif column.type == "boolean":
                values = pc.if_else(pc.equal(values, "true"), True,
                                    pc.if_else(pc.equal(values, "false"), False, None))
            columns.append(values.cast(field.type) if values.type != field.type else values)
        yield pa.Table.from_arrays(columns, schema=schema)


#: Custom property of the workbook holding :func:`workbook_digest`.
DIGEST_PROPERTY = "pipeline_inputs"
#: Prefix of the custom properties holding each sheet's title and digest, by position
#: (one property per sheet: Excel keeps property texts to 255 characters).
SHEET_PROPERTY = "pipeline_sheet_"


@dataclass(frozen=True)
class SheetPlan:
    """One sheet of the workbook: its table, title, rows shown and a digest of its cells."""

    name: str
    table: Table
    title: str
    n_rows: int
    digest: str


def _first_records(path: Path, limit: int) -> tuple[list[list[str]], bool]:
    """The header and first ``limit`` records of a CSV table, and whether more follow."""
    with path.open(encoding=ENCODING, newline="") as handle:
        records = list(itertools.islice(csv.reader(handle), limit + 2))
    return records[:limit + 1], len(records) > limit + 1


def plan_sheets(out_dir: Path, skip: tuple[str, ...], limit: int) -> list[SheetPlan]:
    """The sheets the workbook shows, each with a digest of its cells and of this code."""
    code = Path(__file__).read_bytes()
    plans = []
    for name, table in TABLES.items():
        path = out_dir / table.filename
        if name in skip or not path.exists():
            continue
        records, cut = _first_records(path, limit)
        title = f"{name} (first rows)" if cut else name
        digest = hashlib.blake2b(code, digest_size=20)
        digest.update(repr((title, limit)).encode())
        for record in records:
            digest.update("\x1f".join(record).encode() + b"\x1e")
        plans.append(SheetPlan(name, table, title, len(records) - 1, digest.hexdigest()))
    return plans


def workbook_digest(plans: list[SheetPlan]) -> str:
    """What the workbook shows: the digests of its sheets, in order.

    Stored in the workbook; a re-run whose sheets would show the same cells (an archive
    grown past the rows the sheets keep, a table whose first rows did not change) leaves
    the file as it is instead of writing it again.
    """
    digest = hashlib.blake2b(digest_size=20)
    for plan in plans:
        digest.update(f"{plan.title}={plan.digest}|".encode())
    return digest.hexdigest()


def _stored_properties(path: Path) -> dict[str, str]:
    """The workbook's custom text properties ({} if it is missing or unreadable)."""
    try:
        with zipfile.ZipFile(path) as archive:
            custom = archive.read("docProps/custom.xml").decode("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile):
        return {}
    return dict(re.findall(r'name="([^"]+)"[^>]*><vt:lpwstr>([^<]*)<', custom))


def _sheet_member(index: int) -> str:
    """The zip member of the index-th sheet, as XlsxWriter names it."""
    return f"xl/worksheets/sheet{index + 1}.xml"


def _sheet_entry(plan: SheetPlan) -> str:
    return f"{plan.title}={plan.digest}"


def _reusable_sheets(stored: dict[str, str], plans: list[SheetPlan]) -> dict[str, str]:
    """New sheet member -> member of the workbook in place that holds the same sheet.

    ``stored`` are the workbook's custom properties. XlsxWriter's constant-memory mode
    writes strings inline, so a sheet's XML depends on its own cells alone and can be
    carried over from the previous file unchanged.
    """
    old = {entry: int(name[len(SHEET_PROPERTY):]) for name, entry in stored.items()
           if name.startswith(SHEET_PROPERTY) and name[len(SHEET_PROPERTY):].isdigit()}
    return {_sheet_member(i): _sheet_member(old[_sheet_entry(plan)])
            for i, plan in enumerate(plans) if _sheet_entry(plan) in old}


def _carry_over_sheets(written: Path, previous: Path, members: dict[str, str],
                       target: Path) -> None:
    """Copy ``written`` to ``target``, taking the given sheet members from ``previous``."""
    with zipfile.ZipFile(written) as new, zipfile.ZipFile(previous) as old, \
            zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as out:
        for info in new.infolist():
            source, name = (old, members[info.filename]) if info.filename in members \
                else (new, info.filename)
            with source.open(name) as reader, out.open(info, "w") as writer:
                shutil.copyfileobj(reader, writer, 1 << 20)


def write_workbook(out_dir: Path, path: Path | None = None,
                   skip: tuple[str, ...] = (), max_rows: int | None = None) -> Path:
    """``tables.xlsx``: one sheet per table, header frozen, filters on, readable widths.

    Text goes in as text cells (never formulas, numbers or links, whatever it starts
    with). A table over ``max_rows`` (at most Excel's row limit) is cut there, with a
    note in the sheet name; the CSV and Parquet stay complete. An archive's tables are
    read with pandas, not scrolled: a spreadsheet of a million rows is slow to write and
    to open, so params.yaml keeps the sheets to the first rows of large tables. Tables
    named in ``skip`` get no sheet (``tokens`` by default in params.yaml: it is larger
    than all the others together and is rarely read in a spreadsheet). Written row by
    row with XlsxWriter's constant-memory mode, so the memory does not grow with the
    tables. Not written at all when it would show the same cells as the file in place
    (:func:`workbook_digest`); a sheet whose cells did not change is copied from it.
    """
    import xlsxwriter

    path = path or out_dir / "tables.xlsx"
    limit = min(max_rows or XLSX_MAX_ROWS, XLSX_MAX_ROWS)
    plans = plan_sheets(out_dir, skip, limit)
    digest = workbook_digest(plans)
    stored = _stored_properties(path) if path.exists() else {}
    if stored.get(DIGEST_PROPERTY) == digest:
        return path
    reuse = _reusable_sheets(stored, plans)
    tmp = path.with_name(f".{path.name}.tmp")
    workbook = xlsxwriter.Workbook(str(tmp), {
        "constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
        "strings_to_urls": False})
    # A fixed creation date: the same tables give the same file, byte for byte (DVC and
    # the tests compare outputs across runs).
    workbook.set_properties({"created": dt.datetime(2000, 1, 1)})
    workbook.set_custom_property(DIGEST_PROPERTY, digest)
    for i, plan in enumerate(plans):
        workbook.set_custom_property(f"{SHEET_PROPERTY}{i}", _sheet_entry(plan))
    bold = workbook.add_format({"bold": True})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    chunk_rows = min(limit, 100_000)
    try:
        for i, plan in enumerate(plans):
            table = plan.table
            sheet = workbook.add_worksheet(plan.title)
            sheet.freeze_panes(1, 0)
            sheet.autofilter(0, 0, plan.n_rows, len(table.columns) - 1)
            if _sheet_member(i) in reuse:
                continue  # its XML comes from the previous file
            chunks = iter_csv_table(out_dir / table.filename, table, chunk_rows)
            frame = next(chunks, None)
            if frame is None:
                frame = pd.DataFrame(columns=table.column_names)
            for c, column in enumerate(table.columns):
                longest = frame[column.name].astype("string").str.len().max() if len(frame) else 0
                longest = 0 if pd.isna(longest) else int(longest)
                sheet.set_column(c, c, min(max(len(column.name), longest) + 2, 60))
            sheet.write_row(0, 0, [column.name for column in table.columns], bold)
            records = (record for chunk in itertools.chain([frame], chunks)
                       for record in chunk.itertuples(index=False))
            for n, record in enumerate(records, start=1):
                if n > limit:
                    break
                for c, (column, value) in enumerate(zip(table.columns, record, strict=False)):
                    _write_cell(sheet, n, c, column.type, value, wrap, day)
            chunks.close()  # a cut table is not read to its end
    finally:
        workbook.close()
    if reuse:
        merged = path.with_name(f".{path.name}.merged")
        _carry_over_sheets(tmp, path, reuse, merged)
        os.replace(merged, tmp)
    os.replace(tmp, path)
    return path


def _write_cell(sheet, row: int, col: int, kind: str, value, wrap, day) -> None:
    """One typed cell; text always as a string cell."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return
    if kind == "date":
        if not pd.isna(value):
            sheet.write_datetime(row, col, value.to_pydatetime(), day)
    elif kind == "string" or isinstance(value, str):
        text = str(value)[:XLSX_MAX_CELL]
        sheet.write_string(row, col, text, wrap if len(text) > 60 else None)
    elif kind == "boolean":
        sheet.write_boolean(row, col, bool(value))
    else:
        sheet.write_number(row, col, int(value) if kind == "integer" else value)
