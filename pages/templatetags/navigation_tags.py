from django import template
from django.db.models import Q

from wagtail.models import Page, Site

from core.page_cache import generation_cached
from pages.cards import family_guide_section
from pages.routing import ancestor_paths

register = template.Library()

# Pages the header and footer link to, found by their slug under the home page.
SAFETY_PAGE_SLUGS = {
    "browse-safely": "browse_safely",
    "scams-and-fake-calls": "scams",
    "privacy": "privacy",
    "accessibility": "accessibility",
}


def _navigation(request, page):
    """Menu, breadcrumbs and safety links: one query per content generation, kept on the request."""
    cached = getattr(request, "_navigation", None)
    if cached is not None and cached[0] is page:
        return cached[1]

    site = Site.find_for_request(request)
    if site is None:
        return [], [], {}
    key = f"navigation:{site.pk}:{page.path if page is not None else ''}"
    navigation = generation_cached(key, lambda: _navigation_rows(site.root_page, page))
    request._navigation = (page, navigation)
    return navigation


def _navigation_rows(home, page):
    crumb_paths = set(ancestor_paths(page)) if page is not None else set()
    top_level = Q(path__startswith=home.path, depth=home.depth + 1, live=True)
    rows = list(
        Page.objects.filter(
            (top_level & (Q(show_in_menus=True) | Q(slug__in=SAFETY_PAGE_SLUGS)))
            | Q(path__in=crumb_paths, depth__gt=1)
        ).order_by("path")
    )
    is_top_level = [row.depth == home.depth + 1 and row.live for row in rows]
    menu = [row for row, top in zip(rows, is_top_level, strict=True) if top and row.show_in_menus]
    crumbs = [row for row in rows if row.path in crumb_paths]
    safety_urls = {
        SAFETY_PAGE_SLUGS[row.slug]: row.get_url()
        for row, top in zip(rows, is_top_level, strict=True)
        if top and row.slug in SAFETY_PAGE_SLUGS
    }
    return menu, crumbs, safety_urls


@register.simple_tag(takes_context=True)
def main_menu_pages(context):
    """The home page's live children that editors ticked "show in menus"."""
    return _navigation(context["request"], context.get("page"))[0]


@register.simple_tag(takes_context=True)
def breadcrumb_pages(context, page):
    """The page and its ancestors below the tree root, home page first."""
    return _navigation(context["request"], page)[1]


@register.simple_tag(takes_context=True)
def safety_page_urls(context):
    """URLs of Browse safely, Privacy and Accessibility, by name."""
    request = context.get("request")
    return _navigation(request, context.get("page"))[2] if request is not None else {}


@register.simple_tag(takes_context=True)
def current_section(context):
    """The main-menu level page the current page is, or is under; None elsewhere."""
    request, page = context.get("request"), context.get("page")
    site = Site.find_for_request(request) if request is not None else None
    if site is None or page is None:
        return None
    crumbs = _navigation(request, page)[1]
    return next((crumb for crumb in crumbs if crumb.depth == site.root_page.depth + 1), None)


@register.simple_tag
def family_guide():
    """The live "Help for families" section, for links to it; None until it exists."""
    return family_guide_section()
