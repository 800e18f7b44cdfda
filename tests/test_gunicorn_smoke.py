"""The production server answers: gunicorn, production settings, hashed static files."""

import os
import re
import signal
import subprocess
import sys
import time

import pytest

from scripts.harness import Visitor, production_server, worker_pids


@pytest.mark.django_db(transaction=True)
def test_gunicorn_serves_home_page_and_static_file(tmp_path, site, database_url):
    home = site.root_page.specific
    with production_server(database_url, folder=tmp_path) as server:
        visitor = Visitor(server.url)
        status, headers, html = visitor.get("/")
        assert status == 200
        assert home.title in html
        assert "gunicorn" not in headers.get("Server", "").lower()

        css_url = re.search(r'<link rel="stylesheet" href="([^"]+)"', html)[1]
        assert ".css" in css_url and css_url != "/static/css/site.css", css_url
        status, headers, css = visitor.get(css_url)
        assert status == 200
        assert "--colour-brand" in css
        assert "max-age" in headers.get("Cache-Control", "")


@pytest.mark.django_db(transaction=True)
def test_a_recycled_worker_answers_without_loading_the_site_again(tmp_path, site, database_url):
    """Workers are replaced every couple of thousand requests (max_requests); the visitor
    whose request lands on the new one must not wait for Django and Wagtail to load."""
    with production_server(database_url, folder=tmp_path) as server:
        visitor = Visitor(server.url)
        assert visitor.get("/").status == 200
        (worker,) = worker_pids(server.process.pid)
        os.kill(worker, signal.SIGTERM)  # what max_requests does: the worker leaves, idle
        started = time.monotonic()
        assert visitor.get("/").status == 200
        replaced = time.monotonic() - started
    started = time.monotonic()
    subprocess.run([sys.executable, "-c", "import nmpaa_site.wsgi"], env=server.env, check=True)
    loading = time.monotonic() - started
    # Before preloading, the new worker loaded the site first: about as long as `loading`.
    assert replaced < loading / 3, (replaced, loading)
