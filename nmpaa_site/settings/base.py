"""Settings shared by every environment.

Every value that changes between deployments is read from the environment here,
and listed in `.env.example` and the README.
"""

import os
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def stop(message):
    """Refuse to start with a one-line message instead of a traceback."""
    sys.exit(f"nmpaa: {message}")


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "pages",
    "outreach",
    "nmpaa_site",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "wagtail_2fa",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
]

MIDDLEWARE = [
    # Outermost, so every response (even a 500) gets one log line with its request id.
    "nmpaa_site.request_logging.RequestLogMiddleware",
    # Before host validation and the HTTPS redirect: probes call it by IP over plain HTTP.
    "nmpaa_site.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses HTML; Django pads the output against BREACH. Static files are
    # already compressed by whitenoise at collectstatic time.
    "django.middleware.gzip.GZipMiddleware",
    # Outside sessions, CSRF and auth: a cached page skips them all; see pages/page_cache.py.
    # Stored pages keep the security headers the middleware below adds.
    "pages.page_cache.PageCacheMiddleware",
    "nmpaa_site.content_security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Outside everything that sets or expires a cookie (sessions, CSRF, messages, views).
    "nmpaa_site.cookie_policy.CookiePolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "nmpaa_site.staff_sessions.StaffSessionTimeoutMiddleware",
    "nmpaa_site.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "nmpaa_site.urls"
WSGI_APPLICATION = "nmpaa_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite file in the repo unless DATABASE_URL says otherwise.
try:
    DATABASES = {
        "default": dj_database_url.parse(
            os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
            # Bounded reuse, and a liveness check before reuse, so a PostgreSQL restart
            # costs at most one failed request per worker and never needs an app restart.
            conn_max_age=min(int(os.environ.get("CONN_MAX_AGE", "60")), 600),
            conn_health_checks=True,
        )
    }
except ValueError as error:
    stop(f"DATABASE_URL is not a database URL we can use ({error}).")

# The cache every process shares (app workers, the task worker, several app servers): Redis
# when REDIS_URL is set, for speed; otherwise a table in the site's own database, which
# `migrate` creates (nmpaa_site/migrations). Never a per-process cache: one process would
# keep serving pages another has retired.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_TABLE = "nmpaa_cache"
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "nmpaa_site.redis_cache.ReusingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "nmpaa"),
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": CACHE_TABLE,
            # Room for every page and content entry of a site this size; Django's default
            # (300) would evict them, and the page-cache generation with them, all the time.
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }

# Sessions live in the database, read through the shared cache: any app server can serve any
# visitor, and a flushed Redis logs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Whole-page cache for anonymous visitors (pages/page_cache.py). Seconds; 0 turns it off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
# What browsers (max-age) and a CDN in front (s-maxage) may keep a public page for.
PAGE_CACHE_MAX_AGE = int(os.environ.get("PAGE_CACHE_MAX_AGE", "60"))
PAGE_CACHE_S_MAXAGE = int(os.environ.get("PAGE_CACHE_S_MAXAGE", "60"))
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/documents/", "/django-admin/"]
# Site, settings, menus and view restrictions kept in the shared cache per content generation.
CONTENT_CACHE = env_bool("CONTENT_CACHE", True)

# Optional CDN in front: purge changed pages at once (wagtail.contrib.frontend_cache).
FRONTEND_CACHE = os.environ.get("FRONTEND_CACHE", "").strip().lower()
if FRONTEND_CACHE == "cloudflare":
    WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
            "ZONEID": os.environ.get("CLOUDFLARE_ZONEID", ""),
        }
    }
elif FRONTEND_CACHE == "cloudfront":
    WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": os.environ.get("CLOUDFRONT_DISTRIBUTION_ID", ""),
        }
    }
elif FRONTEND_CACHE == "http":
    WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ.get("FRONTEND_CACHE_PURGE_URL", ""),
        }
    }
elif FRONTEND_CACHE:
    stop("FRONTEND_CACHE must be cloudflare, cloudfront or http (or empty for no CDN).")
if FRONTEND_CACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = os.environ.get("TIME_ZONE", "America/New_York")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
}
# Several app servers share uploads through S3-compatible object storage when a bucket is
# named; credentials come from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (read by boto3).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "file_overwrite": False,
            # Images are public; documents go through Wagtail's view, which checks privacy.
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False),
        },
    }
    # Stream documents through Wagtail's view, which checks privacy, not a bucket redirect.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Email: SMTP from the environment; the console backend in development.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "NMPAA <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# The Wagtail admin's address; a less guessable path keeps casual scanners off its login.
