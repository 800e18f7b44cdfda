"""What happens when a workflow is approved: WAGTAIL_FINISH_WORKFLOW_ACTION.

Wagtail imports this while it loads its own models, so nothing from wagtail.models is
imported at the top.
"""

import contextvars

_approver = contextvars.ContextVar("two_person_approver", default=None)


def current_approver():
    """The user whose approval is publishing the object being saved, if any."""
    return _approver.get()


def publish_approved(workflow_state, user=None):
    """WAGTAIL_FINISH_WORKFLOW_ACTION: publish what the workflow approved.

    For a two-person model the approval is the permission: nobody holds "publish" for it.
    """
    obj = workflow_state.content_object
    if not getattr(obj, "two_person_publish", False):
        from wagtail.workflows import publish_workflow_state

        return publish_workflow_state(workflow_state, user=user)
    token = _approver.set(user)
    try:
        obj.get_latest_revision().publish(user=user, skip_permission_checks=True)
    finally:
        _approver.reset(token)
