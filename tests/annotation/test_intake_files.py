import io

import pytest

from annotation.intake.files import FileRefused, read_upload

ARABIC = "قتل مسلحون ثلاثة مدنيين في بعقوبة يوم الخميس."


def _docx(paragraphs):
    import docx

    document = docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _pdf(text):
    """A one-page PDF with a text layer in Helvetica (enough for pypdf's extractor)."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def test_txt_utf8():
    content = read_upload("a.txt", ARABIC.encode("utf-8"))
    assert (content.kind, content.content) == ("text", ARABIC)


def test_txt_windows_1256_is_decoded():
    content = read_upload("a.txt", ARABIC.encode("cp1256"))
    assert content.content == ARABIC


def test_html_file():
    content = read_upload("page.HTML", f"<html><body><p>{ARABIC}</p></body></html>".encode())
    assert content.kind == "html"


def test_txt_holding_html_is_read_as_html():
    assert read_upload("page.txt", f"<html><body><p>{ARABIC}</p></body></html>".encode()).kind == "html"


def test_docx():
    content = read_upload("a.docx", _docx(["عنوان الخبر", ARABIC]))
    assert content.content == "عنوان الخبر\n" + ARABIC


def test_pdf_text_layer():
    assert read_upload("a.pdf", _pdf("Hello Marsad")).content.strip() == "Hello Marsad"


def test_bulk_kinds():
    assert read_upload("rows.csv", b"text\nabc\n").kind == "csv"
    assert read_upload("rows.jsonl", b'{"text": "abc"}\n').is_bulk


def test_unsupported_extension_is_refused():
    with pytest.raises(FileRefused, match=r"“\.exe” are not supported"):
        read_upload("virus.exe", b"MZ\x90\x00")


def test_binary_named_txt_is_refused():
    with pytest.raises(FileRefused, match="binary"):
        read_upload("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")


def test_png_named_docx_is_refused():
    with pytest.raises(FileRefused, match="not a Word document"):
        read_upload("a.docx", b"\x89PNG\r\n\x1a\n\x00\x00")


def test_text_named_pdf_is_refused():
    with pytest.raises(FileRefused, match="not a PDF"):
        read_upload("a.pdf", ARABIC.encode())


def test_size_limit(settings):
    settings.MARSAD_MAX_UPLOAD_BYTES = 10
    with pytest.raises(FileRefused, match="the limit is"):
        read_upload("a.txt", ARABIC.encode())


def test_empty_file_is_refused():
    with pytest.raises(FileRefused, match="empty"):
        read_upload("a.txt", b"")
