"""Production settings plus a constant view to measure against: the benchmarks only.

Never deploy with these: they mount /benchmark/constant/. The harness serves them on plain
HTTP (HTTPS=false), as production.py allows for a trial run.
"""

from nmpaa_site.settings.production import *  # noqa: F403
from nmpaa_site.settings.production import PAGE_CACHE_EXCLUDED_PATHS

ROOT_URLCONF = "scripts.bench.urls"
# The floor is the whole middleware stack with a trivial view, never a cache hit.
PAGE_CACHE_EXCLUDED_PATHS = [*PAGE_CACHE_EXCLUDED_PATHS, "/benchmark/"]
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
