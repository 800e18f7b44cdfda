"""Pages as listing cards (title, url, summary), whatever their type, in one query."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F
from django.db.models.functions import Coalesce

from wagtail.models import Page

from core.page_cache import generation_cached

from .models import ArticlePage, ConventionPage, InitiativePage, RolePage


def page_cards(pages):
    """The pages annotated with their `summary`.

    Articles keep `summary` in their own tables; a join per article type replaces one
    `.specific` query per listed page.
    """
    summaries = [
        F(f"{model._meta.model_name}__summary")
        for model in apps.get_models()
        if issubclass(model, ArticlePage)
    ]
    if len(summaries) > 1:
        return pages.annotate(summary=Coalesce(*summaries, output_field=models.TextField()))
    return pages.annotate(summary=summaries[0]) if summaries else pages


def cards_in_order(page_ids):
    """Live pages with these ids, as cards, in the order given; missing ones left out."""
    by_id = page_cards(Page.objects.live().filter(id__in=page_ids)).in_bulk()
    seen = set()
    cards = []
    for page_id in page_ids:
        if page_id in by_id and page_id not in seen:
            seen.add(page_id)
            cards.append(by_id[page_id])
    return cards


def chosen_page_ids(pages):
    """Ids of chosen pages: a block's list of pages, or a StreamField of page choosers."""
    raw_data = getattr(pages, "raw_data", None)
    if raw_data is not None:  # the ids as stored, without loading the pages
        return [item["value"] for item in raw_data if item["type"] == "page"]
    return [page.pk for page in pages or [] if page]


def related_cards(pages):
    """The live pages among those chosen, as cards, in the editors' order."""
    page_ids = chosen_page_ids(pages)
    if not page_ids:
        return []
    key = "related:" + ",".join(map(str, page_ids))
    return generation_cached(key, lambda: cards_in_order(page_ids))


def article_groups(section):
    """A legal framework section's live articles as (heading, cards) in the editors' order."""
    children = generation_cached(
        f"children:{section.pk}", lambda: list(page_cards(section.get_children().live()))
    )
    groups = [
        (section.conventions_heading, ConventionPage),
        (section.roles_heading, RolePage),
        (section.initiatives_heading, InitiativePage),
    ]
    return [
        (
            heading,
            [
                child
                for child in children
                if child.content_type_id == ContentType.objects.get_for_model(page_type).id
            ],
        )
        for heading, page_type in groups
    ]
