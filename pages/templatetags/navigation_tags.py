from django import template
from django.db.models import Q

from wagtail.models import Page, Site

from pages.models import ancestor_paths
from pages.page_cache import generation_cached

register = template.Library()

# Pages the header and footer link to, found by their slug under the home page.
SAFETY_PAGE_SLUGS = {
    "browse-safely": "browse_safely",
    "privacy": "privacy",
    "accessibility": "accessibility",
}


def _navigation(request, page):
    """Main menu and breadcrumbs: one query per content generation, kept on the request."""
    cached = getattr(request, "_navigation", None)
    if cached is not None and cached[0] is page:
        return cached[1]

    site = Site.find_for_request(request)
    if site is None:
        return [], []
    key = f"navigation:{site.pk}:{page.path if page is not None else ''}"
    navigation = generation_cached(key, lambda: _menu_and_crumbs(site.root_page, page))
    request._navigation = (page, navigation)
    return navigation


def _menu_and_crumbs(home, page):
    crumb_paths = set(ancestor_paths(page)) if page is not None else set()
    menu_filter = Q(path__startswith=home.path, depth=home.depth + 1, live=True, show_in_menus=True)
    rows = list(
        Page.objects.filter(menu_filter | Q(path__in=crumb_paths, depth__gt=1)).order_by("path")
    )
    menu = [row for row in rows if row.depth == home.depth + 1 and row.live and row.show_in_menus]
    crumbs = [row for row in rows if row.path in crumb_paths]
    return menu, crumbs


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
    """URLs of Browse safely, Privacy and Accessibility, once per content generation."""
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {}
    return generation_cached(f"safety-page-urls:{site.pk}", lambda: _safety_page_urls(site))


def _safety_page_urls(site):
    pages = site.root_page.get_children().live().filter(slug__in=SAFETY_PAGE_SLUGS)
    return {SAFETY_PAGE_SLUGS[page.slug]: page.get_url() for page in pages}
