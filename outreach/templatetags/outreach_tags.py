from django import template

from wagtail.models import Site

from outreach.models import SignUpPage

register = template.Library()


@register.inclusion_tag("outreach/includes/sign_up_links.html", takes_context=True)
def sign_up_links(context, parent=None):
    """Links to the live sign-up pages: under `parent`, or anywhere in the current site."""
    request = context.get("request")
    pages = SignUpPage.objects.live().public()
    if parent is not None:
        pages = pages.child_of(parent)
    else:
        site = Site.find_for_request(request) if request else None
        pages = pages.descendant_of(site.root_page) if site else pages.none()
    return {"request": request, "sign_up_pages": list(pages.order_by("path"))}
