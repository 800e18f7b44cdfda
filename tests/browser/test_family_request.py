"""A family asks NMPAA for help in a real browser: found in two clicks, filled by its labels."""

from pathlib import Path

from django.contrib.auth import get_user_model

import pytest

from outreach.models import FamilyHelpRequest
from tests.factories import FamilyHelpRequestFactory

from .test_public_site import axe_violations

# Copied by hand to docs/screenshots/ after looking at them; a test run leaves the tree clean.
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
FORM = "/help-for-families/ask-for-help/"


def fill_in(page):
    page.get_by_label("Your name").fill("Maria Lopez")
    page.get_by_label("How are you related to the missing person?").fill("Mother")
    page.get_by_label("Phone number (optional)").fill("(212) 555-0100")
    page.get_by_label("Phone call", exact=True).check()
    page.get_by_label("No voicemail").check()
    page.get_by_label("Spanish").check()
    page.get_by_label("Their first name").fill("Jordan")
    page.get_by_label("Their age").fill("15")
    page.get_by_label("City where they were last seen").fill("Baltimore")
    page.get_by_label("State where they were last seen").select_option("MD")
    page.get_by_label("Date they were last seen").fill("01/15/2026")
    page.get_by_label("The police would not take a report").check()
    page.get_by_label("Advocacy with the police").check()
    page.get_by_label("I agree that NMPAA may keep these details").check()


def test_from_the_home_page_a_family_asks_for_help_in_two_clicks(browser, live_site):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(live_site + "/")
    page.get_by_role("link", name="Someone I love is missing").click()
    page.get_by_role("link", name="Ask NMPAA for help").click()
    page.wait_for_url(live_site + FORM)
    assert page.get_by_role("heading", level=1).inner_text() == "Ask NMPAA for help"

    fill_in(page)
    page.get_by_role("button", name="Send").click()
    page.wait_for_url(live_site + FORM + "thanks/")
    assert "within five working days" in page.content()
    assert "Jordan" not in page.content()
    saved = FamilyHelpRequest.objects.get()
    assert (saved.missing_first_name, saved.preferred_language) == ("Jordan", "es")
    assert saved.police_refused and not saved.voicemail_allowed
    context.close()


def test_an_empty_send_shows_the_error_summary_focused(page, live_site):
    page.goto(live_site + FORM)
    page.get_by_role("button", name="Send").click()
    page.wait_for_selector(".error-summary")
    assert page.evaluate("document.activeElement.className") == "error-summary"
    summary = page.locator(".error-summary").inner_text()
    assert "Enter an email address or a phone number, so we can reach you." in summary
    assert "Enter the police report number" in summary


@pytest.mark.parametrize("width", [375, 1280])
def test_axe_finds_no_violations_on_the_request_form(browser, live_site, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(live_site + FORM)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"family-request-{width}.png", full_page=True)
    reports = {"empty": axe_violations(page)}
    page.get_by_role("button", name="Send").click()
    page.wait_for_selector(".error-summary")
    reports["with errors"] = axe_violations(page)
    context.close()
    assert reports == {"empty": "", "with errors": ""}


def test_a_caseworker_triages_a_request_on_the_review_screen(page, live_site):
    get_user_model().objects.create_superuser("director", "d@example.org", "granite lantern 42")
    request = FamilyHelpRequestFactory(contact_methods="phone", times_to_avoid="Only after 5pm")
    page.goto(live_site + "/admin/login/")
    page.get_by_label("Username").fill("director")
    page.get_by_label("Password").fill("granite lantern 42")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_site + "/admin/")

    page.goto(live_site + "/admin/family-requests/")
    page.get_by_role("link", name="Jordan").click()
    page.wait_for_url(f"{live_site}/admin/family-requests/edit/{request.pk}/")
    assert page.get_by_text("Safe ways to contact: Phone call. Do not email or text.").is_visible()
    assert page.get_by_text("Leave no voicemail.").is_visible()
    page.screenshot(path=SCREENSHOTS / "family-request-review-1280.png", full_page=True)

    page.locator("#id_status").select_option("triaged")
    page.get_by_label("Next contact by").fill("2026-12-10")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("updated").first.wait_for()
    request.refresh_from_db()
    assert request.status == "triaged" and str(request.next_contact_by) == "2026-12-10"
