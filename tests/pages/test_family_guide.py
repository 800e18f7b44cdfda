"""Help for families: tree rules, loading, sources, plain language, numbers, search."""

import html
import io
import json
import re
from urllib.parse import urlparse

from django.core.management import call_command
from django.test import Client

from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

import pytest
import textstat

from outreach.models import SignUpPage
from pages.blocks import HTTPS_ERROR, SourceBlock
from pages.models import (
    FamilyChecklistPage,
    FamilyGuidePage,
    FamilyGuideSectionPage,
    HomePage,
    StandardPage,
)
from tests.factories import publish_help_line

GUIDE_TITLES = [
    "Right now: report them missing",
    "What to do in the first hours",
    "At the police station",
    "The days after",
    "Protect yourselves from scams",
    "When the person is found",
    "Looking after yourself",
]
# A phone number typed into text: 911, 1-800-..., (877) ..., or letters such as THE-LOST.
TYPED_NUMBER = re.compile(r"\b911\b|\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}|\b1-8\d\d-|THE-LOST")


def load():
    out = io.StringIO()
    call_command("load_site_content", stdout=out)
    return out.getvalue()


def plain(markup):
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup))).strip()


def guide_body_text(page):
    """The words a reader reads: title, summary and body, without the Sources list."""
    markup = Client().get(page.url).text
    start, end = markup.index('<div class="guide-body">'), markup.index('<section class="sources"')
    body = markup[start:end]
    return f"{page.title}. {page.summary} {plain(body)}"


class FamilyGuideTreeTests(WagtailPageTestCase):
    def test_section_sits_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(FamilyGuideSectionPage, {HomePage})
        self.assertCanCreateAt(HomePage, FamilyGuideSectionPage)
        self.assertCanNotCreateAt(StandardPage, FamilyGuideSectionPage)

    def test_section_holds_guide_pages_and_the_checklist(self):
        self.assertAllowedSubpageTypes(
            FamilyGuideSectionPage, {FamilyGuidePage, FamilyChecklistPage, SignUpPage}
        )

    def test_guide_pages_live_only_in_the_section_and_have_no_children(self):
        for model in (FamilyGuidePage, FamilyChecklistPage):
            self.assertAllowedParentPageTypes(model, {FamilyGuideSectionPage})
            self.assertAllowedSubpageTypes(model, set())


@pytest.mark.django_db
def test_loader_builds_the_family_section_in_the_menu_with_its_pages_in_order():
    load()
    home = HomePage.objects.get()
    section = FamilyGuideSectionPage.objects.child_of(home).get()
    assert section.title == "Help for families"
    assert section.show_in_menus and section.live
    # The family help request form comes last, after the guide.
    assert [page.title for page in section.get_children()] == [*GUIDE_TITLES, "Ask NMPAA for help"]


@pytest.mark.django_db
def test_loading_twice_changes_nothing_in_the_family_section():
    load()
    second = load()
    family_lines = [line for line in second.splitlines() if "help-for-families" in line]
    assert len(family_lines) == 9
    assert all(line.startswith("unchanged") for line in family_lines), family_lines
    assert FamilyGuideSectionPage.objects.count() == 1


@pytest.mark.django_db
def test_loader_keeps_a_guide_page_staff_edited(django_user_model):
    load()
    editor = django_user_model.objects.create_superuser("editor", "e@example.org", "pw")
    page = FamilyGuidePage.objects.get(slug="the-days-after")
    page.summary = "Our caseworkers rewrote this."
    page.save_revision(user=editor).publish()

    lines = load().splitlines()
    assert "kept (edited by staff)   /home/help-for-families/the-days-after/" in lines
    page.refresh_from_db()
    assert page.summary == "Our caseworkers rewrote this."


@pytest.mark.django_db
def test_every_source_on_the_family_pages_is_an_absolute_https_address():
    load()
    pages = list(FamilyGuidePage.objects.all()) + list(FamilyChecklistPage.objects.all())
    assert len(pages) == 7
    for page in pages:
        assert len(page.sources) >= 1, page.title
        for source in page.sources:
            url = urlparse(source.value["url"])
            assert url.scheme == "https" and url.netloc, (page.title, source.value["url"])


