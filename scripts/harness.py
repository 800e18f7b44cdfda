"""One production server and one form-filling visitor, for the scripts and the tests.

    with production_server(database_url, workers=2) as server:
        visitor = Visitor(server.url)
        form = visitor.forms("/partner-with-us/become-an-advocate/")[0]
        visitor.submit(form, token="ab12")   # a 302 to the thank-you page

The server is the real gunicorn with production settings (or the benchmark's) on plain HTTP
on the loopback; the visitor keeps its own cookies, never follows a redirect, and fills in
every field a person can see with a plausible answer. Over 300 lines on purpose: the issue
asks for one module that every script and test shares, not one per script.
"""

import http.cookiejar
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parents[1]
PRODUCTION_SETTINGS = "nmpaa_site.settings.production"
BENCHMARK_SETTINGS = "scripts.bench.settings"
# The sign-up pages load_site_content builds.
SIGN_UP_PATHS = (
    "/partner-with-us/become-an-advocate/",
    "/partner-with-us/partner-sign-up/",
    "/partner-with-us/request-a-training/",
)


# -- The server ---------------------------------------------------------------------------


@dataclass
class Server:
    url: str
    log_path: Path
    process: subprocess.Popen
    env: dict


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(database_url, port, folder, *, settings, workers, redis_url, **overrides):
    """The environment of a local production run: throwaway key, plain HTTP, no DEBUG."""
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE=settings,
        # Fixed, so that servers started side by side share sessions; never deployed.
        SECRET_KEY="local-server-only-not-secret-" + "x" * 30,
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        HTTPS="false",
        DATABASE_URL=database_url,
        STATIC_ROOT=str(folder / "static"),
        MEDIA_ROOT=str(folder / "media"),  # uploads and the help lines file stay in the run
        HOST="127.0.0.1",
        PORT=str(port),
        WEB_CONCURRENCY=str(workers),
        PYTHONPATH=str(REPO),  # the benchmark's settings live in scripts/bench/
        PYTHONUNBUFFERED="1",
    )
    env.pop("DEBUG", None)
    env.pop("REDIS_URL", None)
    if redis_url:
        env["REDIS_URL"] = redis_url
    env.update({name: str(value) for name, value in overrides.items()})
    return env


def manage(env, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        timeout=600,
    )


def create_database(url):
    """Create the PostgreSQL database the URL names, unless it exists."""
    import psycopg

    name = urllib.parse.urlparse(url).path.lstrip("/")
    with psycopg.connect(url, dbname="postgres", autocommit=True) as connection:
        found = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if found.fetchone() is None:
            connection.execute(f'CREATE DATABASE "{name}"')


@contextmanager
def production_server(
    database_url,
    *,
    workers=1,
    port=None,
    folder=None,
    settings=PRODUCTION_SETTINGS,
    redis_url=None,
    migrate=False,
    gunicorn_args=(),
    **environment,
):
    """Collect static files, start gunicorn, wait for an answer, yield a Server, stop it.

    migrate=True also creates the database if missing, migrates it and loads the site's
    content. The static files and the server's log go to `folder` (default var/server-PORT),
    the log to a file so that a chatty server can never fill a pipe and stall; extra keyword
    arguments are environment variables for the server.
    """
    port = port or free_port()
    folder = Path(folder or REPO / "var" / f"server-{port}")
    folder.mkdir(parents=True, exist_ok=True)
    env = production_env(
        database_url,
        port,
        folder,
        settings=settings,
        workers=workers,
        redis_url=redis_url,
        **environment,
    )
    if migrate:
        create_database(database_url)
        manage(env, "migrate", "--no-input", "-v0")
        manage(env, "load_site_content")
    manage(env, "collectstatic", "--no-input", "-v0")
    log_path = folder / "gunicorn.log"
    command = [sys.executable, "-m", "gunicorn", "-c", "nmpaa_site/gunicorn.conf.py"]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [*command, *gunicorn_args], cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    server = Server(f"http://127.0.0.1:{port}", log_path, process, env)
    try:
        wait_for_answer(server)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def worker_pids(master_pid):
    """The process ids of a gunicorn master's workers."""
    pids = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master_pid:
            pids.append(int(stat.parent.name))
    return pids


