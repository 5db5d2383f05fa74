"""Spreadsheets: Excel 2007+ (.xlsx), Excel 97 (.xls), CSV/TSV; ODS is read by odf.py.

The text is one line per row, cells separated by tabs, each sheet introduced by its name on a
line of its own, so a search hit shows its neighbours and the sheet it sits in. Dates are
written in ISO 8601 and whole numbers without ".0", as a reader would type them in a query.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import warnings
import zipfile
import zlib

from kashf.ingest.base import Ingestor, Source, fail
from kashf.ingest.encoding import decode
from kashf.ingest.errors import describe
from kashf.ingest.model import Extraction
from kashf.ingest.ooxml import core_properties
from kashf.ingest.text import read_capped
from kashf.ingest.zipxml import open_zip

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def cell_text(value) -> str:
    """A cell value as text: ISO dates, integers without a decimal point, tabs flattened."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ") if value.time() != dt.time() else value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).replace("\t", " ").replace("\r\n", "\n").replace("\n", " ")


def rows_text(rows) -> tuple[str, int]:
    """Tab-separated lines of the non-empty rows, and how many there were."""
    lines = []
    for row in rows:
        cells = [cell_text(value) for value in row]
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            lines.append("\t".join(cells))
    return "\n".join(lines), len(lines)


class XlsxIngestor(Ingestor):
    """Excel 2007+ workbooks (.xlsx, .xlsm): every sheet's cell values (cached formula results)."""

    name = "xlsx"
    label = "Excel workbook"
    version = 1
    kind = "spreadsheet"
    mime_types = (XLSX, "application/vnd.ms-excel.sheet.macroenabled.12")
    extensions = (".xlsx", ".xlsm")
    score = 50

    def extract(self, src: Source) -> Extraction:
        import openpyxl

        with open_zip(src.path, "Excel workbook") as archive:
            metadata = core_properties(archive, src.limits, "Excel workbook")
        sections, names = [], []
        # A file object, not the path: originals are stored without an extension and
        # openpyxl judges a path by its extension. The with-block closes it (openpyxl won't).
        with open(src.path, "rb") as handle, warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it skips
            try:
                book = openpyxl.load_workbook(handle, read_only=True, data_only=True)
            except (KeyError, ValueError, OSError, zipfile.BadZipFile, zlib.error) as exc:
                raise fail(f"corrupt Excel workbook: {describe(exc)}") from None
            try:
                for sheet in book.worksheets:
                    names.append(sheet.title)
                    text, _ = rows_text(sheet.iter_rows(values_only=True))
                    sections.append(f"{sheet.title}\n{text}" if text else sheet.title)
            finally:
                book.close()
        metadata["sheet_names"] = names
        title = metadata.pop("title", None)
        return self.result(src, title=title, text="\n\n".join(sections), metadata=metadata)


class XlsIngestor(Ingestor):
    """Excel 97–2003 workbooks (.xls) through xlrd."""

    name = "xls"
    label = "Excel workbook"
    version = 1
    kind = "spreadsheet"
    mime_types = ("application/vnd.ms-excel",)
    extensions = (".xls",)
    score = 50

    def extract(self, src: Source) -> Extraction:
        import xlrd

        try:
            book = xlrd.open_workbook(src.path, on_demand=True, logfile=io.StringIO())
        except xlrd.XLRDError as exc:
            if "encrypt" in str(exc).lower():
                raise fail("password-protected Excel workbook: a password is required") from None
            raise fail(f"corrupt Excel workbook: {exc}") from None
        except Exception as exc:  # xlrd's compound-document reader fails in many shapes
            raise fail(f"corrupt Excel workbook: {describe(exc)}") from None
        sections, names = [], []
        try:
            for index in range(book.nsheets):
                sheet = book.sheet_by_index(index)
                names.append(sheet.name)
                rows = (self._row(sheet, r, book.datemode) for r in range(sheet.nrows))
                text, _ = rows_text(rows)
                sections.append(f"{sheet.name}\n{text}" if text else sheet.name)
                book.unload_sheet(index)
        finally:
            book.release_resources()
        metadata = {"sheet_names": names}
        if book.user_name and book.user_name.strip():
            metadata["last_modified_by"] = book.user_name.strip()
        return self.result(src, text="\n\n".join(sections), metadata=metadata)

    @staticmethod
    def _row(sheet, index: int, datemode: int) -> list:
        import xlrd

        values = []
        for cell in sheet.row(index):
            if cell.ctype == xlrd.XL_CELL_DATE:
                try:
                    values.append(xlrd.xldate_as_datetime(cell.value, datemode))
                    continue
                except (ValueError, OverflowError, xlrd.xldate.XLDateError):
                    pass
            if cell.ctype in (xlrd.XL_CELL_ERROR, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_EMPTY):
                values.append(None)
            elif cell.ctype == xlrd.XL_CELL_BOOLEAN:
                values.append(bool(cell.value))
            else:
                values.append(cell.value)
        return values


class CsvIngestor(Ingestor):
    """Comma-, semicolon- or tab-separated values in any encoding."""

    name = "csv"
    label = "CSV file"
    version = 1
    kind = "spreadsheet"
    mime_types = ("text/csv", "text/tab-separated-values")
    extensions = (".csv", ".tsv", ".tab")
    score = 50

    def extract(self, src: Source) -> Extraction:
        data = src.head if src.size <= len(src.head) else read_capped(src)
        raw, encoding = decode(data)
        delimiter = self._delimiter(raw[:20_000], src.mime)
        csv.field_size_limit(src.limits.max_text_chars)
        try:
            rows = csv.reader(io.StringIO(raw, newline=""), delimiter=delimiter)
            text, count = rows_text(rows)
        except csv.Error:
            # Broken quoting: the raw text is still what a reader would search.
            text, count = raw, raw.count("\n") + 1
        metadata = {"encoding": encoding, "delimiter": delimiter, "rows": count}
        return self.result(src, text=text, metadata=metadata)

    @staticmethod
    def _delimiter(sample: str, mime: str) -> str:
        if mime == "text/tab-separated-values":
            return "\t"
        lines = sample.splitlines()[:20] or [""]
        # The delimiter appears the same (non-zero) number of times on most lines.
        best, best_score = ",", 0
        for candidate in (",", ";", "\t", "|"):
            counts = [line.count(candidate) for line in lines if line.strip()]
            if not counts or max(counts) == 0:
                continue
            common = max(set(counts), key=counts.count)
            score = counts.count(common) * (common > 0)
            if score > best_score:
                best, best_score = candidate, score
        return best