@pytest.mark.parametrize("url", ["http://www.missingkids.org/", "ftp://namus.nij.ojp.gov/"])
def test_a_source_that_is_not_https_gets_the_https_error(url):
    with pytest.raises(StructBlockValidationError) as raised:
        SourceBlock().clean({"title": "NamUs", "url": url})
    assert raised.value.block_errors["url"].messages == [HTTPS_ERROR]


def test_an_https_source_is_accepted():
    value = SourceBlock().clean({"title": "NamUs", "url": "https://namus.nij.ojp.gov/"})
    assert value["url"] == "https://namus.nij.ojp.gov/"


@pytest.mark.django_db
def test_each_guide_page_reads_at_or_below_us_grade_eight(client):
    load()
    grades = {
        page.title: textstat.flesch_kincaid_grade(guide_body_text(page))
        for page in FamilyGuidePage.objects.all()
    }
    assert len(grades) == 6
    assert {title: grade for title, grade in grades.items() if grade > 8} == {}


@pytest.mark.django_db
def test_guide_headings_are_questions_a_family_asks():
    load()
    for page in FamilyGuidePage.objects.all():
        headings = [block.value["text"] for block in page.body if block.block_type == "heading"]
        assert headings and all(text.endswith("?") for text in headings), page.title


@pytest.mark.django_db
def test_no_phone_number_is_typed_into_the_family_pages():
    load()
    for page in Page.objects.filter(url_path__startswith="/home/help-for-families/").specific():
        # The fields as stored (streams unrendered): rendering adds the numbers from settings.
        fields = [getattr(page, name, "") for name in ("intro", "summary", "body", "checklist")]
        stored = " ".join(
            json.dumps(list(value.raw_data)) if hasattr(value, "raw_data") else str(value)
            for value in fields
        )
        assert not TYPED_NUMBER.search(plain(stored)), page.title


@pytest.mark.django_db
def test_help_numbers_on_guide_pages_come_from_the_help_lines(client):
    load()
    publish_help_line(
        "missing_children", shown="1-800-TEST-NUM (1-800-837-8686)", dialled="+18008378686"
    )

    text = client.get("/help-for-families/right-now/").text
    main = text[text.index('<main id="main-content"') : text.index("</main>")]
    assert 'href="tel:+18008378686"' in main
    assert "1-800-TEST-NUM (1-800-837-8686)" in main
    assert 'href="tel:911"' in main
    assert 'href="tel:+18778766722"' in main  # NMPAA, from {% nmpaa_phone %}


@pytest.mark.django_db
def test_checklist_has_lines_for_the_report_number_officer_and_phone(client):
    load()
    text = client.get("/help-for-families/first-hours-checklist/").text
    for label in ("Police report number", "Officer's name", "Officer's phone"):
        assert f"<span>{label}</span>" in text
    assert text.count('class="tick-box"') >= 10


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["missing child", "my child is missing", "missing person", "someone is missing"]
)
def test_missing_person_searches_list_the_family_guide_first(client, query):
    load()
    text = client.get("/search/", {"q": query}).text
    main = text[text.index('<main id="main-content"') : text.index("</main>")]
    links = re.findall(r'<h2[^>]*><a href="([^"]+)"', main)
    assert links[:2] == ["/help-for-families/", "/help-for-families/"], links[:3]


@pytest.mark.django_db
def test_home_page_links_the_family_guide_and_the_sitemap_lists_its_pages(client):
    load()
    home = client.get("/").text
    assert '<a class="button" href="/help-for-families/">Someone I love is missing</a>' in home
    xml = client.get("/sitemap.xml").text
    for page in Page.objects.filter(url_path__startswith="/home/help-for-families/"):
        assert f"<loc>http://localhost{page.url}</loc>" in xml
