"""Several app processes without Redis never serve a page older than the last change."""

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.production_server import (
    REPO,
    current_database_url,
    get,
    production_env,
    production_gunicorn,
)

OLD_PHONE = "(877) US-NMPAA"
NEW_PHONE = "(555) 010-0199"  # a number reserved for fiction
# What staff saving Site settings does: save the row, in a process of its own.
CHANGE_PHONE = (
    "from wagtail.models import Site; from pages.models import SiteSettings; "
    "settings = SiteSettings.for_site(Site.objects.get(is_default_site=True)); "
    f"settings.phone_display = {NEW_PHONE!r}; settings.save()"
)


def phones_shown(base, loads):
    """How many of `loads` home page loads, eight at a time, show each number."""
    with ThreadPoolExecutor(max_workers=8) as pool:
        bodies = list(pool.map(lambda _: get(f"{base}/")[2], range(loads)))
    return {
        "new": sum(NEW_PHONE.encode() in body for body in bodies),
        "old": sum(OLD_PHONE.encode() in body for body in bodies),
    }


@pytest.mark.django_db(transaction=True)
def test_two_workers_show_a_changed_phone_number_at_once(tmp_path, site):
    database_url = current_database_url()
    with production_gunicorn(tmp_path, database_url, WEB_CONCURRENCY="2") as (base, _):
        # Both workers render and cache the home page with the old number.
        assert phones_shown(base, 30) == {"new": 0, "old": 30}

        changer = production_env(tmp_path, database_url)
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", CHANGE_PHONE],
            cwd=REPO,
            env=changer,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr

        assert phones_shown(base, 30) == {"new": 30, "old": 0}
