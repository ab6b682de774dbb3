"""Bytes to text: UTF-8 (with or without BOM), else Windows-1256 Arabic; binary refused."""

import codecs

from django.utils.translation import gettext as _


class DecodeError(ValueError):
    """The bytes are not text this desk can read."""


# Control characters other than tab, newline, carriage return and form feed are rare in text files.
_CONTROL = set(range(0, 32)) - {9, 10, 12, 13}


def looks_binary(data: bytes) -> bool:
    """True for NUL bytes or a high share of control characters in the first 8 KB."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / len(head) > 0.02


def _arabic_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for c in letters if "\u0600" <= c <= "\u06ff") / len(letters)


def _plausible(ch: str) -> bool:
    code = ord(ch)
    return (
        0x20 <= code < 0x7F
        or ch in "\t\n\r\f"
        or 0xA0 <= code <= 0x24F  # Latin-1 and Latin Extended
        or 0x0600 <= code <= 0x06FF  # Arabic
        or 0x0750 <= code <= 0x077F
        or 0xFB50 <= code <= 0xFEFF  # Arabic presentation forms
        or 0x2000 <= code <= 0x206F  # general punctuation, bidi marks
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """The text when the bytes read as UTF-16 (little or big endian) without a byte-order mark, else None.

    Such files have NUL bytes (Latin text) or low control bytes (Arabic: 0x06 every other byte), so they
    would otherwise look binary. Accepted only when nearly every character is ordinary text."""
    if len(data) < 2 or len(data) % 2:
        return None
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if text and sum(1 for ch in text if _plausible(ch)) / len(text) >= 0.97:
            return text
    return None


def decode_bytes(data: bytes) -> str:
    """Decode a text file: UTF-8 (BOM removed), UTF-16 with or without a BOM, else Windows-1256.

    Raises DecodeError for binary content or bytes that are neither.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise DecodeError(_("The file claims to be UTF-16 but is not valid UTF-16."))
    if looks_binary(data):
        text = _utf16_without_bom(data)
        if text is not None:
            return text
        raise DecodeError(_("This is a binary file, not text. Upload .txt, .html, .docx, .pdf, .csv or .jsonl."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    # Windows-1256 maps almost every byte, so only accept it when the result reads as Arabic.
    if text and _arabic_share(text) >= 0.3:
        return text
    raise DecodeError(_("The text is neither UTF-8 nor Windows-1256 (Arabic). Save it as UTF-8 and try again."))
