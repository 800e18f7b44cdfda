"""Closing an appeal: one action that takes it down everywhere at once.

Unpublishing retires every cached page (pages/signals.py, and the CDN where configured);
the URL then answers 410 Gone (AppealPage.route). The photos are deleted with their
renditions, so no copy stays on the media server; where the person is now is never stored.
"""

from django.db import transaction

from .poster import forget_posters
from .records import AppealClosure


@transaction.atomic
def close_appeal(appeal, reason, user=None):
    closure = AppealClosure.objects.create(appeal=appeal, reason=reason, closed_by=user)
    if appeal.live:
        appeal.unpublish(user=user)
    for photo in list(appeal.photos.all()):
        # Wagtail removes the original's file and every rendition's once this commits.
        photo.image.delete()
    forget_posters(appeal)
    return closure
