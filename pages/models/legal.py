"""The legal-framework section and its articles: conventions, roles and initiatives."""

from django.db import models

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import INLINE_FEATURES, BodyBlock
from ..routing import FewQueriesPageMixin


class LegalFrameworkPage(FewQueriesPageMixin, Page):
    """The section page: introduction, its articles grouped by kind, conclusion."""

    intro = RichTextField(features=INLINE_FEATURES)
    conventions_heading = models.CharField(
        max_length=150, default="International laws and conventions"
    )
    roles_heading = models.CharField(
        max_length=150, default="Roles of governments, NGOs and law enforcement"
    )
    initiatives_heading = models.CharField(max_length=150, default="Collaborative initiatives")
    conclusion = RichTextField(features=INLINE_FEATURES, blank=True)
    body = StreamField(BodyBlock(), blank=True)

    template = "pages/legal_framework_page.html"
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.ConventionPage", "pages.RolePage", "pages.InitiativePage"]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("conventions_heading"),
                FieldPanel("roles_heading"),
                FieldPanel("initiatives_heading"),
            ],
            heading="Group headings",
            help_text="Articles are listed under these headings in page-tree order.",
        ),
        FieldPanel("conclusion"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("conclusion"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = "legal framework section"


class ArticlePage(FewQueriesPageMixin, Page):
    """Fields every guidance article shares."""

    summary = models.TextField(
        max_length=600, help_text="Two or three plain sentences shown in listings."
    )
    body = StreamField(BodyBlock(), blank=True)
    related_pages = StreamField(
        [("page", blocks.PageChooserBlock())],
        blank=True,
        help_text="Other pages a reader of this one should see next.",
    )

    parent_page_types = ["pages.LegalFrameworkPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    class Meta:
        abstract = True


class ConventionPage(ArticlePage):
    official_title = models.CharField(max_length=300)
    common_name = models.CharField(
        max_length=120, blank=True, help_text='For example "Palermo Protocol".'
    )
    adopting_body = models.CharField(max_length=200)
    year_adopted = models.PositiveSmallIntegerField()
    official_text_url = models.URLField("link to the official text", max_length=500, blank=True)

    template = "pages/convention_page.html"

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("official_title"),
                FieldPanel("common_name"),
                FieldPanel("adopting_body"),
                FieldPanel("year_adopted"),
                FieldPanel("official_text_url"),
            ],
            heading="About the convention",
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("related_pages"),
    ]
    search_fields = ArticlePage.search_fields + [
        index.SearchField("official_title"),
        index.SearchField("common_name"),
        index.SearchField("adopting_body"),
    ]

    class Meta:
        verbose_name = "convention page"


class RolePage(ArticlePage):
    responsibilities = RichTextField(features=INLINE_FEATURES)
    collaboration = RichTextField("how this role works with the others", features=INLINE_FEATURES)

    template = "pages/role_page.html"

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("responsibilities"),
        FieldPanel("collaboration"),
        FieldPanel("body"),
        FieldPanel("related_pages"),
    ]
    search_fields = ArticlePage.search_fields + [
        index.SearchField("responsibilities"),
        index.SearchField("collaboration"),
    ]

    class Meta:
        verbose_name = "role page"


class InitiativePage(ArticlePage):
    lead_organisations = models.CharField(max_length=300)
    year_launched = models.PositiveSmallIntegerField()
    what_it_does = RichTextField(features=INLINE_FEATURES)
    official_url = models.URLField("official link", max_length=500, blank=True)

    template = "pages/initiative_page.html"

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("lead_organisations"),
                FieldPanel("year_launched"),
                FieldPanel("official_url"),
            ],
            heading="About the initiative",
        ),
        FieldPanel("summary"),
        FieldPanel("what_it_does"),
        FieldPanel("body"),
        FieldPanel("related_pages"),
    ]
    search_fields = ArticlePage.search_fields + [
        index.SearchField("lead_organisations"),
        index.SearchField("what_it_does"),
    ]

    class Meta:
        verbose_name = "initiative page"
