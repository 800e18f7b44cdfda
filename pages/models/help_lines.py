"""Help lines: every phone number the site shows, with its source, changed by two people.

A change is a draft until a member of the verifiers group other than its author approves it
(pages/workflows.py); the public reads only the live row (core.contacts.Line).
"""

import datetime
from urllib.parse import urlsplit

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    Site,
    WorkflowMixin,
)

from core import contacts, phone

from ..approval import current_approver
from .settings import DEFAULT_OFFICIAL_DOMAINS, SiteSettings

VERIFIERS_GROUP = "Help line verifiers"
NAME_REQUIRED = "Give the help line the name people know it by."
# A change to one of these needs checking again against the source: it resets "last verified".
CHECKED_FIELDS = ("shown", "dialled", "sms_number", "sms_keyword", "source_url")


def validate_dialled(value):
    """E.164 (+18883737888) or a US emergency number (911)."""
    if value.isdigit():
        phone.validate_emergency_number(value)
    else:
        phone.validate_e164(value)


class HelpLineForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].error_messages["required"] = NAME_REQUIRED


class HelpLine(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, models.Model):
    slug = models.SlugField(
        unique=True,
        help_text="A fixed name pages use to show this line, e.g. trafficking_hotline. "
        "Do not change it once pages use it.",
    )
    name = models.CharField(
        max_length=120,
        error_messages={"blank": NAME_REQUIRED},
    )
    purpose = models.CharField("what it is for", max_length=250, blank=True)
    shown = models.CharField(
        "number as shown",
        max_length=60,
        help_text='As people read it, e.g. "1-888-373-7888" or "1-800-THE-LOST". Pages show '
        "the digits beside letters for you.",
    )
    dialled = models.CharField(
        "number as dialled",
        max_length=20,
        validators=[validate_dialled],
        help_text="+ then the country code and digits, e.g. +18883737888; or 911.",
    )
    sms_number = models.CharField(
        "text number",
        max_length=20,
        blank=True,
        validators=[phone.validate_text_number],
        help_text="A short code (e.g. 233733) or + then the country code and digits.",
    )
    sms_keyword = models.CharField(
        "text keyword",
        max_length=30,
        blank=True,
        help_text="Only if the official source gives one.",
    )
    hours = models.CharField(max_length=120, blank=True, help_text="e.g. 24 hours a day")
    languages = models.CharField(max_length=200, blank=True)
    website = models.URLField(max_length=300, blank=True)
    email = models.EmailField(blank=True)
    source_url = models.URLField(
        "source",
        max_length=300,
        blank=True,
        help_text="The official https page that gives this number. Its site must be on the "
        "list of official sources in Site settings. Only NMPAA's own line may leave it empty.",
    )
    last_verified_on = models.DateField(
        null=True,
        blank=True,
        help_text="The day someone checked the number against its source. A change to the "
        "number, text number, keyword or source sets it to the day the change is approved.",
    )
    verified_by = models.CharField(max_length=150, blank=True)
    review_every_days = models.PositiveSmallIntegerField(
        "review every (days)", default=90, help_text="How often to check it again."
    )
    active = models.BooleanField(default=True, help_text="Shown on the site.")
    sort_order = models.PositiveSmallIntegerField("order", default=0)

    # So that deleting a help line deletes its revisions and workflow history too.
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="helpline")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="helpline",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("purpose"),
        MultiFieldPanel(
            [
                FieldPanel("shown"),
                FieldPanel("dialled"),
                FieldPanel("sms_number"),
                FieldPanel("sms_keyword"),
            ],
            heading="Number",
        ),
        MultiFieldPanel(
            [
                FieldPanel("hours"),
                FieldPanel("languages"),
                FieldPanel("website"),
                FieldPanel("email"),
            ],
            heading="Details",
        ),
        MultiFieldPanel(
            [
                FieldPanel("source_url"),
                FieldPanel("last_verified_on"),
                FieldPanel("verified_by"),
                FieldPanel("review_every_days"),
            ],
            heading="Source and checking",
        ),
        FieldPanel("active"),
        FieldPanel("sort_order"),
    ]
    base_form_class = HelpLineForm
    # Only an approved workflow publishes a help line (pages/approval.py).
    two_person_publish = True

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = "help line"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if self.live and kwargs.get("update_fields") is None:
            self.reset_verification_if_changed()
        super().save(*args, **kwargs)

    @property
    def revisions(self):
        return self._revisions

    @property
    def review_due_on(self):
        if self.last_verified_on is None:
            return None
        return self.last_verified_on + datetime.timedelta(days=self.review_every_days)

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return self.review_due_on is None or self.review_due_on <= today

    def clean(self):
        super().clean()
        errors = {}
        if self.last_verified_on and self.last_verified_on > timezone.localdate():
            errors["last_verified_on"] = "This date is in the future: write the day it was checked."
        if self.shown and self.dialled and not self.dialled.isdigit():
            # Pages add the digits beside letters themselves ("(877) US-NMPAA (877) 876-6722").
            error = phone.shown_number_error(self.shown, self.dialled, needs_digits=False)
            if error:
                errors["shown"] = error
        elif self.shown and self.dialled and self.shown != self.dialled:
            errors["shown"] = f"Show the emergency number as it is dialled: {self.dialled}."
        if self.sms_keyword and not self.sms_number:
            errors["sms_keyword"] = "A keyword needs a text number to send it to."
        error = source_error(self.source_url, self.slug)
        if error:
            errors["source_url"] = error
        if errors:
            raise ValidationError(errors)

    def as_line(self):
        return contacts.Line(
            slug=self.slug,
            name=self.name,
            shown=self.shown,
            dialled=self.dialled,
            purpose=self.purpose,
            sms_number=self.sms_number,
            sms_keyword=self.sms_keyword,
            hours=self.hours,
            languages=self.languages,
            website=self.website,
            email=self.email,
            source_url=self.source_url,
            last_verified_on=self.last_verified_on.isoformat() if self.last_verified_on else "",
        )

    def reset_verification_if_changed(self):
        old = HelpLine.objects.filter(pk=self.pk, live=True).values(*CHECKED_FIELDS).first()
        if old is None or all(old[name] == getattr(self, name) for name in CHECKED_FIELDS):
            return
        approver = current_approver()
        if approver is not None:
            self.last_verified_on = timezone.localdate()
            self.verified_by = approver.get_full_name() or approver.get_username()
        else:  # Changed outside the workflow: nobody has checked the new values yet.
            self.last_verified_on = None
            self.verified_by = ""


