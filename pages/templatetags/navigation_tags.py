from django import template

from wagtail.models import Page, Site

register = template.Library()

# Pages the header and footer link to, found by their slug under the home page.
SAFETY_PAGE_SLUGS = {
    "browse-safely": "browse_safely",
    "privacy": "privacy",
    "accessibility": "accessibility",
}


@register.simple_tag(takes_context=True)
def main_menu_pages(context):
    """The home page's live children that editors ticked "show in menus"."""
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return []
    return list(site.root_page.get_children().live().in_menu())


@register.simple_tag
def breadcrumb_pages(page):
    """The page and its ancestors below the tree root, home page first."""
    return list(Page.objects.ancestor_of(page, inclusive=True).filter(depth__gt=1))


@register.simple_tag(takes_context=True)
def safety_page_urls(context):
    """URLs of Browse safely, Privacy and Accessibility, in one query per request."""
    request = context.get("request")
    if request is None:
        return {}
    cached = getattr(request, "_safety_page_urls", None)
    if cached is not None:
        return cached
    urls = {}
    site = Site.find_for_request(request)
    if site is not None:
        pages = site.root_page.get_children().live().filter(slug__in=SAFETY_PAGE_SLUGS)
        for page in pages:
            urls[SAFETY_PAGE_SLUGS[page.slug]] = page.get_url(request)
    request._safety_page_urls = urls
    return urls
