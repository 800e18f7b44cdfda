"""The three sign-up forms for everyone: axe, keyboard alone, no JavaScript, and looks."""

from django.core.cache import cache

import pytest

from outreach import kinds
from outreach.models import SignUpPage

from .test_public_site import SCREENSHOTS, axe_violations

ADVOCATE = "/partner-with-us/become-an-advocate/"
PARTNER = "/partner-with-us/partner-sign-up/"
TRAINING = "/partner-with-us/request-a-training/"
SIGN_UP_PAGES = [ADVOCATE, PARTNER, TRAINING]
THANK_YOU = "Thank you, we have your details"

# What a visitor types into each form, by field name; a checkbox or radio whose value is
# listed gets Space (radios are reached with the arrow keys), a select gets the option typed.
CONTACT_ANSWERS = {
    "email": "visitor@example.org",
    "phone": "(212) 555-0100",
    "city": "Baltimore",
    "state": "Maryland",
    "contact_methods": "text",
    "consent": "on",
}
KEYBOARD_ANSWERS = {
    ADVOCATE: CONTACT_ANSWERS | {"name": "Keisha Brown", "interests": "events"},
    PARTNER: CONTACT_ANSWERS
    | {
        "organisation": "Grace Chapel",
        "organisation_type": "Faith community",
        "name": "Pat Jones",
        "areas": "events",
    },
    TRAINING: CONTACT_ANSWERS
    | {
        "organisation": "Lincoln High School",
        "name": "Sam Lee",
        "audiences": "teens",
        "expected_attendees": "120",
        "preferred_dates": "Any Tuesday in March",
        "delivery": "online",
    },
}


def saved_from(path):
    """The one sign-up saved by the form at `path`, found through its page's kind."""
    page = SignUpPage.objects.get(url_path__endswith=path)
    return kinds.get(page.form_kind).model.objects.get()


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()


def send_empty(page):
    page.get_by_role("button", name="Send").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="There is a problem").is_visible()


@pytest.mark.parametrize("width", [1280, 375])
def test_axe_finds_no_violations_on_the_sign_up_forms_empty_and_with_errors(
    browser, live_site, width
):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    reports = {}
    for path in SIGN_UP_PAGES:
        page.goto(live_site + path)
        reports[path] = axe_violations(page)
        send_empty(page)
        reports[path + " with errors"] = axe_violations(page)
    context.close()
    assert {state: report for state, report in reports.items() if report} == {}


def focused(page):
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return {tag: el.tagName.toLowerCase(), type: el.type || "", name: el.name || "",
                    value: el.value || "", text: el.textContent.trim()};
        }"""
    )


def test_keyboard_alone_tabs_to_the_quick_exit_on_a_form(page, live_site):
    page.goto(live_site + ADVOCATE)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Skip to Exit this page"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "quick-exit"


def answer_by_keyboard(page, element, answers):
    """Type, pick or tick the answer for the focused field, as a keyboard user would."""
    answer = answers.get(element["name"])
    if answer is None:
        return
    if element["type"] == "radio":
        # Tab enters a radio group once; the arrow keys move through it, choosing as they go.
        for _ in range(10):
            if focused(page)["value"] == answer:
                break
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Space")
    elif element["type"] == "checkbox":
        if element["value"] == answer or element["name"] == "consent":
            page.keyboard.press("Space")
    else:
        # A focused select picks the option whose label is typed, as in a real browser.
        page.keyboard.type(answer)


@pytest.mark.parametrize("path", SIGN_UP_PAGES)
def test_keyboard_alone_fills_in_and_sends_a_sign_up_form(page, live_site, path):
    answers = KEYBOARD_ANSWERS[path]
    page.goto(live_site + path)
    seen = set()
    for _ in range(150):
        page.keyboard.press("Tab")
        element = focused(page)
        if element["tag"] == "button" and element["text"] == "Send":
            break
        answer_by_keyboard(page, element, answers)
        seen.add(element["name"])
    else:
        pytest.fail("Tab never reached the Send button")
    assert set(answers) <= seen, f"Tab skipped {set(answers) - seen}"
    page.keyboard.press("Enter")
    page.wait_for_url("**/thanks/")
    assert page.get_by_role("heading", level=1).inner_text() == THANK_YOU
    signup = saved_from(path)
    assert (signup.email, signup.state, signup.contact_methods) == (
        "visitor@example.org",
        "MD",
        "text",
    )


def fill_by_label(page, path):
    """Fill a form by its labels, the way the no-JavaScript visitor would."""
    page.get_by_label("Email address").fill("visitor@example.org")
    page.get_by_label("City").fill("Baltimore")
    page.get_by_label("State").select_option(label="Maryland")
    page.get_by_role("group", name="How is it safe to contact you?").get_by_label("Email").check()
    if path == ADVOCATE:
        page.get_by_label("Your name").fill("Keisha Brown")
        page.get_by_label("Awareness events").check()
    elif path == PARTNER:
        page.get_by_label("Organization name").fill("Grace Chapel")
        page.get_by_label("Type of organization").select_option(label="Faith community")
        page.get_by_label("Contact name").fill("Pat Jones")
        page.get_by_role("group", name="Areas of collaboration").get_by_label("Events").check()
    else:
        page.get_by_label("School or group").fill("Lincoln High School")
        page.get_by_label("Contact name").fill("Sam Lee")
        page.get_by_label("Teens").check()
        page.get_by_label("How many people do you expect?").fill("120")
        page.get_by_label("Preferred dates").fill("Any Tuesday in March")
        page.get_by_label("In person", exact=True).check()
        page.get_by_label("Address (for in-person sessions) (optional)").fill("1 Main St")
    page.get_by_label("I agree that NMPAA may keep these details").check()


@pytest.mark.parametrize("path", SIGN_UP_PAGES)
def test_sign_up_forms_read_and_send_without_javascript(browser, live_site, path):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(live_site + path)
    assert page.get_by_role("heading", level=1).is_visible()
    assert page.get_by_text("This form is not for emergencies").is_visible()
    assert page.get_by_role("link", name="Exit this page", exact=True).is_visible()

    send_empty(page)
    # Without the script nothing moves focus, so the summary comes first in the page.
    assert page.get_by_role("alert").get_by_role("link").count() >= 5
    assert page.get_by_label("City").get_attribute("aria-invalid") == "true"
    fill_by_label(page, path)
    page.get_by_role("button", name="Send").click()
    page.wait_for_url("**/thanks/")
    assert page.get_by_role("heading", level=1).inner_text() == THANK_YOU
    assert saved_from(path).email == "visitor@example.org"
    context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots_of_a_form_empty_with_errors_and_thanked(browser, live_site, width):
    """Pictures to look at (var/screenshots/); the error summary is in view when shown."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(live_site + TRAINING)
    page.screenshot(path=SCREENSHOTS / f"sign-up-form-{width}.png", full_page=True)
    send_empty(page)
    box = page.get_by_role("alert").bounding_box()
    assert box is not None and box["y"] < 900, "the error summary is out of view"
    # The sticky exit bar is drawn where the window is scrolled to, so picture it from the top.
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=SCREENSHOTS / f"sign-up-form-errors-{width}.png", full_page=True)
    fill_by_label(page, TRAINING)
    page.get_by_role("button", name="Send").click()
    page.wait_for_url("**/thanks/")
    page.screenshot(path=SCREENSHOTS / f"sign-up-thank-you-{width}.png", full_page=True)
    context.close()
