"""Fixtures of the site health tests: two agencies whose sites hold pages of the tests' page
type, and a small HTTP server on 127.0.0.1 that the link checker asks (no test reaches the
internet; loopback is allowed through the setting in these tests only)."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from wagtail.models import Page, Site

from plugins.core.models import Agency, Unit


@pytest.fixture
def sites(db):
    """(BQL, SKH): each agency's site with a home page of the tests' page type."""
    from tests.conftest import _root_page
    from tests.site_health.pages.models import LinkedPage

    root = _root_page()
    agencies = []
    for symbol, host in (("BQL", "testserver"), ("SKH", "skh.example.test")):
        home = root.add_child(instance=LinkedPage(title=f"Trang chủ {symbol}",
                                                  slug=f"home-{symbol.lower()}"))
        site = Site.objects.create(hostname=host, port=80, root_page=home, site_name=symbol)
        agency = Agency.objects.create(symbol=symbol, name=f"Cơ quan {symbol}", site=site)
        Unit.objects.create(agency=agency, name=f"Văn phòng {symbol}")
        Unit.objects.create(agency=agency, name=f"Trung tâm Công nghệ thông tin {symbol}")
        agencies.append(agency)
    return tuple(agencies)


def home_of(agency):
    return Page.objects.get(pk=agency.site.root_page_id).specific


@pytest.fixture
def add_page():
    """Publish a page of ``model`` (LinkedPage by default) under ``parent``."""
    from tests.site_health.pages.models import LinkedPage

    def add(parent, title, model=LinkedPage, **fields):
        page = parent.add_child(instance=model(title=title, **fields))
        page.save_revision().publish()
        return page

    return add


class _Handler(BaseHTTPRequestHandler):
    server_version = "TestServer"

    def log_message(self, *args):
        pass

    def _answer(self, with_body):
        self.server.requests.append((self.command, self.path,
                                     self.headers.get("User-Agent"), time.monotonic()))
        path = self.path.split("?")[0]
        if path == "/no-head" and self.command == "HEAD":
            code = 405
        elif path in ("/ok", "/no-head", "/other"):
            code = 200
        elif path == "/busy":
            code = 503
        elif path.startswith("/redirect"):
            self.send_response(302)
            self.send_header("Location", self.server.redirect_to)
            self.end_headers()
            return
        else:
            code = 404
        self.send_response(code)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "2")
        self.end_headers()
        if with_body:
            self.wfile.write(b"ok")

    def do_HEAD(self):  # noqa: N802
        self._answer(False)

    def do_GET(self):  # noqa: N802
        self._answer(True)


@pytest.fixture
def web(settings):
    """A local HTTP server; loopback addresses are allowed for the checker meanwhile."""
    settings.SITE_HEALTH_ALLOW_PRIVATE_ADDRESSES = True
    settings.SITE_HEALTH_HOST_DELAY = 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.requests = []
    server.redirect_to = ""
    server.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