WAGTAILADMIN_PATH = os.environ.get("WAGTAILADMIN_PATH", "admin").strip("/") + "/"

# Background tasks (our notifications, Wagtail's search and reference indexing) queue in
# the database; `manage.py db_worker` runs them. Tests use the immediate backend.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Outreach sign-ups (see outreach/ and the README).
OUTREACH_RATE_LIMITS = [  # per address per form; "off" switches limiting off (benchmarks)
    rate for rate in env_list("OUTREACH_RATE_LIMITS", "10/m,100/h") if rate.lower() != "off"
]
OUTREACH_MIN_FILL_SECONDS = float(os.environ.get("OUTREACH_MIN_FILL_SECONDS", "3"))
OUTREACH_FORM_MAX_AGE = 60 * 60 * 24  # a form left open longer asks to be sent again
OUTREACH_RETENTION_DAYS = int(os.environ.get("OUTREACH_RETENTION_DAYS", "730"))
OUTREACH_PRIVACY_NOTICE_VERSION = os.environ.get("OUTREACH_PRIVACY_NOTICE_VERSION", "2026-11")
OUTREACH_EMAIL_SENDER_NAME = os.environ.get("OUTREACH_EMAIL_SENDER_NAME", "Website team")
OUTREACH_NOTIFY_MAX_ATTEMPTS = 5
OUTREACH_NOTIFY_RETRY_SECONDS = 60  # doubled after each failure
PHONENUMBER_DEFAULT_REGION = "US"
PHONENUMBER_DB_FORMAT = "E164"

WAGTAIL_SITE_NAME = "National Missing Persons Advocacy Association"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    # On PostgreSQL this is PostgreSQL full-text search; on SQLite, FTS5.
    "default": {"BACKEND": "wagtail.search.backends.database"},
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Staff avatars would otherwise load from gravatar.com, telling it who works here.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- Security -----------------------------------------------------------------------------
# Production settings turn on HTTPS-only cookies, HSTS and the redirect (see production.py).

# Staff sessions end after a working day, or after an idle hour (StaffSessionTimeoutMiddleware).
SESSION_COOKIE_AGE = int(os.environ.get("SESSION_MAX_AGE", str(8 * 60 * 60)))
SESSION_IDLE_TIMEOUT = int(os.environ.get("SESSION_IDLE_TIMEOUT", str(60 * 60)))
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Nothing reads the CSRF cookie from JavaScript (Wagtail's admin takes the token from the page).
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "nmpaa_site.errors.csrf_failure"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy (django-csp 4). No nonces: cached pages are stored whole, so a
# nonce would be replayed to every visitor; all script and style comes from our own files.
# The Wagtail admin needs more, and gets it on its own path only (content_security.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# Nothing on the site uses these browser features; deny them to every page and embed.
PERMISSIONS_POLICY = {
    feature: []
    for feature in [
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "fullscreen",
        "geolocation",
        "gyroscope",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ]
}

# Brute-force protection on the Wagtail login (django-axes): 5 failures for one username,
# or from one address, lock that username or address out for AXES_COOLOFF_MINUTES.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "nmpaa_site.errors.locked_out"
AXES_CLIENT_IP_CALLABLE = "nmpaa_site.client_ip.client_ip"
# The visitor's address for login lockouts and sign-up rate limits (client_ip.py). Empty: the
# connecting address. Behind a proxy: the header it sets, e.g. X-Forwarded-For.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "")

# Two-factor authentication (wagtail-2fa on django-otp): required in the admin for
# superusers and for anyone who can see outreach submissions (two_factor.py).
WAGTAIL_2FA_REQUIRED = env_bool("WAGTAIL_2FA_REQUIRED", True)
OTP_TOTP_ISSUER = "NMPAA"

# Logging: one line per request and every error's traceback, to standard output.
# LOG_FORMAT=json gives one JSON object per line for a log collector.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text").strip().lower()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "nmpaa_site.request_logging.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "filters": ["request_id"],
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": "INFO"},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # Both log every page save and every task at INFO; that buries real messages.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # Lockouts are WARNING; each single failure at INFO would log usernames and addresses.
        "axes": {"level": "WARNING"},
    },
}
