"""Uploaded files to text: .txt, .html, .docx, .pdf (text layer), and .csv/.jsonl for bulk imports.

The type is checked twice: by the file name's extension and by the content itself, so that a
renamed binary or an image called "article.txt" is refused with a clear message.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.utils.translation import gettext as _

from annotation.intake.decode import DecodeError, decode_bytes
from annotation.intake.extract import looks_like_html

SINGLE = {".txt": "text", ".text": "text", ".html": "html", ".htm": "html", ".docx": "docx", ".pdf": "pdf"}
BULK = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}
ACCEPT = ",".join(sorted(SINGLE | BULK))


class FileRefused(ValueError):
    """The upload cannot be read; the message says why and what to do."""


@dataclass
class FileContent:
    kind: str  # text | html | csv | jsonl
    content: str
    filename: str

    @property
    def is_bulk(self) -> bool:
        return self.kind in BULK.values()


def _extension(name: str) -> str:
    return PurePath(name or "").suffix.lower()


def _decode(data: bytes) -> str:
    try:
        return decode_bytes(data)
    except DecodeError as exc:
        raise FileRefused(str(exc))


def _docx_text(data: bytes) -> str:
    import docx
    from lxml.etree import XMLSyntaxError

    if not data.startswith(b"PK"):
        raise FileRefused(_("This .docx file is not a Word document (it is not a ZIP package)."))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            if "word/document.xml" not in package.namelist():
                raise FileRefused(_("This .docx file has no document inside; is it really a Word file?"))
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, XMLSyntaxError) as exc:
        raise FileRefused(_("This Word document cannot be read: %(error)s") % {"error": exc})
    return "\n".join(p.text for p in document.paragraphs)


def _pdf_text(data: bytes) -> str:
    if not data.lstrip()[:5] == b"%PDF-":
        raise FileRefused(_("This .pdf file is not a PDF document."))
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError) as exc:
        raise FileRefused(_("This PDF cannot be read: %(error)s") % {"error": exc})
    if not text.strip():
        raise FileRefused(_("This PDF has no text layer (a scanned image?). Paste the text instead."))
    return text


def check_size(size: int | None, *, max_bytes: int | None = None) -> None:
    """FileRefused when a file of ``size`` bytes (None: more than the limit, stopped while streaming) is too large."""
    limit = settings.MARSAD_MAX_UPLOAD_BYTES if max_bytes is None else max_bytes
    if size is None:
        raise FileRefused(_("The file is larger than the %(limit)s MB limit.") % {"limit": round(limit / 1_048_576, 1)})
    if size > limit:
        raise FileRefused(
            _("The file is %(size)s MB; the limit is %(limit)s MB.")
            % {"size": round(size / 1_048_576, 1), "limit": round(limit / 1_048_576, 1)}
        )


def read_upload(name: str, data: bytes, *, max_bytes: int | None = None) -> FileContent:
    """The text of an uploaded file, or FileRefused with a message for the editor."""
    check_size(len(data), max_bytes=max_bytes)
    if not data:
        raise FileRefused(_("The file is empty."))
    ext = _extension(name)
    kind = SINGLE.get(ext) or BULK.get(ext)
    if kind is None:
        raise FileRefused(
            _("Files of type “%(ext)s” are not supported. Upload one of: %(accepted)s.") % {"ext": ext or "?", "accepted": ACCEPT}
        )
    if kind == "docx":
        return FileContent("text", _docx_text(data), name)
    if kind == "pdf":
        return FileContent("text", _pdf_text(data), name)
    if data.startswith((b"PK\x03\x04", b"%PDF-", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        raise FileRefused(_("The file is named %(ext)s but its content is a binary document or image.") % {"ext": ext})
    text = _decode(data)
    if kind == "text" and looks_like_html(text):
        kind = "html"  # a saved web page with a .txt name
    return FileContent(kind, text, name)
