"""Hostile Word and PDF files, made here byte by byte (nothing committed):
zip bombs in a .docx (a media part, an XML part not named .xml, sizes the
zip lies about), PDF stream bombs behind a filter chain or a dictionary that
says /Image, a PDF drawing one character a million times, and a plain text
of one article with 60,000 paragraphs. Each is small on disk and large
unpacked or slow to read."""

from __future__ import annotations

import struct
import zlib

from pdfs import assemble

MB = 1024 * 1024
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DOC_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_REL_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_REL_IMAGE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image"


def regulation_lines() -> list[str]:
    """A small regulation, one paragraph a line."""
    return ["某某省测试管理办法", "第一条 为了规范测试管理，制定本办法。", "第二条 本办法自2025年1月1日起施行。"]


def _document_xml(lines: list[str], filler: bytes = b"") -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines).encode("utf-8")
    return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="%s"><w:body>' % _W.encode() + body + filler + b"</w:body></w:document>"


def _deflated(head: bytes, filler: bytes = b"", times: int = 0, tail: bytes = b"") -> tuple[bytes, int, int, int]:
    """``head``, ``filler`` repeated ``times`` times, then ``tail``,
    deflated raw: the compressed bytes, their CRC-32 (a zip's check), Adler-32
    (zlib's) and size. The filler is deflated once, ended by a full flush (no
    reference reaches back past it), and that block repeated: fast to make
    however large it unpacks."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = packer.compress(head) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(filler) + packer.flush(zlib.Z_FULL_FLUSH)
    crc, adler = zlib.crc32(head), zlib.adler32(head)
    for _ in range(times):
        crc, adler = zlib.crc32(filler, crc), zlib.adler32(filler, adler)
    crc, adler = zlib.crc32(tail, crc), zlib.adler32(tail, adler)
    data = first + block * times + packer.compress(tail) + packer.flush()
    return data, crc, adler, len(head) + len(filler) * times + len(tail)


def _zlib(head: bytes, filler: bytes, times: int) -> bytes:
    """:func:`_deflated` in zlib format (as a PDF's /FlateDecode holds it)."""
    data, _, adler, _ = _deflated(head, filler, times)
    return b"\x78\xda" + data + adler.to_bytes(4, "big")


def _zip(members: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A zip of (name, deflated data, crc, size it declares, size it
    declares in the local header) members, written by hand so that a
    member's declared size can lie."""
    out, central = bytearray(), bytearray()
    for name, data, crc, size, local_size in members:
        offset, raw_name = len(out), name.encode()
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), local_size, len(raw_name), 0)
        out += raw_name + data
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), size, len(raw_name), 0, 0, 0, 0, 0, offset
        )
        central += raw_name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(out), 0)
    return bytes(out + central + end)


def _member(name: str, data: bytes) -> tuple[str, bytes, int, int, int]:
    packed, crc, _, size = _deflated(data)
    return name, packed, crc, size, size


def _package(document_name: str, document: tuple[str, bytes, int, int, int], extra=(), image: str | None = None) -> bytes:
    types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>'
        f'<Override PartName="/{document_name}" ContentType="{_DOC_TYPE}"/></Types>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL_DOC}" Target="{document_name}"/></Relationships>'
    )
    members = [_member("[Content_Types].xml", types.encode()), _member("_rels/.rels", rels.encode()), document, *extra]
    if image:
        doc_rels = (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId5" Type="{_REL_IMAGE}" Target="{image}"/></Relationships>'
        )
        folder, _, base = document_name.rpartition("/")
        members.append(_member(f"{folder}/_rels/{base}.rels", doc_rels.encode()))
    return _zip(members)


def word() -> bytes:
    """A harmless .docx of the small regulation."""
    return _package("word/document.xml", _member("word/document.xml", _document_xml(regulation_lines())))


def word_media_bomb(gib: int = 1) -> bytes:
    """A .docx whose image part unpacks to ``gib`` GiB (about 1 MB a GiB on disk)."""
    packed, crc, _, size = _deflated(b"", bytes(MB), 1024 * gib)
    image = ("word/media/image1.png", packed, crc, size & 0xFFFFFFFF, size & 0xFFFFFFFF)
    return _package("word/document.xml", _member("word/document.xml", _document_xml(regulation_lines())), [image], image="media/image1.png")


