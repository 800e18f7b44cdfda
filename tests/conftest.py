import io

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection

from wagtail.models import Locale, Page, Site

import pytest

from core.contacts import LAST_KNOWN_KEY
from tests.factories import HomePageFactory


@pytest.fixture(autouse=True)
def help_lines_fallback(settings, tmp_path):
    """Each test starts with no remembered help lines: its own fallback file, none cached."""
    settings.HELP_LINES_FALLBACK_FILE = tmp_path / "help_lines.json"
    cache.delete(LAST_KNOWN_KEY)
    yield settings.HELP_LINES_FALLBACK_FILE
    cache.delete(LAST_KNOWN_KEY)


@pytest.fixture
def root_page(db):
    """The tree root Wagtail's migrations make (remade if a transactional test flushed it)."""
    tree_root = Page.get_first_root_node()
    if tree_root is None:
        Locale.objects.get_or_create(language_code="en")
        tree_root = Page.add_root(instance=Page(title="Root", slug="root"))
    return tree_root


@pytest.fixture
def home_page(root_page):
    """Our home page in place of Wagtail's "Welcome" page, as the content loader leaves it."""
    root_page.get_children().delete()
    return HomePageFactory(parent=Page.get_first_root_node())


@pytest.fixture
def site(home_page):
    Site.objects.all().delete()
    return Site.objects.create(
        hostname="localhost", port=80, root_page=home_page, is_default_site=True
    )


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """`with committed():` runs a change as if its transaction committed, as in the admin."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def loaded_site(db):
    """The whole site as `make run` builds it."""
    call_command("load_site_content", stdout=io.StringIO())
    return Site.objects.get(is_default_site=True)


@pytest.fixture
def database_url(db):
    """The URL of the database this test runs on, for servers started beside it."""
    settings = connection.settings_dict
    return f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
