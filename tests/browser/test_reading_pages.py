def test_visitor_reaches_the_palermo_protocol_by_clicking(page, live_site):
    page.goto(live_site + "/")
    page.get_by_role("navigation", name="Main").get_by_role(
        "link", name="Fighting Human Trafficking"
    ).click()
    page.get_by_role("link", name="Palermo Protocol").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Palermo Protocol"
    assert page.get_by_role("navigation", name="Breadcrumb").is_visible()


def test_skip_link_is_first_and_moves_focus_to_main(page, live_site):
    page.goto(live_site + "/about/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"
