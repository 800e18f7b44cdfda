import re

from wagtail.models import Page

import pytest


@pytest.mark.django_db
def test_search_finds_the_palermo_protocol_page(client, loaded_site):
    response = client.get("/search/", {"q": "Palermo"})
    assert response.status_code == 200
    assert 'href="/legal-framework/palermo-protocol/"' in response.text


@pytest.mark.django_db
def test_search_says_when_nothing_matches(client, loaded_site):
    response = client.get("/search/", {"q": "zzqxnotaword"})
    assert response.status_code == 200
    assert "No pages matched" in response.text


def test_search_without_query_invites_one(client, site):
    response = client.get("/search/")
    assert response.status_code == 200
    assert "Type a word or phrase" in response.text


@pytest.mark.django_db
def test_sitemap_lists_every_live_page(client, loaded_site):
    draft = Page.objects.get(slug="glo-act")
    draft.unpublish()
    xml = client.get("/sitemap.xml").text
    live = Page.objects.live().filter(depth__gt=1)
    assert live.count() == 28  # the loaded tree less the unpublished page
    for page in live:
        assert f"<loc>http://localhost{page.url}</loc>" in xml
    assert "glo-act" not in xml


def test_robots_txt_disallows_the_admin(client, site):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Disallow: /admin/" in response.text.splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in response.text


def test_unknown_url_gets_the_designed_404(client, site):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert 'href="tel:+18778766722"' in response.text


def main_text(response):
    """The page's main content: the header and footer carry help numbers of their own."""
    html = response.text
    return html[html.index('<main id="main-content"') : html.index("</main>")]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["missing child", "my child is missing", "Missing person", "someone is missing"]
)
def test_missing_person_searches_lead_first_to_help_for_families(client, loaded_site, query):
    main = main_text(client.get("/search/", {"q": query}))
    help_link = main.index('href="/help-for-families/"')
    assert "If someone you love is missing" in main
    assert 'href="tel:+18008435678"' in main  # NCMEC
    for later in ("No pages matched", 'class="search-results"'):
        if later in main:
            assert help_link < main.index(later)
    assert "Palermo Protocol" not in main


@pytest.mark.django_db
def test_other_searches_do_not_show_the_missing_person_help(client, loaded_site):
    main = main_text(client.get("/search/", {"q": "Palermo"}))
    assert "If someone you love is missing" not in main


@pytest.mark.django_db
def test_empty_result_shows_help_numbers_and_nmpaa_phone_before_suggestions(client, loaded_site):
    main = main_text(client.get("/search/", {"q": "zzqxnotaword"}))
    no_results = main.index("No pages matched")
    for link in ('href="tel:911"', 'href="tel:+18883737888"', 'href="tel:+18008435678"'):
        assert main.index(link) < no_results
    assert main.index('href="tel:+18778766722"') < no_results


def result_links(client, query):
    main = main_text(client.get("/search/", {"q": query}))
    return re.findall(r'<h2><a href="([^"]+)"', main)


@pytest.mark.django_db
@pytest.mark.parametrize("words", [("labor", "labour"), ("forced labor", "Forced Labour")])
def test_us_and_uk_spellings_find_the_same_pages(client, loaded_site, words):
    us, uk = (result_links(client, query) for query in words)
    assert set(us) == set(uk)
    assert "/legal-framework/ilo-forced-labour-protocol/" in us
    assert "/legal-framework/convention-on-the-rights-of-the-child/" in us
