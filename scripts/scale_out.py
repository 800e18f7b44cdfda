"""Two app servers behind nginx share everything: `make scale-out` (prints what it checks).

Starts two gunicorn instances (A and B) on one PostgreSQL database (DATABASE_URL) and one
Redis (REDIS_URL), and nginx as a round-robin load balancer in front, then shows:
  1. nginx spreads requests over both instances;
  2. a page published through A's admin is served fresh by B at once, although B had it cached;
  3. a staff login made on A works on B (sessions are shared);
  4. a form submitted through the load balancer is stored once.
Everything it starts is stopped on exit. Ports: SCALE_OUT_PORT (8410) for nginx, the next
two for A and B. Settings: the benchmark's (scripts/bench/settings.py), plain HTTP.

    python -m scripts.scale_out      (or: make scale-out)
"""

import os
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import ExitStack
from pathlib import Path

from scripts.harness import (
    BENCHMARK_SETTINGS,
    SIGN_UP_PATHS,
    Visitor,
    production_server,
    rows_per_token,
    setup_django,
)

LB_PORT = int(os.environ.get("SCALE_OUT_PORT", "8410"))
APP_PORTS = {"A": LB_PORT + 1, "B": LB_PORT + 2}
LB = f"http://127.0.0.1:{LB_PORT}"
STAFF_USERNAME = "scale-out-check"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
failures = []


def fail(message):
    sys.exit(f"scale-out: {message}")


def check(passed, message):
    print(f"  {'PASS' if passed else 'FAIL'}  {message}")
    if not passed:
        failures.append(message)


def app(name):
    return f"http://127.0.0.1:{APP_PORTS[name]}"


def csrf_token(visitor, url):
    """The CSRF token of the page's POST form, as a browser would send it back."""
    form = next(f for f in visitor.forms(url) if "csrfmiddlewaretoken" in f.fields)
    return form.fields["csrfmiddlewaretoken"][1]


def create_staff():
    from django.contrib.auth import get_user_model

    password = secrets.token_urlsafe(16)
    staff, _ = get_user_model().objects.get_or_create(username=STAFF_USERNAME)
    staff.is_staff = staff.is_superuser = staff.is_active = True
    staff.set_password(password)
    staff.save()
    return password


def delete_staff():
    from django.contrib.auth import get_user_model

    get_user_model().objects.filter(username=STAFF_USERNAME).delete()


def app_server(name, migrate):
    print(f"app server {name}: gunicorn on 127.0.0.1:{APP_PORTS[name]}")
    return production_server(
        os.environ["DATABASE_URL"],
        redis_url=os.environ["REDIS_URL"],
        settings=BENCHMARK_SETTINGS,
        port=APP_PORTS[name],
        migrate=migrate,
        CSRF_TRUSTED_ORIGINS=LB,
        # The staff login below has no authenticator app; 2FA is proven in tests/hardening.
        WAGTAIL_2FA_REQUIRED="false",
        # The form check answers at once, as the sign-up benchmark does.
        OUTREACH_MIN_FILL_SECONDS="0",
    )


def load_balancer(folder):
    """nginx in front of A and B; stopped when the caller's ExitStack closes."""
    Path(folder, "nginx.conf").write_text(nginx_config(folder))
    log = open(Path(folder, "nginx.log"), "w")  # noqa: SIM115 - closed with the process
    process = subprocess.Popen(
        [NGINX, "-p", folder, "-c", f"{folder}/nginx.conf"], stdout=log, stderr=subprocess.STDOUT
    )
    print(f"load balancer: nginx on 127.0.0.1:{LB_PORT} (round robin)")
    for _ in range(100):
        if Visitor(LB).get("/robots.txt", timeout=2).status is not None:
            return process
        time.sleep(0.2)
    process.terminate()
    fail(f"nginx never answered; see {folder}/error.log")


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
    served_by = [instance_of(Visitor(LB).get("/").headers) for _ in range(6)]
    print(f"  six requests to / were served by: {' '.join(served_by)}")
    check({"A", "B"} <= set(served_by), "both instances answer through the load balancer")


