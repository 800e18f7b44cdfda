"""Every environment variable the site reads: declared once here, read typed through environs.

Settings, gunicorn.conf.py and management commands call `read(NAME)`; nothing else reads
os.environ, except Django (DJANGO_SETTINGS_MODULE) and boto3 (the AWS keys, declared here
so they are documented). An empty value counts as unset.
A value that does not fit its type stops the process with one line naming the variable.
`.env.example` and docs/configuration.md list exactly these (tests/test_env.py checks).
"""

import re
import sys
from dataclasses import dataclass
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import environs


@dataclass(frozen=True)
class Variable:
    name: str
    type: str  # str, bool, int, float, list, path, choice, url, database url, time zone, rates
    default: object  # None: unset, and the code that reads it decides (see meaning)
    production: bool  # production settings refuse to start without it
    meaning: str
    allowed: tuple = ()  # the values of a choice, the schemes of a url


V = Variable
# fmt: off
HTTP = ("http", "https")
VARIABLES = (
    # Django core
    V("DEBUG", "bool", False, False, "Django debug mode; `make run` turns it on; never on in production."),
    V("SECRET_KEY", "str", "", True, "Django's signing key: 50 random characters, kept secret."),
    V("ALLOWED_HOSTS", "list", ["localhost", "127.0.0.1", "[::1]"], True, "The site's host names, comma-separated."),
    V("CSRF_TRUSTED_ORIGINS", "list", [], False, "Origins trusted for form posts, comma-separated, e.g. `https://nmpaa.org`."),
    V("DATABASE_URL", "database url", None, False, "The database, e.g. `postgres://user:password@host:5432/nmpaa`; unset: SQLite file `db.sqlite3` in the repo."),
    V("CONN_MAX_AGE", "int", 60, False, "Seconds a database connection is reused (at most 600)."),
    V("WAGTAILADMIN_BASE_URL", "url", "http://127.0.0.1:8000", False, "The site's public URL, for links in admin emails (under make run: http://127.0.0.1:PORT).", HTTP),
    V("WAGTAILADMIN_PATH", "str", "admin", False, "Path of the Wagtail admin, e.g. `staff-7f3a`."),
    V("STATIC_ROOT", "path", None, False, "Where `collectstatic` writes; unset: `staticfiles/` in the repo."),
    V("MEDIA_ROOT", "path", None, False, "Where uploaded images and documents are kept; unset: `media/` in the repo."),
    V("TIME_ZONE", "time zone", "America/New_York", False, "Time zone for dates shown to staff."),
    # Email
    V("EMAIL_BACKEND", "str", "django.core.mail.backends.smtp.EmailBackend", False, "Django email backend (the console backend under `make run`)."),
    V("EMAIL_HOST", "str", "localhost", False, "SMTP server for outgoing email."),
    V("EMAIL_PORT", "int", 25, False, "SMTP server port."),
    V("EMAIL_HOST_USER", "str", "", False, "SMTP user name."),
    V("EMAIL_HOST_PASSWORD", "str", "", False, "SMTP password."),
    V("EMAIL_USE_TLS", "bool", False, False, "Speak STARTTLS to the SMTP server."),
    V("DEFAULT_FROM_EMAIL", "str", "NMPAA <no-reply@localhost>", False, "Sender of the site's emails."),
    # Caches and CDN
    V("REDIS_URL", "url", None, False, "Shared cache, e.g. `redis://redis.internal:6379/0`; unset: a table in the database. Faster, recommended in production.", ("redis", "rediss", "unix")),
    V("CACHE_KEY_PREFIX", "str", "nmpaa", False, "Prefix of every cache key, to share one Redis between sites."),
    V("PAGE_CACHE_SECONDS", "int", 3600, False, "How long a whole page stays in the shared cache (retired at once on any change); `0` turns the page cache off."),
    V("PAGE_CACHE_MAX_AGE", "int", 60, False, "Seconds browsers may reuse a public page (`Cache-Control: max-age`)."),
    V("PAGE_CACHE_S_MAXAGE", "int", 60, False, "Seconds a CDN may reuse a public page (`s-maxage`); raise it when `FRONTEND_CACHE` purges."),
    V("CONTENT_CACHE", "bool", True, False, "Site, settings, menus and page objects from the shared cache for pages not cached whole (forms)."),
    V("FRONTEND_CACHE", "choice", "", False, "CDN to purge when pages are published; empty: no CDN.", ("cloudflare", "cloudfront", "http")),
    V("CLOUDFLARE_BEARER_TOKEN", "str", "", False, "API token, for `FRONTEND_CACHE=cloudflare`."),
    V("CLOUDFLARE_ZONEID", "str", "", False, "Zone id, for `FRONTEND_CACHE=cloudflare`."),
    V("CLOUDFRONT_DISTRIBUTION_ID", "str", "", False, "Distribution id, for `FRONTEND_CACHE=cloudfront` (AWS credentials as below)."),
    V("FRONTEND_CACHE_PURGE_URL", "url", None, False, "Varnish or nginx purge endpoint, for `FRONTEND_CACHE=http`.", HTTP),
    # Uploads in object storage
    V("AWS_STORAGE_BUCKET_NAME", "str", "", False, "Keep uploads in this S3-compatible bucket; empty: on disk in `MEDIA_ROOT`."),
    V("AWS_ACCESS_KEY_ID", "str", "", False, "Key id for the bucket and CloudFront, read by boto3; empty: boto3 looks elsewhere (e.g. an instance role)."),
    V("AWS_SECRET_ACCESS_KEY", "str", "", False, "Secret key for the bucket and CloudFront, read by boto3."),
    V("AWS_S3_REGION_NAME", "str", "", False, "The bucket's region."),
    V("AWS_S3_ENDPOINT_URL", "url", None, False, "Endpoint of non-AWS object storage (e.g. DigitalOcean Spaces, MinIO).", HTTP),
    V("AWS_S3_CUSTOM_DOMAIN", "str", "", False, "Public host name for media, e.g. a CDN in front of the bucket."),
    V("AWS_QUERYSTRING_AUTH", "bool", False, False, "Signed, expiring media URLs (only for a private bucket)."),
    # Sign-ups
    V("OUTREACH_RATE_LIMITS", "rates", ["10/m", "100/h"], False, "Sign-up posts allowed per address per form, comma-separated; `off` switches limiting off (benchmarks only)."),
    V("OUTREACH_MIN_FILL_SECONDS", "float", 3.0, False, "A sign-up sent sooner after its form was first shown comes back to be checked and sent again."),
    V("OUTREACH_RETENTION_DAYS", "int", 730, False, "Days a declined or archived sign-up is kept after its last status change."),
    V("FAMILY_REQUEST_RETENTION_DAYS", "int", 365, False, "Days a closed family help request is kept after it was closed."),
    V("OUTREACH_PRIVACY_NOTICE_VERSION", "str", "2026-11", False, "Stored with each sign-up; change it when the privacy notice changes."),
    V("OUTREACH_EMAIL_SENDER_NAME", "str", "Website team", False, "Neutral sender name on sign-up emails (address from `DEFAULT_FROM_EMAIL`)."),
    # Staff sign-in
    V("SESSION_MAX_AGE", "int", 8 * 60 * 60, False, "Seconds a staff sign-in lasts at most (a working day)."),
    V("SESSION_IDLE_TIMEOUT", "int", 60 * 60, False, "Seconds of inactivity that end a staff sign-in."),
    V("AXES_COOLOFF_MINUTES", "int", 30, False, "Minutes a locked-out username or address waits."),
    V("CLIENT_IP_HEADER", "str", "", False, "Header the proxy sets with the visitor's address (right-most entry used), e.g. `X-Forwarded-For`; empty: the connecting address."),
    V("WAGTAIL_2FA_REQUIRED", "bool", True, False, "Demand a second factor from superusers and submission reviewers (off under `make run`)."),
    V("LOG_FORMAT", "choice", "text", False, "`json` for one JSON object per log line.", ("text", "json")),
    # HTTPS (production settings only)
    V("HTTPS", "bool", True, False, "Off only for a plain-HTTP trial: no Secure or `__Host-` cookies, HSTS or redirect."),
    V("SECURE_PROXY_SSL_HEADER", "bool", True, False, "Trust `X-Forwarded-Proto: https` from the proxy (which must overwrite it)."),
    V("SECURE_SSL_REDIRECT", "bool", True, False, "Redirect HTTP to HTTPS."),
    V("SECURE_HSTS_SECONDS", "int", 31536000, False, "HSTS lifetime in seconds (one year)."),
    V("SECURE_HSTS_INCLUDE_SUBDOMAINS", "bool", True, False, "HSTS covers subdomains."),
    V("SECURE_HSTS_PRELOAD", "bool", False, False, "Opt in to the browsers' HSTS preload list (hard to undo)."),
    # gunicorn
    V("HOST", "str", "0.0.0.0", False, "Address gunicorn listens on (`make serve` uses `127.0.0.1`)."),
    V("PORT", "int", 8000, False, "Port gunicorn listens on."),
    V("WEB_CONCURRENCY", "int", 2, False, "gunicorn worker processes."),
    V("GUNICORN_THREADS", "int", 1, False, "Threads per gunicorn worker; more than 1 uses gunicorn's threaded worker."),
    V("GUNICORN_TIMEOUT", "int", 30, False, "Seconds before gunicorn restarts a stuck worker."),
    V("GUNICORN_ACCESS_LOG", "str", "", False, "gunicorn's own access log (`-` for standard output); it records query strings, so keep it empty."),
    V("GUNICORN_LOG_LEVEL", "choice", "info", False, "gunicorn's log level.", ("debug", "info", "warning", "error", "critical")),
    V("FORWARDED_ALLOW_IPS", "str", "127.0.0.1,::1", False, "Proxies whose `X-Forwarded-*` headers gunicorn trusts, comma-separated."),
    # Operations
    V("BACKUP_DIR", "path", "backups", False, "Where `manage.py backup` writes archives."),
)
# fmt: on
DECLARED = {variable.name: variable for variable in VARIABLES}
REQUIRED_IN_PRODUCTION = [variable.name for variable in VARIABLES if variable.production]

