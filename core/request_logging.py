"""One log line per request, tagged with a request id that every other log line shares.

The line holds method, path (never the query string: search terms and form values are
personal), status and duration. The id comes from the proxy's X-Request-ID when it looks
like one, so proxy and app logs can be joined, and is echoed in the response.
"""

import logging
import re
import time
import uuid
from contextvars import ContextVar

current_request_id = ContextVar("request_id", default="-")
REQUEST_ID_PATTERN = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
QUIET_PATHS = {"/healthz"}

logger = logging.getLogger("nmpaa.request")


class RequestIdFilter(logging.Filter):
    def filter(self, record):
        record.request_id = current_request_id.get()
        return True


def request_id_for(request):
    offered = request.META.get("HTTP_X_REQUEST_ID", "")
    return offered if REQUEST_ID_PATTERN.match(offered) else uuid.uuid4().hex


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.id = request_id_for(request)
        token = current_request_id.set(request.id)
        started = time.monotonic()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request.id
            level = logging.DEBUG if request.path in QUIET_PATHS else logging.INFO
            duration_ms = round((time.monotonic() - started) * 1000, 1)
            logger.log(
                level,
                "%s %s %s %sms",
                request.method,
                request.path,
                response.status_code,
                duration_ms,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": duration_ms,
                },
            )
            return response
        finally:
            current_request_id.reset(token)
