"""`manage.py check --deploy` with production settings has nothing to say."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run_check(**env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "HTTPS"}}
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
