"""gunicorn settings shared by `make serve` and the Docker image."""

import os

import gunicorn
import gunicorn.http.wsgi

from nmpaa_site import env

wsgi_app = "nmpaa_site.wsgi:application"
bind = f"{env.read('HOST')}:{env.read('PORT')}"
workers = env.read("WEB_CONCURRENCY")
# More than 1 switches to gunicorn's threaded worker (keep-alive, overlap of database waits).
threads = env.read("GUNICORN_THREADS")
timeout = env.read("GUNICORN_TIMEOUT")
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200
# The app logs one line per request without query strings (request_logging.py); gunicorn's
# access log would record search terms and addresses, so it is off unless asked for.
accesslog = env.read("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = env.read("GUNICORN_LOG_LEVEL")
forwarded_allow_ips = env.read("FORWARDED_ALLOW_IPS")

# No version banner in the Server header.
gunicorn.SERVER = ""
gunicorn.http.wsgi.SERVER = ""


def on_starting(server):
    """Load the settings in the master, so bad configuration stops it in one line."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nmpaa_site.settings.production")
    import django

    django.setup()
