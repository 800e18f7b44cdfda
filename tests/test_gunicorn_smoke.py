"""Start the real gunicorn with production settings and fetch a page and a static file."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.db import connection

import pytest

from tests.factories import HomePageFactory

REPO = Path(__file__).resolve().parents[1]
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url, attempts=60):
    for _ in range(attempts):
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status, dict(response.headers), response.read()
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.25)
    raise AssertionError(f"gunicorn never answered {url}")


@pytest.mark.django_db(transaction=True)
def test_gunicorn_serves_home_page_and_static_file(tmp_path, site):
    home = site.root_page.specific
    assert isinstance(home, type(HomePageFactory._meta.model()))
    db = connection.settings_dict
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="nmpaa_site.settings.production",
        SECRET_KEY="smoke-test-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        HTTPS="false",  # plain HTTP here; production redirects to HTTPS
        DATABASE_URL=f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        STATIC_ROOT=str(tmp_path / "static"),
        HOST="127.0.0.1",
        PORT=str(free_port()),
        WEB_CONCURRENCY="1",
    )
    env.pop("DEBUG", None)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=REPO,
        env=env,
        check=True,
        timeout=120,
    )
    server = subprocess.Popen(
        [str(GUNICORN), "-c", "nmpaa_site/gunicorn.conf.py"],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{env['PORT']}"
    try:
        status, headers, body = fetch(f"{base}/")
        assert status == 200
        assert home.title.encode() in body
        assert "gunicorn" not in headers.get("Server", "").lower()

        css_url = re.search(r'<link rel="stylesheet" href="([^"]+)"', body.decode())[1]
        assert ".css" in css_url and css_url != "/static/css/site.css", css_url
        status, headers, css = fetch(base + css_url)
        assert status == 200
        assert b"--colour-brand" in css
        assert "max-age" in headers.get("Cache-Control", "")
    finally:
        server.terminate()
        server.wait(timeout=30)
