"""`manage.py check --deploy` with production settings has nothing to say."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
UNSET_IN_PRODUCTION = {"DEBUG", "HTTPS", "DJANGO_ALLOW_ASYNC_UNSAFE"}


def run_check(**env_overrides):
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE must not leak into a deployment check.
    env = {k: v for k, v in os.environ.items() if k not in UNSET_IN_PRODUCTION}
    env.update(
        DJANGO_SETTINGS_MODULE="nmpaa_site.settings.production",
        SECRET_KEY="Zq8!pK2@vL9#mX4$wR7%tN1^yB6&hJ3*cF5(dG0)sA-e_uI+oP=",
        ALLOWED_HOSTS="nmpaa.org",
        **env_overrides,
    )
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_no_issues_with_production_settings():
    result = run_check()
    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout
    assert "WARNING" not in result.stderr + result.stdout


def test_check_deploy_complains_when_https_is_switched_off():
    # The check is live: turning HTTPS off (cookies, HSTS, redirect) makes it fail.
    result = run_check(HTTPS="false")
    assert result.returncode != 0
    assert "SESSION_COOKIE_SECURE" in result.stderr + result.stdout


def production_settings(*names, **env_overrides):
    # The browser tests' DJANGO_ALLOW_ASYNC_UNSAFE must not leak into a deployment check.
    env = {k: v for k, v in os.environ.items() if k not in UNSET_IN_PRODUCTION}
    env.update(
        DJANGO_SETTINGS_MODULE="nmpaa_site.settings.production",
        SECRET_KEY="k" * 50,
        ALLOWED_HOSTS="nmpaa.org",
        **env_overrides,
    )
    code = "from django.conf import settings; " + "; ".join(
        f"print(repr(settings.{name}))" for name in names
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split("\n")[: len(names)]


def test_production_cookies_are_host_only_secure_and_lax():
    assert production_settings(
        "SESSION_COOKIE_NAME",
        "CSRF_COOKIE_NAME",
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "CSRF_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "SESSION_COOKIE_DOMAIN",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
    ) == [
        "'__Host-sessionid'",
        "'__Host-csrftoken'",
        "True",
        "True",
        "True",
        "'Lax'",
        "None",
        "31536000",
        "True",
        "False",
    ]


def test_hsts_preload_is_an_opt_in():
    assert production_settings("SECURE_HSTS_PRELOAD", SECURE_HSTS_PRELOAD="true") == ["True"]


def test_database_connections_are_bounded_and_checked_before_reuse():
    max_age, health_checks = production_settings(
        "DATABASES['default']['CONN_MAX_AGE']",
        "DATABASES['default']['CONN_HEALTH_CHECKS']",
        CONN_MAX_AGE="100000",
    )
    assert (max_age, health_checks) == ("600", "True")
