#!/usr/bin/env python3
"""Send hostile input to the search box and every public form; report 5xx and reflections.

    .venv/bin/python -m scripts.hostile_inputs http://127.0.0.1:8300

Run it against a test instance: form submissions it sends are saved like any other.
Exit status 1 if any request got a 5xx, no answer, or echoed our marker unescaped.
"""

import argparse
import sys
import urllib.parse

from scripts.harness import FormPageUnavailable, Visitor, discover

MARKER = "<script>alert('nmpaa-xss')</script>"
TEXT_PAYLOADS = {
    "script tag": MARKER,
    "attribute breakout": "\"><img src=x onerror=alert('nmpaa-xss')>",
    "sql metacharacters": "' OR '1'='1'; DROP TABLE wagtailcore_page; --",
    "nul byte": "before\x00after",
    "control characters": "a\x01\x07\x1b[31m\x7fb",
    "100 kB": "A" * 100_000,
    "unicode tricks": "\u202eevil\ufeff\U0001f600\u0000",
    "crlf header injection": "tester@example.org\r\nBcc: victim@example.org",
}
# Raw, already-percent-encoded values: bytes that are not valid UTF-8.
RAW_PAYLOADS = {"invalid utf-8": "%FF%FE%C0%AE", "overlong nul": "%C0%80"}
REFLECTION_MARKERS = ("<script>alert('nmpaa-xss')", "<img src=x onerror=alert('nmpaa-xss')")


class Sweep:
    def __init__(self):
        self.requests = 0
        self.findings = []

    def check(self, label, status, body):
        self.requests += 1
        if status is None or status >= 500:
            self.findings.append(f"{label}: status {status}")
        elif any(marker in body for marker in REFLECTION_MARKERS):
            self.findings.append(f"{label}: marker reflected unescaped")


def sweep_search(base, sweep):
    visitor = Visitor(base)
    urls = {f"search {name}": "/search/?" + urllib.parse.urlencode({"q": value})
            for name, value in TEXT_PAYLOADS.items()}  # fmt: skip
    urls |= {f"search {name}": f"/search/?q={raw}" for name, raw in RAW_PAYLOADS.items()}
    urls |= {f"search page={page}": f"/search/?q=a&page={page}"
             for page in ("%00", "-1", "abc", "9" * 30)}  # fmt: skip
    urls["very long URL"] = f"/{'a' * 8000}/"
    urls["very long query"] = f"/search/?q={'b' * 60_000}"
    for label, url in urls.items():
        status, _headers, text = visitor.get(url)
        sweep.check(label, status, text)


def sweep_form(base, form, sweep):
    try:
        sweep_fields(Visitor(base), form, sweep)
    except FormPageUnavailable as failure:
        sweep.check(f"{form.page_url} (form page)", failure.answer.status, failure.answer.text)


def sweep_fields(visitor, form, sweep):
    for field_name in form.fields:
        if field_name == "csrfmiddlewaretoken":
            continue
        for name, value in TEXT_PAYLOADS.items():
            status, _headers, text = visitor.submit(form, overrides={field_name: value})
            sweep.check(f"{form.action} {field_name} {name}", status, text)
        for name, raw in RAW_PAYLOADS.items():
            values = visitor.fill_in(form)
            values.pop(field_name, None)
            data = (urllib.parse.urlencode(values) + f"&{field_name}={raw}").encode()
            status, _headers, text = visitor.send(form, data)
            sweep.check(f"{form.action} {field_name} {name}", status, text)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base_url")
    parser.add_argument("--search-only", action="store_true", help="skip the sign-up forms")
    args = parser.parse_args()
    base = args.base_url.rstrip("/")

    sweep = Sweep()
    sweep_search(base, sweep)
    print(f"search box: {sweep.requests} hostile requests")

    if not args.search_only:
        pages, forms = discover(base)
        posts = [form for form in forms if form.is_sign_up]
        print(f"crawled {len(pages)} pages, found {len(posts)} sign-up form(s)")
        if not posts:
            print("no sign-up forms linked from the home page: form sweep skipped")
        for form in posts:
            before = sweep.requests
            sweep_form(base, form, sweep)
            print(f"{form.action}: {sweep.requests - before} hostile requests")

    print(f"total: {sweep.requests} requests, {len(sweep.findings)} finding(s)")
    for finding in sweep.findings:
        print(f"  FAIL {finding}")
    return 1 if sweep.findings else 0


if __name__ == "__main__":
    sys.exit(main())
