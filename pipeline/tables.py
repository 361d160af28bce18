"""The one writer of every output table: CSV with BOM, RFC 4180, atomic, deterministic.

Rows are written to a hidden temporary file beside the target and renamed into place
only when the whole stage succeeded, so a failed or interrupted run leaves the
previous tables whole.
"""

from __future__ import annotations

import csv
import io
import os
import pickle
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from itertools import groupby
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.schema import TABLES, Column, Table

ENCODING = "utf-8-sig"
#: First characters that make a spreadsheet run a cell as a formula (CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
#: Written before such a cell (and before a cell that already starts with it).
ESCAPE = "'"
#: Separator of a cell that lists several values (aliases, descriptions, speaker ids).
LIST_SEPARATOR = "|"


def split_cell(value: str | None) -> list[str]:
    """The values of a cell that lists several (``|``-joined); [] for an empty one."""
    return [v for v in (value or "").split(LIST_SEPARATOR) if v]


def escape_text(text: str) -> str:
    """Make a text cell inert in a spreadsheet, reversibly.

    A cell that starts with = + - @ tab or carriage return gets a leading apostrophe, so
    Excel and LibreOffice show it as text instead of running it as a formula; a cell
    that already starts with an apostrophe gets one more, so that :func:`unescape_text`
    gives back the exact text.
    """
    if text.startswith(FORMULA_TRIGGERS) or text.startswith(ESCAPE):
        return ESCAPE + text
    return text


_ESCAPED_FIRST = frozenset(FORMULA_TRIGGERS + (ESCAPE,))


def unescape_text(text: str) -> str:
    """Inverse of :func:`escape_text`."""
    return text[1:] if text.startswith(ESCAPE) else text


def format_cell(value: Any) -> str:
    """Render one value: empty for missing, ``true``/``false`` for booleans."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


class RowRenderer:
    """The CSV text of a table's rows: what :class:`TableWriter` writes, without a file."""

    def __init__(self, table: Table, columns: Sequence[Column] | None = None):
        self.table = table
        self._columns = [(column.name, column.type == "string")
                         for column in (table.columns if columns is None else columns)]
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, lineterminator="\r\n")

    def cells(self, row: Mapping[str, Any]) -> list[str]:
        """The cells of one row, formatted and formula-guarded."""
        # The inner loop of every table (tokens.csv: one call per token): plain strings and
        # integers skip format_cell, and escape_text's test is inlined.
        cells = []
        for name, is_text in self._columns:
            value = row.get(name)
            kind = type(value)
            cell = value if kind is str else str(value) if kind is int else format_cell(value)
            if is_text and cell[:1] in _ESCAPED_FIRST:
                cell = ESCAPE + cell
            cells.append(cell)
        return cells

    def render(self, rows: Iterable[Mapping[str, Any]]) -> str:
        """The CSV text of some rows."""
        for row in rows:
            self._writer.writerow(self.cells(row))
        return self._take()

    def cell_text(self, value: Any) -> str:
        """A value of the (first) column as it appears between two commas of a line."""
        cell = self.cells({self._columns[0][0]: value})[0]
        # With a second, empty cell: csv writes a row of one empty cell as '""'.
        self._writer.writerow([cell, ""])
        return self._take()[:-3]  # the empty cell's comma and the line end

    def _take(self) -> str:
        text = self._buffer.getvalue()
        self._buffer.seek(0)
        self._buffer.truncate()
        return text


#: Marks a cell left for later in a line of :func:`render_with_holes` (never in a table).
HOLE = "\x00"


def render_with_holes(name: str, rows: Sequence[Mapping[str, Any]], holes: Sequence[str]
                      ) -> list[str] | None:
    """One CSV line per row with the cells of ``holes`` left open, for :class:`LineFiller`.

    A stage caches a document's rows rendered this way when a corpus-wide step sets
    some of their columns on every run (entity ids, duplicates): a re-run fills the holes
    and never formats the rest again. None if a cell contains the hole mark itself.
    """
    renderer = RowRenderer(TABLES[name])
    marks = {column: f"{HOLE}{i}{HOLE}" for i, column in enumerate(holes)}
    lines = []
    for row in rows:
        if any(HOLE in value for value in row.values() if type(value) is str):
            return None
        lines.append(renderer.render([{**row, **marks}]))
    return lines