def wait_for_answer(server, seconds=60):
    """Until the server answers anything at all (a 503 too); fail with its log if it died."""
    visitor = Visitor(server.url)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            break
        if visitor.get("/robots.txt", timeout=5).status is not None:
            return
        time.sleep(0.2)
    tail = server.log_path.read_text(errors="replace")[-3000:]
    raise RuntimeError(f"gunicorn never answered on {server.url}; its log ends:\n{tail}")


def setup_django(env):
    """Use the server's settings in this process too (to read what it stored)."""
    os.environ.update(env)
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    import django

    django.setup()


# -- The visitor --------------------------------------------------------------------------


class Answer(NamedTuple):
    status: int | None  # None: the server never answered (refused, reset, timed out)
    headers: dict
    text: str  # with no answer: what went wrong, "ExceptionName: message"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """A 302 (to the thank-you page, to the login) is the answer to look at, not to follow."""

    def redirect_request(self, *args, **kwargs):
        return None


class Visitor:
    """One person with a browser: their own cookies, at the site at `base`."""

    def __init__(self, base):
        self.base = base.rstrip("/")
        self.cookies = http.cookiejar.CookieJar()
        processor = urllib.request.HTTPCookieProcessor(self.cookies)
        self.opener = urllib.request.build_opener(processor, NoRedirect)

    def get(self, path, data=None, headers=None, timeout=30):
        """A path or a full URL; data (a dict, or bytes as they are) makes it a POST."""
        url = path if "://" in path else self.base + path
        if isinstance(data, dict):
            data = urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(url, data=data, headers=headers or {})
        try:
            with self.opener.open(request, timeout=timeout) as response:
                return Answer(response.status, response.headers, read(response))
        except urllib.error.HTTPError as error:
            return Answer(error.code, error.headers, read(error))
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            reason = getattr(error, "reason", error)  # what a URLError wraps
            return Answer(None, {}, f"{type(reason).__name__}: {reason}")

    def forms(self, path):
        """The forms on a page, as the visitor gets it."""
        answer = self.get(path)
        if answer.status != 200:
            raise FormPageUnavailable(answer)
        return page_forms(answer.text, self.base + path if "://" not in path else path)

    def fill_in(self, form, token=None, overrides=None):
        """Fetch the form's page again (fresh CSRF and form tokens) and answer every field."""
        fresh = next((f for f in self.forms(form.page_url) if f.action == form.action), form)
        return {**fill(fresh, token), **(overrides or {})}

    def send(self, form, data):
        return self.get(form.action, data, headers={"Referer": form.page_url})

    def submit(self, form, token=None, overrides=None):
        return self.send(form, self.fill_in(form, token, overrides))


def read(response):
    return response.read().decode("utf-8", "replace")


class FormPageUnavailable(Exception):
    """The form's page did not load, so a person would have had no form to send."""

    def __init__(self, answer):
        super().__init__(answer.status)
        self.answer = answer


@dataclass
class Form:
    page_url: str
    action: str
    method: str
    fields: dict = field(default_factory=dict)  # name -> (kind, default value)

    @property
    def is_sign_up(self):
        return self.method == "post" and "q" not in self.fields


VOID_ELEMENTS = {"input", "br", "hr", "img", "meta", "link", "source", "wbr", "area", "col"}


