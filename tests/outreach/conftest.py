from django.core.cache import cache

import pytest

from outreach.choices import FormKind
from outreach.models import SignUpPage


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sign_up_pages(site):
    pages = {}
    for kind in FormKind:
        page = SignUpPage(title=kind.label, slug=kind.value, form_kind=kind)
        site.root_page.add_child(instance=page)
        pages[kind] = page
    return pages
