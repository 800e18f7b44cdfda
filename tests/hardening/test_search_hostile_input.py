"""The search box answers hostile input cleanly: no 500, nothing reflected unescaped.

Stock Wagtail search on PostgreSQL fails with a 500 on a NUL byte in the query.
"""

import pytest

HOSTILE_QUERIES = {
    "nul byte": "help\x00me",
    "only nul bytes": "\x00\x00",
    "control characters": "a\x01\x02\x1b[31mb\x7f",
    "script tag": "<script>alert('x')</script>",
    "sql metacharacters": "'; DROP TABLE wagtailcore_page; --",
    "tsquery operators": "!(&|:*<->)",
    "100 kB": "trafficking " * 9000,
    "unicode": "ayuda \u202e\ufeff\U0001f600",
}


@pytest.mark.django_db
@pytest.mark.parametrize("query", HOSTILE_QUERIES.values(), ids=HOSTILE_QUERIES.keys())
def test_search_answers_hostile_queries(client, site, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert b"<script>alert" not in response.content


@pytest.mark.django_db
def test_search_with_nul_byte_still_finds_pages(client, site):
    response = client.get("/search/", {"q": f"{site.root_page.title}\x00"})
    assert response.status_code == 200
    assert response.context["search_query"] == site.root_page.title


@pytest.mark.django_db
@pytest.mark.parametrize(
    "raw_query",
    ["q=%FF%FE%00", "q=%C0%AE%C0%AE", "q=caf%E9", "q=a&page=%00", "q=a&page=99999999999999999999"],
)
def test_search_answers_invalid_utf8_and_bad_page_numbers(client, site, raw_query):
    response = client.get(f"/search/?{raw_query}")
    assert response.status_code == 200
