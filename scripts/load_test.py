"""Sign-ups under load: N submissions from W concurrent clients while R clients read pages.

    DATABASE_URL=postgres://… .venv/bin/python -m scripts.load_test http://127.0.0.1:8300

Run against gunicorn on PostgreSQL with sign-up rate limits relaxed (one machine sends
everything). Each submission carries a unique token in its email and text fields; at the
end every accepted submission (a redirect to the thank-you page) must match exactly one
row in the outreach tables, and no response may be a 5xx other than a clean 503.
Forms are found by following links from the home page; with none, it says so and stops.
"""

import argparse
import os
import random
import statistics
import sys
import threading
import time
import urllib.parse
import uuid
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor

from scripts.harness import (
    PRODUCTION_SETTINGS,
    FormPageUnavailable,
    Visitor,
    discover,
    is_clean_error_page,
    rows_per_token,
    setup_django,
)

DROPPED_CONNECTION = ("without response", "reset by peer", "Connection aborted", "EOF occurred")
# What a client meets when no answer comes, by the exception Visitor.get names.
NO_ANSWER_KINDS = {
    "ConnectionRefusedError": "connection refused",
    "RemoteDisconnected": "closed without an answer",
    "ConnectionResetError": "connection reset",
    "ConnectionAbortedError": "connection aborted",
    "BrokenPipeError": "broken pipe",
    "TimeoutError": "timed out",
}


_run_started = time.monotonic()


def seconds_into_run():
    """Seconds since run() started: the clock of the no-answer report and of the faults."""
    return time.monotonic() - _run_started


def no_answer_kind(text):
    """ "timed out", "connection refused"...: what a request with no answer met."""
    name = text.split(":", 1)[0]
    return NO_ANSWER_KINDS.get(name, text[:80])


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.statuses = Counter()
        self.read_statuses = Counter()
        self.accepted_tokens = []
        self.accepted_per_form = Counter()
        self.latencies = []
        self.unclean_error_pages = 0
        self.dropped_tokens = []  # connections closed with no answer at all
        # what the client met -> seconds into the run, for sign-ups and for page reads
        self.no_answer = {"sign-ups": defaultdict(list), "page reads": defaultdict(list)}

    def classify(self, status, body, token=None, kind="sign-ups"):
        """A connection closed without an answer is "dropped"; a timeout stays None."""
        if status is None:
            self.no_answer[kind][no_answer_kind(body)].append(seconds_into_run())
        if status is None and any(word in body for word in DROPPED_CONNECTION):
            self.dropped_tokens.append(token)
            return "dropped"
        return status

    def note_error_page(self, status, body):
        if isinstance(status, int) and status >= 500 and not is_clean_error_page(body):
            self.unclean_error_pages += 1

    def record(self, status, token, seconds, form_path="", body=""):
        with self.lock:
            self.note_error_page(status, body)
            status = self.classify(status, body, token)
            self.statuses[status] += 1
            self.latencies.append(seconds)
            self.accepted_per_form[form_path] += 0
            if status in {302, 303}:
                self.accepted_tokens.append(token)
                self.accepted_per_form[form_path] += 1


def submit(base, form, results):
    visitor = Visitor(base)
    token = uuid.uuid4().hex[:16]
    started = time.monotonic()
    path = urllib.parse.urlsplit(form.action).path
    try:
        values = visitor.fill_in(form, token)
    except FormPageUnavailable as failure:
        # The visitor never got a form: that page's answer is this attempt's answer.
        status, _headers, text = failure.answer
        results.record(status, token, time.monotonic() - started, path, text)
        return
    status, _headers, text = visitor.send(form, values)
    results.record(status, token, time.monotonic() - started, path, text)


def read_pages(base, pages, results, stop):
    visitor = Visitor(base)
    while not stop.is_set():
        status, _headers, text = visitor.get(random.choice(pages))
        with results.lock:
            results.note_error_page(status, text)
            results.read_statuses[results.classify(status, text, kind="page reads")] += 1


def stored_rows(database_url):
    """How many outreach rows carry each load-test token, read with production settings."""
    setup_django(
        {
            "DATABASE_URL": database_url,
            "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", PRODUCTION_SETTINGS),
            # Only reads the database; production settings insist on these being set.
            "SECRET_KEY": os.environ.get("SECRET_KEY", "load-test-read-only-" + "r" * 40),
            "ALLOWED_HOSTS": os.environ.get("ALLOWED_HOSTS", "localhost"),
        }
    )
    return rows_per_token()


