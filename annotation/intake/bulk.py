"""Bulk files (JSONL or CSV): one article per row, each row accepted or refused on its own."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.utils.translation import gettext as _

TEXT_FIELDS = ("text", "body")
MAX_TITLE = 500
MAX_URL = 1000


@dataclass
class Row:
    """One row of a bulk file: its 1-based number and either fields or the reason it was refused."""

    number: int
    text: str = ""
    title: str = ""
    url: str = ""
    published: dt.date | None = None
    source: str = ""
    error: str = ""


def _parse_date(value) -> dt.date | None:
    value = str(value).strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise ValueError(_("“published” must be a date like 2024-02-08, not “%(value)s”") % {"value": value[:40]})


def row_from_fields(number: int, fields) -> Row:
    """Validate one row's fields; a refused row carries its reason in ``error``."""
    if not isinstance(fields, dict):
        return Row(number, error=_("the row is not an object with fields"))
    text = next((fields[f] for f in TEXT_FIELDS if isinstance(fields.get(f), str) and fields[f].strip()), "")
    if not text:
        return Row(number, error=_("no text: the row needs a non-empty “text” or “body” field"))
    for name in ("title", "url", "source", "published"):
        value = fields.get(name)
        if value is not None and not isinstance(value, str | int | float):
            return Row(number, error=_("the field “%(name)s” must be text") % {"name": name})
    title = " ".join(str(fields.get("title") or "").split())
    url = str(fields.get("url") or "").strip()
    if len(title) > MAX_TITLE:
        return Row(number, error=_("the title is longer than %(max)s characters") % {"max": MAX_TITLE})
    if url:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc or len(url) > MAX_URL:
            return Row(number, error=_("“url” must be an http(s) address, not “%(value)s”") % {"value": url[:80]})
    try:
        published = _parse_date(fields.get("published") or fields.get("published_at") or "")
    except ValueError as exc:
        return Row(number, error=str(exc))
    return Row(number, text=text, title=title, url=url, published=published, source=str(fields.get("source") or "").strip()[:200])


def parse_jsonl(content: str) -> list[Row]:
    rows = []
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            fields = json.loads(line)
        except json.JSONDecodeError as exc:
            # Python's own message ("Expecting value") is English: say where, in the reader's language.
            rows.append(Row(number, error=_("not valid JSON (column %(column)s)") % {"column": exc.colno}))
            continue
        rows.append(row_from_fields(number, fields))
    return rows


def parse_csv(content: str) -> list[Row]:
    """Rows of a CSV file with a header line; row numbers count the header as row 1."""
    reader = csv.reader(io.StringIO(content, newline=""))
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        return []
    except csv.Error:
        return [Row(1, error=_("the header line cannot be read (%(error)s)") % {"error": _("not valid CSV")})]
    if not any(f in header for f in TEXT_FIELDS):
        return [Row(1, error=_("the header has no “text” or “body” column"))]
    rows = []
    number = 1
    while True:
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            number += 1
            rows.append(Row(number, error=_("malformed CSV (%(error)s)") % {"error": exc}))
            continue
        number += 1
        if not any(v.strip() for v in values):
            continue
        if len(values) != len(header):
            rows.append(Row(number, error=_("%(found)s columns instead of %(expected)s") % {"found": len(values), "expected": len(header)}))
            continue
        rows.append(row_from_fields(number, dict(zip(header, values, strict=True))))
    return rows


def parse_rows(content: str, kind: str) -> list[Row]:
    return parse_jsonl(content) if kind == "jsonl" else parse_csv(content)
