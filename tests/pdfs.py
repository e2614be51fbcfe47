"""PDFs with every line where a test puts it, written by hand: one CJK font
(STSong-Light, not embedded, in the UniGB-UCS2-H encoding, as the flk
database's PDFs use), every character one em wide; and a typesetter that lays
a plain-text regulation out on A4 pages the way PDF producers do (lines
wrapped at a fixed width, paragraphs opened indented or set apart, a running
header and a page number on every page)."""

from __future__ import annotations

WIDTH, HEIGHT = 595, 842
_FONT = (
    b"<</Type/Font/Subtype/Type0/BaseFont/STSong-Light/Encoding/UniGB-UCS2-H/DescendantFonts[<</Type/Font"
    b"/Subtype/CIDFontType0/BaseFont/STSong-Light/CIDSystemInfo<</Registry(Adobe)/Ordering(GB1)/Supplement 2>>"
    b"/FontDescriptor<</Type/FontDescriptor/FontName/STSong-Light/Flags 6/FontBBox[0 -200 1000 900]/ItalicAngle 0"
    b"/Ascent 880/Descent -120/CapHeight 880/StemV 93>>/DW 1000>>]>>"
)


def write_pdf(pages: list[list[tuple[float, float, str, float]]]) -> bytes:
    """A PDF of ``pages``, each a list of (x, top, text, size): text drawn
    from x, its top ``top`` points below the top of the page."""
    objects = [b"<</Type/Catalog/Pages 2 0 R>>", b"", _FONT]
    kids = []
    for lines in pages:
        ops = []
        for x, top, text, size in lines:
            code = text.encode("utf-16-be").hex().upper()
            ops.append(f"BT /F1 {size} Tf 1 0 0 1 {x:.2f} {HEIGHT - top - size:.2f} Tm <{code}> Tj ET")
        stream = "\n".join(ops).encode("ascii")
        objects.append(b"<</Length %d>>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(
            b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 %d %d]/Resources<</Font<</F1 3 0 R>>>>/Contents %d 0 R>>"
            % (WIDTH, HEIGHT, len(objects))
        )
        kids.append(len(objects))
    objects[1] = b"<</Type/Pages/Kids[%s]/Count %d>>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    return assemble(objects)


def assemble(objects: list[bytes]) -> bytes:
    """A PDF file of ``objects`` (numbered from 1, the first the catalog):
    header, objects, cross-reference table and trailer."""
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def typeset(
    source: str, *, per_line: int = 38, indent: bool = True, spacing: float = 0.0, header: str = ""
) -> bytes:
    """``source`` (one paragraph a line, blank lines ignored) laid out on
    pages: lines of ``per_line`` 12-point characters from a 36-point margin,
    24 points apart; each paragraph's first line indented two characters if
    ``indent``; ``spacing`` points more before each paragraph; ``header``
    at the top of every page and ``- N -`` at its foot."""
    size, left, pitch = 12, 36, 24
    pages: list[list] = []
    page: list = []
    top = 0.0

    def new_page() -> None:
        nonlocal page, top
        if page:
            page.append((WIDTH / 2 - 24, HEIGHT - 50, f"- {len(pages) + 1} -", 10.5))
            pages.append(page)
        page, top = ([(WIDTH / 2 - 48, 30, header, 10.5)] if header else []), 70.0

    new_page()
    for paragraph in source.split("\n"):
        paragraph = paragraph.strip(" \u3000")
        if not paragraph:
            continue
        top += spacing
        first = True
        while paragraph:
            room = per_line - (2 if indent and first else 0)
            line, paragraph = paragraph[:room], paragraph[room:]
            if top > HEIGHT - 100:
                new_page()
            page.append((left + (2 * size if indent and first else 0), top, line, size))
            top += pitch
            first = False
    new_page()
    return write_pdf(pages)
