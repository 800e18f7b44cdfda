"""Anonymous visitors get cached pages; nobody ever gets a stale or someone else's page."""

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from wagtail.models import PageViewRestriction

import pytest

from core.page_cache import HEADER
from pages.models import SiteSettings
from tests.factories import (
    ConventionPageFactory,
    FamilyChecklistPageFactory,
    FamilyGuidePageFactory,
    FamilyGuideSectionPageFactory,
    LegalFrameworkPageFactory,
    StandardPageFactory,
    publish_help_line,
)


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 3600
    settings.CONTENT_CACHE = True
    settings.ROOT_URLCONF = "tests.performance.urls"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def section(site, home_page):
    return LegalFrameworkPageFactory(parent=home_page, title="Legal framework")


@pytest.fixture
def article(section):
    return ConventionPageFactory(parent=section, title="Palermo Protocol")


@pytest.fixture
def staff_client(client, db):
    staff = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(staff)
    return client


def cached_twice(client, url):
    first = client.get(url)
    second = client.get(url)
    return first, second


def test_second_anonymous_visit_is_served_from_cache_without_queries(
    client, article, django_assert_num_queries
):
    first = client.get(article.url)
    with django_assert_num_queries(0):
        second = client.get(article.url)

    assert first[HEADER] == "miss"
    assert second[HEADER] == "hit"
    assert second.content == first.content
    assert "Palermo Protocol" in second.text


def test_cached_page_tells_browsers_and_cdns_to_keep_it_briefly(client, article, settings):
    response = client.get(article.url)

    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert f"max-age={settings.PAGE_CACHE_MAX_AGE}" in cache_control
    assert f"s-maxage={settings.PAGE_CACHE_S_MAXAGE}" in cache_control


