"""The test suite: `make test`, on PostgreSQL."""

import os

os.environ.setdefault("DATABASE_URL", "postgres://root@127.0.0.1:5432/nmpaa")

from .base import *  # noqa: E402, F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
STORAGES["private"]["OPTIONS"]["location"] = BASE_DIR / "var" / "test-media-private"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests log staff in with force_login and Client.login (which passes no request, as
# django-axes requires); tests/hardening switches 2FA and axes on to prove them.
WAGTAIL_2FA_REQUIRED = False
AXES_ENABLED = False
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
OUTREACH_MIN_FILL_SECONDS = 0
# One test process: its own memory cache is shared enough, and costs no queries in the
# query-budget tests. Processes started by tests use the default (tests/performance).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests share one process cache across rolled-back databases; the page-cache tests
# (tests/performance/) switch it on for themselves with a clean cache.
PAGE_CACHE_SECONDS = 0
CONTENT_CACHE = False
