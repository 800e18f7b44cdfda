import io

from django.core.management import call_command

from wagtail.models import Page, Site

import pytest

from tests.factories import HomePageFactory


@pytest.fixture
def root_page(db):
    return Page.get_first_root_node()


@pytest.fixture
def home_page(root_page):
    # Replace Wagtail's placeholder "Welcome" page with ours, as the loader does.
    root_page.get_children().delete()
    return HomePageFactory(parent=Page.get_first_root_node())


@pytest.fixture
def site(home_page):
    Site.objects.all().delete()
    return Site.objects.create(
        hostname="localhost", port=80, root_page=home_page, is_default_site=True
    )


@pytest.fixture
def loaded_site(db):
    """The whole site as `make run` builds it."""
    call_command("load_site_content", stdout=io.StringIO())
    return Site.objects.get(is_default_site=True)
