"""Benchmark the sign-up forms: gunicorn on PostgreSQL, 500 submissions from 32 clients.

Not a test: it prints figures. It makes (or reuses) its own database, serves the site with
the production settings and rate limiting off, has every client fetch the form (for the
CSRF cookie and token and the signed timing token) and post it, then counts the rows:

    python -m scripts.bench.submissions      (or: make bench-submissions)

Environment: BENCH_DATABASE_URL (default postgres://root@127.0.0.1:5432/nmpaa_bench),
BENCH_PORT (8180), BENCH_SUBMISSIONS (500), BENCH_CLIENTS (32), BENCH_WORKERS (2),
BENCH_THREADS (4: threads overlap the waits on PostgreSQL), BENCH_REPEAT (in-process
submissions, 200).
"""

import os
import resource
import statistics
import threading
import time
import urllib.parse
import uuid
from pathlib import Path

from scripts.harness import (
    SIGN_UP_PATHS,
    Visitor,
    fill,
    page_forms,
    production_server,
    rows_per_token,
    setup_django,
)

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://root@127.0.0.1:5432/nmpaa_bench")
PORT = int(os.environ.get("BENCH_PORT", "8180"))
SUBMISSIONS = int(os.environ.get("BENCH_SUBMISSIONS", "500"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "32"))
WORKERS = os.environ.get("BENCH_WORKERS", "2")
THREADS = os.environ.get("BENCH_THREADS", "4")
REPEAT = int(os.environ.get("BENCH_REPEAT", "200"))
WARM_UP = min(60, SUBMISSIONS)  # submissions before the timed run, not counted


def sign_up_forms(base):
    visitor = Visitor(base)
    return [next(f for f in visitor.forms(path) if f.is_sign_up) for path in SIGN_UP_PATHS]


def run_clients(base, forms, submissions=SUBMISSIONS):
    """Each client a new visitor per submission; returns (seconds, failures, tokens)."""
    counter = iter(range(submissions))
    lock = threading.Lock()
    failures, tokens = [], []

    def client():
        while True:
            with lock:
                number = next(counter, None)
            if number is None:
                return
            token = uuid.uuid4().hex[:16]
            tokens.append(token)
            try:
                status = Visitor(base).submit(forms[number % len(forms)], token).status
                if status != 302:
                    failures.append(status)
            except Exception as error:  # noqa: BLE001 - a failure is a figure to print
                failures.append(repr(error)[:120])

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return time.monotonic() - started, failures, tokens


def cpu_seconds(pid):
    """User plus system CPU time of a process and its live children, from /proc."""
    pids = [pid]
    try:
        pids += [
            int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        ]
    except OSError:
        return 0.0
    ticks = 0
    for each in pids:
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def in_process_cost():
    """Median cost of one GET and one POST through the whole stack in one process, no network."""
    import logging

    from django.test import Client

    logging.disable(logging.CRITICAL)
    path = SIGN_UP_PATHS[0]
    client = Client(enforce_csrf_checks=True, HTTP_HOST="localhost")
    gets, posts, cpu = [], [], []
    for number in range(REPEAT + 20):
        client.cookies.clear()
        started, cpu_started = time.perf_counter(), time.process_time()
        html = client.get(path).content.decode()
        middle = time.perf_counter()
        form = next(f for f in page_forms(html, path) if f.is_sign_up)
        data = fill(form, uuid.uuid4().hex[:16])
        middle_2 = time.perf_counter()
        body = urllib.parse.urlencode(data)
        answer = client.post(path, body, content_type="application/x-www-form-urlencoded")
        assert answer.status_code == 302, answer.status_code
        if number >= 20:  # the first ones fill the caches
            gets.append(middle - started)
            posts.append(time.perf_counter() - middle_2)
            cpu.append(time.process_time() - cpu_started)
    return [statistics.median(times) * 1000 for times in (gets, posts, cpu)]


def main():
    with production_server(
        DATABASE_URL,
        port=PORT,
        workers=WORKERS,
        migrate=True,
        GUNICORN_THREADS=THREADS,
        GUNICORN_LOG_LEVEL="warning",
        OUTREACH_RATE_LIMITS="off",
        OUTREACH_MIN_FILL_SECONDS="0",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    ) as server:
        forms = sign_up_forms(server.url)
        # Every worker compiles its templates and opens its connection before the clock starts.
        run_clients(server.url, forms, submissions=WARM_UP)
        load_before = os.getloadavg()[0]
        server_cpu = cpu_seconds(server.process.pid)
        client_cpu = resource.getrusage(resource.RUSAGE_SELF)
        elapsed, failures, tokens = run_clients(server.url, forms)
        server_cpu = cpu_seconds(server.process.pid) - server_cpu
        client_after = resource.getrusage(resource.RUSAGE_SELF)
        client_cpu = (client_after.ru_utime - client_cpu.ru_utime) + (
            client_after.ru_stime - client_cpu.ru_stime
        )
        load_after = os.getloadavg()[0]

    setup_django(server.env)
    rows = rows_per_token()
    print(
        f"{SUBMISSIONS} submissions from {CLIENTS} clients to gunicorn "
        f"({WORKERS} workers x {THREADS} threads) on PostgreSQL in {elapsed:.1f}s"
    )
    print(f"submissions/s: {SUBMISSIONS / elapsed:.1f} (each one a GET of the form and its POST)")
    print(f"failed requests: {len(failures)}{' e.g. ' + str(failures[:3]) if failures else ''}")
    lost = sum(rows[token] == 0 for token in tokens)
    duplicated = sum(rows[token] - 1 for token in tokens if rows[token] > 1)
    print(f"lost: {lost}, duplicated: {duplicated}")
    print(
        f"CPU per submission: gunicorn {server_cpu / SUBMISSIONS * 1000:.1f} ms, "
        f"benchmark clients {client_cpu / SUBMISSIONS * 1000:.1f} ms "
        f"(PostgreSQL's own not counted)"
    )
    print(
        f"load average (1 min) before/after: {load_before:.1f}/{load_after:.1f} "
        f"on {os.cpu_count()} CPUs",
        flush=True,
    )
    get_ms, post_ms, cpu_ms = in_process_cost()
    print(
        f"in process, no network (median of {REPEAT}): GET {get_ms:.2f} ms, "
        f"POST {post_ms:.2f} ms, CPU {cpu_ms:.2f} ms per submission"
    )


if __name__ == "__main__":
    main()
