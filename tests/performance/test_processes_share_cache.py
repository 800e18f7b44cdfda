"""Several app processes without Redis never serve a page older than the last change."""

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest

from scripts.harness import REPO, Visitor, production_server

OLD_PHONE = "(877) US-NMPAA"
NEW_PHONE = "(202) 555-0143"  # in the 555-01XX range reserved for fiction
# What an approved help-line change does: publish it, in a process of its own.
CHANGE_PHONE = (
    "from tests.factories import publish_help_line; "
    f"publish_help_line('nmpaa', shown={NEW_PHONE!r}, dialled='+12025550143')"
)


def phones_shown(base, loads):
    """How many of `loads` home page loads, eight at a time, show each number."""
    with ThreadPoolExecutor(max_workers=8) as pool:
        pages = list(pool.map(lambda _: Visitor(base).get("/").text, range(loads)))
    return {
        "new": sum(NEW_PHONE in page for page in pages),
        "old": sum(OLD_PHONE in page for page in pages),
    }


@pytest.mark.django_db(transaction=True)
def test_two_workers_show_a_changed_phone_number_at_once(tmp_path, site, database_url):
    with production_server(database_url, folder=tmp_path, workers=2) as server:
        # Both workers render and cache the home page with the old number.
        assert phones_shown(server.url, 30) == {"new": 0, "old": 30}

        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", CHANGE_PHONE],
            cwd=REPO,
            env=server.env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr

        assert phones_shown(server.url, 30) == {"new": 30, "old": 0}
