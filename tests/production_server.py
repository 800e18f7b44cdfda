"""The real gunicorn with production settings, started by tests that need a whole server."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def current_database_url():
    """The URL of the database this test runs on, for processes started beside it."""
    from django.db import connection

    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def production_env(tmp_path, database_url, **overrides):
    """The environment of a production process on database_url, without Redis.

    Plain HTTP on the loopback (HTTPS=false) unless overridden.
    """
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="nmpaa_site.settings.production",
        SECRET_KEY="test-server-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        HTTPS="false",
        DATABASE_URL=database_url,
        STATIC_ROOT=str(tmp_path / "static"),
        HOST="127.0.0.1",
        PORT=str(free_port()),
        WEB_CONCURRENCY="1",
    )
    env.pop("DEBUG", None)
    env.pop("REDIS_URL", None)
    return env | overrides


@contextmanager
def production_gunicorn(tmp_path, database_url, **env_overrides):
    """Collect static files, start gunicorn on a free port and yield (base URL, log path).

    env_overrides change production_env (e.g. WEB_CONCURRENCY="2"). The server is stopped on
    the way out. Its output goes to a file, so a chatty server can never fill a pipe and stall.
    """
    env = production_env(tmp_path, database_url, **env_overrides)
    port = env["PORT"]
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"],
        cwd=REPO,
        env=env,
        check=True,
        timeout=120,
    )
    log_path = tmp_path / "gunicorn.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [str(GUNICORN), "-c", "nmpaa_site/gunicorn.conf.py"],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            yield f"http://127.0.0.1:{port}", log_path
        finally:
            process.terminate()
            process.wait(timeout=30)


def get(url, data=None, headers=None):
    """(status, headers, body) for error statuses too; waits for the server to come up."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    for _ in range(120):
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.25)
    raise AssertionError(f"gunicorn never answered {url}")
