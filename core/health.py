"""/healthz for load balancers: is the database answering, is the cache answering.

Answered by a middleware ahead of host validation and the HTTPS redirect, because probes
call the container by IP over plain HTTP. It shows no data: just "ok" or "unavailable".
"""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse

logger = logging.getLogger(__name__)


def database_answers():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def cache_answers():
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=5)
    answered = cache.get(key) == "1"
    cache.delete(key)
    return answered


def health_response():
    checks = {}
    for name, check in (("database", database_answers), ("cache", cache_answers)):
        try:
            checks[name] = "ok" if check() else "unavailable"
        except Exception:  # Any failure means unhealthy; the log says which and why.
            logger.exception("Health check failed: %s", name)
            checks[name] = "unavailable"
    healthy = all(state == "ok" for state in checks.values())
    response = JsonResponse(
        {"status": "ok" if healthy else "unavailable", **checks}, status=200 if healthy else 503
    )
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz" and request.method in {"GET", "HEAD"}:
            return health_response()
        return self.get_response(request)
