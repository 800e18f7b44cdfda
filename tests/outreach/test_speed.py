"""A sign-up costs few queries and little work, and none of the shortcuts weakens it.

The blank form comes from the content cache with fresh tokens per visitor; saving is one
transaction holding the row's INSERT and the notification task's. Budgets are counted as a
running server sees them: outside any test transaction, with the database task queue.
"""

import dataclasses
import re

from django.core.cache import cache
from django.test import Client

from wagtail.models import PageViewRestriction

import pytest
from django_tasks_db.models import DBTaskResult

from core.page_cache import HEADER
from outreach import forms as outreach_forms
from outreach import kinds
from outreach.models import AdvocateSignup, SignUpPage
from pages.models import SiteSettings
from tests.factories import StandardPageFactory
from tests.outreach.helpers import VALID_DATA, token_from

# The page and its chrome cost nothing once cached; saving is one transaction: BEGIN, the
# row, its notification task, COMMIT.
WARM_GET_BUDGET = 0
WARM_POST_BUDGET = 4
# The first visitor after a publish, like every other page type (tests/performance); saving
# adds the BEGIN and COMMIT around the row and its task.
COLD_BUDGET = 8
COLD_POST_BUDGET = COLD_BUDGET + 2

ADVOCATE = "advocate"


@pytest.fixture
def content_cache(settings):
    settings.CONTENT_CACHE = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def advocate_page(site, sign_up_pages):
    SiteSettings.for_site(site)  # made by the content loader on a real site
    return sign_up_pages[ADVOCATE]


def notification_tasks():
    # Publishing pages queues Wagtail's own tasks (search index) in the same table.
    return DBTaskResult.objects.filter(task_path="outreach.tasks.notify_about_submission")


def csrf_from(response):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text).group(1)


def filled_in(response, **changes):
    """What a browser sends back: the visitor's answers and the page's own two tokens."""
    data = dict(VALID_DATA[ADVOCATE], **changes)
    data.update(csrfmiddlewaretoken=csrf_from(response), form_token=token_from(response))
    return data


def without_tokens(html):
    return re.sub(r'name="(csrfmiddlewaretoken|form_token)" value="[^"]+"', "", html)


def test_a_sign_up_costs_no_query_to_show_and_one_transaction_to_save(
    transactional_db, content_cache, database_queue, advocate_page, django_assert_num_queries
):
    Client().get(advocate_page.url)  # the first visitor after a publish fills the cache
    visitor = Client(enforce_csrf_checks=True)

    with django_assert_num_queries(WARM_GET_BUDGET):
        form = visitor.get(advocate_page.url)
    with django_assert_num_queries(WARM_POST_BUDGET):
        sent = visitor.post(advocate_page.url, filled_in(form))

    assert sent.status_code == 302
    assert AdvocateSignup.objects.count() == 1
    assert notification_tasks().count() == 1


def test_the_first_sign_up_after_a_publish_stays_within_the_page_budget(
    transactional_db, database_queue, advocate_page, django_assert_max_num_queries
):
    visitor = Client(enforce_csrf_checks=True)
    with django_assert_max_num_queries(COLD_BUDGET):
        form = visitor.get(advocate_page.url)
    with django_assert_max_num_queries(COLD_POST_BUDGET):
        sent = visitor.post(advocate_page.url, filled_in(form))

    assert sent.status_code == 302
    assert AdvocateSignup.objects.count() == 1
    assert notification_tasks().count() == 1


def test_visitors_of_the_cached_form_each_get_their_own_tokens_and_can_send_it(
    content_cache, advocate_page
):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_form, second_form = first.get(advocate_page.url), second.get(advocate_page.url)

    assert token_from(first_form) != token_from(second_form)
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    assert without_tokens(first_form.text) == without_tokens(second_form.text)
    assert (
        first.post(advocate_page.url, filled_in(first_form, email="a@example.org")).status_code
        == 302
    )
    assert (
        second.post(advocate_page.url, filled_in(second_form, email="b@example.org")).status_code
        == 302
    )
    assert AdvocateSignup.objects.count() == 2


def test_a_post_without_the_pages_csrf_token_is_still_refused(content_cache, advocate_page):
    visitor = Client(enforce_csrf_checks=True)
    form = visitor.get(advocate_page.url)
    data = filled_in(form)
    del data["csrfmiddlewaretoken"]

    assert visitor.post(advocate_page.url, data).status_code == 403
    assert AdvocateSignup.objects.count() == 0