class PageParser(HTMLParser):
    """The links and forms of a page; a field inside a hidden box is kind "unseen"."""

    def __init__(self, page_url):
        super().__init__(convert_charrefs=True)
        self.page_url = page_url
        self.links = []
        self.forms = []
        self.select = None
        self.unseen = None  # [tag, depth] of an element hidden from people (a honeypot's box)

    def track_unseen(self, tag, attrs):
        if self.unseen is None:
            if "hidden" in attrs or attrs.get("aria-hidden") == "true":
                self.unseen = [tag, 1]
        elif tag == self.unseen[0]:
            self.unseen[1] += 1

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag not in VOID_ELEMENTS:
            self.track_unseen(tag, attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(urllib.parse.urljoin(self.page_url, attrs["href"]))
        elif tag == "form":
            action = urllib.parse.urljoin(self.page_url, attrs.get("action") or self.page_url)
            method = (attrs.get("method") or "get").lower()
            self.forms.append(Form(self.page_url, action, method))
        elif tag == "option" and self.forms and self.select and attrs.get("value"):
            kind, value = self.forms[-1].fields[self.select]
            if not value:
                self.forms[-1].fields[self.select] = (kind, attrs["value"])
        elif not self.forms or not attrs.get("name"):
            return
        elif tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in {"submit", "button", "image", "reset"}:
                return
            if self.unseen is not None:
                kind = "unseen"  # a person never sees it, so never fills it in
            if kind in {"checkbox", "radio"}:
                self.forms[-1].fields.setdefault(attrs["name"], (kind, attrs.get("value", "on")))
            else:
                self.forms[-1].fields[attrs["name"]] = (kind, attrs.get("value", ""))
        elif tag == "textarea":
            self.forms[-1].fields[attrs["name"]] = ("textarea", "")
        elif tag == "select":
            self.select = attrs["name"]
            self.forms[-1].fields[self.select] = ("select", "")

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None
        if self.unseen is not None and tag == self.unseen[0]:
            self.unseen[1] -= 1
            if not self.unseen[1]:
                self.unseen = None


def page_forms(html, page_url):
    parser = PageParser(page_url)
    parser.feed(html)
    return parser.forms


TYPED = {"text", "textarea", "email"}  # fields a person types in (a token can go there)


def fill(form, token=None):
    """A plausible answer for every field; with a token, it goes into the email and names."""
    fields = form.fields.items()
    return {name: answer(name, kind, default, token) for name, (kind, default) in fields}


def answer(name, kind, default, token):
    lowered = name.lower()
    if token and kind in TYPED:
        if "email" in lowered:
            return f"visitor+{token}@example.org"
        if any(word in lowered for word in ("name", "organisation", "organization", "message")):
            return f"Visitor {token}"
    if kind == "unseen":
        return ""
    if kind in {"checkbox", "radio", "select", "hidden"}:
        return default  # before the name rules: "voicemail" is not an email field
    if kind == "email" or "email" in lowered:
        return "tester@example.org"
    if kind == "tel" or "phone" in lowered:
        return "+12025550123"
    if kind == "url":
        return "https://example.org/"
    if kind == "date":
        return "2000-01-01"
    if lowered.endswith("_on") or "date" in lowered:
        return "01/15/2025"  # a date typed as US readers write it
    if "zip" in lowered or "postal" in lowered:
        return "20001"
    if kind == "number":
        return "20"
    return default or "Test value"


TOKEN = re.compile(r"(?:visitor\+|Visitor )([0-9a-f]{8,32})")


def rows_per_token():
    """How many outreach rows carry each visitor's token (needs setup_django first)."""
    from django.apps import apps
    from django.db import models

    counts = Counter()
    for model in apps.get_app_config("outreach").get_models():
        text = [f.attname for f in model._meta.fields if isinstance(f, models.CharField)]
        text += [f.attname for f in model._meta.fields if isinstance(f, models.TextField)]
        for row in model.objects.values_list(*text):
            counts.update({match for value in row if value for match in TOKEN.findall(str(value))})
    return counts


def discover(base, max_pages=80):
    """Every same-site page reachable from the home page, and the forms on them."""
    visitor = Visitor(base)
    origin = urllib.parse.urlsplit(visitor.base).netloc
    queue, seen, forms = [visitor.base + "/"], set(), {}
    while queue and len(seen) < max_pages:
        url = urllib.parse.urldefrag(queue.pop(0))[0]
        parts = urllib.parse.urlsplit(url)
        if url in seen or parts.netloc != origin or parts.path.startswith(("/admin", "/static")):
            continue
        seen.add(url)
        page = visitor.get(url)
        if page.status != 200:
            continue
        parser = PageParser(url)
        parser.feed(page.text)
        forms.update({(form.action, form.method): form for form in parser.forms})
        queue.extend(link for link in parser.links if link not in seen)
    return sorted(seen), list(forms.values())


def is_clean_error_page(text):
    """A 5xx a visitor can live with: plain words and the phone number, no technical detail."""
    return "tel:" in text and not any(word in text for word in ("Traceback", "OperationalError"))


def main():
    """Serve a test instance for the scripts that take a URL, until Ctrl-C."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("database_url", help="a PostgreSQL database (created if missing)")
    parser.add_argument("--port", type=int, default=8300)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()
    with production_server(
        args.database_url,
        port=args.port,
        workers=args.workers,
        migrate=True,
        # One machine sends everything, at once: no per-address limit, no "too fast" check.
        OUTREACH_RATE_LIMITS="off",
        OUTREACH_MIN_FILL_SECONDS="0",
    ) as server:
        print(f"serving {server.url} (log: {server.log_path}); Ctrl-C stops it", flush=True)
        try:
            server.process.wait()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
