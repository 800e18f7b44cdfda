#!/usr/bin/env python
"""Two app servers behind nginx share everything: `make scale-out` (prints what it checks).

Starts two gunicorn instances (A and B) on one PostgreSQL database (DATABASE_URL) and one
Redis (REDIS_URL), and nginx as a round-robin load balancer in front, then shows:
  1. nginx spreads requests over both instances;
  2. a page published through A's admin is served fresh by B at once, although B had it cached;
  3. a staff login made on A works on B (sessions are shared);
  4. a form submitted through the load balancer is stored once (skipped, and said so, when
     no sign-up form exists on this branch).
Everything it starts is stopped on exit. Ports: SCALE_OUT_PORT (8410) for nginx, the next
two for A and B. Settings: production + settings/benchmark.py (plain HTTP on the loopback).
"""

import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
LB_PORT = int(os.environ.get("SCALE_OUT_PORT", "8410"))
APP_PORTS = {"A": LB_PORT + 1, "B": LB_PORT + 2}
STAFF_USERNAME = "scale-out-check"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
failures = []


def fail(message):
    sys.exit(f"scale-out: {message}")


def check(passed, message):
    print(f"  {'PASS' if passed else 'FAIL'}  {message}")
    if not passed:
        failures.append(message)


class Browser:
    """A visitor with its own cookies (kept by hand, so Secure cookies work on the loopback)."""

    def __init__(self):
        self.cookies = {}

    def request(self, port, path, data=None, referer=None):
        url = f"http://127.0.0.1:{port}{path}"
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body)
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if referer:
            request.add_header("Referer", referer)
        opener = urllib.request.build_opener(NoRedirect)
        try:
            response = opener.open(request, timeout=20)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        text = response.read().decode("utf-8", "replace")
        return response.status, response.headers, text


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def csrf_token(html):
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    return found.group(1) if found else ""


def environment():
    for name in ("DATABASE_URL", "REDIS_URL"):
        if not os.environ.get(name):
            fail(f"{name} is not set; both instances must share one database and one Redis.")
    if not Path(NGINX).exists():
        fail("nginx is not installed (Debian: apt-get install nginx-light).")
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="nmpaa_site.settings.benchmark",
        SECRET_KEY=env.get("SECRET_KEY") or "scale-out-only-not-secret-" + "y" * 30,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        CSRF_TRUSTED_ORIGINS=f"http://127.0.0.1:{LB_PORT}",
        DEBUG="false",
        # Plain HTTP on the loopback: no __Host- cookies, no redirect to HTTPS.
        HTTPS="false",
        # The staff login below has no authenticator app; 2FA is proven in tests/hardening.
        WAGTAIL_2FA_REQUIRED="false",
        # The form check answers at once, as the sign-up benchmark does.
        OUTREACH_MIN_FILL_SECONDS="0",
        HOST="127.0.0.1",
        WEB_CONCURRENCY="1",
        PYTHONUNBUFFERED="1",
    )
    return env


def prepare(env):
    for args in (["migrate", "--no-input", "-v0"], ["load_site_content"]):
        subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
        )
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=env, check=True
    )
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth import get_user_model

    password = secrets.token_urlsafe(16)
    staff, _ = get_user_model().objects.get_or_create(username=STAFF_USERNAME)
    staff.is_staff = staff.is_superuser = staff.is_active = True
    staff.set_password(password)
    staff.save()
    return password


def start(command, env, log):
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )


def stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def wait_for(port):
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    fail(f"nothing answered on port {port}; see the logs printed above.")


def nginx_config(folder):
    servers = "\n".join(f"    server 127.0.0.1:{port};" for port in APP_PORTS.values())
    return f"""
daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 256; }}
http {{
  access_log off;
  client_body_temp_path {folder}/body;
  proxy_temp_path {folder}/proxy;
  fastcgi_temp_path {folder}/fastcgi;
  uwsgi_temp_path {folder}/uwsgi;
  scgi_temp_path {folder}/scgi;
  upstream app_servers {{
{servers}
  }}
  server {{
    listen 127.0.0.1:{LB_PORT};
    location / {{
      proxy_pass http://app_servers;
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      add_header X-Upstream $upstream_addr always;
    }}
  }}
}}
"""