class LineFiller:
    """Fill the holes of :func:`render_with_holes` lines: each value as the writer renders it."""

    def __init__(self, name: str, holes: Sequence[str]):
        columns = {column.name: column for column in TABLES[name].columns}
        self._renderers = [RowRenderer(TABLES[name], columns=(columns[hole],)) for hole in holes]
        self._marks = [f"{HOLE}{i}{HOLE}" for i in range(len(holes))]
        self._rendered: list[dict[Any, str]] = [{} for _ in holes]

    def fill(self, line: str, values: Sequence[Any]) -> str:
        """The line with hole i replaced by ``values[i]``."""
        for i, value in enumerate(values):
            memo = self._rendered[i]
            if value not in memo:  # ids and names repeat: each is rendered once
                memo[value] = self._renderers[i].cell_text(value)
            line = line.replace(self._marks[i], memo[value], 1)
        return line


class TableWriter:
    """Stream rows of one table into a temporary file; :meth:`commit` renames it."""

    def __init__(self, table: Table, out_dir: Path):
        self.table = table
        self.path = Path(out_dir) / table.filename
        self.tmp_path = self.path.with_name(f".{table.filename}.{os.getpid()}.tmp")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._handle = self.tmp_path.open("w", encoding=ENCODING, newline="")
        self._writer = csv.writer(self._handle, lineterminator="\r\n")
        self._writer.writerow(table.column_names)
        self._renderer = RowRenderer(table)
        self._cells = self._renderer.cells
        self.n_rows = 0

    def write(self, row: Mapping[str, Any]) -> None:
        """Write one row given as a mapping column -> value (missing keys are empty)."""
        self._writer.writerow(self._cells(row))
        self.n_rows += 1

    def render(self, rows: Iterable[Mapping[str, Any]]) -> str:
        """The CSV text of some rows, exactly as :meth:`write` would write them."""
        return self._renderer.render(rows)

    def write_rendered(self, text: str, n_rows: int) -> None:
        """Write rows rendered earlier by :meth:`render` (e.g. from the document cache)."""
        self._handle.write(text)
        self.n_rows += n_rows

    def write_many(self, rows: Iterable[Mapping[str, Any]]) -> None:
        """Write rows in the order given."""
        for row in rows:
            self.write(row)

    def commit(self) -> Path:
        """Close and move the file into place (atomic on one file system)."""
        self._handle.close()
        os.replace(self.tmp_path, self.path)
        return self.path

    def abort(self) -> None:
        """Close and delete the temporary file; the previous table stays."""
        self._handle.close()
        self.tmp_path.unlink(missing_ok=True)


@contextmanager
def open_tables(out_dir: Path, *names: str) -> Iterator[dict[str, TableWriter]]:
    """Open writers for several tables; all are committed together, or none.

    Example:
        >>> with open_tables(out, "documents", "sentences") as writers:  # doctest: +SKIP
        ...     writers["documents"].write({"doc_id": "a", "status": "ok"})
    """
    with ExitStack() as stack:
        writers = {name: TableWriter(TABLES[name], out_dir) for name in names}
        stack.callback(lambda: [w.abort() for w in writers.values() if not w._handle.closed])
        yield writers
        for writer in writers.values():
            writer.commit()


def _sort_key(table: Table):
    keys = (*table.sort_by, table.primary_key)

    def key(row: Mapping[str, Any]) -> tuple:
        # Missing values last; one lookup per column (this runs once per row written).
        values = [row.get(k) for k in keys]
        return tuple((True, "") if v is None else (False, v) for v in values)

    return key


