"""Each public page, cached and uncached, side by side in one run (issue 21). Prints
figures; not a test, not in CI. Only ever targets 127.0.0.1.

    .venv/bin/python tests/benchmarks/load_pages.py [--seconds 10] [--clients 8]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/portal_load .venv/bin/python tests/...

Builds a fresh site like load_site.py (migrate, load_demo, collectstatic; SQLite, or the
PostgreSQL database DATABASE_URL names), starts two gunicorn servers on settings.production
with ``--workers`` each (default 2): one with the page cache (PAGE_CACHE=1, the default), one
without (PAGE_CACHE=0). Each server first answers each page for a second, uncounted (its
workers import, compile their templates and read their catalogs). Then, page by page
(home, news list, article, legal library, library search, procedure, site search),
``--clients`` processes, each with one keep-alive connection as a citizen's browser has,
ask the same page for ``--seconds`` of one server, then of the other. Prints requests/s,
p50 and p99 for each page on each server.

With ``--bakerydemo DIR`` (a checkout of wagtail/bakerydemo with its own ``DIR/.venv``, see
docs/page-cache.md), a third server runs bakerydemo's production settings in the same run
and its comparable page is measured next to each of ours (home; blog index for the news
list; a blog post for an article; the breads index for the library; a bread for a procedure;
its search for both searches). The last column is our uncached requests/s over its.
"""

import argparse
import multiprocessing
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_site import HOST, ROOT, Client, _free_port, _postgres, _run, percentile  # noqa: E402


def _serve(env, workers, folder, name, python=sys.executable, cwd=ROOT,
           application="settings.wsgi:application"):
    port = _free_port()
    server = subprocess.Popen(
        [python, "-m", "gunicorn", application, "--workers",
         str(workers), "--bind", f"{HOST}:{port}",
         "--error-logfile", str(folder / f"gunicorn-{name}.log")], cwd=cwd, env=env)
    for _ in range(300):
        try:
            Client(port, "10.255.0.1").request("GET", "/robots.txt")
            return server, port
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"The {name} server did not start.")


def pages(port):
    """The paths to measure: fixed ones and the first article and procedure found."""
    client = Client(port, "10.255.0.1")
    found = {"home": "/", "news list": "/tin-tuc/", "library": "/van-ban/",
             "library search": "/van-ban/?q=quy+che", "site search": "/tim-kiem/?q=dau+tu"}
    _s, news = client.request("GET", "/tin-tuc/")
    found["article"] = sorted(set(re.findall(r'href="(/tin-tuc/[^"#?]+/)"', news)))[0]
    _s, procedures = client.request("GET", "/thu-tuc-hanh-chinh/")
    found["procedure"] = sorted(set(re.findall(r'href="(/thu-tuc-hanh-chinh/[^"#?]+/)"',
                                               procedures)))[0]
    return found


def bakery_pages(port):
    """bakerydemo's page comparable to each of ours."""
    client = Client(port, "10.255.0.1")
    _s, blog = client.request("GET", "/blog/")
    _s, breads = client.request("GET", "/breads/")
    return {"home": "/", "news list": "/blog/",
            "article": sorted(set(re.findall(r'href="(/blog/[^"#?/]+/)"', blog)))[0],
            "library": "/breads/", "library search": "/search/?q=bread",
            "procedure": sorted(set(re.findall(r'href="(/breads/[^"#?/]+/)"', breads)))[0],
            "site search": "/search/?q=bread"}


def _bakerydemo(directory, workers, folder):
    """Start bakerydemo (production settings, its SQLite database, its demo data)."""
    directory = Path(directory).resolve()
    python = str(directory / ".venv" / "bin" / "python")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
           "DJANGO_SECRET_KEY": secrets.token_urlsafe(50), "DJANGO_ALLOWED_HOSTS": HOST,
           "SECURE_SSL_REDIRECT": "False"}
    env.pop("DATABASE_URL", None)
    if not (directory / "bakerydemodb").exists():
        for command in (["migrate", "--noinput"], ["load_initial_data"],
                        ["collectstatic", "--noinput"]):
            subprocess.run([python, "manage.py", *command], cwd=directory, env=env, check=True,
                           stdout=subprocess.DEVNULL)
    return _serve(env, workers, folder, "bakerydemo", python=python, cwd=directory,
                  application="bakerydemo.wsgi:application")


def _hammer(job):
    port, path, seconds, number = job
    client = Client(port, f"10.3.{number // 250}.{number % 250 + 1}")
    latencies, errors = [], 0
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        start = time.perf_counter()
        try:
            status, _ = client.request("GET", path)
        except OSError:
            status = None
        latencies.append(time.perf_counter() - start)
        errors += status != 200
    return latencies, errors