def run(
    base,
    submissions,
    writers,
    readers,
    database_url,
    during=None,
    allow_503=False,
    allow_dropped=0,
):
    pages, forms = discover(base)
    posts = [form for form in forms if form.is_sign_up]
    print(f"crawled {len(pages)} pages, found {len(posts)} sign-up form(s)")
    if not posts:
        print("no sign-up forms linked from the home page: load test skipped")
        return None
    global _run_started
    results, stop = Results(), threading.Event()
    started = _run_started = time.monotonic()
    reader_threads = [
        threading.Thread(target=read_pages, args=(base, pages, results, stop), daemon=True)
        for _ in range(readers)
    ]
    for thread in reader_threads:
        thread.start()
    with ThreadPoolExecutor(max_workers=writers) as pool:
        futures = [
            pool.submit(submit, base, posts[i % len(posts)], results) for i in range(submissions)
        ]
        if during:
            during()
        for future in futures:
            future.result()
    stop.set()
    for thread in reader_threads:
        thread.join(timeout=30)
    elapsed = time.monotonic() - started
    return report(results, elapsed, database_url, allow_503, allow_dropped)


def report(results, elapsed, database_url, allow_503, allow_dropped=0):
    """Print the figures; return the number of problems (lost, doubled, unclean errors)."""
    accepted = len(results.accepted_tokens)
    total = sum(results.statuses.values())
    latencies = sorted(results.latencies)
    rate = total / elapsed
    print(f"submissions: {total} sent in {elapsed:.1f}s ({rate:.1f}/s), {accepted} accepted")
    print(f"submission statuses: {dict(sorted(results.statuses.items(), key=str))}")
    print(f"page reads: {dict(sorted(results.read_statuses.items(), key=str))}")
    print(f"accepted per form: {dict(sorted(results.accepted_per_form.items()))}")
    for kind, met in results.no_answer.items():
        when = [f"{what}: {len(t)} (at {min(t):.1f}-{max(t):.1f}s)" for what, t in met.items()]
        print(f"{kind} with no answer, by what the client met: {', '.join(when) or 'none'}")
    # A form nothing got through is a broken form (or a broken script), not a pass.
    refused_forms = [path for path, count in results.accepted_per_form.items() if not count]
    if latencies:
        p95 = latencies[int(len(latencies) * 0.95) - 1]
        print(f"submission latency: median {statistics.median(latencies):.2f}s, p95 {p95:.2f}s")
    bad = [
        s
        for s in (*results.statuses, *results.read_statuses)
        if s is None or (isinstance(s, int) and s >= 500 and not (allow_503 and s == 503))
    ]
    counts = stored_rows(database_url)
    missing = [t for t in results.accepted_tokens if counts[t] == 0]
    doubled = [t for t in results.accepted_tokens if counts[t] > 1]
    exact = accepted - len(missing) - len(doubled)
    print(f"accepted submissions with exactly one row: {exact}/{accepted}")
    print(f"missing rows: {len(missing)}, duplicated rows: {len(doubled)}")
    print(f"error pages with technical detail or without the phone: {results.unclean_error_pages}")
    problems = len(missing) + len(doubled) + (1 if bad else 0) + len(refused_forms)
    problems += results.unclean_error_pages
    # Only a killed process closes a connection without answering; one sync worker holds one
    # request, so each SIGKILL may drop one. Its sign-up must then exist once or not at all.
    dropped = results.dropped_tokens
    dropped_submissions = [t for t in dropped if t]
    print(
        f"connections closed unanswered (killed worker): {len(dropped)} (allowed {allow_dropped});"
        f" their sign-ups saved once: {sum(counts[t] == 1 for t in dropped_submissions)},"
        f" not saved: {sum(counts[t] == 0 for t in dropped_submissions)},"
        f" saved twice: {sum(counts[t] > 1 for t in dropped_submissions)}"
    )
    if len(dropped) > allow_dropped or any(counts[t] > 1 for t in dropped_submissions):
        print("FAIL: more connections dropped than workers killed, or a dropped sign-up doubled")
        problems += 1
    if refused_forms:
        print(f"FAIL: no submission accepted by {refused_forms}")
    if bad:
        print(f"FAIL: unclean server errors: {bad}")
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url")
    parser.add_argument("--submissions", type=int, default=1000)
    parser.add_argument("--writers", type=int, default=50)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    args = parser.parse_args()
    problems = run(
        args.base_url.rstrip("/"), args.submissions, args.writers, args.readers, args.database_url
    )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
