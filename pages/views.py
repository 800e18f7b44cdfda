import unicodedata
from urllib.parse import urlencode

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse

from wagtail.models import Page, Site

from .routing import public
from .search import FAMILY_HELP_ANCHOR, is_about_a_missing_person, search_query

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """Control characters (a NUL byte makes PostgreSQL refuse the query) become spaces."""
    printable = "".join(" " if unicodedata.category(char) in {"Cc", "Cs"} else char for char in raw)
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


def search(request):
    query = clean_query(request.GET.get("q", ""))
    results = Page.objects.none()
    if query:
        # Results show title and search description only: no `.specific` query per type.
        results = public(Page.objects.live()).search(search_query(query))

    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        results_page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        results_page = paginator.page(1)
    except EmptyPage:
        results_page = paginator.page(paginator.num_pages)

    family_help_url = None
    site = Site.find_for_request(request)
    if site and is_about_a_missing_person(query):
        family_help_url = f"{site.root_page.get_url(request)}#{FAMILY_HELP_ANCHOR}"

    return TemplateResponse(
        request,
        "pages/search_page.html",
        {
            "search_query": query,
            "family_help_url": family_help_url,
            "results": results_page,
            # For the pagination links: the query string each page link starts with.
            "query_prefix": urlencode({"q": query}) + "&" if query else "",
            "page_range": paginator.get_elided_page_range(results_page.number, on_each_side=1),
            "meta_description": "Search the guidance on missing persons and human trafficking.",
        },
    )