def instance_of(headers):
    upstream = headers.get("X-Upstream", "")
    return next((name for name, port in APP_PORTS.items() if upstream.endswith(f":{port}")), "?")


def round_robin():
    print("\n1. nginx spreads requests over both app servers")
    served_by = [instance_of(Browser().request(LB_PORT, "/")[1]) for _ in range(6)]
    print(f"  six requests to / were served by: {' '.join(served_by)}")
    check({"A", "B"} <= set(served_by), "both instances answer through the load balancer")


def publish_through_a_is_fresh_on_b(password):
    print("\n2. a page published through A is served fresh by B at once")
    from wagtail.models import Page

    page = Page.objects.get(url_path="/home/legal-framework/palermo-protocol/").specific
    original_title = page.title
    url = page.url
    visitor = Browser()
    visitor.request(APP_PORTS["B"], url)
    status, headers, html = visitor.request(APP_PORTS["B"], url)
    check(
        headers.get("X-Page-Cache") == "hit",
        f"B has {url} in the page cache (X-Page-Cache: {headers.get('X-Page-Cache')})",
    )

    new_title = f"{original_title} (checked {time.strftime('%H:%M:%S')})"
    page.title = new_title
    page.save_revision()  # a draft: not public until staff publish it

    staff = Browser()
    login(staff, APP_PORTS["A"], password)
    confirm_path = f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}&next=/admin/"
    _status, _headers, form = staff.request(APP_PORTS["A"], confirm_path)
    status, _headers, _html = staff.request(
        APP_PORTS["A"],
        confirm_path,
        {"csrfmiddlewaretoken": csrf_token(form)},
        referer=f"http://127.0.0.1:{APP_PORTS['A']}{confirm_path}",
    )
    check(status == 302, f"A's admin published the draft (answered {status})")

    status, headers, html = visitor.request(APP_PORTS["B"], url)
    check(
        new_title in html,
        f"B serves the new title at once (X-Page-Cache: {headers.get('X-Page-Cache')})",
    )
    page.refresh_from_db()
    page.title = original_title
    page.save_revision().publish()
    return staff


def login(browser, port, password):
    _status, _headers, form = browser.request(port, "/admin/login/")
    browser.request(
        port,
        "/admin/login/",
        {
            "csrfmiddlewaretoken": csrf_token(form),
            "username": STAFF_USERNAME,
            "password": password,
            "next": "/admin/",
        },
        referer=f"http://127.0.0.1:{port}/admin/login/",
    )


def login_on_a_works_on_b(staff):
    print("\n3. a staff login made on A works on B")
    status, _headers, html = staff.request(APP_PORTS["B"], "/admin/")
    check(
        status == 200 and "Dashboard" in html,
        f"B shows the admin dashboard to A's session (answered {status})",
    )
    status, _headers, _html = Browser().request(APP_PORTS["B"], "/admin/")
    check(status == 302, f"B still sends a visitor without that session to log in ({status})")


def find_form_page():
    try:
        from outreach.models import SignUpPage
    except ImportError:
        SignUpPage = None
    if SignUpPage is not None:
        page = SignUpPage.objects.live().first()
        if page is not None:
            return page.url
    _status, _headers, home = Browser().request(LB_PORT, "/")
    for path in dict.fromkeys(re.findall(r'href="(/[^"#?]*)"', home)):
        if path.startswith(("/static/", "/admin/", "/search/")):
            continue
        _status, _headers, html = Browser().request(LB_PORT, path)
        if re.search(r'<form[^>]*method="post"', html, re.IGNORECASE):
            return path
    return None


