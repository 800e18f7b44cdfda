"""Meta description, canonical URL, Open Graph/Twitter tags and JSON-LD for every page."""

import json

from django import template
from django.templatetags.static import static
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

from core.contacts import NMPAA
from pages.models.help_lines import live_lines

register = template.Library()

SHARE_IMAGE_SPEC = "fill-1200x630"
DEFAULT_SHARE_IMAGE = "img/share.png"


def plain_text(text, limit=300):
    return Truncator(" ".join(strip_tags(text or "").split())).chars(limit)


def page_description(page):
    """The editor's search description, else the page's own summary or intro."""
    return plain_text(
        page.search_description or getattr(page, "summary", "") or getattr(page, "intro", "")
    )


def absolute_url(request, path):
    # From the request, not the Site record: ALLOWED_HOSTS vouches for the host, and the
    # Site's hostname is easily left as "localhost" after the first deploy.
    return request.build_absolute_uri(path)


def share_image(request, site_settings, page=None):
    """Absolute URL, width and height of the image shown when a page is shared: the page's
    own `share_picture` if it has one (an appeal's photo), else the site's."""
    picture = getattr(page, "share_picture", None)
    if picture is not None:
        return {
            "url": absolute_url(request, picture.url),
            "width": picture.width,
            "height": picture.height,
            "alt": picture.alt,
        }
    image = getattr(site_settings, "default_share_image", None)
    if image is not None:
        rendition = image.get_rendition(SHARE_IMAGE_SPEC)
        return {
            "url": absolute_url(request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": image.default_alt_text or image.title,
        }
    return {
        "url": absolute_url(request, static(DEFAULT_SHARE_IMAGE)),
        "width": 1200,
        "height": 630,
        "alt": site_settings.organisation_name,
    }


@register.inclusion_tag("includes/share_meta.html", takes_context=True)
def share_meta(context):
    request = context.get("request")
    page = context.get("page")
    site_settings = context["settings"]["pages"]["SiteSettings"]
    if page is not None:
        title = page.seo_title or page.title
        description = page_description(page)
        canonical = absolute_url(request, page.get_url(request))
        is_article = hasattr(page, "summary")
    else:
        title = context.get("meta_title") or site_settings.organisation_name
        description = context.get("meta_description", "")
        canonical = absolute_url(request, request.path)
        is_article = False
    return {
        "title": title,
        "description": description,
        "canonical": canonical,
        "og_type": "article" if is_article else "website",
        "site_name": site_settings.organisation_name,
        "image": share_image(request, site_settings, page),
    }


def json_ld_script(data):
    # "<" is escaped so that no text can close the script element early.
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def organisation_data(request, site_settings):
    data = {
        "@type": "NGO",
        "name": site_settings.organisation_name,
        "url": absolute_url(request, "/"),
        "telephone": live_lines()[NMPAA].dialled,
        "logo": absolute_url(request, static(DEFAULT_SHARE_IMAGE)),
    }
    if site_settings.email:
        data["email"] = site_settings.email
    return data


@register.simple_tag(takes_context=True)
def organisation_json_ld(context):
    data = organisation_data(context["request"], context["settings"]["pages"]["SiteSettings"])
    return json_ld_script({"@context": "https://schema.org", **data})


@register.simple_tag(takes_context=True)
def article_json_ld(context, page):
    request = context["request"]
    site_settings = context["settings"]["pages"]["SiteSettings"]
    organisation = organisation_data(request, site_settings)
    url = absolute_url(request, page.get_url(request))
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": page.title,
        "description": page_description(page),
        "url": url,
        "mainEntityOfPage": url,
        "image": share_image(request, site_settings)["url"],
        "author": organisation,
        "publisher": organisation,
    }
    if page.first_published_at:
        data["datePublished"] = page.first_published_at.isoformat()
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    return json_ld_script(data)


@register.filter
def page_summary(page):
    """A page's listing summary (written for listings), else its search description."""
    return plain_text(
        getattr(page, "summary", "") or page.search_description or getattr(page, "intro", "")
    )
