"""The admin for help lines: their snippet viewset, the overdue report and dashboard panel."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils import timezone

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models.help_lines import VERIFIERS_GROUP, HelpLine, overdue_lines


class ApprovalOnlyPublishing(ModelPermissionPolicy):
    """Nobody publishes a help line from the editor, superusers included: only a second
    person's approval does (pages/approval.py)."""

    def user_has_permission(self, user, action):
        return action != "publish" and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return action != "publish" and super().user_has_permission_for_instance(
            user, action, instance
        )


class HelpLineViewSet(SnippetViewSet):
    model = HelpLine
    icon = "mobile-alt"
    menu_label = "Help lines"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "shown", "last_verified_on", "review_due_on", "active", "live"]
    ordering = ["sort_order", "name"]

    @property
    def permission_policy(self):
        return ApprovalOnlyPublishing(self.model)


register_snippet(HelpLineViewSet)


@hooks.register("construct_snippet_action_menu")
def no_publish_button_for_two_person_models(menu_items, request, context):
    """Only an approval by a second person publishes these (pages/approval.py)."""
    if getattr(context.get("model"), "two_person_publish", False):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


def is_verifier(user):
    return user.is_superuser or user.groups.filter(name=VERIFIERS_GROUP).exists()


def edit_url(line):
    return reverse(HelpLineViewSet().get_url_name("edit"), args=[line.pk])


class OverdueHelpLinesReport(ReportView):
    page_title = "Help lines to check"
    header_icon = "warning"
    index_url_name = "overdue_help_lines"
    index_results_url_name = "overdue_help_lines_results"
    list_export = ["name", "shown", "last_verified_on", "review_due_on", "source_url"]
    columns = [
        TitleColumn("name", label="Help line", get_url=edit_url),
        Column("shown", label="Number as shown"),
        Column("last_verified_on", label="Last checked"),
        Column("review_due_on", label="Check due"),
        Column("source_url", label="Source"),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not is_verifier(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return overdue_lines()


@hooks.register("register_admin_urls")
def help_line_report_urls():
    view = OverdueHelpLinesReport.as_view()
    results = OverdueHelpLinesReport.as_view(results_only=True)
    return [
        path("reports/overdue-help-lines/", view, name="overdue_help_lines"),
        path("reports/overdue-help-lines/results/", results, name="overdue_help_lines_results"),
    ]


class VerifiersMenuItem(MenuItem):
    def is_shown(self, request):
        return is_verifier(request.user)


@hooks.register("register_reports_menu_item")
def overdue_help_lines_menu_item():
    return VerifiersMenuItem(
        "Help lines to check", reverse("overdue_help_lines"), icon_name="warning", order=50
    )


class OverdueHelpLinesPanel(Component):
    name = "overdue_help_lines"
    order = 50
    template_name = "pages/admin/overdue_help_lines_panel.html"

    def __init__(self, lines):
        self.lines = lines

    def get_context_data(self, parent_context):
        return {
            "lines": [(line, edit_url(line)) for line in self.lines],
            "today": timezone.localdate(),
        }


@hooks.register("construct_homepage_panels")
def overdue_help_lines_panel(request, panels):
    if is_verifier(request.user):
        lines = list(overdue_lines())
        if lines:
            panels.append(OverdueHelpLinesPanel(lines))
