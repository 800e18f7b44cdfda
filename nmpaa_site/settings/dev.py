"""Local development: `make run`."""

import os

os.environ.setdefault("DEBUG", "true")

from .base import *  # noqa: E402, F403

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-not-secret"  # noqa: F405
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
# A local admin without an authenticator app; set WAGTAIL_2FA_REQUIRED=true to try 2FA.
WAGTAIL_2FA_REQUIRED = env_bool("WAGTAIL_2FA_REQUIRED", False)  # noqa: F405
# Links in staff emails point at the port `make run` serves on.
WAGTAILADMIN_BASE_URL = (
    os.environ.get("WAGTAILADMIN_BASE_URL") or f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"
)
