"""Two people for a change: a group approval task its author cannot approve.

Reusable by any snippet or page: give the model a workflow whose task is a
TwoPersonApprovalTask, and set `two_person_publish = True` on the model so that only an
approved workflow publishes it (pages/approval.py; no Publish button, see wagtail_hooks.py).
"""

from django.core.exceptions import PermissionDenied

from wagtail.models import AbstractGroupApprovalTask


def authors(workflow_state):
    """Who asked for the change: the submitter and the author of the revision under review."""
    people = {workflow_state.requested_by_id}
    task_state = workflow_state.current_task_state
    if task_state is not None and task_state.revision is not None:
        people.add(task_state.revision.user_id)
    return people - {None}


class TwoPersonApprovalTask(AbstractGroupApprovalTask):
    """Members of the chosen groups approve, except whoever submitted or wrote the change."""

    def is_author(self, obj, user):
        state = getattr(obj, "current_workflow_state", None)
        return state is not None and user.pk in authors(state)

    def get_actions(self, obj, user):
        if self.is_author(obj, user):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and user.pk in authors(task_state.workflow_state):
            raise PermissionDenied("Someone other than the author of a change must approve it.")
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(workflow_state__requested_by=user).exclude(revision__user=user)

    @classmethod
    def get_description(cls):
        return "Members of the chosen groups approve, but never the person who made the change"

    class Meta:
        verbose_name = "two-person approval task"
        verbose_name_plural = "two-person approval tasks"
