"""Playwright driving Debian's chromium against the live test server.

Without chromium the browser tests are skipped with one line; under CI (CI=true) a
missing browser is a failure instead, so a green CI always means they ran.
"""

import io
import os
import shutil

import pytest

# Playwright's sync API keeps an event loop running in the test thread; Django's
# guard against ORM calls from async code would otherwise refuse the fixtures' queries.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_path():
    path = shutil.which("chromium")
    if path is None:
        message = "browser tests need Debian's chromium (apt-get install chromium)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_context(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context
    context.close()


@pytest.fixture
def page(browser_context):
    page = browser_context.new_page()
    page.set_default_timeout(10_000)
    return page


@pytest.fixture
def live_site(live_server, transactional_db):
    """The whole site as `make run` builds it, served by the live test server."""
    from django.core.management import call_command

    from wagtail.models import Site

    call_command("load_site_content", stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    site.hostname = "localhost"
    site.port = int(live_server.url.rsplit(":", 1)[1])
    site.save()
    return live_server.url