def test_the_cached_form_is_private_to_the_visitor_and_never_a_shared_page(
    settings, content_cache, advocate_page
):
    settings.PAGE_CACHE_SECONDS = 3600
    Client().get(advocate_page.url)
    response = Client().get(advocate_page.url)

    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert response.get(HEADER) != "hit"
    assert "csrftoken" in response.cookies


def test_a_published_change_shows_on_the_form_at_once(content_cache, advocate_page, committed):
    Client().get(advocate_page.url)

    with committed():
        advocate_page.intro = "<p>New words from staff.</p>"
        advocate_page.save_revision().publish()

    assert "New words from staff." in Client().get(advocate_page.url).text


def test_a_preview_shows_the_draft_and_not_the_cached_form(content_cache, advocate_page):
    Client().get(advocate_page.url)
    advocate_page.intro = "<p>Draft words in preview.</p>"

    preview = advocate_page.make_preview_request()

    assert "Draft words in preview." in preview.content.decode()
    assert "Draft words in preview." not in Client().get(advocate_page.url).text


def test_a_deploy_that_changes_the_form_never_gets_the_old_cached_copy(
    content_cache, advocate_page, monkeypatch
):
    Client().get(advocate_page.url)

    class FormWithANewQuestion(outreach_forms.AdvocateForm):
        pronouns = outreach_forms.forms.CharField(label="Your pronouns", required=False)

    new_kind = dataclasses.replace(kinds.get(ADVOCATE), form=FormWithANewQuestion)
    monkeypatch.setitem(kinds._BY_KEY, ADVOCATE, new_kind)

    assert "Your pronouns" in Client().get(advocate_page.url).text


def test_a_double_click_saves_one_row_and_one_task_outside_a_transaction(
    transactional_db, database_queue, advocate_page
):
    visitor = Client(enforce_csrf_checks=True)
    data = filled_in(visitor.get(advocate_page.url))

    answers = [visitor.post(advocate_page.url, data).status_code for _ in range(2)]

    assert answers == [302, 302]
    assert AdvocateSignup.objects.count() == 1
    assert notification_tasks().count() == 1


def test_the_same_email_twice_in_a_day_is_flagged_outside_a_transaction(
    transactional_db, database_queue, advocate_page
):
    for email in ("ada@example.org", "ADA@example.org"):
        visitor = Client(enforce_csrf_checks=True)
        visitor.post(advocate_page.url, filled_in(visitor.get(advocate_page.url), email=email))

    first, second = AdvocateSignup.objects.order_by("created_at")
    assert (first.possible_duplicate, second.possible_duplicate) == (False, True)


def test_thank_you_page_under_a_section_routes_in_two_queries(
    client, site, home_page, django_assert_max_num_queries, content_cache
):
    section = StandardPageFactory(parent=home_page, title="Partner with us")
    page = section.add_child(
        instance=SignUpPage(title="Become an advocate", slug="advocate", form_kind=ADVOCATE)
    )
    client.get(page.url + "thanks/")

    with django_assert_max_num_queries(2):
        thanks = client.get(page.url + "thanks/")

    assert thanks.status_code == 200
    assert "Thank you" in thanks.text
    assert client.get(page.url + "not-a-route/").status_code == 404
    assert client.get(section.url + "no-such-page/deeper/").status_code == 404
    assert client.get("/no-such-section/no-such-page/").status_code == 404


def test_sign_up_links_leave_out_pages_behind_a_login(client, site, home_page):
    section = StandardPageFactory(parent=home_page, title="Partner with us")
    staff_section = StandardPageFactory(parent=home_page, title="Staff area")
    pages = {
        "open": (section, "Open sign-up"),
        "private": (section, "Private sign-up"),
        "in-private-section": (staff_section, "Sign-up in a private section"),
    }
    for slug, (parent, title) in pages.items():
        parent.add_child(instance=SignUpPage(title=title, slug=slug, form_kind=ADVOCATE))
    for private in (SignUpPage.objects.get(slug="private"), staff_section):
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    on_section, on_home = client.get(section.url).text, client.get(home_page.url).text

    assert "Open sign-up" in on_section and "Open sign-up" in on_home
    for hidden in ("Private sign-up", "Sign-up in a private section"):
        assert hidden not in on_section and hidden not in on_home
