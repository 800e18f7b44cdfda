from django import template

from wagtail.models import Page, Site

register = template.Library()


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
    """Ancestors of the page below the tree root, home page first."""
    return list(Page.objects.ancestor_of(page).filter(depth__gt=1))
