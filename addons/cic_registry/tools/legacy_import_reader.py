# Copyright 2026 CIC Suite
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Reading legacy registers kept in spreadsheets (.xls with xlrd, .xlsx with openpyxl).

Pure functions, no ORM: they turn a file into a header row and value rows, suggest a
column mapping from Romanian header names and convert cell values to numbers and
dates, raising ``CellError`` with a message the wizard reports with the row number.
"""

import datetime
import io
import re
import unicodedata
import zipfile

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Name of the stream that an encrypted (password-protected) Office file carries,
# as UTF-16-LE in the OLE2 directory.
ENCRYPTION_STREAM = "EncryptionInfo".encode("utf-16-le")
DATE_FORMATS = ("%d.%m.%Y", "%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%y")
NUMBER_RE = re.compile(r"^(\d+)\s*([A-Za-z]{0,5})$")

# Target columns and the Romanian header names (without diacritics, lower case)
# that suggest them. Exact matches win over partial ones, longer names over shorter.
TARGET_KEYWORDS = {
    "legacy_number": (
        "nr inregistrare",
        "numar inregistrare",
        "nr de inregistrare",
        "numarul de inregistrare",
        "nr inreg",
        "nr",
        "numar",
    ),
    "legacy_date": (
        "data inregistrarii",
        "data inregistrare",
        "data de inregistrare",
        "data",
    ),
    "sender_ref": (
        "nr emitent",
        "numar emitent",
        "nr document emitent",
        "numarul documentului",
        "nr expeditor",
    ),
    "sender_date": (
        "data emitent",
        "data document emitent",
        "data documentului",
        "data expeditor",
    ),
    "page_count": ("nr file", "numar file", "file", "pagini", "nr pagini"),
    "annex_count": ("anexe", "nr anexe", "numar anexe"),
    "partner_name": (
        "emitent",
        "expeditor",
        "petent",
        "petitionar",
        "provenienta",
        "de la cine provine",
        "nume",
    ),
    "partner_cnp": ("cnp",),
    "partner_cui": ("cui", "cif", "cod fiscal"),
    "partner_address": ("adresa", "domiciliu", "adresa emitent"),
    "summary": (
        "continut",
        "continutul pe scurt",
        "continut pe scurt",
        "rezumat",
        "obiect",
        "continutul",
    ),
    "department": (
        "compartiment",
        "compartimentul",
        "repartizat",
        "repartizare",
        "compartiment repartizat",
    ),
    "dispatch_date": (
        "data expedierii",
        "data expediere",
        "data trimiterii",
        "data expedierii raspunsului",
    ),
    "resolution": (
        "mod de rezolvare",
        "modul de rezolvare",
        "modul rezolvarii",
        "rezolvare",
        "solutionare",
    ),
    "recipient": ("destinatar", "destinatarul"),
    "joined_ref": ("conexat", "nr conexare", "conexare", "conex"),
    "file_indicator": (
        "indicativ dosar",
        "indicativul dosarului",
        "indicativ",
        "dosar",
    ),
}


_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")


class LegacyFileError(Exception):
    """The file as a whole cannot be read."""


class CellError(ValueError):
    """A cell value has the wrong type or an impossible value; ``args[0]`` is a
    code the wizard turns into a translated message."""


def normalize_header(text):
    """'Nr. înregistrare' -> 'nr inregistrare'."""
    text = str(text or "")
    if not text.isascii():  # ASCII text has no decomposition nor combining mark
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_NOT_ALPHANUMERIC.sub(" ", text.lower()).split())


def suggest_mapping(headers):
    """Return {column index: target} suggested from the header names."""
    scores = []
    for index, header in enumerate(headers):
        name = normalize_header(header)
        if not name:
            continue
        words = name.split()
        for target, keywords in TARGET_KEYWORDS.items():
            for keyword in keywords:
                if name == keyword:
                    score = 1000 + len(keyword)
                elif re.search(rf"(^| ){re.escape(keyword)}( |$)", name):
                    score = len(keyword) - (0.01 * len(words))
                else:
                    continue
                scores.append((score, index, target))
    mapping, used = {}, set()
    for _score, index, target in sorted(scores, reverse=True):
        if index in mapping or target in used:
            continue
        mapping[index] = target
        used.add(target)
    return mapping


def _is_encrypted_ole(data):
    return data[:8] == OLE2_MAGIC and ENCRYPTION_STREAM in data


def read_sheet(data, file_name, limit=None):
    """Return (headers, rows) of the first sheet; rows are lists of cell values
    (str, float, int, bool, datetime or None) and row i is spreadsheet line i + 2.
    With ``limit``, only the first ``limit`` lines are read (header included)."""
    if not data:
        raise LegacyFileError("empty")
    if _is_encrypted_ole(data):
        raise LegacyFileError("encrypted")
    name = (file_name or "").lower()
    if data[:4] == b"PK\x03\x04" or name.endswith(".xlsx"):
        lines = _read_xlsx(data, limit)
    elif data[:8] == OLE2_MAGIC or name.endswith(".xls"):
        lines = _read_xls(data, limit)
    else:
        raise LegacyFileError("format")
    # Blank lines are dropped, but only at the end: row numbers stay those of the
    # spreadsheet.
    while lines and not any(v not in (None, "") for v in lines[-1]):
        lines.pop()
    if not lines:
        raise LegacyFileError("empty")
    headers = [str(v).strip() if v is not None else "" for v in lines[0]]
    return headers, lines[1:]


def _read_xlsx(data, limit=None):
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as exc:
        raise LegacyFileError("format") from exc
    try:
        sheet = book.worksheets[0]
        return [list(row) for row in sheet.iter_rows(max_row=limit, values_only=True)]
    finally:
        book.close()


def _read_xls(data, limit=None):
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data)
    except xlrd.XLRDError as exc:
        if "encrypted" in str(exc).lower():
            raise LegacyFileError("encrypted") from exc
        raise LegacyFileError("format") from exc
    except Exception as exc:  # xlrd raises assorted errors on corrupt files
        raise LegacyFileError("format") from exc
    sheet = book.sheet_by_index(0)
    empty = (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK)
    lines = []
    for r in range(min(sheet.nrows, limit or sheet.nrows)):
        line = sheet.row_values(r)
        for c, ctype in enumerate(sheet.row_types(r)):
            if ctype == xlrd.XL_CELL_DATE:
                line[c] = _xls_datetime(xlrd, line[c], book.datemode)
            elif ctype in empty:
                line[c] = None
            elif ctype == xlrd.XL_CELL_ERROR:
                line[c] = "#ERROR"
        lines.append(line)
    return lines


def _xls_datetime(xlrd, value, datemode):
    """The datetime of an .xls date cell, or its raw number if it is no valid
    date (reported by the validation)."""
    try:
        return xlrd.xldate_as_datetime(value, datemode)
    except (ValueError, OverflowError, xlrd.XLDateError):
        return value


# ---------------------------------------------------------------------------
# Cell conversions
# ---------------------------------------------------------------------------
def to_text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    return str(value).strip()


def to_number(value):
    """Original registration number: digits, optionally a short suffix ('12bis'),
    optionally followed by '/date' which is dropped."""
    if isinstance(value, datetime.date | datetime.datetime):
        raise CellError("date_for_number")
    if isinstance(value, bool):
        raise CellError("not_number")
    if isinstance(value, int | float):
        if value <= 0 or (isinstance(value, float) and not value.is_integer()):
            raise CellError("not_number")
        return str(int(value))
    text = to_text(value).split("/")[0].strip()
    match = NUMBER_RE.match(text)
    if not match or int(match.group(1)) <= 0:
        raise CellError("not_number")
    return str(int(match.group(1))) + match.group(2)


def to_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise CellError("number_for_date")
    text = to_text(value)
    if re.match(r"^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$|^\d{4}-\d{1,2}-\d{1,2}$", text):
        for fmt in DATE_FORMATS:
            try:
                return datetime.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        raise CellError("impossible_date")
    raise CellError("not_date")


def to_count(value):
    if value in (None, ""):
        return 0
    if isinstance(value, datetime.date | datetime.datetime | bool):
        raise CellError("not_count")
    if isinstance(value, int | float):
        if value < 0 or (isinstance(value, float) and not value.is_integer()):
            raise CellError("not_count")
        return int(value)
    text = to_text(value)
    if not text.isdigit():
        raise CellError("not_count")
    return int(text)
