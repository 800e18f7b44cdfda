from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from appeals.models import AppealIndexPage
from outreach.models import SignUpPage
from pages.models import (
    ConventionPage,
    FamilyGuideSectionPage,
    HomePage,
    InitiativePage,
    LegalFrameworkPage,
    RolePage,
    StandardPage,
)

ARTICLES = {ConventionPage, RolePage, InitiativePage}


class PageTreeRulesTests(WagtailPageTestCase):
    def test_home_page_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_home_page_holds_the_section_and_standard_pages(self):
        self.assertAllowedSubpageTypes(
            HomePage,
            {LegalFrameworkPage, StandardPage, FamilyGuideSectionPage, SignUpPage, AppealIndexPage},
        )

    def test_section_holds_only_articles(self):
        self.assertAllowedSubpageTypes(LegalFrameworkPage, ARTICLES)
        self.assertAllowedParentPageTypes(LegalFrameworkPage, {HomePage})

    def test_articles_live_only_in_the_section_and_have_no_children(self):
        for article in ARTICLES:
            with self.subTest(article=article.__name__):
                self.assertAllowedParentPageTypes(article, {LegalFrameworkPage})
                self.assertAllowedSubpageTypes(article, set())

    def test_standard_pages_nest_under_home_or_each_other(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage, SignUpPage})


def test_admin_refuses_a_second_home_page(admin_client, home_page):
    tree_root = home_page.get_parent()
    add_home = reverse("wagtailadmin_pages:add", args=("pages", "homepage", tree_root.pk))
    response = admin_client.get(add_home, follow=True)
    assert "Sorry, you do not have permission" in response.text
    admin_client.post(add_home, {"title": "Second home", "slug": "home-2", "action-publish": "1"})
    assert HomePage.objects.count() == 1
