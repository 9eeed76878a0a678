"""Generators of hostile files (used by tests/ingest and benchmarks/bench_hostile.py).

Each writes a small file that is expensive to parse naively: decompression bombs, millions of
paragraphs, entity expansion, huge page counts, flate bombs, deep nesting.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def docx_from_parts(path: Path, parts: dict[str, bytes | str], *, level: int = 6) -> Path:
    """A .docx (zip) with the given parts; [Content_Types].xml added when missing."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        if "[Content_Types].xml" not in parts:
            zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        for name, data in parts.items():
            zf.writestr(name, data)
    return path


def document_xml(body: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'


def many_paragraphs_docx(path: Path, n: int = 2_000_000) -> Path:
    """A small .docx with n paragraphs (the issue's 397 KB file has 2 million)."""
    head = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}"><w:body>'
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        with zf.open("word/document.xml", "w") as f:
            f.write(head.encode())
            chunk = b"<w:p><w:r><w:t>a</w:t></w:r></w:p>" * 10_000
            for _ in range(n // 10_000):
                f.write(chunk)
            f.write(b"</w:body></w:document>")
    return path


def zip_bomb_docx(path: Path, unpacked_mb: int = 1000) -> Path:
    """A ~1 MB .docx whose document.xml inflates to `unpacked_mb` MB (zeros after a valid start)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        with zf.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(document_xml("<w:p><w:r><w:t>").encode()[: -len("</w:body></w:document>")])
            block = b"\x20" * (1 << 20)
            for _ in range(unpacked_mb):
                f.write(block)
    return path


def billion_laughs_docx(path: Path) -> Path:
    """A .docx whose document.xml declares nested entities (a billion "lol"s when expanded)."""
    ents = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">' for i in range(1, 10)
    )
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{ents}]>'
        f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>'
    )
    return docx_from_parts(path, {"word/document.xml": xml})


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def many_pages_pdf(path: Path, n: int = 100_000) -> Path:
    """A PDF with n (empty) pages in one flat page tree."""
    kids = b" ".join(b"%d 0 R" % (i + 3) for i in range(n))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % n]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"] * n
    path.write_bytes(_pdf(objects))
    return path


def flate_bomb_pdf(path: Path, unpacked_mb: int = 1000) -> Path:
    """A one-page PDF whose content stream inflates to `unpacked_mb` MB of whitespace."""
    comp = zlib.compressobj(9)
    packed = b"".join(comp.compress(b" " * (1 << 20)) for _ in range(unpacked_mb)) + comp.flush()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(packed) + packed + b"\nendstream",
    ]
    path.write_bytes(_pdf(objects))
    return path


def deep_nesting_pdf(path: Path, depth: int = 100_000) -> Path:
    """A PDF whose catalog holds an array nested `depth` levels deep."""
    nested = b"[" * depth + b"]" * depth
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Deep " + nested + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
    ]
    path.write_bytes(_pdf(objects))
    return path


HOSTILE = {
    "docx-2M-paragraphs": (many_paragraphs_docx, ".docx"),
    "docx-zip-bomb": (zip_bomb_docx, ".docx"),
    "docx-billion-laughs": (billion_laughs_docx, ".docx"),
    "pdf-100k-pages": (many_pages_pdf, ".pdf"),
    "pdf-flate-bomb": (flate_bomb_pdf, ".pdf"),
    "pdf-deep-nesting": (deep_nesting_pdf, ".pdf"),
}
