"""Exit this page: by click and by Shift pressed three times, it leaves and forgets."""

from django.contrib.sessions.backends.db import SessionStore

import pytest
from playwright.sync_api import expect

NEUTRAL = "https://www.google.com/"
ARTICLE = "/legal-framework/palermo-protocol/"


@pytest.fixture
def neutral_site(browser_context):
    """The neutral page, answered locally: the tests never touch the network."""
    browser_context.route(
        NEUTRAL + "**",
        lambda route: route.fulfill(
            status=200,
            content_type="text/html",
            body="<!DOCTYPE html><title>Google</title><p>Neutral page</p>",
        ),
    )
    return NEUTRAL


@pytest.fixture
def visitor_session(browser_context, live_site):
    """A visitor with a session on the site, as a half-filled sign-up would leave."""
    session = SessionStore()
    session["signup_draft"] = {"name": "Someone"}
    session.create()
    browser_context.add_cookies(
        [{"name": "sessionid", "value": session.session_key, "url": live_site}]
    )
    return session.session_key


def arrive_at_article_from_home(page, live_site):
    page.goto(live_site + "/")
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Fighting Human Trafficking"
    ).click()
    page.get_by_role("link", name="Palermo Protocol").click()
    page.wait_for_url("**" + ARTICLE)


def assert_left_and_forgotten(page, browser_context, live_site, session_key):
    # expect() polls; wait_for_url would trip on Chromium's own unrouted side request.
    expect(page).to_have_url(NEUTRAL)
    expect(page).to_have_title("Google")
    assert not SessionStore().exists(session_key)
    assert "sessionid" not in {cookie["name"] for cookie in browser_context.cookies(live_site)}
    # Back does not return to the page the visitor left.
    page.go_back()
    assert not page.url.endswith(ARTICLE)


def test_clicking_exit_leaves_forgets_and_back_skips_the_page(
    page, browser_context, live_site, neutral_site, visitor_session
):
    arrive_at_article_from_home(page, live_site)
    page.get_by_role("link", name="Exit this page", exact=True).click()
    assert_left_and_forgotten(page, browser_context, live_site, visitor_session)


def test_pressing_shift_three_times_leaves(
    page, browser_context, live_site, neutral_site, visitor_session
):
    arrive_at_article_from_home(page, live_site)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert_left_and_forgotten(page, browser_context, live_site, visitor_session)


def test_typing_capital_letters_does_not_exit(page, live_site, neutral_site):
    page.goto(live_site + "/search/")
    page.get_by_label("Search the site").focus()
    for key in ["Shift+P", "Shift+A", "Shift+L", "Shift", "a", "Shift"]:
        page.keyboard.press(key)
    page.wait_for_timeout(300)
    assert page.url.endswith("/search/")
    assert page.get_by_label("Search the site").input_value() == "PALa"


def test_exit_blanks_the_page_and_title_before_leaving(page, live_site, neutral_site):
    page.goto(live_site + "/search/")
    page.get_by_label("Search the site").fill("something private")
    # Read the page in the same task as the click, before the browser moves on.
    title, body_display, typed = page.evaluate(
        """() => {
            document.querySelector("[data-quick-exit]").click();
            return [
                document.title,
                getComputedStyle(document.body).display,
                document.getElementById("search-query").value,
            ];
        }"""
    )
    assert (title, body_display, typed) == ("New Tab", "none", "")
    expect(page).to_have_url(NEUTRAL)


def test_a_page_restored_from_the_cache_is_shown_again(page, live_site):
    page.goto(live_site + ARTICLE)
    page.evaluate(
        """() => {
            document.documentElement.classList.add("is-exiting");
            document.title = "New Tab";
            window.dispatchEvent(new PageTransitionEvent("pageshow", {persisted: true}));
        }"""
    )
    assert page.locator("body").is_visible()
    assert page.title().startswith("Palermo Protocol")


def test_without_javascript_exit_is_a_plain_link_that_still_forgets(
    browser, live_site, visitor_session, browser_context
):
    context = browser.new_context(java_script_enabled=False)
    context.route(
        NEUTRAL + "**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<p>Neutral</p>"),
    )
    context.add_cookies(browser_context.cookies(live_site))
    page = context.new_page()
    page.goto(live_site + ARTICLE)
    page.get_by_role("link", name="Exit this page", exact=True).click()
    expect(page).to_have_url(NEUTRAL)
    assert not SessionStore().exists(visitor_session)
    context.close()
