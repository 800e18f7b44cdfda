"""Measure the site as it ships against its floor: `make bench` (not a test; it prints figures).

Serves the site with gunicorn exactly as configured in nmpaa_site/gunicorn.conf.py (workers
recycled by max_requests included) with the benchmark's settings (production plus a constant
HttpResponse view, scripts/bench/settings.py) on PostgreSQL (DATABASE_URL) and Redis
(REDIS_URL). Targets: one live page of each page type in the database, search results, a
static file, the constant view.

1. Under load: wrk with BENCH_CONNECTIONS connections on each target: requests/s, p50, p99
   and p99/p50 (a recycled worker that stalls shows here, in p99).
2. Cost against the floor, one method everywhere: the page and the constant view are timed
   alternately, request by request (which goes first swaps every pair), and each pair gives
   a ratio page/constant; the median ratio and its interquartile range are printed. Load
   from other work on the machine slows both halves of a pair alike, so the ratio holds
   where separate runs would drift apart. Done over gunicorn (one client, pages as served:
   from the page cache) and in this process with Django's test client, page cache off, with
   the content cache and with nothing cached (the first render after a publish).

    python -m scripts.bench.pages      (or: make bench)

Environment: DATABASE_URL and REDIS_URL (required), BENCH_PORT (8400), BENCH_DURATION
(seconds of wrk per target, 10), BENCH_CONNECTIONS (16), BENCH_REPEAT (pairs per page, 300),
WEB_CONCURRENCY (2).
"""

import http.client
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse

from scripts.harness import BENCHMARK_SETTINGS, Visitor, production_server, setup_django

PORT = int(os.environ.get("BENCH_PORT", "8400"))
DURATION = int(os.environ.get("BENCH_DURATION", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "300"))
WORKERS = int(os.environ.get("WEB_CONCURRENCY", "2"))
CONSTANT_URL = "/benchmark/constant/"
TAIL_BUDGET = 5  # p99 of a cached page or a static file stays within 5x its p50


def fail(message):
    sys.exit(f"benchmark: {message}")


def check_environment():
    for name in ("DATABASE_URL", "REDIS_URL"):
        if not os.environ.get(name):
            fail(f"{name} is not set; the benchmark runs on PostgreSQL and Redis.")
    if not os.environ["DATABASE_URL"].startswith("postgres"):
        fail("DATABASE_URL must point at PostgreSQL, as production does.")
    if not shutil.which("wrk"):
        fail("wrk is not installed (Debian: apt-get install wrk).")


def load_average():
    return "load average " + ", ".join(f"{value:.2f}" for value in os.getloadavg())


def page_types():
    """(name, path) of the first live page of each page type, in tree order."""
    from wagtail.models import Page

    found = {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
        kind = page.specific_class._meta.verbose_name
        if kind not in found and page.url:
            found[kind] = urllib.parse.urlsplit(page.url).path
    return list(found.items())


def targets(visitor):
    stylesheet = re.search(r'href="(/static/[^"]+\.css)"', visitor.get("/").text)
    if not stylesheet:
        fail("no stylesheet link on the home page to use as the static file.")
    return [
        ("constant view", CONSTANT_URL),
        ("static file", stylesheet.group(1)),
        *page_types(),
        ("search results", "/search/?q=trafficking"),
    ]


# -- Under load ---------------------------------------------------------------------------


def parse_duration(text):
    """wrk's latency (e.g. 850.00us, 12.3ms, 1.2s, 1.1m) in milliseconds."""
    found = re.match(r"([\d.]+)(us|ms|s|m)$", text)
    if not found:
        return float("nan")
    value, unit = found.groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def run_wrk(base, path):
    command = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency", base + path]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", output))
    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    if socket:
        errors += sum(int(n) for n in socket.groups())
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    p50 = re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE)
    p99 = re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE)
    if not (rps and p50 and p99):
        fail(f"could not read wrk's output for {path}:\n{output}")
    return float(rps.group(1)), parse_duration(p50.group(1)), parse_duration(p99.group(1)), errors


def is_cached(visitor, path):
    """Whether the page cache answers this path (it sets an ETag); static files count too."""
    return path.startswith("/static/") or "ETag" in visitor.get(path).headers


