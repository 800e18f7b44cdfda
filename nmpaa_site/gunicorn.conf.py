"""gunicorn settings shared by `make serve` and the Docker image."""

import os

import gunicorn
import gunicorn.http.wsgi

wsgi_app = "nmpaa_site.wsgi:application"
bind = f"{os.environ.get('HOST', '0.0.0.0')}:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
# More than 1 switches to gunicorn's threaded worker (keep-alive, overlap of database waits).
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak cannot grow without bound.
max_requests = 2000
max_requests_jitter = 200
# The app logs one line per request without query strings (request_logging.py); gunicorn's
# access log would record search terms and addresses, so it is off unless asked for.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# No version banner in the Server header.
gunicorn.SERVER = ""
gunicorn.http.wsgi.SERVER = ""


def on_starting(server):
    """Load the settings in the master, so bad configuration stops it in one line."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nmpaa_site.settings.production")
    import django

    django.setup()
