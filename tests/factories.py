"""factory_boy factories: pages (pass `parent=` to place one) and sign-up rows."""

import datetime
import uuid

from django.utils.text import slugify

from wagtail.models import Page

import factory

from outreach.models import AdvocateSignup, FamilyHelpRequest, PartnerSignup, TrainingRequest
from pages.models import (
    ConventionPage,
    FamilyChecklistPage,
    FamilyGuidePage,
    FamilyGuideSectionPage,
    HomePage,
    InitiativePage,
    LegalFrameworkPage,
    RolePage,
    StandardPage,
)


class PageFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        page = model_class(*args, **kwargs)
        (parent or Page.get_first_root_node()).add_child(instance=page)
        page.save_revision().publish()
        return page


class HomePageFactory(PageFactory):
    title = "Home"
    slug = "home"
    intro = "<p>Welcome to the home page.</p>"

    class Meta:
        model = HomePage


class LegalFrameworkPageFactory(PageFactory):
    title = "Legal framework"
    intro = "<p>How the law fights trafficking.</p>"
    conclusion = "<p>Together we can end it.</p>"

    class Meta:
        model = LegalFrameworkPage


class ConventionPageFactory(PageFactory):
    official_title = factory.LazyAttribute(lambda page: f"Official {page.title}")
    common_name = factory.LazyAttribute(lambda page: page.title)
    adopting_body = "United Nations General Assembly"
    year_adopted = 2000
    official_text_url = "https://example.org/official-text"
    summary = "A short summary of the convention."

    class Meta:
        model = ConventionPage


class RolePageFactory(PageFactory):
    summary = "A short summary of the role."
    responsibilities = "<p>Making and enforcing laws.</p>"
    collaboration = "<p>Sharing information with partners.</p>"

    class Meta:
        model = RolePage


class InitiativePageFactory(PageFactory):
    lead_organisations = "UNODC"
    year_launched = 2009
    what_it_does = "<p>Raises awareness.</p>"
    official_url = "https://example.org/initiative"
    summary = "A short summary of the initiative."

    class Meta:
        model = InitiativePage


class StandardPageFactory(PageFactory):
    intro = "An introduction."

    class Meta:
        model = StandardPage


SOURCES = [("source", {"title": "NamUs", "url": "https://namus.nij.ojp.gov/"})]


class FamilyGuideSectionPageFactory(PageFactory):
    title = "Help for families"
    intro = "<p>What to do when someone you love is missing.</p>"

    class Meta:
        model = FamilyGuideSectionPage


class FamilyGuidePageFactory(PageFactory):
    summary = "A short summary of the guide page."
    body = [("heading", {"text": "What should I do first?", "level": "h2"})]
    sources = SOURCES

    class Meta:
        model = FamilyGuidePage


class FamilyChecklistPageFactory(PageFactory):
    title = "What to do in the first hours"
    summary = "A checklist to print."
    checklist = [("group", {"heading": "Call", "items": ["Call the police now."]})]
    sources = SOURCES

    class Meta:
        model = FamilyChecklistPage


class SubmissionFactory(factory.django.DjangoModelFactory):
    """A sign-up row as the form saves it: email is the one safe way to get in touch."""

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    city = "Baltimore"
    state = "MD"
    contact_methods = "email"
    consent_text = "I agree"
    privacy_notice_version = "2026-11"
    form_token = factory.LazyFunction(uuid.uuid4)

    class Meta:
        abstract = True


class AdvocateSignupFactory(SubmissionFactory):
    name = factory.Sequence(lambda n: f"Advocate {n}")
    interests = "outreach"

    class Meta:
        model = AdvocateSignup


class PartnerSignupFactory(SubmissionFactory):
    organisation = "Grace Chapel"
    organisation_type = "faith"
    name = "Pat Jones"
    areas = "awareness"

    class Meta:
        model = PartnerSignup


class TrainingRequestFactory(SubmissionFactory):
    organisation = "Lincoln High School"
    name = "Sam Lee"
    audiences = "teens"
    expected_attendees = 30
    preferred_dates = "Any Tuesday in March"
    delivery = "online"

    class Meta:
        model = TrainingRequest


class FamilyHelpRequestFactory(SubmissionFactory):
    name = factory.Sequence(lambda n: f"Family member {n}")
    relationship = "Mother"
    preferred_language = "en"
    missing_first_name = "Jordan"
    missing_age = 15
    last_seen_on = datetime.date(2026, 11, 20)
    police_agency = "Baltimore Police Department"
    police_report_number = "26-001234"
    help_wanted = "police"

    class Meta:
        model = FamilyHelpRequest


def submission_factory(model):
    """The factory for a kind's rows, so a test can run over every kind in outreach.kinds."""
    return next(f for f in SubmissionFactory.__subclasses__() if f._meta.model is model)


def publish_help_line(slug, **changes):
    """What an approved change does: the help line goes live with `changes` (made if missing)."""
    from dataclasses import asdict

    from core.contacts import BUILT_IN
    from pages.models import HelpLine

    line = HelpLine.objects.filter(slug=slug).first()
    if line is None:
        fields = asdict(BUILT_IN[slug])
        fields.pop("last_verified_on")
        line = HelpLine.objects.create(**fields)
    for name, value in changes.items():
        setattr(line, name, value)
    line.save_revision().publish()
    return HelpLine.objects.get(pk=line.pk)
