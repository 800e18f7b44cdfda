"""Production: gunicorn behind a proxy, `make serve` and the Docker image.

`manage.py check --deploy` must stay silent with these settings (tests/hardening).
"""

from nmpaa_site import env
from nmpaa_site.env import stop

from .base import *  # noqa: F403
from .base import DEBUG

if DEBUG:
    stop("DEBUG must be off in production settings; unset DEBUG.")
for name in env.REQUIRED_IN_PRODUCTION:
    if not env.is_set(name):
        stop(f"{name} is not set; production refuses to start without it.")

# HTTPS. The proxy in front terminates TLS and says so in X-Forwarded-Proto; it must
# overwrite any such header a client sends. HTTPS=false only for a plain-HTTP trial run.
HTTPS = env.read("HTTPS")
if env.read("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS and env.read("SECURE_SSL_REDIRECT")
# Load balancers probe /healthz over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.read("SECURE_HSTS_SECONDS") if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.read("SECURE_HSTS_INCLUDE_SUBDOMAINS")
# Preloading is hard to undo (browsers ship the list), so it is an explicit opt-in.
SECURE_HSTS_PRELOAD = env.read("SECURE_HSTS_PRELOAD")

SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
if HTTPS:
    # __Host- cookies are refused by browsers unless Secure, host-only and Path=/.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

# check --deploy asks for HSTS preload; it stays an explicit opt-in (see above).
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
