"""Form templates for the demo, written as real documents: ODT (odfdo, the open format)
and DOCX (python-docx), with the national motto, the addressee, the fields to fill in
and the signature block, as Vietnamese administrative forms are laid out."""

import io

from plugins.core.text import slugify

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
DOTS = "…" * 30


def form_lines(form):
    """The lines of a form: (kind, text) with kind in heading, title, text, field, sign."""
    lines = [("heading", MOTTO[0]), ("heading", MOTTO[1]), ("text", "")]
    lines.append(("title", form["title"].upper()))
    if form.get("subtitle"):
        lines.append(("heading", form["subtitle"]))
    lines.append(("text", ""))
    addressee = form.get("to", "Ban Quản lý các Khu công nghiệp Tiền Giang")
    lines.append(("text", f"Kính gửi: {addressee}"))
    for label in form["fields"]:
        lines.append(("field", f"{label}: {DOTS}"))
    for text in form.get("commitments", []):
        lines.append(("text", text))
    lines.append(("text", ""))
    lines.append(("sign", "……, ngày … tháng … năm ……"))
    lines.append(("sign", form.get("signer", "NGƯỜI ĐỀ NGHỊ")))
    lines.append(("sign", "(Ký, ghi rõ họ tên, đóng dấu nếu có)"))
    return lines


def odt_bytes(form):
    from odfdo import Document, Paragraph, Style

    odt = Document("text")
    odt.body.clear()
    centred = Style("paragraph", name="Centred", align="center")
    centred_bold = Style("paragraph", name="CentredBold", align="center")
    centred_bold.set_properties(area="text", properties={"fo:font-weight": "bold"})
    right = Style("paragraph", name="Right", align="end")
    for style in (centred, centred_bold, right):
        odt.insert_style(style, automatic=True)
    styles = {"heading": "CentredBold", "title": "CentredBold", "sign": "Right",
              "text": None, "field": None}
    for kind, text in form_lines(form):
        odt.body.append(Paragraph(text, style=styles[kind]) if styles[kind] else Paragraph(text))
    buffer = io.BytesIO()
    odt.save(buffer)
    return buffer.getvalue()


def docx_bytes(form):
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document()
    for kind, text in form_lines(form):
        paragraph = document.add_paragraph()
        run = paragraph.add_run(text)
        if kind in ("heading", "title"):
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            run.bold = True
        elif kind == "sign":
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def file_stem(form):
    return slugify(f"{form['label']} {form['title']}", max_length=70)


def files_of(form):
    """[(file name, bytes)]: the DOCX most people fill in, and the ODT (open format)."""
    stem = file_stem(form)
    return [(f"{stem}.docx", docx_bytes(form)), (f"{stem}.odt", odt_bytes(form))]
