"""In a real browser: "Checked DATE" beside a help number links to its source, and the scams
page and the checked numbers pass axe."""

import datetime

import pytest

from .test_public_site import axe_violations

SCAMS = "/scams-and-fake-calls/"


@pytest.fixture
def checked_hotline(live_site):
    from tests.factories import publish_help_line

    checked = datetime.date.today() - datetime.timedelta(days=5)
    line = publish_help_line("trafficking_hotline", last_verified_on=checked)
    return line, f"Checked {checked:%B} {checked.day}, {checked.year}"


@pytest.mark.parametrize("width", [375, 1280])
def test_checked_date_links_to_the_source_and_pages_pass_axe(
    browser, live_site, checked_hotline, width
):
    line, label = checked_hotline
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(live_site + "/")
    footer = page.locator("footer")
    link = footer.get_by_role("link", name=f"{label} against the official source")
    assert link.is_visible()
    assert link.get_attribute("href") == line.source_url == "https://humantraffickinghotline.org/"
    reports = {}
    for path in ("/", SCAMS):
        page.goto(live_site + path)
        report = axe_violations(page)
        if report:
            reports[path] = report
    context.close()
    assert reports == {}


def test_the_footer_and_the_family_guide_lead_to_the_scams_page(browser, live_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_site + "/help-for-families/protect-yourselves-from-scams/")
    page.get_by_role("main").get_by_role("link", name="Scams and fake calls").click()
    page.wait_for_url(live_site + SCAMS)
    assert page.get_by_role("heading", level=1).inner_text() == "Scams and fake calls"
    main = page.get_by_role("main")
    assert main.get_by_role("link", name="call 1-800-447-8477").get_attribute("href") == (
        "tel:+18004478477"
    )
    assert main.get_by_role("link", name="spoof@oig.hhs.gov").is_visible()
    page.goto(live_site + "/")
    page.locator("footer").get_by_role("link", name="Scams and fake calls").click()
    page.wait_for_url(live_site + SCAMS)
    context.close()
