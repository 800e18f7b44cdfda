from django.core.cache import cache

import pytest

from outreach.kinds import KINDS
from outreach.models import SignUpPage


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sign_up_pages(site):
    pages = {}
    for kind in KINDS:
        page = SignUpPage(title=kind.label, slug=kind.key, form_kind=kind.key)
        site.root_page.add_child(instance=page)
        pages[kind.key] = page
    return pages
