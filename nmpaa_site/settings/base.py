"""Settings shared by every environment.

Every value that changes between deployments is read from the environment through
nmpaa_site/env.py, which declares each one (docs/configuration.md lists them). Over 300
lines because every Django, Wagtail, security and third-party app setting is written out once,
here, rather than spread over modules a reader would have to find.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url

from nmpaa_site import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Any declared variable with a bad value stops start-up here, in one line.
env.check()

DEBUG = env.read("DEBUG")
SECRET_KEY = env.read("SECRET_KEY")
ALLOWED_HOSTS = env.read("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.read("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "core",
    "pages",
    "appeals",
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
    "core.request_logging.RequestLogMiddleware",
    # Before host validation and the HTTPS redirect: probes call it by IP over plain HTTP.
    "core.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses HTML; Django pads the output against BREACH. Static files are
    # already compressed by whitenoise at collectstatic time.
    "django.middleware.gzip.GZipMiddleware",
    # Outside sessions, CSRF and auth: a cached page skips them all; see core/page_cache.py.
    # Stored pages keep the security headers the middleware below adds.
    "core.page_cache.PageCacheMiddleware",
    "core.content_security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Outside everything that sets or expires a cookie (sessions, CSRF, messages, views).
    "core.cookie_policy.CookiePolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "core.staff_sessions.StaffSessionTimeoutMiddleware",
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
                "pages.context_processors.help_lines",
            ],
        },
    },
]

# Database: SQLite file in the repo unless DATABASE_URL says otherwise.
SQLITE_DATABASE = dj_database_url.parse(f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
DATABASES = {
    "default": {
        **(env.read("DATABASE_URL") or SQLITE_DATABASE),
        # Bounded reuse, and a liveness check before reuse, so a PostgreSQL restart
        # costs at most one failed request per worker and never needs an app restart.
        "CONN_MAX_AGE": min(env.read("CONN_MAX_AGE"), 600),
        "CONN_HEALTH_CHECKS": True,
    }
}

# The cache every process shares (app workers, the task worker, several app servers): Redis
# when REDIS_URL is set, for speed; otherwise a table in the site's own database, which
# `migrate` creates (core/migrations). Never a per-process cache: one process would
# keep serving pages another has retired.
REDIS_URL = env.read("REDIS_URL")
CACHE_TABLE = "nmpaa_cache"
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.redis_cache.ReusingRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.read("CACHE_KEY_PREFIX"),
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

# Whole-page cache for anonymous visitors (core/page_cache.py). Seconds; 0 turns it off.
PAGE_CACHE_SECONDS = env.read("PAGE_CACHE_SECONDS")
# What browsers (max-age) and a CDN in front (s-maxage) may keep a public page for.
PAGE_CACHE_MAX_AGE = env.read("PAGE_CACHE_MAX_AGE")
PAGE_CACHE_S_MAXAGE = env.read("PAGE_CACHE_S_MAXAGE")
# Never cached, besides the admin (WAGTAILADMIN_PATH): documents check privacy per request.
PAGE_CACHE_EXCLUDED_PATHS = ["/documents/"]
# Site, settings, menus and view restrictions kept in the shared cache per content generation.
CONTENT_CACHE = env.read("CONTENT_CACHE")

# Optional CDN in front: purge changed pages at once (wagtail.contrib.frontend_cache).
FRONTEND_CACHE = env.read("FRONTEND_CACHE")
if FRONTEND_CACHE == "cloudflare":
    WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": env.read("CLOUDFLARE_BEARER_TOKEN"),
            "ZONEID": env.read("CLOUDFLARE_ZONEID"),
        }
    }
elif FRONTEND_CACHE == "cloudfront":
    WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": env.read("CLOUDFRONT_DISTRIBUTION_ID"),
        }
    }
elif FRONTEND_CACHE == "http":
    WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env.read("FRONTEND_CACHE_PURGE_URL", ""),
        }
    }
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
TIME_ZONE = env.read("TIME_ZONE")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.read("STATIC_ROOT") or BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.read("MEDIA_ROOT") or BASE_DIR / "media"
# The help lines last published, for error pages with the database down (core/contacts.py):
# on the media volume that every app container shares.
HELP_LINES_FALLBACK_FILE = Path(MEDIA_ROOT) / "help_lines.json"
# Help lines are published only by an approved workflow (pages/approval.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "pages.approval.publish_approved"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    },
    # Signed consents and the like: beside the uploads, never under MEDIA_URL, no URL at all.
    "private": {
        "BACKEND": "core.private_storage.PrivateStorage",
        "OPTIONS": {
            "location": Path(MEDIA_ROOT).with_name(Path(MEDIA_ROOT).name + "-private"),
        },
    },
}
# Several app servers share uploads through S3-compatible object storage when a bucket is
# named; credentials come from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (read by boto3).
AWS_STORAGE_BUCKET_NAME = env.read("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "region_name": env.read("AWS_S3_REGION_NAME") or None,
            "endpoint_url": env.read("AWS_S3_ENDPOINT_URL"),
            "custom_domain": env.read("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "file_overwrite": False,
            # Images are public; documents go through Wagtail's view, which checks privacy.
            "querystring_auth": env.read("AWS_QUERYSTRING_AUTH"),
        },
    }
    # Stream documents through Wagtail's view, which checks privacy, not a bucket redirect.
    WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Email: SMTP from the environment; the console backend in development.
EMAIL_BACKEND = env.read("EMAIL_BACKEND")
EMAIL_HOST = env.read("EMAIL_HOST")
EMAIL_PORT = env.read("EMAIL_PORT")
EMAIL_HOST_USER = env.read("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env.read("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env.read("EMAIL_USE_TLS")
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env.read("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# The Wagtail admin's address; a less guessable path keeps casual scanners off its login.
WAGTAILADMIN_PATH = env.read("WAGTAILADMIN_PATH").strip("/") + "/"

# Background tasks (our notifications, Wagtail's search and reference indexing) queue in
# the database; `manage.py db_worker` runs them. Tests use the immediate backend.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Outreach sign-ups (see outreach/ and docs/forms.md).
OUTREACH_RATE_LIMITS = [  # per address per form; "off" switches limiting off (benchmarks)
    rate for rate in env.read("OUTREACH_RATE_LIMITS") if rate.lower() != "off"
]
OUTREACH_MIN_FILL_SECONDS = env.read("OUTREACH_MIN_FILL_SECONDS")
OUTREACH_FORM_MAX_AGE = 60 * 60 * 24  # a form left open longer asks to be sent again
OUTREACH_RETENTION_DAYS = env.read("OUTREACH_RETENTION_DAYS")
FAMILY_REQUEST_RETENTION_DAYS = env.read("FAMILY_REQUEST_RETENTION_DAYS")
OUTREACH_PRIVACY_NOTICE_VERSION = env.read("OUTREACH_PRIVACY_NOTICE_VERSION")
OUTREACH_EMAIL_SENDER_NAME = env.read("OUTREACH_EMAIL_SENDER_NAME")
OUTREACH_NOTIFY_MAX_ATTEMPTS = 5
OUTREACH_NOTIFY_RETRY_SECONDS = 60  # doubled after each failure
PHONENUMBER_DEFAULT_REGION = "US"
PHONENUMBER_DB_FORMAT = "E164"

WAGTAIL_SITE_NAME = "National Missing Persons Advocacy Association"
WAGTAILADMIN_BASE_URL = env.read("WAGTAILADMIN_BASE_URL")
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
SESSION_COOKIE_AGE = env.read("SESSION_MAX_AGE")
SESSION_IDLE_TIMEOUT = env.read("SESSION_IDLE_TIMEOUT")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# Nothing reads the CSRF cookie from JavaScript (Wagtail's admin takes the token from the page).
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "core.errors.csrf_failure"

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
AXES_COOLOFF_TIME = timedelta(minutes=env.read("AXES_COOLOFF_MINUTES"))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "core.errors.locked_out"
AXES_CLIENT_IP_CALLABLE = "core.client_ip.client_ip"
# The visitor's address for login lockouts and sign-up rate limits (client_ip.py). Empty: the
# connecting address. Behind a proxy: the header it sets, e.g. X-Forwarded-For.
CLIENT_IP_HEADER = env.read("CLIENT_IP_HEADER")

# Two-factor authentication (wagtail-2fa on django-otp): required in the admin for
# superusers and for anyone who can see outreach submissions (two_factor.py).
WAGTAIL_2FA_REQUIRED = env.read("WAGTAIL_2FA_REQUIRED")
OTP_TOTP_ISSUER = "NMPAA"

# Logging: one line per request and every error's traceback, to standard output.
# LOG_FORMAT=json gives one JSON object per line for a log collector.
LOG_FORMAT = env.read("LOG_FORMAT")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "core.request_logging.RequestIdFilter"}},
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
