from django import template

from wagtail.models import Site

from core.page_cache import generation_cached
from outreach import kinds
from outreach.models import SignUpPage
from pages.routing import public

register = template.Library()


@register.inclusion_tag("outreach/includes/sign_up_links.html", takes_context=True)
def sign_up_links(context, parent=None):
    """Links to the live pages of the "Get involved" kinds: under `parent`, or anywhere in
    the current site."""
    request = context.get("request")
    if parent is None:
        site = Site.find_for_request(request) if request else None
        if site is None:
            return {"request": request, "sign_up_pages": []}
        parent, key = site.root_page, f"sign-up-links:site:{site.pk}"
        pages = SignUpPage.objects.descendant_of(parent)
    else:
        key = f"sign-up-links:child-of:{parent.pk}"
        pages = SignUpPage.objects.child_of(parent)
    pages = pages.filter(form_kind__in=kinds.GET_INVOLVED)
    listed = generation_cached(key, lambda: list(public(pages.live()).order_by("path")))
    return {"request": request, "sign_up_pages": listed}
