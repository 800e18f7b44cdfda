"""Production: gunicorn behind a proxy, `make serve` and the Docker image."""

import os

from .base import *  # noqa: F403
from .base import DEBUG, SECRET_KEY, stop

if DEBUG:
    stop("DEBUG must be off in production settings; unset DEBUG.")
if not SECRET_KEY:
    stop("SECRET_KEY is not set; production refuses to start without it.")
if not os.environ.get("ALLOWED_HOSTS"):
    stop("ALLOWED_HOSTS is not set; list the site's host names, comma-separated.")
