"""The home page and the plain pages under it (About, Privacy notice and the like)."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import INLINE_FEATURES, BodyBlock
from ..routing import FewQueriesPageMixin, PathRouterMixin


class HomePage(PathRouterMixin, FewQueriesPageMixin, Page):
    intro = RichTextField(features=INLINE_FEATURES, blank=True)
    body = StreamField(BodyBlock(), blank=True)

    template = "pages/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.LegalFrameworkPage",
        "pages.FamilyGuideSectionPage",
        "pages.StandardPage",
        "outreach.SignUpPage",
        "appeals.AppealIndexPage",
    ]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = "home page"


class StandardPage(FewQueriesPageMixin, Page):
    """About, Partner with us, Privacy notice, Accessibility statement and the like."""

    intro = models.TextField(max_length=600, blank=True)
    body = StreamField(BodyBlock(), blank=True)

    template = "pages/standard_page.html"
    parent_page_types = ["pages.HomePage", "pages.StandardPage"]
    subpage_types = ["pages.StandardPage", "outreach.SignUpPage"]

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = "standard page"