def load_test(visitor, pages):
    print(
        f"\n== Under load: gunicorn as shipped ({WORKERS} sync workers, recycled by max_requests),"
        f" wrk {CONNECTIONS} connections, {DURATION}s each; {load_average()}"
    )
    print(f"{'':24}{'req/s':>8}{'p50 ms':>9}{'p99 ms':>9}{'p99/p50':>9}{'errors':>8}  path")
    over_budget, total_errors = [], 0
    for name, path in pages:
        for _ in range(3):
            visitor.get(path)  # fill the page cache
        cached = is_cached(visitor, path)
        rps, p50, p99, errors = run_wrk(visitor.base, path)
        total_errors += errors
        tail = p99 / p50
        if cached and tail > TAIL_BUDGET:
            over_budget.append(name)
        note = "" if cached or name == "constant view" else " (not cached)"
        print(f"{name:24}{rps:8.0f}{p50:9.2f}{p99:9.2f}{tail:9.1f}{errors:8d}  {path}{note}")
    print(f"errors under load, all runs: {total_errors}")
    verdict = "yes" if not over_budget else f"NO: {', '.join(over_budget)}"
    print(f"p99 within {TAIL_BUDGET}x p50 on every cached page and the static file: {verdict}")


# -- Against the floor, alternately -------------------------------------------------------


def alternate(time_page, time_constant, pairs=REPEAT, warm_up=10):
    """Medians of the page's and the constant's ms, and the quartiles of their ratio."""
    for _ in range(warm_up):
        time_page(), time_constant()
    page, constant = [], []
    for i in range(pairs):
        if i % 2:
            constant.append(time_constant())
            page.append(time_page())
        else:
            page.append(time_page())
            constant.append(time_constant())
    ratios = [p / c for p, c in zip(page, constant, strict=True)]
    return statistics.median(page), statistics.median(constant), statistics.quantiles(ratios, n=4)


def ratio_columns(page_ms, constant_ms, quartiles):
    q1, median, q3 = quartiles
    return f"{page_ms:8.2f}{constant_ms:8.2f}{median:8.2f}  {q1:5.2f}-{q3:<6.2f}"


def over_gunicorn(base, pages):
    address = urllib.parse.urlsplit(base)

    def timer(path):
        def time_one():
            connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
            started = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            elapsed = (time.perf_counter() - started) * 1000
            connection.close()
            if response.status != 200:
                fail(f"{path} answered {response.status} over gunicorn.")
            return elapsed

        return time_one

    print(f"\n== Over gunicorn, one client, page and constant view alternately, {REPEAT} pairs")
    print(f"   (pages as served: from the page cache); {load_average()}")
    print(f"{'':24}{'page ms':>8}{'const':>8}{'x const':>8}  {'IQR':<11}")
    constant = timer(CONSTANT_URL)
    for name, path in pages[1:]:
        print(f"{name:24}{ratio_columns(*alternate(timer(path), constant))}")


def in_process(pages):
    from django.db import connection
    from django.test import Client, override_settings

    client = Client()

    def timer(path):
        def time_one():
            started = time.perf_counter()
            status = client.get(path).status_code
            elapsed = (time.perf_counter() - started) * 1000
            if status != 200:
                fail(f"{path} answered {status} in process.")
            return elapsed

        return time_one

    def queries(path):
        made = []

        def count(execute, sql, params, many, context):
            made.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            client.get(path)
        return len(made)

    print(f"\n== In process, Django test client, page cache off, alternately, {REPEAT} pairs")
    print("   'content cache': site, settings, menus and page objects from the shared cache")
    print("   (as for form pages); 'nothing cached': every query runs (the first render after")
    print(f"   a publish); {load_average()}")
    print(f"{'':24}{'page ms':>8}{'const':>8}{'x const':>8}  {'IQR':<11}{'queries':>8}")
    constant = timer(CONSTANT_URL)
    for label, content_cache in (("content cache", True), ("nothing cached", False)):
        print(f"-- {label}")
        with override_settings(PAGE_CACHE_SECONDS=0, CONTENT_CACHE=content_cache):
            for name, path in pages[2:]:
                columns = ratio_columns(*alternate(timer(path), constant))
                print(f"{name:24}{columns}{queries(path):8d}")


def main():
    check_environment()
    with production_server(
        os.environ["DATABASE_URL"],
        redis_url=os.environ["REDIS_URL"],
        settings=BENCHMARK_SETTINGS,
        port=PORT,
        workers=WORKERS,
        migrate=True,
        GUNICORN_ACCESS_LOG="",  # as shipped: off
    ) as server:
        setup_django(server.env)
        visitor = Visitor(server.url)
        pages = targets(visitor)
        load_test(visitor, pages)
        over_gunicorn(server.url, pages)
    in_process(pages)


if __name__ == "__main__":
    main()