def workers_cpu(server):
    """Seconds of CPU the workers of gunicorn ``server`` (its child processes) have used,
    from ``/proc`` (Linux)."""
    total = 0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # gone meanwhile
            continue
        if int(fields[1]) == server.pid:
            total += int(fields[11]) + int(fields[12])  # utime, stime in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


def measure(pool, server, path, seconds, clients):
    """Requests/s, p50 and p99 in ms, errors, and the server's CPU ms per request."""
    process, port = server
    Client(port, "10.255.0.2").request("GET", path)  # the first request fills the cache
    cpu = workers_cpu(process)
    started = time.perf_counter()
    runs = pool.map(_hammer, [(port, path, seconds, n) for n in range(clients)])
    elapsed = time.perf_counter() - started
    cpu = workers_cpu(process) - cpu
    latencies = [value for run, _errors in runs for value in run]
    return (len(latencies) / elapsed, percentile(latencies, .5) * 1000,
            percentile(latencies, .99) * 1000, sum(errors for _run, errors in runs),
            cpu * 1000 / max(len(latencies), 1))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--bakerydemo", metavar="DIR",
                        help="a wagtail/bakerydemo checkout with its .venv, measured alongside")
    options = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="portal-pages-"))
    database_url = os.environ.get("DATABASE_URL", "")
    created = database_url.startswith("postgres") and _postgres(database_url, create=True)
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "settings.production",
           "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": HOST, "HTTPS": "0",
           "TRUSTED_PROXIES": "1", "PORTAL_VAR_DIR": str(folder),
           "MEDIA_ROOT": str(folder / "media"), "STATIC_ROOT": str(folder / "static"),
           "EMAIL_HOST": HOST, "EMAIL_PORT": "9"}
    database = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
    servers = []
    try:
        print(f"Preparing a fresh site on {database} in {folder} …", flush=True)
        _run(["migrate", "--noinput"], env)
        _run(["load_demo"], env)
        _run(["collectstatic", "--noinput"], env)
        cached = _serve({**env, "PAGE_CACHE": "1"}, options.workers, folder, "cached")
        uncached = _serve({**env, "PAGE_CACHE": "0"}, options.workers, folder, "uncached")
        servers += [cached[0], uncached[0]]
        bakery = options.bakerydemo and _bakerydemo(options.bakerydemo, options.workers, folder)
        bakery_paths = {}
        if bakery:
            servers.append(bakery[0])
            bakery_paths = bakery_pages(bakery[1])
        print(f"{database}, gunicorn with {options.workers} workers per server, "
              f"{options.clients} keep-alive clients, {options.seconds} s per page and server")
        print(f"{'page':<16}{'cached req/s':>13}{'p50 ms':>8}{'p99 ms':>8}"
              f"{'uncached req/s':>16}{'p50 ms':>8}{'p99 ms':>8}{'CPU ms':>8}{'×':>6}"
              + (f"{'bakerydemo req/s':>18}{'p50 ms':>8}{'CPU ms':>8}{'ours/its':>10}"
                 f"{'CPU its/ours':>14}" if bakery else ""))
        with multiprocessing.Pool(options.clients) as pool:
            paths = pages(cached[1])
            # Every worker of every server has imported its code, compiled its templates
            # and read its catalogs before anything is counted: a second of each page.
            for server, server_paths in ((cached, paths), (uncached, paths),
                                         *([(bakery, bakery_paths)] if bakery else [])):
                for path in server_paths.values():
                    measure(pool, server, path, 1, options.clients)
            for name, path in paths.items():
                hot = measure(pool, cached, path, options.seconds, options.clients)
                cold = measure(pool, uncached, path, options.seconds, options.clients)
                line = (f"{name:<16}{hot[0]:>13.0f}{hot[1]:>8.1f}{hot[2]:>8.1f}"
                        f"{cold[0]:>16.0f}{cold[1]:>8.1f}{cold[2]:>8.1f}{cold[4]:>8.2f}"
                        f"{hot[0] / cold[0]:>6.0f}")
                errors = [hot[3], cold[3]]
                if bakery:
                    theirs = measure(pool, bakery, bakery_paths[name], options.seconds,
                                     options.clients)
                    line += (f"{theirs[0]:>18.0f}{theirs[1]:>8.1f}{theirs[4]:>8.2f}"
                             f"{cold[0] / theirs[0]:>10.2f}{theirs[4] / cold[4]:>14.2f}")
                    errors.append(theirs[3])
                print(line + (f"  errors: {' / '.join(map(str, errors))}" if any(errors) else ""),
                      flush=True)
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)
        if created:
            _postgres(database_url, create=False)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
