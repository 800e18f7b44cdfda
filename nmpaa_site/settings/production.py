"""Production: gunicorn behind a proxy, `make serve` and the Docker image.

`manage.py check --deploy` must stay silent with these settings (tests/hardening).
"""

import os

from .base import *  # noqa: F403
from .base import DEBUG, SECRET_KEY, env_bool, stop

if DEBUG:
    stop("DEBUG must be off in production settings; unset DEBUG.")
if not SECRET_KEY:
    stop("SECRET_KEY is not set; production refuses to start without it.")
if not os.environ.get("ALLOWED_HOSTS"):
    stop("ALLOWED_HOSTS is not set; list the site's host names, comma-separated.")

# HTTPS. The proxy in front terminates TLS and says so in X-Forwarded-Proto; it must
# overwrite any such header a client sends. HTTPS=false only for a plain-HTTP trial run.
HTTPS = env_bool("HTTPS", True)
if env_bool("SECURE_PROXY_SSL_HEADER", True):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS and env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers probe /healthz over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000")) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# Preloading is hard to undo (browsers ship the list), so it is an explicit opt-in.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)

SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
if HTTPS:
    # __Host- cookies are refused by browsers unless Secure, host-only and Path=/.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

# check --deploy asks for HSTS preload; it stays an explicit opt-in (see above).
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
