from django import template
from django.db.models import Exists, F, OuterRef
from django.db.models.lookups import StartsWith

from wagtail.models import PageViewRestriction, Site

from outreach.models import SignUpPage
from pages.page_cache import generation_cached

register = template.Library()


@register.inclusion_tag("outreach/includes/sign_up_links.html", takes_context=True)
def sign_up_links(context, parent=None):
    """Links to the live sign-up pages: under `parent`, or anywhere in the current site."""
    request = context.get("request")
    if parent is None:
        site = Site.find_for_request(request) if request else None
        if site is None:
            return {"request": request, "sign_up_pages": []}
        scope, children_only = site.root_page, False
    else:
        scope, children_only = parent, True
    pages = generation_cached(
        f"sign-up-links:{scope.path}:{children_only}",
        lambda: list(public_sign_up_pages(scope, children_only)),
    )
    return {"request": request, "sign_up_pages": pages}


def public_sign_up_pages(scope, children_only):
    """Live sign-up pages no view restriction covers: one query, where public() takes two."""
    pages = SignUpPage.objects.live()
    pages = pages.child_of(scope) if children_only else pages.descendant_of(scope)
    restricted = PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))
    return pages.exclude(Exists(restricted)).order_by("path")
