"""A visitor finds an appeal from the home page, calls the agency, prints the poster."""

import pytest

from tests.appeals.factories import (
    AppealIndexPageFactory,
    AppealPageFactory,
    ConsentRecordFactory,
    PoliceVerificationFactory,
)

from .test_public_site import SCREENSHOTS, axe_violations


@pytest.fixture
def appeal_site(live_site):
    from wagtail.models import Collection, Site

    if Collection.get_first_root_node() is None:  # a transactional test before flushed it
        Collection.add_root(name="Root")
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = AppealIndexPageFactory(parent=home)
    appeal = AppealPageFactory(parent=index, title="Example Person")
    ConsentRecordFactory(appeal=appeal)
    PoliceVerificationFactory(appeal=appeal)
    AppealPageFactory(parent=index, title="Example Other Person", last_seen_state="OH")
    return {"base": live_site, "index": index.url, "appeal": appeal.url}


def test_visitor_reaches_an_appeal_from_the_home_page_and_can_call_and_print(page, appeal_site):
    page.goto(appeal_site["base"] + "/")
    page.locator("main").get_by_role("link", name="Missing persons").click()
    page.wait_for_url("**/missing-persons/")
    page.get_by_role("link", name="Example Person", exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text() == "Example Person"
    call = page.get_by_role("link", name="(202) 555-0123")
    assert call.get_attribute("href") == "tel:+12025550123"
    with page.expect_download() as download:
        page.get_by_role("link", name="Download poster (PDF)").click()
    assert download.value.suggested_filename == "missing-example-person.pdf"


@pytest.mark.parametrize("width", [375, 1280])
def test_axe_finds_no_violations_on_the_appeals_index_and_an_appeal(browser, appeal_site, width):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    reports = {}
    for name in ("index", "appeal"):
        page.goto(appeal_site["base"] + appeal_site[name])
        reports[name] = axe_violations(page)
        page.screenshot(path=SCREENSHOTS / f"appeals-{name}-{width}.png", full_page=True)
    context.close()
    assert reports == {"index": "", "appeal": ""}