_env = environs.Env()
_UNSET = object()
RATE = re.compile(r"\d+/\d*[smhd]?")  # django-ratelimit's format


def _one_of(words):
    return f"{', '.join(words[:-1])} or {words[-1]}" if len(words) > 1 else words[0]


def _must(test):
    """A marshmallow validator from a predicate (marshmallow 4 ignores a False return)."""

    def validate(value):
        if not test(value):
            raise environs.ValidationError("invalid")

    return validate


def _is_time_zone(value):
    try:
        ZoneInfo(value)
    except (ValueError, KeyError, OSError):
        return False
    return True


def _is_rates(rates):
    return all(RATE.fullmatch(rate.strip()) or rate.strip().lower() == "off" for rate in rates)


def _parse(variable, default):
    name, allowed = variable.name, variable.allowed
    match variable.type:
        case "str" | "bool" | "path":
            return getattr(_env, variable.type)(name, default)
        case "int" | "float":
            return getattr(_env, variable.type)(
                name, default, validate=environs.validate.Range(min=0)
            )
        case "list":
            return _env.list(name, default)
        case "rates":
            return _env.list(name, default, validate=_must(_is_rates))
        case "choice":
            return _env.str(name, default, validate=_must(lambda v: v.strip().lower() in allowed))
        case "url":
            return _env.str(name, default, validate=_must(lambda v: urlparse(v).scheme in allowed))
        case "time zone":
            return _env.str(name, default, validate=_must(_is_time_zone))
        case "database url":
            return _env.dj_db_url(name, default)
    raise TypeError(f"{name}: unknown type {variable.type!r}")


