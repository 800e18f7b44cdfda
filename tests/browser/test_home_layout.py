"""The home page on a phone puts help first; on a desktop its buttons line up."""

from pathlib import Path

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def test_on_a_phone_help_numbers_are_on_the_first_screen(browser, live_site):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(live_site + "/")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "home-first-screen-375x740.png")
    help_box = page.get_by_role("complementary", name="Get help now")
    for name in ["call 911", "call 1-888-373-7888", "text 233733"]:
        box = help_box.get_by_role("link", name=name).bounding_box()
        assert box is not None and box["y"] + box["height"] <= 740, f"{name} is below the fold"

    family_help = page.locator("#someone-is-missing").bounding_box()
    get_involved = page.get_by_role("heading", name="Get involved").bounding_box()
    assert family_help["y"] < get_involved["y"]
    assert (
        page.locator("#someone-is-missing")
        .get_by_role("heading", name="If someone you love is missing")
        .is_visible()
    )
    context.close()


def test_on_a_desktop_get_involved_buttons_are_even_and_unbulleted(browser, live_site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_site + "/")
    section = page.get_by_role("region", name="Get involved")
    items = section.get_by_role("listitem")
    assert items.count() == 3
    markers = items.evaluate_all("els => els.map(el => getComputedStyle(el).listStyleType)")
    assert markers == ["none"] * 3
    widths = section.get_by_role("link").evaluate_all(
        "els => els.map(el => Math.round(el.getBoundingClientRect().width))"
    )
    assert len(set(widths)) == 1, widths
    context.close()
