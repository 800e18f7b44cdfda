"""The process refuses to start on bad configuration, in one line."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def run_manage(env_overrides, *args):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "DEBUG", "WAGTAILADMIN_BASE_URL"}
    }
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_manage(
        {
            "DJANGO_SETTINGS_MODULE": "nmpaa_site.settings.production",
            "ALLOWED_HOSTS": "x",
        },
        "check",
    )
    assert result.returncode != 0
    assert result.stderr.strip() == (
        "nmpaa: SECRET_KEY is not set; production refuses to start without it."
    )


def test_production_refuses_to_start_without_allowed_hosts():
    env = {
        "DJANGO_SETTINGS_MODULE": "nmpaa_site.settings.production",
        "SECRET_KEY": "k" * 50,
    }
    result = run_manage(env | {"ALLOWED_HOSTS": ""}, "check")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr
    assert "Traceback" not in result.stderr


def test_unusable_database_url_is_one_line():
    result = run_manage({"DATABASE_URL": "nosuchdb://x/y"}, "check")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "DATABASE_URL" in result.stderr


def test_unreachable_database_is_one_line():
    result = run_manage(
        {"DATABASE_URL": "postgres://nobody@127.0.0.1:1/none"}, "migrate", "--check"
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "DATABASE_URL" in result.stderr


def test_admin_links_follow_the_port_make_run_serves_on():
    result = run_manage(
        {
            "DJANGO_SETTINGS_MODULE": "nmpaa_site.settings.dev",
            "PORT": "8123",
        },
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL)",
    )
    assert result.stdout.strip() == "http://127.0.0.1:8123", result.stderr
