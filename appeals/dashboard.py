"""The dashboard panel: appeals past their review date, for the approvers."""

from wagtail.admin.ui.components import Component

from .review import review_rows
from .workflow import is_approver


class AppealsDueForReviewPanel(Component):
    name = "appeals_due_for_review"
    template_name = "appeals/admin/review_panel.html"
    order = 45

    def get_context_data(self, parent_context):
        user = parent_context["request"].user
        return {"rows": review_rows() if is_approver(user) else []}