def sort_rows(table: Table, rows: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Rows in the table's deterministic order (its ``sort_by`` columns, then the key)."""
    return sorted(rows, key=_sort_key(table))


def write_table(name: str, rows: Iterable[Mapping[str, Any]], out_dir: Path) -> Path:
    """Write a whole table held in memory, sorted, atomically."""
    table = TABLES[name]
    with open_tables(out_dir, name) as writers:
        writers[name].write_many(sort_rows(table, rows))
    return Path(out_dir) / table.filename


def write_ordered(name: str, rows: Iterable[Mapping[str, Any]], out_dir: Path) -> Path:
    """Write a table from rows that already come in its order, streamed, atomically.

    For stages that hand out rows document by document (Docs are read in doc_id order)
    and sort each document's rows (:func:`sort_rows`): the table is the same as
    :func:`write_table` gives, without holding the rows. A row out of order is an error,
    and the previous table stays.
    """
    in_order = _order_check(name)
    with open_tables(out_dir, name) as writers:
        for row in rows:
            writers[name].write(in_order(row))
    return Path(out_dir) / TABLES[name].filename


def _order_check(name: str) -> Callable[[Mapping[str, Any]], Mapping[str, Any]]:
    """A pass-through that raises on a row coming before the previous one in the table."""
    table = TABLES[name]
    key = _sort_key(table)
    previous = None

    def in_order(row: Mapping[str, Any]) -> Mapping[str, Any]:
        nonlocal previous
        current = key(row)
        if previous is not None and current < previous:
            raise ValueError(f"{name}: row {row.get(table.primary_key)!r} comes out of "
                             f"the table's order ({', '.join(table.sort_by)})")
        previous = current
        return row

    return in_order


class RowSpool:
    """Rows set aside in a temporary file while a corpus-wide step runs, read back in order.

    A stage that must see the whole corpus before it can finish its rows (entity
    resolution, quotation deduplication) keeps in memory only the few columns that
    step needs and spools the full rows here, so its memory grows with the compact
    columns, not with the rows. The file is unnamed on disk and vanishes when closed,
    even after a crash.
    """

    def __init__(self, directory: Path | None = None):
        self._file = tempfile.TemporaryFile(dir=directory)
        self.n_rows = 0

    def add(self, rows: list[Mapping[str, Any]]) -> None:
        """Set aside one document's rows (in the order they will be read back)."""
        pickle.dump(rows, self._file, protocol=pickle.HIGHEST_PROTOCOL)
        self.n_rows += len(rows)

    def __iter__(self) -> Iterator[Mapping[str, Any]]:
        self._file.seek(0)
        while True:
            try:
                batch = pickle.load(self._file)
            except EOFError:
                return
            yield from batch

    def close(self) -> None:
        """Delete the spooled rows."""
        self._file.close()

    def __enter__(self) -> RowSpool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SpooledTable(RowSpool):
    """A table whose rows wait in a spool for one column computed corpus-wide.

    Documents hand their rows in (:meth:`add`, sorted in the table's order); the columns
    that the corpus-wide step reads stay in memory (:meth:`frame`, repeated strings
    shared); :meth:`write` writes every row with the computed column, streamed, in order.

    A document may also hand in its rows already rendered with holes
    (:func:`render_with_holes`, from the document cache): ``holes`` names the columns
    left open, the last being the one :meth:`write` computes; the others are taken from
    the rows when they are added. Those rows are then never formatted again.
    """

    def __init__(self, name: str, keep: Sequence[str], directory: Path | None = None,
                 holes: Sequence[str] = ()):
        super().__init__(directory)
        self.name = name
        self.holes = tuple(holes)
        self._kept: dict[str, list] = {column: [] for column in keep}

    def add(self, rows: Iterable[Mapping[str, Any]], lines: Sequence[str] | None = None
            ) -> None:
        """Set aside one document's rows and keep their compact columns.

        With ``lines`` (the rows rendered with :attr:`holes`, in the same order, which must
        be the table's), the lines are spooled instead of the rows.
        """
        if lines is None:
            rows = sort_rows(TABLES[self.name], rows)
            super().add(rows)
        else:
            rows = list(rows)
            known = self.holes[:-1]
            super().add([(line, tuple(row.get(column) for column in known))
                         for row, line in zip(rows, lines, strict=True)])
        for column, values in self._kept.items():
            values.extend(sys.intern(v) if type(v) is str else v
                          for v in (row[column] for row in rows))

    def frame(self) -> pd.DataFrame:
        """The kept columns of every row, in the order :meth:`write` reads the rows back."""
        frame = pd.DataFrame(self._kept, columns=list(self._kept))
        self._kept = {column: [] for column in self._kept}  # the frame holds them now
        return frame

    def write(self, out_dir: Path, column: str, values: Iterable[Any]) -> Path:
        """Write the table: every spooled row with ``column`` set from ``values``."""
        if self.holes and self.holes[-1] != column:
            raise ValueError(f"{self.name}: the rows wait for {self.holes[-1]!r}, not {column!r}")
        filler = LineFiller(self.name, self.holes) if self.holes else None
        in_order = _order_check(self.name)
        with open_tables(out_dir, self.name) as writers:
            writer = writers[self.name]
            for item, value in zip(self, values, strict=True):
                if type(item) is tuple:  # a rendered line (its document sorted its rows)
                    writer.write_rendered(filler.fill(item[0], (*item[1], value)), 1)
                else:
                    writer.write(in_order({**item, column: value}))
        return Path(out_dir) / TABLES[self.name].filename


def read_rows(name: str, out_dir: Path, columns: Sequence[str] | None = None
              ) -> Iterator[dict[str, str]]:
    """Stream the rows of a written table as dicts of strings, text cells unescaped.

    ``columns`` keeps only those (a later stage joining a large table reads the few
    columns it uses: building the dicts is most of the reading time).
    """
    table = TABLES[name]
    text_columns = {column.name for column in table.columns if column.type == "string"}
    path = Path(out_dir) / table.filename
    with path.open(encoding=ENCODING, newline="") as handle:
        # csv.reader and an inlined unescape_text: later stages read whole tables back.
        records = csv.reader(handle)
        header = next(records, None)
        if header is None:
            return
        if columns is None:
            names, kept = header, None
        else:
            missing = [column for column in columns if column not in header]
            if missing:
                raise KeyError(f"{path}: no column {', '.join(missing)}")
            names, kept = list(columns), [header.index(column) for column in columns]
        texts = [i for i, column in enumerate(names) if column in text_columns]
        for record in records:
            if not record:  # a blank line (csv.DictReader skips them too)
                continue
            if kept is not None:
                record = [record[i] for i in kept]
            for i in texts:
                if record[i][:1] == ESCAPE:
                    record[i] = record[i][1:]
            yield dict(zip(names, record, strict=True))


class RowsByDocument:
    """Rows of a table, handed out one document at a time, in the order they were written.

    Every stage writes its rows in the order it reads the Docs, so a later stage can
    join a table with the Docs in one streamed pass (no table is held whole in memory):
    ask for the documents in the order of the Docs; a document without rows gets [].
    """

    def __init__(self, name: str, out_dir: Path, columns: Sequence[str] | None = None):
        path = Path(out_dir) / TABLES[name].filename
        if columns is not None and "doc_id" not in columns:
            columns = ("doc_id", *columns)
        self._groups = groupby(read_rows(name, out_dir, columns),
                               key=lambda row: row["doc_id"]) if path.exists() else iter(())
        self._pending: tuple[str, list[dict[str, str]]] | None = None

    def rows(self, doc_id: str) -> list[dict[str, str]]:
        """The rows of one document (empty if it has none)."""
        if self._pending is None:
            group = next(self._groups, None)
            if group is None:
                return []
            self._pending = (group[0], list(group[1]))
        key, rows = self._pending
        if key != doc_id:  # its rows come later: this document has none
            return []
        self._pending = None
        return rows
