"""Wagtail page types for the legal-framework guidance, and the site settings."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.http import Http404

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from . import phone
from .blocks import BodyBlock, ChecklistGroupBlock, SourceBlock
from .page_cache import generation_cached

INLINE_FEATURES = ["bold", "italic", "link", "ol", "ul"]


def ancestor_paths(page, inclusive=True):
    """Tree paths of the page's ancestors, worked out from its own path with no query."""
    step = page.steplen
    end = len(page.path) + (step if inclusive else 0)
    return [page.path[:length] for length in range(step, end, step)]


def page_cards(pages):
    """Pages as listing cards (title, url, summary) in one query, whatever their type.

    Articles keep `summary` in their own tables; a join per article type replaces one
    `.specific` query per listed page.
    """
    summaries = [
        F(f"{model._meta.model_name}__summary")
        for model in apps.get_models()
        if issubclass(model, ArticlePage)
    ]
    if len(summaries) > 1:
        return pages.annotate(summary=Coalesce(*summaries, output_field=models.TextField()))
    return pages.annotate(summary=summaries[0]) if summaries else pages


def cards_in_order(page_ids):
    """Live pages with these ids, as cards, in the order given; missing ones left out."""
    by_id = page_cards(Page.objects.live().filter(id__in=page_ids)).in_bulk()
    seen = set()
    cards = []
    for page_id in page_ids:
        if page_id in by_id and page_id not in seen:
            seen.add(page_id)
            cards.append(by_id[page_id])
    return cards


def restricted_paths():
    """Tree paths of every page a view restriction covers directly or through an alias."""
    restricted = PageViewRestriction.objects.values_list("page__path", "page__aliases__path")
    return {path for pair in restricted for path in pair if path}


def page_at(url_path):
    """The specific page at this full URL path, cached per content generation; None if none."""
    return generation_cached(
        f"page:{url_path}", lambda: Page.objects.filter(url_path=url_path).specific().first()
    )


class FewQueriesPageMixin:
    """Checks view restrictions in one query instead of two (Wagtail's default)."""

    def get_view_restrictions(self):
        # A restriction applies if it is on this page or an ancestor, or on the page an
        # ancestor (or this page) is an alias of, as in Wagtail's own version.
        paths = ancestor_paths(self)
        if not set(paths) & generation_cached("restricted-paths", restricted_paths):
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths, page__alias_of__isnull=True) | Q(page__aliases__path__in=paths)
        ).distinct()


