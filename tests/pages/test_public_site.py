"""What every public page carries: safety controls, help numbers, sharing tags, lean markup."""

import gzip
import json
import re

from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, Site

import pytest

from outreach.models import SignUpPage
from pages.models import HomePage, SiteSettings
from tests.factories import (
    ConventionPageFactory,
    LegalFrameworkPageFactory,
    StandardPageFactory,
)


@pytest.fixture
def article(site, home_page):
    section = LegalFrameworkPageFactory(parent=home_page, title="Legal framework")
    return ConventionPageFactory(
        parent=section,
        title="Palermo Protocol",
        summary="The key treaty.",
        search_description="The UN treaty against trafficking.",
    )


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_every_page_offers_quick_exit_after_two_skip_links(client, article):
    for url in ["/", article.url, "/search/", "/no-such-page/"]:
        html = client.get(url).text
        body = html[html.index("<body>") :]
        skip_main = body.index('href="#main-content">Skip to main content')
        skip_exit = body.index('href="#quick-exit">Skip to Exit this page')
        exit_link = body.index('id="quick-exit"')
        assert skip_main < skip_exit < exit_link < body.index("<main"), url
        assert re.search(r'<a id="quick-exit"[^>]*href="/exit/"', body), url
        assert "does not clear your history" in body, url


def test_quick_exit_links_the_browse_safely_page(client, loaded_site):
    html = client.get("/").text
    note = html[html.index('class="quick-exit__note"') : html.index('id="quick-exit"')]
    assert 'href="/browse-safely/"' in note
    page = client.get("/browse-safely/").text
    for topic in ["private", "history", "safer device", "calls"]:
        assert topic in page.lower()


def test_exit_forgets_the_visitor_and_leaves_without_referrer(client, site):
    session = client.session
    session["signup_draft"] = {"name": "Someone"}
    session.save()
    session_key = session.session_key
    settings = SiteSettings.for_site(site)
    settings.quick_exit_url = "https://weather.example.org/"
    settings.save()

    response = client.get("/exit/")

    assert response.status_code == 302
    assert response["Location"] == "https://weather.example.org/"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response["Cache-Control"]
    assert '"cookies"' in response["Clear-Site-Data"]
    assert response.cookies["sessionid"].value == ""
    from django.contrib.sessions.backends.db import SessionStore

    assert not SessionStore().exists(session_key)


def test_exit_never_redirects_to_a_non_web_address(client, site):
    SiteSettings.for_site(site)  # makes the row
    # Saved past the form's URL validation, as a bad import or shell session could.
    SiteSettings.objects.filter(site=site).update(quick_exit_url="javascript:alert(1)")
    response = client.get("/exit/")
    assert response.status_code == 302
    assert response["Location"] == "https://www.google.com/"


def test_robots_txt_keeps_crawlers_off_the_exit(client, site):
    assert "Disallow: /exit/" in client.get("/robots.txt").text.splitlines()


def test_alert_banner_shows_only_when_staff_switch_it_on(client, site):
    settings = SiteSettings.for_site(site)
    settings.alert_banner_text = "Our office is closed on Monday."
    settings.save()
    assert "Our office is closed on Monday." not in client.get("/").text

    settings.alert_banner_enabled = True
    settings.save()
    html = client.get("/").text
    assert 'aria-label="Important notice"' in html
    assert "Our office is closed on Monday." in html


def test_home_page_and_footer_give_help_numbers_as_links(client, site):
    html = client.get("/").text
    help_box = html[html.index('id="get-help-heading"') : html.index("</aside>")]
    footer = html[html.index('class="site-footer"') :]
    for part in (help_box, footer):
        assert 'href="tel:911"' in part
        assert 'href="tel:+18883737888"' in part
        assert 'href="sms:233733"' in part
        assert 'href="tel:+18008435678"' in part


def help_line(html, marker, number):
    """The words of the help line that dials `number`, in the first list after `marker`."""
    start = html.index("help-numbers", html.index(marker))
    items = html[start : html.index("</ul>", start)].split("<li>")
    (item,) = [item for item in items if f'href="tel:{number}"' in item]
    return " ".join(re.sub(r"<[^>]+>", " ", item).split())


def test_help_lines_read_the_same_wherever_they_are_listed(client, site):
    page = SignUpPage(title="Become an advocate", slug="advocate", form_kind="advocate")
    site.root_page.add_child(instance=page)
    home = client.get("/").text
    form = client.get(page.url).text
    for number in ["+18883737888", "+18008435678"]:
        strip = help_line(home, 'id="get-help-heading"', number)
        assert help_line(home, 'class="site-footer"', number) == strip
        assert help_line(form, "not-for-emergencies", number) == strip
    emergency = help_line(home, 'id="get-help-heading"', "911")
    assert help_line(home, 'class="site-footer"', "911") == emergency


def test_article_has_description_canonical_and_sharing_tags(client, article):
    html = client.get(article.url).text
    assert '<meta name="description" content="The UN treaty against trafficking.">' in html
    canonical = "http://testserver/legal-framework/palermo-protocol/"
    assert f'<link rel="canonical" href="{canonical}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert f'<meta property="og:url" content="{canonical}">' in html
    assert '<meta property="og:image" content="http://testserver/static/img/share.png">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html


