"""The Wagtail page that places a sign-up form; the sign-up rows are in submission_models.

Like Wagtail's own FormMixin, the page handles its form itself: GET and POST go to
`views.sign_up`, which takes the form class from the page's kind (kinds.py).
"""

from django.db import models
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from pages.routing import FewQueriesPageMixin

from . import kinds
from .submission_models import (  # noqa: F401 (Django finds an app's models here)
    AdvocateSignup,
    FamilyHelpRequest,
    PartnerSignup,
    Submission,
    TrainingRequest,
)
from .views import sign_up

RICH_FEATURES = ["bold", "italic", "link"]


class SignUpPage(FewQueriesPageMixin, RoutablePageMixin, Page):
    """Places one of the sign-up forms; staff edit the words around it."""

    form_kind = models.CharField(max_length=20, choices=kinds.CHOICES)
    intro = RichTextField(features=RICH_FEATURES, blank=True)
    privacy_line = RichTextField(
        features=RICH_FEATURES,
        default=(
            "<p>We use what you send only to reply to you and organize this work. "
            "We never sell or share it.</p>"
        ),
        help_text="Shown above the send button; link to the privacy notice.",
    )
    thank_you_text = RichTextField(
        features=RICH_FEATURES,
        default=(
            "<p>Thank you. We have your details and someone from our team will get in touch "
            "in the way you asked, usually within five working days.</p>"
        ),
        help_text="What the person sees after sending: say what happens next.",
    )

    template = "outreach/sign_up_page.html"
    parent_page_types = ["pages.HomePage", "pages.StandardPage", "pages.FamilyGuideSectionPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("form_kind"),
        FieldPanel("intro"),
        FieldPanel("privacy_line"),
        FieldPanel("thank_you_text"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = "sign-up page"

    @property
    def kind(self):
        return kinds.get(self.form_kind)

    @path("")
    def form_view(self, request):
        return sign_up(request, self)

    @path("thanks/")
    def thanks_view(self, request):
        if request.method != "GET":
            return HttpResponseRedirect(self.url)
        return TemplateResponse(
            request, "outreach/thanks.html", self.get_context(request) | {"page": self}
        )
