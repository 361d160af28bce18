"""Analyst outputs made from the CSV tables: data dictionary, Parquet files, workbook.

Everything here is derived from ``pipeline/schema.py``, the definition the writer uses,
so the data dictionary cannot drift from the files.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline import __version__
from pipeline.frames import PARQUET_DIR, iter_csv_table
from pipeline.schema import TABLES, Table

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
    """One typed Parquet file per table, under ``out_dir/parquet``, written in chunks."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from pipeline.frames import typed

    folder = out_dir / PARQUET_DIR
    folder.mkdir(exist_ok=True)
    written = []
    for name, table in TABLES.items():
        if not (out_dir / table.filename).exists():
            continue
        path = folder / f"{name}.parquet"
        tmp = folder / f".{name}.parquet.tmp"
        writer = None
        try:
            for chunk in iter_csv_table(out_dir / table.filename, table):
                batch = pa.Table.from_pandas(chunk, preserve_index=False)
                writer = writer or pq.ParquetWriter(tmp, batch.schema)
                writer.write_table(batch)
            if writer is None:  # header only: an empty table with the right types
                empty = pa.Table.from_pandas(typed(pd.DataFrame(columns=table.column_names),
                                                   table), preserve_index=False)
                pq.write_table(empty, tmp)
        finally:
            if writer is not None:
                writer.close()
        os.replace(tmp, path)
        written.append(path)
    return written


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
    tables.
    """
    import xlsxwriter

    path = path or out_dir / "tables.xlsx"
    limit = min(max_rows or XLSX_MAX_ROWS, XLSX_MAX_ROWS)
    tmp = path.with_name(f".{path.name}.tmp")
    workbook = xlsxwriter.Workbook(str(tmp), {
        "constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
        "strings_to_urls": False})
    # A fixed creation date: the same tables give the same file, byte for byte (DVC and
    # the tests compare outputs across runs).
    workbook.set_properties({"created": dt.datetime(2000, 1, 1)})
    bold = workbook.add_format({"bold": True})
    wrap = workbook.add_format({"text_wrap": True, "valign": "top"})
    day = workbook.add_format({"num_format": "yyyy-mm-dd"})
    try:
        for name, table in TABLES.items():
            if name in skip or not (out_dir / table.filename).exists():
                continue
            chunks = iter_csv_table(out_dir / table.filename, table)
            frame = next(chunks, None)
            if frame is None:
                frame = pd.DataFrame(columns=table.column_names)
            n_rows = sum((len(c) for c in chunks), len(frame))
            cut = n_rows > limit
            sheet = workbook.add_worksheet(f"{name} (first rows)" if cut else name)
            sheet.freeze_panes(1, 0)
            for i, column in enumerate(table.columns):
                longest = frame[column.name].astype("string").str.len().max() if len(frame) else 0
                longest = 0 if pd.isna(longest) else int(longest)
                sheet.set_column(i, i, min(max(len(column.name), longest) + 2, 60))
            sheet.autofilter(0, 0, min(n_rows, limit), len(table.columns) - 1)
            sheet.write_row(0, 0, [column.name for column in table.columns], bold)
            records = (record for chunk in iter_csv_table(out_dir / table.filename, table)
                       for record in chunk.itertuples(index=False))
            for n, record in enumerate(records, start=1):
                if n > limit:
                    break
                for c, (column, value) in enumerate(zip(table.columns, record, strict=False)):
                    _write_cell(sheet, n, c, column.type, value, wrap, day)
    finally:
        workbook.close()
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
