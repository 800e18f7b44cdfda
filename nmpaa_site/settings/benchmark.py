"""Production settings plus a constant view to measure against: `make bench` only.

Never deploy with these: they mount /benchmark/constant/ and serve plain HTTP.
"""

from .production import *  # noqa: F403
from .production import PAGE_CACHE_EXCLUDED_PATHS

ROOT_URLCONF = "nmpaa_site.benchmark_urls"
# The floor is the whole middleware stack with a trivial view, never a cache hit.
PAGE_CACHE_EXCLUDED_PATHS = [*PAGE_CACHE_EXCLUDED_PATHS, "/benchmark/"]
# wrk speaks plain HTTP to gunicorn on the loopback.
SECURE_SSL_REDIRECT = False
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
