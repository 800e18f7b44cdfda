"""The real thing: gunicorn with production settings and PostgreSQL unreachable.

Every public page answers a friendly 503 with the phone number; /healthz says so too; a
sign-up sent at that moment is shown back to the visitor.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url, data=None, headers=None):
    """Status and body, for error statuses too; waits for the server to come up."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    for _ in range(120):
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.25)
    raise AssertionError(f"gunicorn never answered {url}")


def test_public_pages_answer_503_with_phone_when_postgresql_is_down(tmp_path):
    port = free_port()
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="nmpaa_site.settings.production",
        SECRET_KEY="db-down-test-" + "y" * 40,
        ALLOWED_HOSTS="127.0.0.1",
        HTTPS="false",
        DATABASE_URL=f"postgres://nobody@127.0.0.1:{free_port()}/gone",
        STATIC_ROOT=str(tmp_path / "static"),
        HOST="127.0.0.1",
        PORT=str(port),
        WEB_CONCURRENCY="1",
    )
    env.pop("DEBUG", None)
    env.pop("REDIS_URL", None)
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
    base = f"http://127.0.0.1:{port}"
    try:
        for path in ("/", "/search/?q=help", "/about/"):
            status, body = get(base + path)
            assert status == 503, (path, body[:300])
            assert "Sorry, the site is not working right now" in body
            assert "(877) US-NMPAA" in body
            assert "OperationalError" not in body and "Traceback" not in body
        status, body = get(base + "/healthz")
        assert status == 503
        assert '"database": "unavailable"' in body

        # A sign-up sent now: nothing can be saved, and the visitor's answers come back
        # escaped, with a button to send them again. (The CSRF secret is one we made up:
        # with the database down no form page could hand one out.)
        secret = "a" * 32
        answers = {"name": "<script>alert('x')</script> Ada", "city": "Baltimore"}
        status, body = get(
            base + "/partner-with-us/become-an-advocate/",
            data=urllib.parse.urlencode({"csrfmiddlewaretoken": secret, **answers}).encode(),
            headers={"Cookie": f"csrftoken={secret}"},
        )
        assert status == 503, body[:300]
        assert "nothing was stored" in body and "Try sending again" in body
        assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Ada" in body
        assert "<script>alert(" not in body
        assert "(877) US-NMPAA" in body
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0].decode()
    # The failure is recorded in the log, with its traceback, for the people who fix it.
    assert "OperationalError" in output
