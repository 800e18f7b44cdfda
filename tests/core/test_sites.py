"""The site lookup used for every request picks the site Wagtail itself would pick."""

from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

import pytest

from core.sites import find_site
from pages.models import HomePage
from tests.factories import StandardPageFactory

ASKED = [
    (hostname, port)
    for hostname in ("localhost", "nmpaa.org", "www.nmpaa.org", "other.test")
    for port in (80, 443, 8000)
]


def wagtails_choice(hostname, port):
    try:
        return get_site_for_hostname(hostname, port).pk
    except Site.DoesNotExist:
        return None


def picked(hostname, port):
    site = find_site(hostname, port)
    return site.pk if site else None


@pytest.mark.parametrize(
    "others",
    [
        [],  # the default site alone
        [("nmpaa.org", 80, False)],
        [("nmpaa.org", 80, False), ("nmpaa.org", 443, False)],
        [("nmpaa.org", 443, False), ("www.nmpaa.org", 80, False)],
    ],
)
def test_the_same_site_as_wagtail_for_every_host_and_port(site, home_page, others):
    for hostname, port, is_default in others:
        Site.objects.create(
            hostname=hostname,
            port=port,
            is_default_site=is_default,
            root_page=StandardPageFactory(parent=home_page),
        )
    for hostname, port in ASKED:
        assert picked(hostname, port) == wagtails_choice(hostname, port), (hostname, port)


def test_no_site_when_there_is_no_default_and_no_hostname_matches(site):
    site.is_default_site = False
    site.save()

    assert find_site("other.test", 80) is None
    assert find_site("localhost", 8000).pk == site.pk


def test_the_home_page_comes_as_its_own_type(site, django_assert_num_queries):
    found = find_site("localhost", 80)

    assert isinstance(found.root_page, HomePage)
    with django_assert_num_queries(0):
        assert found.root_page.specific is found.root_page
