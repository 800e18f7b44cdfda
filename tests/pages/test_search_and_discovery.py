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
    assert live.count() == 18  # the loaded tree less the unpublished page
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
