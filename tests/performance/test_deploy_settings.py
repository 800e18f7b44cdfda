"""Settings for several app servers come from the environment, as docs/performance.md says."""

from tests.test_settings import run_manage

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "nmpaa_site.settings.production",
    "SECRET_KEY": "x" * 50,
    "ALLOWED_HOSTS": "nmpaa.org",
}
PRINT_SETTINGS = (
    "from django.conf import settings; "
    "print(settings.STORAGES['default']['BACKEND']); "
    "print(settings.SESSION_ENGINE); "
    "print(sorted(getattr(settings, 'WAGTAILFRONTENDCACHE', {})))"
)


def test_a_bucket_name_moves_uploads_to_object_storage_and_cdn_purge_is_configured():
    result = run_manage(
        PRODUCTION
        | {
            "AWS_STORAGE_BUCKET_NAME": "nmpaa-media",
            "FRONTEND_CACHE": "cloudflare",
            "CLOUDFLARE_BEARER_TOKEN": "token",
            "CLOUDFLARE_ZONEID": "zone",
        },
        "shell",
        "-c",
        PRINT_SETTINGS,
    )

    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()[-3:]
    assert lines == [
        "storages.backends.s3.S3Storage",
        "django.contrib.sessions.backends.cached_db",
        "['cdn']",
    ]


def test_unknown_cdn_is_refused_in_one_line():
    result = run_manage(PRODUCTION | {"FRONTEND_CACHE": "akamai"}, "check")

    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [
        "nmpaa: FRONTEND_CACHE must be cloudflare, cloudfront or http (or empty), got 'akamai'."
    ]
