"""Panels on the Wagtail dashboard for staff who review sign-ups."""

from django.urls import reverse

from wagtail.admin.ui.components import Component
from wagtail.models import Site

from pages.models import SiteSettings

from .choices import Status
from .kinds import KINDS


def kinds_for(user, action):
    """The sign-up kinds this user may `action` ("view" or "change")."""
    return [kind for kind in KINDS if kind.allows(user, action)]


class NewSignUpsPanel(Component):
    name = "outreach_new_sign_ups"
    template_name = "outreach/admin/new_sign_ups_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        waiting = []
        for kind in kinds_for(user, "view"):
            count = kind.model.objects.filter(status=Status.NEW).count()
            meta = kind.model._meta
            noun = meta.verbose_name if count == 1 else meta.verbose_name_plural
            waiting.append(
                {
                    "text": f"{count} {noun}",
                    "url": f"{reverse(f'{kind.viewset.url_namespace}:index')}?status={Status.NEW}",
                }
            )
        return {"waiting": waiting}


class NotificationsHeldPanel(Component):
    """Says so when no staff address is set, since notifications then wait for one."""

    name = "outreach_notifications_held"
    template_name = "outreach/admin/notifications_held_panel.html"
    order = 40

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        site = Site.find_for_request(request)
        address = SiteSettings.for_site(site).staff_notification_email if site else ""
        shown = bool(kinds_for(request.user, "change")) and not address
        can_edit = request.user.has_perm("pages.change_sitesettings")
        url = reverse("wagtailsettings:edit", args=["pages", "sitesettings"])
        return {"shown": shown, "settings_url": url if can_edit else None}
