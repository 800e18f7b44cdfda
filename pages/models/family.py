"""Help for families: the guide's section, its pages and the printable checklist."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import INLINE_FEATURES, BodyBlock, ChecklistGroupBlock, SourceBlock
from ..routing import FewQueriesPageMixin


class FamilyGuideSectionPage(FewQueriesPageMixin, Page):
    """Help for families: what to do when someone you love is missing."""

    intro = RichTextField(features=INLINE_FEATURES)
    body = StreamField(BodyBlock(), blank=True)

    template = "pages/family_guide_section_page.html"
    parent_page_types = ["pages.HomePage"]
    # The family help request form ("Ask NMPAA for help") is an outreach.SignUpPage.
    subpage_types = ["pages.FamilyGuidePage", "pages.FamilyChecklistPage", "outreach.SignUpPage"]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    # Searches such as "my child is missing" should find this page before its parts.
    search_fields = Page.search_fields + [
        index.SearchField("search_description", boost=3),
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = "family guide section"


class FamilyGuideBasePage(FewQueriesPageMixin, Page):
    """What every page of the family guide has: a summary and the sources it relies on."""

    summary = models.TextField(
        max_length=400, help_text="One or two plain sentences shown under the title and in lists."
    )
    sources = StreamField(
        [("source", SourceBlock())],
        help_text="The official pages every fact on this page comes from.",
    )

    parent_page_types = ["pages.FamilyGuideSectionPage"]
    subpage_types = []

    search_fields = Page.search_fields + [index.SearchField("summary")]

    class Meta:
        abstract = True


class FamilyGuidePage(FamilyGuideBasePage):
    """One step of the guide, e.g. "At the police station". Headings ask a family's questions."""

    body = StreamField(
        BodyBlock(),
        help_text="Write headings as the questions a family asks. Use a Help number block "
        "for any phone number, never type one.",
    )

    template = "pages/family_guide_page.html"

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("sources"),
    ]
    search_fields = FamilyGuideBasePage.search_fields + [index.SearchField("body")]

    class Meta:
        verbose_name = "family guide page"


class FamilyChecklistPage(FamilyGuideBasePage):
    """A checklist that prints on one US Letter page, with lines to write the report details."""

    checklist = StreamField([("group", ChecklistGroupBlock())])

    template = "pages/family_checklist_page.html"

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("checklist"),
        FieldPanel("sources"),
    ]
    search_fields = FamilyGuideBasePage.search_fields + [index.SearchField("checklist")]

    class Meta:
        verbose_name = "family checklist page"
