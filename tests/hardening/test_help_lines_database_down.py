"""With the database down, error pages still show the last published help lines: from the
cache, else the file the deploy wrote, else the built-in ones. Never a blank."""

import io

from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

import pytest

from core.contacts import LAST_KNOWN_KEY
from tests.factories import publish_help_line

pytestmark = pytest.mark.urls("tests.hardening.urls")


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


@pytest.fixture
def published_new_number(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        publish_help_line("nmpaa", shown="(202) 555-0143", dialled="+12025550143")


def database_down_page(visitor, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = visitor.get("/test/database-down/")
    assert response.status_code == 503
    return response.content.decode()


def test_the_503_page_shows_the_number_published_last_from_the_cache(
    visitor, published_new_number, django_assert_num_queries
):
    body = database_down_page(visitor, django_assert_num_queries)
    assert 'href="tel:+12025550143"' in body
    assert 'href="tel:911"' in body and 'href="tel:+18883737888"' in body


def test_with_the_cache_emptied_the_503_page_reads_the_deploys_file(
    visitor, published_new_number, django_assert_num_queries
):
    cache.delete(LAST_KNOWN_KEY)  # say Redis restarted
    body = database_down_page(visitor, django_assert_num_queries)
    assert 'href="tel:+12025550143"' in body


def test_the_release_step_writes_the_file(db, help_lines_fallback):
    publish_help_line("nmpaa", shown="(202) 555-0143", dialled="+12025550143")
    assert not help_lines_fallback.exists()  # the publish's commit never happened here
    out = io.StringIO()
    call_command("write_help_lines_fallback", stdout=out)
    assert "Wrote 5 help lines" in out.getvalue()
    assert "+12025550143" in help_lines_fallback.read_text()


def test_with_no_cache_and_no_file_the_built_in_numbers_show(
    db, visitor, django_assert_num_queries, help_lines_fallback
):
    assert not help_lines_fallback.exists()
    body = database_down_page(visitor, django_assert_num_queries)
    assert 'href="tel:+18778766722"' in body and 'href="tel:911"' in body


def test_a_damaged_file_falls_back_to_the_built_in_numbers(
    db, visitor, django_assert_num_queries, help_lines_fallback
):
    help_lines_fallback.write_text("{not json")
    body = database_down_page(visitor, django_assert_num_queries)
    assert 'href="tel:+18778766722"' in body
