"""Retire cached pages whenever something a visitor can see changes."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from core.page_cache import invalidate_all_pages

from .models.help_lines import HelpLine, refresh_last_known

# Saved or deleted rows of these kinds change what anonymous visitors see. Page saves alone
# are drafts; publishing, unpublishing, moving and deleting are caught below.
VISIBLE_MODELS = (
    BaseSiteSetting,
    BaseGenericSetting,
    Site,
    PageViewRestriction,
    AbstractImage,
    AbstractDocument,
)


def _page_changed(sender, **kwargs):
    invalidate_all_pages()


def _help_lines_changed(sender, **kwargs):
    """A help line went live or away: every page and the database-down copy change at once."""
    invalidate_all_pages()
    transaction.on_commit(refresh_last_known, robust=True)


def _row_changed(sender, instance, **kwargs):
    if isinstance(instance, VISIBLE_MODELS) or (
        kwargs.get("signal") is post_delete and isinstance(instance, Page)
    ):
        invalidate_all_pages()


def _groups_changed(sender, instance, **kwargs):
    # Who may see a private page is part of its view restriction.
    if isinstance(instance, PageViewRestriction):
        invalidate_all_pages()


def _deployed(sender, **kwargs):
    # A deploy runs `migrate` as its release step; pages stored by the previous release point
    # at its templates and hashed static files, so they are retired too.
    invalidate_all_pages()


def connect():
    page_published.connect(_page_changed, dispatch_uid="page-cache-published")
    page_unpublished.connect(_page_changed, dispatch_uid="page-cache-unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="page-cache-moved")
    published.connect(_help_lines_changed, sender=HelpLine, dispatch_uid="help-line-published")
    unpublished.connect(_help_lines_changed, sender=HelpLine, dispatch_uid="help-line-unpublished")
    post_delete.connect(_help_lines_changed, sender=HelpLine, dispatch_uid="help-line-deleted")
    post_save.connect(_row_changed, dispatch_uid="page-cache-saved")
    post_delete.connect(_row_changed, dispatch_uid="page-cache-deleted")
    m2m_changed.connect(_groups_changed, dispatch_uid="page-cache-groups")
    post_migrate.connect(_deployed, dispatch_uid="page-cache-deployed")