def publish_through_a_is_fresh_on_b(password):
    print("\n2. a page published through A is served fresh by B at once")
    from wagtail.models import Page

    page = Page.objects.get(url_path="/home/legal-framework/palermo-protocol/").specific
    original_title = page.title
    url = app("B") + page.url
    visitor = Visitor(app("B"))
    visitor.get(url)
    headers = visitor.get(url).headers
    check(
        headers.get("X-Page-Cache") == "hit",
        f"B has {page.url} in the page cache (X-Page-Cache: {headers.get('X-Page-Cache')})",
    )

    new_title = f"{original_title} (checked {time.strftime('%H:%M:%S')})"
    page.title = new_title
    page.save_revision()  # a draft: not public until staff publish it

    staff = Visitor(app("A"))
    login(staff, password)
    confirm = f"{app('A')}/admin/bulk/wagtailcore/page/publish/?id={page.pk}&next=/admin/"
    data = {"csrfmiddlewaretoken": csrf_token(staff, confirm)}
    status = staff.get(confirm, data, headers={"Referer": confirm}).status
    check(status == 302, f"A's admin published the draft (answered {status})")

    _status, headers, html = visitor.get(url)
    check(
        new_title in html,
        f"B serves the new title at once (X-Page-Cache: {headers.get('X-Page-Cache')})",
    )
    page.refresh_from_db()
    page.title = original_title
    page.save_revision().publish()
    return staff


def login(staff, password):
    url = staff.base + "/admin/login/"
    data = {
        "csrfmiddlewaretoken": csrf_token(staff, url),
        "username": STAFF_USERNAME,
        "password": password,
        "next": "/admin/",
    }
    staff.get(url, data, headers={"Referer": url})


def login_on_a_works_on_b(staff):
    print("\n3. a staff login made on A works on B")
    status, _headers, html = staff.get(app("B") + "/admin/")
    check(
        status == 200 and "Dashboard" in html,
        f"B shows the admin dashboard to A's session (answered {status})",
    )
    status = Visitor(app("B")).get("/admin/").status
    check(status == 302, f"B still sends a visitor without that session to log in ({status})")


def form_is_stored_once():
    print("\n4. a form submitted through the load balancer is stored once")
    visitor = Visitor(LB)
    form = next(f for f in visitor.forms(SIGN_UP_PATHS[0]) if f.is_sign_up)
    token = uuid.uuid4().hex[:16]
    status, headers, _html = visitor.submit(form, token)
    print(f"  submitted to {instance_of(headers)}: answered {status}")
    stored = rows_per_token()[token]
    check(status == 302 and stored == 1, f"one row stored for the submission ({stored})")


def main():
    for name in ("DATABASE_URL", "REDIS_URL"):
        if not os.environ.get(name):
            fail(f"{name} is not set; both instances must share one database and one Redis.")
    if not Path(NGINX).exists():
        fail("nginx is not installed (Debian: apt-get install nginx-light).")
    folder = tempfile.mkdtemp(prefix="nmpaa-scale-out-")
    os.chmod(folder, 0o755)
    with ExitStack() as running:
        server = running.enter_context(app_server("A", migrate=True))
        running.enter_context(app_server("B", migrate=False))
        running.callback(load_balancer(folder).terminate)
        setup_django(server.env)
        running.callback(delete_staff)
        password = create_staff()

        round_robin()
        staff = publish_through_a_is_fresh_on_b(password)
        login_on_a_works_on_b(staff)
        form_is_stored_once()
    if failures:
        print(f"\nlogs kept in {folder} and var/server-PORT/gunicorn.log")
    else:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"\n{'FAILED: ' + '; '.join(failures) if failures else 'All scale-out checks passed.'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
