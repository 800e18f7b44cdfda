"""Which Wagtail site answers a request, by Wagtail's own rules, in less work than Wagtail's.

Wagtail asks the database to rank the sites with a CASE expression and then loads the home
page twice (as a plain page, then as its own type). A site has a handful of Site rows: they
are ranked here in Python instead, and the home page is loaded once, as its own type. The
answer is cached with the content (core/page_cache.py), so this runs once per host after each
publish.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import F

from wagtail.models import Page, Site

# Wagtail's ranking (wagtail.models.sites.get_site_for_hostname), best first.
HOSTNAME_AND_PORT, HOSTNAME_DEFAULT, DEFAULT, HOSTNAME = range(4)


def _rank(site, hostname, port):
    if site.hostname == hostname and site.port == port:
        return HOSTNAME_AND_PORT
    if site.hostname == hostname and site.is_default_site:
        return HOSTNAME_DEFAULT
    return DEFAULT if site.is_default_site else HOSTNAME


def best_site(sites, hostname, port):
    """The site Wagtail would pick for this host and port among `sites`; None if none."""
    candidates = sorted(
        (site for site in sites if site.hostname == hostname or site.is_default_site),
        key=lambda site: _rank(site, hostname, port),
    )
    if not candidates:
        return None
    best = _rank(candidates[0], hostname, port)
    if len(candidates) == 1 or best in (HOSTNAME_AND_PORT, HOSTNAME_DEFAULT):
        return candidates[0]
    if best == DEFAULT:
        # The default, unless exactly one other site has this hostname.
        return candidates[len(candidates) == 2]
    return None


def find_site(hostname, port):
    """The site for this host and port, its home page loaded as its own type; None if none."""
    sites = Site.objects.annotate(root_type=F("root_page__content_type_id"))
    site = best_site(list(sites), hostname, port)
    if site is not None:
        # A page type whose code is gone loads as a plain page, as in Wagtail.
        page_type = ContentType.objects.get_for_id(site.root_type).model_class() or Page
        site.root_page = page_type.objects.get(pk=site.root_page_id)
    return site
