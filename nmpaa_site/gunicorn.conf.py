"""gunicorn settings shared by `make serve` and the Docker image."""

import gc
import os
import sys

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
# Recycle workers now and then so a slow leak cannot grow without bound. The site is loaded
# once, in the master (preload_app), so a new worker is a fork that answers at once rather
# than a second of importing Django and Wagtail while requests queue behind it.
max_requests = 2000
max_requests_jitter = 200
preload_app = True
# gunicorn's runtime control socket: unused here, it runs a thread in the master beside the
# forks, and its default path is shared by every gunicorn of the same user on the machine.
control_socket_disable = True
# The app logs one line per request without query strings (request_logging.py); gunicorn's
# access log would record search terms and addresses, so it is off unless asked for.
accesslog = env.read("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = env.read("GUNICORN_LOG_LEVEL")
forwarded_allow_ips = env.read("FORWARDED_ALLOW_IPS")

# No version banner in the Server header.
gunicorn.SERVER = ""
gunicorn.http.wsgi.SERVER = ""


def when_ready(server):
    """Fork workers with no database or cache connection of the master's to share.

    Loading the site opens none today; this keeps it so should an app start to query while
    it loads (two processes on one socket corrupt each other's answers).
    """
    from django.core.cache import caches
    from django.db import connections

    connections.close_all()
    caches.close_all()
    gc.freeze()


def worker_exit(server, worker):
    """Leave at once: tearing down the interpreter's copy of the whole site costs a second
    or more of CPU (measured 1.3-1.8 s), stolen from the workers still serving."""
    import logging

    from django.db import connections

    connections.close_all()  # this thread's; PostgreSQL drops any other thread's on exit
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)
