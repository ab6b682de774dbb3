import codecs

import pytest

from annotation.intake.decode import DecodeError, decode_bytes, looks_binary

ARABIC = "قتل مسلحون ثلاثة مدنيين في بعقوبة يوم الخميس."


def test_utf8():
    assert decode_bytes(ARABIC.encode("utf-8")) == ARABIC


def test_utf8_with_bom():
    assert decode_bytes(codecs.BOM_UTF8 + ARABIC.encode("utf-8")) == ARABIC


def test_utf16_with_bom():
    assert decode_bytes(ARABIC.encode("utf-16")) == ARABIC


def test_windows_1256():
    assert decode_bytes(ARABIC.encode("cp1256")) == ARABIC


def test_binary_is_refused():
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_non_arabic_legacy_bytes_are_refused():
    with pytest.raises(DecodeError, match="neither UTF-8 nor Windows-1256"):
        decode_bytes("Ça coûte très cher à Noël, déjà.".encode("latin-1"))


def test_looks_binary():
    assert looks_binary(b"abc\x00def")
    assert not looks_binary(ARABIC.encode("utf-8"))
