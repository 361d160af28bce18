"""Load the output tables into typed pandas DataFrames (for notebooks).

``pipeline.load(OUTPUT_DIR)`` reads the Parquet files when the ``publish`` stage wrote
them, else the CSV files; either way the types are those of ``pipeline/schema.py``
and text cells are exactly the analysed text (the CSV's formula guard is removed).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from pipeline.schema import TABLES, Table
from pipeline.tables import ENCODING, ESCAPE

PARQUET_DIR = "parquet"


def pandas_dtypes(table: Table) -> dict[str, str]:
    """Pandas dtype of each column (nullable types, categories for enumerations)."""
    dtypes = {}
    for column in table.columns:
        if column.type == "integer":
            dtypes[column.name] = "Int64"
        elif column.type == "boolean":
            dtypes[column.name] = "boolean"
        elif column.enum:
            dtypes[column.name] = pd.CategoricalDtype(list(column.enum))
        else:
            dtypes[column.name] = "string"
    return dtypes


def typed(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    """Cast a frame of strings to the table's types."""
    out = {}
    for column in table.columns:
        values = frame[column.name] if column.name in frame else pd.Series(
            [None] * len(frame), dtype="object")
        if column.type == "date":
            # One unit whatever the values (pandas infers it from them): every chunk of
            # a table, and an empty table, get the same type.
            out[column.name] = pd.to_datetime(values, format="%Y-%m-%d",
                                              errors="coerce").astype("datetime64[us]")
        elif column.type == "boolean":
            out[column.name] = values.map({"true": True, "false": False, True: True,
                                           False: False}).astype("boolean")
        else:
            out[column.name] = values.astype(pandas_dtypes(table)[column.name])
    return pd.DataFrame(out, index=frame.index)


def _unescaped(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    for column in table.columns:
        if column.type == "string" and column.name in frame:
            values = frame[column.name]
            guarded = values.str.startswith(ESCAPE, na=False)
            if guarded.any():  # vectorised: only the few guarded cells change
                frame.loc[guarded, column.name] = values[guarded].str[1:]
    return typed(frame, table)


def read_csv_table(path: Path, table: Table) -> pd.DataFrame:
    """One CSV table with its types, text cells unescaped."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""],
                        encoding=ENCODING)
    return _unescaped(frame, table)


def iter_csv_table(path: Path, table: Table, chunk_rows: int = 100_000
                   ) -> Iterator[pd.DataFrame]:
    """The same, in typed chunks, so that a table of any size fits in memory."""
    chunks = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""],
                         encoding=ENCODING, chunksize=chunk_rows)
    for chunk in chunks:
        yield _unescaped(chunk, table)


def load(output_dir: str | Path) -> dict[str, pd.DataFrame]:
    """Every table of an output folder as a typed DataFrame, keyed by table name.

    Example:
        >>> tables = pipeline.load("data/out")  # doctest: +SKIP
        >>> tables["quotes"].groupby("speaker_name").size()  # doctest: +SKIP
    """
    output_dir = Path(output_dir)
    frames = {}
    for name, table in TABLES.items():
        parquet = output_dir / PARQUET_DIR / f"{name}.parquet"
        csv_path = output_dir / table.filename
        if parquet.exists():
            frames[name] = pd.read_parquet(parquet)
        elif csv_path.exists():
            frames[name] = read_csv_table(csv_path, table)
    return frames
