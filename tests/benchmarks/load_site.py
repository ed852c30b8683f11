"""Load test of the public site under production settings (issue 14). Prints figures; not a
test, not in CI. Only ever targets 127.0.0.1.

    .venv/bin/python tests/benchmarks/load_site.py [--seconds 60] [--connections 50]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_load .venv/bin/python tests/...

It builds a fresh site in a temporary folder (migrate, load_demo, collectstatic) on SQLite,
or on the PostgreSQL database DATABASE_URL names (created if missing, dropped afterwards if
it was created here), starts gunicorn with settings.production (``--workers``, default 4),
then for ``--seconds`` keeps ``--connections`` clients busy: most read a mix of public pages
(home, news list and articles, the legal library and a search in it, procedures, the
directory, the Q&A list); every fifth is a citizen who opens the Q&A form, waits as a
person would (the form refuses robots' speed), and sends a question, each citizen from its
own address (X-Forwarded-For behind one trusted proxy). At the end it prints requests per
second, p50/p90/p99 latency per kind of page, the errors (status ≥ 500 and failed
connections) and the questions answered with a reference code but missing from the
database (lost submissions).
"""

import argparse
import collections
import http.client
import os
import random
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOST = "127.0.0.1"
MIX = [  # (kind, weight)
    ("home", 20), ("news", 10), ("article", 20), ("library", 10), ("library-search", 10),
    ("procedures", 10), ("procedure", 10), ("directory", 5), ("questions", 5),
]
SEARCHES = ["dau tu", "moi truong", "quyet dinh", "lao dong", "cong nghe thong tin"]


def _free_port():
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _run(args, env, **kwargs):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL, **kwargs)


def _postgres(url, create):
    """Create (``create``) or drop the database of a postgres:// URL; True if created."""
    import psycopg

    parts = urllib.parse.urlparse(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                    [name]).fetchone()
        if create and not exists:
            connection.execute(f'CREATE DATABASE "{name}"')
            return True
        if not create and exists:
            connection.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    return False


