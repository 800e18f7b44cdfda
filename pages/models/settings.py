"""Site settings: contact details, help numbers, footer, alert banner, quick exit, sharing."""

from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField

from core import phone
from core.contacts import CONTACTS, PhoneLinks
from core.page_cache import GenerationCachedSettingMixin

from ..blocks import INLINE_FEATURES


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

    family_caseworkers_email = models.EmailField(
        "family caseworkers' email",
        blank=True,
        help_text="Where new family help requests are announced, with a link only. Use a "
        "mailbox only the family caseworkers can read. Until it is set, none is announced.",
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
        FieldPanel("family_caseworkers_email"),
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
