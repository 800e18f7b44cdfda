"""Site settings: contact details, help-line sources, footer, alert banner, quick exit, sharing."""

from django.db import models

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField

from core.contacts import ORGANISATION_NAME
from core.page_cache import GenerationCachedSettingMixin

from ..blocks import INLINE_FEATURES

# The sites of the help lines the content loader creates (core/contacts.py).
DEFAULT_OFFICIAL_DOMAINS = "\n".join(
    ["911.gov", "humantraffickinghotline.org", "missingkids.org", "acf.hhs.gov", "oig.hhs.gov"]
)


@register_setting(icon="cog")
class SiteSettings(GenerationCachedSettingMixin, BaseSiteSetting):
    """Contact details and footer text, edited by staff without a deploy."""

    organisation_name = models.CharField(max_length=150, default=ORGANISATION_NAME)
    email = models.EmailField(
        blank=True, help_text="Shown on the site. Leave empty to show no email address."
    )
    footer_text = models.TextField(
        max_length=500,
        blank=True,
        default=f"The {ORGANISATION_NAME} raises awareness for missing persons of color.",
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

    official_source_domains = models.TextField(
        "official sources for help lines",
        default=DEFAULT_OFFICIAL_DOMAINS,
        help_text="One web domain per line, e.g. missingkids.org (its subdomains count too). "
        "A help line's source must be an https page on one of these.",
    )
    get_help_text = RichTextField(
        "get help now",
        features=INLINE_FEATURES,
        blank=True,
        default=(
            "<p>If you or someone else is in danger now, call the emergency number below. "
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
                FieldPanel("email"),
            ],
            heading="Contact",
        ),
        FieldPanel("footer_text"),
        FieldPanel("staff_notification_email"),
        FieldPanel("family_caseworkers_email"),
        MultiFieldPanel(
            [
                FieldPanel("get_help_text"),
            ],
            heading="Get help now",
        ),
        MultiFieldPanel(
            [FieldPanel("alert_banner_enabled"), FieldPanel("alert_banner_text")],
            heading="Alert banner",
        ),
        FieldPanel("official_source_domains"),
        FieldPanel("quick_exit_url"),
        FieldPanel("default_share_image"),
    ]

    class Meta:
        verbose_name = "site settings"