class Client:
    """One keep-alive connection, as a browser tab would use."""

    def __init__(self, port, address):
        self.port, self.address = port, address
        self.connection = http.client.HTTPConnection(HOST, port, timeout=60)
        self.cookies = {}

    def request(self, method, path, body=None):
        headers = {"Host": HOST, "X-Forwarded-For": self.address,
                   "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://{HOST}:{self.port}{path}"
        for attempt in range(2):
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                content = response.read()
                break
            except (http.client.HTTPException, OSError):
                self.connection.close()
                self.connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
                if attempt:
                    raise
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, content.decode("utf-8", "replace")


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.latencies = collections.defaultdict(list)
        self.errors = collections.Counter()
        self.accepted = []  # (title, reference)

    def record(self, kind, seconds, status):
        with self.lock:
            self.latencies[kind].append(seconds)
            if status is None or status >= 500:
                self.errors[f"{kind}: {status or 'no answer'}"] += 1


def discover(port):
    """The public URLs of the demo's first agency, found by following its links."""
    client = Client(port, "10.255.0.1")
    urls = {"home": ["/"], "news": ["/tin-tuc/"], "library": ["/van-ban/"],
            "procedures": ["/thu-tuc-hanh-chinh/"], "directory": ["/danh-ba/"],
            "questions": ["/hoi-dap/"]}
    _s, news = client.request("GET", "/tin-tuc/")
    urls["article"] = sorted(set(re.findall(r'href="(/tin-tuc/[^"#?]+/)"', news)))[:20]
    _s, procedures = client.request("GET", "/thu-tuc-hanh-chinh/")
    urls["procedure"] = sorted(set(re.findall(r'href="(/thu-tuc-hanh-chinh/[^"#?]+/)"',
                                              procedures)))[:20]
    urls["library-search"] = [f"/van-ban/?q={urllib.parse.quote(q)}" for q in SEARCHES]
    for kind, paths in urls.items():
        if not paths:
            raise SystemExit(f"The demo has no {kind} page to load.")
        for path in paths[:1]:
            status, _ = client.request("GET", path)
            if status != 200:
                raise SystemExit(f"{path} answers {status} before the test.")
    return urls


def reader(port, urls, stop, results, number):
    client = Client(port, f"10.1.{number // 250}.{number % 250 + 1}")
    kinds, weights = zip(*MIX, strict=True)
    while not stop.is_set():
        kind = random.choices(kinds, weights)[0]
        path = random.choice(urls[kind])
        start = time.perf_counter()
        try:
            status, _ = client.request("GET", path)
        except OSError:
            status = None
        results.record(kind, time.perf_counter() - start, status)


def citizen(port, stop, results, number):
    serial = 0
    while not stop.is_set():
        serial += 1
        client = Client(port, f"10.2.{number}.{serial % 250 + 1}")
        start = time.perf_counter()
        try:
            status, html = client.request("GET", "/hoi-dap/gui-cau-hoi/")
        except OSError:
            status, html = None, ""
        results.record("question-form", time.perf_counter() - start, status)
        fields = dict(re.findall(r'name="(csrfmiddlewaretoken|token)" value="([^"]+)"', html))
        if len(fields) < 2:
            continue
        if stop.wait(5.5):  # a person takes longer than the form's robot guard
            break
        title = f"Câu hỏi tải {number}-{serial} {secrets.token_hex(3)}"
        body = urllib.parse.urlencode({
            **fields, "name": f"Công dân {number}", "email": f"cd{number}@example.vn",
            "title": title, "text": "Xin hỏi thủ tục đăng ký đầu tư cần những giấy tờ gì?",
            "consent": "on", "website": ""})
        start = time.perf_counter()
        try:
            status, html = client.request("POST", "/hoi-dap/gui-cau-hoi/", body)
        except OSError:
            status, html = None, ""
        results.record("question-send", time.perf_counter() - start, status)
        reference = re.search(r"BQL-\d{4}-[A-Z0-9]{6}", html)
        if status == 200 and reference:
            with results.lock:
                results.accepted.append((title, reference.group(0)))


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(results, seconds, database):
    total = sum(len(values) for values in results.latencies.values())
    print(f"\n{database}: {total} requests in {seconds:.0f} s = {total / seconds:.0f} req/s")
    print(f"{'page':<16}{'count':>8}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}")
    everything = []
    for kind, values in sorted(results.latencies.items()):
        everything += values
        print(f"{kind:<16}{len(values):>8}{statistics.median(values) * 1000:>9.0f}"
              f"{percentile(values, .9) * 1000:>9.0f}{percentile(values, .99) * 1000:>9.0f}")
    print(f"{'all':<16}{len(everything):>8}{statistics.median(everything) * 1000:>9.0f}"
          f"{percentile(everything, .9) * 1000:>9.0f}{percentile(everything, .99) * 1000:>9.0f}")
    print(f"errors (5xx or no answer): {sum(results.errors.values())} {dict(results.errors)}")


def lost_submissions(env, accepted):
    titles = [title for title, _ in accepted]
    script = ("import json,sys;from plugins.editorial_board.models import Question;"
              "wanted=json.load(sys.stdin);"
              "print(len(set(wanted)-set(Question.objects.filter(title__in=wanted)"
              ".values_list('title',flat=True))))")
    import json

    found = subprocess.run([sys.executable, "manage.py", "shell", "-c", script], cwd=ROOT,
                           env=env, input=json.dumps(titles), capture_output=True, text=True,
                           check=True)
    return int(found.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    options = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="portal-load-"))
    database_url = os.environ.get("DATABASE_URL", "")
    created = database_url.startswith("postgres") and _postgres(database_url, create=True)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "settings.production",
           "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": HOST, "HTTPS": "0",
           "TRUSTED_PROXIES": "1", "PORTAL_VAR_DIR": str(folder),
           "MEDIA_ROOT": str(folder / "media"), "STATIC_ROOT": str(folder / "static"),
           "EMAIL_HOST": HOST, "EMAIL_PORT": "9"}  # no mail server: mail must wait, not fail
    database = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
    server = None
    try:
        print(f"Preparing a fresh site on {database} in {folder} …", flush=True)
        _run(["migrate", "--noinput"], env)
        _run(["load_demo"], env)
        _run(["collectstatic", "--noinput"], env)
        port = _free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "settings.wsgi:application", "--workers",
             str(options.workers), "--bind", f"{HOST}:{port}", "--access-logfile", "/dev/null",
             "--error-logfile", str(folder / "gunicorn.log")], cwd=ROOT, env=env)
        for _ in range(200):
            try:
                Client(port, "10.255.0.1").request("GET", "/robots.txt")
                break
            except OSError:
                time.sleep(0.2)
        urls = discover(port)
        results, stop = Results(), threading.Event()
        threads = [threading.Thread(
            target=citizen if number % 5 == 4 else reader,
            args=(port, stop, results, number) if number % 5 == 4 else
            (port, urls, stop, results, number)) for number in range(options.connections)]
        print(f"{options.connections} connections for {options.seconds} s against "
              f"gunicorn ({options.workers} workers) …", flush=True)
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        time.sleep(options.seconds)
        stop.set()
        for thread in threads:
            thread.join()
        report(results, time.perf_counter() - started, database)
        print(f"questions accepted: {len(results.accepted)}; lost (answered with a reference "
              f"but not in the database): {lost_submissions(env, results.accepted)}")
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if created:
            _postgres(database_url, create=False)
        if options.keep:
            print(f"Kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