def official_domains():
    """The allow-list from Site settings (one domain per line), else the built-in one."""
    site = Site.objects.filter(is_default_site=True).first()
    text = SiteSettings.for_site(site).official_source_domains if site else ""
    return parse_domains(text or DEFAULT_OFFICIAL_DOMAINS)


def parse_domains(text):
    return [line.strip().lower().lstrip(".") for line in text.splitlines() if line.strip()]


def source_error(url, slug):
    if not url:
        if slug == contacts.NMPAA:
            return None  # NMPAA's own number: the organisation itself is its source.
        return "Give the official page that shows this number, starting with https://."
    parts = urlsplit(url)
    if parts.scheme != "https":
        return "The source must start with https:// so nobody can change it on the way."
    host = (parts.hostname or "").lower()
    domains = official_domains()
    if not any(host == domain or host.endswith("." + domain) for domain in domains):
        return (
            f"{host} is not on the list of official sources ({', '.join(domains)}). Use the "
            "organisation's own site, or ask an administrator to add it in Site settings."
        )
    return None


def load_live_lines():
    rows = list(HelpLine.objects.filter(live=True))
    return contacts.Lines(
        [row.as_line() for row in rows if row.active],
        hidden=[row.slug for row in rows if not row.active],
    )


def live_lines():
    """The approved lines in order: from the shared cache, which every publish refreshes
    (pages/signals.py), so a page costs no query for them; from the database on a miss."""
    lines = contacts.cached()
    if lines is None:
        lines = load_live_lines()
        if not (len(lines) or lines.hidden):
            lines = contacts.last_known()  # A database with no lines yet: never a blank.
        contacts.remember(lines, write_file=False)
    return lines


def refresh_last_known():
    """After a publish: what the public now sees becomes the database-down fallback."""
    lines = load_live_lines()
    if len(lines):
        contacts.remember(lines)
    return lines


def overdue_lines(today=None):
    """Active lines never checked, or past their review date, oldest first."""
    today = today or timezone.localdate()
    rows = HelpLine.objects.filter(active=True)
    overdue = [row.pk for row in rows if row.is_overdue(today)]
    return HelpLine.objects.filter(pk__in=overdue).order_by(
        models.F("last_verified_on").asc(nulls_first=True), "sort_order"
    )
