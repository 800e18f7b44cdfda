"""Benchmark the sign-up forms: gunicorn on PostgreSQL, 500 submissions from 32 clients.

Not a test: it prints figures. It makes (or reuses) its own database, serves the site with
the production settings and rate limiting off, has every client fetch the form (for the
CSRF cookie and token and the signed timing token) and post it, then counts the rows:

    .venv/bin/python scripts/bench_submissions.py      (or: make bench)

Environment: BENCH_DATABASE_URL (default postgres://root@127.0.0.1:5432/nmpaa_bench),
BENCH_PORT (8180), BENCH_SUBMISSIONS (500), BENCH_CLIENTS (32), BENCH_WORKERS (2),
BENCH_THREADS (4: threads overlap the waits on PostgreSQL).
"""

import http.cookiejar
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import psycopg

REPO = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))

DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://root@127.0.0.1:5432/nmpaa_bench")
PORT = int(os.environ.get("BENCH_PORT", "8180"))
SUBMISSIONS = int(os.environ.get("BENCH_SUBMISSIONS", "500"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "32"))
WORKERS = os.environ.get("BENCH_WORKERS", "2")
THREADS = os.environ.get("BENCH_THREADS", "4")
WARM_UP = 60  # submissions before the timed run, not counted

FORMS = {
    "/partner-with-us/become-an-advocate/": (
        "outreach_advocatesignup",
        {
            "name": "Bench Advocate",
            "city": "Baltimore",
            "state": "MD",
            "interests": "outreach",
            "contact_methods": "email",
            "consent": "on",
        },
    ),
    "/partner-with-us/partner-sign-up/": (
        "outreach_partnersignup",
        {
            "organisation": "Bench Org",
            "organisation_type": "ngo",
            "name": "Bench Partner",
            "city": "Atlanta",
            "state": "GA",
            "areas": "events",
            "contact_methods": "phone",
            "phone": "(212) 555-0100",
            "consent": "on",
        },
    ),
    "/partner-with-us/request-a-training/": (
        "outreach_trainingrequest",
        {
            "organisation": "Bench School",
            "name": "Bench Teacher",
            "city": "Chicago",
            "state": "IL",
            "audiences": "teens",
            "expected_attendees": "30",
            "preferred_dates": "March",
            "delivery": "online",
            "contact_methods": "email",
            "consent": "on",
        },
    ),
}