def test_unchanged_cached_page_answers_not_modified_to_a_browser_that_has_it(client, article):
    etag = client.get(article.url)["ETag"]

    response = client.get(article.url, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""


def test_page_using_a_csrf_token_is_never_cached_and_is_private(client, site):
    first, second = cached_twice(client, "/test/form/")

    assert HEADER not in second
    assert "csrfmiddlewaretoken" in second.text
    assert "no-store" in second["Cache-Control"]
    assert "private" in second["Cache-Control"]


def test_form_with_errors_is_not_cached_and_not_shown_to_the_next_visitor(client, site):
    with_errors = client.post("/test/form/", {"email": "not an email"})
    after = client.get("/test/form/")

    assert "There is a problem" in with_errors.text
    assert "There is a problem" not in after.text
    assert "private" in with_errors["Cache-Control"]


def test_response_that_starts_a_session_is_never_cached(client, site):
    first, second = cached_twice(client, "/test/session/")

    assert second.text == "Visit 2"
    assert HEADER not in second
    assert "private" in second["Cache-Control"]


def test_visitor_with_a_session_is_never_served_from_cache(client, article):
    cached_twice(client, article.url)
    client.get("/test/session/")

    response = client.get(article.url)

    assert HEADER not in response
    assert "private" in response["Cache-Control"]


def test_visitor_with_a_pending_message_is_never_served_from_cache(client, article):
    cached_twice(client, article.url)
    client.cookies["messages"] = "pending"

    assert HEADER not in client.get(article.url)


def test_plain_anonymous_view_is_cached(client, site):
    first, second = cached_twice(client, "/test/plain/")

    assert second[HEADER] == "hit"


def test_staff_always_see_fresh_pages_and_never_fill_the_cache(staff_client, article):
    anonymous = Client()
    cached_twice(anonymous, article.url)
    article.title = "Changed without telling the cache"
    article.save_revision().publish()  # inside the test transaction: no commit, no signal

    staff_view = staff_client.get(article.url)

    assert HEADER not in staff_view
    assert "Changed without telling the cache" in staff_view.text
    assert "private" in staff_view["Cache-Control"]
    assert "no-store" in staff_view["Cache-Control"]


def test_staff_responses_are_not_stored_for_visitors(staff_client, article):
    staff_client.get(article.url)

    assert Client().get(article.url)[HEADER] == "miss"


def test_preview_shows_the_draft_and_never_touches_the_cache(client, article):
    cached_twice(client, article.url)
    article.title = "Draft title in preview"

    preview = article.make_preview_request()
    public = client.get(article.url)

    assert "Draft title in preview" in preview.content.decode()
    assert public[HEADER] == "hit"
    assert "Draft title in preview" not in public.text


def test_publishing_a_change_is_served_at_once(client, article, committed):
    cached_twice(client, article.url)

    with committed():
        article.title = "Palermo Protocol, updated"
        article.save_revision().publish()

    response = client.get(article.url)
    assert response[HEADER] == "miss"
    assert "Palermo Protocol, updated" in response.text


def test_unpublishing_removes_the_page_at_once(client, article, committed):
    cached_twice(client, article.url)

    with committed():
        article.unpublish()

    assert client.get(article.url).status_code == 404


def test_deleting_removes_the_page_at_once(client, article, committed):
    url = article.url
    cached_twice(client, url)

    with committed():
        article.delete()

    assert client.get(url).status_code == 404


def test_moving_sends_visitors_to_the_new_address_at_once(client, article, home_page, committed):
    old_url = article.url
    other_section = LegalFrameworkPageFactory(parent=home_page, title="Other section")
    cached_twice(client, old_url)

    with committed():
        article.move(other_section, pos="last-child")

    article.refresh_from_db()
    old_address = client.get(old_url)
    assert old_address.status_code == 301  # Wagtail's automatic redirect, not the cached page
    assert old_address["Location"].endswith(article.url)
    assert client.get(article.url).status_code == 200


def test_changing_a_listed_page_updates_the_pages_that_list_it(client, section, committed):
    listed = ConventionPageFactory(parent=section, title="Rights of the Child")
    citing = ConventionPageFactory(
        parent=section, title="Palermo Protocol", related_pages=[("page", listed)]
    )
    for url in (section.url, citing.url, "/"):
        cached_twice(client, url)

    with committed():
        listed.title = "Convention on the Rights of the Child"
        listed.save_revision().publish()

    assert "Convention on the Rights of the Child" in client.get(section.url).text
    assert "Convention on the Rights of the Child" in client.get(citing.url).text


def test_a_new_menu_page_appears_on_every_cached_page(client, article, home_page, committed):
    cached_twice(client, article.url)

    with committed():
        StandardPageFactory(parent=home_page, title="Get involved", show_in_menus=True)

    assert "Get involved" in client.get(article.url).text


def test_changing_site_settings_updates_every_cached_page(client, article, site, committed):
    cached_twice(client, article.url)

    with committed():
        site_settings = SiteSettings.for_site(site)
        site_settings.footer_text = "Open every weekday."
        site_settings.save()

    assert "Open every weekday." in client.get(article.url).text


def test_publishing_a_help_line_updates_every_cached_page(client, article, site, committed):
    cached_twice(client, article.url)

    with committed():
        publish_help_line("nmpaa", shown="(800) 555-0199", dialled="+18005550199")

    html = client.get(article.url).text
    assert 'href="tel:+18005550199"' in html and "(800) 555-0199" in html


def test_making_a_page_private_stops_serving_it_from_cache_at_once(client, article, committed):
    cached_twice(client, article.url)

    with committed():
        PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(article.url)
    assert response.status_code == 302
    assert "Palermo Protocol" not in response.text


def test_change_rolled_back_keeps_the_cache(client, article, django_capture_on_commit_callbacks):
    cached_twice(client, article.url)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        article.title = "Never committed"
        article.save_revision().publish()

    assert callbacks, "publishing asks to retire the cache once committed"
    assert client.get(article.url)[HEADER] == "hit"


def test_page_that_cannot_be_cached_whole_still_renders_without_queries(
    client, article, settings, committed, django_assert_num_queries
):
    # As for a form page: no whole-page cache, but site, settings, menus, the page object
    # and its listings come from the shared cache, and a publish refreshes them at once.
    settings.PAGE_CACHE_SECONDS = 0
    client.get(article.url)
    with django_assert_num_queries(0):
        assert "Palermo Protocol" in client.get(article.url).text

    with committed():
        article.title = "Palermo Protocol of 2000"
        article.save_revision().publish()

    assert "Palermo Protocol of 2000" in client.get(article.url).text


def test_a_deploy_retires_pages_the_previous_release_stored(client, article, committed):
    client.get(article.url)
    assert client.get(article.url)[HEADER] == "hit"
    with committed():
        call_command("migrate", verbosity=0)
    assert client.get(article.url)[HEADER] == "miss"


def test_nothing_under_a_moved_admin_path_is_cached(client, site, settings):
    settings.WAGTAILADMIN_PATH = "test/"  # the admin moved to where the plain view lives

    first, second = cached_twice(client, "/test/plain/")

    assert HEADER not in second


def test_family_guide_pages_are_served_to_anonymous_visitors_from_the_cache(
    client, site, home_page, django_assert_num_queries
):
    section = FamilyGuideSectionPageFactory(parent=home_page)
    pages = [
        section,
        FamilyGuidePageFactory(parent=section, title="Right now"),
        FamilyChecklistPageFactory(parent=section),
    ]
    for page in pages:
        first = client.get(page.url)
        with django_assert_num_queries(0):
            second = client.get(page.url)
        assert (first[HEADER], second[HEADER]) == ("miss", "hit"), page.url
        assert second.content == first.content
