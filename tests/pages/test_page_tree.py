from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

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
            HomePage, {LegalFrameworkPage, StandardPage, FamilyGuideSectionPage, SignUpPage}
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

    def test_there_can_be_only_one_home_page(self):
        self.assertEqual(HomePage.max_count, 1)