def test_share_image_comes_from_site_settings(client, article, site):
    image = Image.objects.create(title="Vigil", file=get_test_image_file(size=(1400, 800)))
    settings = SiteSettings.for_site(site)
    settings.default_share_image = image
    settings.save()
    html = client.get(article.url).text
    match = re.search(r'<meta property="og:image" content="([^"]+)">', html)
    assert match and match.group(1).startswith("http://testserver/media/images/")
    assert '<meta property="og:image:width" content="1200">' in html


def test_json_ld_describes_the_organisation_and_articles(client, article):
    (organisation,) = json_ld(client.get("/").text)
    assert organisation["name"] == "National Missing Persons Advocacy Association"
    assert organisation["telephone"] == "+18778766722"
    assert organisation["url"] == "http://testserver/"

    (data,) = json_ld(client.get(article.url).text)
    assert data["@type"] == "Article"
    assert data["headline"] == "Palermo Protocol"
    assert data["publisher"]["telephone"] == "+18778766722"


def test_json_ld_cannot_be_closed_by_page_text(client, site, home_page):
    page = StandardPageFactory(parent=home_page, title="About")
    page.search_description = "</script><script>alert(1)</script>"
    page.save_revision().publish()
    section = LegalFrameworkPageFactory(parent=home_page, title="Law")
    article = ConventionPageFactory(parent=section, title="</script><b>x")
    html = client.get(article.url).text
    head = html[: html.index("</head>")]
    assert head.count("</script>") == head.count("<script")


def test_public_pages_keep_to_the_content_security_policy(client, loaded_site):
    """No inline script or style, no style attributes, no on* handlers (CSP contract)."""
    for url in ["/", "/legal-framework/", "/legal-framework/palermo-protocol/", "/search/?q=law"]:
        html = client.get(url).text
        assert "<style" not in html, url
        assert not re.search(r"\sstyle=", html), url
        assert not re.search(r"\son[a-z]+=", html), url
        for tag in re.findall(r"<script[^>]*>", html):
            assert "src=" in tag or 'type="application/ld+json"' in tag, (url, tag)


def test_html_is_sent_compressed(client, article):
    response = client.get(article.url, headers={"accept-encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert b"Palermo Protocol" in gzip.decompress(response.content)


def test_breadcrumbs_end_with_the_current_page(client, article):
    html = client.get(article.url).text
    start = html.index('aria-label="Breadcrumb"')
    crumbs = html[start : html.index("</nav>", start)]
    assert '<a href="/legal-framework/">Legal framework</a>' in crumbs
    assert '<span aria-current="page">Palermo Protocol</span>' in crumbs


def test_search_results_have_summaries_and_pages(client, site, home_page):
    for number in range(12):
        StandardPageFactory(
            parent=home_page,
            title=f"Outreach visit {number}",
            search_description=f"Summary of visit {number}.",
        )
    first = client.get("/search/", {"q": "outreach"}).text
    assert "12 results for “outreach”, showing 1 to 10." in first
    assert first.count('<li>\n            <h2><a href="/outreach-visit-') == 10
    assert "Summary of visit" in first
    assert 'href="?q=outreach&amp;page=2"' in first

    second = client.get("/search/", {"q": "outreach", "page": 2}).text
    assert "showing 11 to 12." in second
    assert '<span aria-current="page"><span class="visually-hidden">Page </span>2</span>' in second


def test_search_with_no_results_suggests_what_to_try(client, site):
    html = client.get("/search/", {"q": "zzqxnotaword"}).text
    assert "No pages matched “zzqxnotaword”" in html
    assert "Try fewer or different words" in html


def test_figure_images_are_responsive_and_lazy(client, site, home_page):
    image = Image.objects.create(title="Rally", file=get_test_image_file(size=(1600, 900)))
    figure = {"image": image, "alt_text": "Families at a rally", "decorative": False, "caption": ""}
    decorative = dict(figure, alt_text="", decorative=True)
    page = StandardPageFactory(
        parent=home_page, title="Photos", body=[("figure", figure), ("figure", decorative)]
    )
    html = client.get(page.url).text
    assert html.count("<picture>") == 2
    assert 'type="image/webp"' in html
    img = re.search(r"<img[^>]*alt=\"Families at a rally\"[^>]*>", html).group(0)
    for attribute in ["srcset=", "sizes=", 'loading="lazy"', "width=", "height="]:
        assert attribute in img
    assert re.search(r'<img[^>]*alt=""', html)


def test_main_menu_marks_the_section_of_the_page_when_home_is_not_at_the_tree_top(client, db):
    # Editors may keep a site's home page inside a folder page (e.g. one per language).
    folder = Page.get_first_root_node().add_child(instance=Page(title="Sites", slug="sites"))
    home = folder.add_child(instance=HomePage(title="Home", slug="home"))
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    about = StandardPageFactory(parent=home, title="About", show_in_menus=True)
    team = StandardPageFactory(parent=about, title="Our team")

    html = client.get(team.url).text
    nav = html[html.index('aria-label="Main"') :]
    assert '<a href="/about/" aria-current="true">About</a>' in nav
