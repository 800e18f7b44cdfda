"""In a real browser: the editor's preview panel shows the page being edited."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client


def sign_in(context, base_url):
    user = get_user_model().objects.create_superuser("director", "d@example.org", "x")
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": base_url}])


def test_preview_panel_shows_the_draft_beside_the_editor(
    browser_context, page, live_server, transactional_db, site
):
    sign_in(browser_context, live_server.url)
    page.goto(f"{live_server.url}/admin/pages/{site.root_page.pk}/edit/")
    page.locator("#id_title").fill("Home, as drafted in the editor")

    page.locator('[data-side-panel-toggle="preview"]').click()

    preview = page.frame_locator("#w-preview-iframe")
    heading = preview.get_by_role("heading", level=1)
    heading.wait_for()
    assert heading.inner_text() == "Home, as drafted in the editor"
