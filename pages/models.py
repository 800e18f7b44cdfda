"""Wagtail page types for the legal-framework guidance, and the site settings.

Declarations only (fields, panels, templates, tree rules, search fields); over 300 lines
because six page types and the settings' seventeen fields are each written out once. Queries
live in routing.py and cards.py.
"""

from django.core.exceptions import ValidationError
from django.db import models

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core import phone
from core.contacts import CONTACTS, PhoneLinks
from core.page_cache import GenerationCachedSettingMixin

from .blocks import BodyBlock
from .routing import FewQueriesPageMixin, PathRouterMixin

INLINE_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HomePage(PathRouterMixin, FewQueriesPageMixin, Page):
    intro = RichTextField(features=INLINE_FEATURES, blank=True)
    body = StreamField(BodyBlock(), blank=True)

    template = "pages/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["pages.LegalFrameworkPage", "pages.StandardPage", "outreach.SignUpPage"]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = "home page"


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


@register_setting(icon="cog")
class SiteSettings(GenerationCachedSettingMixin, PhoneLinks, BaseSiteSetting):
    """Contact details and footer text, edited by staff without a deploy."""

    organisation_name = models.CharField(max_length=150, default=CONTACTS.organisation_name)
    phone_display = models.CharField(
        "phone number as shown",
        max_length=40,
        default=CONTACTS.phone_display,
        help_text='How the number is written, e.g. "(877) US-NMPAA". Its digits are shown '
        "beside it, worked out from the number as dialled.",
    )
    phone_number = models.CharField(
        "phone number as dialled",
        max_length=20,
        default=CONTACTS.phone_number,
        validators=[phone.validate_e164],
        help_text="+ then the country code and digits, e.g. +18778766722.",
    )
    email = models.EmailField(
        blank=True, help_text="Shown on the site. Leave empty to show no email address."
    )
    footer_text = models.TextField(
        max_length=500,
        blank=True,
        default=f"The {CONTACTS.organisation_name} raises awareness for missing persons of color.",
    )

    staff_notification_email = models.EmailField(
        blank=True,
        help_text="Where new sign-ups are announced. Use a mailbox only staff can read. "
        "Until it is set, no sign-up is announced.",
    )

    # Help for people in danger, shown on the home page, beside forms and in the footer.
    emergency_number = models.CharField(
        max_length=10,
        default=CONTACTS.emergency_number,
        validators=[phone.validate_emergency_number],
        help_text="Digits only, e.g. 911.",
    )
    trafficking_hotline_display = models.CharField(
        "trafficking hotline as shown",
        max_length=40,
        default=CONTACTS.trafficking_hotline_display,
        help_text="If it spells letters, write its digits beside them.",
    )
    trafficking_hotline_number = models.CharField(
        "trafficking hotline as dialled",
        max_length=20,
        default=CONTACTS.trafficking_hotline_number,
        validators=[phone.validate_e164],
        help_text="+ then the country code and digits, e.g. +18883737888.",
    )
    trafficking_hotline_text = models.CharField(
        "trafficking hotline text number",
        max_length=20,
        default=CONTACTS.trafficking_hotline_text,
        validators=[phone.validate_text_number],
        help_text="A short code as digits only (e.g. 233733), or + then the country code "
        "and digits.",
    )
    missing_children_display = models.CharField(
        "NCMEC hotline as shown",
        max_length=60,
        default=CONTACTS.missing_children_display,
        help_text="If it spells letters, write its digits beside them.",
    )
    missing_children_number = models.CharField(
        "NCMEC hotline as dialled",
        max_length=20,
        default=CONTACTS.missing_children_number,
        validators=[phone.validate_e164],
        help_text="+ then the country code and digits, e.g. +18008435678.",
    )
    get_help_text = RichTextField(
        "get help now",
        features=INLINE_FEATURES,
        blank=True,
        default=(
            f"<p>If you or someone else is in danger now, call {CONTACTS.emergency_number}. "
            "NMPAA is not a law enforcement agency.</p>"
        ),
    )

    # A sitewide banner for urgent news, switched on and off without a deploy.
    alert_banner_enabled = models.BooleanField("show the alert banner", default=False)
    alert_banner_text = models.CharField(max_length=300, blank=True)

    # Where "Exit this page" sends a visitor: a neutral site that gives nothing away.
    quick_exit_url = models.URLField(
        max_length=300,
        default="https://www.google.com/",
        help_text="A neutral page the quick exit button sends visitors to.",
    )

    # Shown when a page is shared on social media or in a chat app.
    default_share_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown when a page is shared. Best 1200 × 630 pixels. Leave empty for the logo.",
    )

    panels = [
        FieldPanel("organisation_name"),
        MultiFieldPanel(
            [
                FieldPanel("phone_display"),
                FieldPanel("phone_number"),
                FieldPanel("email"),
            ],
            heading="Contact",
        ),
        FieldPanel("footer_text"),
        FieldPanel("staff_notification_email"),
        MultiFieldPanel(
            [
                FieldPanel("emergency_number"),
                FieldPanel("trafficking_hotline_display"),
                FieldPanel("trafficking_hotline_number"),
                FieldPanel("trafficking_hotline_text"),
                FieldPanel("missing_children_display"),
                FieldPanel("missing_children_number"),
                FieldPanel("get_help_text"),
            ],
            heading="Get help now",
        ),
        MultiFieldPanel(
            [FieldPanel("alert_banner_enabled"), FieldPanel("alert_banner_text")],
            heading="Alert banner",
        ),
        FieldPanel("quick_exit_url"),
        FieldPanel("default_share_image"),
    ]

    class Meta:
        verbose_name = "site settings"

    # (shown, dialled, whether the shown text must carry the digits itself)
    SHOWN_NUMBERS = [
        ("phone_display", "phone_number", False),
        ("trafficking_hotline_display", "trafficking_hotline_number", True),
        ("missing_children_display", "missing_children_number", True),
    ]

    def clean(self):
        super().clean()
        errors = {}
        for shown, dialled, needs_digits in self.SHOWN_NUMBERS:
            error = phone.shown_number_error(
                getattr(self, shown), getattr(self, dialled), needs_digits
            )
            if error:
                errors[shown] = error
        if errors:
            raise ValidationError(errors)
