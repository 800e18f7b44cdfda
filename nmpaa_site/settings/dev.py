"""Local development: `make run`."""

import os

os.environ.setdefault("DEBUG", "true")

from nmpaa_site import env  # noqa: E402

from .base import *  # noqa: E402, F403

DEBUG = True
SECRET_KEY = SECRET_KEY or "dev-only-not-secret"  # noqa: F405
EMAIL_BACKEND = env.read("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
STORAGES["staticfiles"]["BACKEND"] = (  # noqa: F405
    "django.contrib.staticfiles.storage.StaticFilesStorage"
)
# A local admin without an authenticator app; set WAGTAIL_2FA_REQUIRED=true to try 2FA.
WAGTAIL_2FA_REQUIRED = env.read("WAGTAIL_2FA_REQUIRED", False)
# Links in staff emails point at the port `make run` serves on.
WAGTAILADMIN_BASE_URL = env.read("WAGTAILADMIN_BASE_URL", f"http://127.0.0.1:{env.read('PORT')}")
