"""One log line per request with a request id, no personal data, tracebacks kept."""

import io
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

from django.test import Client

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def log_output():
    """What the site's console log handler writes (it goes to standard output in production)."""
    handler = logging.getLogger("django").handlers[0]
    buffer = io.StringIO()
    original = handler.setStream(buffer)
    yield buffer
    handler.setStream(original)


@pytest.mark.django_db
def test_request_line_has_id_and_no_query_string(client, site, log_output):
    response = client.get("/search/?q=how+to+leave+my+boyfriend", HTTP_X_REQUEST_ID="lb-1234abcd")
    assert response.status_code == 200
    assert response["X-Request-ID"] == "lb-1234abcd"
    out = log_output.getvalue()
    lines = [line for line in out.splitlines() if "nmpaa.request" in line]
    assert len(lines) == 1
    assert "[lb-1234abcd] GET /search/ 200" in lines[0]
    assert "boyfriend" not in out


@pytest.mark.django_db
def test_forged_request_id_is_replaced(client, site):
    response = client.get("/", HTTP_X_REQUEST_ID="<script>\nfake log line")
    assert "<" not in response["X-Request-ID"]
    assert len(response["X-Request-ID"]) == 32


@pytest.mark.urls("tests.hardening.urls")
def test_server_error_traceback_goes_to_the_log_not_the_page(db, log_output):
    response = Client(raise_request_exception=False).post(
        "/test/broken/", {"email": "survivor@example.org"}
    )
    assert response.status_code == 500
    out = log_output.getvalue()
    assert "Traceback" in out
    assert "RuntimeError: deliberate failure for the test" in out
    assert response["X-Request-ID"] in out
    assert "survivor@example.org" not in out
    assert b"Traceback" not in response.content


def test_json_log_format_writes_one_json_object_per_line():
    env = dict(os.environ, LOG_FORMAT="json", DJANGO_SETTINGS_MODULE="nmpaa_site.settings.test")
    code = (
        "import django, logging; django.setup(); "
        "logging.getLogger('nmpaa.request').info('GET / 200', extra={'status': 200})"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout.strip().splitlines()[-1])
    assert record["message"] == "GET / 200"
    assert record["level"] == "INFO"
    assert record["logger"] == "nmpaa.request"
    assert record["status"] == 200
    assert record["request_id"] == "-"