def fill(html):
    """Values for every field of the page's first POST form: plain, valid-looking answers."""
    form = re.search(r'<form[^>]*method="post".*?</form>', html, re.IGNORECASE | re.DOTALL)
    data = {}
    stamp = secrets.token_hex(4)
    for tag in re.findall(r"<(?:input|textarea|select)[^>]*>", form.group(0)):
        name = re.search(r'name="([^"]+)"', tag)
        if not name or 'tabindex="-1"' in tag:
            continue  # a field no person can reach (a honeypot) stays empty
        kind = (re.search(r'type="([^"]+)"', tag) or [None, "text"])[1]
        value = re.search(r'value="([^"]*)"', tag)
        if name.group(1) == "csrfmiddlewaretoken" or kind in ("hidden", "radio", "submit"):
            if value and name.group(1) not in data:
                data[name.group(1)] = value.group(1)
        elif kind == "checkbox":
            data[name.group(1)] = value.group(1) if value else "on"
        elif kind == "email":
            data[name.group(1)] = f"scale-out-{stamp}@example.org"
        elif kind == "tel":
            data[name.group(1)] = "+12025550123"
        elif kind == "number":
            data[name.group(1)] = "12"
        elif kind == "url":
            data[name.group(1)] = "https://example.org/"
        elif tag.startswith("<select"):
            option = re.search(
                rf'name="{re.escape(name.group(1))}".*?<option value="([^"]+)"',
                form.group(0),
                re.DOTALL,
            )
            data[name.group(1)] = option.group(1) if option else ""
        else:
            data[name.group(1)] = f"Scale-out check {stamp}"
    return data


def form_is_stored_once():
    print("\n4. a form submitted through the load balancer is stored once")
    from django.apps import apps

    path = find_form_page()
    if path is None:
        print("  SKIPPED  no sign-up form on this branch (outreach not merged): nothing to submit")
        return
    models = list(apps.get_app_config("outreach").get_models())
    before = {model: model.objects.count() for model in models}
    visitor = Browser()
    _status, headers, html = visitor.request(LB_PORT, path)
    got_form_from = instance_of(headers)
    status, headers, _html = visitor.request(
        LB_PORT, path, fill(html), referer=f"http://127.0.0.1:{LB_PORT}{path}"
    )
    print(f"  form from {got_form_from}, submitted to {instance_of(headers)}: answered {status}")
    grew = {m.__name__: m.objects.count() - n for m, n in before.items() if m.objects.count() != n}
    check(
        status in (302, 303) and grew and all(delta == 1 for delta in grew.values()),
        f"one new row per submission model: {grew or 'nothing stored'}",
    )


def main():
    env = environment()
    password = prepare(env)
    folder = tempfile.mkdtemp(prefix="nmpaa-scale-out-")
    os.chmod(folder, 0o755)
    Path(folder, "nginx.conf").write_text(nginx_config(folder))
    log = open(Path(folder, "servers.log"), "w")  # noqa: SIM115 - closed in finally
    processes = []
    try:
        for name, port in APP_PORTS.items():
            command = [PYTHON, "-m", "gunicorn", "-c", "nmpaa_site/gunicorn.conf.py"]
            processes.append(start(command, {**env, "PORT": str(port)}, log))
            print(f"app server {name}: gunicorn on 127.0.0.1:{port}")
        processes.append(start([NGINX, "-p", folder, "-c", f"{folder}/nginx.conf"], env, log))
        print(f"load balancer: nginx on 127.0.0.1:{LB_PORT} (round robin)")
        for port in [*APP_PORTS.values(), LB_PORT]:
            wait_for(port)

        round_robin()
        staff = publish_through_a_is_fresh_on_b(password)
        login_on_a_works_on_b(staff)
        form_is_stored_once()
    finally:
        for process in reversed(processes):
            stop(process)
        log.close()
        from django.contrib.auth import get_user_model

        get_user_model().objects.filter(username=STAFF_USERNAME).delete()
        if failures:
            print(f"\nlogs kept in {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"\n{'FAILED: ' + '; '.join(failures) if failures else 'All scale-out checks passed.'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
