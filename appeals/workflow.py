"""Publishing an appeal: automatic checks, then a second person from the approvers group.

`AppealPage.permissions_for_user` makes this the only way: nobody may publish an appeal
except an approver who did not submit it, while that approval is under way.
"""

from wagtail.models import Task, WorkflowState
from wagtail.models.pages import PagePermissionTester

from pages.workflows import TwoPersonApprovalTask, authors

from .names import APPROVERS_GROUP
from .readiness import reasons_not_ready


def _appeal_of(task_state):
    return task_state.revision.as_object()


class AppealChecksTask(Task):
    """Passes at once if consent and verification are in order; otherwise sends the appeal
    back with the reasons, which the editor sees in the page's history and status."""

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        reasons = reasons_not_ready(_appeal_of(task_state))
        if reasons:
            task_state.reject(user=None, update=False, comment=" ".join(reasons))
        else:
            task_state.approve(
                user=None, update=False, comment="Consent and verification in order."
            )
        return task_state

    def get_actions(self, obj, user):
        return []

    @classmethod
    def get_description(cls):
        return "Refuses an appeal without web consent or police verification, or with future dates"

    class Meta:
        verbose_name = "appeal checks task"


def submitted_by(task_state):
    """Who asked for this approval: the workflow's requester and the revision's author."""
    return authors(task_state.workflow_state)


class AppealApprovalTask(TwoPersonApprovalTask):
    """The shared two-person approval, which also checks the appeal is still ready at the
    moment of approval (a consent withdrawn meanwhile sends it back with the reason)."""

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and user.pk not in submitted_by(task_state):
            reasons = reasons_not_ready(_appeal_of(task_state))
            if reasons:
                return task_state.reject(user=user, comment=" ".join(reasons))
        return super().on_action(task_state, user, action_name, **kwargs)

    class Meta:
        proxy = True
        verbose_name = "appeal approval task"


def is_approver(user):
    return user.is_active and (
        user.is_superuser or user.groups.filter(name=APPROVERS_GROUP).exists()
    )


def approval_open_to(page, user):
    """True while `user`, an approver who did not submit it, is approving the page's latest
    revision (including the moment the workflow finishes and publishes it)."""
    state = (
        WorkflowState.objects.for_instance(page)
        .filter(status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_APPROVED])
        .select_related("current_task_state__revision", "current_task_state__task")
        .order_by("-created_at")
        .first()
    )
    if state is None or state.current_task_state is None:
        return False
    task_state = state.current_task_state
    if not isinstance(task_state.task.specific, AppealApprovalTask):
        return False
    if state.status == WorkflowState.STATUS_APPROVED and (
        task_state.revision_id != page.latest_revision_id
    ):
        return False
    return user.pk not in submitted_by(task_state)


class AppealPermissionTester(PagePermissionTester):
    """Page permissions never let anyone publish an appeal: only the approval step does."""

    def can_publish(self):
        return is_approver(self.user) and approval_open_to(self.page, self.user)

    def can_unpublish(self):
        return self.page.live and is_approver(self.user)


class AppealIndexPermissionTester(PagePermissionTester):
    def can_publish_subpage(self):
        return False  # an appeal is created as a draft and published through the workflow
