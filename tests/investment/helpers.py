import datetime
import io

from bs4 import BeautifulSoup
from django.utils import timezone

from plugins.core.calendar import OFFICE_TZ


def today():
    return timezone.localtime(timezone.now(), OFFICE_TZ).date()


def days(n):
    return today() + datetime.timedelta(days=n)


def soup_of(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def titles(client, path, selector, **params):
    soup = soup_of(client.get(path, params))
    return [a.get_text(" ", strip=True) for a in soup.select(selector)], soup


def pdf_bytes():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def downloaded(client, url):
    response = client.get(url)
    if response.status_code != 200:
        return None
    return b"".join(response.streaming_content)


def docx_bytes_or_none():
    from tests.office_files import docx_bytes

    return docx_bytes("Bản đồ vị trí")