class HomePage(FewQueriesPageMixin, Page):
    intro = RichTextField(features=INLINE_FEATURES, blank=True)
    body = StreamField(BodyBlock(), blank=True)

    template = "pages/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.LegalFrameworkPage",
        "pages.StandardPage",
        "pages.FamilyGuideSectionPage",
        "outreach.SignUpPage",
    ]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = "home page"

    def route(self, request, path_components):
        # One lookup by full URL path instead of two queries per level of the tree.
        if not path_components:
            return super().route(request, path_components)
        page = page_at(self.url_path + "/".join(path_components) + "/")
        if page is not None:
            return page.route(request, [])
        # Not a page: a sub-route of a routable page (a form's thank-you page) or a 404. The
        # deepest page above it, found in one query, routes the rest or answers 404.
        prefixes = [
            self.url_path + "/".join(path_components[:depth]) + "/"
            for depth in range(1, len(path_components))
        ]
        nearest = (
            Page.objects.filter(url_path__in=prefixes)
            .order_by("-depth")
            .values_list("url_path", flat=True)
            .first()
        )
        if nearest is None:
            raise Http404  # not even the first step is a page
        page = page_at(nearest)
        rest = path_components[nearest.count("/") - self.url_path.count("/") :]
        return page.route(request, rest)


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

    def article_groups(self):
        """The live child articles as (heading, pages) in the editors' order."""
        children = generation_cached(
            f"children:{self.pk}", lambda: list(page_cards(self.get_children().live()))
        )
        groups = [
            (self.conventions_heading, ConventionPage),
            (self.roles_heading, RolePage),
            (self.initiatives_heading, InitiativePage),
        ]
        return [
            (
                heading,
                [
                    child
                    for child in children
                    if child.content_type_id == ContentType.objects.get_for_model(page_type).id
                ],
            )
            for heading, page_type in groups
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["article_groups"] = self.article_groups()
        return context


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

    def related_cards(self):
        """The live related pages as cards, in the editors' order, in one query."""
        page_ids = [item["value"] for item in self.related_pages.raw_data if item["type"] == "page"]
        if not page_ids:
            return []
        return generation_cached(f"related:{self.pk}", lambda: cards_in_order(page_ids))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_cards"] = self.related_cards()
        return context


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
class SiteSettings(BaseSiteSetting):
    """Contact details and footer text, edited by staff without a deploy."""

    organisation_name = models.CharField(
        max_length=150, default="National Missing Persons Advocacy Association"
    )
    phone_display = models.CharField(
        "phone number as shown",
        max_length=40,
        default="(877) US-NMPAA",
        help_text='How the number is written, e.g. "(877) US-NMPAA". Its digits are shown '
        "beside it, worked out from the number as dialled.",
    )
    phone_number = models.CharField(
        "phone number as dialled",
        max_length=20,
        default="+18778766722",
        validators=[phone.validate_e164],
        help_text="+ then the country code and digits, e.g. +18778766722.",
    )
    email = models.EmailField(
        blank=True, help_text="Shown on the site. Leave empty to show no email address."
    )
    footer_text = models.TextField(
        max_length=500,
        blank=True,
        default=(
            "The National Missing Persons Advocacy Association raises awareness "
            "for missing persons of color."
        ),
    )

    staff_notification_email = models.EmailField(
        blank=True,
        help_text="Where new sign-ups are announced. Use a mailbox only staff can read. "
        "Until it is set, no sign-up is announced.",
    )

    # Help for people in danger, shown on the home page, beside forms and in the footer.
    emergency_number = models.CharField(
        max_length=10,
        default="911",
        validators=[phone.validate_emergency_number],
        help_text="Digits only, e.g. 911.",
    )
    trafficking_hotline_display = models.CharField(
        "trafficking hotline as shown",
        max_length=40,
        default="1-888-373-7888",
        help_text="If it spells letters, write its digits beside them.",
    )
    trafficking_hotline_number = models.CharField(
        "trafficking hotline as dialled",
        max_length=20,
        default="+18883737888",
        validators=[phone.validate_e164],
        help_text="+ then the country code and digits, e.g. +18883737888.",
    )
    trafficking_hotline_text = models.CharField(
        "trafficking hotline text number",
        max_length=20,
        default="233733",
        validators=[phone.validate_text_number],
        help_text="A short code as digits only (e.g. 233733), or + then the country code "
        "and digits.",
    )
    missing_children_display = models.CharField(
        "NCMEC hotline as shown",
        max_length=60,
        default="1-800-THE-LOST (1-800-843-5678)",
        help_text="If it spells letters, write its digits beside them.",
    )
    missing_children_number = models.CharField(
        "NCMEC hotline as dialled",
        max_length=20,
        default="+18008435678",
        validators=[phone.validate_e164],
        help_text="+ then the country code and digits, e.g. +18008435678.",
    )
    get_help_text = RichTextField(
        "get help now",
        features=INLINE_FEATURES,
        blank=True,
        default=(
            "<p>If you or someone else is in danger now, call 911. "
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

    @classmethod
    def for_site(cls, site):
        if site is None:
            return super().for_site(site)
        return generation_cached(f"site-settings:{site.pk}", lambda: super(cls, cls).for_site(site))

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

    @property
    def phone_href(self):
        return f"tel:{self.phone_number}"

    @property
    def phone_digits(self):
        return phone.digits_shown(self.phone_number)

    @property
    def phone_with_digits(self):
        """The number as shown and its digits, for plain text: "(877) US-NMPAA (877) 876-6722"."""
        if self.phone_display == self.phone_digits:
            return self.phone_display
        return f"{self.phone_display} {self.phone_digits}"


# ---------------------------------------------------------------------------------------
# Help for families (issue 11): the family guide's page types.
# The "Ask NMPAA for help" form page joins FamilyGuideSectionPage.subpage_types when its
# form kind exists; the section lists whatever live children it has, so it shows up there.
# ---------------------------------------------------------------------------------------


def family_guide_section():
    """The live "Help for families" section, or None; cached per content generation."""
    return generation_cached(
        "family-guide-section", lambda: FamilyGuideSectionPage.objects.live().first()
    )


class FamilyGuideSectionPage(FewQueriesPageMixin, Page):
    """Help for families: what to do when someone you love is missing."""

    intro = RichTextField(features=INLINE_FEATURES)
    body = StreamField(BodyBlock(), blank=True)

    template = "pages/family_guide_section_page.html"
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.FamilyGuidePage", "pages.FamilyChecklistPage"]
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

    def guide_cards(self):
        """The live child pages with their summaries, in the editors' order, in one query."""
        summaries = [
            F(f"{model._meta.model_name}__summary")
            for model in (FamilyGuidePage, FamilyChecklistPage)
        ]
        return generation_cached(
            f"children:{self.pk}",
            lambda: list(
                self.get_children()
                .live()
                .annotate(summary=Coalesce(*summaries, output_field=models.TextField()))
            ),
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["guide_cards"] = self.guide_cards()
        return context


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


# --- end of Help for families ----------------------------------------------------------
