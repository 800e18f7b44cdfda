from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.log_actions import LogFormatter

from .admin_views import STATUS_CHANGE_ACTION, TRIAGE_CHANGE_ACTION
from .dashboard import FamilyRequestsDuePanel, NewSignUpsPanel, NotificationsHeldPanel
from .kinds import KINDS


class OutreachViewSetGroup(ModelViewSetGroup):
    menu_label = "Outreach"
    menu_icon = "mail"
    menu_order = 250
    items = tuple(kind.viewset for kind in KINDS if not kind.viewset.add_to_admin_menu)


@hooks.register("register_admin_viewset")
def register_outreach_viewsets():
    return OutreachViewSetGroup()


# A kind with its own menu entry (family requests) stands apart from the Outreach group.
for kind in KINDS:
    if kind.viewset.add_to_admin_menu:
        hooks.register("register_admin_viewset", kind.viewset)


@hooks.register("register_log_actions")
def register_outreach_log_actions(actions):
    @actions.register_action(STATUS_CHANGE_ACTION)
    class StatusChange(LogFormatter):
        label = "Change status"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            message = f"Status changed from {data.get('from', '?')} to {data.get('to', '?')}"
            return f"{message} ({data['reason']})" if data.get("reason") else message

    @actions.register_action(TRIAGE_CHANGE_ACTION)
    class TriageChange(LogFormatter):
        label = "Assign or plan contact"

        def format_message(self, log_entry):
            return "; ".join((log_entry.data or {}).get("changes", [])) or "Triage changed"


@hooks.register("construct_homepage_panels")
def add_outreach_panels(request, panels):
    panels.extend([NotificationsHeldPanel(), FamilyRequestsDuePanel(), NewSignUpsPanel()])
