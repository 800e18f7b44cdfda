"""Every tel: and sms: link on every page type is a live help line's number, as published."""

import re

import pytest

from pages.models import HelpLine
from tests.factories import publish_help_line

pytestmark = pytest.mark.django_db

PAGE_TYPES = {
    "home": "/",
    "legal framework section": "/legal-framework/",
    "convention": "/legal-framework/palermo-protocol/",
    "role": "/legal-framework/law-enforcement/",
    "initiative": "/legal-framework/blue-heart-campaign/",
    "standard page": "/browse-safely/",
    "scams page": "/scams-and-fake-calls/",
    "sign-up page": "/partner-with-us/become-an-advocate/",
    "family guide section": "/help-for-families/",
    "family guide page": "/help-for-families/right-now/",
    "family checklist": "/help-for-families/first-hours-checklist/",
    "search": "/search/?q=zzzz",
    "not found": "/no-such-page/",
}
LINK = re.compile(r'href="((?:tel|sms):[^"]*)"')


def published_links():
    links = set()
    for line in HelpLine.objects.filter(live=True, active=True):
        links.add(f"tel:{line.dialled}")
        if line.sms_number:
            links.add(f"sms:{line.sms_number}")
    return links


@pytest.fixture
def changed_hotline(loaded_site):
    publish_help_line(
        "trafficking_hotline", shown="(202) 555-0111", dialled="+12025550111", sms_number="55511"
    )


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_every_phone_link_is_a_published_help_line(client, changed_hotline, name):
    response = client.get(PAGE_TYPES[name])
    assert response.status_code in (200, 404)
    links = set(LINK.findall(response.text))
    assert links, "no help number on the page"
    assert links <= published_links()
    assert "tel:+18883737888" not in links and "sms:233733" not in links


def test_the_chrome_gives_every_help_line_on_the_home_page(client, changed_hotline):
    links = set(LINK.findall(client.get("/").text))
    assert {"tel:911", "tel:+12025550111", "sms:55511", "tel:+18008435678"} <= links
    assert "tel:+18778766722" in links


def test_a_line_staff_switch_off_leaves_every_page(client, loaded_site):
    publish_help_line("missing_children", active=False)
    for url in ("/", "/help-for-families/right-now/", "/scams-and-fake-calls/"):
        assert "tel:+18008435678" not in client.get(url).text, url
