"""Each sign-up reached from the home page by clicking, filled by its labels, in chromium."""

from django.core.cache import cache

import pytest

from outreach.models import AdvocateSignup, PartnerSignup, TrainingRequest


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


def open_from_home(page, live_site, link_name):
    page.goto(live_site + "/")
    page.get_by_role("region", name="Get involved").get_by_role("link", name=link_name).click()
    assert page.get_by_role("heading", level=1).inner_text() == link_name
    assert page.get_by_text("This form is not for emergencies").is_visible()


def fill_contact_details(page):
    page.get_by_label("Email address").fill("visitor@example.org")
    page.get_by_label("Phone number (optional)").fill("(212) 555-0100")
    page.get_by_label("City").fill("Baltimore")
    page.get_by_label("State").select_option(label="Maryland")
    page.get_by_role("group", name="How is it safe to contact you?").get_by_label(
        "Text message"
    ).check()
    page.get_by_label("Times or ways to avoid (optional)").fill("No calls after 6pm")


def agree_and_send(page):
    page.get_by_label("I agree that NMPAA may keep these details").check()
    page.get_by_role("button", name="Send").click()


def assert_empty_submission_is_explained(page, first_field_label):
    page.get_by_role("button", name="Send").click()
    summary = page.get_by_role("alert")
    assert summary.get_by_role("heading", name="There is a problem").is_visible()
    assert page.evaluate("document.activeElement.className") == "error-summary"
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.labels[0].textContent.trim()") == (
        first_field_label
    )


def test_visitor_becomes_an_advocate(page, live_site):
    open_from_home(page, live_site, "Become an advocate")
    assert_empty_submission_is_explained(page, "Your name")

    page.get_by_label("Your name").fill("Keisha Brown")
    fill_contact_details(page)
    page.get_by_role("group", name="Ways you would like to help").get_by_label(
        "Awareness events"
    ).check()
    page.get_by_label("Languages you speak (optional)").fill("English, Spanish")
    agree_and_send(page)

    assert page.get_by_role("heading", level=1).inner_text() == "Thank you, we have your details"
    signup = AdvocateSignup.objects.get()
    assert (signup.name, str(signup.phone), signup.contact_methods) == (
        "Keisha Brown",
        "+12125550100",
        "text",
    )


def test_organisation_partners_with_us(page, live_site):
    open_from_home(page, live_site, "Partner with us as an organization")
    assert_empty_submission_is_explained(page, "Organization name")

    page.get_by_label("Organization name").fill("Grace Chapel")
    page.get_by_label("Type of organization").select_option(label="Faith community")
    page.get_by_label("Website (optional)").fill("grace.example.org")
    page.get_by_label("Contact name").fill("Pat Jones")
    fill_contact_details(page)
    page.get_by_role("group", name="Areas of collaboration").get_by_label("Events").check()
    agree_and_send(page)

    assert page.get_by_role("heading", level=1).inner_text() == "Thank you, we have your details"
    assert PartnerSignup.objects.get().website == "https://grace.example.org"


def test_school_requests_a_training(page, live_site):
    open_from_home(page, live_site, "Request a training or talk")
    assert_empty_submission_is_explained(page, "School or group")

    page.get_by_label("School or group").fill("Lincoln High School")
    page.get_by_label("Contact name").fill("Sam Lee")
    fill_contact_details(page)
    page.get_by_role("group", name="Who is the audience?").get_by_label("Teens").check()
    page.get_by_label("How many people do you expect?").fill("120")
    page.get_by_label("Preferred dates").fill("Any Tuesday in March")
    page.get_by_label("Online").check()
    agree_and_send(page)

    assert page.get_by_role("heading", level=1).inner_text() == "Thank you, we have your details"
    request = TrainingRequest.objects.get()
    assert (request.organisation, request.expected_attendees, request.delivery) == (
        "Lincoln High School",
        120,
        "online",
    )


def test_quick_resend_after_an_error_is_accepted(page, live_site, settings):
    """Ticking the forgotten box and sending at once is what a person does, not a bot."""
    settings.OUTREACH_MIN_FILL_SECONDS = 3
    open_from_home(page, live_site, "Become an advocate")
    page.get_by_label("Your name").fill("Keisha Brown")
    fill_contact_details(page)
    page.get_by_role("group", name="Ways you would like to help").get_by_label(
        "Awareness events"
    ).check()
    page.wait_for_timeout(3_500)  # the time a person takes to fill the form in
    page.get_by_role("button", name="Send").click()  # the consent box forgotten

    summary = page.get_by_role("alert")
    assert summary.get_by_role("link", name="Tick the box to agree").is_visible()
    assert page.get_by_label("Your name").input_value() == "Keisha Brown"
    agree_and_send(page)  # at once, well within three seconds of the error page

    assert page.get_by_role("heading", level=1).inner_text() == "Thank you, we have your details"
    assert AdvocateSignup.objects.get().name == "Keisha Brown"
