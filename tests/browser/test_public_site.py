"""The public site in a real browser: accessibility, keyboard use, no JavaScript, looks."""

import gzip
import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"

HOME = "/"
SECTION = "/legal-framework/"
CONVENTION = "/legal-framework/palermo-protocol/"
ROLE = "/legal-framework/governments/"
INITIATIVE = "/legal-framework/blue-heart-campaign/"
SEARCH_RESULTS = "/search/?q=trafficking"
SEARCH_MISSING_PERSON = "/search/?q=my+child+is+missing"  # help for families, no results
ARTICLE_FOR_TESTS = CONVENTION
SIGN_UP_FORM = "/partner-with-us/request-a-training/"
READING_PAGES = [
    HOME,
    SECTION,
    CONVENTION,
    ROLE,
    INITIATIVE,
    SEARCH_RESULTS,
    SEARCH_MISSING_PERSON,
    "/browse-safely/",
    "/accessibility/",
]

AXE_OPTIONS = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}


def axe_violations(page):
    results = Axe().run(page, options=AXE_OPTIONS)
    return results.generate_report() if results.violations_count else ""


@pytest.mark.parametrize("width", [1280, 375])
def test_axe_finds_no_violations_on_reading_pages(browser, live_site, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    reports = {}
    for path in READING_PAGES:
        page.goto(live_site + path)
        report = axe_violations(page)
        if report:
            reports[path] = report
    context.close()
    assert reports == {}


def test_axe_finds_no_violations_with_the_mobile_menu_open(browser, live_site):
    context = browser.new_context(viewport={"width": 375, "height": 900})
    page = context.new_page()
    page.goto(live_site + ARTICLE_FOR_TESTS)
    page.get_by_role("button", name="Menu").click()
    nav = page.get_by_role("navigation", name="Main")
    assert nav.get_by_role("link", name="Search").is_visible()
    assert axe_violations(page) == ""
    context.close()


def focused_text(page):
    return page.evaluate("document.activeElement.textContent.trim()")


def test_keyboard_reaches_quick_exit_by_the_second_skip_link(page, live_site):
    page.goto(live_site + ARTICLE_FOR_TESTS)
    page.keyboard.press("Tab")
    assert focused_text(page) == "Skip to main content"
    page.keyboard.press("Tab")
    assert focused_text(page) == "Skip to Exit this page"
    assert page.get_by_role("link", name="Skip to Exit this page").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "quick-exit"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid", "the focused exit button shows no focus ring"


def test_keyboard_alone_searches_and_opens_a_result(page, live_site):
    page.goto(live_site + "/search/")
    page.keyboard.press("Tab")
    while page.evaluate("document.activeElement.id") != "search-query":
        page.keyboard.press("Tab")
    page.keyboard.type("palermo")
    page.keyboard.press("Tab")
    assert focused_text(page) == "Search"
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=palermo")
    page.get_by_role("link", name="Palermo Protocol").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**" + CONVENTION)
    assert page.get_by_role("heading", level=1).inner_text() == "Palermo Protocol"


def test_keyboard_opens_and_closes_the_mobile_menu(browser, live_site):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(live_site + "/")
    menu_link = page.get_by_role("navigation", name="Main").get_by_role("link", name="About NMPAA")
    assert not menu_link.is_visible()
    toggle = page.get_by_role("button", name="Menu")
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")
    assert menu_link.is_visible()
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.dataset.navToggle") == ""
    assert not menu_link.is_visible()
    context.close()


def test_touch_targets_are_at_least_44_pixels(browser, live_site):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(live_site + SEARCH_RESULTS)
    page.get_by_role("button", name="Menu").click()
    small = page.evaluate(
        """() => [...document.querySelectorAll(
            '.quick-exit__button, .menu-toggle, .main-nav a, .search-form input, '
            + '.button, .site-name'
        )].map(el => [el.textContent.trim() || el.id, el.getBoundingClientRect().height])
          .filter(([, height]) => height < 44)"""
    )
    context.close()
    assert small == []


@pytest.mark.parametrize("width", [320, 375, 640])
def test_pages_reflow_without_sideways_scrolling(browser, live_site, width):
    # 640 CSS pixels is a 1280-pixel screen at 200% zoom.
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    overflowing = []
    for path in [HOME, SECTION, CONVENTION, INITIATIVE, SEARCH_RESULTS]:
        page.goto(live_site + path)
        if page.evaluate("document.documentElement.scrollWidth > window.innerWidth"):
            overflowing.append(path)
    context.close()
    assert overflowing == []


def test_pages_read_and_search_works_without_javascript(browser, live_site):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(live_site + CONVENTION)
    assert page.get_by_role("heading", level=1).inner_text() == "Palermo Protocol"
    assert page.get_by_text("comprehensive definition of human trafficking").is_visible()
    # Without the script the menu is a plain list of links, all showing.
    nav = page.get_by_role("navigation", name="Main")
    assert nav.get_by_role("link", name="About NMPAA").is_visible()
    assert not page.get_by_role("button", name="Menu").is_visible()
    exit_link = page.get_by_role("link", name="Exit this page", exact=True)
    assert exit_link.get_attribute("href") == "/exit/"

    nav.get_by_role("link", name="Search").click()
    page.get_by_label("Search the site").fill("blue heart")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**/search/?q=blue+heart")
    assert page.get_by_role("link", name="Blue Heart Campaign").is_visible()
    context.close()


@pytest.mark.parametrize("path", [ARTICLE_FOR_TESTS, SIGN_UP_FORM])
def test_page_weighs_under_50_kb_compressed(page, live_site, path):
    """Transferred bytes of an article's (or a form's) HTML, CSS and JavaScript, images aside.

    HTML comes gzipped from GZipMiddleware, so its transferred size is measured as sent.
    The live test server serves static files uncompressed, where production's whitenoise
    sends them gzip- or brotli-compressed; those bodies are gzipped here (level 6, what
    whitenoise writes) to count what a visitor would download.
    """
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(live_site + path, wait_until="networkidle")
    sizes = {}
    for response in responses:
        if response.request.resource_type == "image":
            continue
        headers = response.request.sizes()["responseHeadersSize"]
        if response.header_value("content-encoding"):
            body = response.request.sizes()["responseBodySize"]
        else:
            body = len(gzip.compress(response.body(), compresslevel=6))
        sizes[response.url.removeprefix(live_site)] = headers + body
    total = sum(sizes.values())
    print(f"{path} weight: {total} bytes compressed: {sizes}")
    scripts = [url for url in sizes if url.endswith(".js")]
    assert scripts and all(sizes[url] < 5 * 1024 for url in scripts)
    assert total < 50 * 1024, sizes


def test_error_summary_takes_focus_and_its_links_reach_the_fields(page, live_site):
    """The contract the sign-up forms rely on, checked on a page shaped like one of them."""
    page.goto(live_site + "/search/")
    page.set_content(
        f"""<!DOCTYPE html><html lang="en"><head><title>Form</title>
        <link rel="stylesheet" href="{live_site}/static/css/site.css"></head><body><main>
        <div class="error-summary" role="alert" tabindex="-1"><h2>There is a problem</h2>
        <ul><li><a href="#id_email">Enter an email address</a></li></ul></div>
        <div class="form-field form-field--error"><label for="id_email">Email</label>
        <p class="form-error" id="id_email-error">Enter an email address</p>
        <input id="id_email" type="email" aria-describedby="id_email-error"></div>
        </main><script src="{live_site}/static/js/site.js"></script></body></html>"""
    )
    assert page.evaluate("document.activeElement.className") == "error-summary"
    page.get_by_role("link", name="Enter an email address").click()
    assert page.evaluate("document.activeElement.id") == "id_email"
    assert page.get_by_role("textbox", name="Email").is_visible()


@pytest.mark.parametrize("width", [375, 1280])
def test_screenshots_at_phone_and_desktop_width(browser, live_site, width):
    """Pictures to look at (var/screenshots/), and a check that the exit stays in view."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    for path in [HOME, SECTION, CONVENTION, SEARCH_RESULTS, "/browse-safely/"]:
        page.goto(live_site + path)
        name = re.sub(r"[^a-z0-9]+", "-", path).strip("-") or "home"
        page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)
        page.mouse.wheel(0, 3000)
        page.wait_for_timeout(100)
        box = page.get_by_role("link", name="Exit this page", exact=True).bounding_box()
        assert box is not None and 0 <= box["y"] < 120, f"exit scrolled out of view on {path}"
    context.close()
