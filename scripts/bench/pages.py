"""Measure the site against its floor: `make bench` (not a test; it prints figures).

1. Starts gunicorn with the benchmark's settings (production plus a constant HttpResponse
   view, scripts/bench/settings.py) on PostgreSQL (DATABASE_URL) and Redis (REDIS_URL), and
   runs wrk against the home page, the legal-framework section, an article, search results,
   a form page, a static file and the constant view: requests/s, p50/p99, errors, ratio to
   the constant view. Pages are served from the page cache after the first request.
2. In this one process, with Django's test client, times each page type with the page cache
   off against the constant view through the same middleware (median of many runs), and
   counts the queries each page makes.

    python -m scripts.bench.pages      (or: make bench)

Environment: DATABASE_URL and REDIS_URL (required), BENCH_PORT (8400), BENCH_DURATION
(seconds per URL, 10), BENCH_CONNECTIONS (16), BENCH_REPEAT (in-process runs per page, 300),
WEB_CONCURRENCY (2).
"""

import os
import re
import shutil
import statistics
import subprocess
import sys
import time

from scripts.harness import (
    BENCHMARK_SETTINGS,
    SIGN_UP_PATHS,
    Visitor,
    production_server,
    setup_django,
)

PORT = int(os.environ.get("BENCH_PORT", "8400"))
DURATION = int(os.environ.get("BENCH_DURATION", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "16"))
REPEAT = int(os.environ.get("BENCH_REPEAT", "300"))
WORKERS = int(os.environ.get("WEB_CONCURRENCY", "2"))
CONSTANT_URL = "/benchmark/constant/"


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


def targets(visitor):
    stylesheet = re.search(r'href="(/static/[^"]+\.css)"', visitor.get("/").text)
    if not stylesheet:
        fail("no stylesheet link on the home page to use as the static file.")
    return [
        ("constant view", CONSTANT_URL, "the floor: whole middleware stack, trivial view"),
        ("static file", stylesheet.group(1), "whitenoise"),
        ("home", "/", ""),
        ("legal framework", "/legal-framework/", ""),
        ("article", "/legal-framework/palermo-protocol/", ""),
        ("search results", "/search/?q=trafficking", ""),
        ("form page", SIGN_UP_PATHS[0], "sign-up form page (CSRF token: never cached)"),
    ]


def parse_duration(text):
    """wrk's latency (e.g. 850.00us, 12.3ms, 1.2s, 1.1m) in milliseconds."""
    found = re.match(r"([\d.]+)(us|ms|s|m)$", text)
    if not found:
        return float("nan")
    value, unit = found.groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def run_wrk(base, path):
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{CONNECTIONS}",
            f"-d{DURATION}s",
            "--latency",
            base + path,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
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
    return {
        "rps": float(rps.group(1)),
        "p50": parse_duration(p50.group(1)),
        "p99": parse_duration(p99.group(1)),
        "errors": errors,
    }


def load_test(visitor, pages):
    print(
        f"\n== Through gunicorn ({WORKERS} sync workers), "
        f"wrk {CONNECTIONS} connections, {DURATION}s each"
    )
    print("   Pages come from the page cache. The constant view is measured again before and")
    print("   after each target, and the ratio uses the mean of those two runs, so that load")
    print("   from other work on the machine drifts out of the ratio.")
    print(f"{'':18}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'x const':>9}  note")
    constant_name, constant_path, constant_note = pages[0]
    for path in (path for _name, path, _note in pages):
        for _ in range(3):
            visitor.get(path)  # fill the page cache and the workers' process caches
    before = run_wrk(visitor.base, constant_path)
    print_row(constant_name, before, before["rps"], constant_note)
    total_errors = before["errors"]
    for name, path, note in pages[1:]:
        result = run_wrk(visitor.base, path)
        after = run_wrk(visitor.base, constant_path)
        floor = (before["rps"] + after["rps"]) / 2
        print_row(name, result, floor, note or path)
        total_errors += result["errors"] + after["errors"]
        before = after
    print(f"errors under load, all runs: {total_errors}")


def print_row(name, result, floor, note):
    print(
        f"{name:18}{result['rps']:9.0f}{result['p50']:9.2f}{result['p99']:9.2f}"
        f"{result['errors']:8d}{result['rps'] / floor:9.2f}  {note}"
    )


def time_in_process(client, path):
    from django.db import connection

    for _ in range(10):
        client.get(path)
    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        status = client.get(path).status_code
    if status != 200:
        fail(f"{path} answered {status} in process.")
    timings = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        client.get(path)
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000, len(queries)


def in_process(pages):
    from django.test import Client, override_settings

    print(f"\n== In process, Django test client, page cache off, median of {REPEAT} runs")
    print("   'content cache': site, settings, menus and page objects from the shared cache")
    print("   (as for form pages); 'nothing cached': every query runs (first visit after a")
    print("   publish).")
    header = f"{'':18}{'ms':>8}{'x const':>9}{'queries':>9}{'ms':>8}{'x const':>9}{'queries':>9}"
    print(f"{'':18}{'---- content cache ----':>26}{'---- nothing cached ----':>26}")
    print(header)
    client = Client()
    floors = {}
    for name, path, _note in pages:
        if name == "static file":
            continue
        row = f"{name:18}"
        for content_cache in (True, False):
            with override_settings(PAGE_CACHE_SECONDS=0, CONTENT_CACHE=content_cache):
                median, queries = time_in_process(client, path)
            floor = floors.setdefault(content_cache, median)
            row += f"{median:8.2f}{median / floor:9.1f}{queries:9d}"
        print(row)


def main():
    check_environment()
    with production_server(
        os.environ["DATABASE_URL"],
        redis_url=os.environ["REDIS_URL"],
        settings=BENCHMARK_SETTINGS,
        port=PORT,
        workers=WORKERS,
        migrate=True,
        # No access log; and recycling workers mid-run (max_requests) only adds noise here.
        gunicorn_args=["--access-logfile", "/dev/null", "--max-requests", "0"],
    ) as server:
        visitor = Visitor(server.url)
        pages = targets(visitor)
        load_test(visitor, pages)
    setup_django(server.env)
    in_process(pages)


if __name__ == "__main__":
    main()
