"""Small office files made in memory for the tests: an ODF text and a Word document."""

import io


def odt_bytes(text):
    from odfdo import Document, Paragraph

    odt = Document("text")
    odt.body.clear()
    odt.body.append(Paragraph(text))
    buffer = io.BytesIO()
    odt.save(buffer)
    return buffer.getvalue()


def docx_bytes(text):
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
