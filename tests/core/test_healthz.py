"""/healthz tells a load balancer whether the database and cache answer, and nothing else."""

import json

from django.db import OperationalError

import pytest


@pytest.mark.django_db
def test_healthz_reports_ok_when_database_and_cache_answer(client):
    response = client.get("/healthz", HTTP_HOST="10.0.0.7")  # probes use the bare IP
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok", "cache": "ok"}
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_healthz_fails_when_the_database_is_down(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise OperationalError("could not connect to server: Connection refused")

    monkeypatch.setattr("core.health.database_answers", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content) == {
        "status": "unavailable",
        "database": "unavailable",
        "cache": "ok",
    }
    assert b"Connection refused" not in response.content


@pytest.mark.django_db
def test_healthz_fails_when_the_cache_is_down(client, monkeypatch):
    def refuse(*args, **kwargs):
        raise ConnectionError("Error 111 connecting to redis")

    monkeypatch.setattr("django.core.cache.cache.set", refuse)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["cache"] == "unavailable"
