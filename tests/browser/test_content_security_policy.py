"""In a real browser: the public site breaks no CSP rule, and the admin works under its own."""

from django.contrib.auth import get_user_model

from wagtail.models import Page

VIOLATION_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""


def csp_violations(page):
    return page.evaluate("window.__cspViolations || []")


def test_public_pages_break_no_content_security_rule(page, live_site):
    page.add_init_script(VIOLATION_LISTENER)
    for path in ("/", "/legal-framework/palermo-protocol/", "/search/?q=protocol"):
        response = page.goto(live_site + path)
        assert response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        assert csp_violations(page) == [], path


def test_editor_signs_in_and_edits_a_page_under_the_admin_policy(page, live_site):
    get_user_model().objects.create_superuser("director", "d@example.org", "granite lantern 42")
    home = Page.objects.get(depth=2)
    page.add_init_script(VIOLATION_LISTENER)

    page.goto(live_site + "/admin/login/")
    page.get_by_label("Username").fill("director")
    page.get_by_label("Password").fill("granite lantern 42")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(live_site + "/admin/")

    response = page.goto(f"{live_site}/admin/pages/{home.pk}/edit/")
    assert response.status == 200
    assert "'unsafe-inline'" in response.headers["content-security-policy"]
    title = page.locator("#id_title")
    title.wait_for()
    assert title.input_value() == home.title

    # Saving exercises the admin's CSRF-protected form with an HttpOnly CSRF cookie.
    title.fill("Home (edited in the browser test)")
    page.get_by_role("button", name="Save draft").click()
    page.get_by_text("has been updated").wait_for()
    assert Page.objects.get(pk=home.pk).get_latest_revision().content["title"] == (
        "Home (edited in the browser test)"
    )
    assert csp_violations(page) == []