def _refusal(variable, raw, error):
    name, kind, allowed = variable.name, variable.type, variable.allowed
    if kind == "database url":
        return f"{name} is not a database URL we can use ({error})."
    if kind == "url":  # never echoed: a URL may hold a password
        return f"{name} must be a URL starting {_one_of([f'{s}://' for s in allowed])}."
    expected = {
        "bool": "true or false",
        "int": "a whole number",
        "float": "a number of 0 or more",
        "choice": f"{_one_of(allowed)} (or empty)" if allowed else "",
        "time zone": "a time zone name like America/New_York",
        "rates": "rates like 10/m,100/h (or off)",
    }[kind]
    return f"{name} must be {expected}, got {raw!r}."


def is_set(name):
    """True when the variable has a value that is not blank."""
    DECLARED[name]  # a name not declared above is a bug here, not a configuration error
    return bool(_env.str(name, "").strip())


def read(name, default=_UNSET):
    """The typed value of a declared variable, or its default (or `default`) when unset."""
    variable = DECLARED[name]
    if default is _UNSET:
        default = variable.default
    if not is_set(name):
        return default
    try:
        value = _parse(variable, default)
    except (environs.EnvError, ValueError) as error:
        stop(_refusal(variable, _env.str(name), error))
    if variable.type == "choice":
        return value.strip().lower()
    if variable.type in ("list", "rates"):
        return [item.strip() for item in value if item.strip()]
    return value


def check():
    """Read every declared variable once, so any bad value stops start-up."""
    for variable in VARIABLES:
        read(variable.name)


def stop(message):
    """Refuse to start with a one-line message instead of a traceback."""
    sys.exit(f"nmpaa: {message}")
