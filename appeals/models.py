"""Missing-person appeals: the "Missing persons" index and one page per appeal.

The consent, police verification and closure records are in records.py: they are private
records, not page content, so they stay out of page revisions (which every editor can read).
Over 300 lines because an appeal has many fields, each declared with its check once, here.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import OuterRef, Subquery
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page, Workflow
from wagtail.search import index
from wagtail.url_routing import RouteResult

from modelcluster.fields import ParentalKey

from core.phone import digits_shown, validate_e164
from core.us_states import US_STATES
from pages.routing import FewQueriesPageMixin

from .feeds import AppealsAtomFeed, AppealsFeed
from .listing import appeal_cards
from .names import WORKFLOW
from .pictures import PAGE_SPEC, Picture, picture, with_first_photo
from .poster import poster_pdf, sheet_context
from .records import (  # noqa: F401 (Django finds an app's models here)
    AppealClosure,
    ConsentRecord,
    PoliceVerification,
    not_in_future,
)
from .workflow import (  # noqa: F401 (the task models)
    AppealApprovalTask,
    AppealChecksTask,
    AppealIndexPermissionTester,
    AppealPermissionTester,
)

SEX_CHOICES = [("female", "Female"), ("male", "Male"), ("unknown", "Unknown")]
# A person's height and weight as police record them, in feet/inches and pounds.
HEIGHT_INCHES = (12, 96)
WEIGHT_POUNDS = (2, 700)


def years_between(start, end):
    return end.year - start.year - ((end.month, end.day) < (start.month, start.day))


class AppealIndexPage(FewQueriesPageMixin, RoutablePageMixin, Page):
    """ "Missing persons": the published appeals as cards, newest first."""

    intro = models.TextField(max_length=600, blank=True)

    template = "appeals/appeal_index_page.html"
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["appeals.AppealPage"]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = "missing persons index"

    def permissions_for_user(self, user):
        return AppealIndexPermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        return context | appeal_cards(self, request.GET)

    @path("feed/")
    def rss_feed(self, request):
        return AppealsFeed(self)(request)

    @path("feed/atom/")
    def atom_feed(self, request):
        return AppealsAtomFeed(self)(request)


class AppealPhoto(Orderable):
    page = ParentalKey("AppealPage", on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    alt_text = models.CharField(
        max_length=200,
        help_text='What the photo shows, e.g. "Example Person smiling, wearing a red cap".',
        error_messages={"blank": "Describe the photo for people who cannot see it."},
    )
    taken_on = models.DateField(
        "date taken", validators=[not_in_future], help_text="Roughly, if not known exactly."
    )
    rights_holder = models.CharField(
        max_length=200, help_text="Who holds the rights to this photo (usually the family)."
    )

    panels = [
        FieldPanel("image"),
        FieldPanel("alt_text"),
        FieldRowPanel([FieldPanel("taken_on"), FieldPanel("rights_holder")]),
    ]


class AppealPage(FewQueriesPageMixin, RoutablePageMixin, Page):
    """One missing person: the page people share and print. Its title is the name shown."""

    also_known_as = models.CharField(max_length=200, blank=True)
    date_of_birth = models.DateField(null=True, blank=True, validators=[not_in_future])
    age_then = models.PositiveSmallIntegerField(
        "age at disappearance", validators=[MaxValueValidator(120)]
    )
    age_now_given = models.PositiveSmallIntegerField(
        "age now",
        null=True,
        blank=True,
        validators=[MaxValueValidator(130)],
        help_text="Only if there is no date of birth: the age now as police give it.",
    )
    sex = models.CharField(max_length=10, choices=SEX_CHOICES)
    race_ethnicity = models.CharField(
        "race/ethnicity", max_length=100, help_text="As recorded by police."
    )
    height_inches = models.PositiveSmallIntegerField(
        "height (inches)",
        validators=[MinValueValidator(HEIGHT_INCHES[0]), MaxValueValidator(HEIGHT_INCHES[1])],
        help_text="In inches: 5 ft 6 in is 66.",
    )
    weight_pounds = models.PositiveSmallIntegerField(
        "weight (pounds)",
        validators=[MinValueValidator(WEIGHT_POUNDS[0]), MaxValueValidator(WEIGHT_POUNDS[1])],
    )
    hair = models.CharField(max_length=100)
    eyes = models.CharField(max_length=100)
    distinguishing_marks = models.TextField(blank=True)
    clothing = models.TextField("clothing when last seen", blank=True)
    last_seen_on = models.DateField("date last seen", validators=[not_in_future])
    last_seen_city = models.CharField("city last seen", max_length=100)
    last_seen_state = models.CharField("state last seen", max_length=2, choices=US_STATES)
    circumstances = models.TextField(
        max_length=1200,
        help_text="A short account the police agency has approved. Never the family's "
        "contact details, an address, or a suspect's name.",
    )
    agency_name = models.CharField("police agency", max_length=200)
    agency_phone = models.CharField(
        "agency's public phone number",
        max_length=16,
        validators=[validate_e164],
        help_text="As + then country code and digits, e.g. +12025550123.",
    )
    agency_case_number = models.CharField("agency case number", max_length=100)
    ncic_number = models.CharField("NCIC number", max_length=50, blank=True)
    namus_number = models.CharField("NamUs number", max_length=50, blank=True)
    ncmec_number = models.CharField("NCMEC number", max_length=50, blank=True)
    # Set only by `create_demo_appeals`: such a page says it is not a real person.
    is_example = models.BooleanField(default=False, editable=False)

    template = "appeals/appeal_page.html"
    parent_page_types = ["appeals.AppealIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("also_known_as"),
        InlinePanel("photos", label="Photos", min_num=1),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("age_then"), FieldPanel("date_of_birth")]),
                FieldPanel("age_now_given"),
                FieldRowPanel([FieldPanel("sex"), FieldPanel("race_ethnicity")]),
                FieldRowPanel([FieldPanel("height_inches"), FieldPanel("weight_pounds")]),
                FieldRowPanel([FieldPanel("hair"), FieldPanel("eyes")]),
                FieldPanel("distinguishing_marks"),
                FieldPanel("clothing"),
            ],
            heading="Description",
        ),
        MultiFieldPanel(
            [
                FieldPanel("last_seen_on"),
                FieldRowPanel([FieldPanel("last_seen_city"), FieldPanel("last_seen_state")]),
                FieldPanel("circumstances"),
            ],
            heading="Last seen",
        ),
        MultiFieldPanel(
            [
                FieldPanel("agency_name"),
                FieldRowPanel([FieldPanel("agency_phone"), FieldPanel("agency_case_number")]),
                FieldRowPanel(
                    [
                        FieldPanel("ncic_number"),
                        FieldPanel("namus_number"),
                        FieldPanel("ncmec_number"),
                    ]
                ),
            ],
            heading="Police agency",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("also_known_as"),
        index.SearchField("last_seen_city"),
        index.FilterField("last_seen_state"),
        index.FilterField("last_seen_on"),
    ]

    class Meta:
        verbose_name = "missing person appeal"

    def get_workflow(self):
        """Always the appeals workflow (made by migration), wherever the page sits."""
        return Workflow.objects.filter(name=WORKFLOW, active=True).first()

    def permissions_for_user(self, user):
        return AppealPermissionTester(user, self)

    def clean(self):
        super().clean()
        errors = {}
        if self.date_of_birth and self.last_seen_on and self.date_of_birth > self.last_seen_on:
            errors["date_of_birth"] = "The date of birth is after the date last seen."
        elif self.date_of_birth and self.last_seen_on and self.age_then is not None:
            worked_out = years_between(self.date_of_birth, self.last_seen_on)
            if worked_out != self.age_then:
                errors["age_then"] = (
                    f"The date of birth makes the age when last seen {worked_out}, "
                    f"not {self.age_then}."
                )
        if self.date_of_birth and self.age_now_given is not None:
            errors["age_now_given"] = "Leave the age now empty: the date of birth gives it."
        elif self.age_now_given is not None and self.age_then is not None:
            if self.age_now_given < self.age_then:
                errors["age_now_given"] = (
                    f"The age now ({self.age_now_given}) is lower than the age when last seen "
                    f"({self.age_then})."
                )
        if errors:
            raise ValidationError(errors)

    @property
    def age_now(self):
        today = timezone.localdate()
        if self.date_of_birth:
            return years_between(self.date_of_birth, today)
        if self.age_now_given is not None:
            return self.age_now_given
        return self.age_then + years_between(self.last_seen_on, today)

    @property
    def height_shown(self):
        feet, inches = divmod(self.height_inches, 12)
        return f"{feet} ft {inches} in"

    @property
    def agency_phone_shown(self):
        return digits_shown(self.agency_phone)

    @property
    def photo(self):
        """The first photo (the one cards, posters and shared links show), or None."""
        photos = list(self.photos.all())
        return photos[0] if photos else None

    @property
    def share_image_alt(self):
        return f"Photo of {self.title}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            facts = self._facts_from_draft()
        else:
            facts = self._facts_from_database()
        self.share_picture = facts["picture"]  # the Open Graph image (pages/templatetags/seo_tags)
        photo_src = facts["picture"].url if facts["picture"] else ""
        return context | facts | sheet_context(self, request, photo_src)

    def _facts_from_database(self):
        """The live page's photo, its rendition and the latest verification: one query."""
        latest = PoliceVerification.objects.filter(appeal=OuterRef("pk")).order_by(
            "-verified_on", "-pk"
        )
        row = (
            with_first_photo(AppealPage.objects.filter(pk=self.pk), PAGE_SPEC)
            .annotate(
                verified_by=Subquery(latest.values("agency")[:1]),
                verified_on=Subquery(latest.values("verified_on")[:1]),
            )
            .values()
            .get()
        )
        return {
            "picture": picture(row, PAGE_SPEC, row["photo_alt"]),
            "photo_taken_on": row["photo_taken_on"],
            "photo_rights_holder": row["photo_rights_holder"],
            "verified_by": row["verified_by"],
            "verified_on": row["verified_on"],
        }

    def _facts_from_draft(self):
        """In a preview the photos are the draft's, not yet in the database."""
        photo = self.photo
        verification = self.verifications.order_by("-verified_on", "-pk").first()
        rendition = photo.image.get_rendition(PAGE_SPEC) if photo else None
        return {
            "picture": Picture(rendition.url, rendition.width, rendition.height, photo.alt_text)
            if photo
            else None,
            "photo_taken_on": photo.taken_on if photo else None,
            "photo_rights_holder": photo.rights_holder if photo else "",
            "verified_by": verification.agency if verification else "",
            "verified_on": verification.verified_on if verification else None,
        }

    # A closed appeal answers 410 Gone at its URL, with nothing about the person.
    def route(self, request, path_components):
        if not self.live and not path_components and self.is_closed:
            return RouteResult(self, args=(self.gone_view, (), {}))
        return super().route(request, path_components)

    def gone_view(self, request):
        return TemplateResponse(request, "appeals/appeal_gone.html", status=410)

    @property
    def is_closed(self):
        return AppealClosure.objects.filter(appeal_id=self.pk).exists()

    @path("poster/")
    def poster_view(self, request):
        response = HttpResponse(poster_pdf(self, request), content_type="application/pdf")
        filename = f"missing-{self.slug}.pdf"
        response["Content-Disposition"] = f'inline; filename="{filename}"'
        return response