def word_unnamed_xml_bomb(mb: int = 300) -> bytes:
    """A .docx whose main part is not named .xml and unpacks to ``mb`` MB
    of empty paragraphs (a word/document.xml is there too, unused)."""
    head = _document_xml(regulation_lines())
    tail = b"</w:body></w:document>"
    packed, crc, _, size = _deflated(head[: -len(tail)], b"<w:p/>" * (MB // 6), mb, tail)
    document = ("word/main.dat", packed, crc, size, size)
    return _package("word/main.dat", document, [_member("word/document.xml", _document_xml(["空"]))])


def word_lying_sizes(mb: int = 600) -> bytes:
    """A .docx whose document part unpacks to ``mb`` MB of empty paragraphs
    while the zip says 1 KB."""
    packed, crc, _, _ = _deflated(b"", b"<w:p/>" * (MB // 6), mb)
    return _package("word/document.xml", ("word/document.xml", packed, crc, 1024, 1024))


def word_many_paragraphs(mb: int = 60) -> bytes:
    """A .docx of the small regulation and ``mb`` MB of empty paragraphs
    (about 170,000 a MB): within the XML limit or just past it, many
    elements for the XML parser to hold."""
    return _package("word/document.xml", _member("word/document.xml", _document_xml(regulation_lines(), b"<w:p/>" * (mb * MB // 6))))


_FONT = b"<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>"


def _pdf(content_dicts: list[tuple[bytes, bytes]]) -> bytes:
    """A one-page PDF whose page content is the given streams, each a
    (dictionary entries, encoded data) pair."""
    objects = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>", b"", _FONT]
    refs = []
    for entries, data in content_dicts:
        objects.append(b"<<%s/Length %d>>\nstream\n" % (entries, len(data)) + data + b"\nendstream")
        refs.append(b"%d 0 R" % len(objects))
    objects[2] = b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 4 0 R>>>>/Contents[%s]>>" % b" ".join(refs)
    return assemble(objects)


def _text_ops() -> bytes:
    return b"BT /F1 12 Tf 72 700 Td (Article 1. Test.) Tj ET\n"


def pdf_hex_flate_bomb(mib: int = 400) -> bytes:
    """A PDF whose content stream is /ASCIIHexDecode then /FlateDecode of
    ``mib`` MiB of spaces: the hex hides the Flate data from a scan for it."""
    packed = _zlib(_text_ops(), b" " * MB, mib)
    return _pdf([(b"/Filter[/ASCIIHexDecode/FlateDecode]", packed.hex().encode() + b">")])


def pdf_image_word_bomb(mib: int = 400) -> bytes:
    """A PDF whose content stream says /Subtype/Image in its dictionary and
    Flate-unpacks to ``mib`` MiB of spaces."""
    packed = _zlib(_text_ops(), b" " * MB, mib)
    return _pdf([(b"/Type/XObject/Subtype/Image/Filter/FlateDecode", packed)])


def pdf_one_character_many_times(times: int = 1_000_000) -> bytes:
    """A PDF of about 10 KB showing one character ``times`` times."""
    ops = b"BT /F1 1 Tf 72 700 Td " + b"(A) Tj " * times + b"ET"
    return _pdf([(b"/Filter/FlateDecode", zlib.compress(ops, 9))])


def pdf_one_long_string(chars: int = 1_000_000) -> bytes:
    """A PDF drawing one string of ``chars`` characters with a single operator."""
    ops = b"BT /F1 1 Tf 72 700 Td (" + b"A" * chars + b") Tj ET"
    return _pdf([(b"/Filter/FlateDecode", zlib.compress(ops, 9))])


def pdf_busy_content(tokens: int) -> bytes:
    """A PDF whose page is ``tokens`` tokens of saving and restoring the
    graphics state, and no text."""
    return _pdf([(b"/Filter/FlateDecode", zlib.compress(b"q Q " * (tokens // 2), 9))])


def long_article(paragraphs: int = 60_000, short: bool = False) -> bytes:
    """A plain text of one article with ``paragraphs`` paragraphs (60,000 of
    them about 3 MB; ``short`` ones about 20 bytes), then a second article."""
    lines = ["某某省测试条例", "", "第一条 为了规范管理，制定本条例。"]
    text = "依法办理{}。" if short else "本条第{}款规定的事项应当依法办理。"
    lines += [text.format(i) for i in range(paragraphs)]
    lines += ["第二条 本条例自2020年1月1日起施行。"]
    return ("\n".join(lines) + "\n").encode("utf-8")
