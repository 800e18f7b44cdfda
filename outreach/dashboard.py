"""Panels on the Wagtail dashboard for staff who review sign-ups."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from wagtail.admin.ui.components import Component
from wagtail.models import Site

from pages.models import SiteSettings

from .choices import Status
from .kinds import KINDS, get
from .tasks import staff_address


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
        contact = SiteSettings.for_site(site) if site else SiteSettings()
        missing = {
            kind.notify_field: SiteSettings._meta.get_field(kind.notify_field).verbose_name
            for kind in kinds_for(request.user, "change")
            if not staff_address(kind, contact)
        }
        shown = bool(missing)
        can_edit = request.user.has_perm("pages.change_sitesettings")
        url = reverse("wagtailsettings:edit", args=["pages", "sitesettings"])
        return {
            "shown": shown,
            "fields": " and the ".join(missing.values()),
            "settings_url": url if can_edit else None,
        }


class FamilyRequestsDuePanel(Component):
    """Family requests waiting too long: not triaged within a day, or past their contact date."""

    name = "outreach_family_requests_due"
    template_name = "outreach/admin/family_requests_due_panel.html"
    order = 45
    TRIAGE_WITHIN = timedelta(hours=24)

    def get_context_data(self, parent_context):
        kind = get("family")
        if not kind.allows(parent_context["request"].user, "view"):
            return {"shown": False}
        requests = kind.model.objects.only(
            "pk", "missing_first_name", "created_at", "next_contact_by", "status"
        )
        untriaged = requests.filter(
            status=kind.model.STATUS.NEW, created_at__lt=timezone.now() - self.TRIAGE_WITHIN
        ).order_by("created_at")
        overdue = (
            requests.exclude(status__in=kind.model.CLOSED_STATUSES)
            .filter(next_contact_by__lt=timezone.localdate())
            .order_by("next_contact_by")
        )
        return {
            "shown": True,
            "untriaged": list(untriaged),
            "overdue": list(overdue),
            "edit_url": f"{kind.viewset.url_namespace}:edit",
        }