def ensure_database():
    name = urllib.parse.urlparse(DATABASE_URL).path.lstrip("/")
    with psycopg.connect(DATABASE_URL, dbname="postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


def server_env(static_root):
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="nmpaa_site.settings.production",
        SECRET_KEY="bench-only-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=DATABASE_URL,
        STATIC_ROOT=static_root,
        HOST="127.0.0.1",
        PORT=str(PORT),
        WEB_CONCURRENCY=WORKERS,
        GUNICORN_THREADS=THREADS,
        GUNICORN_LOG_LEVEL="warning",
        HTTPS="false",
        OUTREACH_RATE_LIMITS="off",
        OUTREACH_MIN_FILL_SECONDS="0",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    env.pop("DEBUG", None)
    env.pop("REDIS_URL", None)
    return env


def prepare(env):
    for command in (
        ["migrate", "--no-input", "-v0"],
        ["load_site_content"],
        ["collectstatic", "--no-input", "-v0"],
    ):
        subprocess.run(
            [PYTHON, "manage.py", *command],
            cwd=REPO,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )


def wait_for(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except (urllib.error.URLError, OSError):  # refused, reset or timed out while starting
            time.sleep(0.2)
    sys.exit(f"bench: gunicorn never answered {url}")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """The 302 to the thank-you page is the answer we time; the thank-you page is not."""

    def redirect_request(self, *args, **kwargs):
        return None


def submit_once(base, path, fields, email):
    """Fetch the form like a browser, then post it; return the POST's HTTP status."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    html = opener.open(base + path, timeout=30).read().decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    data = dict(fields, email=email, csrfmiddlewaretoken=csrf, form_token=token)
    body = urllib.parse.urlencode(data).encode()
    request = urllib.request.Request(base + path, data=body, headers={"Referer": base + path})
    try:
        with opener.open(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as answer:
        return answer.code


def run_clients(base, run_id, submissions=SUBMISSIONS):
    paths = list(FORMS)
    counter = iter(range(submissions))
    lock = threading.Lock()
    failures = []

    def client():
        while True:
            with lock:
                number = next(counter, None)
            if number is None:
                return
            path = paths[number % len(paths)]
            email = f"bench-{run_id}-{number}@example.org"
            try:
                status = submit_once(base, path, FORMS[path][1], email)
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
    return time.monotonic() - started, failures


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


def in_process_cost(env, repetitions=200):
    """Median cost of one GET and one POST through the whole stack in one process, no network."""
    code = f"""
import re, statistics, time, urllib.parse, uuid, logging
import django
django.setup()
logging.disable(logging.CRITICAL)
from django.test import Client
path, fields = {list(FORMS.items())[0][0]!r}, {list(FORMS.values())[0][1]!r}
client = Client(enforce_csrf_checks=True, HTTP_HOST="localhost")
gets, posts, cpu = [], [], []
for number in range({repetitions} + 20):
    client.cookies.clear()
    started, cpu_started = time.perf_counter(), time.process_time()
    html = client.get(path).content.decode()
    middle = time.perf_counter()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    data = dict(fields, email=f"inprocess-{{uuid.uuid4().hex}}@example.org",
                csrfmiddlewaretoken=csrf, form_token=token)
    body = urllib.parse.urlencode(data)
    middle_2 = time.perf_counter()
    answer = client.post(path, body, content_type="application/x-www-form-urlencoded")
    assert answer.status_code == 302, answer.status_code
    if number >= 20:  # the first ones fill the caches
        gets.append(middle - started)
        posts.append(time.perf_counter() - middle_2)
        cpu.append(time.process_time() - cpu_started)
print(f"{{statistics.median(gets) * 1000:.2f}} {{statistics.median(posts) * 1000:.2f}} "
      f"{{statistics.median(cpu) * 1000:.2f}}")
"""
    done = subprocess.run([PYTHON, "-c", code], cwd=REPO, env=env, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"bench: the in-process run failed:\n{done.stderr[-2000:]}")
    return [float(value) for value in done.stdout.split()[-3:]]


def count_rows(run_id):
    total = distinct = 0
    with psycopg.connect(DATABASE_URL) as conn:
        for table, _fields in FORMS.values():
            row = conn.execute(
                f"SELECT count(*), count(DISTINCT email) FROM {table} WHERE email LIKE %s",
                [f"bench-{run_id}-%"],
            ).fetchone()
            total += row[0]
            distinct += row[1]
    return total, distinct


def main():
    ensure_database()
    run_id = uuid.uuid4().hex[:8]
    with tempfile.TemporaryDirectory() as static_root:
        env = server_env(static_root)
        prepare(env)
        log = open(Path(tempfile.gettempdir()) / f"bench-gunicorn-{PORT}.log", "w")  # noqa: SIM115
        server = subprocess.Popen(
            [GUNICORN, "-c", "nmpaa_site/gunicorn.conf.py"],  # no access log, as in production
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{PORT}"
        try:
            wait_for(base + "/robots.txt")
            # Every worker compiles its templates and opens its connection before the clock starts.
            run_clients(base, f"warm-up-{run_id}", submissions=WARM_UP)
            load_before = os.getloadavg()[0]
            server_cpu = cpu_seconds(server.pid)
            client_cpu = resource.getrusage(resource.RUSAGE_SELF)
            elapsed, failures = run_clients(base, run_id)
            server_cpu = cpu_seconds(server.pid) - server_cpu
            client_after = resource.getrusage(resource.RUSAGE_SELF)
            client_cpu = (client_after.ru_utime - client_cpu.ru_utime) + (
                client_after.ru_stime - client_cpu.ru_stime
            )
            load_after = os.getloadavg()[0]
        finally:
            server.terminate()
            server.wait(timeout=30)
            log.close()

        total, distinct = count_rows(run_id)
        print(
            f"{SUBMISSIONS} submissions from {CLIENTS} clients to gunicorn "
            f"({WORKERS} workers x {THREADS} threads) on PostgreSQL in {elapsed:.1f}s"
        )
        print(
            f"submissions/s: {SUBMISSIONS / elapsed:.1f} (each one a GET of the form and its POST)"
        )
        print(f"failed requests: {len(failures)}{' e.g. ' + str(failures[:3]) if failures else ''}")
        print(f"lost: {SUBMISSIONS - distinct}, duplicated: {total - distinct}")
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
        get_ms, post_ms, cpu_ms = in_process_cost(env)
        print(
            f"in process, no network (median of 200): GET {get_ms:.2f} ms, "
            f"POST {post_ms:.2f} ms, CPU {cpu_ms:.2f} ms per submission"
        )


if __name__ == "__main__":
    main()
